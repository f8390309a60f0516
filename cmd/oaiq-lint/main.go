// Command oaiq-lint lints integrations of the OpenAI Ads Measurement Pixel.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/oaiq-lint/oaiq-lint/internal/cli"
)

func main() {
	os.Exit(run())
}

// run is main with a CPU profile when OAIQ_LINT_CPUPROFILE names a file:
// how the speed figures of docs/scale.md are investigated on real inputs.
func run() int {
	if path := os.Getenv("OAIQ_LINT_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "oaiq-lint: OAIQ_LINT_CPUPROFILE:", err)
			return 2
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintln(os.Stderr, "oaiq-lint: OAIQ_LINT_CPUPROFILE:", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	return cli.Main(os.Args[1:], cli.System())
}
