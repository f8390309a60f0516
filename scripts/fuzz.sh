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
	log=$(mktemp)
	if ! go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "${secs}s" -fuzzminimizetime 10s 2>&1 | tee "$log"; then
		# The fuzzing engine itself can give up waiting on a starved worker
		# ("context deadline exceeded") without any failing input: run it
		# once more. A real failure writes its input and fails again.
		if grep -q "context deadline exceeded" "$log" && ! grep -q "Failing input written" "$log"; then
			echo "== $pkg $name: the engine timed out waiting on a worker, no failing input; running it again"
			go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "${secs}s" -fuzzminimizetime 10s
		else
			rm -f "$log"
			exit 1
		fi
	fi
	rm -f "$log"
done
