package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/internal/bytesize"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "file-too-large", Severity: model.Info,
		Title: "a file skipped because it is over --max-file-size",
		Spec:  "Limits with clear messages, never a crash or a hang. (project conventions)",
		Doc: `Files over --max-file-size (default 50 MB) are not read, so nothing in them
was checked. Raise the limit to lint them. The examples run with
--max-file-size 64 (bytes).

Bad:
` + md("html max_file_size=64", `<p>A page longer than the limit: nothing in it is read or checked.</p>`) + `
Good:
` + md("html max_file_size=64", `<p>Short.</p>`),
		Check:      checkFileTooLarge,
		Unreadable: true,
	})
}

// checkFileTooLarge reports an input skipped for its size, at the file.
func checkFileTooLarge(p *Pass) {
	o := p.Doc.Oversize
	if o == nil {
		return
	}
	p.Report(model.Span{File: p.Doc.Path}, fmt.Sprintf("skipped: %s is over --max-file-size (%s)", bytesize.Format(o.Size), bytesize.Format(o.Limit)),
		"raise --max-file-size to lint it")
}
