package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/oaiq-lint/oaiq-lint/internal/baseline"
	"github.com/oaiq-lint/oaiq-lint/internal/config"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/fixer"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/lint"
	"github.com/oaiq-lint/oaiq-lint/model"
	"github.com/oaiq-lint/oaiq-lint/rules"
)

// Options configure a server.
type Options struct {
	// ConfigPath is an explicit configuration file; "" finds
	// .oaiq-lint.yaml from each document's folder up, as check does from
	// the working folder. It is read again for every lint, so an edit to
	// it applies at the next keystroke.
	ConfigPath string
	// BaselinePath is a baseline to filter with ("" : none), read again
	// for every lint too.
	BaselinePath string
	// Debounce is how long didChange waits for typing to pause before
	// linting (default 250ms); open and save lint at once.
	Debounce time.Duration
	// Version is reported to the client.
	Version string
}

// Server is one language server session.
type Server struct {
	opts Options
	c    *conn

	mu     sync.Mutex
	docs   map[string]*document // by URI
	closed bool
}

// document is an open buffer and what its last lint found.
type document struct {
	uri, path string
	text      string
	version   int
	// gen counts edits; a lint publishes only if no edit came after it
	// started.
	gen   int
	timer *time.Timer
	// linted is the text the findings were made on (with its version).
	linted        string
	lintedVersion int
	findings      []model.Finding
}

// New returns a server.
func New(opts Options) *Server {
	if opts.Debounce <= 0 {
		opts.Debounce = 250 * time.Millisecond
	}
	return &Server{opts: opts, docs: map[string]*document{}}
}

// Serve reads requests from in and writes to out until exit, the end of
// in, or ctx is done.
func (s *Server) Serve(ctx context.Context, in io.Reader, out io.Writer) error {
	s.c = &conn{w: out}
	r := bufio.NewReaderSize(in, 64<<10)
	bodies := make(chan []byte)
	errs := make(chan error, 1)
	go func() {
		for {
			b, err := readMessage(r)
			if err != nil {
				errs <- err
				return
			}
			bodies <- b
		}
	}()
	defer s.stopTimers()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-errs:
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		case b := <-bodies:
			if done := s.handle(b); done {
				return nil
			}
		}
	}
}

func (s *Server) stopTimers() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for _, d := range s.docs {
		if d.timer != nil {
			d.timer.Stop()
		}
	}
}

// handle answers one message; a panic in a handler becomes an error reply,
// never the end of the server. It reports whether the session ended.
func (s *Server) handle(b []byte) (done bool) {
	var m message
	if err := json.Unmarshal(b, &m); err != nil {
		s.c.reply(nil, nil, &rpcError{Code: codeParseError, Message: err.Error()})
		return false
	}
	defer func() {
		if r := recover(); r != nil {
			if m.ID != nil {
				s.c.reply(m.ID, nil, &rpcError{Code: codeInternal, Message: fmt.Sprintf("internal error (please report it): %v", r)})
			}
		}
	}()
	result, rerr := s.dispatch(m)
	if m.Method == "exit" {
		return true
	}
	if m.ID != nil && m.Method != "" {
		s.c.reply(m.ID, result, rerr)
	}
	return false
}

