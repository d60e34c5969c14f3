#!/usr/bin/env bash
# Event coding quality on the PLOVER gold standard: runs
# tools/score_plover_events.py (which runs `evgraph extract` on every record)
# and fails when the (source country, target country, category) triple F1
# drops below the floor the event coder has reached. Skips (exit 77) when
# ../shared is absent. Also checks that sentences with no codable event stay
# quiet, that a user trigger file extends the lexicon, and that a PETRARCH
# verb dictionary is read (its "[:code]" reverses the roles) or refused with
# one line naming the file and line. With PETRARCH's CAMEO.2.0.txt in
# ../shared, the triple F1 with it loaded has a floor too.
EVG=$1
SRC=$2
SHARED=$3
WORK=$4
FLOOR=0.72      # measured 0.755 with the default confidence 0.5
FLOOR_ALL=0.69  # measured 0.723 counting every event
FLOOR_PETRARCH=0.69  # measured 0.725 with PETRARCH's CAMEO.2.0.txt loaded
DATA="$SHARED/data/plover-gsr"
if [ ! -f "$DATA/PLOVER_GSR_CAMEO.txt" ]; then
  echo "SKIP: $DATA is absent"
  exit 77
fi
rm -rf "$WORK" && mkdir -p "$WORK"
fail=0

python3 "$SRC/tools/score_plover_events.py" --evgraph "$EVG" --data "$DATA" \
  --floor "$FLOOR" >"$WORK/score.txt" 2>&1
rc=$?
cat "$WORK/score.txt"
if [ "$rc" -ne 0 ]; then
  echo "FAIL: PLOVER triple F1 below $FLOOR (exit $rc)"
  fail=1
fi
python3 "$SRC/tools/score_plover_events.py" --evgraph "$EVG" --data "$DATA" \
  --min-confidence 0 --floor "$FLOOR_ALL" >"$WORK/score_all.txt" 2>&1
rc=$?
echo "counting every event: $(tail -1 "$WORK/score_all.txt")"
if [ "$rc" -ne 0 ]; then
  echo "FAIL: PLOVER triple F1 counting every event below $FLOOR_ALL (exit $rc)"
  fail=1
fi
PETRARCH_VERBS="$SHARED/data/petrarch/CAMEO.2.0.txt"
if [ -f "$PETRARCH_VERBS" ]; then
  python3 "$SRC/tools/score_plover_events.py" --evgraph "$EVG" --data "$DATA" \
    --dict "$PETRARCH_VERBS" --floor "$FLOOR_PETRARCH" \
    >"$WORK/score_petrarch.txt" 2>&1
  rc=$?
  echo "with CAMEO.2.0.txt: $(tail -1 "$WORK/score_petrarch.txt")"
  if [ "$rc" -ne 0 ]; then
    echo "FAIL: PLOVER triple F1 with PETRARCH's verbs below $FLOOR_PETRARCH (exit $rc)"
    fail=1
  fi
else
  echo "SKIP (part): $PETRARCH_VERBS is absent"
fi

# quiet: no actor, or nothing that happens between actors
printf 'The weather in Japan was mild on Monday. Prices rose in Australia.\n' \
  >"$WORK/quiet.txt"
"$EVG" extract -q --cameo-only --dct 2020-01-01 "$WORK/quiet.txt" >"$WORK/quiet.json"
n=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["events"]))' "$WORK/quiet.json")
if [ "$n" != "0" ]; then
  echo "FAIL: $n events from sentences with no codable event"
  fail=1
fi

# a user trigger file: a new verb becomes an event
printf 'Japan snubbed Australia on Monday.\n' >"$WORK/snub.txt"
printf '#evgraph:triggers\nsnub\t111\tobj\tv\n' >"$WORK/snub.tsv"
"$EVG" extract -q --dct 2020-01-01 --dict "$WORK/snub.tsv" "$WORK/snub.txt" \
  >"$WORK/snub.json"
python3 - "$WORK/snub.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
ents = {e["id"]: e for e in d["entities"]}
ok = any(e["cameo"] == "111" and
         [ents[i]["country"] for i in e["source"]] == ["JPN"] and
         [ents[i]["country"] for i in e["target"]] == ["AUS"]
         for e in d["events"])
if not ok:
    print("FAIL: user trigger 'snub' did not code Japan -> Australia 111")
    sys.exit(1)
PY
# a malformed trigger file is a clear error, not a crash
printf '#evgraph:triggers\nsnub\t999\tobj\tv\n' >"$WORK/bad.tsv"
"$EVG" extract -q --dict "$WORK/bad.tsv" "$WORK/snub.txt" >/dev/null 2>"$WORK/bad.err"
rc=$?
if [ "$rc" -eq 0 ] || ! grep -q 'bad.tsv:2' "$WORK/bad.err"; then
  echo "FAIL: bad trigger file: exit $rc, stderr: $(head -c 200 "$WORK/bad.err")"
  fail=1
fi
# a PETRARCH verb dictionary: synonym set, block, "[:code]" pattern
printf 'Japan received missiles from Australia on Monday.\n' >"$WORK/recv.txt"
cat >"$WORK/mini.verbs" <<'VERBS'
&ARMS
+MISSILE
+FIGHTER_JET

---  OBTAIN   [---]  ---
RECEIVE
- * &ARMS                 [:072]   # the giver is the source
VERBS
"$EVG" extract -q --dct 2020-01-01 --dict "$WORK/mini.verbs" "$WORK/recv.txt" \
  >"$WORK/recv.json"
python3 - "$WORK/recv.json" <<'PY' || fail=1
import json, sys
d = json.load(open(sys.argv[1]))
ents = {e["id"]: e for e in d["entities"]}
ok = any(e["cameo"] == "072" and
         [ents[i]["country"] for i in e["source"]] == ["AUS"] and
         [ents[i]["country"] for i in e["target"]] == ["JPN"]
         for e in d["events"])
if not ok:
    print("FAIL: verb dictionary '[:072]' did not code Australia -> Japan 072")
    sys.exit(1)
PY
printf -- '--- A [010] ---\nSAY\n- * AID [999]\n' >"$WORK/bad.verbs"
"$EVG" extract -q --dict "$WORK/bad.verbs" "$WORK/recv.txt" >/dev/null \
  2>"$WORK/badv.err"
rc=$?
if [ "$rc" -ne 1 ] || ! grep -q "bad.verbs:3: unknown CAMEO code '999'" \
     "$WORK/badv.err" || [ "$(wc -l <"$WORK/badv.err")" -ne 1 ]; then
  echo "FAIL: bad verb dictionary: exit $rc, stderr: $(head -c 200 "$WORK/badv.err")"
  fail=1
fi
exit $fail
