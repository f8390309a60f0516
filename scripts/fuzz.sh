#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 20). A crasher is saved
# under the package's testdata/fuzz/ by go test: commit it, and it runs as
# a regression test in every `go test ./...` from then on.
#
#   scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
targets=(
	"./internal/extract FuzzPage"
	"./internal/extract/htmlx FuzzTokenizer"
	"./internal/extract/jscall FuzzExtract"
	"./internal/extract/tmpl FuzzMask"
	"./internal/eventlog FuzzParse"
	"./internal/csp FuzzParse"
)
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	echo "== $pkg $name (${secs}s)"
	go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "${secs}s" -fuzzminimizetime 10s
done