func (s *Server) dispatch(m message) (any, *rpcError) {
	switch m.Method {
	case "initialize":
		return s.initialize(), nil
	case "initialized", "$/cancelRequest", "$/setTrace", "exit":
		return nil, nil
	case "shutdown":
		s.stopTimers()
		return nil, nil
	case "textDocument/didOpen":
		var p struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Text    string `json:"text"`
				Version int    `json:"version"`
			} `json:"textDocument"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, badParams(err)
		}
		d := s.open(p.TextDocument.URI, p.TextDocument.Text, p.TextDocument.Version)
		s.lintNow(d)
	case "textDocument/didChange":
		var p struct {
			TextDocument struct {
				URI     string `json:"uri"`
				Version int    `json:"version"`
			} `json:"textDocument"`
			ContentChanges []struct {
				Range *lspRange `json:"range"`
				Text  string    `json:"text"`
			} `json:"contentChanges"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, badParams(err)
		}
		s.mu.Lock()
		d := s.docs[p.TextDocument.URI]
		if d != nil {
			for _, ch := range p.ContentChanges {
				if ch.Range == nil {
					d.text = ch.Text
				} else {
					d.text = applyChange(d.text, *ch.Range, ch.Text)
				}
			}
			d.version = p.TextDocument.Version
			d.gen++
		}
		s.mu.Unlock()
		if d != nil {
			s.lintLater(d)
		}
	case "textDocument/didSave":
		var p struct {
			TextDocument struct {
				URI string `json:"uri"`
			} `json:"textDocument"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, badParams(err)
		}
		if isConfig(p.TextDocument.URI) {
			s.relintAll()
		} else if d := s.doc(p.TextDocument.URI); d != nil {
			s.lintNow(d)
		}
	case "textDocument/didClose":
		var p struct {
			TextDocument struct {
				URI string `json:"uri"`
			} `json:"textDocument"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, badParams(err)
		}
		s.mu.Lock()
		if d := s.docs[p.TextDocument.URI]; d != nil && d.timer != nil {
			d.timer.Stop()
		}
		delete(s.docs, p.TextDocument.URI)
		s.mu.Unlock()
		s.c.notify("textDocument/publishDiagnostics", publishParams{URI: p.TextDocument.URI, Diagnostics: []diagnostic{}})
	case "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles":
		// The configuration and the baseline are read at every lint:
		// lint the open documents again under them.
		s.relintAll()
	case "textDocument/codeAction":
		var p codeActionParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, badParams(err)
		}
		return s.codeActions(p), nil
	case "textDocument/hover":
		var p positionParams
		if err := json.Unmarshal(m.Params, &p); err != nil {
			return nil, badParams(err)
		}
		return s.hover(p), nil
	default:
		if m.ID != nil && !strings.HasPrefix(m.Method, "$/") {
			return nil, &rpcError{Code: codeMethodNotFound, Message: "method not supported: " + m.Method}
		}
	}
	return nil, nil
}

func badParams(err error) *rpcError {
	return &rpcError{Code: codeInvalidRequest, Message: "invalid params: " + err.Error()}
}

// fixAllKind is the code action kind of "apply every safe fix".
const fixAllKind = "source.fixAll.oaiq-lint"

func (s *Server) initialize() any {
	return map[string]any{
		"capabilities": map[string]any{
			"positionEncoding": "utf-16",
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{"quickfix", "source.fixAll", fixAllKind},
			},
			"hoverProvider": true,
		},
		"serverInfo": map[string]any{"name": "oaiq-lint", "version": s.opts.Version},
	}
}

func isConfig(uri string) bool {
	base := filepath.Base(uriPath(uri))
	return base == config.FileName || strings.HasPrefix(base, ".oaiq-lint.")
}

func (s *Server) doc(uri string) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[uri]
}

func (s *Server) open(uri, text string, version int) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &document{uri: uri, path: uriPath(uri), text: text, version: version}
	if old := s.docs[uri]; old != nil {
		if old.timer != nil {
			old.timer.Stop()
		}
		d.gen = old.gen + 1
	}
	s.docs[uri] = d
	return d
}

func (s *Server) relintAll() {
	s.mu.Lock()
	var ds []*document
	for _, d := range s.docs {
		ds = append(ds, d)
	}
	s.mu.Unlock()
	sort.Slice(ds, func(i, j int) bool { return ds[i].uri < ds[j].uri })
	for _, d := range ds {
		s.lintNow(d)
	}
}

// lintLater lints d once typing pauses for the debounce interval.
func (s *Server) lintLater(d *document) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(s.opts.Debounce, func() { s.lintNow(d) })
}

// lintNow lints the buffer as it is and publishes its diagnostics, unless
// it was edited meanwhile (the lint after that edit publishes).
func (s *Server) lintNow(d *document) {
	s.mu.Lock()
	text, version, gen, path := d.text, d.version, d.gen, d.path
	s.mu.Unlock()
	findings, problem := s.lint(path, text)
	s.mu.Lock()
	if d.gen != gen || s.docs[d.uri] != d {
		s.mu.Unlock()
		return
	}
	d.linted, d.lintedVersion, d.findings = text, version, findings
	s.mu.Unlock()
	diags := []diagnostic{}
	if problem != "" {
		diags = append(diags, diagnostic{Severity: 1, Source: "oaiq-lint", Message: report.Printable(problem)})
	}
	src := source.New(path, []byte(text))
	for _, f := range findings {
		diags = append(diags, toDiagnostic(f, src))
	}
	s.c.notify("textDocument/publishDiagnostics", publishParams{URI: d.uri, Version: version, Diagnostics: diags})
}

