package rules

// A large event log is read in pieces so memory stays flat. Most rules read
// one record at a time and run on each piece as on a whole document; the
// rules below compare records, so on a log read in pieces they are turned
// off per piece (Streamed) and LogState gives their verdicts instead: each
// worker reduces its piece to LogFacts (a few strings and positions, no
// values), and the pipeline folds them in log order into the log's
// LogState, which holds only what these rules need: whether and where an
// init was seen, the first pixelId, the first consent(false), a hash of
// each deduplication key with its first line and data, and the events with
// an event_id for pairing browser and server at the end of the log.

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/pixel"
)

// Bounds of what one log's state holds, so memory stays flat on any log.
// Past them: keys are no longer remembered (a later repeat of a key not
// held is not compared), measure calls before the first init are no
// longer held (not reported), and events are no longer paired
// (dedup-unmatched then says nothing for the log: a partner may be among
// those not held).
const (
	maxStreamKeys     = 500_000
	maxStreamPreInit  = 100_000
	maxStreamDedupEvs = 50_000
	maxStreamPixels   = 10_000 // distinct pixelIds, and test pixels' inits
)

// streamed are the rules LogState runs on a log read in pieces.
var streamed = map[string]bool{
	"init-missing":                 true,
	"init-pixel-id-conflict":       true,
	"measure-before-init":          true,
	"consent-after-init":           true,
	"event-id-duplicate":           true,
	"dedup-event-name-mismatch":    true,
	"dedup-custom-name-mismatch":   true,
	"dedup-unmatched":              true,
	"init-user-pixel-id-missing":   true,
	"measure-single-pixel-unknown": true,
}

// Streamed returns the ids of the rules LogState runs: a piece of a log
// is checked with them off (the map is shared: do not modify).
func Streamed() map[string]bool { return streamed }

// firstInitOnly are the rules that read only a document's first init
// (init-pixel-id-missing): on a piece they run as usual, and their
// findings are kept only in the piece holding the log's first init
// (LogState.Add drops them from the others).
var firstInitOnly = map[string]bool{"init-pixel-id-missing": true}

// logAt is a span without its file (the log's, kept once in LogState).
type logAt struct {
	sl, sc, el, ec int32
	ptr            string
}

func atOf(s model.Span) logAt {
	return logAt{int32(s.Start.Line), int32(s.Start.Col), int32(s.End.Line), int32(s.End.Col), s.Pointer}
}

func (a logAt) span(file string) model.Span {
	return model.Span{File: file, Start: model.Pos{Line: int(a.sl), Col: int(a.sc)}, End: model.Pos{Line: int(a.el), Col: int(a.ec)}, Pointer: a.ptr}
}

// LogFacts is what one piece of a log tells the rules that compare
// records.
type LogFacts struct {
	hasInit      bool          // a browser init
	pixelInit    bool          // a browser init that gives the pixel its ID, or may (initsPixel)
	pixel        string        // the first pixelId of a browser init, for pairing
	firstMeasure logAt         // the first browser measure (sl == 0: none)
	preInit      []preInitFact // browser measures before the piece's first browser init
	pixels       []pixelFact   // the valid pixelIds of browser inits (none when a pixel_id is configured)
	consent      logAt         // the first consent(false) (sl == 0: none)
	consentLate  bool          // a browser init came before it in the piece
	ids          []idFact
	dedup        []dedupFact
	inits        []initFact   // the browser inits in order, as init-user-pixel-id-missing reads them
	anyPixel     bool         // an init whose pixelId may be any (computed, or a spread config)
	singles      []singleFact // measureSingle calls to a named pixel
}

// initFact is an init naming a pixel (named: id, valid when neither blank
// nor a placeholder) or updating user data without one (user).
type initFact struct {
	id                 string
	named, valid, user bool
	logAt              logAt
}

type singleFact struct {
	to    string // as written
	logAt logAt
}

type pixelFact struct {
	id    string
	logAt logAt
}

type preInitFact struct {
	logAt  logAt
	single bool // measureSingle
}

type idFact struct {
	key, data    uint64
	line         int
	logAt        logAt
	id, identity string
}

type dedupFact struct {
	server               bool
	id, pixel, name      string
	pixelKnown           bool // a browser event after the piece's first pixelId
	nameOK, customOK     bool
	custom               string
	line                 int
	idAt, nameAt, custAt logAt
}

