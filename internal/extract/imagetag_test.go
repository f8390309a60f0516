package extract

import (
	"regexp"
	"slices"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// Broken image tags are read as far as they go, never a crash, and every
// parameter keeps its exact column.
func TestImageTagsMalformedAndPositions(t *testing.T) {
	for _, tc := range []struct {
		name, html string
		calls      int
		malformed  bool
	}{
		{"unterminated attribute", `<img src="https://bzr.openai.com/v1/sdk/events?pid=px_1&event=`, 1, false},
		{"unquoted", `<img src=https://bzr.openai.com/v1/sdk/events?pid=px_1&event=page_viewed&data[type]=contents alt="">`, 1, false},
		{"no query", `<img src="https://bzr.openai.com/v1/sdk/events">`, 1, false},
		{"separators only", `<img src="https://bzr.openai.com/v1/sdk/events?&&&amp;&">`, 1, false},
		{"lone percent", `<img src="https://bzr.openai.com/v1/sdk/events?pid=%">`, 1, true},
		{"contents not JSON", `<img src="https://bzr.openai.com/v1/sdk/events?data[contents]=%5B">`, 1, true},
		{"other host", `<img src="https://example.com/v1/sdk/events?pid=px_1">`, 0, false},
		{"other path", `<img src="https://bzr.openai.com/v1/events?pid=px_1">`, 0, false},
		{"in a comment", `<!-- <img src="https://bzr.openai.com/v1/sdk/events?pid=px_1"> -->`, 0, false},
		{"img at end of text", `<img`, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, _ := Page("p.html", []byte(tc.html), Options{})
			var imgs []*model.Call
			for _, c := range doc.Calls {
				if c.Image != nil {
					imgs = append(imgs, c)
				}
			}
			if len(imgs) != tc.calls {
				t.Fatalf("%d image calls, want %d", len(imgs), tc.calls)
			}
			if tc.calls > 0 && (imgs[0].Image.Malformed != "") != tc.malformed {
				t.Errorf("malformed = %q, want %v", imgs[0].Image.Malformed, tc.malformed)
			}
		})
	}
}

func TestImageTagParameterColumns(t *testing.T) {
	const page = `<img src="https://bzr.openai.com/v1/sdk/events?pid=px_1&amp;event=order_created&amp;data[amount]=2599">`
	doc, _ := Page("p.html", []byte(page), Options{})
	if len(doc.Calls) != 1 {
		t.Fatalf("%d calls", len(doc.Calls))
	}
	c := doc.Calls[0]
	want := map[string]int{"pid": 52, "event": 67, "data[amount]": 98}
	for _, p := range c.Image.Params {
		if p.ValueSpan.Start.Col != want[p.Name] {
			t.Errorf("%s value at column %d, want %d", p.Name, p.ValueSpan.Start.Col, want[p.Name])
		}
	}
	if s, _ := c.Args[2].StringValue(); s != "order_created" || !c.Args[3].Get("amount").Is(model.Number) {
		t.Errorf("args %v", c.Args)
	}
}

// The hand-written finder agrees with the obvious regexp on every case.
func TestImgTagStartsMatchesTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`(?i)<img[\s/>]`)
	for _, text := range []string{
		`<img src=x>`, `<IMG/>`, `<Img	src>`, `<imgx>`, `<im`, `<img`, `a<img>b<p><iMg
src>`, `<<img >`, `<image>`, `<img` + "\f" + `>`, `<img` + "\v" + `>`,
	} {
		var want []int
		for _, m := range re.FindAllStringIndex(text, -1) {
			want = append(want, m[0])
		}
		if got := imgTagStarts([]byte(text)); !slices.Equal(got, want) {
			t.Errorf("%q: got %v, want %v", text, got, want)
		}
	}
}
