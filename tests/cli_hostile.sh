#!/usr/bin/env bash
# Hostile input and faults (docs/robustness.md): each check here failed
# before the fix it guards.
source "$(dirname "$0")/lib.sh"
FIX=$SRC/fixtures/huawei-south-korea.txt

# 1. A document path with a script scheme is never a link, in any view.
"$EVG" extract --dct 2019-05-23 "$FIX" >"$WORK/fix.json" 2>/dev/null
$PY - "$WORK/fix.json" "$WORK/js.json" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
d["document"]["path"] = "javascript:document.title='PWNED'"
json.dump(d, open(sys.argv[2], "w"))
PYEOF
for f in html svg; do
  expect_exit 0 "render $f of a javascript: path" -- "$EVG" render -f $f -o "$WORK/js.$f" "$WORK/js.json"
  if grep -qi 'href="javascript\|xlink:href="javascript\|href="[^"]*javascript%3A' "$WORK/js.$f"; then
    bad "render $f: javascript: path became a link"
  else ok; fi
  grep -q "PWNED" "$WORK/js.$f" && ok || bad "render $f: the path is still shown as text"
done
expect_exit 0 "network view of a javascript: path" -- "$EVG" render --view graph -f svg -o "$WORK/jsn.svg" "$WORK/js.json"
grep -qi 'href="javascript' "$WORK/jsn.svg" && bad "network svg: javascript: link" || ok

# 2. -o onto something other than a regular file writes through it.
D=$WORK/out2; mkdir -p "$D"
mkfifo "$D/fifo"
timeout 30 cat "$D/fifo" >"$D/from-fifo" &
reader=$!
expect_exit 0 "-o onto a FIFO" -- "$EVG" graph -f csv -o "$D/fifo" "$WORK/fix.json"
wait $reader
[ -p "$D/fifo" ] && ok || bad "-o FIFO: the FIFO was replaced"
grep -q '^event_id,' "$D/from-fifo" && ok || bad "-o FIFO: the reader got the table: $(head -c 100 "$D/from-fifo")"
echo old >"$D/real.csv"; ln -s real.csv "$D/link.csv"
expect_exit 0 "-o onto a symlink" -- "$EVG" graph -f csv -o "$D/link.csv" "$WORK/fix.json"
[ -L "$D/link.csv" ] && ok || bad "-o symlink: the link was replaced"
grep -q '^event_id,' "$D/real.csv" && ok || bad "-o symlink: the file it points to was not written"
ln -s new.csv "$D/dangling.csv"
expect_exit 0 "-o onto a dangling symlink" -- "$EVG" graph -f csv -o "$D/dangling.csv" "$WORK/fix.json"
[ -L "$D/dangling.csv" ] && [ -s "$D/new.csv" ] && ok || bad "-o dangling symlink: its target was not created"
expect_exit 0 "-o /dev/stdout" -- "$EVG" graph -f csv -o /dev/stdout "$WORK/fix.json"
grep -q '^event_id,' "$WORK/stdout" && ok || bad "-o /dev/stdout: nothing on stdout"
echo first >"$D/appended"
"$EVG" graph -f csv -o /dev/stdout "$WORK/fix.json" >>"$D/appended"
[ "$(head -1 "$D/appended")" = first ] && grep -q '^event_id,' "$D/appended" && ok ||
  bad "-o /dev/stdout >>file: the output is not appended"
"$EVG" graph -f csv -o /dev/fd/3 "$WORK/fix.json" 3>"$D/fd3"
grep -q '^event_id,' "$D/fd3" && ok || bad "-o /dev/fd/3: nothing written"
if mknod "$D/null" c 1 3 2>/dev/null && mknod "$D/full" c 1 7 2>/dev/null; then
  expect_exit 0 "-o onto a device node" -- "$EVG" graph -f csv -o "$D/null" "$WORK/fix.json"
  [ -c "$D/null" ] && ok || bad "-o device: the device node was replaced"
  expect_exit 3 "-o onto a full device" -- "$EVG" graph -f csv -o "$D/full" "$WORK/fix.json"
  one_line "-o full device"; expect_stderr "full: write failed: No space left" "ENOSPC named"
  [ -c "$D/full" ] && ok || bad "-o full device: replaced"
else
  echo "SKIP: device nodes (mknod needs root)"
fi
expect_exit 3 "-o onto a folder" -- "$EVG" graph -f csv -o "$D" "$WORK/fix.json"
one_line "-o folder"

