#!/usr/bin/env bash
# Ids in an events document are names, not positions: renumbered, renamed,
# reordered or absent ids read back to the same graph; a reference to an id
# that does not exist, or an id given twice, is one clear line naming it,
# exit status 1.
source "$2/tests/lib.sh"
command -v "$PY" >/dev/null || { echo "SKIP: no python3"; exit 77; }
R="$SRC/tests/readers/rename_ids.py"
for doc in "$SRC"/fixtures/expected/*.events.json; do
  name=$(basename "$doc" .events.json)
  "$EVG" graph -f json "$doc" >"$WORK/$name.ref.json" 2>"$WORK/err" ||
    bad "$name: graph failed: $(head -c 300 "$WORK/err")"
  for mode in "" --drop-ids; do
    "$PY" "$R" $mode "$doc" >"$WORK/$name$mode.json"
    expect_exit 0 "$name ${mode:-renamed ids}" -- "$EVG" graph -f json "$WORK/$name$mode.json"
    if cmp -s "$WORK/stdout" "$WORK/$name.ref.json"; then ok; else
      bad "$name ${mode:-renamed ids}: the graph differs from the original's"
    fi
  done
  # entities in another order: the same actors and events (actor ids
  # follow the order of first appearance)
  "$PY" "$R" --reverse "$doc" >"$WORK/$name.rev.json"
  expect_exit 0 "$name reversed entities" -- "$EVG" graph -f csv-nodes "$WORK/$name.rev.json"
  "$EVG" graph -f csv-nodes "$doc" | cut -d, -f2- | sort >"$WORK/a.csv"
  cut -d, -f2- "$WORK/stdout" | sort >"$WORK/b.csv"
  if [ "$(wc -l <"$WORK/a.csv")" -gt 1 ] &&
     [ "$("$EVG" graph -f csv "$doc" | wc -l)" = "$("$EVG" graph -f csv "$WORK/$name.rev.json" | wc -l)" ] &&
     diff -q <(cut -d, -f1-3 "$WORK/a.csv") <(cut -d, -f1-3 "$WORK/b.csv") >/dev/null; then ok; else
    bad "$name reversed entities: other nodes or events"
  fi
done

doc="$SRC/fixtures/expected/huawei-south-korea.events.json"
"$PY" "$R" "$doc" >"$WORK/renamed.json"
"$PY" - "$WORK/renamed.json" "$WORK" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
w = sys.argv[2]
def save(name, doc):
    json.dump(doc, open(f"{w}/{name}.json", "w"))
x = json.loads(json.dumps(d)); x["events"][0]["source"] = ["nobody"]; save("dangling", x)
x = json.loads(json.dumps(d)); x["entities"][1]["id"] = x["entities"][0]["id"]; save("duplicate", x)
x = json.loads(json.dumps(d)); x["relations"][0]["to"] = "ev/999"; save("dangling-event", x)
x = json.loads(json.dumps(d)); x["entities"][2]["id"] = ""; save("empty-id", x)
x = json.loads(json.dumps(d)); x["events"][1]["id"] = 7; save("number-id", x)
PYEOF
expect_exit 1 "dangling entity reference" -- "$EVG" graph "$WORK/dangling.json"
one_line "dangling entity reference"
expect_stderr "reference 'nobody' names no entity" "dangling entity reference"
expect_exit 1 "duplicate entity id" -- "$EVG" graph "$WORK/duplicate.json"
one_line "duplicate entity id"
expect_stderr "entity id 'e0' is given twice" "duplicate entity id"
expect_exit 1 "dangling event reference" -- "$EVG" render -f dot "$WORK/dangling-event.json"
expect_stderr "reference 'ev/999' names no event" "dangling event reference"
expect_exit 1 "empty id" -- "$EVG" stats "$WORK/empty-id.json"
expect_stderr "entities: item 3: 'id' must be a non-empty string" "empty id"
expect_exit 1 "number id" -- "$EVG" graph "$WORK/number-id.json"
expect_stderr "events: item 2: 'id' must be a non-empty string" "number id"
finish
