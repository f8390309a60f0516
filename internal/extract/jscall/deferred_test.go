package jscall

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestDeferredCalls(t *testing.T) {
	code := `oaiq("init", {});                                   // 0 top level
(function () { oaiq("consent", true); })();                   // 1 IIFE
!function () { oaiq("measure", "a"); }();                     // 2 IIFE
(() => { oaiq("measure", "b"); })();                          // 3 arrow IIFE
(function () { oaiq("measure", "c"); }).call(this);           // 4 .call IIFE
if (ok) { oaiq("measure", "d"); }                             // 5 block
button.addEventListener("click", function () { oaiq("consent", false); }); // 6 handler
document.onsubmit = () => oaiq("measure", "e");               // 7 arrow handler
function track() { oaiq("measure", "f"); }                    // 8 declaration
class Cart { buy() { oaiq("measure", "g"); } }                // 9 method
var o = { m() { oaiq("measure", "h"); } };                    // 10 object method
items.forEach(function (i) { oaiq("measure", "i"); });        // 11 callback
(function () { setTimeout(function () { oaiq("measure", "j"); }); })(); // 12 callback in IIFE
(function () { return function () { oaiq("measure", "k"); }; })();     // 13 returned function
fn(function () { oaiq("measure", "l"); }).call(this);         // 14 argument, not callee
`
	want := []bool{false, false, false, false, false, false, true, true, true, true, true, true, true, true, true}
	checkCallFlag(t, code, "Deferred", func(c *model.Call) bool { return c.Deferred }, want)
}

func TestScriptDeferredMarksEveryCall(t *testing.T) {
	f := source.New("t.js", []byte(`oaiq("consent", false)`))
	res := Extract(Script{File: f, Code: f.Text, Deferred: true})
	if len(res.Calls) != 1 || !res.Calls[0].Deferred {
		t.Fatalf("calls %+v, want one deferred call", res.Calls)
	}
}

// checkCallFlag extracts the calls of code and checks one flag of each
// against want, in order.
func checkCallFlag(t *testing.T, code, flag string, get func(*model.Call) bool, want []bool) {
	t.Helper()
	res := extract(code)
	if res.Err != nil {
		t.Fatal(res.Err.Message)
	}
	if len(res.Calls) != len(want) {
		t.Fatalf("%d calls, want %d", len(res.Calls), len(want))
	}
	for i, c := range res.Calls {
		if get(c) != want[i] {
			t.Errorf("call %d (line %d): %s = %v, want %v", i, c.Span.Start.Line, flag, get(c), want[i])
		}
	}
}
