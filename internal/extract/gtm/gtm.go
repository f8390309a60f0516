// Package gtm reads Google Tag Manager container exports (Admin → Export
// Container) and custom template files (.tpl) into documents: one per
// container, whose calls are those its active tags make, with positions in
// the export file as written, and whose Container facts (tags, triggers,
// consent settings, templates) the gtm-* rules judge.
//
// A Custom HTML tag's code is a JSON string: it is decoded with a map from
// every byte back to the export (escapes such as \n, \" and \u003c
// included), read as an HTML fragment by extract.Page, and every span of
// the result is moved back through that map.
package gtm

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/jsonpos"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// sniffWindow is how much of a file is searched for an export's markers:
// exports write them first.
const sniffWindow = 64 << 10

// IsExport reports whether data is a container export: a JSON object
// whose own keys, near its start, include exportFormatVersion and
// containerVersion. Markup before the object means a page that mentions
// them, an array an event log; keys of nested objects (a log record's
// data) do not count.
func IsExport(data []byte) bool {
	head := data[:min(len(data), sniffWindow)]
	open := bytes.IndexByte(head, '{')
	if open < 0 || bytes.ContainsAny(head[:open], "<[") {
		return false
	}
	format, version := false, false
	depth := 0
	for i := open; i < len(head) && !(format && version); i++ {
		switch head[i] {
		case '{', '[':
			depth++
		case '}', ']':
			if depth--; depth == 0 {
				return false
			}
		case '"':
			end := i + 1
			for end < len(head) && head[end] != '"' {
				if head[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(head) {
				return false
			}
			if depth == 1 && isKey(head[end+1:]) {
				switch string(head[i+1 : end]) {
				case "exportFormatVersion":
					format = true
				case "containerVersion":
					version = true
				}
			}
			i = end
		}
	}
	return format && version
}

// isKey reports whether the text after a JSON string makes it a key.
func isKey(rest []byte) bool {
	rest = bytes.TrimLeft(rest, " \t\r\n")
	return len(rest) > 0 && rest[0] == ':'
}

// IsTemplateFile reports whether data is a custom template file: the
// gallery's .tpl format, sections headed ___INFO___ and the like.
func IsTemplateFile(name string, data []byte) bool {
	head := data[:min(len(data), sniffWindow)]
	return strings.EqualFold(filepath.Ext(name), ".tpl") &&
		(bytes.Contains(head, []byte("___INFO___")) || bytes.Contains(head, []byte("___SANDBOXED_JS_FOR_WEB_TEMPLATE___")))
}

// Is reports whether Read reads data: a container export or a template
// file. A file whose extension names a page or a script is never one, nor
// is a JSON Lines file (an event log: exports are one JSON object).
func Is(name string, data []byte) bool {
	if model.FileKindOf(name) != model.UnknownFile {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return false
	}
	return IsExport(data) || IsTemplateFile(name, data)
}

// Read reads a container export or a custom template file into one
// document. It never fails: an unreadable export is a document whose
// Container says where it is malformed.
func Read(name string, data []byte) (*model.Document, []*source.File) {
	f := source.New(name, data)
	doc := &model.Document{Path: name, Kind: model.Fragment, Page: &model.PageFacts{}, Container: &model.Container{}}
	if IsTemplateFile(name, data) && !IsExport(data) {
		t := readTemplate(f, name)
		doc.Container.Templates = append(doc.Container.Templates, t)
		doc.Calls = append(doc.Calls, t.Calls...)
		return doc, []*source.File{f}
	}
	start := bytes.IndexByte(data, '{')
	if start < 0 {
		doc.Container.Malformed = &model.Malformed{Message: "no JSON object found", Span: f.Span(0, 0)}
		return doc, []*source.File{f}
	}
	root, err := jsonpos.Parse(f, start, len(data))
	if err != nil {
		off := start
		if se, ok := err.(*jsonpos.SyntaxError); ok {
			off = se.Offset
		}
		doc.Container.Malformed = &model.Malformed{Message: err.Error(), Span: f.Span(off, off)}
		return doc, []*source.File{f}
	}
	r := &reader{f: f, doc: doc, c: doc.Container}
	r.container(root)
	return doc, []*source.File{f}
}

type reader struct {
	f   *source.File
	doc *model.Document
	c   *model.Container
	// vars are the container's variables by name.
	vars map[string]*variable
	// triggers by id.
	triggers map[string]model.ContainerTrigger
	// templates by the tag type that runs them.
	templates map[string]*model.ContainerTemplate
}

// variable is a user-defined variable of the container.
type variable struct {
	name string
	typ  string
	// value is a constant's value (type "c"); dataLayer the key a
	// data-layer variable (type "v") reads.
	value     *model.Value
	dataLayer string
}

func (r *reader) malformed(v *model.Value, msg string) {
	span := model.Span{File: r.f.Name}
	if v != nil {
		span = v.Span
	}
	r.c.Malformed = &model.Malformed{Message: msg, Span: span}
}

func (r *reader) container(root *model.Value) {
	if !root.Is(model.Object) {
		r.malformed(root, "the export is not a JSON object")
		return
	}
	cv := root.Get("containerVersion")
	if !cv.Is(model.Object) {
		r.malformed(root, `"containerVersion" is missing or not an object`)
		return
	}
	cont := cv.Get("container")
	if id := cont.Get("publicId"); id.Is(model.String) {
		r.c.PublicID, r.c.IDSpan = id.Str, id.Span
	}
	usage := cont.Get("usageContext")
	for _, u := range items(usage) {
		if s, ok := u.StringValue(); ok {
			r.c.Usage = append(r.c.Usage, s)
		}
	}
	if !isWeb(r.c.Usage) {
		ctx := strings.Join(r.c.Usage, ", ")
		if ctx == "" {
			ctx = "no usage context"
		}
		r.c.Skipped = ctx
		if r.c.IDSpan.IsZero() {
			r.c.IDSpan = cv.Span
			if usage != nil {
				r.c.IDSpan = usage.Span
			}
		}
		return
	}
	r.variables(cv.Get("variable"))
	r.readTriggers(cv.Get("trigger"))
	r.readTemplates(cv.Get("customTemplate"), str(cv.Get("containerId")))
	for _, t := range items(cv.Get("tag")) {
		r.tag(t)
	}
}

func isWeb(usage []string) bool {
	for _, u := range usage {
		if strings.EqualFold(u, "WEB") {
			return true
		}
	}
	return false
}

// params reads a GTM parameter list ([{type, key, value}]) by key.
func params(list *model.Value) map[string]*model.Value {
	out := map[string]*model.Value{}
	for _, p := range items(list) {
		if k, ok := p.Get("key").StringValue(); ok {
			out[k] = p.Get("value")
		}
	}
	return out
}

func str(v *model.Value) string {
	s, _ := v.StringValue()
	return s
}

func (r *reader) variables(list *model.Value) {
	r.vars = map[string]*variable{}
	for _, v := range items(list) {
		name := str(v.Get("name"))
		if name == "" {
			continue
		}
		vr := &variable{name: name, typ: str(v.Get("type"))}
		ps := params(v.Get("parameter"))
		switch vr.typ {
		case "c":
			if val := ps["value"]; val.Is(model.String) {
				vr.value = val
			}
		case "v":
			vr.dataLayer = str(ps["name"])
		}
		r.vars[name] = vr
	}
}

func (r *reader) readTriggers(list *model.Value) {
	r.triggers = map[string]model.ContainerTrigger{}
	for _, t := range items(list) {
		id := str(t.Get("triggerId"))
		name := t.Get("name")
		r.triggers[id] = model.ContainerTrigger{Name: str(name), Type: str(t.Get("type")), Span: spanOf(name, t)}
	}
}

// builtinTriggers are GTM's built-in triggers, which exports name by id only.
var builtinTriggers = map[string]model.ContainerTrigger{
	"2147479553": {Name: "All Pages", Type: "pageview"},
	"2147479572": {Name: "Initialization - All Pages", Type: "init"},
	"2147479573": {Name: "Consent Initialization - All Pages", Type: "consentInit"},
}

func spanOf(v, fallback *model.Value) model.Span {
	if v != nil {
		return v.Span
	}
	return fallback.Span
}

func (r *reader) tag(t *model.Value) {
	nameV := t.Get("name")
	tag := &model.ContainerTag{Name: str(nameV), Type: str(t.Get("type")), Span: spanOf(nameV, t), Extent: t.Span}
	if p := t.Get("paused"); p.Is(model.Bool) && p.Bool {
		r.c.Paused = append(r.c.Paused, tag.Name)
		return
	}
	for _, id := range items(t.Get("firingTriggerId")) {
		sid := str(id)
		tr, ok := r.triggers[sid]
		if !ok {
			tr, ok = builtinTriggers[sid]
			tr.Span = id.Span
		}
		if ok {
			tag.Triggers = append(tag.Triggers, tr)
		}
	}
	if cs := t.Get("consentSettings"); cs != nil {
		status := cs.Get("consentStatus")
		tag.ConsentNeeded = str(status) == "NEEDED"
		tag.ConsentSpan = spanOf(status, cs)
	}
	ps := params(t.Get("parameter"))
	switch {
	case tag.Type == "html":
		if html := ps["html"]; html.Is(model.String) {
			r.customHTML(tag, html)
		}
	case strings.HasPrefix(tag.Type, "cvt_"):
		tag.Template = r.templateOf(tag.Type)
		if tag.Template != nil && tag.Template.Pixel {
			r.templateTag(tag, ps)
		}
	}
	r.c.Tags = append(r.c.Tags, tag)
}

// items are an array's members; none when v is absent or not an array.
func items(v *model.Value) []*model.Value {
	if v == nil {
		return nil
	}
	return v.Items
}