# 6. Output permissions follow the umask and the replaced file's mode.
rm -f "$D/m1.csv" "$D/m2.csv"
(umask 077; "$EVG" graph -f csv -o "$D/m1.csv" "$WORK/fix.json")
[ "$(stat -c %a "$D/m1.csv")" = 600 ] && ok || bad "umask 077: new file is $(stat -c %a "$D/m1.csv")"
(umask 022; "$EVG" graph -f csv -o "$D/m2.csv" "$WORK/fix.json")
[ "$(stat -c %a "$D/m2.csv")" = 644 ] && ok || bad "umask 022: new file is $(stat -c %a "$D/m2.csv")"
chmod 640 "$D/m2.csv"
(umask 022; "$EVG" graph -f csv -o "$D/m2.csv" "$WORK/fix.json")
[ "$(stat -c %a "$D/m2.csv")" = 640 ] && ok || bad "a 0640 file became $(stat -c %a "$D/m2.csv")"

# 7. Numbers out of range are refused before any conversion (UBSan's
# float-cast-overflow caught (int)1e300).
for v in 1e300 -1e300 2.5 5 1e999; do
  sed "s/\"quad_class\": *[0-9]/\"quad_class\":$v/" "$WORK/fix.json" >"$WORK/q.json"
  expect_exit 1 "quad_class $v" -- "$EVG" graph -f csv -o "$WORK/q.csv" "$WORK/q.json"
  one_line "quad_class $v"; expect_stderr "quad_class" "quad_class $v named"
done
sed 's/"goldstein": *[-0-9.]*/"goldstein":-1e999/' "$WORK/fix.json" >"$WORK/g.json"
expect_exit 1 "goldstein -1e999" -- "$EVG" graph -f json -o "$WORK/g.out" "$WORK/g.json"
expect_stderr "goldstein.*out of range" "infinite goldstein named"

# 4. JSON Lines: the record limit holds while reading, a file that never
# ends is not read to its end, and a read error is not taken for the end.
ln -s /dev/zero "$WORK/zero.jsonl"
expect_exit 1 "a .jsonl that is /dev/zero" -- timeout 20 "$EVG" extract --max-bytes 100000 "$WORK/zero.jsonl"
expect_stderr "zero.jsonl:1: record larger than the limit of 100000 bytes" "endless record named with its line"
$PY -c 'import sys, json
print(json.dumps({"id": "big", "text": "Go. " * 50000}))
print(json.dumps({"id": "ok", "date": "2019-05-23", "text": "Japan accused China of theft on Monday."}))' >"$WORK/big.jsonl"
expect_exit 1 "an oversized record among good ones" -- "$EVG" extract --max-bytes 100000 "$WORK/big.jsonl"
expect_stderr "big.jsonl:1: record larger than the limit" "oversized record named"
grep -q '"id":"ok"' "$WORK/stdout" && ok || bad "the record after an oversized one is still read"
mkdir -p "$WORK/eio.jsonl"
expect_exit 3 "a .jsonl that cannot be read" -- "$EVG" extract "$WORK/eio.jsonl"

# 10. Blank input is an error (exit 1), and the -o target stays.
: >"$WORK/empty.jsonl"
expect_exit 1 "empty .jsonl" -- "$EVG" extract "$WORK/empty.jsonl"
one_line "empty .jsonl"; expect_stderr "empty.jsonl: no records" "empty .jsonl named"
printf '\n  \n\n' >"$WORK/blank.jsonl"
expect_exit 1 "blank .jsonl" -- "$EVG" extract "$WORK/blank.jsonl"
printf '\xef\xbb\xbf' >"$WORK/bom.txt"
expect_exit 1 "BOM-only article" -- "$EVG" extract "$WORK/bom.txt"
expect_stderr "bom.txt: no text" "BOM-only named"
printf '\xef\xbb\xbf{"id":"b","date":"2019-05-23","text":"Japan accused China of theft."}\n' >"$WORK/bom.jsonl"
expect_exit 0 "a .jsonl with a BOM" -- "$EVG" extract "$WORK/bom.jsonl"
printf '\n\n\n' >"$WORK/blank.json"
for c in graph render stats; do
  echo keep >"$WORK/keep.$c"
  expect_exit 1 "$c of blank lines" -- "$EVG" $c -o "$WORK/keep.$c" "$WORK/blank.json"
  one_line "$c of blank lines"; expect_stderr "blank.json: no events document" "$c: blank named"
  [ "$(cat "$WORK/keep.$c")" = keep ] && ok || bad "$c of blank lines replaced the -o target"
done

