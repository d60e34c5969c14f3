#!/bin/bash
# Scores the time tagger on TimeBank (TempEval-3 metric) and fails when the
# value F1 or the relaxed span F1 fall below the floors measured when the
# tagger last improved, so accuracy cannot regress silently.
# Called by ctest as: cli_timebank.sh EVGRAPH_BIN SOURCE_DIR SHARED_DIR WORK_DIR
set -u
evgraph=$1
src=$2
shared=$3
work=$4

# Floors: about 0.01 below the figures in docs/timex.md.
min_value_f1=0.843
min_relaxed_f1=0.943

data=$shared/data/timebank
if [ ! -d "$data" ]; then
    echo "SKIP: no TimeBank gold data at $data"
    exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 is needed for the scorer"
    exit 77
fi
mkdir -p "$work"
# The scorer runs evgraph once per article; ASan's leak check at each exit
# is slow and irrelevant here (the unit tests cover leaks).
export ASAN_OPTIONS=detect_leaks=0
python3 "$src/tools/score_tempeval.py" --evgraph "$evgraph" \
    --min-value-f1 "$min_value_f1" --min-relaxed-f1 "$min_relaxed_f1" \
    "$data" | tee "$work/score.txt"
rc=${PIPESTATUS[0]}
if [ "$rc" -ne 0 ]; then
    echo "FAIL: TimeBank scores below the floors (value F1 $min_value_f1," \
         "relaxed F1 $min_relaxed_f1) or the scorer failed (exit $rc)"
    exit 1
fi
echo "PASS: TimeBank scores at or above the floors"
