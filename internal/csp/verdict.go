package csp

// Result is the answer to "does the policy allow this?".
type Result uint8

const (
	// Allowed: the policy lets the request or script through.
	Allowed Result = iota + 1
	// Blocked: the policy stops it.
	Blocked
	// Unknown: the answer depends on something not known statically: the
	// page's origin for 'self', or a source written with template syntax.
	Unknown
)

func (r Result) String() string {
	switch r {
	case Allowed:
		return "allowed"
	case Blocked:
		return "blocked"
	case Unknown:
		return "unknown"
	}
	return "result(?)"
}

// Verdict is a Result with what decided it.
type Verdict struct {
	Result Result
	// Directive is the directive that decided, after fallback ("default-src"
	// for a script when neither script-src-elem nor script-src is written);
	// "" when no directive restricts the request.
	Directive string
	// Reason says in words why a request is blocked or undecided.
	Reason string
	// Undecided lists the sources whose match could not be decided ('self'
	// with an unknown page origin, templated sources) when Result is Unknown.
	Undecided []Source
}

func allowed(dir string) Verdict { return Verdict{Result: Allowed, Directive: dir} }

func blocked(dir, reason string) Verdict {
	return Verdict{Result: Blocked, Directive: dir, Reason: reason}
}
