package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
)

func TestHashNormalisesEmailsFromStdin(t *testing.T) {
	out, errOut, code := runCLI(t, "  Jane.Doe@Example.COM \n", "hash")
	if code != ExitOK || errOut != "" {
		t.Fatalf("code %d, stderr %q", code, errOut)
	}
	if want := hashing.Sum("jane.doe@example.com") + "\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}

func TestHashKeepsInputOrderAndAcceptsCRLF(t *testing.T) {
	out, _, code := runCLI(t, "a@x.io\r\nB@X.io\r\nc@x.io", "hash")
	want := hashing.Sum("a@x.io") + "\n" + hashing.Sum("b@x.io") + "\n" + hashing.Sum("c@x.io") + "\n"
	if code != ExitOK || out != want {
		t.Errorf("code %d, got %q, want %q", code, out, want)
	}
}

func TestHashExternalIDIsTrimmedButNotLowerCased(t *testing.T) {
	out, _, code := runCLI(t, " Cust-ABC \n10045231\n", "hash", "--type", "external-id")
	want := hashing.Sum("Cust-ABC") + "\n" + hashing.Sum("10045231") + "\n"
	if code != ExitOK || out != want {
		t.Errorf("code %d, got %q, want %q (a bare digit id is not a phone number)", code, out, want)
	}
}

// Every refusal names the line, says why, skips the value and makes the
// command exit 1; the other values are still hashed.
func TestHashRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, kind, value, want string
	}{
		{"empty line", "email", "   ", "line 2: refused (empty output line): empty value"},
		{"no @", "email", "jane.doe.example.com", "line 2: refused (empty output line): not an e-mail address: there is no @"},
		{"white space inside", "email", "jane doe@example.com", "white space"},
		{"phone as email", "email", "+1 (415) 555-0134", "line 2: refused (empty output line): looks like a phone number: the pixel forbids phone numbers and their hashes"},
		{"phone as external id", "external-id", "415-555-0134", "looks like a phone number"},
		{"email as external id", "external-id", "jane@example.org", "hash it with --type email"},
		{"documentation example", "email", "User@Example.com", "copied from the documentation"},
		{"absent value", "external-id", "undefined", "the value was missing"},
		{"object hashed", "external-id", "[object Object]", "an object was hashed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := "ok@x.io\n" + tc.value + "\nok2@x.io\n"
			if tc.kind == "external-id" {
				in = "ok-1\n" + tc.value + "\nok-2\n"
			}
			out, errOut, code := runCLI(t, in, "hash", "--type", tc.kind)
			if code != ExitFindings {
				t.Errorf("code %d, want 1", code)
			}
			if !strings.Contains(errOut, tc.want) || !strings.Contains(errOut, "1 of 3 values were refused") {
				t.Errorf("stderr %q, want %q", errOut, tc.want)
			}
			// Two hashes and an empty line where the refused value was, so
			// the output stays aligned with the input.
			if lines := strings.Split(out, "\n"); len(lines) != 4 || lines[0] == "" || lines[1] != "" || lines[2] == "" {
				t.Errorf("want hash, empty line, hash; got %q", out)
			}
		})
	}
}

func TestHashArgumentsWarnAboutExposure(t *testing.T) {
	out, errOut, code := runCLI(t, "", "hash", "a@x.io")
	if code != ExitOK || out != hashing.Sum("a@x.io")+"\n" {
		t.Errorf("code %d, out %q", code, out)
	}
	if !strings.Contains(errOut, "shell history") || !strings.Contains(errOut, "process list") {
		t.Errorf("want a warning about history and the process list, got %q", errOut)
	}
	if strings.Contains(errOut, "a@x.io") {
		t.Errorf("the warning echoes the value: %q", errOut)
	}
}

// On a terminal the command prompts on stderr, reads without echo, prints
// each hash and stops at an empty entry.
func TestHashPromptsOnATerminal(t *testing.T) {
	entries := []string{" Jane@Example.org", "not-an-address", ""}
	reads := 0
	defer func(old func(io.Reader) func() ([]byte, error)) { terminalReader = old }(terminalReader)
	terminalReader = func(io.Reader) func() ([]byte, error) {
		return func() ([]byte, error) {
			if reads == len(entries) {
				return nil, errors.New("read past the empty entry")
			}
			reads++
			return []byte(entries[reads-1]), nil
		}
	}
	var out, errOut bytes.Buffer
	code := Main([]string{"hash"}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, StdinTTY: true})
	if code != ExitFindings || reads != 3 {
		t.Fatalf("code %d after %d reads; stderr %q", code, reads, errOut.String())
	}
	if out.String() != hashing.Sum("jane@example.org")+"\n\n" {
		t.Errorf("out %q", out.String())
	}
	if strings.Count(errOut.String(), "E-mail address (hidden; empty to finish): ") != 3 ||
		!strings.Contains(errOut.String(), "entry 2: refused (empty output line): not an e-mail address") {
		t.Errorf("stderr %q", errOut.String())
	}
}