// Facts reduces a piece of a log to what LogState needs, as the rules
// would run with opts; what it keeps is copied, so the piece's text can go.
func Facts(doc *model.Document, opts Options) *LogFacts {
	f := &LogFacts{}
	for _, c := range doc.Calls {
		switch c.Command() {
		case "init":
			if c.Side != model.Browser {
				continue
			}
			f.hasInit = true
			f.pixelInit = f.pixelInit || initsPixel(c)
			f.initFacts(c)
			v := initConfig(c).Get("pixelId")
			if s, ok := validPixelID(v); ok && opts.PixelID == "" {
				f.pixels = append(f.pixels, pixelFact{strings.Clone(s), atOf(v.Span)})
			}
			if f.pixel == "" {
				p, _ := v.StringValue()
				f.pixel = strings.Clone(p)
			}
		case "consent":
			if c.Deferred {
				continue // a visitor revoking consent later (see consent-after-init)
			}
			if v := c.Arg(1); f.consent.sl == 0 && v.Is(model.Bool) && !v.Bool {
				f.consent, f.consentLate = atOf(c.Span), f.hasInit
			}
		default:
			if m, ok := asMeasure(c); ok {
				f.measure(m, f.pixel)
			}
		}
	}
	return f
}

// initFacts notes what init-user-pixel-id-missing and
// measure-single-pixel-unknown read of a browser init.
func (f *LogFacts) initFacts(c *model.Call) {
	cfg := c.Arg(argInitConfig)
	v := cfg.Get("pixelId")
	if cfg.IsDynamic() || v.IsDynamic() || (cfg.Is(model.Object) && cfg.Open && v == nil) {
		f.anyPixel = true
	}
	if s, ok := v.StringValue(); ok {
		_, valid := validPixelID(v)
		f.inits = append(f.inits, initFact{id: strings.Clone(s), named: true, valid: valid, logAt: atOf(v.Span)})
		return
	}
	if cfg := initConfig(c); cfg != nil && v == nil && !cfg.Open && cfg.Get("user") != nil {
		f.inits = append(f.inits, initFact{user: true, logAt: atOf(c.Span)})
	}
}

func (f *LogFacts) measure(m measureCall, initPixel string) {
	c := m.Call
	if s, ok := m.Target.StringValue(); ok && m.Image == nil && strings.TrimSpace(s) != "" && !isPlaceholder(strings.TrimSpace(s)) {
		f.singles = append(f.singles, singleFact{strings.Clone(s), atOf(m.Target.Span)})
	}
	if c.Side == model.Browser && c.Image == nil { // an image tag names its pixel itself
		if f.firstMeasure.sl == 0 {
			f.firstMeasure = atOf(c.Span)
		}
		if !f.pixelInit && !c.Deferred {
			f.preInit = append(f.preInit, preInitFact{atOf(c.Span), c.Command() == pixel.CommandMeasureSingle})
		}
	}
	v, id, ok := m.EventID()
	if !ok || strings.TrimSpace(id) == "" {
		return
	}
	// A <noscript> fallback fires only when the JavaScript pixel cannot:
	// never both (see event-id-duplicate).
	if !m.Name.IsDynamic() && (m.Image == nil || !m.Image.NoScript) {
		h := fnv.New64a()
		h.Write([]byte(eventIDKey(m, id)))
		f.ids = append(f.ids, idFact{key: h.Sum64(), data: plainHash(m.Data), line: c.Span.Start.Line, logAt: atOf(v.Span),
			id: strings.Clone(id), identity: strings.Clone(eventIdentity(m))})
	}
	if stringified[strings.TrimSpace(id)] {
		return
	}
	e := dedupFact{server: c.Side == model.Server, id: strings.Clone(id), line: c.Span.Start.Line, idAt: atOf(v.Span)}
	if e.server {
		e.pixel, e.pixelKnown = strings.Clone(c.PixelID), true
	} else if single, ok := m.Target.StringValue(); ok {
		e.pixel, e.pixelKnown = strings.Clone(single), true // measureSingle names the one pixel it sends to
	} else if initPixel != "" {
		e.pixel, e.pixelKnown = initPixel, true
	}
	var name string
	if name, e.nameOK = m.EventName(); e.nameOK {
		e.name, e.nameAt = strings.Clone(name), atOf(m.Name.Span)
	}
	if cv := m.Options.Get("custom_event_name"); cv != nil {
		var custom string
		custom, e.customOK = cv.StringValue()
		e.custom, e.custAt = strings.Clone(custom), atOf(cv.Span)
	}
	f.dedup = append(f.dedup, e)
}

