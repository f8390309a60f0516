package report

import (
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"html"
	"html/template"
	"io"
	"strings"
	"time"
)

func init() { Register("html", newHTML) }

// The report's look and behaviour are embedded: one self-contained file,
// no external requests, readable offline from a ticket attachment.
var (
	//go:embed html/report.tmpl
	htmlTemplateText string
	//go:embed html/report.css
	htmlCSS string
	//go:embed html/report.js
	htmlJS string

	htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{"plural": Plural, "prose": prose}).Parse(htmlTemplateText))
)

// prose shows a message or hint with its `backticked` parts as code, the
// way rule texts mark literal source. Every part is escaped.
func prose(s string) template.HTML {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unpaired backtick: keep the text as written
		return template.HTML(html.EscapeString(s))
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<code>" + html.EscapeString(p) + "</code>")
		} else {
			b.WriteString(html.EscapeString(p))
		}
	}
	return template.HTML(b.String())
}

// htmlIcon is a severity-neutral dot, inline so the browser asks for no
// favicon.
const htmlIcon = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Ccircle cx='8' cy='8' r='7' fill='%230969da'/%3E%3C/svg%3E"

// htmlCSP is the report's own policy: nothing may load but its two inline
// blocks, named by the hashes of their exact text, and the inline icon.
var htmlCSP = "default-src 'none'; img-src data:; style-src " + cspHash(htmlCSS) +
	"; script-src " + cspHash(htmlJS) + "; base-uri 'none'; form-action 'none'"

func cspHash(block string) string {
	sum := sha256.Sum256([]byte(block))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// htmlReporter buffers the run (the summary comes first on the page) as
// prepared sections, so source files are not held until Finish.
type htmlReporter struct {
	w       io.Writer
	opts    Options
	targets []htmlTarget
	rules   ruleTally
	funnel  *funnel
	pages   pageTally
}

func newHTML(w io.Writer, opts Options) Reporter {
	return &htmlReporter{w: w, opts: opts, rules: ruleTally{}, funnel: newFunnel(opts.StandardEvents)}
}

func (h *htmlReporter) Result(r Result) error {
	h.targets = append(h.targets, newHTMLTarget(len(h.targets)+1, r, h.opts.BaseDir))
	h.rules.add(r)
	h.funnel.add(r)
	h.pages.add(r)
	return nil
}

// htmlPage is everything the template shows.
type htmlPage struct {
	Title      string
	Tool       Tool
	Time       string
	CSP        string
	Icon       template.URL
	CSS        template.CSS
	JS         template.JS
	Summary    Summary
	Cards      []htmlCard
	Rules      []ruleRow
	Funnel     funnelView
	Targets    []htmlTarget
	Findings   int
	Severities []string
}

func (h *htmlReporter) Finish(s Summary) error {
	page := htmlPage{
		Title:      h.opts.Tool.Name + " report",
		Tool:       h.opts.Tool,
		CSP:        htmlCSP,
		Icon:       template.URL(htmlIcon),
		CSS:        template.CSS(htmlCSS),
		JS:         template.JS(htmlJS),
		Summary:    s,
		Cards:      summaryCards(s, h.pages),
		Rules:      h.rules.rows(h.opts.Rules),
		Funnel:     h.funnel.view(),
		Targets:    h.targets,
		Findings:   s.Errors + s.Warnings + s.Infos,
		Severities: []string{"error", "warning", "info"},
	}
	if !h.opts.ReportTime.IsZero() {
		page.Time = h.opts.ReportTime.UTC().Format(time.RFC3339)
	}
	return htmlTemplate.Execute(h.w, page)
}

// ownReportMarker is the generator line every html report starts with
// (report.tmpl), within its first kilobyte.
const ownReportMarker = `<meta name="generator" content="oaiq-lint`

// IsOwnReport reports whether data is an html report this tool wrote, so a
// report saved into the tree is not linted as one of the site's pages on
// the next run.
func IsOwnReport(data []byte) bool {
	head := data[:min(len(data), 1024)]
	return strings.Contains(string(head), ownReportMarker)
}