// lint runs the text through the engine under the configuration and
// baseline that apply to path. A configuration that does not load is
// reported (as one diagnostic) and the text linted with the defaults.
func (s *Server) lint(path, text string) (fs []model.Finding, problem string) {
	defer func() {
		if r := recover(); r != nil {
			fs, problem = nil, fmt.Sprintf("oaiq-lint could not lint this file (please report it): %v", r)
		}
	}()
	cfg := &config.Config{}
	cfgPath := s.opts.ConfigPath
	if cfgPath == "" && path != "" {
		cfgPath = config.Find(filepath.Dir(path))
	}
	if cfgPath != "" {
		c, err := config.Load(cfgPath, func(id string) bool { return rules.Lookup(id) != nil })
		if err != nil {
			problem = fmt.Sprintf("configuration: %v (linting with the defaults)", err)
		} else {
			cfg = c
		}
	}
	opts := lint.Options{Config: cfg, Workers: 1}
	if s.opts.BaselinePath != "" {
		if b, err := baseline.Load(s.opts.BaselinePath); err == nil {
			opts.Baseline = b
		} else {
			problem = strings.TrimSpace(problem + "\nbaseline: " + err.Error())
		}
	}
	var inputs func(func(lint.Input) bool)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".ndjson", ".har":
		inputs = lint.Records(path, path, []byte(text))
	case ".json":
		// A JSON file is linted only when it holds an event log or
		// Conversions API requests, as check reads a named one.
		if doc, _ := eventlog.Parse(path, []byte(text)); doc.Input == "" {
			return nil, problem
		}
		inputs = lint.Records(path, path, []byte(text))
	default:
		inputs = func(yield func(lint.Input) bool) { yield(lint.Bytes(path, []byte(text), lint.SourceOptions{})) }
	}
	_, err := lint.New(opts).Run(context.Background(), inputs, func(r *lint.Result) error {
		if r.Err != nil {
			problem = strings.TrimSpace(problem + "\n" + r.Err.Error())
			return nil
		}
		for _, f := range r.Report.Findings {
			if f.Span.File == path || f.Span.File == "" {
				fs = append(fs, f)
			}
		}
		return nil
	})
	if err != nil {
		problem = strings.TrimSpace(problem + "\n" + err.Error())
	}
	return fs, problem
}

// --- protocol types and conversions ---

type lspPosition struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start lspPosition `json:"start"`
	End   lspPosition `json:"end"`
}

type diagnostic struct {
	Range           lspRange         `json:"range"`
	Severity        int              `json:"severity"`
	Code            string           `json:"code,omitempty"`
	CodeDescription *codeDescription `json:"codeDescription,omitempty"`
	Source          string           `json:"source"`
	Message         string           `json:"message"`
}

type codeDescription struct {
	Href string `json:"href"`
}

type publishParams struct {
	URI         string       `json:"uri"`
	Version     int          `json:"version,omitempty"`
	Diagnostics []diagnostic `json:"diagnostics"`
}

type textDocumentID struct {
	URI string `json:"uri"`
}

type positionParams struct {
	TextDocument textDocumentID `json:"textDocument"`
	Position     lspPosition    `json:"position"`
}

type codeActionParams struct {
	TextDocument textDocumentID `json:"textDocument"`
	Range        lspRange       `json:"range"`
	Context      struct {
		Only []string `json:"only"`
	} `json:"context"`
}

type textEdit struct {
	Range   lspRange `json:"range"`
	NewText string   `json:"newText"`
}

type codeAction struct {
	Title       string        `json:"title"`
	Kind        string        `json:"kind"`
	Diagnostics []diagnostic  `json:"diagnostics,omitempty"`
	IsPreferred bool          `json:"isPreferred,omitempty"`
	Edit        workspaceEdit `json:"edit"`
}

