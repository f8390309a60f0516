package jsonpos

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func parse(t *testing.T, text string) *model.Value {
	t.Helper()
	f := source.New("t.json", []byte(text))
	v, err := Parse(f, 0, len(f.Text))
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	return v
}

func TestPositionsAndPointers(t *testing.T) {
	v := parse(t, `["measure", "é", {"a/b": [1.5, {"x~": "\u00e9\ud83d\ude00"}]}]`)
	inner := v.At([]string{"2", "a/b", "1", "x~"})
	if inner == nil || inner.Str != "é😀" {
		t.Fatalf("At: got %+v", inner)
	}
	if inner.Span.Pointer != "/2/a~1b/1/x~0" {
		t.Errorf("pointer = %q", inner.Span.Pointer)
	}
	num := v.At([]string{"2", "a/b", "0"})
	if num.Raw != "1.5" || num.Span.Start.Col != 27 || num.Span.End.Col != 30 {
		t.Errorf("number = %+v", num)
	}
}

func TestErrors(t *testing.T) {
	for _, in := range []string{``, `[`, `{"a" 1}`, `[1,]`, `"\x"`, `01`, `[1] 2`, `{"a":tru}`, strings.Repeat("[", MaxDepth+1)} {
		f := source.New("t.json", []byte(in))
		if _, err := Parse(f, 0, len(f.Text)); err == nil {
			t.Errorf("Parse(%.20q): no error", in)
		}
	}
}
