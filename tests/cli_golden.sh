#!/usr/bin/env bash
# Golden tests: the CLI's outputs on fixtures/ must equal fixtures/expected/
# byte for byte (outputs are deterministic). After an intended change, run
# tests/update_golden.sh BUILD_DIR and review the diff.
source "$(dirname "$0")/lib.sh"
source "$SRC/tests/golden.sh"
cd "$SRC" || exit 1
if ! golden_outputs "$EVG" "$WORK/got"; then
  bad "producing the golden outputs failed"
fi
for want in fixtures/expected/*; do
  got="$WORK/got/$(basename "$want")"
  if cmp -s "$want" "$got"; then ok; else
    bad "$want differs from the output:"
    diff -u "$want" "$got" | head -40 >&2
  fi
done
for got in "$WORK"/got/*; do
  [ -e "fixtures/expected/$(basename "$got")" ] && ok ||
    bad "no golden file fixtures/expected/$(basename "$got") (run tests/update_golden.sh)"
done
# An evgraph-events/1 document (these fixtures as version 1 wrote them)
# reads as it always did: the same graph, timeline and summary as today's.
v1=tests/data/events-v1.jsonl
if "$EVG" graph -f json "$v1" >"$WORK/v1.graph.json" &&
  cmp -s "$WORK/v1.graph.json" fixtures/expected/all.graph.json; then ok; else
  bad "graph of the version 1 document differs from fixtures/expected/all.graph.json"
fi
if "$EVG" render -f dot "$v1" >"$WORK/v1.dot" &&
  cmp -s "$WORK/v1.dot" fixtures/expected/all.timeline.dot; then ok; else
  bad "timeline of the version 1 document differs from fixtures/expected/all.timeline.dot"
fi
"$EVG" stats fixtures/expected/all.events.jsonl >"$WORK/v2.stats" 2>&1
if "$EVG" stats "$v1" >"$WORK/v1.stats" 2>&1 && cmp -s "$WORK/v1.stats" "$WORK/v2.stats"; then ok; else
  bad "stats of the version 1 document differ from those of version 2"
fi
finish
