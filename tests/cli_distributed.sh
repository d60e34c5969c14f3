#!/usr/bin/env bash
# Extraction across machines, tried on the loopback address: GNU parallel
# over shards (scripts/parallel-extract.sh) and a Dask cluster with a local
# scheduler and two workers on 127.0.0.1 (scripts/dask-extract.py) give the
# same bytes as one `evgraph extract` over the shards, and the stores that
# `evgraph ingest` builds from the merged outputs answer the same. Each part
# skips, saying so, when its Debian package is missing.
source "$(dirname "$0")/lib.sh"

C=$WORK/corpus
"$PY" "$SRC/bench/gen_corpus.py" --docs 120 --shards 4 --seed 5 --out "$C" 2>/dev/null &&
  ok || bad "corpus generator failed"
shards=("$C"/shard-*.jsonl)
[ ${#shards[@]} -eq 4 ] && ok || bad "want 4 shards, got ${#shards[@]}"
expect_exit 0 "single-process extract" -- "$EVG" extract -q -o "$WORK/single.jsonl" "${shards[@]}"
expect_exit 0 "single-process ingest" -- "$EVG" ingest -q --db "$WORK/single.db" "$WORK/single.jsonl"
"$EVG" query --db "$WORK/single.db" --from 1900-01-01 -f graphml -o "$WORK/single.graphml"
skipped=0

# same_as_single NAME MERGED: byte-identical output, and the same store
same_as_single() {
  cmp -s "$WORK/single.jsonl" "$2" && ok || bad "$1: merged output differs from the single-process run"
  expect_exit 0 "$1: ingest merged shards" -- "$EVG" ingest -q --db "$WORK/$1.db" "$2"
  "$EVG" query --db "$WORK/$1.db" --from 1900-01-01 -f graphml -o "$WORK/$1.graphml"
  cmp -s "$WORK/single.graphml" "$WORK/$1.graphml" && ok || bad "$1: store answers differently"
}

if command -v parallel >/dev/null; then
  expect_exit 0 "GNU parallel, 2 jobs" -- "$SRC/scripts/parallel-extract.sh" -j 2 \
    -e "$EVG" -o "$WORK/parallel.jsonl" "${shards[@]}"
  same_as_single parallel "$WORK/parallel.jsonl"
  # one shard per output file, merged by ingest (the way shards come back
  # from other hosts)
  for s in "${shards[@]}"; do "$EVG" extract -q -o "$WORK/$(basename "$s" .jsonl).out" "$s"; done
  expect_exit 0 "ingest shard outputs" -- "$EVG" ingest -q --db "$WORK/shards.db" "$WORK"/shard-*.out
  "$EVG" query --db "$WORK/shards.db" --from 1900-01-01 -f graphml -o "$WORK/shards.graphml"
  cmp -s "$WORK/single.graphml" "$WORK/shards.graphml" && ok || bad "ingest of shard outputs answers differently"
  # a failing shard fails the run and leaves no merged file
  echo '{"id": "x", "text": ' >"$WORK/broken.jsonl"
  expect_exit 1 "GNU parallel with a bad shard" -- "$SRC/scripts/parallel-extract.sh" -j 2 \
    -e "$EVG" -o "$WORK/bad.jsonl" "${shards[0]}" "$WORK/broken.jsonl"
  [ ! -e "$WORK/bad.jsonl" ] && ok || bad "a failed parallel run left its output"
else
  echo "SKIP: GNU parallel not installed (Debian package 'parallel'; scripts/deps.sh test)"
  skipped=$((skipped + 1))
fi

if "$PY" -c 'import dask.distributed' 2>/dev/null; then
  expect_exit 0 "Dask, local scheduler + 2 workers on 127.0.0.1" -- timeout 300 \
    "$PY" "$SRC/scripts/dask-extract.py" --local 2 --evgraph "$EVG" \
    -o "$WORK/dask.jsonl" "${shards[@]}"
  same_as_single dask "$WORK/dask.jsonl"
else
  echo "SKIP: Dask not installed (Debian package 'python3-distributed'; scripts/deps.sh test)"
  skipped=$((skipped + 1))
fi

finish || exit 1
[ $skipped -eq 2 ] && exit 77
exit 0
