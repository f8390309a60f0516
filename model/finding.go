package model

import "fmt"

// Severity of a finding; higher is worse.
type Severity uint8

const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch s {
	case "error":
		return Error, nil
	case "warning":
		return Warning, nil
	case "info":
		return Info, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Finding is one problem at one place. Message and Hint never hold raw
// personal data: rules redact before they report.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	// Hint says how to fix it, when the message alone does not.
	Hint string
	Span Span
	// Fix, when set, resolves the finding; the engine keeps it only when
	// every edit matches the file as written (see Edit).
	Fix *Fix
}
