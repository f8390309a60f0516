package jscall

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func TestGuardedCalls(t *testing.T) {
	code := `oaiq("measure", "a");                                  // 0 bare
window.oaiq && oaiq("measure", "b");                          // 1 &&
typeof oaiq === "function" && oaiq("measure", "c");           // 2 typeof
if (window.oaiq) { oaiq("measure", "d"); }                    // 3 if
if (typeof window.oaiq !== "undefined") oaiq("measure", "e"); // 4 if, no block
window.oaiq ? oaiq("measure", "f") : null;                    // 5 conditional
oaiq?.("measure", "g");                                       // 6 optional call
window.oaiq?.("measure", "h");                                // 7 optional member call
"oaiq" in window && oaiq("measure", "i");                     // 8 in
if (ok) { oaiq("measure", "j"); }                             // 9 another test
ok && oaiq("measure", "k");                                   // 10 another test
if (window.oaiq) {} else { oaiq("measure", "l"); }            // 11 else branch
oaiq("consent", true) && oaiq("measure", "m");                // 12, 13 a call, not a test
(function () { if (!window.oaiq) return; oaiq("measure", "n"); })();       // 14 early return
(function () { if (!window.oaiq) { return; } oaiq("measure", "o"); })();   // 15 early return in a block
(function () { oaiq("measure", "p"); if (!window.oaiq) return; })();       // 16 returns after the call
(function () { if (!ok) return; oaiq("measure", "q"); })();                // 17 another test
`
	want := []bool{false, true, true, true, true, true, true, true, true, false, false, false, false, false, true, true, false, false}
	checkCallFlag(t, code, "Guarded", func(c *model.Call) bool { return c.Guarded }, want)
}
