package schema

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/jsonpos"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// agree fails when the walk and the library disagree about one value: the
// walk may never call valid what the library rejects, and, on a value it
// can decide (JSON as it stands, no duplicate keys), must call valid what
// the library accepts, or it would be no faster.
func agree(t *testing.T, name string, v *model.Value, text string) {
	t.Helper()
	fast := Valid(name, v)
	lib := len(Validate(name, v.Plain(nil))) == 0
	switch {
	case fast && !lib:
		t.Fatalf("%s: Valid says valid, the validator does not: %s", name, text)
	case lib && !fast && decidableValue(v):
		t.Fatalf("%s: the validator says valid, Valid does not decide: %s", name, text)
	}
}

// decidableValue reports whether the walk must decide v: no dynamic or
// open node, no NaN, no duplicate key, anywhere in it.
func decidableValue(v *model.Value) bool {
	ok := true
	v.Walk(func(_ []string, n *model.Value) {
		if !isPlain(n) {
			ok = false
		}
		for i, f := range n.Fields {
			for _, g := range n.Fields[:i] {
				if g.Key == f.Key {
					ok = false
				}
			}
		}
	})
	return ok
}

func parseValue(t testing.TB, text string) (*model.Value, bool) {
	t.Helper()
	v, err := jsonpos.Parse(source.New("t.json", []byte(text)), 0, len(text))
	return v, err == nil
}

func TestValidAgreesWithValidateOnExamples(t *testing.T) {
	examples := map[string][]string{
		"init": {`{"pixelId": "px_1"}`, `{"pixelId": "px_1", "debug": true}`, `{"pixel_id": "px_1"}`, `{"pixelId": 7}`,
			`{"user": {"email_sha256": "` + strings.Repeat("a", 64) + `", "country": "US"}}`,
			`{"user": {"email_sha256": "` + strings.Repeat("A", 64) + `"}}`, `{"user": {"city": ""}}`,
			`{"user": {"city": "` + strings.Repeat("é", 128) + `"}}`, `{"user": {"city": "` + strings.Repeat("é", 129) + `"}}`,
			`{"user": {"zip_code": "SW1A 1AA"}}`, `{"user": {"zip_code": " - "}}`, `{"user": {"country": "us"}}`},
		"event-data": {`{"type": "contents", "amount": 2599, "currency": "USD"}`, `{"type": "contents", "amount": 25.99, "currency": "USD"}`,
			`{"type": "lead"}`, `{}`, `{"type": "custom", "plan_id": "p"}`, `{"type": "customer_action", "contents": []}`,
			`{"type": "contents", "contents": [{"id": "a", "quantity": 1}, {"id": "b", "quantity": 0}]}`,
			`{"type": "contents", "amount": 1e21}`, `{"type": "contents", "amount": -0}`, `{"type": "contents", "amount": -1}`,
			`{"type": "plan_enrollment", "plan_id": "gold"}`},
		"contents":        {`{"type": "contents", "contents": [{"content_type": ""}]}`, `{"type": "contents", "contents": [{"price": 1}]}`},
		"customer_action": {`{"type": "customer_action"}`, `{"type": "customer_action", "amount": 1}`},
		"plan_enrollment": {`{"type": "plan_enrollment"}`, `{"type": "plan_enrollment", "amount": 100, "currency": "EUR"}`},
		"custom":          {`{"type": "custom"}`, `{"type": "custom", "currency": "usd"}`},
		"options":         {`{"event_id": "e1"}`, `{"event_id": " "}`, `{"event_id": ""}`, `{"custom_event_name": "a_b-c"}`, `{"custom_event_name": "_a"}`, `{"opt_out": "yes"}`},
		"user":            {`{}`, `{"phone": "1"}`},
		"contents-item":   {`{"quantity": 1.5}`, `{"quantity": 2}`},
		"money":           {`{}`, `1`},
		"config":          {`{}`, `{"pixel_id": "x"}`},
	}
	decided := 0
	for name, docs := range examples {
		for _, doc := range docs {
			v, ok := parseValue(t, doc)
			if !ok {
				t.Fatalf("bad example %s", doc)
			}
			agree(t, name, v, doc)
			if Valid(name, v) {
				decided++
			}
		}
	}
	if decided < 15 {
		t.Errorf("Valid said valid for only %d examples: the walk decides too little to be worth it", decided)
	}
}

// TestValidAgreesWithValidateOnMutations builds values from the schemas'
// own vocabulary, right and wrong, and checks the two agree on each.
func TestValidAgreesWithValidateOnMutations(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	names := Names()
	n := 4000
	if testing.Short() {
		n = 500
	}
	for i := 0; i < n; i++ {
		text := randomValue(r, 0)
		v, ok := parseValue(t, text)
		if !ok {
			t.Fatalf("generator wrote bad JSON: %s", text)
		}
		for _, name := range names {
			agree(t, name, v, text)
		}
	}
}

var (
	vocabKeys = []string{"type", "amount", "currency", "contents", "id", "name", "content_type", "quantity", "plan_id",
		"pixelId", "pixel_id", "debug", "user", "email_sha256", "external_id_sha256", "country", "city", "zip_code",
		"event_id", "custom_event_name", "opt_out", "price", "value"}
	vocabStrs = []string{`"contents"`, `"customer_action"`, `"plan_enrollment"`, `"custom"`, `"lead"`, `"USD"`, `"usd"`, `"US"`,
		`"u"`, `""`, `" "`, `"a_b"`, `"_a"`, `"SW1A 1AA"`, `"é"`, `"` + strings.Repeat("a", 64) + `"`,
		`"` + strings.Repeat("F", 64) + `"`, `"` + strings.Repeat("z", 129) + `"`, `"e\u0301"`}
	vocabNums = []string{"0", "1", "-1", "2599", "25.99", "1e21", "-0", "0.5", "1.0", "9007199254740993"}
)

func randomValue(r *rand.Rand, depth int) string {
	switch k := r.Intn(10); {
	case depth < 3 && k < 4:
		var b strings.Builder
		b.WriteByte('{')
		typed := depth == 0 && r.Intn(2) == 0 // event data names its shape
		if typed {
			b.WriteString(`"type":` + vocabStrs[r.Intn(5)])
		}
		for i, n := 0, r.Intn(5); i < n; i++ {
			if i > 0 || typed {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:%s", vocabKeys[r.Intn(len(vocabKeys))], randomValue(r, depth+1))
		}
		b.WriteByte('}')
		return b.String()
	case depth < 3 && k < 5:
		var b strings.Builder
		b.WriteByte('[')
		for i, n := 0, r.Intn(3); i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(randomValue(r, depth+1))
		}
		b.WriteByte(']')
		return b.String()
	case k < 7:
		return vocabStrs[r.Intn(len(vocabStrs))]
	case k < 9:
		return vocabNums[r.Intn(len(vocabNums))]
	default:
		return []string{"true", "false", "null"}[r.Intn(3)]
	}
}

func FuzzValidAgreesWithValidate(f *testing.F) {
	f.Add(`{"type": "contents", "amount": 2599, "currency": "USD", "contents": [{"id": "a", "quantity": 1}]}`)
	f.Add(`{"pixelId": "p", "user": {"country": "US", "city": "Paris"}}`)
	f.Add(`{"event_id": "e", "custom_event_name": "x"}`)
	f.Fuzz(func(t *testing.T, text string) {
		v, ok := parseValue(t, text)
		if !ok || v == nil {
			return
		}
		for _, name := range Names() {
			agree(t, name, v, text)
		}
	})
}
