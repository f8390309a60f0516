package gtm

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/jsonpos"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// readTemplates reads the export's custom templates, keyed by the tag type
// that runs them (cvt_<containerId>_<templateId>). A template without its
// own containerId is the export's container's (containerID); with neither,
// its key is cvt__<templateId> (see templateOf).
func (r *reader) readTemplates(list *model.Value, containerID string) {
	r.templates = map[string]*model.ContainerTemplate{}
	for _, ct := range items(list) {
		nameV := ct.Get("name")
		var t *model.ContainerTemplate
		if data := ct.Get("templateData"); data.Is(model.String) {
			text, orig := decodeString(r.f, data.Span)
			if text == nil {
				continue
			}
			tf := source.New(r.f.Name, text)
			t = readTemplate(tf, str(nameV))
			remap(t, tf, r.f, orig, data.Span.Pointer)
		} else {
			t = &model.ContainerTemplate{}
		}
		t.Name, t.Span = str(nameV), spanOf(nameV, ct)
		if g := ct.Get("galleryReference"); g != nil {
			t.Gallery = str(g.Get("owner")) + "/" + str(g.Get("repository"))
			if strings.EqualFold(t.Gallery, pixel.GTMTemplateRepository) {
				t.Pixel, t.SelfInit = true, true // the official template's event tags initialise
			}
		}
		// The template's own calls are not the container's: its tags make
		// the calls, with their parameters' values.
		r.c.Templates = append(r.c.Templates, t)
		cid := str(ct.Get("containerId"))
		if cid == "" {
			cid = containerID
		}
		r.templates["cvt_"+cid+"_"+str(ct.Get("templateId"))] = t
	}
}

// templateOf returns the custom template a tag of type typ runs. An export
// trimmed of its containerId still holds one container's templates, so the
// template's id alone names it then: the tag is checked, not skipped.
func (r *reader) templateOf(typ string) *model.ContainerTemplate {
	if t := r.templates[typ]; t != nil {
		return t
	}
	if i := strings.LastIndexByte(typ, '_'); i > len("cvt_") {
		return r.templates["cvt__"+typ[i+1:]]
	}
	return nil
}

// section returns the byte range of a .tpl section's body, or -1, -1.
func section(text []byte, name string) (int, int) {
	head := []byte("___" + name + "___")
	i := bytes.Index(text, head)
	if i < 0 {
		return -1, -1
	}
	start := i + len(head)
	end := len(text)
	if j := sectionHead.FindIndex(text[start:]); j != nil {
		end = start + j[0]
	}
	return start, end
}

var sectionHead = regexp.MustCompile(`(?m)^___[A-Z_]+___`)

var (
	injectCall = regexp.MustCompile(`injectScript\(\s*(['"])([^'"]*)['"]`)
	rounding   = regexp.MustCompile(`makeInteger\s*\(|Math\.(round|floor|ceil)\s*\(`)
	times100   = regexp.MustCompile(`\*\s*100\b|\b100\s*\*`)
	initCmd    = regexp.MustCompile(`['"]init['"]`)
	// customNameRef is a template field holding the custom event name.
	customNameRef = regexp.MustCompile(`\bdata\.(customEventName|custom_event_name|customName)\b`)
	// callInWindow('oaiq', …) is how sandboxed code calls the pixel.
	callInWindow = regexp.MustCompile(`callInWindow\(\s*['"]oaiq['"]\s*,`)
)

