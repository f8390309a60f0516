package rules

// The pixel's vocabulary, as its documentation gives it.

// Data shapes an event data object's type selects.
const (
	shapeContents       = "contents"
	shapeCustomerAction = "customer_action"
	shapePlanEnrollment = "plan_enrollment"
	shapeCustom         = "custom"
)

// standardEvents maps the ten standard events to the data shape each uses.
var standardEvents = map[string]string{
	"page_viewed":            shapeContents,
	"contents_viewed":        shapeContents,
	"items_added":            shapeContents,
	"checkout_started":       shapeContents,
	"order_created":          shapeContents,
	"lead_created":           shapeCustomerAction,
	"registration_completed": shapeCustomerAction,
	"appointment_scheduled":  shapeCustomerAction,
	"subscription_created":   shapePlanEnrollment,
	"trial_started":          shapePlanEnrollment,
}

// customEvent is the event name of every custom event.
const customEvent = "custom"

// serverOnlyEvents are accepted by the Conversions API but not by the
// JavaScript pixel.
var serverOnlyEvents = map[string]bool{"app_installed": true, "app_opened": true}

// shapeFields lists the fields each shape allows, from the documentation's
// examples and its sentence on custom events ("You can add plan_id, amount,
// currency, or contents").
var shapeFields = map[string][]string{
	shapeContents:       {"type", "amount", "currency", "contents"},
	shapeCustomerAction: {"type", "amount", "currency"},
	shapePlanEnrollment: {"type", "plan_id", "amount", "currency"},
	shapeCustom:         {"type", "plan_id", "amount", "currency", "contents"},
}

var (
	userFields     = []string{"email_sha256", "external_id_sha256", "country", "city", "zip_code"}
	initFields     = []string{"pixelId", "debug", "user"}
	optionFields   = []string{"event_id", "custom_event_name", "opt_out"}
	contentsFields = []string{"id", "name", "content_type", "quantity", "amount", "currency"}
	commands       = []string{"init", "measure", "consent"}
)

// shapeFor returns the data shape an event uses: its own for a standard
// event, custom for custom events, "" when the event is not known.
func shapeFor(event string) string {
	if event == customEvent {
		return shapeCustom
	}
	return standardEvents[event]
}

// standardEventOrder is the documentation's order, for stable messages.
var standardEventOrder = []string{
	"page_viewed", "contents_viewed", "items_added", "checkout_started", "order_created",
	"lead_created", "registration_completed", "appointment_scheduled",
	"subscription_created", "trial_started",
}

// StandardEvents lists the ten standard events in the documentation's
// order, for reports that show every event.
func StandardEvents() []string { return append([]string(nil), standardEventOrder...) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