type workspaceEdit struct {
	Changes map[string][]textEdit `json:"changes"`
}

func severityOf(s model.Severity) int {
	switch s {
	case model.Error:
		return 1
	case model.Warning:
		return 2
	}
	return 3
}

func toDiagnostic(f model.Finding, src *source.File) diagnostic {
	f = report.Redacted(f)
	msg := report.Printable(f.Message)
	if f.Hint != "" {
		msg += "\nHint: " + report.Printable(f.Hint)
	}
	if f.Fix != nil {
		msg += "\nFix: " + f.Fix.Description
		if f.Fix.Applicability == model.Unsafe {
			msg += " (unsafe: review it)"
		}
	}
	return diagnostic{Range: toRange(f.Span, src), Severity: severityOf(f.Severity), Code: f.Rule,
		CodeDescription: &codeDescription{Href: report.RuleHelpURL(f.Rule)}, Source: "oaiq-lint", Message: msg}
}

// toRange converts a span (1-based lines, characters) to an LSP range
// (0-based lines, UTF-16 code units).
func toRange(sp model.Span, src *source.File) lspRange {
	if sp.Start.IsZero() {
		return lspRange{}
	}
	end := sp.End
	if end.IsZero() {
		end = sp.Start
	}
	return lspRange{Start: toPosition(sp.Start, src), End: toPosition(end, src)}
}

func toPosition(p model.Pos, src *source.File) lspPosition {
	line := src.Line(p.Line)
	units, col := 0, 1
	for _, r := range line {
		if col >= p.Col {
			break
		}
		units += utf16Len(r)
		col++
	}
	units += p.Col - col // past the end of the line (a span ending there)
	return lspPosition{Line: p.Line - 1, Character: units}
}

func utf16Len(r rune) int {
	if r == utf8.RuneError {
		return 1
	}
	if n := len(utf16.Encode([]rune{r})); n > 0 {
		return n
	}
	return 1
}

// fromPosition converts an LSP position to a 1-based position in
// characters.
func fromPosition(p lspPosition, src *source.File) model.Pos {
	line := src.Line(p.Line + 1)
	units, col := 0, 1
	for _, r := range line {
		if units >= p.Character {
			break
		}
		units += utf16Len(r)
		col++
	}
	return model.Pos{Line: p.Line + 1, Col: col}
}

// applyChange applies an incremental change to text.
func applyChange(text string, r lspRange, newText string) string {
	src := source.New("", []byte(text))
	start := src.Offset(fromPosition(r.Start, src))
	end := src.Offset(fromPosition(r.End, src))
	if start < 0 {
		start = len(text)
	}
	if end < start {
		end = start
		if end2 := lineEndOffset(text, src, r.End.Line); end2 >= start {
			end = end2
		}
	}
	return text[:start] + newText + text[end:]
}

func lineEndOffset(text string, src *source.File, line int) int {
	if line+1 >= src.LineCount() {
		return len(text)
	}
	return src.Offset(model.Pos{Line: line + 2, Col: 1})
}

// --- code actions and hover ---

func within(p, start, end model.Pos) bool {
	return !p.Before(start) && !end.Before(p)
}

func (s *Server) snapshot(uri string) (path, text string, findings []model.Finding, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil || d.linted != d.text {
		return "", "", nil, false // edited since the last lint: its spans are stale
	}
	return d.path, d.text, d.findings, true
}

