package model

// Request is one Conversions API request read from a log: the body a server
// posted, or a list of events logged without their body.
type Request struct {
	// Body is the request body; nil when only events were logged.
	Body *Value
	// Events are the body's events (or the logged events), each an object
	// when readable; Calls made from them point back here.
	Events []*Value
	// Span covers the record the request was read from.
	Span Span
	// URL is the request URL when the record gives it ("" otherwise) and
	// URLSpan where it is written.
	URL     string
	URLSpan Span
	// Time is when the request was made (RFC 3339), when the record says;
	// TimeSpan is where.
	Time     string
	TimeSpan Span
	// KeySpan is where code writes the Conversions API key itself (a
	// literal Authorization header, a constant it names, a key in the
	// URL's query), zero when it does not; Key is that key, kept only so
	// every output can mask it wherever it appears.
	KeySpan Span
	Key     string
	// KeyNotFilled is set when the Authorization header is a plain string
	// holding a ${…} ("Bearer ${OAIQ_KEY}"): sent as written, no key is
	// sent. KeySpan is then where that string is written and Key is "".
	KeyNotFilled bool
	// Browser is set when the code that sends the request runs in the
	// browser (a "use client" module, a component's browser script).
	Browser bool
	// PidSpan is where the pid is written when the client's query options
	// or url.searchParams add it to URL (zero when URL's text holds it).
	PidSpan Span
}
