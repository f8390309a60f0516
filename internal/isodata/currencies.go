package isodata

import "strings"

// currencies are the active ISO 4217 codes (list one, funds included, no
// precious metals or testing codes) with their number of minor-unit digits.
// Codes being phased out are kept while they are still legal tender, so a
// site that has not switched yet is not told its currency does not exist.
var currencies = map[string]int{
	"AED": 2, "AFN": 2, "ALL": 2, "AMD": 2, "AOA": 2, "ARS": 2, "AUD": 2,
	"AWG": 2, "AZN": 2, "BAM": 2, "BBD": 2, "BDT": 2, "BGN": 2, "BHD": 3, "BIF": 0,
	"BMD": 2, "BND": 2, "BOB": 2, "BOV": 2, "BRL": 2, "BSD": 2, "BTN": 2, "BWP": 2,
	"BYN": 2, "BZD": 2, "CAD": 2, "CDF": 2, "CHE": 2, "CHF": 2, "CHW": 2, "CLF": 4,
	"CLP": 0, "CNY": 2, "COP": 2, "COU": 2, "CRC": 2, "CUC": 2, "CUP": 2, "CVE": 2,
	"CZK": 2, "DJF": 0, "DKK": 2, "DOP": 2, "DZD": 2, "EGP": 2, "ERN": 2, "ETB": 2,
	"EUR": 2, "FJD": 2, "FKP": 2, "GBP": 2, "GEL": 2, "GHS": 2, "GIP": 2, "GMD": 2,
	"GNF": 0, "GTQ": 2, "GYD": 2, "HKD": 2, "HNL": 2, "HTG": 2, "HUF": 2, "IDR": 2,
	"ILS": 2, "INR": 2, "IQD": 3, "IRR": 2, "ISK": 0, "JMD": 2, "JOD": 3, "JPY": 0,
	"KES": 2, "KGS": 2, "KHR": 2, "KMF": 0, "KPW": 2, "KRW": 0, "KWD": 3, "KYD": 2,
	"KZT": 2, "LAK": 2, "LBP": 2, "LKR": 2, "LRD": 2, "LSL": 2, "LYD": 3, "MAD": 2,
	"MDL": 2, "MGA": 2, "MKD": 2, "MMK": 2, "MNT": 2, "MOP": 2, "MRU": 2, "MUR": 2,
	"MVR": 2, "MWK": 2, "MXN": 2, "MXV": 2, "MYR": 2, "MZN": 2, "NAD": 2, "NGN": 2,
	"NIO": 2, "NOK": 2, "NPR": 2, "NZD": 2, "OMR": 3, "PAB": 2, "PEN": 2, "PGK": 2,
	"PHP": 2, "PKR": 2, "PLN": 2, "PYG": 0, "QAR": 2, "RON": 2, "RSD": 2, "RUB": 2,
	"RWF": 0, "SAR": 2, "SBD": 2, "SCR": 2, "SDG": 2, "SEK": 2, "SGD": 2, "SHP": 2,
	"SLE": 2, "SLL": 2, "SOS": 2, "SRD": 2, "SSP": 2, "STN": 2, "SVC": 2, "SYP": 2,
	"SZL": 2, "THB": 2, "TJS": 2, "TMT": 2, "TND": 3, "TOP": 2, "TRY": 2, "TTD": 2,
	"TWD": 2, "TZS": 2, "UAH": 2, "UGX": 0, "USD": 2, "USN": 2, "UYI": 0, "UYU": 2,
	"UYW": 4, "UZS": 2, "VED": 2, "VES": 2, "VND": 0, "VUV": 0, "WST": 2, "XAF": 0,
	"XCD": 2, "XCG": 2, "XOF": 0, "XPF": 0, "YER": 2, "ZAR": 2, "ZMW": 2, "ZWG": 2,
}

// currencyMistakes are codes people use that are not ISO 4217, for a
// currency that has its code: the same money, spelt another way.
var currencyMistakes = map[string]string{
	"RMB":  "CNY", // renminbi is the currency, yuan (CNY) its unit
	"NTD":  "TWD",
	"YEN":  "JPY",
	"EURO": "EUR",
	"US$":  "USD",
	"€":    "EUR",
	"£":    "GBP",
}

// ambiguousSymbols are symbols several currencies write, with the one
// most often meant and the others.
var ambiguousSymbols = map[string][2]string{
	"$": {"USD", "CAD, AUD, MXN, NZD, SGD and others"},
	"¥": {"JPY", "CNY"},
}

// Replacement is what took the place of a retired ISO 4217 code: the
// successor, and how many units of the old currency make one of the new
// (fixed at the changeover), with the old code's minor-unit digits.
type Replacement struct {
	Code      string
	Rate      string
	OldDigits int
}

// retiredCurrencies are codes ISO 4217 withdrew when their currency was
// replaced by another. An amount still in the old currency is a different
// number in the new one: changing the code alone changes what is measured.
var retiredCurrencies = map[string]Replacement{
	"HRK": {"EUR", "7.53450", 2},   // Croatia adopted the euro in 2023
	"RUR": {"RUB", "1000", 2},      // 1998 redenomination
	"TRL": {"TRY", "1000000", 0},   // 2005
	"GHC": {"GHS", "10000", 2},     // 2007
	"VEF": {"VES", "100000", 2},    // 2018
	"MRO": {"MRU", "10", 2},        // 2018
	"STD": {"STN", "1000", 2},      // 2018
	"BYR": {"BYN", "10000", 0},     // 2016
	"ZWL": {"ZWG", "2498.7242", 2}, // April 2024: the Zimbabwe Gold
	"ANG": {"XCG", "1", 2},         // March 2025: the Caribbean guilder, at par; the Antillean guilder ceased to be legal tender in July 2025
}

// MinorDigits returns the number of minor-unit digits of an active ISO 4217
// code (JPY 0, USD 2, KWD 3); ok is false for anything else.
func MinorDigits(code string) (digits int, ok bool) {
	digits, ok = currencies[code]
	return digits, ok
}

// IsCurrency reports whether code is an active ISO 4217 code in upper case.
func IsCurrency(code string) bool {
	_, ok := currencies[code]
	return ok
}

// CurrencyFix suggests the code meant by a known mistake ("RMB" → "CNY", a
// retired code's successor, a symbol) or by a lower-case code ("usd" →
// "USD").
func CurrencyFix(code string) (fix string, ok bool) {
	up := strings.ToUpper(strings.TrimSpace(code))
	if f, known := currencyMistakes[up]; known {
		return f, true
	}
	if r, known := retiredCurrencies[up]; known {
		return r.Code, true
	}
	if a, known := ambiguousSymbols[up]; known {
		return a[0], true
	}
	if IsCurrency(up) {
		return up, true
	}
	return "", false
}

// Retired returns what replaced a retired ISO 4217 code (HRK: EUR at
// 7.53450 HRK to the euro).
func Retired(code string) (Replacement, bool) {
	r, ok := retiredCurrencies[strings.ToUpper(strings.TrimSpace(code))]
	return r, ok
}

// AmbiguousSymbol returns, for a currency symbol several currencies write,
// the code most often meant and the others that write it.
func AmbiguousSymbol(code string) (usual, others string, ok bool) {
	a, ok := ambiguousSymbols[strings.TrimSpace(code)]
	return a[0], a[1], ok
}
