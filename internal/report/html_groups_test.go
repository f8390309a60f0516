package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

// A tag-manager container's findings are grouped under the tag whose
// definition holds them, in the order they come; findings outside every
// tag (a custom template, the container's id) go under "Container".
func TestHTMLGroupsContainerFindingsByTag(t *testing.T) {
	opts, _ := fixtureRun()
	span := func(line, col int) model.Span {
		return model.Span{File: "/repo/gtm/GTM-SHOP01.json", Start: model.Pos{Line: line, Col: col}, End: model.Pos{Line: line, Col: col + 1}}
	}
	extent := func(from, to int) model.Span {
		return model.Span{File: "/repo/gtm/GTM-SHOP01.json", Start: model.Pos{Line: from, Col: 5}, End: model.Pos{Line: to, Col: 6}}
	}
	r := Result{
		Path: "/repo/gtm/GTM-SHOP01.json", Kind: "fragment", Calls: 3,
		Tags: []TagExtent{{Name: "OAIQ - base", Span: extent(10, 20)}, {Name: "OAIQ - purchase", Span: extent(21, 30)}},
		Findings: []model.Finding{
			{Rule: "gtm-paused-tags", Severity: model.Info, Message: "paused", Span: span(4, 3)},
			{Rule: "snippet-src", Severity: model.Error, Message: "copy of the SDK", Span: span(12, 40)},
			{Rule: "amount-not-integer", Severity: model.Error, Message: "amount 25.99", Span: span(25, 7)},
			{Rule: "currency-code", Severity: model.Error, Message: "currency EURO", Span: span(26, 7)},
		},
	}
	out := renderHTML(t, opts, []Result{r})
	heads := regexp.MustCompile(`<h4 class="tag">(.*?)</h4>`).FindAllStringSubmatch(out, -1)
	var got []string
	for _, h := range heads {
		got = append(got, h[1])
	}
	want := []string{"Container", "Tag <q>OAIQ - base</q>", "Tag <q>OAIQ - purchase</q>"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("groups %q, want %q", got, want)
	}
	purchase := out[strings.Index(out, "Tag <q>OAIQ - purchase</q>"):]
	if !strings.Contains(purchase, "amount 25.99") || !strings.Contains(purchase, "currency EURO") || strings.Contains(purchase, "copy of the SDK") {
		t.Errorf("the purchase tag's group does not hold exactly its findings:\n%s", purchase)
	}
	// Other inputs are not grouped.
	_, results := htmlFixture()
	if plain := renderHTML(t, opts, results); strings.Contains(plain, `class="tag-group"`) {
		t.Error("findings of inputs that are not containers are grouped")
	}
}
