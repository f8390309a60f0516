package htmlx

import "testing"

func TestIndexPixel(t *testing.T) {
	for _, tt := range []struct {
		text string
		from int
		want int
	}{
		{"oaiq", 0, 0}, {"qq oaiq", 0, 3}, {"quick oai q", 0, -1}, {"oaiq oaiq", 1, 5}, {"", 0, -1}, {"oai", 0, -1},
	} {
		if got := indexPixel([]byte(tt.text), tt.from); got != tt.want {
			t.Errorf("indexPixel(%q, %d) = %d, want %d", tt.text, tt.from, got, tt.want)
		}
	}
}

func TestHandlersCollected(t *testing.T) {
	page := `<p onclick="oaiq(1)" data-x="oaiq"><a href="JavaScript:oaiq(2)" onmouseover="x()">` +
		`<a href="/oaiq"><b on-click="oaiq(3)" @click="oaiq(4)" v-on:submit="oaiq(5)" on:click="oaiq(6)" onClick2="oaiq(7)">`
	var got []string
	for _, h := range Scan([]byte(page), []byte(page)).Handlers {
		got = append(got, h.Attr.Name)
	}
	want := "[onclick href @click v-on:submit on:click]"
	if s := fmtList(got); s != want {
		t.Errorf("handlers %s, want %s", s, want)
	}
}

func fmtList(s []string) string {
	out := "["
	for i, x := range s {
		if i > 0 {
			out += " "
		}
		out += x
	}
	return out + "]"
}
