#!/usr/bin/env bash
# The geometry of the timeline (and the labels of the relationship views,
# each inside its shape), checked over the SVG by
# tests/browser/check_geometry.py with the metrics of the font a browser
# here draws it in: no two boxes overlap, no text leaves its box, no box
# covers a lane label, axis labels apart, joins of different events on
# lines of their own. Inputs: the fixtures, the seed article, 20 TimeBank
# articles, the 322 PLOVER records, the SemEval timeline trial set (from
# ../shared, skipped when absent) and a synthetic story of 1,000 events;
# also with --entity, --show-uncertain and a narrow --width.
source "$2/tests/lib.sh"
command -v "$PY" >/dev/null || { echo "SKIP: no python3"; exit 77; }
command -v fc-match >/dev/null || { echo "SKIP: no fc-match (fontconfig)"; exit 77; }
CHECK="$SRC/tests/browser/check_geometry.py"
svgs=()
render() { # render NAME OPTIONS... -- INPUTS...
  local name=$1; shift
  if "$EVG" render -q -o "$WORK/$name.svg" "$@" 2>"$WORK/render.err"; then
    svgs+=("$WORK/$name.svg"); ok
  else bad "$name: render failed: $(head -c 300 "$WORK/render.err")"; fi
}
render fixtures "$SRC/tests/data/render_story.json" "$SRC/tests/data/render_story2.json"
"$EVG" extract -q "$SRC"/fixtures/*.txt >"$WORK/fixtures.jsonl" && render fixture-articles "$WORK/fixtures.jsonl"
"$PY" "$SRC/tests/browser/synth_story.py" 1000 >"$WORK/synthetic.json"
render synthetic-1000 "$WORK/synthetic.json"
render synthetic-1000-narrow --width 800 "$WORK/synthetic.json"
SEED="$SHARED/seed/000_2a0cd735b0f74530.txt"
if [ -f "$SEED" ]; then
  "$EVG" extract -q "$SEED" >"$WORK/seed.json" && render seed "$WORK/seed.json" &&
    render seed-graph-view --view graph "$WORK/seed.json"
else echo "SKIP: no seed article at $SEED"; fi
TB="$SHARED/data/timebank"
if [ -d "$TB" ]; then
  mapfile -t tb < <(ls "$TB"/*.tml | head -20)
  "$EVG" extract -q "${tb[@]}" >"$WORK/timebank20.jsonl" && {
    render timebank20 "$WORK/timebank20.jsonl"
    render timebank20-iraq --entity Iraq "$WORK/timebank20.jsonl"
    render timebank20-uncertain --show-uncertain "$WORK/timebank20.jsonl"
    render timebank20-graph-view --view graph "$WORK/timebank20.jsonl"
    render timebank20-actors-view --view actors "$WORK/timebank20.jsonl"
    # printed: landscape pages of the paper, several, each a whole picture
    if command -v pdfinfo >/dev/null; then
      for paper in a4 letter; do
        "$EVG" render -q -f pdf --paper $paper -o "$WORK/tb-$paper.pdf" "$WORK/timebank20.jsonl" &&
          pdfinfo "$WORK/tb-$paper.pdf" >"$WORK/pdfinfo" 2>&1 || bad "pdf ($paper) failed"
        pages=$(awk '/^Pages:/ {print $2}' "$WORK/pdfinfo")
        size=$(awk '/^Page size:/ {print $3 "x" $5}' "$WORK/pdfinfo")
        want=$([ $paper = a4 ] && echo 841x595 || echo 792x612)
        if [ "${pages:-0}" -ge 2 ] && [ "$size" = "$want" ] && ! grep -qi error "$WORK/pdfinfo"; then ok
        else bad "pdf ($paper): $pages pages of $size, want several of $want: $(head -c 300 "$WORK/pdfinfo")"; fi
        echo "pdf ($paper): $pages pages, $size pt"
      done
    else echo "SKIP: no pdfinfo (Debian poppler-utils): PDF pages not checked"; fi
  }
else echo "SKIP: no TimeBank at $TB"; fi
PL="$SHARED/data/plover-gsr/PLOVER_GSR_CAMEO.txt"
if [ -f "$PL" ]; then
  # 322 one-sentence records: many actors, most events within days
  "$PY" -c 'import json, sys
for r in json.load(open(sys.argv[1])):
    if r.get("event") != "DOCUMENT" and r.get("text"):
        print(json.dumps({"id": r["id"], "date": r.get("date"), "text": r["text"]}))' "$PL" >"$WORK/plover.jsonl" &&
    "$EVG" extract -q "$WORK/plover.jsonl" >"$WORK/plover-events.jsonl" && render plover "$WORK/plover-events.jsonl"
else echo "SKIP: no PLOVER records at $PL"; fi
SE="$SHARED/data/semeval2015-timeline/Corpus-trial-data_task4_TimeML"
if [ -d "$SE" ]; then
  "$EVG" extract -q "$SE" >"$WORK/semeval.jsonl" && render semeval "$WORK/semeval.jsonl"
else echo "SKIP: no SemEval trial set at $SE"; fi
if "$PY" "$CHECK" "${svgs[@]}" >"$WORK/check.out" 2>&1; then ok; else bad "geometry"; fi
cat "$WORK/check.out"
# the check can fail: a box drawn twice, on itself, is caught
"$PY" - "$WORK/synthetic-1000.svg" "$WORK/broken.svg" <<'PYEOF'
import copy, sys
import xml.etree.ElementTree as ET
ET.register_namespace("", "http://www.w3.org/2000/svg")
ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
tree = ET.parse(sys.argv[1])
for parent in tree.getroot().iter():
    kids = [k for k in parent if "event" in (k.get("class") or "").split()]
    if kids:
        twin = copy.deepcopy(kids[0])
        twin.set("id", kids[0].get("id") + "_twin")
        parent.append(twin)
        break
tree.write(sys.argv[2])
PYEOF
if "$PY" "$CHECK" "$WORK/broken.svg" >"$WORK/broken.out" 2>&1; then
  bad "a box drawn over another passed the geometry check"
elif grep -q "overlap" "$WORK/broken.out"; then ok; else
  bad "broken SVG: $(head -c 300 "$WORK/broken.out")"; fi
finish
