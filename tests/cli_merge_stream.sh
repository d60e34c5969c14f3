#!/usr/bin/env bash
# The event coder merges a document's events as it goes and frees the room
# of those merged away once no later event can reach them (docs/events.md,
# Relations, Merging): what refers to an earlier event across that point (a cue to
# the previous sentence, a quotation still open) must find the same event
# as when every event is kept to the end.
source "$(dirname "$0")/lib.sh"

# long LEN: a sentence of LEN repetitions, about three events each, and
# many of them merged ("talks" with the talks before)
long() { $PY -c "import sys; print('The ' + 'officials said talks went on ' * int(sys.argv[1]) + 'and ended on Monday.', end=' ')" "$1"; }

# 1. "As a result": the first event of the sentence before causes this
# one, after 600 events of which some 200 were merged away before it.
{ long 150; echo -n "Japan accused China of theft as "; long 150
  echo "As a result, Japan criticized China."; } >"$WORK/cue.txt"
expect_exit 0 "extract, cue after merged events" -- "$EVG" extract -q --dct 2019-05-23 -o "$WORK/cue.json" "$WORK/cue.txt"
$PY - "$WORK/cue.json" <<'PYEOF' && ok || bad "cue relation: not from 'accused' to 'criticized'"
import json, sys
d = json.load(open(sys.argv[1]))
ev = {e["id"]: e for e in d["events"]}
want = [r for r in d["relations"] if r["type"] == "causes" and
        ev[r["from"]]["trigger"]["text"] == "accused" and
        ev[r["to"]]["trigger"]["text"] == "criticized"]
sys.exit(0 if len(want) == 1 else 1)
PYEOF

# 2. A quotation opens after 330 events: the events before it are merged
# and moved while it is open, and what it attributes when it closes does
# not depend on how many events came before it.
quote() {
  { long "$1"
    $PY -c "print('Japan held talks with China, ' * 30, end='')"
    echo 'and reporters wrote: "China criticized Korea. Korea criticized Japan," Vladimir Putin said.'
  } >"$WORK/q$1.txt"
  "$EVG" extract -q --dct 2019-05-23 "$WORK/q$1.txt" | $PY -c '
import json, sys
d = json.load(sys.stdin)
names = {e["id"]: e["name"] for e in d["entities"]}
start = d["sentences"][-2]["end"] - 50  # "and reporters wrote: ..."
for e in sorted(d["events"], key=lambda e: e["trigger"]["start"]):
    if e["trigger"]["start"] >= start:
        print(e["trigger"]["text"], e["modality"],
              names.get(e["attributed_to"]))'
}
quote 20 >"$WORK/q20.out"
quote 100 >"$WORK/q100.out"
[ -s "$WORK/q20.out" ] && grep -q "criticized" "$WORK/q20.out" && ok || bad "quotation: no events found"
if cmp -s "$WORK/q20.out" "$WORK/q100.out"; then ok; else
  bad "quotation after 330 events attributes otherwise: $(diff "$WORK/q20.out" "$WORK/q100.out" | tr '\n' ' ')"
fi

finish
