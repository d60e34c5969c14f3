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

finish
