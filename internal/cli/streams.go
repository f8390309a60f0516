package cli

import (
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/colorprofile"
	"golang.org/x/term"
)

// IOStreams are the standard streams of one run, and what is known about
// them. Tests build one over buffers; main builds it over the process's.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// Env is the environment used for colour decisions (NO_COLOR, CLICOLOR,
	// CLICOLOR_FORCE, TERM).
	Env []string
	// StdinTTY and StdoutTTY tell whether the streams are terminals.
	StdinTTY  bool
	StdoutTTY bool
}

// System returns the process's own streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, Env: os.Environ(),
		StdinTTY:  term.IsTerminal(int(os.Stdin.Fd())),
		StdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
	}
}

// colorWriter wraps w so styled output is kept, downsampled or stripped
// according to --color and the environment.
func (s *IOStreams) colorWriter(w io.Writer, mode string, tty bool) io.Writer {
	var p colorprofile.Profile
	switch mode {
	case "never":
		p = colorprofile.NoTTY
	case "always":
		p = max(colorprofile.Env(s.Env), colorprofile.ANSI)
	default:
		// The conventions, strongest first: NO_COLOR turns colour off,
		// CLICOLOR_FORCE (not "0") turns it on even in a pipe, CLICOLOR=0
		// turns it off on a terminal.
		switch {
		case s.getenv("NO_COLOR") != "":
			p = colorprofile.NoTTY
		case s.getenv("CLICOLOR_FORCE") != "" && s.getenv("CLICOLOR_FORCE") != "0":
			p = max(colorprofile.Env(s.Env), colorprofile.ANSI)
		case tty && s.getenv("CLICOLOR") != "0":
			p = colorprofile.Env(s.Env)
		default:
			p = colorprofile.NoTTY
		}
	}
	return &colorprofile.Writer{Forward: w, Profile: p}
}

// getenv reads a variable of the run's environment ("" when unset).
func (s *IOStreams) getenv(key string) string {
	for i := len(s.Env) - 1; i >= 0; i-- { // the last setting wins, as in os/exec
		if k, v, ok := strings.Cut(s.Env[i], "="); ok && k == key {
			return v
		}
	}
	return ""
}
