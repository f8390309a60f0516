package model

// Side says where a call or event was sent from.
type Side uint8

const (
	// Browser is a call of the JavaScript pixel: found in a page or script,
	// recorded in a browser, or logged as a bare call array.
	Browser Side = iota
	// Server is an event sent by the site's server through the Conversions API.
	Server
)

func (s Side) String() string {
	if s == Server {
		return "server"
	}
	return "browser"
}

// Call is one oaiq(...) call, or one server-side event expressed as the
// measure call it corresponds to.
type Call struct {
	// Args are the call's arguments; Args[0] is the command.
	Args []*Value
	// Span covers the whole call expression (or log record).
	Span Span
	Side Side
	// PixelID is the pixel a server event was sent for ("" for browser calls:
	// those take theirs from init).
	PixelID string
	// PixelIDSpan is where a server event's pixel_id is written.
	PixelIDSpan Span
	// URL is the page the call was found on or recorded at, if known.
	URL string
	// Time is the record's timestamp (RFC 3339), if any.
	Time string
	// Image is set for an image-tag request (an <img>, or a script's
	// new Image().src, whose URL is the pixel's image endpoint), read as the
	// measureSingle call it amounts to; nil for oaiq(…) calls and server
	// events.
	Image *ImageRequest
	// Deferred is true for a call that does not run when its script runs:
	// inside a function that is not invoked on the spot (a handler, a
	// callback, a method) or in an HTML event-handler attribute. Top-level
	// code and code in an immediately invoked function are not deferred.
	Deferred bool
	// Guarded is true for a call that runs only when oaiq exists: an
	// optional call (oaiq?.(…)) or one behind a test of oaiq
	// (window.oaiq && oaiq(…), if (typeof oaiq === "function") …, after
	// if (!window.oaiq) return;). Before the loader has run it is skipped
	// instead of throwing.
	Guarded bool
	// Event is the Conversions API event this call was read from, as sent
	// (nil for every other call): server-only fields are checked on it.
	Event *Value
	// Request is the Conversions API request that carried Event, nil when
	// the event was logged without its request.
	Request *Request
	// Element, for a call read from an external script a page loads, is
	// the page's <script src> element that loads it (zero elsewhere): the
	// call runs where that element stands in the page.
	Element Span
	// Body, for a deferred call, identifies the function body or callback
	// it is written in (1 + the byte offset of the function in its file; 0
	// elsewhere): calls of one body run in their written order when it runs.
	Body int
}

// Command returns the first argument when it is a known string, else "".
func (c *Call) Command() string {
	if len(c.Args) == 0 {
		return ""
	}
	s, _ := c.Args[0].StringValue()
	return s
}

// Arg returns argument i, or nil when the call has fewer arguments.
func (c *Call) Arg(i int) *Value {
	if i < len(c.Args) {
		return c.Args[i]
	}
	return nil
}

// DocKind says what a document is, which decides the rules that apply.
type DocKind uint8

const (
	// EventLog is a JSON event log: every value is static.
	EventLog DocKind = iota
	// Page is a whole HTML document: head and body are visible, so page rules
	// (snippet placement, CSP, missing loader) apply.
	Page
	// Fragment is HTML without document structure (a tag-manager custom HTML
	// tag, a partial template): call rules only.
	Fragment
	// Script is a JavaScript or TypeScript source file: call rules only.
	Script
)

func (k DocKind) String() string {
	return [...]string{"log", "page", "fragment", "script"}[k]
}

// Document is one page, file or log: its calls in source order and what is
// known about it.
type Document struct {
	// Path is the file path or URL as shown in findings.
	Path string
	Kind DocKind
	// Text returns the text of the file as written between a span's start
	// and end, for fixes that move or remove text they did not parse (a
	// member with its separator); nil or false when unknown.
	Text func(Span) (string, bool)
	// Calls in document order (for pages: the order they would run in).
	Calls []*Call
	// Page holds page facts for Page and Fragment documents; nil otherwise.
	Page *PageFacts
	// Requests are the Conversions API requests (or bare event lists) read
	// from an event log, in order.
	Requests []*Request
	// Input says what the source recognised the input as (for logs: the
	// shapes of its records), "" when there is nothing to say.
	Input string
	// Continues is true for a further piece of a log read in pieces: what
	// is said once per file is not said again.
	Continues bool
	// Facts are what the source saw besides the calls (what it could not
	// read, what a crawl or a browser showed, suppression comments); rules
	// turn them into findings.
	Facts
	// Container is set for a tag-manager container export or a custom
	// template file; nil otherwise.
	Container *Container
}

// ImageRequest is what an image tag's URL holds, parameter by parameter.
type ImageRequest struct {
	// Span covers the URL as written.
	Span Span
	// Script is true for new Image().src / img.src in a script, false for
	// an <img> element.
	Script bool
	// NoScript is true for an <img> inside <noscript>.
	NoScript bool
	// Params are the query's parameters in order, repeats included.
	Params []ImageParam
	// Malformed says why (part of) the URL could not be read, at
	// MalformedSpan; "" when it was read whole.
	Malformed     string
	MalformedSpan Span
}

// The Raw of the dynamic values an image tag's call holds where a
// parameter is absent or could not be read (extract writes them as
// {"$dynamic": …}, log reads them back): unlike a value a template prints,
// they are the image tag's own rules' findings.
const (
	ImageAbsent      = "(absent from the image tag)"
	ImageMalformed   = "(malformed in the image tag)"
	ImageContentsBad = "(data[contents] that is not JSON)"
)

// ImageParam is one query parameter of an image tag, decoded.
type ImageParam struct {
	Name      string
	Value     string
	NameSpan  Span
	ValueSpan Span
	// Malformed is true when the parameter could not be decoded.
	Malformed bool
	// Templated is true when a template tag ({{ … }}, <?= … ?>…) prints
	// part of the value, NameTemplated part of the name: that part is kept
	// as written, and what the server receives is not known statically.
	Templated, NameTemplated bool
}
