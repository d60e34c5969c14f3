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

finish
