#!/usr/bin/env bash
# The HTML timeline in headless Chromium: the page's own script applies the
# filter given in the URL hash (actor, type, dates); the dumped DOM must show
# exactly the events tests/browser/filter_check.py expects. Also saves
# screenshots (fixture and seed timelines) under BUILD/screenshots/.
source "$2/tests/lib.sh"
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "SKIP: no chromium (Debian chromium; scripts/deps.sh test)"; exit 77; }
command -v "$PY" >/dev/null || { echo "SKIP: no python3"; exit 77; }
D="$SRC/tests/data"
IN=("$D/render_story.json" "$D/render_story2.json")
SHOTS="$(cd "$(dirname "$WORK")/.." && pwd)/screenshots"
mkdir -p "$SHOTS"

chrome() { # chrome OPTION... URL: one fresh headless browser
  local prof="$WORK/profile"
  rm -rf "$prof"
  timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --user-data-dir="$prof" \
    --virtual-time-budget=5000 "$@" 2>>"$WORK/chrome.err"
  local rc=$?
  rm -rf "$prof"
  return $rc
}

"$EVG" render -f html -o "$WORK/t.html" "${IN[@]}" || { bad "render -f html failed"; finish; exit 1; }
n=0
for flt in "" "quad=4" "actor=Google" "actor=Huawei&quad=3" "from=2019-05-20&to=2019-05-31" "to=2018-12-31" \
           "actor=USA" "actor=us" "actor=USABUS"; do
  n=$((n + 1))
  chrome --dump-dom "file://$WORK/t.html${flt:+#$flt}" >"$WORK/dom$n.html"
  if "$PY" "$SRC/tests/browser/filter_check.py" "$WORK/dom$n.html" "$flt" "${IN[@]}" \
       >"$WORK/check.out" 2>&1; then ok; else bad "filter '$flt': $(cat "$WORK/check.out")"; fi
  cat "$WORK/check.out"
done

chrome --screenshot="$SHOTS/fixture-timeline.png" --window-size=1600,1000 \
  "file://$WORK/t.html" >/dev/null && [ -s "$SHOTS/fixture-timeline.png" ] && ok ||
  bad "no screenshot of the fixture timeline"

SEED="$SHARED/seed/000_2a0cd735b0f74530.txt"
if [ -f "$SEED" ]; then
  if "$EVG" run -q "$SEED" -o "$WORK/seed" >/dev/null 2>"$WORK/run.err" &&
     "$EVG" render -f html -o "$WORK/seed/timeline.html" "$WORK/seed/events.json" 2>>"$WORK/run.err" &&
     "$EVG" render -f png -o "$SHOTS/seed-timeline-graphviz.png" "$WORK/seed/events.json" 2>>"$WORK/run.err"; then
    ok
    chrome --screenshot="$SHOTS/seed-timeline.png" --window-size=1600,900 \
      "file://$WORK/seed/timeline.html" >/dev/null && [ -s "$SHOTS/seed-timeline.png" ] && ok ||
      bad "no screenshot of the seed timeline"
    echo "screenshots: $SHOTS/seed-timeline.png (page), $SHOTS/seed-timeline-graphviz.png (PNG output)"
  else
    bad "seed: run/render failed: $(head -c 300 "$WORK/run.err")"
  fi
else
  echo "SKIP: seed article not found at $SEED (no seed screenshot)"
fi
# a story: 20 TimeBank articles and the SemEval timeline trial set, as a
# reader opens the page (fitted to the window)
TB="$SHARED/data/timebank"
SE="$SHARED/data/semeval2015-timeline/Corpus-trial-data_task4_TimeML"
for story in timebank20 semeval; do
  if [ $story = timebank20 ]; then
    [ -d "$TB" ] || { echo "SKIP: no TimeBank at $TB"; continue; }
    mapfile -t in < <(ls "$TB"/*.tml | head -20)
  else
    [ -d "$SE" ] || { echo "SKIP: no SemEval trial set at $SE"; continue; }
    in=("$SE")
  fi
  if "$EVG" run -q -f events,html -o "$WORK/$story" "${in[@]}" >/dev/null 2>"$WORK/run.err"; then
    ok
    chrome --screenshot="$SHOTS/$story-timeline.png" --window-size=1600,1000 \
      "file://$WORK/$story/timeline.html" >/dev/null && [ -s "$SHOTS/$story-timeline.png" ] && ok ||
      bad "no screenshot of the $story timeline"
    # links to the articles are relative to the page, and lead to them
    href=$(grep -o '<a href="[^"#]*"' "$WORK/$story/timeline.html" | head -1 | sed 's/<a href="//; s/"$//')
    if [ -n "$href" ] && [ -f "$WORK/$story/$(printf '%b' "${href//%/\\x}")" ]; then ok; else
      bad "$story: source link '$href' does not lead to the article from the page's folder"; fi
    echo "screenshot: $SHOTS/$story-timeline.png"
    # the page fits the window, makes no request, and a group lists its
    # events (#group=ID opens the list as a click does)
    page="$WORK/$story/timeline.html"
    if grep -Eqi '<(img|link|iframe)[ >]|src=|@import|url\(' "$page"; then
      bad "$story: the page would load something"; else ok; fi
    grp=$(grep -o '<g id="cl[0-9]*" class="node group[^"]*"' "$page" | head -1)
    gid=$(printf '%s' "$grp" | sed 's/<g id="\([^"]*\)".*/\1/')
    nin=$(printf '%s' "$grp" | grep -o 'in_ev' | wc -l)
    chrome --window-size=1600,1000 --dump-dom "file://$page${gid:+#group=$gid}" >"$WORK/$story-dom.html"
    "$PY" - "$WORK/$story-dom.html" "$gid" "$nin" <<'PYEOF' >"$WORK/page.out" 2>&1 && ok || bad "$story page: $(cat "$WORK/page.out")"
import re, sys
dom, gid, nin = open(sys.argv[1]).read(), sys.argv[2], int(sys.argv[3])
bad = []
w = re.search(r'<svg width="([0-9.]+)pt"', dom)
if not w or float(w.group(1)) * 4 / 3 > 1600:
    bad.append("picture %s pt wide does not fit a 1600 px window" % (w and w.group(1)))
if gid:
    m = re.search(r'<div id="grouplist" data-group="%s">(.*?)</div>' % gid, dom, re.S)
    rows = len(re.findall(r"<tr", m.group(1))) if m else -1
    if rows != nin:
        bad.append("group %s of %d events lists %d" % (gid, nin, rows))
print("\n".join(bad) or "fits at zoom %s; group %s lists its %d events"
      % (re.search(r'data-zoom="([^"]*)"', dom).group(1), gid or "-", nin))
sys.exit(1 if bad else 0)
PYEOF
    cat "$WORK/page.out"
  else
    bad "$story: run failed: $(head -c 300 "$WORK/run.err")"
  fi
done
finish
