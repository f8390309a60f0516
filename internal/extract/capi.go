package extract

import (
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// addCAPIRequests adds the request bodies code posts to the Conversions
// API, read as a log of them would be, so the same rules check them.
func addCAPIRequests(doc *model.Document, qs []*model.Request) {
	for _, q := range qs {
		eventlog.AddRequest(doc, q)
	}
}
