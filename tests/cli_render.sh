#!/usr/bin/env bash
# The rendered timeline checked as a reader would: every format renders,
# the SVG is well-formed XML, the DOT re-renders with the dot program,
# events sit in their source's lane in date order (tests/browser/
# check_timeline.py), article text cannot break out of SVG/HTML/DOT, bad
# options are usage errors; then the seed article end to end.
source "$2/tests/lib.sh"
D="$SRC/tests/data"
IN=("$D/render_story.json" "$D/render_story2.json")
CHECK="$SRC/tests/browser/check_timeline.py"
command -v xmllint >/dev/null || { echo "SKIP: no xmllint (libxml2-utils)"; exit 77; }

for f in svg dot html png pdf; do
  expect_exit 0 "render -f $f" -- "$EVG" render -f "$f" -o "$WORK/t.$f" "${IN[@]}"
  if [ -s "$WORK/t.$f" ]; then ok; else bad "render -f $f wrote nothing"; fi
done
head -c 8 "$WORK/t.png" | od -c | grep -q 'P   N   G' && ok || bad "t.png is not a PNG"
head -c 5 "$WORK/t.pdf" | grep -q '%PDF-' && ok || bad "t.pdf is not a PDF"
xmllint --noout "$WORK/t.svg" 2>"$WORK/xml.err" && ok || bad "xmllint t.svg: $(head -c 300 "$WORK/xml.err")"
if command -v dot >/dev/null; then
  timeout 60 dot -Tsvg "$WORK/t.dot" -o "$WORK/t.dot.svg" 2>"$WORK/dot.err" && ok ||
    bad "dot -Tsvg t.dot: $(head -c 300 "$WORK/dot.err")"
  [ -s "$WORK/dot.err" ] && bad "dot warns on t.dot: $(head -c 300 "$WORK/dot.err")"
  xmllint --noout "$WORK/t.dot.svg" && ok || bad "dot's SVG of t.dot is not XML"
fi
# the same picture twice: byte for byte
"$EVG" render -o "$WORK/t2.svg" "${IN[@]}" && cmp -s "$WORK/t.svg" "$WORK/t2.svg" && ok ||
  bad "two renders of the same input differ"
# PDFs too: cairo stamps the time of the run, which evgraph takes from
# $SOURCE_DATE_EPOCH or leaves out (a second apart, the files are one)
for v in timeline actors; do
  "$EVG" render --view "$v" -f pdf -o "$WORK/p1.pdf" "${IN[@]}" && sleep 1.1 &&
    "$EVG" render --view "$v" -f pdf -o "$WORK/p2.pdf" "${IN[@]}" &&
    cmp -s "$WORK/p1.pdf" "$WORK/p2.pdf" && ok || bad "two PDFs of the $v view differ"
done
SOURCE_DATE_EPOCH=1558569600 "$EVG" render -f pdf -o "$WORK/p3.pdf" "${IN[@]}" &&
  grep -aq 'CreationDate (D:20190523000000Z)' "$WORK/p3.pdf" && ok ||
  bad "SOURCE_DATE_EPOCH does not set the PDF's creation date"

# geometry: lanes, date order, spans; also with other lane counts
"$PY" "$CHECK" "$WORK/t.svg" "${IN[@]}" >"$WORK/check.out" 2>&1 && ok ||
  bad "timeline geometry: $(cat "$WORK/check.out")"
for opt in "--lanes 2" "--lanes 1" "--show-uncertain" "--entity Google"; do
  # shellcheck disable=SC2086
  "$EVG" render $opt -o "$WORK/o.svg" "${IN[@]}" 2>"$WORK/o.err" || bad "render $opt failed"
  flag=""
  [ "$opt" = "--show-uncertain" ] && flag=--show-uncertain
  if [ "$opt" = "--entity Google" ]; then continue; fi  # the graph keeps Google's neighbourhood only
  "$PY" "$CHECK" "$WORK/o.svg" "${IN[@]}" $flag >"$WORK/check.out" 2>&1 && ok ||
    bad "timeline geometry with $opt: $(cat "$WORK/check.out")"
done

