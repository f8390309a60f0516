package lint

// Google Tag Manager inputs (issue 17), kept apart from the rest of the
// input routing: container exports (.json) and custom template files (.tpl)
// are read by internal/extract/gtm, found in folders by their content and
// read by content when named. Before the inputs are linted, the exports in
// the arguments' folder trees and those named with SourceOptions.GTMExports
// are read, so a page that loads GTM-XXXX is judged with what that
// container's tags really do.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/gtm"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// Containers are the verdicts of container exports by container id
// ("GTM-XXXX"): what each container's tags show a page that loads it.
type Containers map[string]*model.ContainerVerdict

// Attach gives each tag manager a page loads the verdict of its container,
// when there is one.
func (c Containers) Attach(doc *model.Document) { gtm.Attach(doc, c) }

// gtmDiscovery picks, in folders, the .json files that are container
// exports and the .tpl files that are custom templates.
var gtmDiscovery = discover.Options{ByContent: map[string]func(string, []byte) bool{
	".json": func(_ string, head []byte) bool { return gtm.IsExport(head) },
	".tpl":  gtm.IsTemplateFile,
}}

// withGTMExports adds the GTMExports files to the arguments, so they are
// linted too (a file named twice is linted once).
func (o SourceOptions) withGTMExports(args []string) []string {
	if len(o.GTMExports) == 0 {
		return args
	}
	return append(append([]string(nil), args...), o.GTMExports...)
}

// readContainers reads the container exports among the files args name
// (folders walked) and adds each one's verdict to o.Containers (a
// container already there keeps its verdict).
func (o SourceOptions) readContainers(args []string) Containers {
	out := Containers{}
	for id, v := range o.Containers {
		out[id] = v
	}
	var paths []string
	for _, a := range args {
		if a != "-" && !strings.HasPrefix(a, "http://") && !strings.HasPrefix(a, "https://") {
			paths = append(paths, a)
		}
	}
	if len(paths) == 0 {
		return out
	}
	for t, err := range discover.Stream(paths, gtmDiscovery) {
		if err != nil || !strings.EqualFold(filepath.Ext(t.Path), ".json") {
			continue
		}
		if info, err := os.Stat(t.Path); err != nil || info.Size() > o.maxSize() {
			continue
		}
		data, err := os.ReadFile(t.Path)
		if err != nil || !gtm.IsExport(data) {
			continue
		}
		doc, _ := gtm.Read(filepath.ToSlash(t.Path), data)
		if v := gtm.Verdict(doc); v.ID != "" && out[v.ID] == nil {
			out[v.ID] = v
		}
	}
	return out
}

// ReadContainers reads container exports (a crawl's --gtm files) into
// their verdicts; a file that cannot be read or is not an export is an
// error naming it.
func ReadContainers(files []string, maxSize int64) (Containers, error) {
	out := Containers{}
	for _, f := range files {
		info, err := os.Stat(f)
		if err == nil && info.Size() > maxSize {
			err = fmt.Errorf("larger than --max-file-size")
		}
		var data []byte
		if err == nil {
			data, err = os.ReadFile(f)
		}
		if err == nil && !gtm.IsExport(data) {
			err = fmt.Errorf("not a Google Tag Manager container export (no exportFormatVersion and containerVersion)")
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f, err)
		}
		doc, _ := gtm.Read(filepath.ToSlash(f), data)
		if v := gtm.Verdict(doc); v.ID != "" {
			out[v.ID] = v
		}
	}
	return out, nil
}

// isGTM reports whether an input is read as a container export or a custom
// template file (by its content; a page or a script never is).
func isGTM(name string, data []byte) bool { return gtm.Is(name, data) }

// readInput reads one input: a container export or template file by its
// content, anything else through extract, with the verdicts of the
// containers it loads.
func (o SourceOptions) readInput(name string, data []byte, opts extract.Options) *Loaded {
	if isGTM(name, data) {
		doc, files := gtm.Read(name, data)
		return &Loaded{Doc: doc, Files: files}
	}
	doc, files := extract.File(name, data, opts)
	o.Containers.Attach(doc)
	return &Loaded{Doc: doc, Files: files}
}