func TestHashCheck(t *testing.T) {
	good := hashing.Sum("jane@example.org")
	for _, tc := range []struct {
		name, hash, want string
		ok               bool
	}{
		{"good", good, good + ": ok", true},
		{"upper case", strings.ToUpper(good), "well-formed SHA-256 but in upper-case hex: the pixel needs lowercase", false},
		{"white space", "  " + good + " ", "with white space around it: trim it", false},
		{"empty string hash", hashing.Sum(""), `the SHA-256 of an empty string "": the value was missing when it was hashed`, false},
		// Both problems named: lower-casing it alone would not help.
		{"upper-case sentinel", strings.ToUpper(hashing.Sum("")), `upper-case hex (the pixel needs lowercase), and lower-cased it is a known sentinel, the SHA-256 of an empty string ""`, false},
		{"documentation example", docExampleEmailSHA256, "copied from the documentation", false},
		{"sha-1 length", good[:40], "40 hex characters where a SHA-256 has 64 (a SHA-1 digest?)", false},
		{"0x prefix", "0x" + good, "drop the prefix", false},
		{"base64", "tMmiiTI7IaAcPpQPFQ65uMVCWH8av9jw4cwf/F5HVRQ=", "not hexadecimal", false},
		{"digits", "4155550134", "10 digits: a raw number, not a SHA-256 hash", false},
		{"raw email", "jane@example.org", "a raw e-mail address, not a hash", false},
		{"raw phone", "+44 20 7946 0958", "a raw phone number", false},
		// The Conversions API page's examples, hashed here independently.
		{"capi example external id", sha256Hex("customer_123"), `example external_ids_sha256 (the SHA-256 of "customer_123"): it was copied from the documentation`, false},
		{"capi example phone", sha256Hex("14155552671"), `example phone_numbers_sha256 (the SHA-256 of "14155552671"): it was copied from the documentation`, false},
		{"capi example first name", sha256Hex("ada"), `example first_names_sha256 (the SHA-256 of "ada")`, false},
		{"capi example last name", sha256Hex("lovelace"), `example last_names_sha256 (the SHA-256 of "lovelace")`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, _, code := runCLI(t, "", "hash", "--check", tc.hash)
			if (code == ExitOK) != tc.ok || (code != ExitOK && code != ExitFindings) {
				t.Errorf("code %d, acceptable %v", code, tc.ok)
			}
			if !strings.HasPrefix(out, "argument 1: ") || !strings.Contains(out, tc.want) {
				t.Errorf("got %q, want %q", out, tc.want)
			}
		})
	}
	out, _, code := runCLI(t, good+"\r\n"+hashing.Sum("null")+"\n", "hash", "--check")
	if code != ExitFindings || !strings.HasPrefix(out, "line 1: "+good+": ok\nline 2: ") {
		t.Errorf("from stdin: code %d, %q", code, out)
	}
}

func TestHashCSV(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "customers.csv", "\xEF\xBB\xBFid,Email\r\n1, Jane@X.io \r\n2,\r\n3,\"jane.doe\nexample.com\"\r\n4,b@x.io\r\n")
	out, errOut, code := runCLI(t, "", "hash", "--csv", p, "--column", "email", "--keep")
	want := "\xEF\xBB\xBFid,Email,Email_sha256\r\n1,\" Jane@X.io \"," + hashing.Sum("jane@x.io") + "\r\n2,,\r\n4,b@x.io," + hashing.Sum("b@x.io") + "\r\n"
	if out != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
	if code != ExitFindings {
		t.Errorf("code %d, want 1 for the refused row", code)
	}
	for _, w := range []string{p + ":4: row left out: column Email: not an e-mail address: it contains white space", "1 of 4 rows had no value", "1 of 4 rows were refused and left out of the output CSV: line 4 (reasons above)"} {
		if !strings.Contains(errOut, w) {
			t.Errorf("stderr %q lacks %q", errOut, w)
		}
	}
	out, _, code = runCLI(t, "a@x.io,1\n", "hash", "--csv", "-", "--column", "1", "--no-header")
	if code != ExitOK || out != hashing.Sum("a@x.io")+",1\n" {
		t.Errorf("stdin, no header: code %d, %q", code, out)
	}
}

func TestHashUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"hash", "--type", "phone"},
		{"hash", "--column", "email"},
		{"hash", "--csv", "-"},
		{"hash", "--csv", "-", "--column", "mail"},
		{"hash", "--check", "--type", "email"},
	} {
		_, errOut, code := runCLI(t, "email\na@x.io\n", args...)
		if code != ExitUsage {
			t.Errorf("%v: code %d, want 2 (%s)", args, code, errOut)
		}
	}
	if _, errOut, _ := runCLI(t, "email\na@x.io\n", "hash", "--csv", "-", "--column", "mail"); !strings.Contains(errOut, `the header has "email"`) {
		t.Errorf("an unknown column lists the header: %q", errOut)
	}
}

// No mode ever prints a raw value it was given, or its normalised form:
// only hashes, line numbers and reasons.
func TestHashNeverEchoesRawValues(t *testing.T) {
	secrets := []string{"4155550134", "Jane.Doe@Example.COM", "jane doe@example.com", "+1 (415) 555-0134", "415-555-0134", "jane.doe.example.com", "Cust-Secret-77"}
	stdin := strings.Join(secrets, "\n") + "\n"
	csv := "id,email\n"
	for _, s := range secrets {
		csv += "1,\"" + s + "\"\n"
	}
	runs := [][]string{
		{"hash"},
		{"hash", "--type", "external-id"},
		{"hash", "--check"},
		{"hash", "--csv", "-", "--column", "email"},
		{"hash", "--csv", "-", "--column", "2", "--no-header"},
		append([]string{"hash"}, secrets...),
		append([]string{"hash", "--check"}, secrets...),
	}
	for _, args := range runs {
		in := stdin
		if len(args) > 1 && args[1] == "--csv" {
			in = csv
		}
		out, errOut, _ := runCLI(t, in, args...)
		for _, s := range secrets {
			for _, form := range []string{s, strings.ToLower(s), strings.TrimSpace(s)} {
				if strings.Contains(out, form) || strings.Contains(errOut, form) {
					t.Errorf("%v printed %q:\nstdout %q\nstderr %q", args, form, out, errOut)
				}
			}
		}
	}
}

// sha256Hex hashes with the standard library alone, so the sentinel table
// is checked against digests it did not compute itself.
func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// docExampleEmailSHA256 is the e-mail hash printed in the pixel's
// documentation (internal/hashing knows it as a sentinel).
const docExampleEmailSHA256 = "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514"

// Keys as a terminal in raw mode sends them: Ctrl-D ends the value and the
// input, Ctrl-C interrupts, Backspace and Ctrl-U edit.
func TestReadHiddenLine(t *testing.T) {
	for _, tc := range []struct {
		keys, want string
		err        error
	}{
		{"jane@example.org\r", "jane@example.org", nil},
		{"jane@example.org\x04", "jane@example.org", io.EOF},
		{"\x04", "", io.EOF},
		{"", "", io.EOF},
		{"jo\x7f\x7fjané\x7fe\r", "jane", nil},
		{"wrong\x15right\n", "right", nil},
		{"secret\x03", "", errInterrupted},
	} {
		got, err := readHiddenLine(strings.NewReader(tc.keys))
		if string(got) != tc.want || !errors.Is(err, tc.err) && err != tc.err {
			t.Errorf("%q: got %q, %v; want %q, %v", tc.keys, got, err, tc.want, tc.err)
		}
	}
}

// Ctrl-D after a value hashes it and ends the prompt; Ctrl-C interrupts.
func TestHashPromptEndsAtCtrlD(t *testing.T) {
	defer func(old func(io.Reader) func() ([]byte, error)) { terminalReader = old }(terminalReader)
	reads := 0
	terminalReader = func(io.Reader) func() ([]byte, error) {
		return func() ([]byte, error) {
			reads++
			if reads > 1 {
				return nil, errors.New("read after Ctrl-D")
			}
			return readHiddenLine(strings.NewReader("jane@example.org\x04"))
		}
	}
	var out, errOut bytes.Buffer
	code := Main([]string{"hash"}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, StdinTTY: true})
	if code != ExitOK || out.String() != hashing.Sum("jane@example.org")+"\n" {
		t.Errorf("exit %d, out %q, stderr %q", code, out.String(), errOut.String())
	}
	terminalReader = func(io.Reader) func() ([]byte, error) {
		return func() ([]byte, error) { return readHiddenLine(strings.NewReader("jane\x03")) }
	}
	if code := Main([]string{"hash"}, &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, StdinTTY: true}); code != ExitInterrupted {
		t.Errorf("Ctrl-C: exit %d", code)
	}
}
