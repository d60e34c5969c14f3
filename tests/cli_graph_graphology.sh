#!/usr/bin/env bash
# Reader test: graphology (npm; what sigma.js draws from) parses the GEXF
# export with graphology-gexf and the GraphML export with graphology-graphml,
# each with its default parse(Graph, text) call on the file as written
# (readers/node/read_graph.js); nodes, edges, attribute names and values,
# the start and end dates included, must match evgraph's JSON.
source "$2/tests/lib.sh"
source "$SRC/tests/readers/graph_cases.sh"
source "$SRC/tests/readers/npm.sh"
need_npm
for c in "${CASES[@]}"; do
  reference "$c"
  for fmt in gexf graphml gexf1.3; do
    out="$WORK/$c.$fmt"
    # --gexf-version 1.3 on the story only: graphology reads both
    if [ "$fmt" = gexf1.3 ]; then
      [ "$c" = story ] || continue
      "$EVG" graph --gexf-version 1.3 -f gexf -o "$out" $(case_inputs "$c") 2>"$WORK/graph.err" ||
        { bad "$c: --gexf-version 1.3 failed: $(head -c 300 "$WORK/graph.err")"; continue; }
      grep -q 'version="1.3"' "$out" || bad "$c: --gexf-version 1.3 wrote no GEXF 1.3"
    elif ! export_case "$c" "$fmt" "$out"; then
      bad "$c: graph -f $fmt failed: $(head -c 300 "$WORK/graph.err")"
      continue
    fi
    reader=${fmt%1.3}
    if ! NODE_PATH="$NPM_DIR/node_modules" node "$SRC/tests/readers/node/read_graph.js" \
         "$reader" "$out" >"$WORK/$c.$fmt.graphology.json" 2>"$WORK/node.err"; then
      bad "$c: graphology cannot parse the $fmt export: $(head -c 600 "$WORK/node.err")"
      continue
    fi
    "$PY" "$SRC/tests/readers/check_graph.py" "graphology-$reader" \
      "$WORK/$c.$fmt.graphology.json" "$WORK/$c.ref.json" >"$WORK/check.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then ok; else
      bad "$c: graphology-$fmt (exit $rc): $(head -c 2000 "$WORK/check.out")"
    fi
    sed "s/^/$c ($fmt): /" "$WORK/check.out"
  done
done
finish
