package extract

import (
	"bytes"
	"sort"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/extract/decode"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/htmlx"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/jscall"
	"github.com/oaiq-lint/oaiq-lint/internal/extract/tmpl"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Page reads an HTML page, template or fragment. The files returned are
// the page first, then every external script read through opts.Resolver,
// for code frames.
func Page(name string, data []byte, opts Options) (*model.Document, []*source.File) {
	f := source.New(name, decode.HTML(data, opts.ContentType).Text)
	masked, spans := tmpl.MaskFile(name, f.Text)
	separateTagNames(masked, spans)
	helpers := erbScriptBlocks(f.Text, masked, spans)
	hdoc := htmlx.Scan(masked, f.Text)
	doc := &model.Document{Path: name, Kind: model.Fragment, Page: &model.PageFacts{URL: opts.URL, HasHead: hdoc.Full}}
	if hdoc.Full {
		doc.Kind = model.Page
	}
	for _, h := range opts.CSPHeaders {
		doc.Page.Policies = append(doc.Page.Policies, model.CSPPolicy{Origin: "header", Text: h, Span: model.Span{File: name}})
	}
	for _, h := range opts.CSPReportOnlyHeaders {
		doc.Page.Policies = append(doc.Page.Policies, model.CSPPolicy{Origin: "header", Text: h, Span: model.Span{File: name}, ReportOnly: true})
	}
	doc.Page.Includes = templateIncludes(f.Text, spans, helpers, f.Span)
	pr := pageReader{doc: doc, f: f, masked: masked, spans: spans, helpers: helpers, opts: opts, files: []*source.File{f},
		cookieConsent: usesCookieConsent(hdoc.Elements, masked)}
	for i := range hdoc.Elements {
		pr.element(&hdoc.Elements[i])
	}
	// Handlers run when the user acts, after the page's scripts.
	pr.handlers(hdoc.Handlers)
	pageImageTags(doc, f, masked, spans)
	return doc, pr.files
}

type pageReader struct {
	doc    *model.Document
	f      *source.File
	masked []byte
	spans  []tmpl.Span
	// helpers are the Rails javascript_tag blocks read as <script>s, by
	// offset (see erbScriptBlocks).
	helpers map[int]string
	opts    Options
	files   []*source.File
	// preceding counts the external scripts and stylesheets seen so far in
	// <head> that hold the scripts after them; firstBlocker is the first.
	preceding    int
	firstBlocker model.Blocker
	// cookieConsent is true on a page that uses CookieConsent v3, whose
	// data-category marks the scripts it holds back (consentGate).
	cookieConsent bool
}

// blocks counts an element that holds the scripts after it in <head>;
// what is where it is written (a URL).
func (pr *pageReader) blocks(el *htmlx.Element, what string) {
	if pr.preceding == 0 {
		pr.firstBlocker = model.Blocker{Span: pr.f.Span(el.Start, el.End), What: strings.TrimSpace(what)}
	}
	pr.preceding++
}

func (pr *pageReader) element(el *htmlx.Element) {
	switch el.Tag {
	case "meta":
		pr.meta(el)
	case "link":
		if el.InHead && blockingStylesheet(el) {
			pr.blocks(el, el.Value("href"))
		}
	case "script":
		// A script a consent manager holds back is read as the script it
		// becomes once the visitor agrees, running then.
		gate := ""
		if !isJavaScript(el.Value("type")) {
			code := pr.masked[el.TextStart:el.TextEnd]
			g, ok := consentGate(el, pr.cookieConsent)
			if !ok {
				if holdsSnippet(el, code) {
					pr.doc.Page.Inert = append(pr.doc.Page.Inert, model.InertScript{
						Span: pr.f.Span(el.Start, el.End), Type: strings.TrimSpace(el.Value("type"))})
				}
				return
			}
			if notCode(code) {
				return // a data block or template the manager holds, not code
			}
			gate = g
			if src, ok := gatedSrc(el); ok {
				pr.external(el, src, gate)
				return
			}
		}
		if src, ok := el.Attr("src"); ok {
			pr.external(el, src, gate)
			return
		}
		pr.inline(el, gate)
	}
}

func (pr *pageReader) meta(el *htmlx.Element) {
	equiv := strings.ToLower(strings.TrimSpace(el.Value("http-equiv")))
	if equiv != "content-security-policy" && equiv != "content-security-policy-report-only" {
		return
	}
	pr.doc.Page.Policies = append(pr.doc.Page.Policies, model.CSPPolicy{
		Origin:     "meta",
		Text:       el.Value("content"),
		Span:       pr.f.Span(el.Start, el.End),
		ReportOnly: strings.HasSuffix(equiv, "report-only"),
	})
}

// external reads a <script src>; gate names the consent manager holding
// it back ("" when none).
func (pr *pageReader) external(el *htmlx.Element, src htmlx.Attr, gate string) {
	url := strings.TrimSpace(src.Value)
	span := pr.f.Span(el.Start, el.End)
	if name, ok := tagManagerIn([]byte(url)); ok {
		pr.doc.Page.TagManagers = append(pr.doc.Page.TagManagers, model.TagManager{Name: name, Span: span, ID: containerID([]byte(url))})
	}
	if pixel.IsSDKURL(url) {
		pr.doc.Page.Loaders = append(pr.doc.Page.Loaders, model.LoaderSighting{
			Kind:           model.LoaderScriptTag,
			Span:           span,
			Element:        span,
			Src:            url,
			SrcSpan:        pr.f.Span(src.ValStart, src.ValEnd),
			InHead:         el.InHead,
			Preceding:      pr.preceding,
			FirstPreceding: pr.firstBlocker,
			// Module scripts are deferred by default; a consent manager
			// inserts the script it releases, and inserted scripts are async.
			Async:   el.Has("async") || el.Has("defer") || isModule(el.Value("type")) || gate != "",
			Nonce:   pr.nonce(el),
			Consent: gate,
		})
		return
	}
	pr.resolve(el, url, span, gate)
	// An async, defer, module or held-back script does not hold the
	// parser: the snippet after it is not delayed by it.
	if el.InHead && !runsLate(el, true) && gate == "" {
		pr.blocks(el, url)
	}
}

// resolve reads an external script and splices what it holds in here.
func (pr *pageReader) resolve(el *htmlx.Element, url string, span model.Span, gate string) {
	if pr.opts.Resolver == nil {
		pr.unresolved(url, span, "external scripts are not read")
		return
	}
	data, name, ok, reason := pr.opts.Resolver.Resolve(url)
	if !ok {
		pr.unresolved(url, span, reason)
		return
	}
	sf := source.New(name, decode.Script(data, "").Text)
	pr.files = append(pr.files, sf)
	masked, spans := tmpl.MaskFile(name, sf.Text)
	if tm, ok := tagManagerIn(masked); ok {
		pr.doc.Page.TagManagers = append(pr.doc.Page.TagManagers, model.TagManager{Name: tm, Span: span, ID: containerID(masked)})
	}
	if !mentionsPixel(masked) {
		return
	}
	late := runsLate(el, true) || gate != ""
	res := jscall.Extract(jscall.Script{File: sf, Code: masked, Templates: spans, URL: pr.opts.URL, Deferred: late, Recover: true, NoInjected: pr.opts.Rendered})
	for _, c := range res.Calls {
		c.Element = span
	}
	addScript(pr.doc, sf, res, &placement{span: span, inHead: el.InHead, preceding: pr.preceding, firstBlocker: pr.firstBlocker, nonce: pr.nonce(el), deferred: late, consent: gate})
}

func (pr *pageReader) unresolved(url string, span model.Span, reason string) {
	pr.doc.Page.Unresolved = append(pr.doc.Page.Unresolved, model.ExternalScript{Src: url, Span: span, Reason: reason,
		OutsideRoot: strings.Contains(reason, leadsOutside)})
}

// inline reads an inline <script>; gate names the consent manager holding
// it back ("" when none).
func (pr *pageReader) inline(el *htmlx.Element, gate string) {
	code := pr.masked[el.TextStart:el.TextEnd]
	span := pr.f.Span(el.Start, el.End)
	if tm, ok := tagManagerIn(code); ok {
		pr.doc.Page.TagManagers = append(pr.doc.Page.TagManagers, model.TagManager{Name: tm, Span: span, ID: containerID(code)})
	}
	if !mentionsPixel(code) {
		return
	}
	late := runsLate(el, false) || gate != ""
	templates := spansWithin(pr.spans, el.TextStart, el.TextEnd)
	res := jscall.Extract(jscall.Script{
		File: pr.f, Base: el.TextStart, Code: code,
		Templates: templates, URL: pr.opts.URL, Deferred: late, Recover: true,
		NoInjected: pr.opts.Rendered,
	})
	addScript(pr.doc, pr.f, res, &placement{
		span: span, inHead: el.InHead, preceding: pr.preceding, firstBlocker: pr.firstBlocker,
		nonce: pr.nonce(el), inline: string(pr.f.Text[el.TextStart:el.TextEnd]), deferred: late,
		consent: gate,
	})
}

// nonce is the element's nonce attribute, or else a template tag printed
// among its attributes (<script <?= $nonce_attr ?>>): that may be the
// nonce, and rules do not judge a nonce written with template syntax.
func (pr *pageReader) nonce(el *htmlx.Element) string {
	if n, ok := el.Attr("nonce"); ok {
		return n.Value
	}
	if helper, ok := pr.helpers[el.Start]; ok {
		return helper
	}
	tagEnd := el.End
	if el.Tag == "script" && el.TextStart > el.Start {
		tagEnd = el.TextStart
	}
	return templateAttr(el, pr.f.Text, pr.spans, tagEnd)
}

// mentionsPixel is the pre-filter: only scripts naming the pixel or its
// servers are parsed (a byte search is ~100× faster than parsing).
func mentionsPixel(code []byte) bool {
	return bytes.Contains(code, []byte("oaiq")) || bytes.Contains(code, []byte("openai.com"))
}

func spansWithin(spans []tmpl.Span, start, end int) []tmpl.Span {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].End > start })
	j := sort.Search(len(spans), func(i int) bool { return spans[i].Start >= end })
	if i >= j {
		return nil
	}
	return spans[i:j]
}

