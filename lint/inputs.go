package lint

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strings"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/eventlog"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
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
			if !yield(o.target(client, t, err, stdin)) {
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
		return Input{Name: "<stdin>", Load: func(context.Context) (*Loaded, error) {
			data, err := io.ReadAll(io.LimitReader(stdin, o.maxSize()+1))
			if err != nil {
				return nil, err
			}
			if int64(len(data)) > o.maxSize() {
				return nil, fmt.Errorf("standard input is larger than --max-file-size (%d bytes)", o.maxSize())
			}
			return o.readInput("<stdin>", data, extract.Options{Resolver: o.dirResolver(".", "")}), nil
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
	info, err := os.Stat(t.Path)
	if err != nil {
		return nil, err
	}
	name := filepath.ToSlash(t.Path)
	if info.Size() > o.maxSize() {
		doc := &model.Document{Path: name, Kind: model.Script}
		doc.Oversize = &model.Oversize{Size: info.Size(), Limit: o.maxSize()}
		return &Loaded{Doc: doc}, nil
	}
	data, err := os.ReadFile(t.Path)
	if err != nil {
		return nil, err
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

// Logs reads each event log when the run reaches it and yields one input
// per document in it: a log that extract wrote holds the calls of many
// pages and scripts, each checked as check checked it. "-" is stdin.
func Logs(paths []string, stdin io.Reader) iter.Seq[Input] {
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
			// A large log of Conversions API requests comes in pieces as
			// the run takes them, so memory stays flat.
			stopped := false
			err = eventlog.ReadPieces(name, r, eventlog.WholeLimit, func(p eventlog.Piece) bool {
				for _, doc := range p.Docs {
					load := func(context.Context) (*Loaded, error) { return &Loaded{Doc: doc, Files: []*source.File{p.File}}, nil }
					if !yield(Input{Name: path, Load: load, Continues: p.Continues}) {
						stopped = true
						return false
					}
				}
				return true
			})
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
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	return f, path, func() { f.Close() }, nil
}
