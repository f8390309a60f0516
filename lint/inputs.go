package lint

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/boundedio"
	"github.com/oaiq-lint/oaiq-lint/internal/bytesize"
	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/internal/report"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// SourceOptions say how files and URLs are read.
type SourceOptions struct {
	// Root is the site root for root-relative script paths such as
	// /js/pixel.js ("" : the folder being checked).
	Root string
	// MaxFileSize skips larger files (reported as info) and refuses larger
	// standard input and responses (default fetch.DefaultMaxBytes).
	MaxFileSize int64
	// UserAgent is sent when fetching URLs.
	UserAgent string
	// GTMExports are Google Tag Manager container exports to judge the
	// pages that load their containers with; Targets lints them too.
	GTMExports []string
	// Containers are container verdicts known before the run (see
	// lint/gtm.go); Targets adds those of the exports it finds.
	Containers Containers
	// StdinName is the path standard input stands for ("" : "<stdin>"):
	// its name in findings and for the configuration, its kind by extension,
	// its folder for relative script paths.
	StdinName string
}

func (o SourceOptions) maxSize() int64 {
	if o.MaxFileSize <= 0 {
		return fetch.DefaultMaxBytes
	}
	return o.MaxFileSize
}

// Bytes is an input read from memory: a page, template, script or
// component, its kind told by its name's extension or its content, or a
// tag-manager container export or template file, told by its content.
func Bytes(name string, data []byte, o SourceOptions) Input {
	return Input{Name: name, Load: func(context.Context) (*Loaded, error) {
		return o.readInput(name, data, extract.Options{Resolver: o.dirResolver(".", "")}), nil
	}}
}

// Document is an input already extracted (a crawled page).
func Document(name string, doc *model.Document, files []*source.File) Input {
	return Input{Name: name, Load: func(context.Context) (*Loaded, error) { return &Loaded{Doc: doc, Files: files}, nil }}
}

// Targets turns command-line arguments (files, folders, globs, URLs, "-")
// into inputs, one at a time as the folders are walked. Arguments that name
// nothing become inputs that fail to load, so they are reported (and exit
// 3) while everything else is still linted. The GTMExports are linted
// too, and the container exports among the arguments' files are read
// first, so pages are judged with their containers (lint/gtm.go).
func Targets(args []string, stdin io.Reader, o SourceOptions) iter.Seq[Input] {
	client := o.client()
	args = o.withGTMExports(args)
	return func(yield func(Input) bool) {
		o.Containers = o.readContainers(args)
		for t, err := range discover.Stream(args, gtmDiscovery) {
			in := o.target(client, t, err, stdin)
			in.Explicit = err == nil && (t.Kind == discover.File && t.Named || t.Kind == discover.Stdin && o.StdinName != "")
			if !yield(in) {
				return
			}
		}
	}
}

func (o SourceOptions) target(client *fetch.Client, t discover.Target, err error, stdin io.Reader) Input {
	switch {
	case err != nil:
		e := err.(*discover.Error)
		return Input{Name: e.Arg, Load: func(context.Context) (*Loaded, error) { return nil, e.Err }}
	case t.Kind == discover.Stdin:
		name, dir := "<stdin>", "."
		if o.StdinName != "" {
			name, dir = filepath.ToSlash(o.StdinName), filepath.Dir(o.StdinName)
		}
		return Input{Name: name, Load: func(ctx context.Context) (*Loaded, error) {
			data, err := io.ReadAll(io.LimitReader(boundedio.Cancelable(ctx, stdin), o.maxSize()+1))
			if err != nil {
				return nil, err
			}
			if int64(len(data)) > o.maxSize() {
				return nil, fmt.Errorf("standard input is larger than --max-file-size (%s); raise --max-file-size", bytesize.Format(o.maxSize()))
			}
			if len(bytes.TrimSpace(data)) == 0 {
				return nil, &discover.NoFilesError{Arg: "standard input", Why: "it is empty (pipe a page or script into -)"}
			}
			return o.readInput(name, data, extract.Options{Resolver: o.dirResolver(dir, "")}), nil
		}}
	case t.Kind == discover.URL:
		return urlInput(t.Path, client, o.Containers)
	}
	return Input{Name: t.Path, Load: func(context.Context) (*Loaded, error) { return o.loadFile(t) }}
}

func (o SourceOptions) dirResolver(pageDir, root string) extract.Resolver {
	if o.Root != "" {
		root = o.Root
	}
	return extract.DirResolver{PageDir: pageDir, Root: root, MaxSize: o.maxSize()}
}

