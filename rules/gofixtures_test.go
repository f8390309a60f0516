package rules

// goFixtureRules are rules whose triggering fixtures are Go tests (they
// need dynamic values or page facts an event log cannot hold).
var goFixtureRules = map[string]bool{"dynamic-value": true}
