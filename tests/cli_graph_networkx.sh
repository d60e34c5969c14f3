#!/usr/bin/env bash
# Reader test: networkx (Debian python3-networkx) reads the GraphML, GEXF, GML
# and node-link JSON exports; node, edge and attribute counts and values
# match evgraph's JSON.
source "$2/tests/lib.sh"
source "$SRC/tests/readers/graph_cases.sh"
need_module networkx python3-networkx
run_python_readers networkx-graphml:graphml networkx-gexf:gexf networkx-gml:gml \
  networkx-json:json
finish
