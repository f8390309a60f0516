package expect

import "testing"

func TestInline(t *testing.T) {
	text := "a\n" +
		`x(); // want "amount-not-integer" severity=error col=17 msg=/minor unit/ "currency-code"` + "\n" +
		`<!-- want "snippet-late" -->` + "\n" +
		`y(); // want "dynamic-value" severity=info msg=/a \/ b/ hint=/fix it/ pointer=/2/amount` + "\n"
	got, err := Inline(text)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 4 {
		t.Fatalf("got %d expectations: %v", len(got), got)
	}
	a := got[0]
	if a.Line != 2 || a.Rule != "amount-not-integer" || a.Severity != "error" || a.Col != 17 || a.Msg.String() != "minor unit" {
		t.Errorf("first: %v", a)
	}
	if b := got[1]; b.Line != 2 || b.Rule != "currency-code" || b.Severity != "" || b.Col != 0 || b.Msg != nil {
		t.Errorf("second: %v", b)
	}
	if c := got[2]; c.Line != 3 || c.Rule != "snippet-late" {
		t.Errorf("third: %v", c)
	}
	if d := got[3]; d.Msg.String() != "a / b" || d.Hint.String() != "fix it" || d.Pointer != "/2/amount" {
		t.Errorf("fourth: %v", d)
	}
}

func TestInlineRejectsMistakes(t *testing.T) {
	for _, text := range []string{
		`// want "Not An Id"`,
		`// want "x" severity=fatal`,
		`// want "x" col=0`,
		`// want "x" msg=/(/`,
		`// want "x" msg=/open`,
	} {
		if _, err := Inline(text); err == nil {
			t.Errorf("%s: accepted", text)
		}
	}
}

func TestSibling(t *testing.T) {
	got, err := Sibling("# comment\n\n3: want \"amount-not-integer\" col=61 pointer=/2/amount\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Line != 3 || got[0].Col != 61 || got[0].Pointer != "/2/amount" {
		t.Fatalf("got %v", got)
	}
	if _, err := Sibling("3:61 amount-not-integer /2/amount\n"); err == nil {
		t.Error("the old form was accepted")
	}
}

func TestMatch(t *testing.T) {
	want, _ := Inline(`// want "a" "a" severity=info col=3` + "\n" + `// want "b"`)
	got := []Finding{
		{Line: 1, Col: 3, Rule: "a", Severity: "info"},
		{Line: 1, Col: 9, Rule: "a", Severity: "error"},
		{Line: 2, Col: 1, Rule: "c", Severity: "error"},
	}
	missing, unexpected := Match(want, got)
	if len(missing) != 1 || missing[0].Rule != "b" {
		t.Errorf("missing = %v", missing)
	}
	if len(unexpected) != 1 || unexpected[0].Rule != "c" {
		t.Errorf("unexpected = %v", unexpected)
	}
}

func TestConfig(t *testing.T) {
	c := Config("x\n// fixture-config pixel_id=px_live other=1\n")
	if c["pixel_id"] != "px_live" || c["other"] != "1" || len(c) != 2 {
		t.Errorf("Config = %v", c)
	}
	if _, err := Sibling("fixture-config pixel_id=px_live\n1: want \"x\"\n"); err != nil {
		t.Error(err)
	}
}
