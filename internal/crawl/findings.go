package crawl

// Rule ids of what the crawler alone sees; the rules package turns the
// crawl's facts (model.FetchFailure, model.RobotsBlock, model.OpprefDrop)
// into their findings.
const (
	RuleRobotsBlocksAdsBot = "robots-blocks-adsbot"
	RuleOpprefDropped      = "oppref-dropped"
	RuleFetchFailed        = "fetch-failed"
)
