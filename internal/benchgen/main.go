//go:build oaiqtools

// Command benchgen writes a deterministic corpus of realistic pages for the
// speed harness (scripts/bench.sh): the same -pages and -seed always give
// the same bytes.
//
//	go run -tags oaiqtools ./internal/benchgen -pages 2000 -seed 1 -out /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

func main() {
	pages := flag.Int("pages", 2000, "number of pages to write")
	seed := flag.Uint64("seed", 1, "seed of the generator")
	out := flag.String("out", "", "folder to write the corpus into (created)")
	flag.Parse()
	if *out == "" || *pages < 1 {
		fmt.Fprintln(os.Stderr, "usage: benchgen -pages N -seed S -out DIR")
		os.Exit(2)
	}
	total, err := write(*out, *pages, *seed)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchgen:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %d pages, %.1f MB, to %s\n", *pages, float64(total)/1e6, *out)
}

// write generates every page into dir, 100 pages a folder as a built site
// lays them out, and returns the bytes written.
func write(dir string, pages int, seed uint64) (int64, error) {
	var total int64
	for i := range pages {
		// One generator per page: a page's bytes do not depend on the pages
		// before it, so 10× the corpus holds the 1× corpus.
		g := newPageGen(rand.New(rand.NewPCG(seed, uint64(i))), i)
		data, ext := g.page()
		sub := filepath.Join(dir, fmt.Sprintf("section-%03d", i/100))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			return total, err
		}
		if err := os.WriteFile(filepath.Join(sub, fmt.Sprintf("page-%05d%s", i, ext)), data, 0o644); err != nil {
			return total, err
		}
		total += int64(len(data))
	}
	return total, nil
}
