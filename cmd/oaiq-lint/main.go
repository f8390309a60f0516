// Command oaiq-lint lints integrations of the OpenAI Ads Measurement Pixel.
package main

import (
	"os"

	"github.com/oaiq-lint/oaiq-lint/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.System()))
}
