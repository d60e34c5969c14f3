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
finish
