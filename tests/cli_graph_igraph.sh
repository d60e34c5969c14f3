#!/usr/bin/env bash
# Reader test: python3-igraph reads the GraphML and GML exports; vertex, edge
# and attribute counts and values match evgraph's JSON.
source "$2/tests/lib.sh"
source "$SRC/tests/readers/graph_cases.sh"
need_module igraph python3-igraph
run_python_readers igraph-graphml:graphml igraph-gml:gml
finish
