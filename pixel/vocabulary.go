package pixel

import "slices"

// The pixel's commands: the first argument of oaiq(…).
const (
	CommandInit    = "init"
	CommandMeasure = "measure"
	CommandConsent = "consent"
	// CommandMeasureSingle sends one event to one initialised pixel (P5):
	// oaiq("measureSingle", pixelId, eventName, eventData, eventOptions?).
	CommandMeasureSingle = "measureSingle"
)

// Commands lists the commands in the documentation's order.
var Commands = []string{CommandInit, CommandMeasure, CommandConsent, CommandMeasureSingle}

// EventArg returns the position of the event name in a command that sends
// an event (1 for measure, 2 for measureSingle, whose pixel id comes first);
// the event data and options follow it. It returns 0 for other commands.
func EventArg(command string) int {
	switch command {
	case CommandMeasure:
		return 1
	case CommandMeasureSingle:
		return 2
	}
	return 0
}

// IsEventCommand reports a command that sends an event.
func IsEventCommand(command string) bool { return EventArg(command) > 0 }

// Data shapes: an event data object's type selects one.
const (
	ShapeContents       = "contents"
	ShapeCustomerAction = "customer_action"
	ShapePlanEnrollment = "plan_enrollment"
	ShapeCustom         = "custom"
)

// Shapes lists the data shapes in the documentation's order.
var Shapes = []string{ShapeContents, ShapeCustomerAction, ShapePlanEnrollment, ShapeCustom}

// CustomEvent is the event name of every custom event (its own name goes
// in the options' custom_event_name).
const CustomEvent = "custom"

// StandardEvents lists the ten standard events in the documentation's
// order; EventShape gives the shape of each.
var StandardEvents = []string{
	"page_viewed", "contents_viewed", "items_added", "checkout_started", "order_created",
	"lead_created", "registration_completed", "appointment_scheduled",
	"subscription_created", "trial_started",
}

// EventShape maps each standard event to the data shape it uses.
var EventShape = map[string]string{
	"page_viewed":            ShapeContents,
	"contents_viewed":        ShapeContents,
	"items_added":            ShapeContents,
	"checkout_started":       ShapeContents,
	"order_created":          ShapeContents,
	"lead_created":           ShapeCustomerAction,
	"registration_completed": ShapeCustomerAction,
	"appointment_scheduled":  ShapeCustomerAction,
	"subscription_created":   ShapePlanEnrollment,
	"trial_started":          ShapePlanEnrollment,
}

// ServerOnlyEvents are accepted by the Conversions API but not by the
// JavaScript pixel.
var ServerOnlyEvents = []string{"app_installed", "app_opened"}

// ShapeFields lists the fields each shape allows, from the supported-events
// page (every revision: plan_enrollment takes optional plan-related
// contents) and the sentence on custom events ("You can add plan_id,
// amount, currency, or contents"). RequiredDataFields are required in every
// shape.
var ShapeFields = map[string][]string{
	ShapeContents:       {"type", "amount", "currency", "contents"},
	ShapeCustomerAction: {"type", "amount", "currency"},
	ShapePlanEnrollment: {"type", "plan_id", "amount", "currency", "contents"},
	ShapeCustom:         {"type", "plan_id", "amount", "currency", "contents"},
}

// RequiredDataFields are required in event data of every shape.
var RequiredDataFields = []string{"type"}

// Fields of the other objects a call carries.
var (
	// InitFields are the members of init's config object.
	InitFields = []string{"pixelId", "debug", "user"}
	// UserFields are the members of init's user object, all optional.
	UserFields = []string{"email_sha256", "external_id_sha256", "country", "city", "zip_code"}
	// UserFieldsThirdParty are user fields only third-party sources attest
	// (revision "P7", by September 2026, no official copy seen): not in
	// UserFields, never an error, never a misspelling.
	UserFieldsThirdParty = []string{"phone_number_sha256", "first_name_sha256", "last_name_sha256", "region", "postal_code"}
	// OptionFields are the members of measure's fourth argument.
	OptionFields = []string{"event_id", "custom_event_name", "opt_out"}
	// ContentsItemFields are the members of one contents[] item.
	ContentsItemFields = []string{"id", "name", "content_type", "quantity", "amount", "currency"}
)

// ShapeOf returns the data shape an event uses: its own for a standard
// event, custom for custom events, "" when the event is not known.
func ShapeOf(event string) string {
	if event == CustomEvent {
		return ShapeCustom
	}
	return EventShape[event]
}

// EventsUsing lists the standard events of a shape in the documentation's
// order.
func EventsUsing(shape string) []string {
	var out []string
	for _, e := range StandardEvents {
		if EventShape[e] == shape {
			out = append(out, e)
		}
	}
	return out
}

// IsStandardEvent reports one of the ten standard events.
func IsStandardEvent(name string) bool { return EventShape[name] != "" }

// IsServerOnlyEvent reports an event only the Conversions API accepts.
func IsServerOnlyEvent(name string) bool { return slices.Contains(ServerOnlyEvents, name) }
