#!/usr/bin/env bash
# Memory of a crawl (issue 13): serves N loopback pages and prints the
# crawl's peak RSS, for each N given (default 400 and 4000). Streaming
# pages through the pipeline keeps the figure flat as N grows: what grows is
# only the crawl's URL set (and the findings, when pages have some).
#
#   scripts/crawl-mem.sh [N...]     env: OAIQ_LINT (a binary already built)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${TMPDIR:-/tmp}/oaiq-crawl-mem
mkdir -p "$work"
lint=${OAIQ_LINT:-$work/oaiq-lint}
[ -n "${OAIQ_LINT:-}" ] || go build -o "$lint" ./cmd/oaiq-lint
go build -tags oaiqtools -o "$work/crawlmem" ./internal/benchgen/crawlmem
for n in ${@:-400 4000}; do
	printf 'N=%-6s clean pages:          ' "$n"
	"$work/crawlmem" -pages "$n" -lint "$lint"
	printf 'N=%-6s one finding per page: ' "$n"
	"$work/crawlmem" -pages "$n" -lint "$lint" -finding
done
