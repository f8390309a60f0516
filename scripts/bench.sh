#!/usr/bin/env bash
# Speed harness (issue 9): generates a deterministic corpus (default 2000
# pages, over 300 MB), then times the x/net/html tokenizer on one goroutine
# (the cost floor of reading HTML in Go) and `oaiq-lint check --format json`
# over it, RUNS times each, and prints the medians. The last line is the
# figure to drive down: check/tokenize time ratio.
#
# Then event logs (issue 21): for each size in LOG_MB (20, 200 and 2000 MB)
# it generates a log of pixel calls, browser records and server events
# (internal/eventlog/loggen, about 100 bytes a record), times
# `oaiq-lint log --format json` over it and prints its peak RSS and MB/s,
# and at the sizes in JQ_MB (200) the time of `jq -c . >/dev/null` on the
# same file and the log/jq time ratio (jq is installed where missing). Each
# log is deleted once measured.
#
#   scripts/bench.sh [PAGES]     env: RUNS (5), SEED (1), BENCH_DIR, OAIQ_LINT,
#                                BENCH (all, check or log), LOG_MB, JQ_MB, LOG_RUNS (1),
#                                JQ_RUNS (3: runs of log and jq in turn at the JQ_MB sizes)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${BENCH:-all}

pages=${1:-2000}
runs=${RUNS:-5}
seed=${SEED:-1}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/oaiq-bench}
corpus=$work/corpus-$pages-$seed
mkdir -p "$work"

if [ "$bench" != log ] && [ ! -f "$corpus/.complete" ]; then
	rm -rf "$corpus"
	go run -tags oaiqtools ./internal/benchgen -pages "$pages" -seed "$seed" -out "$corpus" >&2
	touch "$corpus/.complete"
fi
lint=${OAIQ_LINT:-$work/oaiq-lint} # OAIQ_LINT: a binary already built
[ -n "${OAIQ_LINT:-}" ] || go build -o "$lint" ./cmd/oaiq-lint
go build -tags oaiqtools -o "$work/tokenize" ./internal/benchgen/tokenize
go build -tags oaiqtools -o "$work/measure" ./internal/benchgen/measure

# once NAME CMD... measures CMD one time more into $work/NAME.runs.
once() {
	local name=$1
	shift
	read -r secs rss code < <("$work/measure" "$@")
	if [ "$code" -gt 1 ]; then
		echo "bench: $name exited with status $code" >&2
		exit 1
	fi
	echo "$secs $rss" >>"$work/$name.runs"
}

# run NAME CMD... measures CMD RUNS times into $work/NAME.runs.
run() {
	: >"$work/$1.runs"
	for _ in $(seq "$runs"); do
		once "$@"
	done
}

median() { # column of $work/NAME.runs
	sort -n -k"$2" "$work/$1.runs" | awk -v c="$2" '{v[NR]=$c} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'
}

if [ "$bench" != log ]; then
bytes=$(find "$corpus" -type f \( -name '*.html' -o -name '*.liquid' \) -printf '%s\n' | awk '{s+=$1} END {print s}')
# Warm the page cache so the first run is not the only one reading disk.
find "$corpus" -type f -exec cat {} + >/dev/null

run tokenize "$work/tokenize" "$corpus"
run check "$lint" check --format json "$corpus"

echo "corpus: $pages pages, seed $seed, $(awk -v b="$bytes" 'BEGIN {printf "%.1f", b/1e6}') MB, $runs runs each, $(nproc) CPUs"
printf '%-10s %10s %10s %10s %14s\n' program MB seconds MB/s "peak RSS MB"
for name in tokenize check; do
	secs=$(median "$name" 1)
	rss=$(median "$name" 2)
	awk -v n="$name" -v b="$bytes" -v s="$secs" -v r="$rss" \
		'BEGIN {printf "%-10s %10.1f %10.3f %10.1f %14.1f\n", n, b/1e6, s, b/1e6/s, r/1024}'
done
awk -v c="$(median check 1)" -v t="$(median tokenize 1)" 'BEGIN {printf "check/tokenize time ratio: %.2f\n", c/t}'
fi

[ "$bench" != check ] || exit 0

if ! command -v jq >/dev/null; then
	echo "bench: installing jq" >&2
	if [ "$(id -u)" = 0 ]; then apt-get install -y -qq jq >&2; else sudo apt-get install -y -qq jq >&2; fi
fi
go build -tags oaiqtools -o "$work/loggen" ./internal/eventlog/loggen/cmd
runs=${LOG_RUNS:-1}
jq_runs=${JQ_RUNS:-3}
jq_sizes=" ${JQ_MB:-200} "
echo "event logs: loggen seed $seed, $runs run(s) each; at${jq_sizes% } MB $jq_runs runs of log and jq in turn; $(nproc) CPUs"
printf '%-10s %10s %10s %10s %14s %12s\n' program MB seconds MB/s "peak RSS MB" "log/jq time"
for mb in ${LOG_MB:-20 200 2000}; do
	log=$work/log-$mb.jsonl
	"$work/loggen" -records $((mb * 10000)) -seed "$seed" >"$log"
	logbytes=$(stat -c %s "$log")
	cat "$log" >/dev/null # warm the page cache
	ratio=-
	if [[ $jq_sizes == *" $mb "* ]]; then
		# In turn, so a machine that slows down or speeds up during the
		# runs weighs on both alike.
		: >"$work/log-$mb.runs"
		: >"$work/jq-$mb.runs"
		for _ in $(seq "$jq_runs"); do
			once "log-$mb" "$lint" log --format json "$log"
			once "jq-$mb" jq -c . "$log"
		done
		ratio=$(awk -v l="$(median "log-$mb" 1)" -v j="$(median "jq-$mb" 1)" 'BEGIN {printf "%.2f", l/j}')
	else
		run "log-$mb" "$lint" log --format json "$log"
	fi
	rm -f "$log"
	row() { # NAME RATIO
		awk -v n="$1" -v b="$logbytes" -v s="$(median "$1" 1)" -v rs="$(median "$1" 2)" -v r="$2" \
			'BEGIN {printf "%-10s %10.1f %10.3f %10.1f %14.1f %12s\n", n, b/1e6, s, b/1e6/s, rs/1024, r}'
	}
	row "log-$mb" "$ratio"
	[ "$ratio" = - ] || row "jq-$mb" ""
done