// plainHash stands for the data's plain value: two data objects are the
// same when their hashes are.
func plainHash(v *model.Value) uint64 {
	h := fnv.New64a()
	plain := v.Plain(nil)
	if b, err := json.Marshal(plain); err == nil {
		h.Write(b)
	} else {
		fmt.Fprintf(h, "%#v", plain)
	}
	return h.Sum64()
}

// LogState is the state of the rules that compare records, for one log
// document read in pieces: Add each piece's facts in log order, then End.
type LogState struct {
	file string

	initSeen      bool
	pixelInitSeen bool
	firstMeasure  logAt
	preInit       []preInitFact
	preInitLost   bool
	consentDone   bool

	// init-pixel-id-conflict: the distinct pixelIds in log order, and
	// the inits of test pixels not reported as near copies (reported at
	// the end, beside the first real pixel, which may come later).
	pixels     []seenPixel
	knownPixel map[string]bool
	testInits  []pixelFact

	// init-user-pixel-id-missing: the distinct valid pixelIds of inits so
	// far, quoted, in order.
	userPixels map[string]bool
	userNames  []string
	// measure-single-pixel-unknown: the pixels initialised so far, and the
	// measureSingle calls to a pixel not initialised yet, by pixel.
	anyPixel    bool
	initialised map[string]bool
	pending     map[string][]singleFact
	nPending    int

	keys map[uint64]keyFirst

	pixel          string // the first pixelId of a browser init, for pairing
	browser        []packedDedup
	server         []packedDedup
	dedupOverflown bool
	// packed holds the text of the events kept for pairing, ptrs the
	// distinct JSON Pointers of their spans (see packedDedup).
	packed []byte
	ptrs   []string
	ptrIdx map[string]uint32
}

// keyFirst is a key's first line and a hash of its data (32 bits: two
// different data objects are taken for equal once in 4 billion).
type keyFirst struct {
	line, data uint32
}

// NewLogState returns the state of the log document named file.
func NewLogState(file string) *LogState {
	return &LogState{file: file, keys: map[uint64]keyFirst{}, knownPixel: map[string]bool{},
		userPixels: map[string]bool{}, initialised: map[string]bool{}, pending: map[string][]singleFact{}}
}

// File is the log's name, as its findings give it.
func (s *LogState) File() string { return s.file }

