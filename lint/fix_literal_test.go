package lint

import (
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Markup a PHP tag prints from a single-quoted literal is read as written
// (review B3): a fix there may not write a quote or a backslash, which
// would end or change the PHP string; elsewhere it may.
func TestFixesInPrintedPHPLiterals(t *testing.T) {
	const text = `<?php echo '<script>oaiq("measure", "x", { currency: "usd" });</script>'; ?>
<script>oaiq("measure", "x", { currency: "usd" });</script>
`
	f := source.New("t.php", []byte(text))
	files := sourcesOf([]*source.File{f})
	edit := func(line int, new string) *model.Fix {
		at := strings.Index(text, "oaiq")
		if line == 2 {
			at = strings.LastIndex(text, "oaiq")
		}
		return &model.Fix{Edits: []model.Edit{{Span: f.Span(at, at+4), Old: "oaiq", New: new}}}
	}
	for _, tt := range []struct {
		line int
		new  string
		want bool
	}{
		{1, `oaiq`, true}, {1, `"oaiq"`, true}, {1, `'oaiq'`, false}, {1, `o\u0061iq`, false},
		{2, `'oaiq'`, true}, {2, `o\u0061iq`, true},
	} {
		if got := fitsPrintedLiterals(edit(tt.line, tt.new), files, map[string][]tmpl.Span{}); got != tt.want {
			t.Errorf("line %d, new %q: fits = %v, want %v", tt.line, tt.new, got, tt.want)
		}
	}
}
