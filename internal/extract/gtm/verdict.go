package gtm

import (
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Verdict is what a container document read by Read shows a page that
// loads the container: where a tag loads the SDK and where one initialises.
func Verdict(doc *model.Document) *model.ContainerVerdict {
	c := doc.Container
	v := &model.ContainerVerdict{ID: c.PublicID, Path: doc.Path}
	switch {
	case c.Malformed != nil:
		v.Skipped = "its export cannot be read"
	case c.Skipped != "":
		v.Skipped = "it is not a web container (" + c.Skipped + ")"
	}
	for _, t := range c.Tags {
		if v.Loader.IsZero() {
			if len(t.Loaders) > 0 {
				v.Loader = t.Loaders[0].Span
			} else if t.Template != nil && t.Template.Pixel {
				v.Loader = t.Span
			}
		}
		for _, call := range t.Calls {
			if v.Init.IsZero() && call.Command() == pixel.CommandInit {
				v.Init = call.Span
			}
		}
	}
	return v
}

// Attach gives each tag manager a page loads the verdict of its container,
// when verdicts (by container id) has it.
func Attach(doc *model.Document, verdicts map[string]*model.ContainerVerdict) {
	if doc == nil || doc.Page == nil || len(verdicts) == 0 {
		return
	}
	for i := range doc.Page.TagManagers {
		tm := &doc.Page.TagManagers[i]
		if v := verdicts[tm.ID]; v != nil && tm.ID != "" {
			tm.Container = v
		}
	}
}
