#!/usr/bin/env bash
# Reader test: Python's csv module reads the events (or dyads) table with one
# row per event (dyad) and the nodes table with one row per node; the JGF
# export is JSON Graph Format v2 (nodes keyed by id) with matching counts.
source "$2/tests/lib.sh"
source "$SRC/tests/readers/graph_cases.sh"
command -v "$PY" >/dev/null || { echo "SKIP: no python3"; exit 77; }
run_python_readers csv:csv csv-nodes:csv-nodes jgf:jgf
finish