// Add folds in the next piece's facts and returns the findings of the
// streamed rules that are known now, and filters the piece's own findings
// (the rules of the first init only: see firstInitOnly).
func (s *LogState) Add(f *LogFacts, findings []model.Finding) []model.Finding {
	if s.initSeen {
		kept := findings[:0]
		for _, x := range findings {
			if !firstInitOnly[x.Rule] {
				kept = append(kept, x)
			}
		}
		findings = kept
	}
	report := func(rule string, a logAt, msg, hint string) {
		findings = append(findings, model.Finding{Rule: rule, Severity: Lookup(rule).Severity, Message: msg, Hint: hint, Span: a.span(s.file)})
	}
	// consent-after-init: the log's first consent(false), after a browser init.
	if f.consent.sl != 0 && !s.consentDone {
		s.consentDone = true
		if s.initSeen || f.consentLate {
			report("consent-after-init", f.consent, consentAfterInitMsg, consentAfterInitHint)
		}
	}
	// measure-before-init: browser measures before the first init, once
	// an init shows up.
	if !s.initSeen && s.firstMeasure.sl == 0 {
		s.firstMeasure = f.firstMeasure
	}
	s.initSeen = s.initSeen || f.hasInit
	// An init with user data only gives no ID ("You can omit pixelId after
	// the first successful initialization"): the measures before the first
	// init that gives one are early, reported when it shows up.
	if !s.pixelInitSeen {
		if len(s.preInit)+len(f.preInit) > maxStreamPreInit {
			s.preInitLost = true
		} else {
			s.preInit = append(s.preInit, f.preInit...)
		}
		if f.pixelInit {
			for _, a := range s.preInit {
				cmd := pixel.CommandMeasure
				if a.single {
					cmd = pixel.CommandMeasureSingle
				}
				report("measure-before-init", a.logAt, measureBeforeInitMsg(cmd), measureBeforeInitHint)
			}
			s.preInit, s.pixelInitSeen = nil, true
		}
	}
	// init-pixel-id-conflict: each new pixelId against those before it.
	for _, p := range f.pixels {
		near := false
		if !s.knownPixel[p.id] && len(s.pixels) < maxStreamPixels {
			s.knownPixel[p.id] = true
			if o, ok := nearCopyOf(p.id, s.pixels); ok {
				report("init-pixel-id-conflict", p.logAt, nearCopyMsg(p.id, o.id, o.line), nearCopyHint(o.id))
				near = true
			}
			s.pixels = append(s.pixels, seenPixel{p.id, int(p.logAt.sl)})
		}
		if !near && testPixelWords.MatchString(p.id) && len(s.testInits) < maxStreamPixels {
			s.testInits = append(s.testInits, p)
		}
	}
	// init-user-pixel-id-missing: a user update without pixelId after
	// two pixels or more.
	for _, in := range f.inits {
		switch {
		case in.user && len(s.userPixels) >= 2:
			report("init-user-pixel-id-missing", in.logAt, userInitMsg(len(s.userPixels), s.userNames), userInitHint)
		case in.valid && !s.userPixels[in.id] && len(s.userNames) < maxStreamPixels:
			s.userPixels[in.id] = true
			s.userNames = append(s.userNames, quote(in.id))
		}
	}
	// measure-single-pixel-unknown: a pixel initialised anywhere in the
	// log is known, so calls to others wait for the end.
	s.anyPixel = s.anyPixel || f.anyPixel
	for _, in := range f.inits {
		if id := strings.TrimSpace(in.id); in.named && len(s.initialised) < maxStreamPixels {
			s.initialised[id] = true
			s.nPending -= len(s.pending[id])
			delete(s.pending, id)
		}
	}
	for _, m := range f.singles {
		to := strings.TrimSpace(m.to)
		if !s.initialised[to] && s.nPending < maxStreamPreInit {
			s.pending[to] = append(s.pending[to], m)
			s.nPending++
		}
	}
	// event-id-duplicate: a key seen before, with other data.
	for _, e := range f.ids {
		prev, dup := s.keys[e.key]
		if !dup {
			if len(s.keys) < maxStreamKeys {
				s.keys[e.key] = keyFirst{uint32(e.line), uint32(e.data)}
			}
			continue
		}
		if prev.data != uint32(e.data) {
			report("event-id-duplicate", e.logAt, eventIDDuplicateMsg(e.id, int(prev.line), e.identity), eventIDDuplicateHint)
		}
	}
	// Deduplication pairs events of the whole log: held until End.
	for _, e := range f.dedup {
		if !e.pixelKnown {
			e.pixel = s.pixel
		}
		if len(s.browser)+len(s.server) >= maxStreamDedupEvs {
			s.dedupOverflown = true
			break
		}
		if e.server {
			s.server = append(s.server, s.pack(e))
		} else {
			s.browser = append(s.browser, s.pack(e))
		}
	}
	if s.pixel == "" {
		s.pixel = f.pixel
	}
	return findings
}

// packedDedup is a dedupFact kept for pairing at the end of the log, with
// no pointer in it: its strings are ranges of LogState.packed and its
// JSON Pointers indexes into LogState.ptrs. Up to maxStreamDedupEvs are
// held for a whole log, and the collector scanned them at every cycle
// while they held strings (a sixth of the time of a 200 MB log).
type packedDedup struct {
	server, pixelKnown, nameOK, customOK bool
	id, pixel, name, custom              packedStr
	line                                 int
	idAt, nameAt, custAt                 packedAt
}

type packedStr struct{ off, n uint32 }

type packedAt struct {
	sl, sc, el, ec int32
	ptr            uint32
}

func (s *LogState) pack(e dedupFact) packedDedup {
	str := func(t string) packedStr {
		p := packedStr{uint32(len(s.packed)), uint32(len(t))}
		s.packed = append(s.packed, t...)
		return p
	}
	at := func(a logAt) packedAt {
		k, ok := s.ptrIdx[a.ptr]
		if !ok {
			if s.ptrIdx == nil {
				s.ptrIdx = map[string]uint32{}
			}
			k = uint32(len(s.ptrs))
			s.ptrs = append(s.ptrs, a.ptr)
			s.ptrIdx[a.ptr] = k
		}
		return packedAt{a.sl, a.sc, a.el, a.ec, k}
	}
	return packedDedup{server: e.server, pixelKnown: e.pixelKnown, nameOK: e.nameOK, customOK: e.customOK,
		id: str(e.id), pixel: str(e.pixel), name: str(e.name), custom: str(e.custom), line: e.line,
		idAt: at(e.idAt), nameAt: at(e.nameAt), custAt: at(e.custAt)}
}

