#!/usr/bin/env bash
# Failure paths of the command line: every bad input gets one clear line on
# stderr and the documented exit status, and nothing already written is lost.
source "$(dirname "$0")/lib.sh"
FIX=$SRC/fixtures/huawei-south-korea.txt

expect_exit 0 "--help" -- "$EVG" --help
grep -q 'Exit status' "$WORK/stdout" && ok || bad "--help lists exit codes"
expect_exit 0 "--version" -- "$EVG" --version
grep -Eq '^evgraph [0-9]+\.[0-9]+' "$WORK/stdout" && ok || bad "--version prints a version"
expect_exit 0 "help run" -- "$EVG" help run
grep -q -- '--output DIR' "$WORK/stdout" && ok || bad "help run shows --output"
for c in extract graph render run; do
  expect_exit 0 "$c --help" -- "$EVG" "$c" --help
done

expect_exit 2 "no command" -- "$EVG"
expect_exit 2 "unknown command" -- "$EVG" frobnicate
one_line "unknown command"
expect_exit 2 "unknown option" -- "$EVG" extract --bogus "$FIX"
one_line "unknown option"; expect_stderr "unknown option '--bogus'" "unknown option named"
expect_exit 2 "missing argument" -- "$EVG" extract --dct
expect_exit 2 "bad --dct" -- "$EVG" extract --dct 23/05/2019 "$FIX"
expect_stderr "not a date" "bad --dct explained"
expect_exit 2 "bad format" -- "$EVG" graph -f pdfx "$WORK/none.json"
expect_exit 2 "run without input" -- "$EVG" run -o "$WORK/o"
expect_exit 2 "bad --gexf-version" -- "$EVG" graph -f gexf --gexf-version 1.4 "$WORK/none.json"
one_line "bad --gexf-version"; expect_stderr "'1.4' is not 1.2 or 1.3" "bad --gexf-version named"
expect_exit 2 "--gexf-version without gexf" -- "$EVG" graph -f gml --gexf-version 1.3 "$WORK/none.json"
expect_stderr "applies to -f gexf only" "--gexf-version without gexf explained"
expect_exit 0 "-V" -- "$EVG" -V
expect_exit 2 "completion without shell" -- "$EVG" completion
one_line "completion without shell"

# invalid UTF-8: the error names the file and the byte offset
printf 'date 2019-05-23 PARIS (AFP) - Le pr\xe9sident a parl\xe9.\n' >"$WORK/latin1.txt"
expect_exit 1 "invalid UTF-8" -- "$EVG" extract "$WORK/latin1.txt"
one_line "invalid UTF-8"; expect_stderr "latin1.txt: invalid UTF-8 at byte 35" "offset of bad byte"
expect_exit 0 "--lenient" -- "$EVG" extract --lenient "$WORK/latin1.txt"
expect_stderr "warning: .*replaced 2 invalid UTF-8" "--lenient warns"

# empty, blank and binary input
: >"$WORK/empty.txt"
expect_exit 1 "empty file" -- "$EVG" extract "$WORK/empty.txt"
one_line "empty file"; expect_stderr "empty.txt: no text" "empty named"
printf ' \n\n \t\n' >"$WORK/blank.txt"
expect_exit 1 "blank file" -- "$EVG" extract "$WORK/blank.txt"
head -c 4096 /dev/urandom >"$WORK/junk.bin" 2>/dev/null || printf '\0\1\2\377' >"$WORK/junk.bin"
printf '\0' >>"$WORK/junk.bin"
expect_exit 1 "binary junk" -- "$EVG" extract "$WORK/junk.bin"
one_line "binary junk"
expect_exit 3 "missing file" -- "$EVG" extract "$WORK/nope.txt"
one_line "missing file"; expect_stderr "nope.txt: cannot open" "missing file named"
mkdir -p "$WORK/nothing"; : >"$WORK/nothing/notes.md"
expect_exit 3 "folder without articles" -- "$EVG" extract "$WORK/nothing"

# an enormous line and the size limit
python3 -c 'import sys; sys.stdout.write("word " * 400000)' >"$WORK/huge.txt"
expect_exit 1 "over --max-bytes" -- "$EVG" extract --max-bytes 1000 "$WORK/huge.txt"
one_line "over --max-bytes"; expect_stderr "limit" "limit named"
expect_exit 1 "enormous sentence" -- "$EVG" extract --dct 2019-05-23 "$WORK/huge.txt"
one_line "enormous sentence"; expect_stderr "over the limit .*--max-sentence" "sentence limit named"
expect_exit 0 "enormous line within raised limits" -- "$EVG" extract --max-sentence 4000000 --dct 2019-05-23 "$WORK/huge.txt"

# one bad file among good ones: the good ones still come out, status 1
expect_exit 1 "mixed inputs" -- "$EVG" extract "$FIX" "$WORK/empty.txt"
[ "$(wc -l <"$WORK/stdout")" -eq 1 ] && ok || bad "mixed inputs: the good article is still printed"

# malformed events documents
printf '{"schema": "evgraph-events/1", "document": {' >"$WORK/broken.json"
expect_exit 1 "malformed JSON" -- "$EVG" graph "$WORK/broken.json"
one_line "malformed JSON"; expect_stderr "broken.json: .*malformed JSON" "malformed JSON named"
printf '{"hello": 1}' >"$WORK/other.json"
expect_exit 1 "not an events document" -- "$EVG" render "$WORK/other.json"
expect_stderr "not an events document" "wrong schema named"
printf '{"schema":"evgraph-events/1","document":{"id":"x"},"events":[{"cameo":"010","source":["e9"]}]}' >"$WORK/badref.json"
expect_exit 1 "dangling reference" -- "$EVG" graph "$WORK/badref.json"
expect_stderr "reference 'e9' names no entity" "dangling reference named"

# unwritable outputs: exit 3, and an existing output is not clobbered
"$EVG" extract -q "$FIX" >"$WORK/good.json" 2>/dev/null
cp "$WORK/good.json" "$WORK/keep.json"
expect_exit 3 "unwritable -o" -- "$EVG" extract -q -o /proc/evgraph-no/x.json "$FIX"
one_line "unwritable -o"
chmod 500 "$WORK" 2>/dev/null
if [ "$(id -u)" -ne 0 ]; then
  expect_exit 3 "read-only folder" -- "$EVG" extract -q -o "$WORK/keep.json" "$FIX"
fi
chmod 700 "$WORK"
expect_exit 1 "failed extract keeps old output" -- "$EVG" extract -q -o "$WORK/keep.json" "$WORK/empty.txt"
cmp -s "$WORK/good.json" "$WORK/keep.json" && ok || bad "existing output was changed by a failing run"
expect_exit 3 "run into a file" -- "$EVG" run -q -o "$WORK/good.json" "$FIX"
if [ -e /dev/full ]; then
  expect_exit 3 "stdout full" -- sh -c "\"$EVG\" extract -q \"$FIX\" >/dev/full"
fi

finish
