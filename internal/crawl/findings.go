package crawl

import "github.com/oaiq-lint/oaiq-lint/model"

// Rule ids of the findings the crawler reports itself; the rules package
// registers them with their documentation.
const (
	RuleRobotsBlocksAdsBot = "robots-blocks-adsbot"
	RuleOpprefDropped      = "oppref-dropped"
	RuleFetchFailed        = "fetch-failed"
)

// finding is a crawl finding about a whole page (no position in it).
func finding(rule, page, msg, hint string) model.Finding {
	return model.Finding{Rule: rule, Severity: model.Error, Message: msg, Hint: hint, Span: model.Span{File: page}}
}
