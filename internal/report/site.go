package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"
	"time"

	"charm.land/lipgloss/v2"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// SitePage is what the crawl summary counts of one page besides its result.
type SitePage struct {
	// Type groups pages by URL shape ("/products/").
	Type                          string
	HTML, Failed, SkippedByRobots bool
}

// SiteTotals are the crawl's own counts, known once it is over.
type SiteTotals struct {
	Elapsed          time.Duration
	Requests         int64
	NonHTML, OffSite int
	// Unvisited counts linked URLs --depth or --max-pages kept out: the
	// coverage is of a part of the site.
	Unvisited int
}

// SiteSummary is what a crawl found, counted for people: coverage, the
// events each kind of page sends, and findings by rule. It is a consumer
// of the ordered stream of results, like the reporters.
type SiteSummary struct {
	pages, withSDK, withCalls int
	failed, robotsSkipped     int
	types                     map[string]*pageType
	byRule                    map[string]int
	severity                  map[string]model.Severity
}

type pageType struct {
	pages  int
	events map[string]int
}

// NewSiteSummary returns an empty summary.
func NewSiteSummary() *SiteSummary {
	return &SiteSummary{types: map[string]*pageType{}, byRule: map[string]int{}, severity: map[string]model.Severity{}}
}

// Add counts one page, from its result's facts: the page itself is gone.
func (s *SiteSummary) Add(p SitePage, r Result) {
	for _, f := range r.Findings {
		s.byRule[f.Rule]++
		s.severity[f.Rule] = max(s.severity[f.Rule], f.Severity)
	}
	switch {
	case p.Failed:
		s.failed++
	case p.SkippedByRobots:
		s.robotsSkipped++
	}
	if !p.HTML {
		return
	}
	s.pages++
	if r.Page != nil && r.Page.HasLoader {
		s.withSDK++
	}
	if r.Calls > 0 {
		s.withCalls++
	}
	// A path segment may be an address or a phone number (/+14155550122/).
	name := Printable(p.Type)
	t := s.types[name]
	if t == nil {
		t = &pageType{events: map[string]int{}}
		s.types[name] = t
	}
	t.pages++
	for _, e := range r.Events {
		event := "(dynamic)"
		if e.Name != "" {
			event = Printable(e.Name)
		}
		t.events[event]++
	}
}

var (
	styleHeading = lipgloss.NewStyle().Bold(true)
	styleBarFull = lipgloss.NewStyle().Foreground(lipgloss.Green)
	styleBarRest = lipgloss.NewStyle().Foreground(lipgloss.BrightBlack)
	styleFaint   = lipgloss.NewStyle().Faint(true)
	styleSev     = map[model.Severity]lipgloss.Style{
		model.Error:   lipgloss.NewStyle().Foreground(lipgloss.Red),
		model.Warning: lipgloss.NewStyle().Foreground(lipgloss.Yellow),
		model.Info:    lipgloss.NewStyle().Foreground(lipgloss.Blue),
	}
)

