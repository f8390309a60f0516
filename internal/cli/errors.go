package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
)

// flagValueError recognises pflag's "invalid argument" errors, which quote
// strconv ("strconv.ParseInt: parsing \"x\": invalid syntax"), and says
// what the flag wants instead.
var flagValueError = regexp.MustCompile(`^invalid argument "(.*)" for "((?:-\w, )?--[\w-]+)" flag: (.*)$`)

// explainFlagError rewrites a flag error from the parser in plain words.
func explainFlagError(err error) error {
	m := flagValueError.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	value, flag, why := m[1], m[2], m[3]
	if i := strings.LastIndex(flag, "--"); i > 0 {
		flag = flag[i:]
	}
	switch {
	case strings.Contains(why, "value out of range"):
		why = "wants a smaller number"
	case strings.Contains(why, "strconv.ParseInt"), strings.Contains(why, "strconv.Atoi"):
		why = "wants a whole number"
	case strings.Contains(why, "strconv.ParseFloat"):
		why = "wants a number, such as 2 or 0.5"
	case strings.Contains(why, "strconv.ParseBool"):
		why = "wants true or false"
	case strings.Contains(why, "time: "):
		why = "wants a duration, such as 30s, 2m or 1h30m"
	}
	return fmt.Errorf("%s %s, got %q", flag, why, value)
}

// sizeFlag is a byte count given with or without a unit: 10MB, 512KB,
// 1.5MB, 2GB or 1048576 (bytes). Units count in 1024s, as the messages
// that print sizes do.
type sizeFlag struct{ n *int64 }

func newSizeFlag(p *int64, def int64) *sizeFlag { *p = def; return &sizeFlag{p} }

func (s *sizeFlag) Type() string { return "size" }

func (s *sizeFlag) String() string {
	n := *s.n
	switch {
	case n > 0 && n%(1<<30) == 0:
		return fmt.Sprintf("%dGB", n>>30)
	case n > 0 && n%(1<<20) == 0:
		return fmt.Sprintf("%dMB", n>>20)
	case n > 0 && n%(1<<10) == 0:
		return fmt.Sprintf("%dKB", n>>10)
	}
	return strconv.FormatInt(n, 10)
}

var sizeUnits = map[string]float64{"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
	"m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20, "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30}

var sizePattern = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-zA-Z]*)\s*$`)

func (s *sizeFlag) Set(v string) error {
	m := sizePattern.FindStringSubmatch(v)
	if m == nil {
		return fmt.Errorf("wants a size such as 10MB, 512KB or 1048576 (bytes)")
	}
	unit, ok := sizeUnits[strings.ToLower(m[2])]
	if !ok {
		return fmt.Errorf("unit %q is not one of B, KB, MB, GB", m[2])
	}
	f, _ := strconv.ParseFloat(m[1], 64)
	n := f * unit
	if n < 1 || n > 1<<40 {
		return fmt.Errorf("wants a size between 1 byte and 1TB")
	}
	*s.n = int64(n)
	return nil
}

// fileError words a failure to open the file a flag names: the path, what
// is wrong, and the fix, instead of "open x: no such file or directory".
// creating tells whether the flag writes the file.
func fileError(flag, path string, err error, creating bool) error {
	given := flag + " " + path // as typed: --record x.jsonl, --format sarif=x.sarif
	if strings.HasSuffix(flag, "=") {
		given = flag + path
	}
	switch {
	case creating && errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: the folder %s does not exist; create it first", given, filepath.Dir(path))
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file; check the path (it is relative to the working directory)", given)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied; change its permissions or choose another path", given)
	case errors.Is(err, syscall.EISDIR):
		return fmt.Errorf("%s: is a folder; give a file", given)
	}
	return fmt.Errorf("%s: %w", given, err)
}
