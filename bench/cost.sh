#!/usr/bin/env bash
# Cost curves and memory ratios (docs/robustness.md): CPU time and peak
# memory of graph, render and stats on synthetic events documents of
# growing size (each line prints the growth of time against the growth of
# input, so a super-linear stage shows at once), the CPU time of extract
# on the same text cut into sentences of 10 to 10,000 words (the time per
# MB must not grow with the length of a sentence), then the peak memory of
# every command on every input kind from 100 KB to the --max-bytes
# default: news prose (with the parse, the default, and --no-parse), one
# huge line, one-word sentences, sentences without a full stop, many
# entity mentions, JSON Lines, TimeML, events documents, extract --tokens,
# run and ingest. The memory budget
# is on what an input adds to the fixed baseline: (peak - baseline) /
# input at most 20x; peak / input is printed beside it.
# usage: bench/cost.sh EVGRAPH [SCALE [memory|extract]]
#   SCALE 1 (default): 1,000-100,000 actors, 10,000-1,000,000 events,
#   inputs of 100 KB to 16 MiB, sentence lengths on 1 MB; SCALE 0: a
#   quick run (a tenth of the sizes, inputs of 100 KB and 1 MB, sentence
#   lengths on 256 KB). "memory": the memory table only; "extract": the
#   sentence lengths only.
set -uo pipefail
evg=${1:?usage: bench/cost.sh EVGRAPH [SCALE]}
scale=${2:-1}
part=${3:-all}
src=$(cd "$(dirname "$0")/.." && pwd)
py=python3; [ -x /usr/bin/python3 ] && py=/usr/bin/python3
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export OMP_NUM_THREADS=1   # igraph's OpenMP would spread the time over cores

# measure LABEL CMD...: prints user+sys seconds and peak RSS in MB
measure() {
  /usr/bin/time -f "%U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || {
    echo "FAILED: $* ($(head -c 200 "$work/err"))"; return 1; }
  read -r u s m < <(tail -1 "$work/t")
  echo "$(echo "$u + $s" | bc) $((m / 1024))"
}

# sizes: actors:events of the cost curves; KB of the memory table
if [ "$scale" = 0 ]; then
  sizes="100:1000 1000:10000 10000:100000"; msizes="100 1024"
else
  sizes="1000:10000 10000:100000 100000:1000000"; msizes="100 1024 4096 16384"
fi
tsizes=$msizes

if [ "$part" = all ]; then
echo "== graph, stats and render on synthetic events documents"
printf '%-9s %-9s %9s | %-22s | %-22s | %-22s\n' actors events input_MB \
  "graph -f csv s (MB)" "stats s (MB)" "render -f dot s (MB)"
