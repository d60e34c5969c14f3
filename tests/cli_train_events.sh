#!/usr/bin/env bash
# evgraph-train events on TimeML and WordNet files written here (small, so
# that the test is quick): the same model bytes twice, cross-validation
# predictions on the words of the text and the scorer reading them, the
# model used by extract, and the errors: usage, a missing folder, a folder
# without TimeML, an EVENT without a class, a missing WordNet, a class list
# that is missing or has a bad line.
source "$(dirname "$0")/lib.sh"

TRAIN=$(dirname "$EVG")/evgraph-train
[ -x "$TRAIN" ] || { bad "no evgraph-train beside $EVG"; finish; exit 1; }
tb=$WORK/tb; wn=$WORK/wn
mkdir -p "$tb" "$wn"
tml() { # NAME TEXT
  printf '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>%s</DOCID>\n<DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-23" functionInDocument="CREATION_TIME">20190523</TIMEX3></DCT>\n<TEXT>\n%s\n</TEXT>\n</TimeML>\n' "$1" "$2" >"$tb/$1.tml"
}
tml a 'Shares of the carmaker <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on Monday after it <EVENT eid="e2" class="REPORTING">reported</EVENT> a <EVENT eid="e3" class="OCCURRENCE">loss</EVENT>. Investors <EVENT eid="e4" class="I_STATE">hope</EVENT> the company will <EVENT eid="e5" class="OCCURRENCE">recover</EVENT>.'
tml b 'The company <EVENT eid="e1" class="ASPECTUAL">began</EVENT> <EVENT eid="e2" class="OCCURRENCE">selling</EVENT> shares, officials <EVENT eid="e3" class="REPORTING">said</EVENT>. The <EVENT eid="e4" class="OCCURRENCE">sale</EVENT> &amp; the <EVENT eid="e5" class="OCCURRENCE">construction</EVENT> of a plant were <EVENT eid="e6" class="I_ACTION">approved</EVENT>.'
tml c 'The bank <EVENT eid="e1" class="REPORTING">said</EVENT> profits <EVENT eid="e2" class="OCCURRENCE">rose</EVENT>. Analysts <EVENT eid="e3" class="PERCEPTION">saw</EVENT> the <EVENT eid="e4" class="OCCURRENCE">loss</EVENT> <EVENT eid="e5" class="OCCURRENCE">coming</EVENT>.'
# WordNet's format: data lines "OFFSET LEXFILE POS ...", index lines
# "LEMMA POS SYNSETS POINTERS [SYMBOLS] SENSES TAGGED OFFSETS..."
cat >"$wn/data.noun" <<'W'
  1 a licence line starts with two spaces
00067526 04 n 01 loss 0 001 @ 00066636 n 0000 | the act of losing
00911048 04 n 02 construction 0 building 0 001 + 01654646 v 0101 | the act of building
01114824 04 n 01 sale 0 000 | the act of selling
W
cat >"$wn/index.noun" <<'W'
  1 a licence line
construction n 1 1 + 1 1 00911048
loss n 1 1 @ 1 1 00067526
sale n 1 0 1 1 01114824
W
cat >"$wn/data.verb" <<'W'
02242464 40 v 01 sell 0 000 | exchange for money
01009240 32 v 01 say 0 000 | express in words
W
cat >"$wn/index.verb" <<'W'
say v 1 0 1 1 01009240
sell v 1 0 1 1 02242464
W

expect_exit 0 "train" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" -o "$WORK/m1.evgm" -q
expect_exit 0 "train again" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" -o "$WORK/m2.evgm" -q
cmp -s "$WORK/m1.evgm" "$WORK/m2.evgm" && ok || bad "two trainings give different bytes"
expect_exit 0 "train without WordNet" -- "$TRAIN" events --timebank "$tb" --wordnet '' -o "$WORK/m3.evgm" -q
cmp -s "$WORK/m1.evgm" "$WORK/m3.evgm" && bad "WordNet changes nothing" || ok

