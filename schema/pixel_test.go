package schema

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// rawSchema is the part of a schema's JSON the vocabulary is compared with.
type rawSchema struct {
	Title      string                     `json:"title"`
	Required   []string                   `json:"required"`
	Properties map[string]json.RawMessage `json:"properties"`
}

func load(t *testing.T, name string) rawSchema {
	t.Helper()
	src, ok := Source(name)
	if !ok {
		t.Fatalf("no schema %q", name)
	}
	var s rawSchema
	if err := json.Unmarshal(src, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

func keys(m map[string]json.RawMessage) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func sameSet(t *testing.T, what string, schemaSide, pixelSide []string) {
	t.Helper()
	a, b := slices.Sorted(slices.Values(schemaSide)), slices.Sorted(slices.Values(pixelSide))
	if !slices.Equal(a, b) {
		t.Errorf("%s: the schema says %v, pixel/ says %v", what, a, b)
	}
}

// TestSchemasAgreeWithPixel fails when a schema and the pixel's vocabulary
// in pixel/ disagree, so neither can change alone.
func TestSchemasAgreeWithPixel(t *testing.T) {
	for _, shape := range pixel.Shapes {
		s := load(t, shape)
		sameSet(t, shape+" fields", keys(s.Properties), pixel.ShapeFields[shape])
		sameSet(t, shape+" required fields", s.Required, pixel.RequiredDataFields)
		var typ struct {
			Const string `json:"const"`
		}
		if err := json.Unmarshal(s.Properties["type"], &typ); err != nil || typ.Const != shape {
			t.Errorf("%s: type is not const %q", shape, shape)
		}
		for _, e := range pixel.EventsUsing(shape) {
			if !strings.Contains(s.Title, e) {
				t.Errorf("%s: the title does not name %s, which uses the shape", shape, e)
			}
		}
	}

	dispatch := load(t, "event-data")
	var typ struct {
		Enum []string `json:"enum"`
	}
	if err := json.Unmarshal(dispatch.Properties["type"], &typ); err != nil {
		t.Fatal(err)
	}
	sameSet(t, "event-data type enum", typ.Enum, pixel.Shapes)
	sameSet(t, "event-data required fields", dispatch.Required, pixel.RequiredDataFields)

	sameSet(t, "init fields", keys(load(t, "init").Properties), pixel.InitFields)
	sameSet(t, "user fields", keys(load(t, "user").Properties), pixel.UserFields)
	sameSet(t, "options fields", keys(load(t, "options").Properties), pixel.OptionFields)
	sameSet(t, "contents item fields", keys(load(t, "contents-item").Properties), pixel.ContentsItemFields)
	for _, name := range []string{"init", "user", "options", "contents-item"} {
		if r := load(t, name).Required; len(r) != 0 {
			t.Errorf("%s requires %v; pixel/ makes every member optional", name, r)
		}
	}
}
