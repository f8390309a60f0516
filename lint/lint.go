// Package lint is oaiq-lint as a library: given options and inputs (files,
// bytes with a name, URLs, event-log records, crawled or rendered pages) it
// lints them on a bounded pool of workers and hands the results, in input
// order, to one consumer. Every command of the program is a consumer of
// this stream: the reporters, --record, the crawl summary and the baseline
// writer all see the same results in the same order.
//
// The path of one input: a worker loads it (reads and extracts, or fetches,
// or renders), runs the rules over its document and reads the suppression
// comments of its files; the single writer then applies the engine's policy
// (off, severities, per-path overrides, suppressions, findings already
// reported, the baseline) in judge, and calls the consumer.
package lint

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"iter"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/oaiq-lint/oaiq-lint/internal/baseline"
	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/internal/suppress"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// ErrInterrupted ends a run whose context was cancelled (Ctrl-C, SIGTERM):
// the results finished before the cancel were handed to the consumer.
var ErrInterrupted = errors.New("interrupted")

// Options shape a run. The zero value lints with the default severities,
// no baseline and one worker per CPU.
type Options struct {
	// Config is the project's configuration: per-rule and per-path
	// severities, rules turned off, ignored paths, the expected Pixel ID.
	Config *config.Config
	// ShardIndex and Shards select shard ShardIndex (1-based) of Shards by
	// a hash of the input's name; Shards ≤ 1 selects every input.
	ShardIndex, Shards int
	// Baseline, when set, hides the findings it knows.
	Baseline *baseline.Baseline
	// BaselineRecorder, when set, records every finding reported.
	BaselineRecorder *baseline.Recorder
	// FailOn is the lowest severity that fails the run; 0: never fail.
	FailOn model.Severity
	// Workers bounds the inputs loaded and checked at once (default: the
	// number of CPUs).
	Workers int
	// Record fills Result.Records with the calls each input made, as event
	// log records (--record).
	Record bool
	// ExtractOnly skips the engine's policy and every rule but those that
	// report what could not be read (rules.Rule.Unreadable): results carry
	// the calls and those findings (extract).
	ExtractOnly bool
	// Now is the time Conversions API requests without their own time are
	// judged at (log --now); zero: their timestamps' window is not checked.
	Now time.Time
	// CrossInputDedup pairs browser and server events of different inputs
	// (deduplication across the files of a run), reported after the last
	// input. Off for a run of one file: nothing could pair, so nothing is
	// kept.
	CrossInputDedup bool
	// SortByName holds the results until every input is in and hands them
	// over sorted by name, after the site rules (rules.Site) compared
	// the pages. A held result keeps no document, and no source unless a
	// finding may quote it. For inputs whose order is not deterministic
	// (a crawl's pages arrive as the server answers).
	SortByName bool
	// NoIgnore lints the inputs the configuration's ignore globs match.
	NoIgnore bool
}

// Input is one thing to lint. Load reads and extracts it; an error means
// it could not be read at all (exit 3), while problems inside it are
// findings.
type Input struct {
	Name string
	Load func(ctx context.Context) (*Loaded, error)
	// SitePage marks a crawled HTML page, which the site rules compare.
	SitePage bool
	// Origin is handed back on the input's result (a crawled page's
	// status, for the crawl summary).
	Origin any
	// Continues marks a further piece of the previous input's file (a
	// large log read in pieces): its result does not count as a file again.
	Continues bool
	// Pieced marks every piece of a log read in pieces: the rules that
	// compare its records (rules.Streamed) run over the whole log through
	// its rules.LogState instead of over each piece.
	Pieced bool
	// Alone marks a record checked on its own (Record): the rules that
	// compare records (rules.Streamed) are off for it.
	Alone bool
	// Explicit marks an input the user named: when the configuration
	// ignores it, its result says so (Result.Ignored) instead of the input
	// vanishing without a word.
	Explicit bool
}

// Loaded is an input read: its document and the files positions point into.
type Loaded struct {
	Doc   *model.Document
	Files []*source.File
	// Made, when not nil, are the calls the input really made (a page run
	// in a browser), which --record writes; nil: every call of Doc.
	Made []*model.Call
	// Skip, when not empty, says why the input is not linted (Doc is nil).
	Skip string
}