expect_exit 0 "cross-validation" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --cv 3 --predict "$WORK/pred.tsv" -q
if $PY - "$WORK/pred.tsv" <<'PY' >"$WORK/check" 2>&1
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
assert rows, "no predictions"
for r in rows:
    assert len(r) == 6, r
    assert r[0] in ("a.tml", "b.tml", "c.tml"), r
    assert int(r[1]) < int(r[2]), r
    assert 0.5 <= float(r[4]) < 1, r
print("ok", len(rows))
PY
then ok; else bad "predictions: $(cat "$WORK/check")"; fi
expect_exit 0 "scorer on the predictions" -- $PY "$SRC/tools/score_timeml_events.py" --timebank "$tb" --predict "$WORK/pred.tsv"
grep -q '^event (relaxed span overlap)  P [01]\.[0-9]*  R ' "$WORK/stdout" && ok || bad "scorer output: $(head -c 300 "$WORK/stdout")"
grep -q 'do not hold their word' "$WORK/stderr" && bad "predicted spans off their words" || ok
expect_exit 0 "scorer's confusion table" -- $PY "$SRC/tools/score_timeml_events.py" --timebank "$tb" --predict "$WORK/pred.tsv" --confusion
grep -q '^  OCCURRENCE  *[0-9]' "$WORK/stdout" && ok || bad "no confusion table: $(head -c 300 "$WORK/stdout")"
expect_exit 0 "scorer's consistency figures" -- $PY "$SRC/tools/score_timeml_events.py" --timebank "$tb" --predict "$WORK/pred.tsv" --consistency
grep -q '^  one class per word within its document: [01]\.[0-9]\{4\}$' "$WORK/stdout" && grep -q '^  one class per word, from the other documents: [01]\.[0-9]\{4\}$' "$WORK/stdout" && ok || bad "no consistency figures: $(head -c 600 "$WORK/stdout")"
expect_exit 0 "scorer runs the trainer" -- $PY "$SRC/tools/score_timeml_events.py" --timebank "$tb" --train "$TRAIN" --wordnet "$wn" --cv 3
grep -q '16 gold events' "$WORK/stdout" && ok || bad "scorer: gold events: $(head -c 300 "$WORK/stdout")"
expect_exit 1 "scorer floor" -- $PY "$SRC/tools/score_timeml_events.py" --timebank "$tb" --predict "$WORK/pred.tsv" --min-event-f1 1.01
# --oracle: the held-out documents' labels seen in training, a bound
expect_exit 0 "oracle class stage" -- $PY "$SRC/tools/score_timeml_events.py" --timebank "$tb" --train "$TRAIN" --wordnet "$wn" --cv 3 --seed 7 --oracle class
grep -q '^class  *P [01]\.[0-9]*  R ' "$WORK/stdout" && ok || bad "oracle class: $(head -c 300 "$WORK/stdout")"
expect_exit 0 "oracle model" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --cv 3 --oracle all --predict "$WORK/oracle.tsv" -q
[ -s "$WORK/oracle.tsv" ] && ok || bad "oracle model: no predictions"
expect_exit 2 "--oracle with -o" -- "$TRAIN" events --timebank "$tb" --cv 3 --oracle class -o "$WORK/x.evgm"
expect_exit 2 "--oracle bad" -- "$TRAIN" events --timebank "$tb" --cv 3 --oracle some

# the model in extract
expect_exit 0 "extract with the trained model" -- "$EVG" extract --tokens --events-model "$WORK/m1.evgm" "$tb/a.tml"
grep -q '"class": *"' "$WORK/stdout" && ok || bad "no class in the events document"

