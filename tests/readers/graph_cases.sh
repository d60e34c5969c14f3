# Sourced by the tests/cli_graph_*.sh reader tests after tests/lib.sh: builds
# the test inputs and runs a check over every case. A case is a set of
# events documents plus graph options; each is exported in the format under
# test and compared with evgraph's own node-link JSON of the same graph.
#   cases: story (three team-written documents about one story, merged),
#   story-actors (their actor projection), story-entity (--entity Huawei),
#   story-asserted (--modality asserted --from 2019-01-01), synthetic and
#   synthetic-actors (readers/gen_events.py, 1,000 reports), fixtures (the
#   `evgraph extract` output of fixtures/*.txt and of the seed article in
#   ../shared/seed when it is there), uncoded, uncoded-actors and
#   uncoded-cameo-only (fixtures/velmora.events.jsonl: events CAMEO has no
#   code for, with their TimeML class and participants by role).
DATA="$SRC/tests/data"
CASES=(story story-actors story-entity story-asserted uncoded uncoded-actors
  uncoded-cameo-only)
# 20 synthetic documents of 50 events each (readers/gen_events.py): scale,
# merging and escaping beyond the hand-written story
if "$PY" "$SRC/tests/readers/gen_events.py" 20 50 "$WORK/synthetic" 2>"$WORK/gen.err"; then
  CASES+=(synthetic synthetic-actors)
else
  bad "gen_events.py failed: $(head -c 300 "$WORK/gen.err")"
fi
case_args() {
  case $1 in
    story) echo "" ;;
    story-actors) echo "--projection actors" ;;
    story-entity) echo "--entity Huawei" ;;
    story-asserted) echo "--modality asserted --from 2019-01-01" ;;
    fixtures|synthetic) echo "" ;;
    synthetic-actors) echo "--projection actors" ;;
    uncoded) echo "" ;;
    uncoded-actors) echo "--projection actors" ;;
    uncoded-cameo-only) echo "--cameo-only" ;;
  esac
}
case_inputs() {
  case $1 in
    fixtures) echo "$WORK"/fixture-*.json ;;
    synthetic*) echo "$WORK"/synthetic/*.json ;;
    uncoded*) echo "$SRC/fixtures/velmora.events.jsonl" ;;
    *) echo "$DATA/graph_story_a.json $DATA/graph_story_b.json $DATA/graph_story_c.json" ;;
  esac
}
shopt -s nullglob
fixtures=("$SRC"/fixtures/*.txt "$SHARED"/seed/*.txt)
if [ ${#fixtures[@]} -gt 0 ]; then
  if "$EVG" extract -q "${fixtures[@]}" >"$WORK/fixtures.jsonl" 2>"$WORK/extract.err"; then
    # one file per document, so that every one of them is read whatever
    # the JSON Lines reader does
    split -l 1 -d -a 3 --additional-suffix=.json "$WORK/fixtures.jsonl" "$WORK/fixture-"
    CASES+=(fixtures)
  else
    bad "evgraph extract fixtures/*.txt: $(head -c 300 "$WORK/extract.err")"
  fi
fi
shopt -u nullglob

# export CASE FORMAT OUT: writes CASE in FORMAT to OUT.
export_case() {
  # shellcheck disable=SC2046
  "$EVG" graph $(case_args "$1") -f "$2" -o "$3" $(case_inputs "$1") 2>"$WORK/graph.err"
}

# reference CASE: writes $WORK/CASE.ref.json (node-link JSON).
reference() {
  export_case "$1" json "$WORK/$1.ref.json" ||
    bad "$1: graph -f json failed: $(head -c 300 "$WORK/graph.err")"
}

# run_python_readers READER:FORMAT...: exports every case in each FORMAT and
# has readers/check_graph.py load it with READER and compare it.
run_python_readers() {
  local c pair reader fmt out rc
  for c in "${CASES[@]}"; do
    reference "$c"
    for pair in "$@"; do
      reader=${pair%%:*} fmt=${pair#*:}
      out="$WORK/$c.$fmt"
      if ! export_case "$c" "$fmt" "$out"; then
        bad "$c: graph -f $fmt failed: $(head -c 300 "$WORK/graph.err")"
        continue
      fi
      "$PY" "$SRC/tests/readers/check_graph.py" "$reader" "$out" \
        "$WORK/$c.ref.json" >"$WORK/check.out" 2>&1
      rc=$?
      if [ $rc -eq 0 ]; then ok; else
        bad "$c: $reader (exit $rc): $(head -c 2000 "$WORK/check.out")"
      fi
      sed "s/^/$c: /" "$WORK/check.out"
    done
  done
}

# need_module MODULE PACKAGE: skips the script (exit 77) without it.
need_module() {
  if ! "$PY" -c "import $1" 2>/dev/null; then
    echo "SKIP: python module $1 missing (Debian $2; scripts/deps.sh test)"
    exit 77
  fi
}