// unpack turns the events kept back into dedupFacts, once, at the end.
func (s *LogState) unpack(ps []packedDedup) []dedupFact {
	str := func(p packedStr) string { return string(s.packed[p.off : p.off+p.n]) }
	at := func(a packedAt) logAt { return logAt{a.sl, a.sc, a.el, a.ec, s.ptrs[a.ptr]} }
	out := make([]dedupFact, len(ps))
	for i, p := range ps {
		out[i] = dedupFact{server: p.server, pixelKnown: p.pixelKnown, nameOK: p.nameOK, customOK: p.customOK,
			id: str(p.id), pixel: str(p.pixel), name: str(p.name), custom: str(p.custom), line: p.line,
			idAt: at(p.idAt), nameAt: at(p.nameAt), custAt: at(p.custAt)}
	}
	return out
}

// End returns the findings known only once the whole log is read: no init
// at all, and the pairing of browser and server events.
func (s *LogState) End() []model.Finding {
	var out []model.Finding
	report := func(rule string, a logAt, msg, hint string) {
		out = append(out, model.Finding{Rule: rule, Severity: Lookup(rule).Severity, Message: msg, Hint: hint, Span: a.span(s.file)})
	}
	if !s.initSeen && s.firstMeasure.sl != 0 {
		report("init-missing", s.firstMeasure, initMissingMsg, initMissingHint)
	}
	if !s.anyPixel {
		for _, to := range slices.Sorted(maps.Keys(s.pending)) {
			for _, m := range s.pending[to] {
				report("measure-single-pixel-unknown", m.logAt, singleUnknownMsg(m.to, s.initialised), singleUnknownHint(m.to))
			}
		}
	}
	if real, ok := firstReal(s.pixels); ok {
		for _, p := range s.testInits {
			report("init-pixel-id-conflict", p.logAt, testPixelMsg(p.id, real.id, real.line), testPixelHint)
		}
	}
	if len(s.browser) == 0 || len(s.server) == 0 {
		return out
	}
	browser, server := s.unpack(s.browser), s.unpack(s.server)
	browserByID := map[string][]*dedupFact{}
	for i := range browser {
		browserByID[browser[i].id] = append(browserByID[browser[i].id], &browser[i])
	}
	serverByID := map[string][]*dedupFact{}
	for i := range server {
		serverByID[server[i].id] = append(serverByID[server[i].id], &server[i])
	}
	for _, sv := range server {
		for _, b := range browserByID[sv.id] {
			if !samePixel(b.pixel, sv.pixel) || !b.nameOK || !sv.nameOK {
				continue
			}
			if b.name == pixel.CustomEvent && sv.name == pixel.CustomEvent {
				if b.customOK && sv.customOK && customNamesDiffer(sv.custom, b.custom) {
					report("dedup-custom-name-mismatch", sv.custAt, dedupCustomMsg(sv.custom, b.custom, sv.id, b.line), dedupCustomHint)
				}
			} else if b.name != sv.name {
				report("dedup-event-name-mismatch", sv.nameAt, dedupNameMsg(sv.name, b.name, b.line, sv.id), dedupNameHint)
			}
			break
		}
	}
	if s.dedupOverflown {
		return out // a partner may be among the events not held
	}
	unmatched := func(e *dedupFact, side, other string, others []*dedupFact) {
		for _, o := range others {
			if samePixel(o.pixel, e.pixel) {
				return
			}
		}
		if len(others) > 0 {
			o := others[0]
			report("dedup-unmatched", e.idAt, dedupOtherPixelMsg(e.id, e.pixel, o.pixel, other, o.line), dedupOtherPixelHint)
			return
		}
		report("dedup-unmatched", e.idAt, dedupOneSideMsg(e.id, side, other), dedupOneSideHint)
	}
	for i := range browser {
		unmatched(&browser[i], "browser", "server", serverByID[browser[i].id])
	}
	for i := range server {
		unmatched(&server[i], "server", "browser", browserByID[server[i].id])
	}
	return out
}
