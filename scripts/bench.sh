#!/usr/bin/env bash
# Speed harness (issue 9): generates a deterministic corpus (default 2000
# pages, over 300 MB), then times the x/net/html tokenizer on one goroutine
# (the cost floor of reading HTML in Go) and `oaiq-lint check --format json`
# over it, RUNS times each, and prints the medians. The last line is the
# figure to drive down: check/tokenize time ratio.
#
#   scripts/bench.sh [PAGES]     env: RUNS (5), SEED (1), BENCH_DIR, OAIQ_LINT
set -euo pipefail
cd "$(dirname "$0")/.."

pages=${1:-2000}
runs=${RUNS:-5}
seed=${SEED:-1}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/oaiq-bench}
corpus=$work/corpus-$pages-$seed
mkdir -p "$work"

if [ ! -f "$corpus/.complete" ]; then
	rm -rf "$corpus"
	go run -tags oaiqtools ./internal/benchgen -pages "$pages" -seed "$seed" -out "$corpus" >&2
	touch "$corpus/.complete"
fi
lint=${OAIQ_LINT:-$work/oaiq-lint} # OAIQ_LINT: a binary already built
[ -n "${OAIQ_LINT:-}" ] || go build -o "$lint" ./cmd/oaiq-lint
go build -tags oaiqtools -o "$work/tokenize" ./internal/benchgen/tokenize
go build -tags oaiqtools -o "$work/measure" ./internal/benchgen/measure

bytes=$(find "$corpus" -type f \( -name '*.html' -o -name '*.liquid' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
# Warm the page cache so the first run is not the only one reading disk.
find "$corpus" -type f -exec cat {} + >/dev/null

# run NAME CMD... measures CMD RUNS times into $work/NAME.runs.
run() {
	local name=$1
	shift
	: >"$work/$name.runs"
	for _ in $(seq "$runs"); do
		read -r secs rss code < <("$work/measure" "$@")
		if [ "$code" -gt 1 ]; then
			echo "bench: $name exited with status $code" >&2
			exit 1
		fi
		echo "$secs $rss" >>"$work/$name.runs"
	done
}

run tokenize "$work/tokenize" "$corpus"
run check "$lint" check --format json "$corpus"

median() { # column of $work/NAME.runs
	sort -n -k"$2" "$work/$1.runs" | awk -v c="$2" '{v[NR]=$c} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

echo "corpus: $pages pages, seed $seed, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}') MB, $runs runs each, $(nproc) CPUs"
printf '%-10s %10s %10s %10s %14s\n' program MB seconds MB/s "peak RSS MB"
for name in tokenize check; do
	secs=$(median "$name" 1)
	rss=$(median "$name" 2)
	awk -v n="$name" -v b="$bytes" -v s="$secs" -v r="$rss" \
		'BEGIN {printf "%-10s %10.1f %10.3f %10.1f %14.1f\n", n, b/1e6, s, b/1e6/s, r/1024}'
done
awk -v c="$(median check 1)" -v t="$(median tokenize 1)" 'BEGIN {printf "check/tokenize time ratio: %.2f\n", c/t}'