// Result is one input linted, as the consumer receives it.
type Result struct {
	Name string
	// Err is set when the input could not be read; nothing else is then.
	Err error
	// Report is what the reporters print: findings (sorted, after the
	// engine), the sources they quote, and the document's facts.
	Report report.Result
	// Records are the calls made, when Options.Record is set.
	Records []eventlog.Record
	// Origin is the input's Origin.
	Origin any
	// Ignored is set, and nothing else is, when the input was named on the
	// command line but the configuration's ignore globs match it.
	Ignored bool
	// Skipped, when not empty, says why the input was read but not linted
	// (a report this tool wrote); nothing else is set.
	Skipped string
}

// Outcome sums up a run.
type Outcome struct {
	Summary report.Summary
	// Failed is true when a finding is at or above Options.FailOn.
	Failed bool
}

// Linter runs inputs through the pipeline. One Linter serves one run: it
// remembers what it reported, so a script several pages include has its
// problems reported once.
type Linter struct {
	opts     Options
	reported map[model.Finding]bool
	cross    crossInputs
	// log is the state of the log being delivered in pieces, if any, and
	// logName its input's name.
	log     *rules.LogState
	logName string
}

// New returns a linter for one run.
func New(opts Options) *Linter {
	if opts.Config == nil {
		opts.Config = &config.Config{}
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return &Linter{opts: opts, reported: map[model.Finding]bool{}}
}

// selects reports whether this run lints the input named name: not ignored
// by the configuration, and in this shard. Shards hash the name, so adding
// a page does not move the others to another shard.
func (l *Linter) selects(name string) bool {
	if l.ignores(name) {
		return false
	}
	if l.opts.Shards <= 1 {
		return true
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	return int(h.Sum32()%uint32(l.opts.Shards)) == l.opts.ShardIndex-1
}

// notUnreadable turns off every rule but those that report what could not
// be read: extract runs no other.
var notUnreadable = sync.OnceValue(func() map[string]bool {
	off := map[string]bool{}
	for _, r := range rules.All() {
		if !r.Unreadable {
			off[r.ID] = true
		}
	}
	return off
})

func (l *Linter) ignores(name string) bool {
	return !l.opts.NoIgnore && l.opts.Config.Ignored(name)
}

// checked is a worker's output for one input, before the engine's policy.
type checked struct {
	name   string
	origin any
	err    error
	// ignored: named by the user, ignored by the configuration.
	ignored bool
	// skipped says why the input was not linted.
	skipped string
	res     report.Result // findings as the rules made them
	// sups are the input's suppression comments, which judge applies.
	sups []*model.Suppression
	// records are the calls made, when recording.
	records []eventlog.Record
	// site: the input is a crawled page (sitePage), it loads the SDK, and
	// the part of it the site rules read when it does not (pixelless).
	sitePage, hasSDK bool
	pixelless        *model.Document
	// dedup are the input's events with an event_id, kept when events are
	// paired across inputs (Options.CrossInputDedup).
	dedup []rules.DedupEvent
	// facts are what the rules that compare records need of a piece of a
	// log read in pieces (Input.Pieced).
	facts *rules.LogFacts
	// pieced: the input is (the end of) a log read in pieces, or a record
	// checked alone; judge remembers none of its findings.
	pieced bool
}

// Run lints inputs and calls consume with each result, in input order
// (or sorted by name, see Options.SortByName), from one goroutine. An
// error from consume ends the run with that error. A cancelled ctx ends it
// with ErrInterrupted once the results finished so far were consumed.
func (l *Linter) Run(ctx context.Context, inputs iter.Seq[Input], consume func(*Result) error) (Outcome, error) {
	// Workers check at most Workers inputs at once. Inputs are taken as
	// the window allows: a slow early input holds back at most `window`
	// finished results, and nothing is kept for the inputs still to come.
	workers := l.opts.Workers
	sem := make(chan struct{}, workers)
	pending := make(chan chan *checked, 4*workers) // in input order
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(pending)
		for in := range inputs {
			if ctx.Err() != nil {
				return
			}
			if !l.selects(in.Name) {
				if !in.Explicit || !l.ignores(in.Name) {
					continue
				}
				slot := make(chan *checked, 1)
				slot <- &checked{name: in.Name, origin: in.Origin, ignored: true}
				select {
				case pending <- slot:
					continue
				case <-ctx.Done():
					return
				case <-stop:
					return
				}
			}
			slot := make(chan *checked, 1)
			select {
			case pending <- slot:
			case <-ctx.Done():
				return
			case <-stop:
				return
			}
			select {
			case sem <- struct{}{}:
			case <-stop:
				return
			}
			go func() {
				defer func() { <-sem }()
				slot <- l.check(ctx, in)
			}()
		}
	}()

	var out Outcome
	var held []*checked
	emit := func(c *checked) error {
		if l.opts.SortByName {
			held = append(held, c)
			return nil
		}
		return l.deliver(c, &out, consume)
	}
	var runErr error
	interrupted := false
	for slot := range pending {
		c := <-slot
		if c.err != nil && ctx.Err() != nil {
			interrupted = true // the inputs still running fail with it: say it once
			break
		}
		if l.log != nil && (c.facts == nil || !c.res.Continues) {
			if runErr = l.emitEnd(emit); runErr != nil {
				break
			}
		}
		if c.facts != nil {
			l.addPiece(c)
		}
		if runErr = emit(c); runErr != nil {
			break
		}
	}
	if ctx.Err() != nil {
		interrupted = true
	}
	if runErr == nil && !interrupted && l.log != nil {
		runErr = l.emitEnd(emit)
	}
	if runErr == nil && l.opts.SortByName {
		runErr = l.deliverSorted(held, &out, consume)
	}
	if runErr == nil && !interrupted {
		for _, c := range l.cross.results() {
			if runErr = l.deliver(c, &out, consume); runErr != nil {
				break
			}
		}
	}
	if runErr != nil {
		return out, runErr
	}
	if interrupted {
		return out, ErrInterrupted
	}
	return out, nil
}

// check loads one input and runs the rules over it. A panic in a source
// or rule becomes an error for that input instead of ending the run.
func (l *Linter) check(ctx context.Context, in Input) (c *checked) {
	c = &checked{name: in.Name, origin: in.Origin, sitePage: in.SitePage, pieced: in.Pieced || in.Alone}
	defer func() {
		if r := recover(); r != nil {
			*c = checked{name: in.Name, origin: in.Origin, err: fmt.Errorf("internal error while linting (please report it): %v", r)}
		}
	}()
	ld, err := in.Load(ctx)
	if err != nil {
		c.err = err
		return c
	}
	if ld.Skip != "" {
		c.skipped = ld.Skip
		return c
	}
	doc := ld.Doc
	c.res.Path = doc.Path
	c.res.Continues = in.Continues
	c.res.Describe(doc)
	if l.opts.Record {
		made := ld.Made
		if made == nil {
			made = doc.Calls
		}
		for _, call := range made {
			c.records = append(c.records, eventlog.CallRecord(call, doc))
		}
	}
	if l.opts.ExtractOnly {
		c.res.Findings = rules.Check(doc, rules.Options{Off: notUnreadable()})
		return c
	}
	for _, f := range ld.Files {
		sups, bad := suppress.Parse(f, func(id string) bool { return rules.Lookup(id) != nil })
		doc.Suppressions = append(doc.Suppressions, sups...)
		doc.SuppressionProblems = append(doc.SuppressionProblems, bad...)
	}
	c.sups = doc.Suppressions
	byName := sourcesOf(ld.Files)
	doc.Text = spanText(byName)
	ropts := rules.Options{PixelID: l.opts.Config.PixelID, Now: l.opts.Now}
	switch {
	case in.Alone:
		ropts.Off = rules.Streamed()
	case in.Pieced && doc.Kind == model.EventLog:
		ropts.Off = rules.Streamed()
		c.facts = rules.Facts(doc, ropts)
	}
	c.res.Findings = rules.Check(doc, ropts)
	keepExactFixes(c.res.Findings, byName, doc)
	if l.opts.CrossInputDedup {
		c.dedup = rules.DedupEvents(doc)
	}
	if c.sitePage {
		c.hasSDK = doc.Page != nil && len(doc.Page.Loaders) > 0
		if doc.Kind == model.Page && doc.Page != nil && !c.hasSDK && len(doc.Calls) == 0 {
			page := *doc.Page
			c.pixelless = &model.Document{Path: doc.Path, Kind: doc.Kind, Page: &page}
		}
	}
	if len(c.res.Findings) > 0 || len(c.sups) > 0 || c.facts != nil {
		// Keep the sources findings may quote; a long run keeps no others.
		c.res.Sources = make(map[string]*source.File, len(ld.Files))
		for _, f := range ld.Files {
			c.res.Sources[f.Name] = f
		}
		if l.opts.SortByName {
			c.res.Sources = c.quoted()
		}
	}
	return c
}

// addPiece folds a piece of a log read in pieces into the log's state, in
// log order, and adds the findings of the rules that compare records known
// once it is in.
func (l *Linter) addPiece(c *checked) {
	if !c.res.Continues || l.log == nil {
		l.log, l.logName = rules.NewLogState(c.res.Path), c.name
	}
	c.res.Findings = l.log.Add(c.facts, c.res.Findings)
	rules.SortFindings(c.res.Findings)
	c.facts = nil
}

// emitEnd ends the log read in pieces: what its state knows only at the
// end (no init at all, browser and server events paired) is one more
// result for its file, which does not count as a file again.
func (l *Linter) emitEnd(emit func(*checked) error) error {
	path := l.log.File()
	c := &checked{name: l.logName, pieced: true, res: report.Result{Path: path, Kind: model.EventLog.String(), Continues: true}}
	c.res.Findings = l.log.End()
	rules.SortFindings(c.res.Findings)
	l.log = nil
	if len(c.res.Findings) == 0 {
		return nil
	}
	return emit(c)
}

// sources are an input's files by name; a log read in pieces has several
// of one name, each holding its own lines.
type sources map[string][]*source.File

func sourcesOf(files []*source.File) sources {
	m := sources{}
	for _, f := range files {
		m[f.Name] = append(m[f.Name], f)
	}
	return m
}

// at returns the file named name that holds line n.
func (s sources) at(name string, n int) *source.File {
	for _, f := range s[name] {
		if f.Text != nil && f.Offset(model.Pos{Line: n, Col: 1}) >= 0 {
			return f
		}
	}
	return nil
}

// quoted cuts the sources of a result held until the end down to the lines
// its findings (and those suppressions may add) start on: the reporters'
// code frames and the baseline's fingerprints read nothing else.
func (c *checked) quoted() map[string]*source.File {
	lines := map[string][]int{}
	add := func(sp model.Span) {
		if !sp.Start.IsZero() {
			lines[sp.File] = append(lines[sp.File], sp.Start.Line)
		}
	}
	for _, f := range c.res.Findings {
		add(f.Span)
	}
	for _, d := range c.sups {
		add(d.Span) // an unused suppression is reported there
	}
	out := make(map[string]*source.File, len(lines))
	for name, ls := range lines {
		if f := c.res.Sources[name]; f != nil {
			out[name] = f.Excerpt(ls)
		}
	}
	return out
}

// deliver passes one checked input through the engine to the consumer.
func (l *Linter) deliver(c *checked, out *Outcome, consume func(*Result) error) error {
	r := &Result{Name: c.name, Origin: c.origin, Err: Explain(c.err), Ignored: c.ignored, Skipped: c.skipped}
	var none *discover.NoFilesError
	switch {
	case c.ignored || c.skipped != "":
		return consume(r)
	case errors.As(c.err, &none):
		out.Summary.NoFiles++
		return consume(r)
	case c.err != nil:
		out.Summary.Unreadable++
		out.Summary.UnreadableInputs = append(out.Summary.UnreadableInputs, report.Unreadable{Input: c.name, Reason: r.Err.Error()})
		return consume(r)
	}
	r.Report, r.Records = c.res, c.records
	l.cross.add(c.dedup)
	if !l.opts.ExtractOnly {
		r.Report.Findings = l.judge(c)
	}
	if len(r.Report.Findings) == 0 {
		r.Report.Sources = nil
	}
	for _, f := range r.Report.Findings {
		if l.opts.FailOn != 0 && f.Severity >= l.opts.FailOn {
			out.Failed = true
		}
	}
	if r.Report.Findings = out.Summary.Cap(r.Report.Findings, l.opts.Config.MaxFindingsPerRule); len(r.Report.Findings) == 0 {
		r.Report.Sources = nil
	}
	out.Summary.Add(r.Report)
	return consume(r)
}

// deliverSorted runs the site rules (rules.Site: they compare a page with
// the rest of its site) over the held pixel-less pages, then delivers them
// sorted by name.
func (l *Linter) deliverSorted(held []*checked, out *Outcome, consume func(*Result) error) error {
	site := &model.SiteFacts{}
	for _, c := range held {
		if c.sitePage && c.err == nil {
			site.Pages++
			if c.hasSDK {
				site.PagesWithSDK++
			}
		}
	}
	slices.SortStableFunc(held, func(a, b *checked) int { return cmp.Compare(a.name, b.name) })
	for _, c := range held {
		if c.pixelless != nil {
			c.pixelless.Page.Site = site
			c.res.Findings = append(c.res.Findings, rules.Check(c.pixelless, rules.Options{Stage: rules.Site, PixelID: l.opts.Config.PixelID})...)
			c.pixelless = nil
		}
		if err := l.deliver(c, out, consume); err != nil {
			return err
		}
	}
	return nil
}
