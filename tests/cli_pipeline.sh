#!/usr/bin/env bash
# End to end, as a user would: `evgraph run` on the team's fixture and on the
# seed article writes the four outputs; dot re-renders the DOT, xmllint
# accepts the SVG, networkx reads the GraphML, and the core events of
# the story are there with their actors and times.
source "$(dirname "$0")/lib.sh"

check_run() {
  local name=$1 article=$2 out="$WORK/$1"
  expect_exit 0 "$name: run" -- "$EVG" run -q -o "$out" "$article"
  for f in events.json graph.graphml timeline.dot timeline.svg; do
    [ -s "$out/$f" ] && ok || bad "$name: $f missing or empty"
  done
  grep -q '^DATE' "$WORK/stdout" && ok || bad "$name: run prints the events table"
  if command -v dot >/dev/null; then
    dot -Tsvg "$out/timeline.dot" -o "$out/redrawn.svg" 2>"$WORK/dot.err" && ok ||
      bad "$name: dot rejects timeline.dot: $(head -c 300 "$WORK/dot.err")"
  fi
  if command -v xmllint >/dev/null; then
    xmllint --noout "$out/timeline.svg" 2>"$WORK/xml.err" && ok ||
      bad "$name: xmllint rejects timeline.svg: $(head -c 300 "$WORK/xml.err")"
  fi
  if "$PY" -c 'import networkx' 2>/dev/null; then
    "$PY" "$SRC/tests/check_graphml.py" "$out/graph.graphml" && ok ||
      bad "$name: networkx check of graph.graphml"
  else
    echo "SKIP: python3-networkx not installed, GraphML not read back"
  fi
  "$PY" "$SRC/tests/check_core_events.py" "$out/events.json" && ok ||
    bad "$name: core events"
}

check_run fixture "$SRC/fixtures/huawei-south-korea.txt"
SEED=$SHARED/seed/000_2a0cd735b0f74530.txt
if [ -f "$SEED" ]; then
  check_run seed "$SEED"
else
  echo "SKIP: seed article not found at $SEED (../shared absent): seed checks not run"
fi

# --cameo-only with the event-mention stage (--tokens), which adds events
# CAMEO has no code for: extract and run keep the coded events alone, the
# same ones (with the same relations) as without the option
F="$SRC/fixtures/huawei-south-korea.txt"
expect_exit 0 "extract --tokens" -- "$EVG" extract -q --tokens "$F"
cp "$WORK/stdout" "$WORK/all.json"
expect_exit 0 "extract --tokens --cameo-only" -- "$EVG" extract -q --tokens --cameo-only "$F"
cp "$WORK/stdout" "$WORK/coded.json"
"$PY" - "$WORK/all.json" "$WORK/coded.json" <<'PYEOF' >"$WORK/co.out" 2>&1 && ok || bad "extract --cameo-only: $(cat "$WORK/co.out")"
import json, sys
a, c = (json.load(open(p)) for p in sys.argv[1:3])
unc = [e for e in a["events"] if e["cameo"] is None]
assert unc, "the mention stage gave no event without a code: nothing tested"
assert all(e["cameo"] for e in c["events"]), "an uncoded event is left"
key = lambda e: (e["cameo"] or "", e["trigger"]["start"], e["source"], e["target"])
assert [key(e) for e in c["events"]] == [key(e) for e in a["events"] if e["cameo"]]
ids = {e["id"]: key(e) for e in a["events"]}
cids = {e["id"]: key(e) for e in c["events"]}
rel = lambda d, m: sorted((r["type"], m[r["from"]], m[r["to"]]) for r in d["relations"])
want = [r for r in rel(a, ids) if r[1][0] and r[2][0]]
assert rel(c, cids) == want, (rel(c, cids), want)
print("cameo-only: %d coded events kept, %d uncoded left out" % (len(c["events"]), len(unc)))
PYEOF
expect_exit 0 "run --tokens --cameo-only" -- "$EVG" run -q --tokens --cameo-only -f events -o "$WORK/co" "$F"
# the table's code column starts at column 76 (date 18, who 30, whom 24)
tail -n +2 "$WORK/stdout" | cut -c76- | grep -q '^- ' && bad "run --cameo-only lists an event without a code" || ok
expect_exit 0 "run --tokens" -- "$EVG" run -q --tokens -f events -o "$WORK/all" "$F"
tail -n +2 "$WORK/stdout" | cut -c76- | grep -q '^- [a-z]' && ok || bad "run's table shows no event without a code as '-'"
cmp -s "$WORK/co/events.json" <(tr -d '\n' <"$WORK/coded.json"; echo) && ok || {
  "$PY" -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(a['events']!=b['events'])" "$WORK/co/events.json" "$WORK/coded.json" && ok ||
    bad "run --cameo-only events differ from extract --cameo-only"; }
finish
