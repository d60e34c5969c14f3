#!/usr/bin/env bash
# Rewrites fixtures/expected/ from the current build: tests/update_golden.sh BUILD_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
build=$(cd "${1:-build}" && pwd)
source tests/golden.sh
rm -rf fixtures/expected
golden_outputs "$build/evgraph" fixtures/expected
git --no-pager diff --stat -- fixtures/expected || true
