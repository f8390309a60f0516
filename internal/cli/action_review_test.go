package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/oaiq-lint/oaiq-lint/internal/ghreview"
)

// TestMain lets a test run this test binary as the oaiq-lint command (a
// script the test runs finds it on PATH), without building it.
func TestMain(m *testing.M) {
	if os.Getenv("OAIQ_LINT_TEST_AS_CLI") == "1" {
		os.Exit(Main(os.Args[1:], System()))
	}
	os.Exit(m.Run())
}

// actionStep is a step of action.yml as the runner reads it.
type actionStep struct {
	Name string            `yaml:"name"`
	ID   string            `yaml:"id"`
	If   string            `yaml:"if"`
	Run  string            `yaml:"run"`
	Env  map[string]string `yaml:"env"`
}

// fakeGitHub stands in for the pulls API of one pull request: its files
// and review comments in pages of one, and the reviews posted.
type fakeGitHub struct {
	t        *testing.T
	mu       sync.Mutex
	files    []ghreview.File
	comments []map[string]any
	reviews  []ghreview.Review
}

func (g *fakeGitHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if r.Header.Get("Authorization") != "Bearer test-token" {
		http.Error(w, `{"message": "Bad credentials"}`, http.StatusUnauthorized)
		return
	}
	page := func(items []any) {
		n := 1
		fmt.Sscan(r.URL.Query().Get("page"), &n)
		if r.URL.Query().Get("per_page") != "100" {
			g.t.Errorf("%s asked without per_page=100", r.URL)
		}
		// One item a page, so the script must follow the Link header.
		if n < len(items) {
			next := *r.URL
			q := next.Query()
			q.Set("page", fmt.Sprint(n+1))
			next.RawQuery = q.Encode()
			w.Header().Set("Link", fmt.Sprintf(`<http://%s%s>; rel="next", <http://%s/last>; rel="last"`, r.Host, next.RequestURI(), r.Host))
		}
		out := []any{}
		if n >= 1 && n <= len(items) {
			out = items[n-1 : n]
		}
		json.NewEncoder(w).Encode(out)
	}
	switch {
	case r.Method == "GET" && r.URL.Path == "/repos/o/r/pulls/7/files":
		var items []any
		for _, f := range g.files {
			items = append(items, f)
		}
		page(items)
	case r.Method == "GET" && r.URL.Path == "/repos/o/r/pulls/7/comments":
		var items []any
		for _, c := range g.comments {
			items = append(items, c)
		}
		page(items)
	case r.Method == "POST" && r.URL.Path == "/repos/o/r/pulls/7/reviews":
		var rv ghreview.Review
		body, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(body, &rv); err != nil {
			g.t.Errorf("posted review is not JSON: %v\n%s", err, body)
		}
		g.reviews = append(g.reviews, rv)
		for _, c := range rv.Comments {
			g.comments = append(g.comments, map[string]any{"path": c.Path, "line": c.Line, "body": strings.ReplaceAll(c.Body, "\n", "\r\n")})
		}
		w.WriteHeader(http.StatusOK)
		io.WriteString(w, `{"id": 1}`)
	default:
		g.t.Errorf("unexpected request %s %s", r.Method, r.URL)
		http.NotFound(w, r)
	}
}

