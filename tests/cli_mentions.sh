#!/usr/bin/env bash
# Event mentions on the command line: with the syntax model, extract finds
# events without a CAMEO code (cameo null, a TimeML class) beside the CAMEO
# ones, which get their class too; the model is found by --events-model,
# $EVGRAPH_EVENTS_MODEL or the source tree; a missing, truncated, corrupt or
# foreign model is one line on stderr and exit 1.
source "$(dirname "$0")/lib.sh"

model=$SRC/models/en-timebank-events.evgm
if [ ! -f "$model" ]; then bad "the model $model is missing"; finish; exit 1; fi
f=$WORK/article.txt
cat >"$f" <<'TXT'
WASHINGTON, May 23, 2019 (Reuters) - Shares of the carmaker fell sharply on Monday after it reported a loss. The United States condemned the attack on the embassy.
TXT

check_events() { # FILE: uncoded events with a class; CAMEO events classed
  $PY - "$1" <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").read())
ev = doc["events"]
unc = [e for e in ev if e["cameo"] is None]
assert unc, "no event without a CAMEO code"
for e in unc:
    assert e["class"] in ("OCCURRENCE", "REPORTING", "STATE", "I_ACTION",
                          "I_STATE", "ASPECTUAL", "PERCEPTION"), e
    assert 0.5 <= e["confidence"] < 1, e
words = {e["trigger"]["text"] for e in unc}
assert {"fell", "loss"} <= words, words
coded = [e for e in ev if e["cameo"] is not None]
assert coded and all(e["class"] for e in coded), coded
print("ok", len(unc), "uncoded,", len(coded), "coded")
PY
}

expect_exit 0 "extract --tokens" -- "$EVG" extract --tokens "$f"
cp "$WORK/stdout" "$WORK/a.json"
if check_events "$WORK/a.json" >"$WORK/check" 2>&1; then ok; else
  bad "extract --tokens: $(cat "$WORK/check")"; fi
# the same model three ways, the same output
EVGRAPH_EVENTS_MODEL=$model "$EVG" extract --tokens "$f" >"$WORK/b.json"
"$EVG" extract --tokens --events-model "$model" "$f" >"$WORK/c.json"
cmp -s "$WORK/a.json" "$WORK/b.json" && ok || bad "EVGRAPH_EVENTS_MODEL gives other output"
cmp -s "$WORK/a.json" "$WORK/c.json" && ok || bad "--events-model gives other output"
# without the parse, no event without a code
"$EVG" extract --no-parse "$f" >"$WORK/plain.json"
grep -q '"cameo": *null' "$WORK/plain.json" && bad "uncoded events with --no-parse" || ok

expect_exit 1 "missing model" -- "$EVG" extract --tokens --events-model "$WORK/none.evgm" "$f"
one_line "missing model"; expect_stderr "event-mention model" "missing model"
head -c 100000 "$model" >"$WORK/trunc.evgm"
expect_exit 1 "truncated model" -- "$EVG" extract --tokens --events-model "$WORK/trunc.evgm" "$f"
one_line "truncated model"; expect_stderr "truncated" "truncated model"
cp "$model" "$WORK/bad.evgm"
printf '\x5a' | dd of="$WORK/bad.evgm" bs=1 seek=5000 conv=notrunc status=none
expect_exit 1 "corrupt model" -- "$EVG" extract --tokens --events-model "$WORK/bad.evgm" "$f"
one_line "corrupt model"; expect_stderr "corrupt" "corrupt model"
expect_exit 1 "the syntax model as events model" -- \
  "$EVG" extract --tokens --events-model "$SRC/models/en-ud-syntax.evgm" "$f"
one_line "the syntax model as events model"
expect_stderr "not an evgraph event-mention model" "the syntax model as events model"
EVGRAPH_EVENTS_MODEL=$WORK/none.evgm expect_exit 1 "missing model from the environment" -- \
  "$EVG" extract --tokens "$f"
expect_exit 0 "help" -- "$EVG" extract --help
grep -q -- '--events-model' "$WORK/stdout" && ok || bad "--help does not list --events-model"
finish
