package model

// PageFacts is what is known about an HTML page beyond its calls.
type PageFacts struct {
	// URL of the page when it was fetched, else "".
	URL string
	// HasHead is true when the document has an explicit <head> or <html>
	// structure, so "in head" and "missing" verdicts can be made.
	HasHead bool
	// Loaders are the places the pixel SDK is (or seems to be) loaded.
	Loaders []LoaderSighting
	// Policies are the Content-Security-Policies that apply to the page.
	Policies []CSPPolicy
	// TagManagers loaded by the page; the pixel may be injected by them.
	TagManagers []TagManager
	// Unresolved lists external scripts that could not be read, so whatever
	// they do is unseen.
	Unresolved []ExternalScript
	// Inert are the <script> elements of a type browsers do not run
	// (text/template, text/plain without a known consent manager's
	// marker…) that hold the pixel's loader: they were not read, and
	// something on the page (a consent manager the linter does not know)
	// may turn them into JavaScript.
	Inert []InertScript
	// Definers are the <script> elements whose code defines window.oaiq as
	// it runs (the snippet's stub, or a site's own queue stub); calls before
	// the first of them find no oaiq.
	Definers []Span
	// Includes are template tags that pull in other templates (partials,
	// layouts, Shopify's content_for_header). What they print was not read:
	// the loader or init may be there.
	Includes []TemplateInclude
	// Unread are the parts of scripts that mention oaiq and could not be
	// read even call by call (a pixel call cut by a template tag): what
	// they do is unseen.
	Unread []Span
	// ServerRequests are requests from page code straight to the pixel's
	// server endpoints (fetch, sendBeacon, XMLHttpRequest, images).
	ServerRequests []ServerRequest
	// HandlerValues are the byte ranges of the event-handler attribute
	// values (onclick="…", href="javascript:…") of the page's file, with
	// the quote around each (0: unquoted): a fix that edits code there must
	// write what the attribute can hold.
	HandlerValues []AttrValue
	// Site is what a crawl learned about the whole site; nil outside a crawl.
	Site *SiteFacts
}

// InertScript is a <script> browsers do not run as written that holds
// the pixel's loader.
type InertScript struct {
	// Span covers the element.
	Span Span
	// Type is its type attribute as written.
	Type string
}

// LoaderKind tells how the SDK is loaded.
type LoaderKind uint8

const (
	// LoaderStub is the documented inline snippet (queue stub that injects
	// an async script), in any formatting or minification.
	LoaderStub LoaderKind = iota
	// LoaderScriptTag is a plain <script src=".../oaiq.min.js">.
	LoaderScriptTag
)

// LoaderSighting is one place the SDK is loaded.
type LoaderSighting struct {
	Kind LoaderKind
	// Span of the <script> element (or of the loader expression in a script).
	Span Span
	// Element is the page's <script> element that holds or includes the
	// loader. It differs from Span for a stub in an external script, where
	// Span is the stub in that file: placement is judged at the element.
	Element Span
	// Src is the SDK URL it loads, "" when not statically known; SrcSpan is
	// where that URL is written.
	Src     string
	SrcSpan Span
	// SrcDynamic is true when the URL is computed.
	SrcDynamic bool
	// InHead is true when the element is inside <head>.
	InHead bool
	// InBody: rendered inside a <body> element in a component (a root
	// layout), so known to be out of <head> even without the whole page.
	InBody bool
	// Preceding counts the external scripts and stylesheets that come before
	// the loader in <head> (meta, title and base are fine before it).
	Preceding int
	// FirstPreceding is the first of them (zero when none).
	FirstPreceding Blocker
	// Stub properties (LoaderStub only): what the snippet guarantees.
	HasQueue bool // defines a queue function that keeps early calls
	// PixelArray: the stub makes window.oaiq an array (w.oaiq = w.oaiq ||
	// []), which is no function: every oaiq(…) call before the SDK throws.
	PixelArray bool
	// QueueUncreated: the stub's queue function pushes onto q.q but
	// nothing creates q.q (no q.q = []): every call before the SDK loads
	// throws a TypeError.
	QueueUncreated bool
	HasGuard       bool // returns when window.oaiq already exists
	Async          bool // the injected or tagged script is async (or defer for tags)
	// Deferred is true when the script holding a stub runs only after the
	// page is parsed, or whenever it arrives (defer, async, type=module):
	// page code before then finds no window.oaiq.
	Deferred bool
	// Consent names the consent manager that holds the loader's <script>
	// back until the visitor agrees ("OneTrust (category C0004)"), "" when
	// none: the loader then runs when the visitor agrees (Deferred).
	Consent string
	// Nonce is the <script> element's nonce attribute ("" when absent).
	Nonce string
	// Inline is the text of the inline <script> holding the stub, for CSP
	// hash sources; empty for script tags.
	Inline string
	// Late marks a loader that a framework runs after the page is interactive
	// (Next.js <Script strategy="afterInteractive">); Reason says why.
	Late       bool
	LateReason string
}

// AttrValue is where an attribute's value is written in a file.
type AttrValue struct {
	File       string
	Start, End int // byte offsets of the value, quotes excluded
	Quote      byte
}

// CSPPolicy is one Content-Security-Policy that applies to a page.
type CSPPolicy struct {
	// Origin is "meta" or "header".
	Origin string
	// Text is the policy as written.
	Text string
	Span Span
	// ReportOnly policies do not block anything.
	ReportOnly bool
}

// TagManager is a tag manager the page loads.
type TagManager struct {
	Name string
	Span Span
	// ID is the container it loads (GTM-XXXX), "" when not known.
	ID string
	// Container is what that container's export, read in the same run,
	// shows; nil when the run has no export of it.
	Container *ContainerVerdict
}

// ExternalScript is a <script src> whose content was not read.
type ExternalScript struct {
	Src    string
	Span   Span
	Reason string
	// OutsideRoot: its path leads outside the folder scripts may be read
	// from (the site root, else the page's folder), so it was refused.
	OutsideRoot bool
}

// TemplateInclude is a template tag that inserts content not read here.
type TemplateInclude struct {
	Text string
	Span Span
}

// ServerRequest is page code sending to the pixel's server endpoint directly.
type ServerRequest struct {
	URL  string
	API  string // "fetch", "sendBeacon", "XMLHttpRequest", …
	Span Span
	// Browser is true when the request is in code that certainly runs in a
	// browser although its document is a Script: a "use client" module, a
	// Vue or Svelte component's script, an event handler. (Requests in
	// pages and fragments run in a browser whatever this says.)
	Browser bool
}

// Blocker is an element in <head> that holds the scripts after it until it
// has loaded: an external script or a stylesheet.
type Blocker struct {
	Span Span
	// What is its URL as written (src or href), "" when it has none.
	What string
}