# escaping: nothing from the articles turns into markup
grep -q '<script' "$WORK/t.svg" && bad "raw <script in the SVG" || ok
[ "$(grep -o '<script' "$WORK/t.html" | wc -l)" -eq 1 ] && ok || bad "the HTML has a <script> besides its own"
grep -q '&lt;script&gt;alert(&quot;x&quot;)' "$WORK/t.html" && ok || bad "the HTML lost the escaped text"
grep -q 'news/a%26b%20%22story%22%20%3C1%3E.txt' "$WORK/t.svg" && ok || bad "document URL not percent-encoded"
"$PY" - "$WORK/t.html" <<'PYEOF' && ok || bad "the HTML does not parse into the expected elements"
import sys, html.parser
class P(html.parser.HTMLParser):
    def __init__(s):
        super().__init__(); s.tags = {}; s.scripts = 0
    def handle_starttag(s, tag, attrs):
        s.tags[tag] = s.tags.get(tag, 0) + 1
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
assert p.tags.get("script") == 1, p.tags
assert p.tags.get("svg") == 1 and p.tags.get("table") == 1, p.tags
assert "b" not in p.tags, "an article's <b> became a tag"
PYEOF

# views
for v in graph actors; do
  expect_exit 0 "render --view $v" -- "$EVG" render --view "$v" -o "$WORK/$v.svg" "${IN[@]}"
  xmllint --noout "$WORK/$v.svg" && ok || bad "--view $v: SVG is not XML"
done
# usage errors
expect_exit 2 "unknown format" -- "$EVG" render -f gif "${IN[@]}"
one_line "unknown format"
expect_exit 2 "unknown view" -- "$EVG" render --view tree "${IN[@]}"
one_line "unknown view"
expect_exit 2 "bad --lanes" -- "$EVG" render --lanes 0 "${IN[@]}"

# the seed article end to end (needs the extraction stages)
SEED="$SHARED/seed/000_2a0cd735b0f74530.txt"
if [ -f "$SEED" ]; then
  expect_exit 0 "run seed" -- "$EVG" run -q "$SEED" -o "$WORK/seed"
  for f in timeline.dot timeline.svg; do
    [ -s "$WORK/seed/$f" ] && ok || bad "run seed: no $f"
  done
  xmllint --noout "$WORK/seed/timeline.svg" && ok || bad "seed timeline.svg is not XML"
  timeout 60 dot -Tsvg "$WORK/seed/timeline.dot" -o /dev/null && ok || bad "dot rejects the seed timeline.dot"
  if grep -q '"events": *\[ *{' "$WORK/seed/events.json" 2>/dev/null; then
    "$PY" "$CHECK" "$WORK/seed/timeline.svg" "$WORK/seed/events.json" >"$WORK/check.out" 2>&1 && ok ||
      bad "seed timeline geometry: $(cat "$WORK/check.out")"
    cat "$WORK/check.out"
  else
    echo "NOTE: the seed article gave no events yet (extraction): geometry not checked"
  fi
else
  echo "SKIP: seed article not found at $SEED (seed part only)"
fi
# TimelineJS slides a reader can read: dates as words ("week of 13 May
# 2019", never "2019-W20"), headlines without "?", sources by title or
# file name (no sentence ids)
"$EVG" graph -f timelinejs -o "$WORK/tl.json" "${IN[@]}" && "$PY" - "$WORK/tl.json" <<'PYEOF' >"$WORK/tljs.out" 2>&1 && ok || bad "TimelineJS slides: $(cat "$WORK/tljs.out")"
import json, re, sys
d = json.load(open(sys.argv[1]))
bad = []
for e in d["events"]:
    dd = e.get("display_date", "")
    if not dd or re.search(r"\d{4}-(W\d|\d\d)", dd):
        bad.append("date %r" % dd)
    if "?" in e["text"]["headline"]:
        bad.append("headline %r" % e["text"]["headline"])
    for src in re.findall(r'evg-source">([^<]*)<', e["text"]["text"]):
        if re.search(r" s\d+$", src) or "/" in src:
            bad.append("source %r" % src)
