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
# An evgraph-events/1 document (the fixtures' CAMEO events as version 1
# writes them) reads as the same content written as version 2 does: the
# same graph, timeline and summary.
v1=tests/data/events-v1.jsonl
v2="$WORK/as-v2.jsonl"
"$PY" - "$v1" >"$v2" <<'PYEOF'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    d["schema"] = "evgraph-events/2"
    for e in d["events"]:
        e["class"] = None
        e["args"] = []
    print(json.dumps(d, ensure_ascii=False))
PYEOF
for view in "graph -f json" "render -f dot" "stats"; do
  if "$EVG" $view "$v1" >"$WORK/v1.out" 2>&1 && "$EVG" $view "$v2" >"$WORK/v2.out" 2>&1 &&
    cmp -s "$WORK/v1.out" "$WORK/v2.out"; then ok; else
    bad "$view: the version 1 document reads otherwise than the same content as version 2"
  fi
done
finish