func (s *Server) codeActions(p codeActionParams) []codeAction {
	path, text, findings, ok := s.snapshot(p.TextDocument.URI)
	out := []codeAction{}
	if !ok {
		return out
	}
	src := source.New(path, []byte(text))
	from, to := fromPosition(p.Range.Start, src), fromPosition(p.Range.End, src)
	want := func(kind string) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, k := range p.Context.Only {
			if kind == k || strings.HasPrefix(kind, k+".") {
				return true
			}
		}
		return false
	}
	safe := 0
	for _, f := range findings {
		f = report.Redacted(f) // a fix that would show personal data is not offered
		if f.Fix == nil {
			continue
		}
		if f.Fix.Applicability == model.Safe {
			safe++
		}
		if !want("quickfix") || to.Before(f.Span.Start) || f.Span.End.Before(from) {
			continue
		}
		var edits []textEdit
		for _, e := range f.Fix.Edits {
			if _, _, ok := lint.EditRange(src, e); !ok || e.Span.File != path {
				edits = nil
				break
			}
			edits = append(edits, textEdit{Range: toRange(e.Span, src), NewText: e.New})
		}
		if edits == nil {
			continue
		}
		title := f.Fix.Description
		if f.Fix.Applicability == model.Unsafe {
			title += " (unsafe)"
		}
		out = append(out, codeAction{Title: title, Kind: "quickfix", Diagnostics: []diagnostic{toDiagnostic(f, src)},
			IsPreferred: f.Fix.Applicability == model.Safe, Edit: workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: edits}}})
	}
	if safe > 0 && (want(fixAllKind) || want("quickfix")) {
		if edits, n := s.fixAllEdits(path, text, findings, src); len(edits) > 0 {
			kind := fixAllKind
			if !want(fixAllKind) {
				kind = "quickfix"
			}
			out = append(out, codeAction{Title: fmt.Sprintf("Fix all safe oaiq-lint problems (%d)", n), Kind: kind,
				Edit: workspaceEdit{Changes: map[string][]textEdit{p.TextDocument.URI: edits}}})
		}
	}
	return out
}

// fixAllEdits applies the safe fixes as check --fix does (fixer.Rounds:
// the buffer linted again after each round, until nothing changes) and
// returns the result as one edit per run of changed lines of the buffer,
// so nothing of it but the changed lines goes back to the editor. n is
// how many findings were fixed.
func (s *Server) fixAllEdits(path, text string, findings []model.Finding, src *source.File) (edits []textEdit, n int) {
	redacted := func(fs []model.Finding) []model.Finding {
		out := make([]model.Finding, 0, len(fs))
		for _, f := range fs {
			out = append(out, report.Redacted(f)) // a fix that would show personal data is not applied
		}
		return out
	}
	lintRound := func(_ context.Context, changed []*fixer.File) ([]model.Finding, error) {
		if changed == nil {
			return redacted(findings), nil // the buffer as last linted
		}
		fs, _ := s.lint(path, string(changed[0].Text))
		return redacted(fs), nil
	}
	open := func(name string) (*fixer.File, error) {
		if name != path {
			return nil, nil // only this buffer is edited
		}
		return &fixer.File{Name: path, Orig: []byte(text), Text: []byte(text), Writable: true}, nil
	}
	files, n, err := fixer.Rounds(context.Background(), lintRound, open, false)
	if err != nil || files[path] == nil {
		return nil, 0
	}
	for _, c := range fixer.Changes([]byte(text), files[path].Text) {
		edits = append(edits, textEdit{Range: toRange(src.Span(c.Start, c.End), src), NewText: c.New})
	}
	return edits, n
}

func (s *Server) hover(p positionParams) any {
	path, text, findings, ok := s.snapshot(p.TextDocument.URI)
	if !ok {
		return nil
	}
	src := source.New(path, []byte(text))
	at := fromPosition(p.Position, src)
	var parts []string
	seen := map[string]bool{}
	for _, f := range findings {
		end := f.Span.End
		if end.IsZero() {
			end = f.Span.Start
		}
		if f.Span.Start.IsZero() || !within(at, f.Span.Start, end) || seen[f.Rule] {
			continue
		}
		seen[f.Rule] = true
		r := rules.Lookup(f.Rule)
		if r == nil {
			continue
		}
		parts = append(parts, fmt.Sprintf("**%s** (%s): %s\n\n%s\n\n[Rule documentation](%s)", r.ID, r.Severity, r.Title, r.Doc, report.RuleHelpURL(r.ID)))
	}
	if len(parts) == 0 {
		return nil
	}
	return map[string]any{"contents": map[string]string{"kind": "markdown", "value": strings.Join(parts, "\n\n---\n\n")}}
}

// uriPath turns a file: URI into a path; other URIs (untitled buffers)
// keep their text as the name, with no configuration found for them.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	return filepath.FromSlash(p)
}

// Stdio serves over the process's standard input and output.
func Stdio(ctx context.Context, opts Options) error {
	return New(opts).Serve(ctx, os.Stdin, os.Stdout)
}
