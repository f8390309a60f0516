package rules

// Helpers of the rules about init's user object.

import (
	"slices"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// userObjects returns the user objects of the document's browser inits.
func userObjects(p *Pass) []*model.Value {
	var out []*model.Value
	for _, c := range p.inits() {
		if u := initConfig(c).Get("user"); u.Is(model.Object) {
			out = append(out, u)
		}
	}
	return out
}

// isUserKey reports the user object or one of its fields, wherever it is
// written.
func isUserKey(key string) bool { return key == "user" || slices.Contains(pixel.UserFields, key) }