# 11. A symlink loop in a folder skips the loop, not the folder.
mkdir -p "$WORK/loop/sub"
cp "$FIX" "$WORK/loop/a.txt"; cp "$FIX" "$WORK/loop/sub/b.txt"
ln -s .. "$WORK/loop/sub/up"
expect_exit 0 "folder with a symlink loop" -- "$EVG" extract --dct 2019-05-23 "$WORK/loop"
[ "$(wc -l <"$WORK/stdout")" -eq 2 ] && ok || bad "symlink loop: want 2 articles, got $(wc -l <"$WORK/stdout")"

# 12. A JSON Lines date error names the line; impossible dates are refused.
printf '{"id":"a","date":"2019-05-23","text":"Japan met China."}\n{"id":"b","date":"2019-02-29","text":"Japan met China."}\n' >"$WORK/dates.jsonl"
expect_exit 1 "impossible record date" -- "$EVG" extract "$WORK/dates.jsonl"
expect_stderr "dates.jsonl:2: \"date\" '2019-02-29'" "date error names its line"

# 5. Sentences are capped (--max-sentences), and output is streamed.
$PY -c 'import sys; sys.stdout.write("Go. " * 3000)' >"$WORK/go.txt"
expect_exit 1 "over --max-sentences" -- "$EVG" extract --max-sentences 1000 --dct 2019-05-23 "$WORK/go.txt"
one_line "over --max-sentences"; expect_stderr "go.txt: more than 1000 sentences \(--max-sentences\)" "sentence cap named"
expect_exit 0 "within --max-sentences" -- "$EVG" extract --max-sentences 3000 --dct 2019-05-23 "$WORK/go.txt"
expect_exit 2 "bad --max-sentences" -- "$EVG" extract --max-sentences lots "$WORK/go.txt"

# 12. --lanes beyond the actors is no allocation; dictionaries refuse what
# they cannot use, naming the line.
expect_exit 0 "--lanes 10^12" -- "$EVG" render --lanes 1000000000000 -f dot -o "$WORK/lanes.dot" "$WORK/fix.json"
$PY -c 'print("Zorblax " * 40 + "\torg\tFRABUS\tZorblax")' >"$WORK/long.dict"
expect_exit 1 "dictionary phrase over 255 bytes" -- "$EVG" extract --dict "$WORK/long.dict" --dct 2019-05-23 "$FIX"
one_line "long phrase"; expect_stderr "long.dict:1: phrase longer than 255 bytes" "long phrase named"
printf '# x\nZorb\000lax\torg\tFRABUS\tZorblax\n' >"$WORK/nul.dict"
expect_exit 1 "NUL in a dictionary" -- "$EVG" extract --dict "$WORK/nul.dict" --dct 2019-05-23 "$FIX"
one_line "NUL in a dictionary"; expect_stderr "nul.dict:2: NUL byte" "NUL line named"
printf '\xef\xbb\xbf#evgraph:triggers\nfrobnicate\t999\tobj\tv\n' >"$WORK/bom.triggers"
expect_exit 1 "BOM before #evgraph:triggers" -- "$EVG" extract --dict "$WORK/bom.triggers" --dct 2019-05-23 "$FIX"
expect_stderr "bom.triggers:2: .*CAMEO code '999'" "a BOM'd trigger file is read as triggers"

# 8. Lone CR line endings read like LF (and CR LF like LF).
tr '\n' '\r' <"$FIX" >"$WORK/cr.txt"
$PY -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(d.replace(b"\n", b"\r\n"))' "$FIX" "$WORK/crlf.txt"
for f in cr crlf; do
  expect_exit 0 "$f line endings" -- "$EVG" extract --dct 2019-05-23 "$WORK/$f.txt"
  $PY - "$WORK/fix.json" "$WORK/stdout" "$f" <<'PYEOF' && ok || bad "$f line endings: events or sentences differ from LF"
import json, sys
a, b = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ev = lambda d: [(e["cameo"], e["trigger"]["text"], e["trigger"]["start"]) for e in d["events"]]
same = ev(a) == ev(b) and [s["text"] for s in a["sentences"]] == [s["text"] for s in b["sentences"]] if sys.argv[3] == "cr" else len(a["events"]) == len(b["events"])
sys.exit(0 if same and not any("\r" in s["text"] for s in b["sentences"]) else 1)
PYEOF
done

