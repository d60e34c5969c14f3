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
  for fmt in gexf graphml; do
    out="$WORK/$c.$fmt"
    if ! export_case "$c" "$fmt" "$out"; then
      bad "$c: graph -f $fmt failed: $(head -c 300 "$WORK/graph.err")"
      continue
    fi
    if ! NODE_PATH="$NPM_DIR/node_modules" node "$SRC/tests/readers/node/read_graph.js" \
         "$fmt" "$out" >"$WORK/$c.$fmt.graphology.json" 2>"$WORK/node.err"; then
      bad "$c: graphology cannot parse the $fmt export: $(head -c 600 "$WORK/node.err")"
      continue
    fi
    "$PY" "$SRC/tests/readers/check_graph.py" "graphology-$fmt" \
      "$WORK/$c.$fmt.graphology.json" "$WORK/$c.ref.json" >"$WORK/check.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then ok; else
      bad "$c: graphology-$fmt (exit $rc): $(head -c 2000 "$WORK/check.out")"
    fi
    sed "s/^/$c: /" "$WORK/check.out"
  done
done
finish
