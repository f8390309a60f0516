package pii

import "testing"

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

func TestIsPhone(t *testing.T) {
	for s, want := range map[string]bool{"4155550134": true, "+1 (415) 555-0134": true, "12345": false, "abc4155550134": false} {
		if got := IsPhone(s); got != want {
			t.Errorf("IsPhone(%q) = %v", s, got)
		}
	}
}