// TestActionPostsSuggestionsOnce runs the Action's own lint and
// suggestions steps, as written in action.yml, against a stand-in for the
// GitHub API: the fixes on the pull request's lines are posted as one
// review of suggestions, following the lists' pages, and a re-run posts
// nothing again.
func TestActionPostsSuggestionsOnce(t *testing.T) {
	var action struct {
		Inputs map[string]struct {
			Default string `yaml:"default"`
		} `yaml:"inputs"`
		Runs struct {
			Steps []actionStep `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal([]byte(mustRead(t, filepath.Join(repoRoot, "action.yml"))), &action); err != nil {
		t.Fatal(err)
	}
	var lint, suggest *actionStep
	for i, st := range action.Runs.Steps {
		switch {
		case st.ID == "lint":
			lint = &action.Runs.Steps[i]
		case strings.Contains(st.Run, "github-review"):
			suggest = &action.Runs.Steps[i]
		}
	}
	if lint == nil || suggest == nil {
		t.Fatal("action.yml lacks the lint or the suggestions step")
	}
	if suggest.If != "inputs.suggestions == 'true' && github.event.pull_request" {
		t.Errorf("the suggestions step runs if %q", suggest.If)
	}
	if d := action.Inputs["suggestions"].Default; d != "false" {
		t.Errorf("suggestions defaults to %q", d)
	}

	work, tmp, bin := t.TempDir(), t.TempDir(), t.TempDir()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, bin, "oaiq-lint", fmt.Sprintf("#!/bin/sh\nOAIQ_LINT_TEST_AS_CLI=1 exec %q \"$@\"\n", self))
	os.Chmod(filepath.Join(bin, "oaiq-lint"), 0o755)
	page := "<!doctype html>\n<html><head><script>\n" +
		`oaiq("init", { pixel_id: "px_123" });` + "\n" +
		`oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD" });` + "\n" +
		"</script></head><body></body></html>\n"
	writeFile(t, work, "site/thanks.html", page)
	writeFile(t, work, "site/other.html", strings.Replace(page, `"USD"`, `"eur"`, 1))
	// The pull request adds line 3 of thanks.html (the init call) and
	// shows line 4 as context; other.html is not in it.
	gh := &fakeGitHub{t: t, files: []ghreview.File{
		{Filename: "README.md", Status: "modified", Patch: "@@ -1 +1 @@\n-a\n+b"},
		{Filename: "site/thanks.html", Status: "modified", Patch: "@@ -1,3 +1,4 @@\n <!doctype html>\n <html><head><script>\n+" +
			`oaiq("init", { pixel_id: "px_123" });` + "\n " +
			`oaiq("measure", "order_created", { type: "contents", amount: 25.99, currency: "USD" });`},
	}}
	srv := httptest.NewServer(gh)
	defer srv.Close()

	inputs := map[string]string{"paths": "site", "format": "text", "sarif-file": "", "suggestions": "true", "github-token": "test-token"}
	github := map[string]string{"action_path": repoRoot, "repository": "o/r", "event.pull_request.number": "7", "event.pull_request.head.sha": "headsha"}
	expr := regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	eval := func(s string) string {
		return expr.ReplaceAllStringFunc(s, func(m string) string {
			e := expr.FindStringSubmatch(m)[1]
			if name, ok := strings.CutPrefix(e, "inputs."); ok {
				if v, ok := inputs[name]; ok {
					return v
				}
				if in, ok := action.Inputs[name]; ok {
					return in.Default
				}
			}
			if name, ok := strings.CutPrefix(e, "github."); ok {
				if v, ok := github[name]; ok {
					return v
				}
			}
			t.Fatalf("the test does not know ${{ %s }}", e)
			return ""
		})
	}
	run := func(st *actionStep) string {
		t.Helper()
		// As the runner runs a step of shell: bash.
		script := writeFile(t, tmp, "step.sh", eval(st.Run))
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = work
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+filepath.Join(tmp, "output"), "GITHUB_API_URL="+srv.URL)
		for k, v := range st.Env {
			cmd.Env = append(cmd.Env, k+"="+eval(v))
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("step %q failed: %v\n%s", st.Name, err, out)
		}
		return string(out)
	}
	run(lint)
	if !strings.Contains(mustRead(t, filepath.Join(tmp, "output")), "exit-code=1") {
		t.Errorf("lint step output: %s", mustRead(t, filepath.Join(tmp, "output")))
	}
	log := run(suggest)
	if len(gh.reviews) != 1 {
		t.Fatalf("%d reviews posted; step log:\n%s", len(gh.reviews), log)
	}
	rv := gh.reviews[0]
	if rv.CommitID != "headsha" || rv.Event != "COMMENT" || len(rv.Comments) != 1 {
		t.Fatalf("review %+v\n%s", rv, log)
	}
	// The safe fix on the pull request's lines: the key renamed on line 3
	// (none in other.html, which the pull request does not change).
	c := rv.Comments[0]
	if c.Path != "site/thanks.html" || c.Side != "RIGHT" || c.Line != 3 || c.StartLine != 0 ||
		!strings.HasSuffix(c.Body, "```suggestion\n"+`oaiq("init", { pixelId: "px_123" });`+"\n```") {
		t.Errorf("comment %+v", c)
	}
	if !strings.Contains(log, "1 suggestion to post") || !strings.Contains(log, "1 unsafe, not proposed") {
		t.Errorf("the step does not say what it posts:\n%s", log)
	}
	// A re-run finds its comment (on the second page of the list) and
	// posts no review.
	gh.comments = append([]map[string]any{{"path": "README.md", "line": 1, "body": "a person's comment"}}, gh.comments...)
	log = run(suggest)
	if len(gh.reviews) != 1 || !strings.Contains(log, "0 suggestions to post, 1 already posted") {
		t.Errorf("re-run posted %d reviews:\n%s", len(gh.reviews)-1, log)
	}
	// With unsafe-suggestions, the amount's fix follows, saying what it is.
	inputs["unsafe-suggestions"] = "true"
	log = run(suggest)
	if len(gh.reviews) != 2 || len(gh.reviews[1].Comments) != 1 {
		t.Fatalf("unsafe run: %d reviews\n%s", len(gh.reviews), log)
	}
	if c := gh.reviews[1].Comments[0]; c.Line != 4 || !strings.Contains(c.Body, "unsafe: changes a value") || !strings.Contains(c.Body, "amount: 2599, currency: \"USD\"") {
		t.Errorf("unsafe comment %+v", c)
	}
	// The token is required.
	inputs["github-token"] = ""
	cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", writeFile(t, tmp, "step.sh", eval(suggest.Run)))
	cmd.Env = append(os.Environ(), "RUNNER_TEMP="+tmp, "GITHUB_API_URL="+srv.URL, "TOKEN=")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "needs the github-token input") {
		t.Errorf("no token: %v\n%s", err, out)
	}
}
