package report

import (
	"testing"

	"github.com/oaiq-lint/oaiq-lint/model"
)

func str(s string) *model.Value { return &model.Value{Kind: model.String, Str: s} }

func object(open bool, keys ...string) *model.Value {
	v := &model.Value{Kind: model.Object, Open: open}
	for _, k := range keys {
		v.Fields = append(v.Fields, &model.Field{Key: k, Value: str("x")})
	}
	return v
}

func TestEventFactsNeverGuess(t *testing.T) {
	measure := func(args ...*model.Value) *model.Call {
		return &model.Call{Args: append([]*model.Value{str("measure")}, args...)}
	}
	dynamic := &model.Value{Kind: model.Dynamic, Raw: "opts"}
	custom := object(false, "custom_event_name")
	custom.Fields[0].Value = str("quote_requested")
	doc := &model.Document{Calls: []*model.Call{
		{Args: []*model.Value{str("init"), object(false, "pixelId")}},
		measure(str("order_created"), object(false), object(false, "event_id")),
		measure(str("order_created"), object(false)),
		measure(str("order_created"), object(false), dynamic),
		measure(str("order_created"), object(false), object(true)),
		measure(str("custom"), object(false), custom),
		measure(&model.Value{Kind: model.Dynamic, Raw: "name"}),
	}}
	got := eventFacts(doc)
	// Pixel is init's pixelId ("x"); ID the event_id when it is known.
	want := []EventInfo{
		{Name: "order_created", EventID: Present, ID: "x", Pixel: "x"},
		{Name: "order_created", EventID: Absent, Pixel: "x"},
		{Name: "order_created", EventID: Unknown, Pixel: "x"},
		{Name: "order_created", EventID: Unknown, Pixel: "x"},
		{Name: "custom", Custom: "quote_requested", EventID: Absent, Pixel: "x"},
		{Name: "", EventID: Absent, Pixel: "x"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d events, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("event %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestPageFacts(t *testing.T) {
	init := &model.Call{Args: []*model.Value{str("init")}}
	for _, c := range []struct {
		doc  *model.Document
		want *PageInfo
	}{
		{&model.Document{Kind: model.Script, Calls: []*model.Call{init}}, nil},
		{&model.Document{Kind: model.Page, Page: &model.PageFacts{}, Calls: []*model.Call{init}}, &PageInfo{HasInit: true}},
		{&model.Document{Kind: model.Page, Page: &model.PageFacts{Loaders: []model.LoaderSighting{{}},
			TagManagers: []model.TagManager{{Name: "Google Tag Manager"}}}}, &PageInfo{HasLoader: true, TagManager: "Google Tag Manager"}},
	} {
		got := pageFacts(c.doc)
		if (got == nil) != (c.want == nil) || (got != nil && *got != *c.want) {
			t.Errorf("pageFacts(%v) = %+v, want %+v", c.doc.Kind, got, c.want)
		}
	}
}

// A Conversions API request whose body is not known made no call of its
// own; it is still counted, so a file that sends one never reads as empty.
func TestDescribeCountsRequestsWithUnknownBodies(t *testing.T) {
	known := &model.Request{Body: object(false, "events")}
	unknown := &model.Request{Body: &model.Value{Kind: model.Dynamic, Raw: "body"}}
	doc := &model.Document{
		Calls:    []*model.Call{{Args: []*model.Value{str("measure"), str("order_created")}, Request: known}},
		Requests: []*model.Request{known, unknown},
	}
	var r Result
	r.Describe(doc)
	if r.Calls != 2 {
		t.Errorf("Calls = %d, want 2 (one event of a known body, one request whose body is unknown)", r.Calls)
	}
}