// isJavaScript tells classic and module scripts from data blocks
// (JSON-LD, text/template, x-template…), as browsers do.
func isJavaScript(typ string) bool {
	t := strings.ToLower(strings.TrimSpace(typ))
	if i := strings.IndexByte(t, ';'); i >= 0 {
		t = strings.TrimSpace(t[:i])
	}
	switch t {
	case "", "module", "text/javascript", "application/javascript", "text/ecmascript",
		"application/ecmascript", "application/x-javascript", "application/x-ecmascript",
		"text/x-javascript", "text/x-ecmascript", "text/jscript", "text/livescript",
		"text/javascript1.0", "text/javascript1.1", "text/javascript1.2", "text/javascript1.3",
		"text/javascript1.4", "text/javascript1.5":
		return true
	}
	return false
}

// runsLate reports a script that does not run where it stands: module
// scripts run after parsing, and so do external defer scripts; external
// async scripts run whenever they arrive (browsers ignore defer and async
// on inline classic scripts).
func runsLate(el *htmlx.Element, external bool) bool {
	return isModule(el.Value("type")) || external && (el.Has("defer") || el.Has("async"))
}

func isModule(typ string) bool {
	return strings.EqualFold(strings.TrimSpace(typ), "module")
}

func hasToken(list, token string) bool {
	for _, t := range strings.Fields(list) {
		if strings.EqualFold(t, token) {
			return true
		}
	}
	return false
}

// blockingStylesheet reports a stylesheet link that holds the scripts
// after it until it loads: not an alternate or disabled one, nor one for
// print media only (the media="print" onload trick loads CSS without
// blocking).
func blockingStylesheet(el *htmlx.Element) bool {
	rel := el.Value("rel")
	if !hasToken(rel, "stylesheet") || hasToken(rel, "alternate") || el.Has("disabled") {
		return false
	}
	media := strings.TrimSpace(el.Value("media"))
	if media == "" {
		return true
	}
	for _, q := range strings.Split(media, ",") {
		f := strings.Fields(strings.ToLower(q))
		if len(f) == 0 || f[0] != "print" && !(f[0] == "only" && len(f) > 1 && f[1] == "print") {
			return true // a query that may match the screen
		}
	}
	return false
}
