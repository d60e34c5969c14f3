#!/bin/bash
# evgraph parse: well-formed CoNLL-U for articles and for given tokens, the
# same output twice, clear errors for missing or damaged models and bad
# CoNLL-U, and (with ../shared) floors on UD English EWT test scores.
# Called by ctest as: cli_parse.sh EVGRAPH_BIN SOURCE_DIR SHARED_DIR WORK_DIR
source "$(dirname "$0")/lib.sh"
export ASAN_OPTIONS=detect_leaks=0 # leaks are the unit tests' business
model=$SRC/models/en-ud-syntax.evgm
if [ ! -f "$model" ]; then bad "the model $model is missing"; finish; exit 1; fi

# articles: every fixture, offsets checked against the file's bytes
for f in "$SRC"/fixtures/*.txt; do
  expect_exit 0 "parse $(basename "$f")" -- "$EVG" parse "$f"
  cp "$WORK/stdout" "$WORK/out.conllu"
  if $PY "$SRC/tools/check_conllu.py" "$WORK/out.conllu" --text "$f" >"$WORK/check" 2>&1
  then ok; else bad "$(basename "$f"): $(cat "$WORK/check")"; fi
done
f=$(ls "$SRC"/fixtures/*.txt | head -1)
"$EVG" parse "$f" >"$WORK/a" && "$EVG" parse "$f" >"$WORK/b"
if cmp -s "$WORK/a" "$WORK/b"; then ok; else bad "two parses differ"; fi
# the model from EVGRAPH_MODEL and from --model give the same output
EVGRAPH_MODEL=$model "$EVG" parse - <"$f" >"$WORK/c"
if diff <(grep -v '^# sent_id' "$WORK/a") <(grep -v '^# sent_id' "$WORK/c") >/dev/null
then ok; else bad "stdin with EVGRAPH_MODEL differs from the file"; fi

# given tokens: the team's sample treebank with its annotation blanked
awk -F'\t' 'BEGIN{OFS="\t"} NF==10 && $1 ~ /^[0-9]+$/ {$3=$4=$5=$6=$7=$8=$9="_"} {print}' \
  "$SRC/tests/data/syntax_tiny.conllu" >"$WORK/blank.conllu"
expect_exit 0 "parse --conllu-in" -- "$EVG" parse --conllu-in "$WORK/blank.conllu"
cp "$WORK/stdout" "$WORK/filled.conllu"
if $PY "$SRC/tools/check_conllu.py" "$WORK/filled.conllu" >"$WORK/check" 2>&1
then ok; else bad "--conllu-in output: $(cat "$WORK/check")"; fi
if diff <(grep -c . "$WORK/blank.conllu") <(grep -c . "$WORK/filled.conllu") >/dev/null &&
   diff <(cut -f1,2,10 "$WORK/blank.conllu" | grep -v '^#') \
        <(cut -f1,2,10 "$WORK/filled.conllu" | grep -v '^#') >/dev/null
then ok; else bad "--conllu-in changed the tokens, comments or MISC"; fi
grep -q $'^3-4\tdidn\'t' "$WORK/filled.conllu" && ok || bad "multi-word token line lost"

# errors: one line each, documented exit status
expect_exit 1 "missing model" -- "$EVG" parse --model "$WORK/none.evgm" "$f"
one_line "missing model"
head -c 100000 "$model" >"$WORK/trunc.evgm"
expect_exit 1 "truncated model" -- "$EVG" parse --model "$WORK/trunc.evgm" "$f"
one_line "truncated model"; expect_stderr "truncated" "truncated model"
cp "$model" "$WORK/bad.evgm"
printf '\x55' | dd of="$WORK/bad.evgm" bs=1 seek=5000 conv=notrunc 2>/dev/null
expect_exit 1 "corrupt model" -- "$EVG" parse --model "$WORK/bad.evgm" "$f"
one_line "corrupt model"; expect_stderr "corrupt" "corrupt model"
expect_exit 1 "a text file as model" -- "$EVG" parse --model "$f" "$f"
one_line "a text file as model"
printf '1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n3\tB\t_\t_\t_\t_\t_\t_\t_\t_\n' >"$WORK/gap.conllu"
expect_exit 1 "IDs out of sequence" -- "$EVG" parse --conllu-in "$WORK/gap.conllu"
one_line "IDs out of sequence"; expect_stderr "line 2" "IDs out of sequence"
printf '\xff\xfe\n' >"$WORK/bin.conllu"
expect_exit 1 "binary CoNLL-U" -- "$EVG" parse --conllu-in "$WORK/bin.conllu"
one_line "binary CoNLL-U"
: >"$WORK/empty.conllu"
expect_exit 1 "empty CoNLL-U" -- "$EVG" parse --conllu-in "$WORK/empty.conllu"
one_line "empty CoNLL-U"
expect_exit 2 "unknown option" -- "$EVG" parse --frobnicate
one_line "unknown option"
expect_exit 2 "both inputs" -- "$EVG" parse --conllu-in "$WORK/blank.conllu" "$f"
expect_exit 3 "unreadable input" -- "$EVG" parse --conllu-in "$WORK/nothing-here.conllu"
one_line "unreadable input"
expect_exit 0 "help" -- "$EVG" parse --help
grep -q -- '--conllu-in' "$WORK/stdout" && ok || bad "--help does not list --conllu-in"

# the token layer in the events document (extract --tokens)
expect_exit 0 "extract --tokens" -- "$EVG" extract --tokens "$f"
cp "$WORK/stdout" "$WORK/tokens.json"
if $PY - "$WORK/tokens.json" "$f" >"$WORK/check" 2>&1 <<'PY'
import json, sys
doc = json.loads(open(sys.argv[1], encoding="utf-8").read())
raw = open(sys.argv[2], "rb").read()
n = 0
for s in doc["sentences"]:
    toks = s["tokens"]
    assert toks, "a sentence without tokens"
    roots = [t for t in toks if t["head"] == 0]
    assert len(roots) == 1 and roots[0]["deprel"] == "root", "one root"
    for t in toks:
        assert 0 <= t["head"] <= len(toks), "head in range"
        assert raw[t["start"]:t["end"]].decode() == t["form"], "offsets"
        assert t["upos"] and t["xpos"] and t["lemma"] is not None
        n += 1
print("ok", n, "tokens")
PY
then ok; else bad "extract --tokens: $(cat "$WORK/check")"; fi
"$EVG" extract "$f" >"$WORK/plain.json"
grep -q '"tokens"' "$WORK/plain.json" && bad "tokens without --tokens" || ok
expect_exit 0 "graph reads a document with tokens" -- "$EVG" graph -f json "$WORK/tokens.json"
expect_exit 1 "extract --tokens, missing model" -- "$EVG" extract --tokens --model "$WORK/none.evgm" "$f"
one_line "extract --tokens, missing model"

# floors on UD English EWT test, gold tokenization (about 0.3 below the
# figures in docs/syntax.md, so that accuracy cannot regress silently)
ewt=$SHARED/data/ud-english/en_ewt-ud-test.conllu
if [ -f "$ewt" ]; then
  $PY "$SHARED/tools/conllu_score.py" "$ewt" \
      --cmd "$EVG parse --conllu-in {file}" >"$WORK/score" 2>&1
  cat "$WORK/score"
  read -r upos uas las < <(awk '/^UPOS/ {print $2, $4, $6}' "$WORK/score")
  if awk -v u="${upos:-0}" -v a="${uas:-0}" -v l="${las:-0}" \
       'BEGIN {exit !(u >= 94.7 && a >= 84.4 && l >= 81.2)}'
  then ok; else bad "EWT test below the floors: UPOS $upos UAS $uas LAS $las"; fi
else
  echo "SKIP (part): no UD English data at $ewt"
fi
finish
