package gtm

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// customHTML reads a Custom HTML tag's code, the JSON string v, as an HTML
// fragment with positions in the export.
func (r *reader) customHTML(tag *model.ContainerTag, v *model.Value) {
	text, orig := decodeString(r.f, v.Span)
	if text == nil {
		return
	}
	text, orig = r.substitute(text, orig)
	doc, files := extract.Page(r.f.Name, text, extract.Options{Kind: extract.HTML})
	remap(doc, files[0], r.f, orig, "")
	r.nameDataLayer(doc)
	tag.Calls = doc.Calls
	tag.Loaders = doc.Page.Loaders
	r.merge(doc)
}

// merge adds a tag's document (calls, page facts, the scripts that could
// not be parsed) to the container's.
func (r *reader) merge(d *model.Document) {
	r.doc.Calls = append(r.doc.Calls, d.Calls...)
	r.doc.ScriptFailures = append(r.doc.ScriptFailures, d.ScriptFailures...)
	p, q := r.doc.Page, d.Page
	if q == nil {
		return
	}
	p.Loaders = append(p.Loaders, q.Loaders...)
	p.Policies = append(p.Policies, q.Policies...)
	p.TagManagers = append(p.TagManagers, q.TagManagers...)
	p.Unresolved = append(p.Unresolved, q.Unresolved...)
	p.Definers = append(p.Definers, q.Definers...)
	p.ServerRequests = append(p.ServerRequests, q.ServerRequests...)
}

// decodeString decodes the JSON string whose literal span is s and returns
// its text with, for every byte, the offset in f.Text of the character it
// came from; orig has one more entry, the offset of the closing quote.
// The string was validated by the JSON parser.
func decodeString(f *source.File, s model.Span) ([]byte, []int) {
	start := f.Offset(s.Start)
	if start < 0 || start >= len(f.Text) || f.Text[start] != '"' {
		return nil, nil
	}
	t := f.Text
	// The decoded text is at most as long as the literal.
	n := max(f.Offset(s.End)-start, 2)
	out := make([]byte, 0, n)
	orig := make([]int, 0, n+1)
	emit := func(b []byte, at int) {
		for range b {
			orig = append(orig, at)
		}
		out = append(out, b...)
	}
	i := start + 1
	for i < len(t) && t[i] != '"' {
		if t[i] != '\\' {
			_, size := utf8.DecodeRune(t[i:])
			emit(t[i:i+size], i)
			i += size
			continue
		}
		at := i
		if i+1 >= len(t) {
			break
		}
		c := t[i+1]
		i += 2
		switch c {
		case 'n':
			emit([]byte{'\n'}, at)
		case 't':
			emit([]byte{'\t'}, at)
		case 'r':
			emit([]byte{'\r'}, at)
		case 'b':
			emit([]byte{'\b'}, at)
		case 'f':
			emit([]byte{'\f'}, at)
		case 'u':
			ru := hex4(t, i)
			i += 4
			if utf16.IsSurrogate(ru) && i+6 <= len(t) && t[i] == '\\' && t[i+1] == 'u' {
				ru = utf16.DecodeRune(ru, hex4(t, i+2))
				i += 6
			}
			emit(utf8.AppendRune(nil, ru), at)
		default: // \" \\ \/
			emit([]byte{c}, at)
		}
	}
	orig = append(orig, i)
	return out, orig
}

func hex4(t []byte, i int) rune {
	if i+4 > len(t) {
		return utf8.RuneError
	}
	n, err := strconv.ParseUint(string(t[i:i+4]), 16, 32)
	if err != nil {
		return utf8.RuneError
	}
	return rune(n)
}

// varRef is a variable reference as GTM writes it.
var varRef = regexp.MustCompile(`\{\{([^{}]+)\}\}`)

// substitute writes each constant variable's value where the code refers
// to it, as GTM does when the tag runs: inside a string literal as its
// text, elsewhere as a string literal. Every byte of a value maps to the
// reference. Other references stay: the reader masks them as template
// tags, so their values are dynamic.
func (r *reader) substitute(text []byte, orig []int) ([]byte, []int) {
	refs := varRef.FindAllSubmatchIndex(text, -1)
	if len(refs) == 0 {
		return text, orig
	}
	var out []byte
	var omap []int
	last := 0
	for _, m := range refs {
		v := r.vars[strings.TrimSpace(string(text[m[2]:m[3]]))]
		if v == nil || v.value == nil {
			continue
		}
		out = append(out, text[last:m[0]]...)
		omap = append(omap, orig[last:m[0]]...)
		val := v.value.Str
		var rep string
		if m[0] > 0 && bytes.IndexByte([]byte(`"'`+"`"), text[m[0]-1]) >= 0 {
			q := strconv.Quote(val) // escapes for a JS string literal
			rep = q[1 : len(q)-1]
			if text[m[0]-1] == '\'' {
				rep = strings.ReplaceAll(strings.ReplaceAll(rep, `\"`, `"`), `'`, `\'`)
			}
		} else {
			rep = strconv.Quote(val)
		}
		out = append(out, rep...)
		for range len(rep) {
			omap = append(omap, orig[m[0]])
		}
		last = m[1]
	}
	out = append(out, text[last:]...)
	omap = append(omap, orig[last:]...)
	// A value is one token: its end maps to the reference's end.
	return out, omap
}

// nameDataLayer names the data-layer key behind a dynamic value that
// refers to a data-layer variable, for the dynamic-value finding.
func (r *reader) nameDataLayer(d *model.Document) {
	for _, c := range d.Calls {
		for _, a := range c.Args {
			a.Walk(func(_ []string, v *model.Value) {
				if v.IsDynamic() {
					v.Raw = r.describeRefs(v.Raw)
				}
			})
		}
	}
}

// describeRefs adds, after each data-layer variable a text refers to, the
// key it reads.
func (r *reader) describeRefs(raw string) string {
	return varRef.ReplaceAllStringFunc(raw, func(ref string) string {
		v := r.vars[strings.TrimSpace(ref[2:len(ref)-2])]
		if v == nil || v.dataLayer == "" {
			return ref
		}
		return ref + ` (data layer "` + v.dataLayer + `")`
	})
}
