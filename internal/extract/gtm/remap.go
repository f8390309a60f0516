package gtm

import (
	"reflect"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

var spanType = reflect.TypeFor[model.Span]()

// remap moves every span of x (a pointer) that points into from (a decoded JSON
// string) to the export file to, through orig (from's byte offsets to
// to's). Every span is found by reflection, so a fact added to the model
// later is moved too. A JSON Pointer a span carries points into the
// string's own JSON (a template's permissions): it becomes ptr, the
// pointer of the export's string field, when ptr is known.
func remap(x any, from, to *source.File, orig []int, ptr string) {
	move := func(p model.Pos) model.Pos {
		if p.IsZero() {
			return p
		}
		off := from.Offset(p)
		if off < 0 || off >= len(orig) {
			off = len(orig) - 1
		}
		return to.Pos(orig[off])
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Struct:
			if v.Type() == spanType {
				s := v.Addr().Interface().(*model.Span)
				if s.File == from.Name && !s.IsZero() {
					s.Start, s.End = move(s.Start), move(s.End)
					if s.Pointer != "" && ptr != "" {
						s.Pointer = ptr
					}
				}
				return
			}
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					walk(v.Field(i))
				}
			}
		}
	}
	walk(reflect.ValueOf(x))
}
