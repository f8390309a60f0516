#!/usr/bin/env bash
# Validates .goreleaser.yaml with a pinned goreleaser, built from source
# with the Go toolchain (goreleaser is not a dependency of this module, so
# it stays out of go.mod). The first run builds goreleaser (about 2.5
# minutes here, downloads included); later runs reuse Go's build cache.
#
#   scripts/goreleaser-check.sh            # goreleaser check
#   scripts/goreleaser-check.sh snapshot   # local snapshot build into dist/
set -euo pipefail
cd "$(dirname "$0")/.."

GORELEASER_VERSION=v2.15.1
goreleaser() {
	go run "github.com/goreleaser/goreleaser/v2@${GORELEASER_VERSION}" "$@"
}

case "${1:-check}" in
check)
	goreleaser check
	;;
snapshot)
	goreleaser release --snapshot --clean
	;;
*)
	echo "usage: $0 [check|snapshot]" >&2
	exit 2
	;;
esac
