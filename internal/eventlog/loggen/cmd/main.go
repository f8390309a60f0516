//go:build oaiqtools

// Command loggen writes an event log for measuring `oaiq-lint log`:
//
//	go run -tags oaiqtools ./internal/eventlog/loggen/cmd -records 200000 -distinct > /tmp/log.jsonl
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/oaiq-lint/oaiq-lint/internal/eventlog/loggen"
)

func main() {
	records := flag.Int("records", 200_000, "number of records")
	seed := flag.Uint64("seed", 1, "seed of the generator")
	distinct := flag.Bool("distinct", false, "give every record its own amount")
	flag.Parse()
	out := bufio.NewWriter(os.Stdout)
	err := loggen.Write(out, *records, *seed, *distinct)
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "loggen:", err)
		os.Exit(1)
	}
}
