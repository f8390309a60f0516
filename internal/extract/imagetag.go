package extract

// The image tag: a no-JavaScript channel of the pixel (developers.openai.com/
// ads/image-tag). A hidden <img> (or a script's new Image().src / img.src
// with a literal URL) requests GET https://bzr.openai.com/v1/sdk/events?…
// with the event in its query. Each such request is read as the
// measureSingle call it amounts to — pid, event, data[…] and the options
// (event_id, custom_event_name) at the exact positions of their query
// values — so every check of an event applies, and its parameters are kept
// on the call (model.ImageRequest) for the image tag's own rules.

import (
	"bytes"
	"encoding/json"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

var (
	// scriptImageSrc finds `.src = "<url>"` with a literal URL on the
	// pixel's events host: new Image().src = …, img.src = ….
	scriptImageSrc = regexp.MustCompile("\\.src\\s*=\\s*([\"'`])((?:https?:)?//" + regexp.QuoteMeta(pixel.EventsHost) + "[^\"'`\\s]*)[\"'`]")
	noscriptOpen   = regexp.MustCompile(`(?i)<noscript[\s>]`)
	noscriptClose  = regexp.MustCompile(`(?i)</noscript\s*>`)
	htmlComment    = regexp.MustCompile(`(?s)<!--.*?-->`)
)

// pageImageTags adds the image requests of a page: its <img> elements and
// the literal image URLs its scripts assign.
func pageImageTags(doc *model.Document, f *source.File, masked []byte, spans []tmpl.Span) {
	if !bytes.Contains(masked, []byte(pixel.EventsHost)) {
		return
	}
	// Comments and <noscript> ranges are found once, and only when a tag
	// points at the image endpoint; comments do not overlap and come in
	// order, so a lookup is a binary search.
	var comments [][]int
	var noscripts [][2]int
	scanned := false
	inComment := func(off int) bool {
		if !scanned {
			comments, noscripts, scanned = htmlComment.FindAllIndex(masked, -1), noscriptRanges(masked), true
		}
		i := sort.Search(len(comments), func(i int) bool { return comments[i][1] > off })
		return i < len(comments) && comments[i][0] <= off
	}
	for _, at := range imgTagStarts(masked) {
		end := tagEnd(masked, at)
		start, stop, ok := attrValue(masked, at+4, end, "src")
		if !ok || !bytes.Contains(masked[start:stop], []byte(pixel.EventsHost)) || inComment(at) {
			continue
		}
		call := imageCall(f, masked, spans, start, stop, true)
		if call == nil {
			continue
		}
		call.Span = f.Span(at, end)
		for _, r := range noscripts {
			if at >= r[0] && at < r[1] {
				call.Image.NoScript = true
			}
		}
		doc.Calls = append(doc.Calls, call)
	}
	scriptImageTags(doc, f, masked, spans, func(off int) bool {
		return bytes.Contains(masked, []byte("<!--")) && inComment(off)
	})
}

// imgTagStarts returns the offsets of every "<img" (any case) followed by
// white space, "/" or ">". Hand-written: the regexp it replaces, run over
// every page that mentions the events host, cost an eighth of check's time.
func imgTagStarts(text []byte) []int {
	var out []int
	for i := 0; ; i++ {
		j := bytes.IndexByte(text[i:], '<')
		if j < 0 {
			return out
		}
		i += j
		if i+4 < len(text) && text[i+1]|0x20 == 'i' && text[i+2]|0x20 == 'm' && text[i+3]|0x20 == 'g' {
			switch text[i+4] {
			case ' ', '\t', '\n', '\r', '\f', '/', '>':
				out = append(out, i)
			}
		}
	}
}

// scriptImageTags adds the literal image URLs a script assigns.
func scriptImageTags(doc *model.Document, f *source.File, masked []byte, spans []tmpl.Span, skip func(int) bool) {
	if !bytes.Contains(masked, []byte(pixel.EventsHost)) || !bytes.Contains(masked, []byte(".src")) {
		return
	}
	for _, m := range scriptImageSrc.FindAllSubmatchIndex(masked, -1) {
		if skip != nil && skip(m[0]) {
			continue
		}
		call := imageCall(f, masked, spans, m[4], m[5], false)
		if call == nil {
			continue
		}
		call.Image.Script = true
		call.Span = f.Span(m[0]+1, m[5]+1)
		doc.Calls = append(doc.Calls, call)
	}
}

// noscriptRanges are the byte ranges of <noscript> elements.
func noscriptRanges(text []byte) [][2]int {
	var out [][2]int
	for _, o := range noscriptOpen.FindAllIndex(text, -1) {
		end := len(text)
		if c := noscriptClose.FindIndex(text[o[1]:]); c != nil {
			end = o[1] + c[1]
		}
		out = append(out, [2]int{o[0], end})
	}
	return out
}

// tagEnd is the offset just past the start tag beginning at start: its
// '>' outside quotes, or the end of the text.
func tagEnd(text []byte, start int) int {
	var q byte
	for i := start + 1; i < len(text); i++ {
		switch c := text[i]; {
		case q != 0:
			if c == q {
				q = 0
			}
		case c == '"' || c == '\'':
			q = c
		case c == '>':
			return i + 1
		}
	}
	return len(text)
}

// attrValue finds attribute name's value in text[from:end] and returns its
// offsets (inside the quotes).
func attrValue(text []byte, from, end int, name string) (int, int, bool) {
	i := from
	for i < end {
		for i < end && (isHTMLSpace(text[i]) || text[i] == '/') {
			i++
		}
		if i >= end || text[i] == '>' {
			return 0, 0, false
		}
		ns := i
		for i < end && !isHTMLSpace(text[i]) && text[i] != '=' && text[i] != '>' && text[i] != '/' {
			i++
		}
		attr := strings.ToLower(string(text[ns:i]))
		for i < end && isHTMLSpace(text[i]) {
			i++
		}
		if i >= end || text[i] != '=' {
			continue
		}
		i++
		for i < end && isHTMLSpace(text[i]) {
			i++
		}
		vs, ve := i, i
		if i < end && (text[i] == '"' || text[i] == '\'') {
			q := text[i]
			vs = i + 1
			ve = vs
			for ve < end && text[ve] != q {
				ve++
			}
			i = ve + 1
		} else {
			for i < end && !isHTMLSpace(text[i]) && text[i] != '>' {
				i++
			}
			ve = i
		}
		if attr == name {
			return vs, ve, true
		}
	}
	return 0, 0, false
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// imageEndpoint reports whether raw (an address as written) is the pixel's
// image endpoint, and returns where its query starts.
func imageEndpoint(raw string) (query int, ok bool) {
	if !pixel.IsImageTagURL(raw) {
		return 0, false
	}
	if i := strings.IndexAny(raw, "?#"); i >= 0 {
		return i, true
	}
	return len(raw), true
}

// imageCall reads the URL at f.Text[start:end] (an attribute value when
// inHTML, where "&amp;" separates parameters too) and returns the call it
// amounts to, or nil when it is not the pixel's image endpoint. masked is
// f.Text with its template tags (spans) masked: the query is split there,
// so an "&" inside a tag separates nothing, and a value a tag touches is
// printed by the template, so dynamic.
func imageCall(f *source.File, masked []byte, spans []tmpl.Span, start, end int, inHTML bool) *model.Call {
	raw := string(masked[start:end])
	lead := len(raw) - len(strings.TrimLeft(raw, " \t\r\n\f"))
	qAt, ok := imageEndpoint(raw[lead:])
	if !ok {
		return nil
	}
	req := &model.ImageRequest{Span: f.Span(start, end)}
	base := start + lead + qAt
	q := raw[lead+qAt:]
	if strings.HasPrefix(q, "?") {
		q, base = q[1:], base+1
		if h := strings.IndexByte(q, '#'); h >= 0 {
			q = q[:h]
		}
		readParams(f, req, q, spans, base, inHTML)
	}
	return imageRequestCall(f, req)
}

// readParams splits a query (masked, at base in f.Text) into parameters
// with their exact offsets; names and values are read from f.Text. A
// parameter a template tag touches is Templated, its text kept as written.
func readParams(f *source.File, req *model.ImageRequest, masked string, spans []tmpl.Span, base int, inHTML bool) {
	q := string(f.Text[base : base+len(masked)])
	i := 0
	for i <= len(q) {
		j, sep := nextSeparator(masked, i, inHTML)
		if strings.TrimSpace(masked[i:j]) != "" {
			part := q[i:j]
			n := strings.IndexByte(masked[i:j], '=')
			name, value, hasValue := part, "", n >= 0
			if hasValue {
				name, value = part[:n], part[n+1:]
			}
			vs := base + i + len(name)
			if hasValue {
				vs++
			}
			p := model.ImageParam{NameSpan: f.Span(base+i, base+i+len(name)), ValueSpan: f.Span(vs, max(vs, base+j))}
			_, p.NameTemplated = tmpl.Overlapping(spans, base+i, base+i+len(name))
			_, p.Templated = tmpl.Overlapping(spans, vs, base+j)
			// What a template prints is not known: it is not decoded to be judged.
			var bad string
			p.Name, p.Value = name, value
			if !p.NameTemplated {
				p.Name, bad = decodeComponent(name, inHTML)
			}
			if bad == "" && !p.Templated {
				p.Value, bad = decodeComponent(value, inHTML)
			}
			p.Malformed = bad != ""
			if bad != "" && req.Malformed == "" {
				req.Malformed = bad + " in " + strconv.Quote(part)
				req.MalformedSpan = f.Span(base+i, base+j)
			}
			req.Params = append(req.Params, p)
		}
		if j >= len(q) {
			break
		}
		i = j + sep
	}
}

// nextSeparator finds the end of the parameter starting at i and the
// length of the separator after it ("&", or "&amp;" in HTML).
func nextSeparator(q string, i int, inHTML bool) (int, int) {
	for j := i; j < len(q); j++ {
		if q[j] != '&' {
			continue
		}
		if inHTML && strings.HasPrefix(strings.ToLower(q[j:]), "&amp;") {
			return j, 5
		}
		return j, 1
	}
	return len(q), 0
}

// decodeComponent decodes one query component as the browser and server
// read it; it returns why when the percent-encoding is broken.
func decodeComponent(s string, inHTML bool) (string, string) {
	if inHTML {
		s = htmlUnescape(s)
	}
	out, err := url.QueryUnescape(s)
	if err != nil {
		return s, "broken percent-encoding"
	}
	return out, ""
}

// htmlUnescape decodes the character references an attribute may hold.
func htmlUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	r := strings.NewReplacer("&amp;", "&", "&quot;", `"`, "&#39;", "'", "&lt;", "<", "&gt;", ">", "&#34;", `"`)
	return r.Replace(s)
}

// imageRequestCall builds the measureSingle call an image request amounts
// to. A parameter given twice counts by its first occurrence (the image
// tag's own rule reports the repeat); a missing pid or event is a dynamic
// value, so the event's checks skip it and the image tag's rule reports it.
func imageRequestCall(f *source.File, req *model.ImageRequest) *model.Call {
	absent := func() *model.Value {
		return &model.Value{Kind: model.Dynamic, Raw: model.ImageAbsent, Span: req.Span}
	}
	cmd := &model.Value{Kind: model.String, Str: pixel.CommandMeasureSingle, Span: req.Span}
	pid, event := absent(), absent()
	data := &model.Value{Kind: model.Object, Span: req.Span}
	opts := &model.Value{Kind: model.Object, Span: req.Span}
	seen := map[string]bool{}
	for _, p := range req.Params {
		if seen[p.Name] || p.NameTemplated {
			continue // a name a template prints is not known: no field to check
		}
		seen[p.Name] = true
		str := &model.Value{Kind: model.String, Str: p.Value, Span: p.ValueSpan}
		switch {
		case p.Malformed:
			// Not read: image-tag-malformed says so, nothing else judges it.
			str = &model.Value{Kind: model.Dynamic, Raw: model.ImageMalformed, Span: p.ValueSpan}
		case p.Templated:
			str = &model.Value{Kind: model.Dynamic, Raw: p.Value, Span: p.ValueSpan}
		}
		key, isData := pixel.ImageDataParam(p.Name)
		switch {
		case p.Name == pixel.ImageParamPixel:
			pid = str
		case p.Name == pixel.ImageParamEvent:
			event = str
		case p.Name == pixel.ImageParamEventID || p.Name == pixel.ImageParamCustomName:
			opts.Fields = append(opts.Fields, &model.Field{Key: p.Name, KeySpan: p.NameSpan, Value: str})
		case isData:
			v := dataParamValue(key, p, str, req)
			data.Fields = append(data.Fields, &model.Field{Key: key, KeySpan: p.NameSpan, Value: v})
		}
	}
	return &model.Call{Args: []*model.Value{cmd, pid, event, data, opts}, Side: model.Browser, Image: req}
}

// dataParamValue types one data[…] value as the server reads it: numbers
// for amount and quantity-like numeric text, JSON for data[contents].
func dataParamValue(key string, p model.ImageParam, str *model.Value, req *model.ImageRequest) *model.Value {
	if p.Templated {
		return str
	}
	switch key {
	case "amount":
		if n, err := strconv.ParseFloat(strings.TrimSpace(p.Value), 64); err == nil {
			return &model.Value{Kind: model.Number, Num: n, Raw: strings.TrimSpace(p.Value), Span: p.ValueSpan}
		}
	case "contents":
		var v any
		dec := json.NewDecoder(strings.NewReader(p.Value))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil || dec.More() {
			if req.Malformed == "" {
				req.Malformed = "data[contents] is not valid JSON"
				req.MalformedSpan = p.ValueSpan
			}
			return &model.Value{Kind: model.Dynamic, Raw: model.ImageContentsBad, Span: p.ValueSpan}
		}
		return jsonValue(v, p.ValueSpan)
	}
	return str
}

// jsonValue turns decoded JSON into a value tree; every node points at the
// parameter's value, the finest position the URL-encoded JSON allows.
func jsonValue(v any, span model.Span) *model.Value {
	switch x := v.(type) {
	case nil:
		return &model.Value{Kind: model.Null, Span: span}
	case bool:
		return &model.Value{Kind: model.Bool, Bool: x, Span: span}
	case json.Number:
		n, _ := x.Float64()
		return &model.Value{Kind: model.Number, Num: n, Raw: x.String(), Span: span}
	case string:
		return &model.Value{Kind: model.String, Str: x, Span: span}
	case []any:
		out := &model.Value{Kind: model.Array, Span: span}
		for _, it := range x {
			out.Items = append(out.Items, jsonValue(it, span))
		}
		return out
	case map[string]any:
		out := &model.Value{Kind: model.Object, Span: span}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			out.Fields = append(out.Fields, &model.Field{Key: k, KeySpan: span, Value: jsonValue(x[k], span)})
		}
		return out
	}
	return &model.Value{Kind: model.Dynamic, Span: span}
}

// withImageTags adds the image tags of a module or component read whole:
// <img> in JSX or a template, and literal image URLs its code assigns.
func withImageTags(doc *model.Document, files []*source.File) (*model.Document, []*source.File) {
	if len(files) > 0 && doc != nil {
		pageImageTags(doc, files[0], files[0].Text, nil)
	}
	return doc, files
}
