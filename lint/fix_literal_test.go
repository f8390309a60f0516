package lint

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Markup a PHP tag prints from a literal is read as written (review B3):
// a fix there may not write the literal's quote, a backslash or, in
// double quotes, a "$", which would end or change the PHP string;
// elsewhere it may.
func TestFixesInPrintedPHPLiterals(t *testing.T) {
	const text = `<?php echo '<script>oaiq("measure", "x", { currency: "usd" });</script>'; ?>
<script>oaiq("measure", "x", { currency: "usd" });</script>
<?php echo "<script>oaiq('measure', 'x', { currency: 'usd' });</script>"; ?>
`
	f := source.New("t.php", []byte(text))
	files := sourcesOf([]*source.File{f})
	edit := func(line int, new string) *model.Fix {
		start := 0
		for n := 1; n < line; n++ {
			start += strings.Index(text[start:], "\n") + 1
		}
		at := start + strings.Index(text[start:], "oaiq")
		return &model.Fix{Edits: []model.Edit{{Span: f.Span(at, at+4), Old: "oaiq", New: new}}}
	}
	for _, tt := range []struct {
		line int
		new  string
		want bool
	}{
		{1, `oaiq`, true}, {1, `"oaiq"`, true}, {1, `'oaiq'`, false}, {1, `o\u0061iq`, false},
		{2, `'oaiq'`, true}, {2, `o\u0061iq`, true}, {2, `"$oaiq"`, true},
		{3, `'oaiq'`, true}, {3, `"oaiq"`, false}, {3, `$oaiq`, false}, {3, `o\u0061iq`, false},
	} {
		if got := fitsPrintedLiterals(edit(tt.line, tt.new), files, map[string][]tmpl.Span{}); got != tt.want {
			t.Errorf("line %d, new %q: fits = %v, want %v", tt.line, tt.new, got, tt.want)
		}
	}
}
