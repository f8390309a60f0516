package tmpl

import (
	"path/filepath"
	"sort"
	"strings"
)

// Dialect is a template language whose syntax Mask alone does not mask:
// its markers ("@", "${") mean other things in other files, so the file's
// name decides whether they are template syntax.
type Dialect uint8

const (
	// Plain files have only what Mask masks.
	Plain Dialect = iota
	// BladeDialect is Laravel Blade (.blade.php): @directives.
	BladeDialect
	// ELDialect is JSP and JSF (.jsp, .jspx): ${…} and #{…} expressions.
	ELDialect
	// RazorDialect is ASP.NET Razor (.cshtml, .razor): @expr, @(…), @{…}.
	RazorDialect
	// VBRazorDialect is Razor with Visual Basic code (.vbhtml).
	VBRazorDialect
)

// DialectOf returns the template dialect a file name says. This is the one
// table of it: readers mask with MaskFile, which consults it.
func DialectOf(name string) Dialect {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".blade.php") {
		return BladeDialect
	}
	switch filepath.Ext(lower) {
	case ".jsp", ".jspx":
		return ELDialect
	case ".cshtml", ".razor":
		return RazorDialect
	case ".vbhtml":
		return VBRazorDialect
	}
	return Plain
}

// MaskFile masks text as Mask does, then the syntax of the template
// dialect name's extension says (see DialectOf).
func MaskFile(name string, text []byte) ([]byte, []Span) {
	masked, spans := Mask(text)
	switch DialectOf(name) {
	case BladeDialect:
		return Blade(masked, spans)
	case ELDialect:
		return EL(masked, spans)
	case RazorDialect:
		return Razor(masked, spans, false)
	case VBRazorDialect:
		return Razor(masked, spans, true)
	}
	return masked, spans
}

// overlay masks a dialect's tags over text Mask has masked. A tag read
// in masked text can cover Mask's tags (@(x + <%= y %>)) or end inside
// one (a line directive whose line ends in a blanked tag): it then takes
// them in, so spans stay disjoint.
type overlay struct {
	text, out []byte
	base      []Span // Mask's, sorted
	dropped   []bool // base spans a dialect's tag took in
	added     []Span
	// work is what is left of the bytes balancedEnd may scan: a few times
	// the text, so that openers that never close (a page of "@(") keep
	// the pass linear.
	work int
}

func newOverlay(text []byte, spans []Span) *overlay {
	return &overlay{text: text, base: spans, work: 8*len(text) + 1<<16}
}

// balancedEnd returns the offset past the bracket open opened at i,
// skipping quoted strings ('…' and "…", backslash escapes); ok is false
// when it does not close within 4 KiB or the pass's work is spent.
func (o *overlay) balancedEnd(text []byte, i int, open, close byte) (int, bool) {
	if o.work <= 0 {
		return 0, false
	}
	depth := 0
	limit := min(len(text), i+4096, i+o.work)
	defer func(from int) { o.work -= min(limit, len(text)) - from }(i)
	for j := i; j < limit; j++ {
		switch c := text[j]; c {
		case open:
			depth++
		case close:
			depth--
			if depth == 0 {
				limit = j + 1
				return j + 1, true
			}
		case '"', '\'':
			for j++; j < limit && text[j] != c; j++ {
				if text[j] == '\\' {
					j++
				}
			}
		}
	}
	return 0, false
}

// mask masks [start, end) and returns where the masked span ends (past
// end when it takes in a tag of Mask's that end falls inside).
func (o *overlay) mask(start, end int, output bool) int {
	if end <= start {
		return end
	}
	k := sort.Search(len(o.base), func(i int) bool { return o.base[i].End > start })
	for ; k < len(o.base) && o.base[k].Start < end; k++ {
		if o.dropped == nil {
			o.dropped = make([]bool, len(o.base))
		}
		if !o.dropped[k] {
			o.dropped[k] = true
			start, end = min(start, o.base[k].Start), max(end, o.base[k].End)
		}
	}
	// Dialect tags are masked in order of their start: those overlapping
	// this one are at the end of added.
	for n := len(o.added); n > 0 && o.added[n-1].End > start && o.added[n-1].Start < end; n-- {
		start, end = min(start, o.added[n-1].Start), max(end, o.added[n-1].End)
		o.added = o.added[:n-1]
	}
	if o.out == nil {
		o.out = append([]byte(nil), o.text...)
	}
	fill(o.out[start:end], output)
	o.added = append(o.added, Span{Start: start, End: end, Output: output})
	return end
}

// result returns the masked text and every span, sorted; text itself
// when nothing was masked.
func (o *overlay) result() ([]byte, []Span) {
	if o.out == nil {
		return o.text, o.base
	}
	spans := make([]Span, 0, len(o.base)+len(o.added))
	for i, sp := range o.base {
		if o.dropped == nil || !o.dropped[i] {
			spans = append(spans, sp)
		}
	}
	spans = append(spans, o.added...)
	sort.Slice(spans, func(a, b int) bool { return spans[a].Start < spans[b].Start })
	return o.out, spans
}