func (o SourceOptions) loadFile(t discover.Target) (*Loaded, error) {
	// Only a regular file is read, and never past the limit: a device or
	// FIFO says its size is 0 and then never ends.
	f, err := boundedio.Open(t.Path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	name := filepath.ToSlash(t.Path)
	oversize := func(size int64) *Loaded {
		doc := &model.Document{Path: name, Kind: model.Script}
		doc.Oversize = &model.Oversize{Size: size, Limit: o.maxSize()}
		return &Loaded{Doc: doc}
	}
	if info.Size() > o.maxSize() {
		return oversize(info.Size()), nil
	}
	data, err := boundedio.ReadAll(name, f, o.maxSize())
	var tooLarge *boundedio.TooLargeError
	if errors.As(err, &tooLarge) {
		return oversize(o.maxSize() + 1), nil // it grew while being read
	}
	if err != nil {
		return nil, err
	}
	if !t.Explicit && report.IsOwnReport(data) {
		return &Loaded{Skip: "an html report oaiq-lint wrote"}, nil
	}
	// A container export is told by its markers before the file is tried
	// as a log (an export's tags hold pixel calls a log reader would not
	// read); JSON Lines are never an export.
	ext := strings.ToLower(filepath.Ext(t.Path))
	if t.Explicit && (ext == ".json" || ext == ".jsonl") && (ext == ".jsonl" || !isGTM(name, data)) {
		// A JSON file named on the command line that holds an event log or
		// Conversions API requests is read as log reads it.
		if doc, f := eventlog.Parse(name, data); doc.Input != "" {
			return &Loaded{Doc: doc, Files: []*source.File{f}}, nil
		}
	}
	return o.readInput(name, data, extract.Options{Resolver: o.dirResolver(filepath.Dir(t.Path), t.Root)}), nil
}

// client fetches URLs with the options' user agent and size cap.
func (o SourceOptions) client() *fetch.Client {
	c := fetch.New(o.UserAgent)
	c.MaxBytes = o.maxSize()
	return c
}

// URL is one page fetched (no crawling), with its same-origin scripts.
func URL(raw string, o SourceOptions) Input { return urlInput(raw, o.client(), o.Containers) }

func urlInput(raw string, client *fetch.Client, containers Containers) Input {
	return Input{Name: raw, Load: func(ctx context.Context) (*Loaded, error) {
		resp, err := client.Get(ctx, raw)
		if err != nil {
			return nil, err
		}
		if resp.Status < 200 || resp.Status > 299 {
			return nil, fmt.Errorf("HTTP %d", resp.Status)
		}
		return SourceOptions{Containers: containers}.readInput(raw, resp.Body, crawl.ExtractOptions(resp, &fetch.SameOriginResolver{Ctx: ctx, Client: client, Base: resp.URL})), nil
	}}
}

// wholeLimit is the largest log read whole (a variable for tests, which
// read small logs in small pieces).
var wholeLimit = eventlog.WholeLimit

// DefaultMaxLogSize is the most of an event log held at once unless a
// run says otherwise (log --max-log-size): a log read whole, or one piece
// of a log read in pieces, whose total size is not bounded.
const DefaultMaxLogSize = 256 << 20

// Logs reads each event log when the run reaches it and yields one input
// per document in it: a log that extract wrote holds the calls of many
// pages and scripts, each checked as check checked it. "-" is stdin.
func Logs(paths []string, stdin io.Reader) iter.Seq[Input] {
	return LogsWithin(paths, stdin, DefaultMaxLogSize)
}

// LogsWithin is Logs holding at most maxSize bytes of a log at once: a log
// read whole that is larger (one of another shape than JSON Lines or a JSON
// array of records, /dev/urandom on standard input), or a record longer,
// ends with an error at that size instead of filling memory; a log read in
// pieces (a 2 GB JSON Lines file) is read whatever its size.
func LogsWithin(paths []string, stdin io.Reader, maxSize int64) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, path := range paths {
			fail := func(err error) bool {
				return yield(Input{Name: path, Load: func(context.Context) (*Loaded, error) { return nil, err }})
			}
			r, name, closeLog, err := openLog(path, stdin)
			if err != nil {
				if !fail(err) {
					return
				}
				continue
			}
			// A large log comes in pieces as the run takes them, so memory
			// stays flat; the next pieces are read and parsed meanwhile, on
			// another core, at most readAhead of them. maxSize bounds what is
			// held at once, not the log.
			stopped := false
			for p := range readAhead(name, r, maxSize, &err) {
				for _, doc := range p.Docs {
					load := func(context.Context) (*Loaded, error) { return &Loaded{Doc: doc, Files: []*source.File{p.File}}, nil }
					if !yield(Input{Name: path, Load: load, Continues: p.Continues, Pieced: p.Pieced}) {
						stopped = true
						break
					}
				}
				if stopped {
					break
				}
			}
			closeLog()
			if stopped {
				return
			}
			if err != nil && !fail(err) {
				return
			}
		}
	}
}

// StreamRecord is one record of a stream (log --stream): its line number
// and its bytes as read, without the line end. It is the Origin of the
// record's result.
type StreamRecord struct {
	Line int
	Text []byte
}