// readTemplate reads a custom template in the gallery's .tpl format from
// f: the URLs its inject_script permission allows, what its sandboxed
// code does with money, whether it initialises, and its literal calls.
func readTemplate(f *source.File, name string) *model.ContainerTemplate {
	t := &model.ContainerTemplate{Name: name, Span: f.Span(0, 0)}
	if s, e := section(f.Text, "WEB_PERMISSIONS"); s >= 0 {
		if perms, err := jsonpos.Parse(f, s, e); err == nil {
			t.Injects = injectURLs(perms)
		}
	}
	s, e := section(f.Text, "SANDBOXED_JS_FOR_WEB_TEMPLATE")
	if s < 0 {
		return t
	}
	code := f.Text[s:e]
	for _, m := range injectCall.FindAllSubmatchIndex(code, -1) {
		u := string(code[m[4]:m[5]])
		t.Loads = append(t.Loads, model.TemplateURL{URL: u, Span: f.Span(s+m[4], s+m[5])})
		if pixel.MentionsSDK(u) {
			t.Pixel = true
		}
	}
	for _, u := range t.Injects {
		if pixel.MentionsSDK(u.URL) {
			t.Pixel = true
		}
	}
	if m := rounding.FindIndex(code); m != nil {
		t.Rounds, t.RoundSpan = true, f.Span(s+m[0], s+m[1])
	}
	if m := times100.FindIndex(code); m != nil {
		t.Times100, t.Times100Span = true, f.Span(s+m[0], s+m[1])
	}
	t.SelfInit = initCmd.Match(code)
	t.Calls = templateCalls(f, s, e)
	for _, c := range t.Calls {
		if ev := c.Arg(1); c.Command() == pixel.CommandMeasure && ev.IsDynamic() && customNameRef.MatchString(ev.Raw) {
			t.CustomAsEvent = ev.Span
		}
	}
	return t
}

// templateCalls reads the literal calls of the sandboxed code: the file
// with everything outside the code blanked (lines kept) and each
// callInWindow('oaiq', written as oaiq( padded to the same length, so
// positions hold.
func templateCalls(f *source.File, s, e int) []*model.Call {
	text := bytes.Clone(f.Text)
	for i := range text {
		if (i < s || i >= e) && text[i] != '\n' && text[i] != '\r' {
			text[i] = ' '
		}
	}
	for _, m := range callInWindow.FindAllIndex(text[s:e], -1) {
		at := s + m[0]
		copy(text[at:], "oaiq(")
		for i := at + len("oaiq("); i < s+m[1]; i++ {
			text[i] = ' '
		}
	}
	doc, _ := extract.Script(f.Name, text, extract.Options{Kind: extract.JS})
	return doc.Calls
}

// injectURLs are the URLs the inject_script permission allows.
func injectURLs(perms *model.Value) []model.TemplateURL {
	var out []model.TemplateURL
	for _, p := range items(perms) {
		inst := p.Get("instance")
		if str(inst.Get("key").Get("publicId")) != "inject_script" {
			continue
		}
		for _, prm := range items(inst.Get("param")) {
			if str(prm.Get("key")) != "urls" {
				continue
			}
			for _, li := range items(prm.Get("value").Get("listItem")) {
				if u := li.Get("string"); u.Is(model.String) {
					out = append(out, model.TemplateURL{URL: u.Str, Span: u.Span})
				}
			}
		}
	}
	return out
}

// paramKeys are the parameter names pixel templates use for each part of
// the call, the official template's first.
var paramKeys = map[string][]string{
	"pixelId":           {"pixelId", "pixel_id", "pixelID"},
	"event":             {"eventName", "event_name", "event"},
	"custom_event_name": {"customEventName", "custom_event_name", "customName"},
	"amount":            {"amount", "value"},
	"currency":          {"currency"},
	"event_id":          {"eventId", "event_id"},
	"opt_out":           {"optOut", "opt_out"},
}

func param(ps map[string]*model.Value, part string) *model.Value {
	for _, k := range paramKeys[part] {
		if v := ps[k]; v != nil {
			if s, ok := v.StringValue(); ok && s == "" {
				return nil // an empty field is not sent
			}
			return v
		}
	}
	return nil
}

