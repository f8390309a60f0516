package rules

// The event user object of the Conversions API: which fields each of
// capi-user-hash, capi-user-sentinel, capi-user-raw, capi-user-field,
// capi-user-ip and capi-user-agent reads, and how one value is judged, so
// each problem is one finding of one rule.

import (
	"slices"
	"strings"
	"unicode"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
	"github.com/oaiq-lint/oaiq-lint/internal/pii"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// userHashValues calls fn for every string sent in a hash field of a user
// object (list items and the earlier singular keys), with the field's name.
func userHashValues(user *model.Value, fn func(field string, v *model.Value)) {
	for _, f := range user.Fields {
		switch {
		case slices.Contains(pixel.UserHashLists, f.Key):
			for _, it := range f.Value.Items {
				if it.Is(model.String) {
					fn(f.Key, it)
				}
			}
		case slices.Contains(pixel.UserSingularHashes, f.Key):
			if f.Value.Is(model.String) {
				fn(f.Key, f.Value)
			}
		}
	}
}

// rawUserValue says what raw personal data a hash field's value is ("" when
// none): an e-mail address, a phone number, or a name in a name field.
func rawUserValue(field, s string) string {
	if hashing.IsHex64(s) {
		return "" // the common case, and never raw data
	}
	if ms := pii.Find(s); len(ms) > 0 {
		return string(ms[0].Kind)
	}
	if strings.Contains(field, "name") && looksLikeName(s) {
		return "name"
	}
	if strings.Contains(field, "phone") && isPhoneDigits(s) {
		return string(pii.Phone)
	}
	return ""
}

// looksLikeName: letters, with spaces, dashes or apostrophes between.
func looksLikeName(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || hashing.IsHex64(strings.ToLower(t)) {
		return false
	}
	for _, r := range t {
		if !unicode.IsLetter(r) && r != ' ' && r != '-' && r != '\'' && r != '.' {
			return false
		}
	}
	return true
}

// isPhoneDigits: 8 to 15 digits once separators are dropped (a phone number
// normalised for hashing, but not hashed).
func isPhoneDigits(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case strings.ContainsRune(" ()+.-", r):
		default:
			return false
		}
	}
	return n >= 8 && n <= 15
}

// userRawFields is what raw personal data a user member's name says it
// holds (case and separators folded), with the hashed field to send.
var userRawFields = map[string][2]string{
	"email": {string(pii.Email), "emails_sha256"}, "emails": {string(pii.Email), "emails_sha256"}, "emailaddress": {string(pii.Email), "emails_sha256"},
	"phone": {string(pii.Phone), "phone_numbers_sha256"}, "phonenumber": {string(pii.Phone), "phone_numbers_sha256"}, "phonenumbers": {string(pii.Phone), "phone_numbers_sha256"},
	"firstname": {"first name", "first_names_sha256"}, "firstnames": {"first name", "first_names_sha256"},
	"lastname": {"last name", "last_names_sha256"}, "lastnames": {"last name", "last_names_sha256"},
	"name": {"name", "first_names_sha256 and last_names_sha256"}, "fullname": {"name", "first_names_sha256 and last_names_sha256"},
}

// knownUserField: documented in some revision, or a legacy name
// (capi-legacy-field's), or a raw-data name (capi-user-raw's).
func knownUserField(key string) bool {
	if _, ok := pixel.LegacyUserFields[key]; ok {
		return true
	}
	if _, ok := userRawFields[normalizeName(key)]; ok {
		return true
	}
	for _, l := range [][]string{pixel.UserHashLists, pixel.UserRawLists, pixel.UserScalars, pixel.UserSingularHashes, pixel.UserSingularRaw} {
		if slices.Contains(l, key) {
			return true
		}
	}
	return false
}

// capiUserEvent is an event with the given user object for the examples.
func capiUserEvent(user string) string {
	return `{"events": [{"id": "order_12345", "type": "order_created", "timestamp_ms": 1796115600000, "action_source": "web", "source_url": "https://shop.example/thanks", "user": ` + user + `, "data": {"type": "contents", "amount": 2599, "currency": "USD"}}]}`
}

// capiGoodUser is a user object every user rule passes.
const capiGoodUser = `{"emails_sha256": ["a522b5489bfc961b75e6adefbb546c29b1d03a6e96588d7dae866c225ceb65da"], "ip_address": "203.0.113.7", "user_agent": "Mozilla/5.0"}`
