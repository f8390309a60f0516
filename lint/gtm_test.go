package lint

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// loadTarget loads the one input Targets makes of path, named explicitly.
func loadTarget(t *testing.T, path string, o SourceOptions) *Loaded {
	t.Helper()
	var ld *Loaded
	n := 0
	for in := range Targets([]string{path}, nil, o) {
		n++
		var err error
		if ld, err = in.Load(context.Background()); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	if n != 1 {
		t.Fatalf("%s: %d inputs, want 1", path, n)
	}
	return ld
}

// A named .json file is read as a container export when it is one, before
// it is tried as an event log; an event log, even one that says
// "containerVersion" in its records, is never taken for an export.
func TestExportsAndLogsTold(t *testing.T) {
	export := loadTarget(t, filepath.Join("..", "testdata", "gtm", "web-html.json"), SourceOptions{})
	if export.Doc.Container == nil || export.Doc.Container.PublicID == "" || export.Doc.Input != "" {
		t.Errorf("the export was not read as one: container %+v, input %q", export.Doc.Container, export.Doc.Input)
	}
	dir := t.TempDir()
	logs := map[string]string{
		"events.json":  `[["init", {"pixelId": "px_1", "exportFormatVersion": 2, "containerVersion": "1"}], ["measure", "page_viewed", {"type": "page"}]]`,
		"records.json": `{"command": "init", "args": ["init", {"pixelId": "px_1", "exportFormatVersion": 2, "containerVersion": {}}]}`,
		"events.jsonl": `["init", {"pixelId": "px_1", "exportFormatVersion": 2, "containerVersion": "1"}]` + "\n" + `["measure", "page_viewed", {"type": "page"}]` + "\n",
	}
	for name, text := range logs {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		ld := loadTarget(t, path, SourceOptions{})
		if ld.Doc.Container != nil || ld.Doc.Input == "" {
			t.Errorf("%s: read as an export (%+v), not as a log (input %q)", name, ld.Doc.Container, ld.Doc.Input)
		}
	}
}

// A page named alone gets the verdict of the container it loads from the
// export given in GTMExports, which is linted too.
func TestGTMExportsJudgePages(t *testing.T) {
	site := filepath.Join("..", "testdata", "check", "gtm-site")
	o := SourceOptions{GTMExports: []string{filepath.Join(site, "gtm", "GTM-BLOG01.json")}}
	var names []string
	attached := false
	for in := range Targets([]string{filepath.Join(site, "blog.html")}, nil, o) {
		names = append(names, in.Name)
		ld, err := in.Load(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if p := ld.Doc.Page; p != nil {
			for _, tm := range p.TagManagers {
				attached = attached || tm.Container != nil && tm.Container.ID == "GTM-BLOG01"
			}
		}
	}
	if len(names) != 2 || !attached {
		t.Errorf("inputs %v, container attached %v; want the page and the export, the page with GTM-BLOG01's verdict", names, attached)
	}
}
