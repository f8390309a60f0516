package lint

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/model"
)

const dollars = `<script>oaiq("measure", "order_created", {type: "contents", amount: 25.99, currency: "USD"});</script>`

func pages(n int) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for i := range n {
			if !yield(Bytes(fmt.Sprintf("p%03d.html", i), []byte(dollars), SourceOptions{})) {
				return
			}
		}
	}
}

// Results arrive in input order whatever order the workers finish in.
func TestResultsInInputOrder(t *testing.T) {
	var got []string
	out, err := New(Options{Workers: 4, FailOn: model.Error}).Run(context.Background(), pages(50), func(r *Result) error {
		got = append(got, r.Name)
		return nil
	})
	if err != nil || !out.Failed || out.Summary.Files != 50 {
		t.Fatalf("err %v, outcome %+v", err, out)
	}
	for i, name := range got {
		if want := fmt.Sprintf("p%03d.html", i); name != want {
			t.Fatalf("result %d is %s, want %s", i, name, want)
		}
	}
}

// A cancel ends the run with ErrInterrupted after the results finished
// before it were consumed: partial results are flushed, none is lost in
// the middle.
func TestInterruptFlushesWhatWasFinished(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	inputs := func(yield func(Input) bool) {
		for in := range pages(3) {
			if !yield(in) {
				return
			}
		}
		yield(Input{Name: "cancels.html", Load: func(ctx context.Context) (*Loaded, error) {
			cancel()
			return nil, ctx.Err()
		}})
		for in := range pages(100) {
			if !yield(in) {
				return
			}
		}
	}
	var got []string
	_, err := New(Options{Workers: 2}).Run(ctx, inputs, func(r *Result) error {
		got = append(got, r.Name)
		return nil
	})
	if !errors.Is(err, ErrInterrupted) {
		t.Fatalf("err = %v, want ErrInterrupted", err)
	}
	if len(got) != 3 || got[2] != "p002.html" {
		t.Errorf("consumed %v, want the three inputs before the cancel", got)
	}
}

// The engine applies off and severities to the suppressions' own rules
// too, unused-suppression included, which runs after the suppressions.
func TestEngineAppliesConfigurationToSuppressionFindings(t *testing.T) {
	cfg, err := config.Parse("t.yaml", []byte("rules:\n  unused-suppression: error\n  suppression-malformed: off\n"), func(string) bool { return true })
	if err != nil {
		t.Fatal(err)
	}
	page := "<script>\n// oaiq-lint-disable-next-line amount-not-integer -- checked\noaiq(\"init\", {pixelId: \"px_1\"});\n// oaiq-lint-disable-next-line\noaiq(\"init\", {pixelId: \"px_1\"});\n</script>"
	var fs []model.Finding
	_, err = New(Options{Config: cfg}).Run(context.Background(), func(yield func(Input) bool) {
		yield(Bytes("a.html", []byte(page), SourceOptions{}))
	}, func(r *Result) error {
		fs = r.Report.Findings
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	unused := false
	for _, f := range fs {
		switch f.Rule {
		case "unused-suppression":
			unused = true
			if f.Severity != model.Error {
				t.Errorf("unused-suppression is %v, configured error", f.Severity)
			}
		case "suppression-malformed":
			t.Errorf("suppression-malformed reported although off: %+v", f)
		}
	}
	if !unused {
		t.Errorf("no unused-suppression in %+v", fs)
	}
}

// Held results come out sorted by name, after the site rules compared the
// pages: a page without the pixel among pages with it is snippet-coverage.
func TestSortByNameRunsTheSiteRules(t *testing.T) {
	withPixel := `<!doctype html><html><head><script async src="https://bzrcdn.openai.com/sdk/oaiq.min.js"></script></head><body></body></html>`
	without := `<!doctype html><html><head><title>x</title></head><body><p>no pixel</p></body></html>`
	var inputs []Input
	for _, p := range []struct{ name, page string }{{"https://s.example/c", withPixel}, {"https://s.example/b", without}, {"https://s.example/a", withPixel}} {
		in := Bytes(p.name+".html", []byte(p.page), SourceOptions{})
		in.Name, in.SitePage = p.name, true
		inputs = append(inputs, in)
	}
	var names []string
	coverage := map[string]bool{}
	_, err := New(Options{SortByName: true}).Run(context.Background(), func(yield func(Input) bool) {
		for _, in := range inputs {
			if !yield(in) {
				return
			}
		}
	}, func(r *Result) error {
		names = append(names, r.Name)
		for _, f := range r.Report.Findings {
			if f.Rule == "snippet-coverage" {
				coverage[r.Name] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(names) != "[https://s.example/a https://s.example/b https://s.example/c]" {
		t.Errorf("delivered %v, want them sorted by name", names)
	}
	if !coverage["https://s.example/b"] || len(coverage) != 1 {
		t.Errorf("snippet-coverage on %v, want only on /b", coverage)
	}
}

// ExtractOnly runs only the rules that report what could not be read:
// a script that does not parse is reported, a measure call without init
// (a rule's verdict on what was read) is not.
func TestExtractOnlyReportsWhatCouldNotBeRead(t *testing.T) {
	page := "<script>\noaiq(\"measure\", \"page_viewed\", { type: \"contents\" });\n</script>\n<script>\noaiq(\"consent\", true;\n</script>\n"
	var rules []string
	_, err := New(Options{ExtractOnly: true}).Run(context.Background(), func(yield func(Input) bool) {
		yield(Bytes("a.html", []byte(page), SourceOptions{}))
	}, func(r *Result) error {
		for _, f := range r.Report.Findings {
			rules = append(rules, f.Rule)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rules) != 1 || rules[0] != "parse-error" {
		t.Errorf("extract reported %v, want [parse-error]", rules)
	}
}