expect_exit 2 "no -o" -- "$TRAIN" events --timebank "$tb"
one_line_train() { [ "$(wc -l <"$WORK/stderr")" -eq 1 ] && grep -q '^evgraph-train: ' "$WORK/stderr" && ok || bad "$1: $(head -c 300 "$WORK/stderr")"; }
one_line_train "no -o"
expect_exit 2 "bad number" -- "$TRAIN" events --timebank "$tb" --cv x
expect_exit 2 "--cv 1" -- "$TRAIN" events --timebank "$tb" --cv 1
expect_exit 2 "--dropout 100" -- "$TRAIN" events --timebank "$tb" --dropout 100 -o "$WORK/x.evgm"
one_line_train "--dropout 100"
# dropout (default 80%) is recorded in the model and changes it
grep -aq 'dropout 80%' "$WORK/m1.evgm" && ok || bad "the model's INFO does not record dropout 80%"
expect_exit 0 "train without dropout" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --dropout 0 -o "$WORK/m5.evgm" -q
cmp -s "$WORK/m1.evgm" "$WORK/m5.evgm" && bad "dropout changes nothing" || ok
grep -aq 'dropout 0%' "$WORK/m5.evgm" && ok || bad "the model's INFO does not record dropout 0%"
expect_exit 2 "--members 0" -- "$TRAIN" events --timebank "$tb" --members 0 -o "$WORK/x.evgm"
one_line_train "--members 0"
grep -aq 'members 5' "$WORK/m1.evgm" && ok || bad "the model's INFO does not record 5 members"
expect_exit 0 "train one perceptron" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --members 1 -o "$WORK/m6.evgm" -q
cmp -s "$WORK/m1.evgm" "$WORK/m6.evgm" && bad "five members give the bytes of one" || ok
expect_exit 0 "help" -- "$TRAIN" events --help
grep -q -- '--timebank' "$WORK/stdout" && ok || bad "help lacks --timebank"
expect_exit 3 "missing folder" -- "$TRAIN" events --timebank "$WORK/none" -o "$WORK/x.evgm"
one_line_train "missing folder"
mkdir -p "$WORK/empty"
expect_exit 1 "no TimeML" -- "$TRAIN" events --timebank "$WORK/empty" -o "$WORK/x.evgm"
one_line_train "no TimeML"
mkdir -p "$WORK/bad"
printf '<TimeML><TEXT>It <EVENT eid="e1">fell</EVENT>.</TEXT></TimeML>\n' >"$WORK/bad/x.tml"
expect_exit 1 "an EVENT without a class" -- "$TRAIN" events --timebank "$WORK/bad" --wordnet '' -o "$WORK/x.evgm"
one_line_train "an EVENT without a class"; expect_stderr "without a TimeML class" "an EVENT without a class"
expect_exit 3 "missing WordNet" -- "$TRAIN" events --timebank "$tb" --wordnet "$WORK/none" -o "$WORK/x.evgm"
one_line_train "missing WordNet"
printf 'hope\tv\tI_STATE\n# a comment\n\nsay\tv\tREPORTING\n' >"$WORK/classes.tsv"
expect_exit 0 "train with a class list" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --classes "$WORK/classes.tsv" -o "$WORK/m4.evgm" -q
expect_exit 0 "train without a class list" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --classes '' -o "$WORK/m5.evgm" -q
cmp -s "$WORK/m4.evgm" "$WORK/m5.evgm" && bad "the class list changes nothing" || ok
printf 'hope\tv\tI_STATE\nwant\tverb\tI_STATE\n' >"$WORK/badclasses.tsv"
expect_exit 1 "a bad class list" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --classes "$WORK/badclasses.tsv" -o "$WORK/x.evgm"
one_line_train "a bad class list"; expect_stderr "badclasses.tsv:2:" "a bad class list"
printf 'hope\tv\tHOPEFUL\n' >"$WORK/badclasses.tsv"
expect_exit 1 "an unknown class" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --classes "$WORK/badclasses.tsv" -o "$WORK/x.evgm"
expect_exit 3 "a missing class list" -- "$TRAIN" events --timebank "$tb" --wordnet "$wn" --classes "$WORK/none.tsv" -o "$WORK/x.evgm"
one_line_train "a missing class list"
[ -e "$WORK/x.evgm" ] && bad "a model written after an error" || ok
finish
