package rules

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func init() {
	register(&Rule{
		ID: "script-outside-root", Severity: model.Info,
		Title: "a <script src> whose path leads outside the site root, so it was not read",
		Spec:  "A page cannot make the linter read or quote files it was not given: scripts are read from inside the site root only. (docs/security.md)",
		Doc: `Scripts a page loads by a relative or root-relative path are read from the
site root (` + "`--root`" + `, or ` + "`root:`" + ` in .oaiq-lint.yaml; without one, the page's
folder). A path that leads outside it, by ` + "`..`" + ` or by a symbolic link, is never
read: a page must not make the linter quote files it was not given. What
that script does with the pixel was therefore not checked.

Bad:
` + md("html on_disk", `<script src="../../outside/pixel.js"></script>`) + `
Good:
` + md("html on_disk", `<script src="https://cdn.example.com/app.js"></script>`),
		Check: checkScriptOutsideRoot,
	})
}

// checkScriptOutsideRoot reports each external script refused because its
// path leaves the folder scripts may be read from.
func checkScriptOutsideRoot(p *Pass) {
	if p.Doc.Page == nil {
		return
	}
	for _, s := range p.Doc.Page.Unresolved {
		if !s.OutsideRoot {
			continue
		}
		p.Report(s.Span, fmt.Sprintf("the script %s leads outside the folder scripts are read from, so it was not read: what it does with the pixel is not checked", quote(s.Src)),
			"give --root (or root: in .oaiq-lint.yaml) the folder the site is served from, or fix the path")
	}
}