print("\n".join(bad) or "%d slides readable" % len(d["events"]))
sys.exit(1 if bad else 0)
PYEOF
cat "$WORK/tljs.out"
# one truth for counts: stats, the SVG subtitle, the HTML page and the
# relationship view say the same, also with the graph's own filters
for opts in "" "--min-confidence 0.6" "--from 2019-05-20"; do
  want=$("$EVG" stats $opts "${IN[@]}" | sed -n 's/^pictures (render, run): \([^;]*\);.*/\1/p')
  [ -n "$want" ] || bad "counts ($opts): stats says nothing about pictures"
  "$EVG" render $opts -o "$WORK/c.svg" "${IN[@]}" && "$EVG" render -f html $opts -o "$WORK/c.html" "${IN[@]}" &&
    "$EVG" render --view graph $opts -o "$WORK/cg.svg" "${IN[@]}" || bad "counts ($opts): render failed"
  for f in c.svg c.html cg.svg; do
    if "$PY" -c "import html,sys; t=html.unescape(open(sys.argv[1]).read()); sys.exit(0 if sys.argv[2] in t else 1)" \
         "$WORK/$f" "$want"; then ok; else bad "counts ($opts): $f does not say '$want'"; fi
  done
  echo "counts ($opts): $want"
done
# run -f: the outputs asked for, and only those; a bad list is a usage
# error before anything is read or written
if [ -f "$SEED" ]; then
  "$EVG" run -q -f html,pdf -o "$WORK/runf" "$SEED" >/dev/null 2>"$WORK/stderr" &&
    [ "$(ls "$WORK/runf" | tr '\n' ' ')" = "timeline.html timeline.pdf " ] && ok ||
    bad "run -f html,pdf wrote: $(ls "$WORK/runf" 2>&1 | tr '\n' ' ') $(head -c 200 "$WORK/stderr")"
fi
expect_exit 2 "run -f with an unknown output" -- "$EVG" run -f html,bogus -o "$WORK/runbad" "$SRC/fixtures/huawei-south-korea.txt"
expect_stderr "unknown output 'bogus'" "run -f bogus"
[ ! -e "$WORK/runbad" ] && ok || bad "run -f bogus created its folder"
expect_exit 2 "run -f with an empty list" -- "$EVG" run -f "" -o "$WORK/runbad" "$SRC/fixtures/huawei-south-korea.txt"

# events CAMEO has no code for (fixtures/velmora.events.jsonl): drawn in
# their own colour with a legend entry, in the SVG (as the lane checker
# reads it) and in the HTML page (legend, type filter, table rows); not
# with --cameo-only, and not in a picture that has none
V="$SRC/fixtures/velmora.events.jsonl"
expect_exit 0 "render uncoded events" -- "$EVG" render -f svg -o "$WORK/u.svg" "$V"
xmllint --noout "$WORK/u.svg" 2>"$WORK/xml.err" && ok || bad "xmllint u.svg: $(head -c 300 "$WORK/xml.err")"
# lanes and date order, on the first document alone (the second's report of
# the same sale merges into the first's box, under the first's words)
head -n 1 "$V" >"$WORK/u1.jsonl"
expect_exit 0 "render uncoded events, one document" -- "$EVG" render -f svg -o "$WORK/u1.svg" "$WORK/u1.jsonl"
"$PY" "$CHECK" "$WORK/u1.svg" "$WORK/u1.jsonl" >"$WORK/check.out" 2>&1 && ok ||
  bad "uncoded timeline: $(head -c 600 "$WORK/check.out")"
grep -q 'other event (no CAMEO code)' "$WORK/u.svg" && grep -q '#f7f0c6' "$WORK/u.svg" && ok ||
  bad "the SVG has no legend entry or colour for events without a CAMEO code"
grep -q 'Velmora Motors sold its' "$WORK/u.svg" && ok || bad "an uncoded event's box does not say what happened"
expect_exit 0 "render html uncoded" -- "$EVG" render -f html -o "$WORK/u.html" "$V"
grep -q '<option value="5">other event (no CAMEO code)</option>' "$WORK/u.html" && ok ||
  bad "the HTML type filter has no entry for events without a CAMEO code"
n=$(grep -o 'class="q5"' "$WORK/u.html" | wc -l)
[ "$n" -ge 6 ] && ok || bad "HTML table: $n rows of events without a CAMEO code, want at least 6"
expect_exit 0 "render --cameo-only" -- "$EVG" render --cameo-only -f svg -o "$WORK/uc.svg" "$V"
grep -q 'other event (no CAMEO code)\|#f7f0c6' "$WORK/uc.svg" && bad "--cameo-only still draws events without a code" || ok
grep -q 'other event (no CAMEO code)' "$WORK/t.svg" && bad "a timeline of coded events only shows the legend entry for uncoded ones" || ok
finish
