package rules

// goFixtureRules are rules whose triggering fixtures are Go tests (they
// need dynamic values or page facts an event log cannot hold).
var goFixtureRules = map[string]bool{"dynamic-value": true, "init-pixel-id-unexpected": true,
	// Computed amounts come from source: testdata/source/money-*.
	"amount-expression": true,
	// Reported by the run, not by a rule's Check: their fixtures are in
	// internal/suppress and internal/cli.
	"unused-suppression": true, "suppression-malformed": true, "file-too-large": true,
}
