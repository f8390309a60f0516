package model

// Facts are what a source saw while reading an input besides its calls:
// the parts it could not read, what only a crawl or a browser shows, and
// the suppression comments. Sources record them; rules turn them into
// findings, so every finding passes through the same engine.
type Facts struct {
	// ScriptFailures are scripts that mention the pixel but could not be
	// parsed (parse-error).
	ScriptFailures []ScriptFailure
	// RecordFailures are event-log records that could not be read as a
	// call or an event (log-parse-error).
	RecordFailures []RecordFailure
	// Oversize is set when the input was not read because it is larger
	// than the size limit (file-too-large).
	Oversize *Oversize
	// FetchFailure is set when a crawled page could not be fetched
	// (fetch-failed).
	FetchFailure *FetchFailure
	// RobotsBlock is set when robots.txt keeps the ads crawler away from
	// the page (robots-blocks-adsbot).
	RobotsBlock *RobotsBlock
	// OpprefDrops are the ways the landing URL lost its oppref parameter:
	// an HTTP redirect the crawler followed, or what the browser saw
	// (oppref-dropped).
	OpprefDrops []OpprefDrop
	// Render is what running the page in a browser showed; nil when it
	// was not rendered.
	Render *RenderFacts
	// Suppressions are the inline suppression comments of the input's
	// files, and SuppressionProblems the comments that could not be read
	// as one (suppression-malformed).
	Suppressions        []*Suppression
	SuppressionProblems []SuppressionProblem
}

// ScriptFailure is a script the parser gave up on.
type ScriptFailure struct {
	// Span is the character the parser stopped at.
	Span Span
	// Reason is the parser's message (may quote the source: redact it).
	Reason string
	// Recovered is set when the script's pixel calls were then read
	// statement by statement: Read of them were read and checked, Unread
	// could not be read at all (UnreadAt: where each starts).
	Recovered    bool
	Read, Unread int
	UnreadAt     []Span
	// Templated: the part that failed holds template tags, so the rendered
	// script may well be valid.
	Templated bool
	// Language names the language of a file that is not read at all
	// (Python, Go, PHP code outside HTML), "" for a script that failed.
	Language string
}

// RecordFailure is an event-log record that could not be read. The log's
// reader knows the format, so it says what is wrong and how a record is
// written.
type RecordFailure struct {
	Span    Span
	Problem string
	Fix     string
}

// Oversize is an input skipped for its size.
type Oversize struct {
	Size, Limit int64
}

// FetchFailureKind says why a page could not be fetched.
type FetchFailureKind uint8

const (
	// FetchError: the request failed (timeout, too large, redirect loop…).
	FetchError FetchFailureKind = iota
	// FetchStatus: the server answered an error status.
	FetchStatus
	// RobotsUnreadable: robots.txt could not be read, so nothing of the
	// site may be crawled.
	RobotsUnreadable
	// SitemapUnreadable: a sitemap could not be fetched or read (Reason).
	SitemapUnreadable
	// HostUnresolved: the page's host does not resolve (Reason names it).
	HostUnresolved
)

// FetchFailure is a crawled page that could not be fetched.
type FetchFailure struct {
	Kind FetchFailureKind
	// Status is the HTTP status (FetchStatus).
	Status int
	// Reason describes the error (FetchError, RobotsUnreadable,
	// SitemapUnreadable).
	Reason string
	// RobotsURL is the robots.txt that could not be read (RobotsUnreadable).
	RobotsURL string
}

// RobotsBlock is robots.txt's verdict against the ads crawler for a page.
type RobotsBlock struct {
	// Agent is the ads crawler's user agent.
	Agent string
	// RobotsURL is the robots.txt read; Line and Text the rule that decides.
	RobotsURL string
	Line      int
	Text      string
	// Group is the user agent of the group that applied ("*" when the ads
	// crawler has no group of its own).
	Group string
	// Path is the page's escaped path, for the rule that would allow it.
	Path string
}

// OpprefVia says how a landing URL lost its oppref parameter.
type OpprefVia uint8

const (
	// OpprefRedirect: an HTTP redirect the crawler followed (From → To).
	OpprefRedirect OpprefVia = iota
	// OpprefRenderedRedirect: an HTTP redirect while rendering went to To.
	OpprefRenderedRedirect
	// OpprefNavigation: the rendered page navigated to To (a script or a
	// meta refresh).
	OpprefNavigation
	// OpprefRewrite: a script rewrote the address to To (history API).
	OpprefRewrite
)

// OpprefDrop is one loss of the oppref parameter.
type OpprefDrop struct {
	Via OpprefVia
	// From is the address redirected (OpprefRedirect); To where the
	// parameter was gone. Rendered addresses are redacted already.
	From, To string
	// Hop is the 1-based place of that redirect in its chain, Hops the
	// chain's length and Final where it ends (OpprefRedirect).
	Hop, Hops int
	Final     string
	// SDKStarted: the browser saw the pixel SDK start, and the address it
	// read had lost oppref; false: the address once the page settled.
	SDKStarted bool
}

// RenderFacts are what the browser showed about the page's calls.
type RenderFacts struct {
	// NotMade counts the calls written in the page that did not run while
	// rendering (a handler not triggered, a branch not taken), besides
	// the lost ones; FirstNotMade is the first of them.
	NotMade      int
	FirstNotMade Span
	// Lost are the calls that threw because oaiq was not defined.
	Lost []LostCall
}

// LostCall is a call the browser could not make: oaiq was not defined.
type LostCall struct {
	Span Span
	// Thrown is the browser's error message (may quote the page: redact).
	Thrown string
}

// Suppression is one inline suppression comment.
type Suppression struct {
	Span Span
	// WholeFile: it silences its rules in the whole file; else on Line.
	WholeFile bool
	Line      int
	Rules     []string
	Reason    string
	// Unknown are the rules it names that do not exist (reported as
	// malformed, not again as unused).
	Unknown []string
	// Matched are the rules it silenced a finding of; the engine fills it
	// in when it applies the suppressions.
	Matched []string
}

// SuppressionProblemKind says what is wrong with a suppression comment.
type SuppressionProblemKind uint8

const (
	// OtherSpelling: another linter's spelling (disable-line, enable…),
	// which oaiq-lint does not read; Text is what was written.
	OtherSpelling SuppressionProblemKind = iota
	// NoRules: the suppression names no rule.
	NoRules
	// NoReason: the suppression gives no reason after "--".
	NoReason
	// UnknownRule: the suppression names a rule that does not exist (Text).
	UnknownRule
)

// SuppressionProblem is a comment that is not a well-formed suppression.
type SuppressionProblem struct {
	Kind SuppressionProblemKind
	Span Span
	Text string
	// Rules are the rules the comment names (NoReason).
	Rules []string
}
