#!/usr/bin/env sh
# Crawl a generated site of CRAWL_BENCH_PAGES pages (default 2000) served on
# 127.0.0.1, each answered after CRAWL_BENCH_DELAY_MS (default 20), with
# CRAWL_BENCH_CONCURRENCY workers (default 8), checking every page. The
# last line is the crawl time, the network floor (pages × delay /
# concurrency) and their ratio; the target is 1.2 or less.
set -eu
cd "$(dirname "$0")/.."
out=$(go test -run '^$' -bench '^BenchmarkCrawlLoopback$' -benchtime 1x ./internal/crawl/)
echo "$out" | grep -v '^crawl: '
echo "$out" | grep '^crawl: '
