package isodata

import (
	"testing"

	"golang.org/x/text/currency"
	"golang.org/x/text/language"
)

func TestCountriesAreAssignedCodes(t *testing.T) {
	if n := CountryCount(); n != 249 {
		t.Errorf("%d country codes, ISO 3166-1 assigns 249", n)
	}
	// Cross-check against CLDR's region data: a typo in the list would
	// not be a country there.
	for c := range countries {
		r, err := language.ParseRegion(c)
		if err != nil || !r.IsCountry() {
			t.Errorf("%s is not a country in CLDR", c)
		}
	}
	for _, c := range []string{"UK", "EU", "XK", "us", "ZZ"} {
		if IsCountry(c) {
			t.Errorf("IsCountry(%q) = true", c)
		}
	}
}

func TestCountryFix(t *testing.T) {
	for in, want := range map[string]string{"UK": "GB", "us": "US", " de ": "DE"} {
		if got, ok := CountryFix(in); !ok || got != want {
			t.Errorf("CountryFix(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := CountryFix("QQ"); ok {
		t.Error("CountryFix(QQ) has no fix")
	}
}

func TestCurrencyMinorDigits(t *testing.T) {
	for code, want := range map[string]int{"JPY": 0, "USD": 2, "KWD": 3, "EUR": 2, "CLF": 4} {
		if got, ok := MinorDigits(code); !ok || got != want {
			t.Errorf("MinorDigits(%s) = %d, %v; want %d", code, got, ok, want)
		}
	}
	for _, c := range []string{"usd", "XAU", "XXX", "RMB", "HRK", "ABC"} {
		if IsCurrency(c) {
			t.Errorf("IsCurrency(%q) = true", c)
		}
	}
	if got, _ := CurrencyFix("usd"); got != "USD" {
		t.Errorf("CurrencyFix(usd) = %q", got)
	}
}

func TestCurrenciesAreISOCodes(t *testing.T) {
	// Cross-check against CLDR's currency data: a typo in the list would not
	// parse. The vendored data predates the codes introduced since 2018.
	newer := map[string]bool{"MRU": true, "UYW": true, "VES": true, "VED": true, "SLE": true, "XCG": true, "ZWG": true}
	for c := range currencies {
		if _, err := currency.ParseISO(c); err != nil && !newer[c] {
			t.Errorf("%s: %v", c, err)
		}
	}
}

// A retired code names its successor and the changeover's rate; a symbol
// several currencies write names them.
func TestRetiredAndAmbiguousCurrencies(t *testing.T) {
	if r, ok := Retired(" hrk"); !ok || r.Code != "EUR" || r.Rate != "7.53450" || r.OldDigits != 2 {
		t.Errorf("Retired(hrk) = %+v, %v", r, ok)
	}
	for code := range retiredCurrencies {
		r := retiredCurrencies[code]
		if IsCurrency(code) || !IsCurrency(r.Code) {
			t.Errorf("%s → %s: a retired code must be inactive, its successor active", code, r.Code)
		}
		if fix, _ := CurrencyFix(code); fix != r.Code {
			t.Errorf("CurrencyFix(%s) = %s, want %s", code, fix, r.Code)
		}
	}
	// ISO 4217 replaced these since the list was first written.
	for code, successor := range map[string]string{"ANG": "XCG", "ZWL": "ZWG"} {
		if r, ok := Retired(code); !ok || r.Code != successor {
			t.Errorf("Retired(%s) = %+v, %v; want %s", code, r, ok, successor)
		}
	}
	if _, ok := Retired("EUR"); ok {
		t.Error("EUR is not retired")
	}
	if usual, others, ok := AmbiguousSymbol("$"); !ok || usual != "USD" || others == "" {
		t.Errorf("AmbiguousSymbol($) = %q, %q, %v", usual, others, ok)
	}
	if _, _, ok := AmbiguousSymbol("US$"); ok {
		t.Error("US$ is not ambiguous")
	}
}
