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

// One parser reads many records: each value's pointers start at that
// value, equal pointers are one string, and a string decoded from escapes
// does not leak into the next.
func TestParserReadsRecordsOneAfterAnother(t *testing.T) {
	text := `{"a": ["x\"y", 1]}` + "\n" + `{"a": ["z", 2.5]}` + "\n" + `[{"a~b": null}]`
	f := source.New("t.jsonl", []byte(text))
	p := NewParser(f)
	var got []*model.Value
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text) - start
		}
		v, err := p.Parse(start, start+end)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
		start += end + 1
	}
	first, second := got[0].At([]string{"a", "0"}), got[1].At([]string{"a", "0"})
	if first.Str != `x"y` || second.Str != "z" || first.Span.Pointer != "/a/0" || second.Span.Pointer != "/a/0" {
		t.Errorf("strings %+v %+v", first, second)
	}
	if n := got[1].At([]string{"a", "1"}); n.Raw != "2.5" || n.Span.Start.Line != 2 || n.Span.Start.Col != 13 {
		t.Errorf("number %+v", n)
	}
	if v := got[2].At([]string{"0", "a~b"}); v == nil || v.Span.Pointer != "/0/a~0b" || v.Span.Start.Line != 3 {
		t.Errorf("null %+v", v)
	}
	if _, err := p.Parse(0, 5); err == nil {
		t.Error("a cut record parsed")
	}
}
