package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/report"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/oaiq-lint/oaiq-lint/internal/hashcsv"
	"github.com/oaiq-lint/oaiq-lint/internal/hashing"
)

// hashOptions are the flags and inputs of the hash command.
type hashOptions struct {
	io       *IOStreams
	kind     string
	check    bool
	csvPath  string
	column   string
	keep     bool
	noHeader bool
	args     []string
}

func newHashCmd(streams *IOStreams) *cobra.Command {
	o := &hashOptions{io: streams}
	cmd := &cobra.Command{
		Use:   "hash [VALUE...]",
		Short: "Hash e-mail addresses and customer ids the way the pixel expects",
		Long: `Hash user data for the pixel's user object: SHA-256, as 64 lowercase hex
characters, one hash per line in input order.

  --type email        trims white space and lower-cases the address, then
                      hashes it (email_sha256). A value that is clearly not
                      an address (no @, white space inside) is refused.
  --type external-id  trims white space and hashes the id exactly as given,
                      case kept (external_id_sha256). An e-mail address is
                      refused: it is not pseudonymous; use --type email.

Values are read from standard input, one per line, so they never land in
your shell history or the process list; on a terminal you are prompted and
nothing is echoed (an empty entry finishes). Values given as arguments work
but print a warning. Phone numbers are refused: the pixel page, up to its
revision P6 (August 2026, the one these checks follow), forbids phone
numbers and their hashes in the pixel's user object; the Conversions API's
newest revision lists phone_numbers_sha256, which this command does not
prepare. Empty values are never hashed (the hash of ""
is a known sentinel). A refused value is reported by its line number,
never by its content, leaves an empty line in the output (so hashes stay
aligned with their values), and the command exits 1.

--csv hashes one column of a CSV file and writes the CSV to standard
output with that column's values replaced and its header renamed
<name>_sha256, or with --keep a <name>_sha256 column added after it (the
first row is the header unless --no-header). The
file is streamed, so any size works in constant memory; a byte order mark
and CRLF line endings are kept. Rows that cannot be read or hashed are
reported by line on standard error and left out (the closing summary names their lines); empty cells stay empty.

--check judges hashes instead: each must be 64 lowercase hex characters
and not a known sentinel (the hash of "", "undefined", "null", the
documentation's examples…). Exit 1 when any is not acceptable.`,
		Example: `  oaiq-lint hash < emails.txt > hashes.txt
  oaiq-lint hash --type external-id < customer-ids.txt
  oaiq-lint hash --csv customers.csv --column email > hashed.csv
  oaiq-lint hash --csv - --column 3 --keep < customers.csv
  oaiq-lint hash --check < hashes.txt`,
		RunE: func(cmd *cobra.Command, args []string) error {
			o.args = args
			if err := o.validate(cmd); err != nil {
				return err
			}
			return runHash(cmd.Context(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.kind, "type", hashing.KindEmail, "what the values are: email or external-id")
	completeValues(cmd, "type", hashing.KindEmail, hashing.KindExternalID)
	f.BoolVar(&o.check, "check", false, "judge hashes (arguments or standard input) instead of hashing values")
	f.StringVar(&o.csvPath, "csv", "", "hash one column of this CSV `FILE` (- for standard input)")
	f.StringVar(&o.column, "column", "", "with --csv: the column to hash, by header name or 1-based index")
	f.BoolVar(&o.keep, "keep", false, "with --csv: keep the column and add <name>_sha256 after it")
	f.BoolVar(&o.noHeader, "no-header", false, "with --csv: the first row is data, not a header")
	return cmd
}

func (o *hashOptions) validate(cmd *cobra.Command) error {
	if o.kind != hashing.KindEmail && o.kind != hashing.KindExternalID {
		return usageErrorf("--type must be email or external-id, got %q", o.kind)
	}
	if o.check && (o.csvPath != "" || cmd.Flags().Changed("type")) {
		return usageErrorf("--check judges hashes; it takes no --csv or --type")
	}
	if o.csvPath == "" {
		for _, name := range []string{"column", "keep", "no-header"} {
			if cmd.Flags().Changed(name) {
				return usageErrorf("--%s goes with --csv", name)
			}
		}
		return nil
	}
	if o.column == "" {
		return usageErrorf("--csv needs --column NAME or --column INDEX (1-based)")
	}
	if len(o.args) > 0 {
		return usageErrorf("--csv reads its values from the file; give no values as arguments")
	}
	return nil
}

// runHash hashes values, a CSV column, or judges hashes. It reads to the
// end of its input; a read of standard input that blocks ends with ctx, so
// Ctrl-C and SIGTERM end the run (a terminal is read as it is, for its
// prompt).
func runHash(ctx context.Context, o *hashOptions) error {
	if !o.io.StdinTTY {
		streams := *o.io
		streams.In = boundedio.Cancelable(ctx, o.io.In)
		o.io = &streams
	}
	switch {
	case o.check:
		return o.runCheck()
	case o.csvPath != "":
		return o.runCSV()
	}
	return o.runValues()
}

// tally counts values and reports refusals on standard error.
type tally struct {
	errOut   io.Writer
	total    int
	rejected int
	// left are the lines of the CSV rows left out of the output, for the
	// summary (a row left out leaves no trace in the CSV itself).
	left []int
}

func (t *tally) reject(where string, err error) {
	t.rejected++
	fmt.Fprintf(t.errOut, "oaiq-lint: hash: %s: refused (empty output line): %v\n", where, err)
}

// result turns the tally into the command's exit status.
func (t *tally) result(what string) error {
	if t.rejected == 0 {
		return nil
	}
	if len(t.left) > 0 {
		fmt.Fprintf(t.errOut, "oaiq-lint: hash: %d of %d %s refused and left out of the output CSV: %s (reasons above)\n", t.rejected, t.total, what, lineList(t.left))
		return &ExitError{Code: ExitFindings}
	}
	fmt.Fprintf(t.errOut, "oaiq-lint: hash: %d of %d %s refused (see above)\n", t.rejected, t.total, what)
	return &ExitError{Code: ExitFindings}
}

// lineList names lines as "line 3", "lines 3 and 7" or "lines 3, 7, 9 and
// 12 more".
func lineList(lines []int) string {
	const shown = 10
	if len(lines) == 1 {
		return fmt.Sprintf("line %d", lines[0])
	}
	var b strings.Builder
	b.WriteString("lines ")
	for i, l := range lines[:min(len(lines), shown)] {
		switch {
		case i == 0:
		case i == len(lines)-1:
			b.WriteString(" and ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(l))
	}
	if len(lines) > shown {
		fmt.Fprintf(&b, " and %d more", len(lines)-shown)
	}
	return b.String()
}

func (o *hashOptions) runValues() error {
	t := &tally{errOut: o.io.ErrOut}
	out := bufio.NewWriter(o.io.Out)
	hashOne := func(where, v string) {
		t.total++
		sum, err := hashing.Prepare(o.kind, v)
		if err != nil {
			t.reject(where, err)
			// An empty line keeps the output aligned with the input, so
			// pasting hashes next to their values stays right.
			fmt.Fprintln(out)
			return
		}
		fmt.Fprintln(out, sum)
	}
	switch {
	case len(o.args) > 0:
		fmt.Fprintln(o.io.ErrOut, "oaiq-lint: hash: warning: values given as arguments are kept in your shell history and are visible to other users in the process list; pipe them on standard input instead, or run 'oaiq-lint hash' on a terminal to be prompted")
		for i, a := range o.args {
			hashOne(fmt.Sprintf("argument %d", i+1), a)
		}
	case o.io.StdinTTY && terminalReader(o.io.In) != nil:
		if err := o.prompt(hashOne, out); err != nil {
			return err
		}
	default:
		err := eachLine(o.io.In, func(n int, line string) {
			hashOne(fmt.Sprintf("line %d", n), line)
		})
		if err != nil {
			return fmt.Errorf("reading standard input: %w", err)
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	return t.result("values were")
}

// prompt reads values from the terminal without echo until an empty entry
// or end of input (Ctrl-D, which ends the value typed before it too),
// printing each hash as soon as it is made.
func (o *hashOptions) prompt(hashOne func(where, v string), out *bufio.Writer) error {
	read := terminalReader(o.io.In)
	label := "E-mail address"
	if o.kind == hashing.KindExternalID {
		label = "Customer id"
	}
	for n := 1; ; n++ {
		fmt.Fprintf(o.io.ErrOut, "%s (hidden; empty to finish): ", label)
		b, err := read()
		fmt.Fprintln(o.io.ErrOut)
		last := errors.Is(err, io.EOF) // Ctrl-D: this value, if any, is the last
		switch {
		case errors.Is(err, errInterrupted):
			return err
		case err != nil && !last:
			return fmt.Errorf("reading from the terminal: %w", err)
		case strings.TrimSpace(string(b)) == "":
			return nil
		}
		hashOne(fmt.Sprintf("entry %d", n), string(b))
		if err := out.Flush(); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		if last {
			return nil
		}
	}
}

// terminalReader returns how to read one value from a terminal without
// echo, or nil when in is not a file. Tests replace it.
var terminalReader = func(in io.Reader) func() ([]byte, error) {
	if f, ok := in.(*os.File); ok {
		return func() ([]byte, error) {
			// Raw mode, so Ctrl-D ends the input even after a value was
			// typed (a terminal in line mode needs it twice, and then only
			// ends the value); keys are read one at a time, never echoed.
			fd := int(f.Fd())
			old, err := term.MakeRaw(fd)
			if err != nil {
				return term.ReadPassword(fd)
			}
			defer term.Restore(fd, old)
			return readHiddenLine(f)
		}
	}
	return nil
}

// readHiddenLine reads one value typed on a terminal in raw mode: Enter
// ends it; Ctrl-D (Ctrl-Z on Windows) ends it and the input (io.EOF, with
// what was typed); Ctrl-C interrupts the run, as it would in line mode;
// Backspace and Ctrl-U edit.
func readHiddenLine(r io.Reader) ([]byte, error) {
	var line []byte
	var b [1]byte
	for {
		n, err := r.Read(b[:])
		if n == 0 {
			if err == nil {
				continue
			}
			if err == io.EOF || len(line) > 0 {
				return line, io.EOF
			}
			return nil, err
		}
		switch b[0] {
		case '\r', '\n':
			return line, nil
		case 0x04, 0x1a: // Ctrl-D, Ctrl-Z
			return line, io.EOF
		case 0x03: // Ctrl-C: raw mode keeps it from becoming a signal
			return nil, errInterrupted
		case 0x7f, '\b':
			if len(line) > 0 {
				_, size := utf8.DecodeLastRune(line)
				line = line[:len(line)-size]
			}
		case 0x15: // Ctrl-U
			line = line[:0]
		default:
			line = append(line, b[0])
		}
	}
}

// eachLine calls fn with every line of r (1-based line numbers), without a
// trailing CR or LF. Lines may be of any length.
func eachLine(r io.Reader, fn func(n int, line string)) error {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadString('\n')
		if line != "" {
			fn(n, strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"))
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

func (o *hashOptions) runCSV() error {
	in := o.io.In
	name := "<stdin>"
	if o.csvPath != "-" {
		f, err := boundedio.Open(o.csvPath)
		if err != nil {
			return err
		}
		defer f.Close()
		in, name = f, o.csvPath
	}
	t := &tally{errOut: o.io.ErrOut}
	out := bufio.NewWriterSize(o.io.Out, 64<<10)
	st, err := hashcsv.Hash(in, out, hashcsv.Options{
		Column: o.column, NoHeader: o.noHeader, Keep: o.keep,
		Hash: func(v string) (string, error) { return hashing.Prepare(o.kind, v) },
		Reject: func(line int, reason string) {
			t.left = append(t.left, line)
			fmt.Fprintf(o.io.ErrOut, "oaiq-lint: hash: %s:%d: row left out: %s\n", report.Printable(name), line, report.Printable(reason))
		},
	})
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing output: %w", ferr)
	}
	if err != nil {
		var colErr *hashcsv.ColumnError
		if errors.As(err, &colErr) {
			return usageErrorf("%s: %v", name, err)
		}
		return fmt.Errorf("%s: %w", name, err)
	}
	if st.Empty > 0 {
		fmt.Fprintf(o.io.ErrOut, "oaiq-lint: hash: %s: %d of %d rows had no value in the column; their cell was left empty\n", report.Printable(name), st.Empty, st.Rows)
	}
	t.total, t.rejected = st.Rows, st.Rejected
	return t.result("rows were")
}

func (o *hashOptions) runCheck() error {
	bad := 0
	out := bufio.NewWriter(o.io.Out)
	judge := func(where, v string) {
		shown, verdict, ok := hashing.Judge(v)
		if !ok {
			bad++
		}
		if shown != "" {
			where += ": " + shown
		}
		fmt.Fprintf(out, "%s: %s\n", where, verdict)
	}
	if len(o.args) == 0 && o.io.StdinTTY {
		fmt.Fprintln(o.io.ErrOut, "Paste hashes, one per line; end with Ctrl-D.")
	}
	if len(o.args) > 0 {
		for i, a := range o.args {
			judge(fmt.Sprintf("argument %d", i+1), a)
		}
	} else if err := eachLine(o.io.In, func(n int, line string) { judge(fmt.Sprintf("line %d", n), line) }); err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if bad > 0 {
		return &ExitError{Code: ExitFindings}
	}
	return nil
}
