// Package isodata holds the ISO code lists the pixel's fields refer to:
// ISO 3166-1 alpha-2 country codes and active ISO 4217 currency codes with
// their minor-unit digits.
package isodata

import "strings"

// countries are the officially assigned ISO 3166-1 alpha-2 codes (249).
var countries = set(`
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ
BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ
DE DJ DK DM DO DZ
EC EE EG EH ER ES ET
FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY
HK HM HN HR HT HU
ID IE IL IM IN IO IQ IR IS IT
JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ
LA LB LC LI LK LR LS LT LU LV LY
MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ
NA NC NE NF NG NI NL NO NP NR NU NZ
OM
PA PE PF PG PH PK PL PM PN PR PS PT PW PY
QA
RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ
TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ
UA UG UM US UY UZ
VA VC VE VG VI VN VU
WF WS
YE YT
ZA ZM ZW`)

// countryMistakes are codes people use that ISO 3166-1 assigns differently.
var countryMistakes = map[string]string{
	"UK": "GB", // the United Kingdom is GB
	"EL": "GR", // the EU's code for Greece
	"EN": "GB",
	"XK": "", // Kosovo: user-assigned, not an ISO 3166-1 code
	"EU": "", // not a country
}

// IsCountry reports whether code is an assigned ISO 3166-1 alpha-2 code
// (upper case, as the pixel expects).
func IsCountry(code string) bool { return countries[code] }

// CountryCount is the number of assigned codes, for tests.
func CountryCount() int { return len(countries) }

// CountryFix suggests the code meant by a common mistake ("UK" → "GB") or
// by a lower-case code ("us" → "US"); ok is false when there is none.
func CountryFix(code string) (fix string, ok bool) {
	up := strings.ToUpper(strings.TrimSpace(code))
	if f, known := countryMistakes[up]; known {
		return f, f != ""
	}
	if countries[up] {
		return up, true
	}
	return "", false
}

func set(list string) map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(list) {
		m[c] = true
	}
	return m
}
