package lint

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"

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
// component, its kind told by its name's extension or its content.
func Bytes(name string, data []byte, o SourceOptions) Input {
	return Input{Name: name, Load: func(context.Context) (*Loaded, error) {
		doc, files := extract.File(name, data, extract.Options{Resolver: o.dirResolver(".", "")})
		return &Loaded{Doc: doc, Files: files}, nil
	}}
}

// Document is an input already extracted (a crawled page).
func Document(name string, doc *model.Document, files []*source.File) Input {
	return Input{Name: name, Load: func(context.Context) (*Loaded, error) { return &Loaded{Doc: doc, Files: files}, nil }}
}

// Targets turns command-line arguments (files, folders, globs, URLs, "-")
// into inputs, one at a time as the folders are walked. Arguments that name
// nothing become inputs that fail to load, so they are reported (and exit
// 3) while everything else is still linted.
func Targets(args []string, stdin io.Reader, o SourceOptions) iter.Seq[Input] {
	client := o.client()
	return func(yield func(Input) bool) {
		for t, err := range discover.Stream(args, discover.Options{}) {
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
		return Input{Name: name, Load: func(context.Context) (*Loaded, error) {
			data, err := io.ReadAll(io.LimitReader(stdin, o.maxSize()+1))
			if err != nil {
				return nil, err
			}
			if int64(len(data)) > o.maxSize() {
				return nil, fmt.Errorf("standard input is larger than --max-file-size (%s); raise --max-file-size", byteSize(o.maxSize()))
			}
			if len(bytes.TrimSpace(data)) == 0 {
				return nil, &discover.NoFilesError{Arg: "standard input", Why: "it is empty (pipe a page or script into -)"}
			}
			doc, files := extract.File(name, data, extract.Options{Resolver: o.dirResolver(dir, "")})
			return &Loaded{Doc: doc, Files: files}, nil
		}}
	case t.Kind == discover.URL:
		return urlInput(t.Path, client)
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
		doc := &model.Document{Path: name, Kind: model.Script, Findings: []model.Finding{{
			Rule: "file-too-large", Severity: model.Info, Span: model.Span{File: name},
			Message: fmt.Sprintf("skipped: %s is over --max-file-size (%s)", byteSize(info.Size()), byteSize(o.maxSize())),
			Hint:    "raise --max-file-size to lint it",
		}}}
		return &Loaded{Doc: doc}, nil
	}
	data, err := os.ReadFile(t.Path)
	if err != nil {
		return nil, err
	}
	if !t.Explicit && report.IsOwnReport(data) {
		return &Loaded{Skip: "an html report oaiq-lint wrote"}, nil
	}
	doc, files := extract.File(name, data, extract.Options{Resolver: o.dirResolver(filepath.Dir(t.Path), t.Root)})
	return &Loaded{Doc: doc, Files: files}, nil
}

// client fetches URLs with the options' user agent and size cap.
func (o SourceOptions) client() *fetch.Client {
	c := fetch.New(o.UserAgent)
	c.MaxBytes = o.maxSize()
	return c
}

// URL is one page fetched (no crawling), with its same-origin scripts.
func URL(raw string, o SourceOptions) Input { return urlInput(raw, o.client()) }

func urlInput(raw string, client *fetch.Client) Input {
	return Input{Name: raw, Load: func(ctx context.Context) (*Loaded, error) {
		resp, err := client.Get(ctx, raw)
		if err != nil {
			return nil, err
		}
		if resp.Status < 200 || resp.Status > 299 {
			return nil, fmt.Errorf("HTTP %d", resp.Status)
		}
		doc, files := extract.File(raw, resp.Body, crawl.ExtractOptions(resp, &fetch.SameOriginResolver{Ctx: ctx, Client: client, Base: resp.URL}))
		return &Loaded{Doc: doc, Files: files}, nil
	}}
}

// Logs reads each event log when the run reaches it and yields one input
// per document in it: a log that extract wrote holds the calls of many
// pages and scripts, each checked as check checked it. "-" is stdin.
func Logs(paths []string, stdin io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, path := range paths {
			name, data, err := readLog(path, stdin)
			if err != nil {
				if !yield(Input{Name: path, Load: func(context.Context) (*Loaded, error) { return nil, err }}) {
					return
				}
				continue
			}
			for in := range Records(path, name, data) {
				if !yield(in) {
					return
				}
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

func readLog(path string, stdin io.Reader) (string, []byte, error) {
	if path == "-" {
		data, err := io.ReadAll(stdin)
		return "<stdin>", data, err
	}
	data, err := os.ReadFile(path)
	return path, data, err
}

// byteSize writes a size the way people read it: 15 MB, 977 KB, 812 bytes.
func byteSize(n int64) string {
	switch {
	case n >= 10<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
