// Package pixel is the vocabulary of the OpenAI Ads Measurement Pixel and
// its Conversions API, as the documentation gives it, written once.
package pixel

import (
	"net/url"
	"regexp"
	"strings"
	"time"
)

// The Conversions API: POST https://bzr.openai.com/v1/events?pid=<PIXEL-ID>.
const (
	CAPIHost = "bzr.openai.com"
	CAPIPath = "/v1/events"
	// CAPIPixelParam is the query parameter that names the pixel.
	CAPIPixelParam = "pid"
)

// IsCAPIURL reports whether u is the Conversions API endpoint (any query).
func IsCAPIURL(u string) bool {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil {
		return false
	}
	return strings.EqualFold(p.Hostname(), CAPIHost) && strings.TrimSuffix(p.Path, "/") == CAPIPath
}

// MaxBatchEvents is the most events one request may carry; if one event
// fails, the whole batch fails.
const MaxBatchEvents = 1000

// TimestampPast and TimestampFuture bound an event's timestamp_ms around
// the time of the request: within the last 7 days, at most 10 minutes ahead.
const (
	TimestampPast   = 7 * 24 * time.Hour
	TimestampFuture = 10 * time.Minute
)

// RequestFields are the documented members of a request body.
var RequestFields = []string{"validate_only", "integration_source", "events"}

// IntegrationSource is the documented form of integration_source, after
// trimming and lower-casing: 1–64 ASCII letters, digits, '.', '_', '-',
// starting with a letter or digit.
var IntegrationSource = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

// Event fields of the Conversions API.
const (
	EventID               = "id"
	EventType             = "type"
	EventTimestamp        = "timestamp_ms"
	EventCustomName       = "custom_event_name"
	EventOppref           = "oppref"
	EventSourceURL        = "source_url"
	EventActionSource     = "action_source"
	EventUser             = "user"
	EventOptOut           = "opt_out"
	EventData             = "data"
	ActionSourceWeb       = "web"
	ActionSourceMobileApp = "mobile_app"
)

// EventFields are the documented members of an event, in the table's order.
var EventFields = []string{EventID, EventType, EventTimestamp, EventCustomName, EventOppref,
	EventSourceURL, EventActionSource, EventUser, EventOptOut, EventData}

// RequiredEventFields must be in every event.
var RequiredEventFields = []string{EventID, EventType, EventTimestamp, EventData}

// ActionSources are the documented values of action_source.
var ActionSources = []string{"web", "mobile_app", "offline", "physical_store", "phone_call", "email", "other"}

// ContentsServerFields are the members a contents item may carry on the
// server only, with the JSON type each must have.
var ContentsServerFields = map[string]string{
	"group_id":     "string",
	"variant_dict": "object of strings",
}

// The event's user object. The newest revision uses lists; earlier ones
// used singular keys, which are still accepted (not documented either way).
var (
	// UserHashLists are lists of lowercase hex SHA-256 digests.
	UserHashLists = []string{"emails_sha256", "phone_numbers_sha256", "external_ids_sha256", "first_names_sha256", "last_names_sha256"}
	// UserRawLists are lists of raw strings.
	UserRawLists = []string{"cities", "regions", "postal_codes", "countries"}
	// UserScalars are single strings in every revision.
	UserScalars = []string{"ip_address", "user_agent", "obref", "android_advertising_id"}
	// UserSingularHashes and UserSingularRaw are the earlier revisions'
	// singular keys (and the pixel's newer singular names).
	UserSingularHashes = []string{"email_sha256", "external_id_sha256", "phone_number_sha256", "first_name_sha256", "last_name_sha256"}
	UserSingularRaw    = []string{"country", "city", "zip_code", "region", "postal_code"}
)

// UserListLimit is how many valid unique values of each list the API keeps.
const UserListLimit = 3

// LegacyField is a name from older integrations or other vendors' APIs
// that is not a field of a Conversions API event, with what to send instead.
type LegacyField struct {
	// Use is the documented field to send instead ("" when there is none)
	// and Where is the object it belongs in ("event" or "user").
	Use, Where string
	// Note says what changes besides the name ("" when nothing).
	Note string
}

// LegacyEventFields are the legacy and other-vendor names of event fields.
var LegacyEventFields = map[string]LegacyField{
	"event_name":          {Use: "type", Where: "event", Note: `a standard event name or "custom"`},
	"event_time":          {Use: "timestamp_ms", Where: "event", Note: "in milliseconds, not seconds"},
	"event_time_epoch_ms": {Use: "timestamp_ms", Where: "event"},
	"event_id":            {Use: "id", Where: "event", Note: "the pixel's event_id for the same conversion"},
	"event_source_url":    {Use: "source_url", Where: "event"},
	"event_data":          {Use: "data", Where: "event"},
	"custom_data":         {Use: "data", Where: "event", Note: `with "type" set to the event's data shape`},
	"user_data":           {Use: "user", Where: "event", Note: "with the documented user fields"},
	"fbc":                 {Use: "oppref", Where: "event", Note: "the attribution id from the landing URL or the __oppref cookie, unmodified"},
	"fbp":                 {Use: "obref", Where: "user", Note: "the pixel's __obref cookie value, unhashed"},
}

// LegacyUserFields are other vendors' names of user fields.
var LegacyUserFields = map[string]LegacyField{
	"em":                {Use: "emails_sha256", Where: "user", Note: "a list of SHA-256 digests"},
	"ph":                {Use: "phone_numbers_sha256", Where: "user", Note: "a list of SHA-256 digests"},
	"external_id":       {Use: "external_ids_sha256", Where: "user", Note: "a list of SHA-256 digests"},
	"fn":                {Use: "first_names_sha256", Where: "user", Note: "a list of SHA-256 digests"},
	"ln":                {Use: "last_names_sha256", Where: "user", Note: "a list of SHA-256 digests"},
	"client_ip_address": {Use: "ip_address", Where: "user"},
	"client_user_agent": {Use: "user_agent", Where: "user"},
	"fbc":               {Use: "oppref", Where: "event", Note: "the attribution id from the landing URL or the __oppref cookie, unmodified"},
	"fbp":               {Use: "obref", Where: "user", Note: "the pixel's __obref cookie value, unhashed"},
}
