package rules_test

// The Bad and Good examples of every rule's documentation are run: each
// Bad example must raise exactly its rule (and the rules its fence names
// in also=), each Good example nothing.
//
// The convention, in a rule's Doc:
//
//	Bad:
//	```html pixel_id=px_live also=init-missing
//	…
//	```
//	Good:
//	```html
//	…
//	```
//
// The fence's language is the input kind: html (a page or fragment), js,
// ts, tsx, jsx, vue, svelte, astro (application source), json or jsonl (an
// event log, or a tag-manager container export, told by its content), tpl
// (a custom template file), or robots.txt, http (a raw HTTP answer) or nginx (a
// `return CODE URL;` redirect) for what only a crawl sees: those are served
// on loopback and crawled (see lintCrawled). Attributes: pixel_id=ID runs
// with that Pixel ID configured; site=PAGES/WITH_SDK lints the page as one
// of a crawled site's PAGES pages of which WITH_SDK load the SDK;
// max_file_size=BYTES lints the example as a file read with that
// --max-file-size; on_disk lints it as a file in a folder of its own (its
// relative script paths resolved as check resolves them); events=N runs a Conversions API body with its one event
// repeated N times (a batch too long to print); also=rule,rule names other
// rules the Bad example raises too. Every rule's examples run: there is no
// other kind of fence.

import (
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// exampleFile names an example's input after its fence's language.
var exampleFile = map[string]string{
	"html": "example.html", "js": "example.js", "ts": "example.ts", "tsx": "example.tsx",
	"jsx": "example.jsx", "vue": "Example.vue", "svelte": "Example.svelte", "astro": "Example.astro",
	"json": "example.json", "jsonl": "example.jsonl", "tpl": "example.tpl",
}

type docExample struct {
	bad      bool
	lang     string
	pixelID  string
	maxSize  int64
	site     *model.SiteFacts
	also     []string
	code     string
	heading  string
	fenceIdx int
}

var headingRE = regexp.MustCompile(`^(Bad|Good)\b[^:]*:`)

// docExamples reads the fenced blocks under Bad: and Good: headings.
func docExamples(t *testing.T, r *rules.Rule) []docExample {
	var out []docExample
	section := ""
	lines := strings.Split(r.Doc, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := headingRE.FindStringSubmatch(line); m != nil {
			section = m[1]
			continue
		}
		info, ok := strings.CutPrefix(line, "```")
		if !ok {
			continue
		}
		var code []string
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			code = append(code, lines[i])
		}
		if section == "" {
			continue // an example before any Bad: or Good: is illustration
		}
		ex := docExample{bad: section == "Bad", code: strings.Join(code, "\n") + "\n", heading: section, fenceIdx: len(out)}
		fields := strings.Fields(info)
		if len(fields) > 0 {
			ex.lang = fields[0]
		}
		for _, f := range fields[min(1, len(fields)):] {
			k, v, _ := strings.Cut(f, "=")
			switch k {
			case "pixel_id":
				ex.pixelID = v
			case "max_file_size":
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || n <= 0 {
					t.Errorf("%s: max_file_size=%s is not a number of bytes", r.ID, v)
				}
				ex.maxSize = n
			case "on_disk":
				ex.maxSize = 50 << 20 // a file in a folder of its own, read as check reads files
			case "also":
				ex.also = strings.Split(v, ",")
			case "events":
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 {
					t.Errorf("%s: events=%s is not a count", r.ID, v)
					continue
				}
				ex.code = repeatEvent(t, r.ID, ex.code, n)
			case "site":
				pages, with, _ := strings.Cut(v, "/")
				p, err1 := strconv.Atoi(pages)
				w, err2 := strconv.Atoi(with)
				if err1 != nil || err2 != nil {
					t.Errorf("%s: site=%s is not PAGES/PAGES_WITH_SDK", r.ID, v)
				}
				ex.site = &model.SiteFacts{Pages: p, PagesWithSDK: w}
			default:
				t.Errorf("%s: unknown fence attribute %q", r.ID, f)
			}
		}
		out = append(out, ex)
	}
	return out
}

// crawled are the fence languages only a crawl reads.
var crawled = map[string]bool{"robots.txt": true, "http": true, "nginx": true}

// runExample lints one example as its fence says, with o's configuration.
func runExample(t *testing.T, ex docExample, o lintOptions) []model.Finding {
	t.Helper()
	o.pixelID, o.site, o.maxFileSize = ex.pixelID, ex.site, ex.maxSize
	if crawled[ex.lang] {
		got, err := lintCrawled(ex.lang, ex.code, o)
		if err != nil {
			t.Fatalf("%s example %d: %v", ex.heading, ex.fenceIdx+1, err)
		}
		return got
	}
	name, runnable := exampleFile[ex.lang]
	if !runnable {
		t.Fatalf("%s example %d: fence language %q is not an input the linter reads", ex.heading, ex.fenceIdx+1, ex.lang)
	}
	return lintInput(name, []byte(ex.code), o)
}

func TestDocExamplesRun(t *testing.T) {
	for _, r := range rules.All() {
		t.Run(r.ID, func(t *testing.T) {
			exs := docExamples(t, r)
			var bad, good int
			for _, ex := range exs {
				if ex.bad {
					bad++
				} else {
					good++
				}
				got := runExample(t, ex, lintOptions{})
				var wrong []string
				raised := map[string]bool{}
				for _, f := range got {
					raised[f.Rule] = true
					if !ex.bad || (f.Rule != r.ID && !slices.Contains(ex.also, f.Rule)) {
						wrong = append(wrong, f.Rule)
					}
				}
				if ex.bad && !raised[r.ID] {
					t.Errorf("Bad example %d does not raise %s:\n%s", ex.fenceIdx+1, r.ID, ex.code)
				}
				for _, a := range ex.also {
					if ex.bad && !raised[a] {
						t.Errorf("Bad example %d names also=%s, which it does not raise", ex.fenceIdx+1, a)
					}
				}
				if len(wrong) > 0 {
					t.Errorf("%s example %d raises %v:%s\n%s", ex.heading, ex.fenceIdx+1, wrong, describeFindings(got), ex.code)
				}
			}
			if bad == 0 || good == 0 {
				t.Errorf("the doc needs a runnable Bad and a runnable Good example (has %d and %d)", bad, good)
			}
		})
	}
}

// repeatEvent returns the Conversions API body in code (or the body of the
// request record in code) with its one event repeated n times.
func repeatEvent(t *testing.T, id, code string, n int) string {
	var record map[string]any
	if err := json.Unmarshal([]byte(code), &record); err != nil {
		t.Errorf("%s: events= needs a JSON body: %v", id, err)
		return code
	}
	body := record
	if inner, ok := record["body"].(map[string]any); ok {
		body = inner
	}
	evs, _ := body["events"].([]any)
	if len(evs) != 1 {
		t.Errorf("%s: events= needs a body with one event, got %d", id, len(evs))
		return code
	}
	body["events"] = slices.Repeat(evs, n)
	b, err := json.Marshal(record)
	if err != nil {
		t.Fatal(err)
	}
	return string(b) + "\n"
}