// Write prints the summary; w strips the styles when it is not a terminal.
func (s *SiteSummary) Write(r SiteTotals, w io.Writer) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s %d HTML %s in %s (%d requests)", styleHeading.Render("Crawled"), s.pages, noun(s.pages, "page", "pages"),
		r.Elapsed.Round(10*time.Millisecond), r.Requests)
	var extra []string
	for _, x := range []struct {
		n    int
		what string
	}{{s.failed, "failed"}, {s.robotsSkipped, "skipped by robots.txt"}, {r.NonHTML, "not HTML"}, {r.OffSite, "redirected off-site"},
		{r.Unvisited, "linked, not visited (--depth, --max-pages)"}} {
		if x.n > 0 {
			extra = append(extra, fmt.Sprintf("%d %s", x.n, x.what))
		}
	}
	if len(extra) > 0 {
		b.WriteString(styleFaint.Render(" · " + strings.Join(extra, " · ")))
	}
	b.WriteString("\n")
	if s.pages > 0 {
		const width = 24
		full := s.withSDK * width / s.pages
		partial := ""
		if r.Unvisited > 0 {
			partial = " (partial: of the pages visited)"
		}
		fmt.Fprintf(&b, "%s %s%s %d of %d pages load the pixel (%d%%)%s; %d call oaiq\n", styleHeading.Render("Pixel  "),
			styleBarFull.Render(strings.Repeat("█", full)), styleBarRest.Render(strings.Repeat("░", width-full)),
			s.withSDK, s.pages, (200*s.withSDK+s.pages)/(2*s.pages), partial, s.withCalls) // rounded
	}
	if len(s.types) > 0 {
		b.WriteString(styleHeading.Render("Events by page type") + "\n")
		names := make([]string, 0, len(s.types))
		for n := range s.types {
			names = append(names, n)
		}
		sort.Strings(names)
		width := columnWidth(names)
		for _, n := range names {
			t := s.types[n]
			events := "no events"
			if len(t.events) > 0 {
				events = countList(t.events, "×")
			}
			fmt.Fprintf(&b, "  %-*s %5d %-6s %s\n", width, n, t.pages, noun(t.pages, "page", "pages"), events)
		}
	}
	if len(s.byRule) > 0 {
		b.WriteString(styleHeading.Render("Findings by rule") + "\n")
		ids := make([]string, 0, len(s.byRule))
		for id := range s.byRule {
			ids = append(ids, id)
		}
		sort.Slice(ids, func(i, j int) bool {
			if s.severity[ids[i]] != s.severity[ids[j]] {
				return s.severity[ids[i]] > s.severity[ids[j]]
			}
			if s.byRule[ids[i]] != s.byRule[ids[j]] {
				return s.byRule[ids[i]] > s.byRule[ids[j]]
			}
			return ids[i] < ids[j]
		})
		width := columnWidth(ids)
		for _, id := range ids {
			sev := s.severity[id]
			fmt.Fprintf(&b, "  %-*s %5d %s\n", width, id, s.byRule[id], styleSev[sev].Render(sev.String()))
		}
	} else {
		b.WriteString(styleHeading.Render("No findings") + "\n")
	}
	io.WriteString(w, b.String())
}

// columnWidth is the width of a first column that holds every name (24 at
// least), so the counts after it line up whatever the longest rule id.
func columnWidth(names []string) int {
	w := 24
	for _, n := range names {
		w = max(w, len(n))
	}
	return w
}

// countList prints counts as "a ×3, b ×1", most frequent first.
func countList(m map[string]int, sep string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %s%d", k, sep, m[k])
	}
	return strings.Join(parts, ", ")
}

func noun(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ProgressBar redraws one line on standard error while a crawl runs, only
// when standard error is a terminal and --quiet is off.
type ProgressBar struct {
	mu    sync.Mutex
	w     io.Writer
	on    bool
	last  time.Time
	start time.Time
	drawn bool
}

// NewProgressBar draws on w when on is true (a terminal, not --quiet).
func NewProgressBar(w io.Writer, on bool) *ProgressBar {
	return &ProgressBar{w: w, on: on, start: time.Now()}
}

// Update redraws the bar, at most ten times a second.
func (p *ProgressBar) Update(done, queued, failed int) {
	if !p.on {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	total := done + queued
	const width = 30
	full := 0
	if total > 0 {
		full = done * width / total
	}
	rate := float64(done) / max(time.Since(p.start).Seconds(), 0.001)
	line := fmt.Sprintf("\r[%s%s] %d/%d pages · %d failed · %.1f pages/s", strings.Repeat("=", full), strings.Repeat(" ", width-full),
		done, total, failed, rate)
	io.WriteString(p.w, line+"\x1b[K")
	p.drawn = true
}

// Clear erases the bar before the report is printed.
func (p *ProgressBar) Clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		io.WriteString(p.w, "\r\x1b[K")
	}
	p.on = false
}