# run with a FIFO and a link to /dev/null among its outputs: they are
# written in place (from an anonymous temporary file) after the renames,
# never replaced by regular files. (This held before run streamed its
# outputs too; it guards the streamed set's path for such outputs.)
D9=$WORK/run-dev; mkdir -p "$D9"
mkfifo "$D9/timeline.dot"; ln -s /dev/null "$D9/timeline.svg"
timeout 60 cat "$D9/timeline.dot" >"$WORK/run-fifo" &
reader=$!
expect_exit 0 "run with a FIFO and a /dev/null link among its outputs" -- "$EVG" run -q -o "$D9" --dct 2019-05-23 "$FIX"
wait $reader
[ -p "$D9/timeline.dot" ] && [ -L "$D9/timeline.svg" ] && ok || bad "run: a FIFO or link output was replaced"
grep -q '^digraph' "$WORK/run-fifo" && ok || bad "run: the FIFO's reader got no DOT: $(head -c 100 "$WORK/run-fifo")"
[ -s "$D9/events.json" ] && [ -s "$D9/timeline.html" ] && ok || bad "run: the regular outputs are missing"

# 9. `run` writes its outputs as one: a disk that fills up part-way leaves
# every old output as it was, and no temporary file. (The preloaded
# library makes write(2) fail with ENOSPC after a byte budget.)
SHIM=$(dirname "$EVG")/tests/libevg_enospc.so
if [ -f "$SHIM" ]; then
  R=$WORK/run
  expect_exit 0 "run (old outputs)" -- "$EVG" run -q -o "$R" --dct 2019-05-23 "$FIX"
  (cd "$R" && md5sum * >"$WORK/run.md5")
  "$EVG" run -q -o "$WORK/run-new" --dct 2019-05-23 "$SRC/fixtures/huawei-followup.txt" >/dev/null 2>&1
  first=$(stat -c %s "$WORK/run-new/events.json")
  for budget in 100 $((first + 100)); do
    expect_exit 3 "run on a disk full after $budget bytes" -- env LD_PRELOAD="$SHIM" \
      EVG_FAULT_WRITE_BUDGET=$budget ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
      "$EVG" run -q -o "$R" --dct 2019-05-23 "$SRC/fixtures/huawei-followup.txt"
    one_line "disk full after $budget"; expect_stderr "No space left on device" "ENOSPC named"
    (cd "$R" && md5sum -c --quiet "$WORK/run.md5") >/dev/null 2>&1 && ok ||
      bad "disk full after $budget bytes: an old output changed"
    ls "$R" | grep -q tmp && bad "disk full after $budget bytes: temporary file left" || ok
  done
  expect_exit 0 "run again with room" -- "$EVG" run -q -o "$R" --dct 2019-05-23 "$SRC/fixtures/huawei-followup.txt"
  cmp -s "$R/events.json" "$WORK/run-new/events.json" && ok || bad "run with room: new events.json"
  # the outputs are streamed (each into its temporary file as it is made),
  # so a write can also fail inside the graph or picture writers: a budget
  # past the events and the graph fails in the HTML page
  (cd "$R" && md5sum * >"$WORK/run.md5")
  "$EVG" run -q -o "$WORK/run-fix" --dct 2019-05-23 "$FIX" >/dev/null 2>&1
  budget=$(($(cat "$WORK/run-fix/events.json" "$WORK/run-fix/graph.graphml" | wc -c) + 100))
  expect_exit 3 "run on a disk full after $budget bytes" -- env LD_PRELOAD="$SHIM" \
    EVG_FAULT_WRITE_BUDGET=$budget ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
    "$EVG" run -q -o "$R" --dct 2019-05-23 "$FIX"
  one_line "disk full after $budget"; expect_stderr "timeline.html: write failed: No space left on device" "the page named"
  (cd "$R" && md5sum -c --quiet "$WORK/run.md5") >/dev/null 2>&1 && ok ||
    bad "disk full after $budget bytes: an old output changed"
  ls "$R" | grep -q tmp && bad "disk full after $budget bytes: temporary file left" || ok

  # 3. extract -o (written through stdio) on a disk that fills part-way:
  # one line naming the file and the reason, exit 3, the old file as it
  # was, no temporary file. Budgets: before anything is flushed (the
  # failure shows at the close), and part-way through the second article.
  E=$WORK/ext; mkdir -p "$E"
  echo "old events" >"$E/events.jsonl"
  one=$("$EVG" extract -q --dct 2019-05-23 "$FIX" | wc -c)
  for budget in 0 $((one + 1000)); do
    expect_exit 3 "extract -o on a disk full after $budget bytes" -- env LD_PRELOAD="$SHIM" \
      EVG_FAULT_WRITE_BUDGET=$budget ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
      "$EVG" extract -q -j 1 --dct 2019-05-23 -o "$E/events.jsonl" "$FIX" "$SRC/fixtures/huawei-followup.txt" "$FIX"
    one_line "extract -o, disk full after $budget"
    expect_stderr "^evgraph: $E/events.jsonl: write failed: No space left on device\$" "extract -o: file and ENOSPC named"
    [ "$(cat "$E/events.jsonl")" = "old events" ] && ok || bad "extract -o, disk full after $budget: the old file changed"
    ls "$E" | grep -q tmp && bad "extract -o, disk full after $budget: temporary file left" || ok
  done
  expect_exit 0 "extract -o with room" -- env LD_PRELOAD="$SHIM" EVG_FAULT_WRITE_BUDGET=$((3 * one + 4096)) \
    ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=0 \
    "$EVG" extract -q -j 1 --dct 2019-05-23 -o "$E/events.jsonl" "$FIX" "$SRC/fixtures/huawei-followup.txt" "$FIX"
  [ "$(wc -l <"$E/events.jsonl")" = 3 ] && ok || bad "extract -o with room: three documents"
