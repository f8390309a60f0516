package cli

import (
	"context"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"

	"github.com/oaiq-lint/oaiq-lint/internal/crawl"
	"github.com/oaiq-lint/oaiq-lint/internal/discover"
	"github.com/oaiq-lint/oaiq-lint/internal/extract"
	"github.com/oaiq-lint/oaiq-lint/internal/fetch"
	"github.com/oaiq-lint/oaiq-lint/internal/source"
	"github.com/oaiq-lint/oaiq-lint/model"
)

// sourceOptions are the flags of commands that read pages and scripts.
type sourceOptions struct {
	root        string
	maxFileSize int64
	// gtmExports are the --gtm files; containers the verdicts of the
	// container exports the run reads, by container id (see gtm.go).
	gtmExports []string
	containers map[string]*model.ContainerVerdict
}

func (o *sourceOptions) userAgent() string {
	return "oaiq-lint/" + Version() + " (+https://github.com/oaiq-lint/oaiq-lint)"
}

// targetInputs turns command-line arguments into inputs, one at a time
// as the folders are walked. Arguments that name nothing become inputs that
// fail to load, so they are reported (and exit 3) while everything else is
// still linted.
func (o *sourceOptions) targetInputs(ctx context.Context, args []string, stdin io.Reader) iter.Seq[input] {
	client := fetch.New(o.userAgent())
	client.MaxBytes = o.maxFileSize
	args = o.withGTMExports(args)
	return func(yield func(input) bool) {
		o.readContainers(args)
		for t, err := range discover.Stream(args, gtmDiscovery) {
			if !yield(o.targetInput(ctx, client, t, err, stdin)) {
				return
			}
		}
	}
}

func (o *sourceOptions) targetInput(ctx context.Context, client *fetch.Client, t discover.Target, err error, stdin io.Reader) input {
	switch {
	case err != nil:
		e := err.(*discover.Error)
		return input{name: e.Arg, load: func() (*model.Document, []*source.File, error) { return nil, nil, e.Err }}
	case t.Kind == discover.Stdin:
		return input{name: "<stdin>", load: func() (*model.Document, []*source.File, error) {
			data, err := io.ReadAll(io.LimitReader(stdin, o.maxFileSize+1))
			if err != nil {
				return nil, nil, err
			}
			if int64(len(data)) > o.maxFileSize {
				return nil, nil, fmt.Errorf("standard input is larger than --max-file-size (%d bytes)", o.maxFileSize)
			}
			doc, files := o.readInput("<stdin>", data, extract.Options{Resolver: o.dirResolver(".", "")})
			return doc, files, nil
		}}
	case t.Kind == discover.URL:
		return input{name: t.Path, load: func() (*model.Document, []*source.File, error) {
			return o.loadURL(ctx, client, t.Path)
		}}
	}
	return input{name: t.Path, load: func() (*model.Document, []*source.File, error) { return o.loadFile(t) }}
}

func (o *sourceOptions) dirResolver(pageDir, root string) extract.Resolver {
	if o.root != "" {
		root = o.root
	}
	return extract.DirResolver{PageDir: pageDir, Root: root, MaxSize: o.maxFileSize}
}

func (o *sourceOptions) loadFile(t discover.Target) (*model.Document, []*source.File, error) {
	info, err := os.Stat(t.Path)
	if err != nil {
		return nil, nil, err
	}
	name := filepath.ToSlash(t.Path)
	if info.Size() > o.maxFileSize {
		doc := &model.Document{Path: name, Kind: model.Script, Findings: []model.Finding{{
			Rule: "file-too-large", Severity: model.Info, Span: model.Span{File: name},
			Message: fmt.Sprintf("skipped: %s is over --max-file-size (%s)", byteSize(info.Size()), byteSize(o.maxFileSize)),
			Hint:    "raise --max-file-size to lint it",
		}}}
		return doc, nil, nil
	}
	data, err := os.ReadFile(t.Path)
	if err != nil {
		return nil, nil, err
	}
	doc, files := o.readInput(name, data, extract.Options{Resolver: o.dirResolver(filepath.Dir(t.Path), t.Root)})
	return doc, files, nil
}

// loadURL fetches one page (no crawling) and reads its same-origin scripts.
func (o *sourceOptions) loadURL(ctx context.Context, client *fetch.Client, raw string) (*model.Document, []*source.File, error) {
	resp, err := client.Get(ctx, raw)
	if err != nil {
		return nil, nil, err
	}
	if resp.Status < 200 || resp.Status > 299 {
		return nil, nil, fmt.Errorf("HTTP %d", resp.Status)
	}
	doc, files := o.readInput(raw, resp.Body, crawl.ExtractOptions(resp, &fetch.SameOriginResolver{Ctx: ctx, Client: client, Base: resp.URL}))
	return doc, files, nil
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
