package rules

// goFixtureRules are rules whose triggering fixtures are Go tests (they
// need dynamic values or page facts an event log cannot hold).
var goFixtureRules = map[string]bool{"dynamic-value": true, "init-pixel-id-unexpected": true,
	// A literal key in code: internal/extract's source fixtures and capi_key_in_code_test.go.
	"capi-key-in-code": true,
	// Reported by the run, not by a rule's Check: their fixtures are in
	// internal/suppress and internal/cli.
	"unused-suppression": true, "suppression-malformed": true, "file-too-large": true,
}
