package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const loader = `<script>
(function (w, d, s, u) {
  if (w.oaiq) return;
  var q = function () { q.q.push(arguments); };
  q.q = []; w.oaiq = q;
  var js = d.createElement(s); js.async = true; js.src = u;
  var f = d.getElementsByTagName(s)[0]; f.parentNode.insertBefore(js, f);
})(window, document, "script", "https://bzrcdn.openai.com/sdk/oaiq.min.js");
oaiq("init", { pixelId: "px_live", debug: true });
</script>`

func page(body string) string {
	return "<!doctype html>\n<html><head>\n" + loader + "\n</head><body>\n" + body + "\n</body></html>\n"
}

// rulesOf runs check --format json and returns "rule@line" of each finding.
func rulesOf(t *testing.T, args ...string) ([]string, int) {
	t.Helper()
	out, stderr, code := runCLI(t, "", append([]string{"check", "--format", "json"}, args...)...)
	var doc struct {
		Findings []struct {
			Rule string
			Line int
			File string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v: %v\nstdout %s\nstderr %s", args, err, out, stderr)
	}
	var got []string
	for _, f := range doc.Findings {
		got = append(got, f.Rule+"@"+filepath.Base(f.File)+":"+itoa(f.Line))
	}
	return got, code
}

func itoa(n int) string { return fmt.Sprintf("%03d", n) }

func chdir(t *testing.T, dir string) {
	t.Helper()
	old, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(old) })
}

func TestConfigSeveritiesOverridesIgnoreAndPixel(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "site/a.html", page(`<script>oaiq("measure", "lead_created", { type: "customer_action" });</script>`))
	writeFile(t, dir, "site/legacy/b.html", page(`<script>oaiq("measure", "Lead", {});</script>`))
	writeFile(t, dir, "site/staging/c.html", page(""))
	writeFile(t, dir, ".oaiq-lint.yaml", `pixel_id: px_other
rules:
  init-debug-enabled: error
ignore: ["site/legacy/**"]
overrides:
  - files: ["site/staging/**"]
    rules: {init-debug-enabled: off, init-pixel-id-unexpected: warning}
`)
	chdir(t, dir)
	got, code := rulesOf(t, "site")
	want := "init-pixel-id-unexpected@a.html:011 init-debug-enabled@a.html:011 init-pixel-id-unexpected@c.html:011"
	if strings.Join(got, " ") != want || code != ExitFindings {
		t.Errorf("got %v (exit %d)\nwant %s", got, code, want)
	}
}

