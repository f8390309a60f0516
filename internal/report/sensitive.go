package report

import (
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// SensitiveIn lists the values a document's calls hold in fields that only
// ever hold personal data ("phone", "email", "external_id"), whatever their
// shape: a reporter masks them wherever they appear (messages, hints, code
// frames), not only where a field name stands beside them. The
// Conversions API keys code writes are masked the same way: a key in a
// constant or a URL has no shape or name that says it is one.
func SensitiveIn(doc *model.Document) []pii.Known {
	var args []*model.Value
	for _, c := range doc.Calls {
		args = append(args, c.Args...)
	}
	known := pii.KnownIn(args...)
	for _, q := range doc.Requests {
		if q.Key != "" {
			known = append(known, pii.Known{Kind: pii.Secret, Text: q.Key})
		}
	}
	return known
}

// maskKnown masks the known values in a finding's message and hint; its
// file stays as it is, the key of its source (reporters redact it).
func maskKnown(f model.Finding, known []pii.Known) model.Finding {
	f.Message, _ = pii.RedactWith(f.Message, known, nil)
	f.Hint, _ = pii.RedactWith(f.Hint, known, nil)
	return f
}
