#!/usr/bin/env bash
# Builds the benchmarks without sanitizers (Release) and runs every
# bench/bench_* executable of that build, one after the other (the
# arguments after the build folder go to every benchmark), then the stage
# benchmarks on generated corpora (bench/bench_corpus.py: extract, ingest,
# query, a 1,000,000-event graph, GNU parallel and Dask; several minutes).
# usage: bench/run.sh [BUILD_DIR [ARGS...]]   (default BUILD_DIR: build-bench)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-bench}
[ $# -gt 0 ] && shift
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DEVG_SANITIZE=OFF >/dev/null
cmake --build "$build" --target benchmarks evgraph -j"$(nproc)" >/dev/null
status=0
for b in "$build"/bench/bench_*; do
  [ -f "$b" ] && [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  "$b" "$@" || status=1
done
# cost curves and memory ratios of the whole program (EVG_BENCH_SCALE=0:
# a quick run)
echo "== cost.sh"
"$src/bench/cost.sh" "$build/evgraph" "${EVG_BENCH_SCALE:-1}" || status=1
echo "== bench_corpus"
/usr/bin/python3 "$src/bench/bench_corpus.py" "$build/evgraph" || status=1
exit $status
