#!/usr/bin/env bash
# Cost curves and memory ratios (docs/robustness.md): CPU time and peak
# memory of graph, render and stats on synthetic events documents of
# growing size, and of extract on growing articles (news prose and the
# worst case of tiny sentences). Each line prints the growth of time
# against the growth of input, so a super-linear stage shows at once, and
# extract's peak memory as a multiple of the input size.
# usage: bench/cost.sh EVGRAPH [SCALE]
#   SCALE 1 (default): 1,000-100,000 actors, 10,000-1,000,000 events,
#   articles of 1-16 MB; SCALE 0: a quick run (a tenth of the sizes).
set -uo pipefail
evg=${1:?usage: bench/cost.sh EVGRAPH [SCALE]}
scale=${2:-1}
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

if [ "$scale" = 0 ]; then
  sizes="100:1000 1000:10000 10000:100000"; mbs="1 2 4"
else
  sizes="1000:10000 10000:100000 100000:1000000"; mbs="1 4 16"
fi

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

echo "== extract: peak memory against input size (limit: about 20x)"
printf '%-28s %8s %9s %9s %7s\n' article input_MB cpu_s peak_MB ratio
$py - "$work" "$src/fixtures/huawei-south-korea.txt" $mbs <<'PYEOF'
import sys
work, fix, sizes = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3:]]
text = open(fix, "rb").read() + b"\n\n"
for mb in sizes:
    n = mb << 20
    body = (text * (n // len(text) + 1))[:n - 1]
    body = body[:body.rindex(b"\n") + 1]  # whole lines, within --max-bytes
    open(f"{work}/prose-{mb}.txt", "wb").write(body)
    open(f"{work}/go-{mb}.txt", "w").write("Go. " * (n // 4))
PYEOF
for kind in prose go; do
  for mb in $mbs; do
    f=$work/$kind-$mb.txt
    bytes=$(stat -c %s "$f")
    extra=; [ $kind = go ] && extra="--max-sentences 100000000"
    r=$(measure "$evg" extract -q --dct 2019-05-23 $extra "$f")
    set -- $r
    printf '%-28s %8s %9s %9s %7s\n' "$kind ($([ $kind = go ] && echo "'Go. ', no sentence cap" || echo news))" \
      "$mb" "$1" "$2" "x$(echo "scale=1; $2 * 1048576 / $bytes" | bc)"
  done
done
f=$work/go-16.txt; [ -f "$f" ] || f=$work/go-4.txt
/usr/bin/time -f "%U %M" -o "$work/t" "$evg" extract -q --dct 2019-05-23 "$f" >/dev/null 2>"$work/err" || true
read -r u m < <(tail -1 "$work/t")
echo "'Go. ' ($(($(stat -c %s "$f") >> 20)) MB) with the default --max-sentences: ${u} s, $((m / 1024)) MB: $(head -1 "$work/err")"
