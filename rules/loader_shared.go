package rules

// Helpers of the snippet-* rules about the loader: how to name it, where
// it is, and a head in the documented order for their examples.

import (
	"fmt"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

const headSpec = "Add the following snippet to the <head> section every page where you want to capture conversions. Put the script near the top of your <head> to ensure early conversions aren’t lost while other content loads."

// goodHead is a head in the order the documentation asks for: the
// installation snippet near the top, before stylesheets and other scripts.
var goodHead = "<head>\n  <meta charset=\"utf-8\">\n" + snippetExample("", pixel.SDKURL) + "\n  <link rel=\"stylesheet\" href=\"/site.css\">\n</head>"

func firstBrowserCall(doc *model.Document) *model.Call {
	for _, c := range doc.Calls {
		if c.Side == model.Browser && c.Image == nil {
			return c // an image tag needs no SDK
		}
	}
	return nil
}

// loaderNoun names a loader for a message.
func loaderNoun(l model.LoaderSighting) string {
	switch {
	case l.Kind == model.LoaderScriptTag:
		return "the pixel SDK <script>"
	case !l.Element.IsZero() && l.Element.File != l.Span.File:
		return fmt.Sprintf("the <script> that loads the pixel snippet (in %s)", l.Span.File)
	}
	return "the pixel snippet"
}

// placed is where a loader's placement is judged: the page's <script>
// element, even when the stub itself lives in an external file.
func placed(l model.LoaderSighting) model.Span {
	if !l.Element.IsZero() {
		return l.Element
	}
	return l.Span
}