func TestBadConfigIsAUsageError(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.html", page(""))
	cfg := writeFile(t, dir, "bad.yaml", "rules:\n  init-debug-enabled: loud\n")
	_, stderr, code := runCLI(t, "", "check", "--config", cfg, filepath.Join(dir, "a.html"))
	if code != ExitUsage || !strings.Contains(stderr, "bad.yaml:2: rules.init-debug-enabled") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestInlineSuppressions(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.html", `<!doctype html>
<html><head>
<!-- oaiq-lint-disable-file init-debug-enabled -- staging page -->
`+loader+`
</head><body><script>
// oaiq-lint-disable-next-line amount-not-integer -- legacy feed
oaiq("measure", "order_created", { type: "contents", amount: 1.5, currency: "USD" });
// oaiq-lint-disable-next-line currency-code -- nothing wrong here any more
oaiq("measure", "order_created", { type: "contents", amount: 150, currency: "USD" });
// oaiq-lint-disable-next-line
oaiq("measure", "order_created", { type: "contents", amount: 2.5, currency: "USD" });
</script></body></html>
`)
	got, _ := rulesOf(t, "--config", writeFile(t, dir, "empty.yaml", ""), p)
	want := "unused-suppression@a.html:017 suppression-malformed@a.html:019 amount-not-integer@a.html:020"
	if strings.Join(got, " ") != want {
		t.Errorf("got %v\nwant %s", got, want)
	}
}

func TestBaselineReportsOnlyNewFindings(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "empty.yaml", "")
	p := writeFile(t, dir, "a.html", page(`<script>oaiq("measure", "order_created", { type: "contents", amount: 1.5, currency: "USD" });</script>`))
	base := filepath.Join(dir, "baseline.json")
	// Recording accepts today's findings: the run that writes the baseline passes.
	if _, code := rulesOf(t, "--config", cfg, "--write-baseline", base, p); code != ExitOK {
		t.Fatalf("write-baseline run: exit %d, want 0", code)
	}
	// Lines move; the known findings stay silent, a new one is reported.
	writeFile(t, dir, "a.html", "\n\n"+page(`<script>oaiq("measure", "order_created", { type: "contents", amount: 1.5, currency: "USD" });</script>
<script>oaiq("measure", "order_created", { type: "contents", amount: 2599, currency: "usd" });</script>`))
	_, stderr, _ := runCLI(t, "", "check", "--config", cfg, "--baseline", base, p)
	if !strings.Contains(stderr, "known findings in the baseline") {
		t.Errorf("stderr does not say what the baseline hid: %q", stderr)
	}
	got, code := rulesOf(t, "--config", cfg, "--baseline", base, p)
	if strings.Join(got, " ") != "currency-code@a.html:017" || code != ExitFindings {
		t.Errorf("got %v exit %d", got, code)
	}
	if _, _, code := runCLI(t, "", "check", "--baseline", filepath.Join(dir, "nope.json"), p); code != ExitUsage {
		t.Errorf("missing baseline: exit %d", code)
	}
	// The baseline's paths are relative to it: from another working
	// directory, with the page named by another path, it still matches.
	other := t.TempDir()
	t.Chdir(other)
	rel, err := filepath.Rel(other, p)
	if err != nil {
		t.Fatal(err)
	}
	got, code = rulesOf(t, "--config", cfg, "--baseline", base, rel)
	if strings.Join(got, " ") != "currency-code@a.html:017" || code != ExitFindings {
		t.Errorf("from another folder: got %v exit %d", got, code)
	}
}

func TestShardsSplitInputsDisjointly(t *testing.T) {
	dir := t.TempDir()
	cfg := writeFile(t, dir, "empty.yaml", "")
	for _, n := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		writeFile(t, dir, n+".html", page(`<script>oaiq("measure", "Lead", {});</script>`))
	}
	seen := map[string]int{}
	for _, shard := range []string{"1/3", "2/3", "3/3"} {
		got, _ := rulesOf(t, "--config", cfg, "--shard", shard, dir)
		for _, g := range got {
			if strings.HasPrefix(g, "event-name-unknown@") {
				seen[g]++
			}
		}
	}
	if len(seen) != 8 {
		t.Errorf("shards covered %d of 8 pages: %v", len(seen), seen)
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("%s linted by %d shards", k, n)
		}
	}
	if _, _, code := runCLI(t, "", "check", "--shard", "4/3", dir); code != ExitUsage {
		t.Errorf("--shard 4/3: exit %d", code)
	}
}

// TestSharedScriptIsReportedOnce: a script two pages include, and that is
// linted on its own too, has each problem reported once.
func TestSharedScriptIsReportedOnce(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "js/pixel.js", `oaiq("init", { pixelId: "px_other" });`+"\n")
	for _, p := range []string{"a.html", "b.html"} {
		writeFile(t, dir, p, "<!doctype html><html><head><script src=\"/js/pixel.js\"></script></head><body></body></html>\n")
	}
	cfg := writeFile(t, dir, "cfg.yaml", "pixel_id: px_live\n")
	got, _ := rulesOf(t, "--config", cfg, "--root", dir, dir)
	n := 0
	for _, g := range got {
		if strings.HasPrefix(g, "init-pixel-id-unexpected@pixel.js") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("reported %d times: %v", n, got)
	}
}
