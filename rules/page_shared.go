package rules

// Helpers of the page rules: which documents they apply to, how to name a
// place on the page, and the Markdown of the rules' examples.

import (
	"fmt"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// wholePage returns the page facts of a full HTML document, whose head and
// body are visible; nil for fragments, scripts and logs, where placement
// and absence cannot be judged.
func wholePage(doc *model.Document) *model.PageFacts {
	if doc.Kind != model.Page || doc.Page == nil {
		return nil
	}
	return doc.Page
}

// loaderFacts returns the page facts of any document that can hold a
// loader: HTML pages and fragments, and scripts (the loader stub is browser
// code wherever it is written).
func loaderFacts(doc *model.Document) *model.PageFacts {
	if doc.Kind == model.EventLog {
		return nil
	}
	return doc.Page
}

// at names span for a message read at from: "line 12" in the same file,
// "js/pixel.js:12" in another.
func at(span, from model.Span) string {
	if span.IsZero() {
		if span.File != "" {
			return span.File
		}
		return "an unknown place"
	}
	if span.File == from.File {
		return fmt.Sprintf("line %d", span.Start.Line)
	}
	return fmt.Sprintf("%s:%d", span.File, span.Start.Line)
}

// plural returns "1 thing" or "3 things".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// listAnd joins items as "a", "a and b" or "a, b and c".
func listAnd(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// templated reports whether s holds template syntax, so its rendered value
// is not known.
func templated(s string) bool {
	for _, m := range []string{"{{", "}}", "{%", "%}", "<%", "%>", "<?", "?>", "${"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// md fences code for a rule's Markdown doc.
func md(lang, code string) string { return "```" + lang + "\n" + code + "\n```" }

// snippetExample is the documented installation snippet loading src, with
// an init call, as the pages in the rules' examples carry it; attrs go on
// its <script> tag (a nonce).
func snippetExample(attrs, src string) string {
	return `  <script` + attrs + `>
    (function (w, d, s, u) {
      if (w.oaiq) return;
      var q = function () {
        q.q.push(arguments);
      };
      q.q = [];
      w.oaiq = q;
      var js = d.createElement(s);
      js.async = true;
      js.src = u;
      var f = d.getElementsByTagName(s)[0];
      f.parentNode.insertBefore(js, f);
    })(window, document, "script", "` + src + `");
    oaiq("init", { pixelId: "px_123" });
  </script>`
}