else
  echo "SKIP: fault injection library not built ($SHIM)"
fi

# 13. An impossible date is no date: not the document date, not a timex.
printf 'WASHINGTON, Feb. 29, 2019 (Reuters) - Japan accused China of theft on Monday.\n' >"$WORK/f29.txt"
expect_exit 0 "dateline Feb. 29, 2019" -- "$EVG" extract "$WORK/f29.txt"
$PY - "$WORK/stdout" <<'PYEOF' && ok || bad "Feb. 29, 2019 became a date"
import json, sys
d = json.load(open(sys.argv[1]))
sys.exit(0 if d["document"]["dct"] is None and not any("02-29" in (t["value"] or "") for t in d["timexes"]) else 1)
PYEOF
printf 'WASHINGTON, Feb. 29, 2020 (Reuters) - Japan accused China of theft on Monday.\n' >"$WORK/f29b.txt"
expect_exit 0 "dateline Feb. 29, 2020" -- "$EVG" extract "$WORK/f29b.txt"
grep -q '"dct":"2020-02-29"' "$WORK/stdout" && grep -q '"value":"2020-02-24"' "$WORK/stdout" && ok ||
  bad "Feb. 29, 2020 (a leap year) is the document date and anchors Monday"
expect_exit 2 "--dct 2019-02-29" -- "$EVG" extract --dct 2019-02-29 "$WORK/f29.txt"

# 5. A long article grows the document's arrays past the arena's block
# size (their own blocks, grown by realloc): under ASan, no stale pointer.
$PY -c 'import sys; t=open(sys.argv[1]).read() + "\n\n"; sys.stdout.write(t * 60)' "$FIX" >"$WORK/long.txt"
expect_exit 0 "a 150 KB article" -- "$EVG" extract -q --dct 2019-05-23 "$WORK/long.txt"
[ "$(grep -o '"cameo"' "$WORK/stdout" | wc -l)" -ge 100 ] && ok || bad "150 KB article: events missing"

# 5. extract -o streams into a file beside the target: the old file stays
# when nothing could be extracted, a FIFO gets the documents, the mode stays.
echo old >"$WORK/ex.json"; chmod 640 "$WORK/ex.json"
expect_exit 1 "extract -o of an empty article" -- "$EVG" extract -o "$WORK/ex.json" "$WORK/bom.txt"
[ "$(cat "$WORK/ex.json")" = old ] && ok || bad "extract -o: the old file was replaced by nothing"
expect_exit 1 "extract -o, one good article, one bad" -- "$EVG" extract -o "$WORK/ex.json" --dct 2019-05-23 "$FIX" "$WORK/bom.txt"
[ "$(wc -l <"$WORK/ex.json")" -eq 1 ] && ok || bad "extract -o: the good article is written"
[ "$(stat -c %a "$WORK/ex.json")" = 640 ] && ok || bad "extract -o: mode 640 became $(stat -c %a "$WORK/ex.json")"
ls "$WORK" | grep -q 'ex.json.tmp' && bad "extract -o left a temporary file" || ok
mkfifo "$WORK/ex.fifo"
timeout 30 cat "$WORK/ex.fifo" >"$WORK/ex.from-fifo" &
reader=$!
expect_exit 0 "extract -o onto a FIFO" -- "$EVG" extract -o "$WORK/ex.fifo" --dct 2019-05-23 "$FIX"
wait $reader
[ -p "$WORK/ex.fifo" ] && grep -q '"schema"' "$WORK/ex.from-fifo" && ok || bad "extract -o FIFO"

finish