// templateTag turns a pixel template tag's parameters into the calls its
// template makes: init when it initialises, then measure when it names an
// event. Values keep the parameters' positions.
func (r *reader) templateTag(tag *model.ContainerTag, ps map[string]*model.Value) {
	t := tag.Template
	event := param(ps, "event")
	cmd := func(name string) *model.Value {
		return &model.Value{Kind: model.String, Str: name, Span: tag.Span}
	}
	if id := param(ps, "pixelId"); id != nil && (t.SelfInit || event == nil) {
		cfg := &model.Value{Kind: model.Object, Span: tag.Span}
		addField(cfg, "pixelId", r.resolve(id))
		tag.Calls = append(tag.Calls, &model.Call{Args: []*model.Value{cmd(pixel.CommandInit), cfg}, Span: tag.Span})
	}
	if event != nil {
		ev := r.resolve(event)
		data := &model.Value{Kind: model.Object, Span: tag.Span}
		// The template picks the data shape from the event; for an event it
		// does not know, what it sends is not known.
		if name, ok := ev.StringValue(); ok && pixel.ShapeOf(name) != "" {
			addField(data, "type", &model.Value{Kind: model.String, Str: pixel.ShapeOf(name), Span: ev.Span})
		} else {
			what := ev.Raw
			if ok {
				what = strconv.Quote(name)
			}
			addField(data, "type", &model.Value{Kind: model.Dynamic, Raw: "the shape the template picks for " + what, Span: ev.Span})
		}
		if a := param(ps, "amount"); a != nil {
			addField(data, "amount", amountProduced(r.resolve(a), t))
		}
		if c := param(ps, "currency"); c != nil {
			addField(data, "currency", r.resolve(c))
		}
		opts := &model.Value{Kind: model.Object, Span: tag.Span}
		for _, k := range []string{"event_id", "custom_event_name", "opt_out"} {
			if v := param(ps, k); v != nil {
				rv := r.resolve(v)
				if k == "opt_out" && rv.Is(model.String) && (rv.Str == "true" || rv.Str == "false") {
					rv = &model.Value{Kind: model.Bool, Bool: rv.Str == "true", Span: rv.Span}
				}
				addField(opts, k, rv)
			}
		}
		args := []*model.Value{cmd(pixel.CommandMeasure), ev, data}
		if len(opts.Fields) > 0 {
			args = append(args, opts)
		}
		tag.Calls = append(tag.Calls, &model.Call{Args: args, Span: tag.Span})
	}
	r.doc.Calls = append(r.doc.Calls, tag.Calls...)
}

func addField(obj *model.Value, key string, v *model.Value) {
	obj.Fields = append(obj.Fields, &model.Field{Key: key, KeySpan: v.Span, Value: v})
}

// resolve is a parameter's value as the tag sends it: a constant
// variable's literal, a dynamic value for any other variable, the text
// itself otherwise.
func (r *reader) resolve(v *model.Value) *model.Value {
	s, ok := v.StringValue()
	if !ok {
		return v
	}
	if !strings.Contains(s, "{{") {
		return v
	}
	if m := varRef.FindStringSubmatch(s); m != nil && m[0] == s {
		if vr := r.vars[strings.TrimSpace(m[1])]; vr != nil && vr.value != nil {
			return &model.Value{Kind: model.String, Str: vr.value.Str, Span: v.Span}
		}
	}
	return &model.Value{Kind: model.Dynamic, Raw: r.describeRefs(s), Span: v.Span}
}

// amountProduced is the amount a template sends for the parameter a: a
// number (GTM text fields are strings), multiplied by 100 or rounded when
// the template's code does so.
func amountProduced(a *model.Value, t *model.ContainerTemplate) *model.Value {
	s, ok := a.StringValue()
	if !ok {
		return a
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return a // a text amount: the schema says what is wrong with it
	}
	out := &model.Value{Kind: model.Number, Num: n, Raw: s, Span: a.Span}
	if t.Times100 {
		out.Num, out.Raw = n*100, s+" × 100"
	}
	if t.Rounds {
		out.Num, out.Raw = math.Round(out.Num), "round("+out.Raw+")"
	}
	return out
}