// Stream yields one input per record of the JSON Lines read from r, as
// each arrives, named name; blank lines are skipped. The records are one
// log: the rules that compare records see them all (Input.Pieced). A
// record longer than maxSize bytes ends the stream with an error. The
// reading error, if any, is in *err once the stream ends.
func Stream(name string, r io.Reader, maxSize int64, err *error) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		for line, first := 1, true; ; line++ {
			text, rerr := readLine(name, br, maxSize)
			if rerr != nil && !errors.Is(rerr, io.EOF) {
				*err = rerr
				return
			}
			text = bytes.TrimSuffix(bytes.TrimSuffix(text, []byte("\n")), []byte("\r"))
			if line == 1 {
				text = bytes.TrimPrefix(text, []byte("\xef\xbb\xbf")) // a byte-order mark, as log reads a file
			}
			if len(bytes.TrimSpace(text)) > 0 {
				in := recordInput(name, StreamRecord{Line: line, Text: text}, first)
				in.Name, in.Continues, in.Pieced = "-", !first, true
				if !yield(in) {
					return
				}
				first = false
			}
			if rerr != nil {
				return
			}
		}
	}
}

// Record is the input that checks one event-log record on its own, as a
// queue consumer receives it (log --nats): rec.Text is one JSON Lines
// record (without its line end), findings are at line rec.Line of the
// file name, and name is the input's name (for ignores and per-path
// settings). The rules that compare records (rules.Streamed) are off, so
// the record's verdict is its own: it does not depend on the records that
// came before it, on which consumer of a queue got it, or on whether it is
// a redelivery. (Stream's records are instead one log.) Its result's
// Origin is rec.
//
// A record with nothing in it (an empty message) is a log-parse-error: a
// stream skips blank lines, but a message is meant to hold one record.
func Record(name string, rec StreamRecord) Input {
	in := recordInput(name, rec, true)
	in.Alone = true
	if len(bytes.TrimSpace(rec.Text)) == 0 {
		load := in.Load
		in.Load = func(ctx context.Context) (*Loaded, error) {
			ld, err := load(ctx)
			if err == nil {
				at := model.Pos{Line: rec.Line, Col: 1}
				ld.Doc.RecordFailures = append(ld.Doc.RecordFailures, model.RecordFailure{Span: model.Span{File: name, Start: at, End: at},
					Problem: "empty record: the message holds no JSON value",
					Fix:     "publish one record per message: a call array, a browser record or a server event"})
			}
			return ld, err
		}
	}
	return in
}

// recordInput reads one record as Stream and Record do; first: it begins
// its log.
func recordInput(name string, rec StreamRecord, first bool) Input {
	load := func(context.Context) (*Loaded, error) {
		p := eventlog.Line(name, rec.Text, rec.Line, first)
		return &Loaded{Doc: p.Docs[0], Files: []*source.File{p.File}}, nil
	}
	return Input{Name: name, Load: load, Origin: rec}
}

// readLine reads up to and including the next '\n' (or to the end), at
// most maxSize bytes: a longer line is a *boundedio.TooLargeError.
func readLine(name string, br *bufio.Reader, maxSize int64) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if int64(len(bytes.TrimSuffix(line, []byte("\n")))) > maxSize {
			return nil, &boundedio.TooLargeError{Name: name, Limit: maxSize, Hint: "raise --max-log-size to read it"}
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, err
		}
	}
}

// readAhead reads the log's pieces on their own goroutine, at most two
// ahead of the loop ranging over them; the reading error, if any, is in
// *err once the loop ends.
func readAhead(name string, r io.Reader, maxSize int64, err *error) iter.Seq[eventlog.Piece] {
	return func(yield func(eventlog.Piece) bool) {
		pieces := make(chan eventlog.Piece, 2)
		stop := make(chan struct{})
		done := make(chan error, 1)
		go func() {
			defer close(pieces)
			done <- eventlog.ReadPiecesWithin(name, r, wholeLimit, maxSize, "raise --max-log-size to read it", func(p eventlog.Piece) bool {
				select {
				case pieces <- p:
					return true
				case <-stop:
					return false
				}
			})
		}()
		for p := range pieces {
			if !yield(p) {
				close(stop)
				for range pieces { // let the reader see stop and end
				}
				break
			}
		}
		*err = <-done
	}
}

// Records yields one input per document of an event log held in memory;
// inputName names the inputs (for ignores and per-path settings), name the
// log in findings.
func Records(inputName, name string, data []byte) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		docs, f := eventlog.ParseAll(name, data)
		for _, doc := range docs {
			if !yield(Input{Name: inputName, Load: func(context.Context) (*Loaded, error) {
				return &Loaded{Doc: doc, Files: []*source.File{f}}, nil
			}}) {
				return
			}
		}
	}
}

// openLog opens a log file, or standard input for "-".
func openLog(path string, stdin io.Reader) (io.Reader, string, func(), error) {
	if path == "-" {
		return stdin, "<stdin>", func() {}, nil
	}
	f, err := boundedio.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, func() { f.Close() }, nil
}
