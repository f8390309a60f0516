package pixel

import "testing"

func TestIsSDKURL(t *testing.T) {
	for u, want := range map[string]bool{
		SDKURL:                                  true,
		"//bzrcdn.openai.com/sdk/oaiq.js":       true,
		"/vendor/oaiq.min.js":                   true,
		"https://cdn.example.com/x/oaiq.js?v=2": true,
		"/js/oaiq-events.js":                    false,
		"https://example.com/app.js":            false,
	} {
		if got := IsSDKURL(u); got != want {
			t.Errorf("IsSDKURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestMentionsSDKIsLooserThanIsSDKURL(t *testing.T) {
	for _, u := range []string{"/js/oaiq-events.js", "https://proxy.example.com/bzrcdn/sdk"} {
		if !MentionsSDK(u) || IsSDKURL(u) {
			t.Errorf("%q: MentionsSDK should hold and IsSDKURL not", u)
		}
	}
	if MentionsSDK("https://example.com/app.js") {
		t.Error("MentionsSDK holds for an unrelated script")
	}
}

func TestIsServerURL(t *testing.T) {
	for u, want := range map[string]bool{
		ConversionsAPIURL:                       true,
		EventsURL:                               true,
		"//bzr.openai.com:443/x":                true,
		"https://api.openai.com/v1/conversions": true,
		"https://openai.com/blog":               false,
		"https://example.com/events":            false,
		"/v1/events":                            false,
	} {
		if got := IsServerURL(u); got != want {
			t.Errorf("IsServerURL(%q) = %v, want %v", u, got, want)
		}
	}
}

func TestEveryStandardEventHasAShape(t *testing.T) {
	if len(StandardEvents) != len(EventShape) {
		t.Fatalf("%d events in order, %d with a shape", len(StandardEvents), len(EventShape))
	}
	for _, e := range StandardEvents {
		if ShapeFields[EventShape[e]] == nil {
			t.Errorf("%s uses shape %q, which has no fields", e, EventShape[e])
		}
	}
	if ShapeOf(CustomEvent) != ShapeCustom || ShapeOf("nope") != "" {
		t.Error("ShapeOf is wrong for custom or unknown events")
	}
	if got := EventsUsing(ShapePlanEnrollment); len(got) != 2 || got[0] != "subscription_created" {
		t.Errorf("EventsUsing(plan_enrollment) = %v", got)
	}
}
