#!/usr/bin/env bash
# All 183 TimeBank articles merged into one graph: no person actor may hold
# two different full personal names unless the gazetteer says they are one
# person (tools/check_person_merges.py prints the count; it must be 0).
# Skips (77) when ../shared is absent.
source "$(dirname "$0")/lib.sh"
data=$SHARED/data/timebank
if [ ! -d "$data" ]; then
  echo "SKIP: no TimeBank articles at $data"
  exit 77
fi
# the leak check at each exit is slow and covered by the unit tests
export ASAN_OPTIONS=detect_leaks=0
if $PY "$SRC/tools/check_person_merges.py" --evgraph "$EVG" "$data" >"$WORK/out.txt" 2>&1; then
  ok
else
  bad "person actors that merged two people (want 0)"
fi
cat "$WORK/out.txt"
finish
