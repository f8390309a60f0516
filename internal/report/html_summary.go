package report

import "strconv"

// pageTally counts whole pages and whether each visibly sets the pixel up.
type pageTally struct {
	pages, withPixel, tagManaged int
}

func (p *pageTally) add(r Result) {
	if r.Page == nil {
		return
	}
	p.pages++
	switch {
	case r.Page.HasPixel():
		p.withPixel++
	case r.Page.TagManager != "":
		p.tagManaged++
	}
}

// htmlCard is one figure of the summary.
type htmlCard struct {
	Label, Value, Detail, Class string
}

func summaryCards(s Summary, p pageTally) []htmlCard {
	cards := []htmlCard{{Label: "Targets", Value: strconv.Itoa(s.Files), Detail: Plural(s.Calls, "call", "calls") + " found"}}
	if p.pages > 0 {
		without := p.pages - p.withPixel
		with := htmlCard{Label: "Pages with the pixel", Value: strconv.Itoa(p.withPixel),
			Detail: "of " + Plural(p.pages, "page", "pages") + ": loader or init seen", Class: "good"}
		if without > 0 {
			with.Class = "partial"
		}
		missing := htmlCard{Label: "Pages without", Value: strconv.Itoa(without), Detail: "no loader, no init", Class: "good"}
		if without > 0 {
			missing.Class = "bad"
		}
		if p.tagManaged > 0 {
			missing.Detail = strconv.Itoa(p.tagManaged) + " with a tag manager that may add it"
		}
		cards = append(cards, with, missing)
	}
	return append(cards,
		severityCard("Errors", s.Errors, "sev-error"),
		severityCard("Warnings", s.Warnings, "sev-warning"),
		severityCard("Infos", s.Infos, "sev-info"))
}

func severityCard(label string, n int, class string) htmlCard {
	if n == 0 {
		class = "good"
	}
	return htmlCard{Label: label, Value: strconv.Itoa(n), Class: class}
}