prev_in=; prev=
for sz in $sizes; do
  a=${sz%%:*}; e=${sz##*:}
  per=10000; [ "$e" -lt $per ] && per=$e
  d=$work/ev-$a; rm -rf "$d"
  $py "$src/tests/readers/gen_events.py" $((e / per)) $per "$d" --actors "$a" >/dev/null
  in=$(du -sm "$d" | cut -f1)
  g=$(measure "$evg" graph -f csv -o "$work/o.csv" "$d"/*.json)
  s=$(measure "$evg" stats -o "$work/o.txt" "$d"/*.json)
  r=$(measure "$evg" render -f dot -o "$work/o.dot" "$d"/*.json)
  printf '%-9s %-9s %9s | %-22s | %-22s | %-22s\n' "$a" "$e" "$in" \
    "$(echo $g | awk '{print $1 " (" $2 ")"}')" \
    "$(echo $s | awk '{print $1 " (" $2 ")"}')" \
    "$(echo $r | awk '{print $1 " (" $2 ")"}')"
  if [ -n "$prev" ]; then
    set -- $prev; pg=$1; ps=$3; pr=$5
    set -- $g $s $r
    echo "   input x$(echo "scale=1; $in / $prev_in" | bc): time x$(echo "scale=1; $1 / ($pg + 0.01)" | bc) graph," \
      "x$(echo "scale=1; $3 / ($ps + 0.01)" | bc) stats, x$(echo "scale=1; $5 / ($pr + 0.01)" | bc) render"
  fi
  prev="$g $s $r"; prev_in=$in
  rm -rf "$d"
done
fi

if [ "$part" != memory ]; then
echo "== extract: CPU time against sentence length (the same text in sentences of 10 to 10,000 words)"
# "The officials said talks went on ... and ended.": an event every 14
# bytes; a cost that grows with the length of a sentence shows as a
# growing time per MB down the table (the news prose beside it)
kb=256; [ "$scale" = 0 ] || kb=1024
printf '%-28s %9s %9s %10s\n' input input_MB cpu_s s_per_MB
for words in 10 100 1000 10000; do
  $py - "$work/len-$words.txt" $((kb << 10)) $words <<'PYEOF'
import sys
path, n, words = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
reps = max(1, (words - 3) // 5)  # five words a repetition
s = b"The " + b"officials said talks went on " * reps + b"and ended.\n\n"
open(path, "wb").write((s * (n // len(s) + 1))[:n].rsplit(b"\n\n", 1)[0] + b"\n")
PYEOF
  set -- $(measure "$evg" extract -q --dct 2019-05-23 -o /dev/null "$work/len-$words.txt")
  awk -v l="sentences of $words words" -v b="$(stat -c %s "$work/len-$words.txt")" -v c="$1" \
    'BEGIN { i = b / 1048576; printf "%-28s %9.2f %9.2f %10.2f\n", l, i, c, c / i }'
done
$py -c "
t = open('$src/fixtures/huawei-south-korea.txt', 'rb').read() + b'\n\n'
n = $((kb << 10)); p = (t * (n // len(t) + 1))[:n]
open('$work/len-prose.txt', 'wb').write(p[:p.rindex(b'\n') + 1])"
set -- $(measure "$evg" extract -q --dct 2019-05-23 -o /dev/null "$work/len-prose.txt")
awk -v b="$(stat -c %s "$work/len-prose.txt")" -v c="$1" \
  'BEGIN { i = b / 1048576; printf "%-28s %9.2f %9.2f %10.2f\n", "news prose", i, c, c / i }'
fi
[ "$part" = extract ] && exit 0

echo "== memory: peak RSS against input size, every input kind (budget: 20x)"
# The budget is on what an input adds: (peak - baseline) / input, where
# the baseline is the peak of the same command on a near-empty input (one
# sentence, one event: the program, its shared libraries, the built-in
# dictionaries and whatever a stage sets up once). peak/input
# is printed too: it exceeds 20x below about 1 MB only because of the
# baseline. Sizes from 100 KB to the --max-bytes default (16 MiB).
fix=$src/fixtures/huawei-south-korea.txt
tb=$src/../shared/data/timebank
[ -d "$tb" ] || tb=
$py - "$work" "$fix" "$src/tests/readers/gen_events.py" "$tb" $msizes <<'PYEOF'
import json, os, subprocess, sys
work, fix, gen, tb = sys.argv[1:5]
sizes = [int(x) for x in sys.argv[5:]]
text = open(fix, "rb").read() + b"\n\n"
cap = 16 << 20  # the --max-bytes default: every input fits it
def fit(n):
    return min(n, cap)
def rep(unit, n):
    return (unit * (n // len(unit) + 1))[:n]
def w(name, data):
    open(f"{work}/{name}", "wb").write(data)
# the near-empty input: one sentence with one event, so that every stage
# (and, in run, every writer) runs once
one = b"Japan accused China of theft on Monday."
w("base.txt", one + b"\n")
w("base.jsonl", b'{"id":"a","date":"2019-05-23","text":"' + one + b'"}\n')
w("base.tml", b'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-23" '
  b'functionInDocument="CREATION_TIME">2019-05-23</TIMEX3></DCT>'
  b'<TEXT>' + one + b'</TEXT></TimeML>\n')
rec = json.dumps({"id": "a", "date": "2019-05-23",
                  "text": text.decode()}).encode() + b"\n"
if tb:
    f = sorted(os.listdir(tb))[0]
    t = open(os.path.join(tb, f), "rb").read()
    head, rest = t.split(b"<TEXT>", 1)
    body, tail = rest.split(b"</TEXT>", 1)
else:  # no TimeBank: the article in a TimeML frame
    head = b'<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2019-05-23" ' \
           b'functionInDocument="CREATION_TIME">2019-05-23</TIMEX3></DCT>'
    body, tail = text.replace(b"&", b"&amp;").replace(b"<", b"&lt;"), \
        b"</TimeML>\n"
# bytes per event of the generated events documents
subprocess.run([sys.executable, gen, "1", "400", f"{work}/cal"],
               check=True, stdout=subprocess.DEVNULL)
per_event = os.path.getsize(f"{work}/cal/synthetic-0000.json") / 400
for kb in sizes:
    n = fit(kb << 10)
    p = rep(text, n - 1)
    p = p[:p.rindex(b"\n") + 1]          # whole lines
    w(f"prose-{kb}.txt", p)
    w(f"go-{kb}.txt", rep(b"Go. ", n))
    # sentences as long as --max-sentence (64 KiB) allows: 58 KB, 10,000
    # words each, parsed in pieces of 1,024 words and read in windows of
    # 1,024 words by the stages after the parse
    w(f"long-{kb}.txt", rep(b"The " + b"officials said talks went on " * 2000 +
                            b"and ended.\n\n",
                            n - 1) + b"\n")
    # many entity mentions: country and city names in every sentence
    w(f"ent-{kb}.txt", rep(b"Officials from France, Germany, Japan, China, "
      b"Russia, India, Brazil and Canada met in Geneva with Kenya. ", n - 1)
      + b"\n")
    w(f"line-{kb}.txt", p.replace(b"\n", b" ").rstrip() + b"\n")
    recs = rep(rec, n)
    w(f"jsonl-{kb}.jsonl", recs[:recs.rindex(b"\n") + 1])
    one = json.dumps({"id": "a", "date": "2019-05-23",
                      "text": p[:n * 9 // 10].decode()}).encode()
    w(f"jsonl1-{kb}.jsonl", one[:n - 1] if len(one) < n else
      json.dumps({"id": "a", "date": "2019-05-23",
                  "text": p[:n * 8 // 10].decode()}).encode() + b"\n")
    reps = max(1, (n - len(head) - len(tail) - 20) // len(body))
    w(f"tml-{kb}.tml", head + b"<TEXT>" + body * reps + b"</TEXT>" + tail)
    d = f"{work}/ev-{kb}"
    subprocess.run([sys.executable, gen, "1", str(max(1, int(n / per_event))),
                    d], check=True, stdout=subprocess.DEVNULL)
    os.rename(f"{d}/synthetic-0000.json", f"{work}/events-{kb}.json")
subprocess.run([sys.executable, gen, "1", "1", f"{work}/ev-base"], check=True,
               stdout=subprocess.DEVNULL)
os.rename(f"{work}/ev-base/synthetic-0000.json", f"{work}/base-events.json")
PYEOF
# base NAME CMD...: the peak MB of CMD on a near-empty input
declare -A base
peak_of() {
  /usr/bin/time -f "%U %S %M" -o "$work/t" "$@" >/dev/null 2>"$work/err"
  local rc=$?
  read -r u s m < <(tail -1 "$work/t")
  echo "$(echo "$u + $s" | bc) $m $rc"
}
x="extract -q --dct 2019-05-23"
set -- $(peak_of "$evg" --version); v=$2
set -- $(peak_of "$evg" $x "$work/base.txt"); base[extract]=$2
set -- $(peak_of "$evg" $x --no-parse "$work/base.txt"); base[noparse]=$2
set -- $(peak_of "$evg" $x --tokens "$work/base.txt"); base[tokens]=$2
set -- $(peak_of "$evg" $x "$work/base.jsonl"); base[jsonl]=$2
set -- $(peak_of "$evg" $x "$work/base.tml"); base[tml]=$2
set -- $(peak_of "$evg" graph -f csv -o "$work/o" "$work/base-events.json"); base[graph]=$2
set -- $(peak_of "$evg" stats -o "$work/o" "$work/base-events.json"); base[stats]=$2
set -- $(peak_of "$evg" render -f svg -o "$work/o" "$work/base-events.json"); base[render]=$2
set -- $(peak_of "$evg" run -q --dct 2019-05-23 -o "$work/run" "$work/base.txt"); base[run]=$2
rm -f "$work/base.db"
set -- $(peak_of "$evg" ingest -q --dct 2019-05-23 --db "$work/base.db" "$work/base.txt"); base[ingest]=$2
mb() { echo "scale=1; $1 / 1024" | bc; }
echo "baseline (peak on a near-empty input, MB): evgraph --version $(mb $v);" \
  "extract $(mb ${base[extract]}), --no-parse $(mb ${base[noparse]})," \
  ".jsonl $(mb ${base[jsonl]}), .tml $(mb ${base[tml]}), ingest $(mb ${base[ingest]})," \
  "--tokens $(mb ${base[tokens]}); graph $(mb ${base[graph]}), stats $(mb ${base[stats]})," \
  "render $(mb ${base[render]}); run $(mb ${base[run]})"
printf '%-40s %9s %7s %8s %16s %11s\n' input input_MB cpu_s peak_MB \
  "(peak-base)/in" peak/in
row() { # LABEL BASEKEY FILE CMD...
  local label=$1 key=$2 f=$3; shift 3
  local bytes; bytes=$(stat -c %s "$f")
  set -- $(peak_of "$@")
  local note=; [ "$3" != 0 ] && note="  exit $3: $(head -c 90 "$work/err")"
  awk -v l="$label" -v b="$bytes" -v c="$1" -v p="$2" -v z="${base[$key]}" -v n="$note" \
    'BEGIN { i = b / 1048576; printf "%-40s %9.2f %7.2f %8.1f %15.1fx %10.1fx%s\n",
      l, i, c, p / 1024, (p - z) / 1024 / i, p / 1024 / i, n }'
}
for kb in $msizes; do
  row "prose (news)" extract "$work/prose-$kb.txt" "$evg" $x "$work/prose-$kb.txt"
done
for kb in $msizes; do
  row "prose, --no-parse" noparse "$work/prose-$kb.txt" "$evg" $x --no-parse "$work/prose-$kb.txt"
done
for kb in $msizes; do
  row "10,000-word sentences" extract "$work/long-$kb.txt" "$evg" $x "$work/long-$kb.txt"
done
for kb in $msizes; do
  row "many entity mentions" extract "$work/ent-$kb.txt" "$evg" $x "$work/ent-$kb.txt"
done
for kb in $msizes; do
  row "prose, one line" extract "$work/line-$kb.txt" "$evg" $x "$work/line-$kb.txt"
done
for kb in $msizes; do
  row "'Go. ', default --max-sentences" extract "$work/go-$kb.txt" "$evg" $x "$work/go-$kb.txt"
done
# the most sentences the default cap (200,000) allows
$py -c "open('$work/go-cap.txt','w').write('Go. ' * 200000)"
row "'Go. ' x 200,000 (the cap)" extract "$work/go-cap.txt" "$evg" $x "$work/go-cap.txt"
# refused by --max-events as the events are coded: the peak is what the
# stages before the coder and the first thousand events take, not that
# of the whole document's events (the check came at the end before)
row "'Go. ' x 200,000, --max-events 1000" extract "$work/go-cap.txt" "$evg" $x --max-events 1000 "$work/go-cap.txt"
for kb in $msizes; do
  row "'Go. ', no sentence cap" extract "$work/go-$kb.txt" "$evg" $x --max-sentences 100000000 "$work/go-$kb.txt"
done
for kb in $msizes; do
  row "JSON Lines, 5 KB records" jsonl "$work/jsonl-$kb.jsonl" "$evg" $x "$work/jsonl-$kb.jsonl"
done
for kb in $msizes; do
  row "JSON Lines, one record" jsonl "$work/jsonl1-$kb.jsonl" "$evg" $x "$work/jsonl1-$kb.jsonl"
done
for kb in $msizes; do
  row "TimeML${tb:+ (TimeBank text)}" tml "$work/tml-$kb.tml" "$evg" $x "$work/tml-$kb.tml"
done
for kb in $msizes; do
  row "events JSON: graph -f csv" graph "$work/events-$kb.json" "$evg" graph -f csv -o "$work/o" "$work/events-$kb.json"
done
for kb in $msizes; do
  row "events JSON: stats" stats "$work/events-$kb.json" "$evg" stats -o "$work/o" "$work/events-$kb.json"
done
for kb in $msizes; do
  row "events JSON: render -f svg" render "$work/events-$kb.json" "$evg" render -f svg -o "$work/o" "$work/events-$kb.json"
done
for kb in $tsizes; do
  row "prose, extract --tokens" tokens "$work/prose-$kb.txt" "$evg" $x --tokens "$work/prose-$kb.txt"
done
# run: extract, graph and every default output (events, GraphML, HTML,
# SVG and DOT timelines)
for kb in $msizes; do
  row "prose, run (5 outputs)" run "$work/prose-$kb.txt" "$evg" run -q --dct 2019-05-23 -o "$work/run" "$work/prose-$kb.txt"
done
# ingest: extraction into a new SQLite store
for kb in $msizes; do
  rm -f "$work/i.db"
  row "prose, ingest (new store)" ingest "$work/prose-$kb.txt" "$evg" ingest -q --dct 2019-05-23 --db "$work/i.db" "$work/prose-$kb.txt"
done
