package cli

// Google Tag Manager inputs (issue 17), kept apart from the rest of the
// input routing so it moves as one piece: container exports (.json) and
// custom template files (.tpl) are read by internal/extract/gtm, found in
// folders by their content, and read by content when named.

import (
	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/gtm"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// gtmDiscovery picks, in folders, the .json files that are container
// exports and the .tpl files that are custom templates.
var gtmDiscovery = discover.Options{ByContent: map[string]func(string, []byte) bool{
	".json": func(_ string, head []byte) bool { return gtm.IsExport(head) },
	".tpl":  gtm.IsTemplateFile,
}}

// readInput reads one input: a container export or template file by its
// content, anything else through extract.
func readInput(name string, data []byte, opts extract.Options) (*model.Document, []*source.File) {
	if gtm.Is(name, data) {
		return gtm.Read(name, data)
	}
	return extract.File(name, data, opts)
}
