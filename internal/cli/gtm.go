package cli

// Google Tag Manager inputs (issue 17), kept apart from the rest of the
// input routing so it moves as one piece: container exports (.json) and
// custom template files (.tpl) are read by internal/extract/gtm, found in
// folders by their content, and read by content when named. Before the
// inputs are linted, the exports in the arguments' folder trees and those
// named with --gtm are read, so a page that loads GTM-XXXX is judged with
// what that container's tags really do.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/gtm"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// gtmDiscovery picks, in folders, the .json files that are container
// exports and the .tpl files that are custom templates.
var gtmDiscovery = discover.Options{ByContent: map[string]func(string, []byte) bool{
	".json": func(_ string, head []byte) bool { return gtm.IsExport(head) },
	".tpl":  gtm.IsTemplateFile,
}}

func (o *sourceOptions) addGTMFlags(cmd *cobra.Command) {
	cmd.Flags().StringArrayVar(&o.gtmExports, "gtm", nil, "a Google Tag Manager container export (Admin → Export Container) to judge the pages that load its container with; also linted (repeatable)")
}

// withGTMExports adds the --gtm files to the arguments, so they are linted
// too (a file named twice is linted once).
func (o *sourceOptions) withGTMExports(args []string) []string {
	if len(o.gtmExports) == 0 {
		return args
	}
	return append(append([]string(nil), args...), o.gtmExports...)
}

// readContainers reads the container exports among the files args name
// (folders walked) and keeps each one's verdict by container id.
func (o *sourceOptions) readContainers(args []string) {
	o.containers = map[string]*model.ContainerVerdict{}
	var paths []string
	for _, a := range args {
		if a != "-" && !strings.HasPrefix(a, "http://") && !strings.HasPrefix(a, "https://") {
			paths = append(paths, a)
		}
	}
	if len(paths) == 0 {
		return
	}
	for t, err := range discover.Stream(paths, gtmDiscovery) {
		if err != nil || !strings.EqualFold(filepath.Ext(t.Path), ".json") {
			continue
		}
		if info, err := os.Stat(t.Path); err != nil || info.Size() > o.maxFileSize {
			continue
		}
		data, err := os.ReadFile(t.Path)
		if err != nil || !gtm.IsExport(data) {
			continue
		}
		doc, _ := gtm.Read(filepath.ToSlash(t.Path), data)
		if v := gtm.Verdict(doc); v.ID != "" && o.containers[v.ID] == nil {
			o.containers[v.ID] = v
		}
	}
}

// readInput reads one input: a container export or template file by its
// content, anything else through extract, with the verdicts of the
// containers it loads.
func (o *sourceOptions) readInput(name string, data []byte, opts extract.Options) (*model.Document, []*source.File) {
	if gtm.Is(name, data) {
		return gtm.Read(name, data)
	}
	doc, files := extract.File(name, data, opts)
	gtm.Attach(doc, o.containers)
	return doc, files
}

// tagExtents are a container's tags for the html report's grouping; nil
// for other documents.
func tagExtents(doc *model.Document) []report.TagExtent {
	if doc.Container == nil {
		return nil
	}
	var out []report.TagExtent
	for _, t := range doc.Container.Tags {
		out = append(out, report.TagExtent{Name: t.Name, Span: t.Extent})
	}
	return out
}

func addCrawlGTMFlag(cmd *cobra.Command, o *crawlOptions) {
	cmd.Flags().StringArrayVar(&o.gtmExports, "gtm", nil, "a Google Tag Manager container export (Admin → Export Container) to judge the crawled pages that load its container with (repeatable)")
}

// readGTMFlag reads the --gtm exports of a crawl; a file that cannot be
// read or is not an export is a usage error.
func readGTMFlag(files []string, maxSize int64) (map[string]*model.ContainerVerdict, error) {
	out := map[string]*model.ContainerVerdict{}
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
			return nil, usageErrorf("--gtm %s: %v", f, err)
		}
		doc, _ := gtm.Read(filepath.ToSlash(f), data)
		if v := gtm.Verdict(doc); v.ID != "" {
			out[v.ID] = v
		}
	}
	return out, nil
}

// attachContainers gives a crawled page the verdicts of the containers it
// loads (--gtm).
func (l *lintRun) attachContainers(doc *model.Document) { gtm.Attach(doc, l.containers) }
