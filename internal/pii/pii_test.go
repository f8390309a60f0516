package pii

import (
	"fmt"
	"testing"
)

func TestRedact(t *testing.T) {
	cases := map[string]string{
		"jane.doe@example.com":                 "j***@e***.com",
		"mail <Jane@Shop.co.uk> now":           "mail <J***@S***.uk> now",
		"+1 415-555-0134":                      "+* ***-***-**34",
		"(415) 555-0134":                       "(***) ***-**34",
		"call 415.555.0134 today":              "call ***.***.**34 today",
		"+442071838750":                        "+**********50",
		"order 1234567890 on 2026-11-26 12:00": "order 1234567890 on 2026-11-26 12:00",
		"sku_123 2599 USD":                     "sku_123 2599 USD",
		"b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514": "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514",
	}
	for in, want := range cases {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedactedFormsStillCountAndRedactIdempotently(t *testing.T) {
	for _, in := range []string{"jane.doe@example.com", "+1 415-555-0134", "(415) 555-0134"} {
		once := Redact(in)
		if len(Find(once)) != 1 {
			t.Errorf("Find(%q) = %v, want the redacted value found", once, Find(once))
		}
		if twice := Redact(once); twice != once {
			t.Errorf("Redact(%q) = %q, want it unchanged", once, twice)
		}
	}
}

func TestPhonesAndCodes(t *testing.T) {
	phones := []string{"020 7946 0958", "07700 900123", "0800 123 4567", "06 12 34 56 78", "0049 30 1234567",
		"+44 20 7946 0958", "415-555-0134", "call (415) 555-0134", "+1.415.555.0134"}
	codes := []string{"SKU-123-456-7890", "Room 101-202-3030", "sku_415-555-0134", "2026-11-26", "1715941425123",
		"ORD 0012 3456", "01 02 2024", "0.12.3456.7890", "v1.2.3", "4155550123", "123-456-7890",
		"550e8400-e29b-41d4-a716-446655440000", "978-3-16-148410-0", "DE89 3704 0044 0532 0130 00"}
	for _, p := range phones {
		if ms := Find(p); len(ms) != 1 || ms[0].Kind != Phone {
			t.Errorf("Find(%q) = %v, want one phone number", p, ms)
		}
	}
	for _, c := range codes {
		if ms := Find(c); len(ms) != 0 {
			t.Errorf("Find(%q) = %v, want nothing", c, ms)
		}
	}
	if got := Redact("id=jane%40example.org"); got != "id=j***%40e***.org" {
		t.Errorf("URL-encoded e-mail: %q", got)
	}
}

func TestIsPhone(t *testing.T) {
	for s, want := range map[string]bool{"4155550134": true, "+1 (415) 555-0134": true, "12345": false, "abc4155550134": false} {
		if got := IsPhone(s); got != want {
			t.Errorf("IsPhone(%q) = %v", s, got)
		}
	}
}

// Every spelling of personal data is found and redacted: the attacks of
// issue 18 (entities, JS and JSON escapes, repeated percent-encoding, IDN
// domains, digits after a phone field's name).
func TestRedactEverySpelling(t *testing.T) {
	cases := map[string]string{
		"quinn@exämple.de":                             "q***@e***.de",
		`note: "nina&#64;example.com"`:                 `note: "n***@e***.com"`,
		`"oscar\u0040example.com"`:                     `"o***@e***.com"`,
		`'paula\x40example.com'`:                       `'p***@e***.com'`,
		"x=rita%2540example.com&y=1":                   "x=r***@e***.com&y=1",
		"x=rita%252540example.com":                     "x=r***@e***.com",
		"tel=%2B14155550111":                           "tel=+*********11",
		"/thanks/%2B14155550122/":                      "/thanks/+*********22/",
		`phone: "4155550111"`:                          `phone: "********11"`,
		`{"mobile_number":"4155550111"}`:               `{"mobile_number":"********11"}`,
		"https://shop.example/?email=quinn%40x":        "https://shop.example/?email=q***",
		`<a data-email="quinn" data-tel="4155550111">`: `<a data-email="q***" data-tel="********11">`,
		`external_id: "cust-829301"`:                   `external_id: "c***"`,
		"jane&commat;example&period;org":               "j***@e***.org",
		"hotel: 4155550111":                            "hotel: 4155550111",
		"email = input.value":                          "email = input.value",
		"phone: phoneVar":                              "phone: phoneVar",
	}
	for in, want := range cases {
		got := Redact(in)
		if got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
		if again := Redact(got); again != got {
			t.Errorf("Redact(%q) = %q, want it unchanged", got, again)
		}
	}
}

func TestRedactKeepingMovesOffsets(t *testing.T) {
	s := `a("jane@example.org", 1)`
	out, keep := RedactKeeping(s, []int{2, 3, 19, 20, len(s)})
	if out != `a("j***@e***.org", 1)` {
		t.Fatalf("got %q", out)
	}
	if want := []int{2, 3, 16, 17, len(out)}; fmt.Sprint(keep) != fmt.Sprint(want) {
		t.Errorf("offsets %v, want %v", keep, want)
	}
}

func TestRedactAs(t *testing.T) {
	for in, want := range map[[2]string]string{
		{string(Email), "quinn at example"}:  "q***",
		{string(Email), "quinn@example.org"}: "q***@e***.org",
		{string(Phone), "4155550111"}:        "********11",
		{string(Phone), "%2B14155550111"}:    "+*********11",
		{string(ExternalID), "cust-1"}:       "c***",
		{string(ExternalID), "c***"}:         "c***",
	} {
		if got := RedactAs(Kind(in[0]), in[1]); got != want {
			t.Errorf("RedactAs(%q, %q) = %q, want %q", in[0], in[1], got, want)
		}
	}
}

func TestRedactSecrets(t *testing.T) {
	cases := map[string]string{
		"http://admin:hunter2@shop.example/a":             "http://***@shop.example/a",
		`headers: {Authorization: "Bearer abcdef123456"}`: `headers: {Authorization: "***"}`,
		"Authorization: Bearer abcdef123456":              "Authorization: Bearer ***",
		`key = "sk-proj-abcdefghijklmnop1234"`:            `key = "***"`,
		`{"api_key":"xyz"}`:                               `{"api_key":"***"}`,
		"document.cookie = 'sid=abc123def456'":            "document.cookie = '***'",
		"Cookie: sid=abc123def456":                        "Cookie: ***",
		"?access_token=abc&x=1":                           "?access_token=***&x=1",
		"const token = getToken()":                        "const token = getToken()",
	}
	for in, want := range cases {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
	if ms := Find(`http://admin:hunter2@shop.example/ token: "abc0123456789"`); len(ms) != 0 {
		t.Errorf("secrets are no personal data for the rules: %v", ms)
	}
}

// A page served without a charset is decoded as windows-1252 by a browser:
// the address it records is mojibake, and still an address.
func TestRedactMojibake(t *testing.T) {
	for in, want := range map[string]string{
		"quinn@exÃ¤mple.de":      "q***@e***.de",
		"jÃ¶rg@example.org":      "j***@e***.org",
		"note: jörg@exämple.de…": "note: j***@e***.de…",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRedactWithKnownValues(t *testing.T) {
	known := []Known{{Phone, "4155550112"}, {ExternalID, "cust-77"}, {Phone, "1234"}}
	out, keep := RedactWith(`var n = "4155550112"; id("cust-77") x1234`, known, []int{0, 9})
	if out != `var n = "********12"; id("c***") x1234` {
		t.Errorf("got %q", out)
	}
	if keep[0] != 0 || keep[1] != 9 {
		t.Errorf("offsets %v", keep)
	}
}
