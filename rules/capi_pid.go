package rules

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

func init() {
	register(&Rule{
		ID: "capi-pid", Severity: model.Error,
		Title: "Conversions API URL without a plausible pid query parameter",
		Spec:  "pid (query) | yes | the Pixel ID (current-docs: Conversions API, request body)",
		Doc: `The request names its pixel in the URL's ` + "`pid`" + ` query parameter. Without
it, or with something that cannot be a Pixel ID, the events belong to no
pixel. In server code the pid may come from the client's query options
too: axios' ` + "`params`" + `, got's and ky's ` + "`searchParams`" + `, or
` + "`url.searchParams.set(\"pid\", …)`" + ` on a ` + "`new URL(…)`" + `. (A placeholder such as
` + "`<PIXEL-ID>`" + ` is init-pixel-id-placeholder's.)

Bad:
` + "```json\n" + `{"url": "https://bzr.openai.com/v1/events", "time": "2026-12-01T10:00:00Z", "body": {"events": [` + capiGoodEvent + `]}}` + "\n```" + `
Good:
` + capiExample(`{"events": [`+capiGoodEvent+`]}`) + `
` + "```ts" + `
await axios.post("https://bzr.openai.com/v1/events", { events: [{ id: order.id, type: "order_created", timestamp_ms: Date.now(), data: { type: "contents" } }] },
  { params: { pid: "px_1" }, headers: { Authorization: ` + "`Bearer ${process.env.OAIQ_CAPI_KEY}`" + ` } });
` + "```",
		Check: checkCAPIPid,
	})
}

// plausiblePixelID: letters, digits, '_' and '-', as Pixel IDs are written.
var plausiblePixelID = regexp.MustCompile(`^[A-Za-z0-9_-]{2,64}$`)

func checkCAPIPid(p *Pass) {
	for _, q := range p.Doc.Requests {
		if q.URL == "" || q.Body == nil && q.Events == nil {
			continue // code whose body is not read is recorded for its key only
		}
		i := strings.IndexByte(q.URL, '?')
		query := ""
		if i >= 0 {
			query = q.URL[i+1:]
		}
		var pids []string
		for _, kv := range strings.Split(query, "&") {
			if k, v, _ := strings.Cut(kv, "="); k == pixel.CAPIPixelParam {
				pids = append(pids, v)
			}
		}
		// A pid the client's query options add is judged where it is written.
		at := q.URLSpan
		if !q.PidSpan.IsZero() {
			at = q.PidSpan
		}
		switch {
		case len(pids) == 0:
			p.Report(q.URLSpan, "Conversions API URL without the pid query parameter: the events belong to no pixel",
				"add the Pixel ID: https://bzr.openai.com/v1/events?pid=<your Pixel ID from Ads Manager>")
		case len(pids) > 1:
			p.Report(at, fmt.Sprintf("the URL names pid %d times: send one Pixel ID per request", len(pids)),
				"keep one pid query parameter; send each pixel's events in its own request")
		case strings.TrimSpace(pids[0]) == "":
			p.Report(at, "the pid query parameter is empty", "fill in the Pixel ID from the conversions tab of Ads Manager")
		case !isPlaceholder(strings.TrimSpace(pids[0])) && !plausiblePixelID.MatchString(pids[0]):
			p.Report(at, fmt.Sprintf("pid %s does not look like a Pixel ID", quote(pids[0])),
				"use the Pixel ID from the conversions tab of Ads Manager: letters, digits, '_' and '-', URL-encoded")
		}
	}
}
