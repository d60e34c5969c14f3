#!/bin/bash
# SemEval-2015 TimeLine target entities (trial set and corpus_1): each one
# actor when all of a corpus's articles are merged into one graph
# (tools/check_semeval_actors.py). Skips (77) without ../shared.
# Called by ctest as: bash cli_semeval_actors.sh EVGRAPH SOURCE_DIR SHARED_DIR WORK_DIR
source "$(dirname "$0")/lib.sh"
data=$SHARED/data/semeval2015-timeline
if [ ! -d "$data" ]; then
  echo "SKIP: no SemEval-2015 TimeLine data at $data"
  exit 77
fi
export ASAN_OPTIONS=detect_leaks=0
if $PY "$SRC/tools/check_semeval_actors.py" --evgraph "$EVG" --data "$data" \
  >"$WORK/out.txt" 2>&1; then
  ok
else
  bad "a SemEval target entity is split or missing (want one actor each)"
fi
cat "$WORK/out.txt"
finish
