#!/usr/bin/env bash
# The wrong kind of input to graph, render and stats: an article, a
# picture (SVG, PNG), another export, binary data. Each gives exactly one
# line saying what the file is and what to run, and exit status 1; a
# JSON Lines file of bad records does not flood the terminal.
source "$2/tests/lib.sh"
EX="$SRC/fixtures/expected"
"$EVG" render -f svg -o "$WORK/timeline.svg" "$EX/all.events.jsonl" || bad "render svg failed"
"$EVG" render -f png -o "$WORK/timeline.png" "$EX/all.events.jsonl" || bad "render png failed"
for f in graphml gexf gml json cytoscape jgf csv timelinejs; do
  "$EVG" graph -f "$f" -o "$WORK/graph.$f" "$EX/all.events.jsonl" || bad "graph -f $f failed"
done
printf '{"id": "a1", "title": "T", "text": "China criticized the United States."}\n' >"$WORK/articles.jsonl"
# name|file|what the line must say
cases=(
  "article|$SRC/fixtures/huawei-followup.txt|an article.*run 'evgraph extract .*huawei-followup.txt > events.json' first"
  "SVG|$WORK/timeline.svg|an SVG picture"
  "PNG|$WORK/timeline.png|a PNG image"
  "GraphML|$WORK/graph.graphml|a GraphML graph"
  "GEXF|$WORK/graph.gexf|a GEXF graph"
  "GML|$WORK/graph.gml|a GML graph"
  "node-link JSON|$WORK/graph.json|a graph export"
  "JGF|$WORK/graph.jgf|a graph export"
  "Cytoscape|$WORK/graph.cytoscape|a Cytoscape.js graph"
  "TimelineJS|$WORK/graph.timelinejs|a TimelineJS timeline"
  "CSV|$WORK/graph.csv|a CSV table"
  "DOT|$EX/all.timeline.dot|a DOT graph"
  "binary|$EVG|binary data"
  "JSON Lines articles|$WORK/articles.jsonl|JSON Lines articles: run 'evgraph extract"
)
for c in "${cases[@]}"; do
  IFS='|' read -r what file want <<<"$c"
  for cmd in graph render stats; do
    expect_exit 1 "$cmd $what" -- "$EVG" "$cmd" -o "$WORK/out" "$file"
    one_line "$cmd $what"
    expect_stderr "$want" "$cmd $what"
  done
done
# stdin: the hint names '-'
expect_exit 1 "article on stdin" -- sh -c "'$EVG' render < '$SRC/fixtures/huawei-followup.txt'"
expect_stderr "<stdin>: plain text.*run 'evgraph extract - > events.json' first" "article on stdin"
# 40 records that are no events documents after a good one: at most 11 lines
{ head -1 "$EX/all.events.jsonl"; for i in $(seq 40); do echo '{"bad": 1}'; done; } >"$WORK/bad.jsonl"
expect_exit 1 "bad JSON Lines" -- "$EVG" graph -o "$WORK/bad.graphml" "$WORK/bad.jsonl"
n=$(wc -l <"$WORK/stderr")
if [ "$n" -le 11 ]; then ok; else bad "40 bad records printed $n lines"; fi
expect_stderr "30 more bad lines not shown \(1 of 41 lines read\)" "bad JSON Lines summary"
# only bad records: one line
for i in $(seq 40); do echo '{"bad": 1}'; done >"$WORK/allbad.jsonl"
expect_exit 1 "only bad records" -- "$EVG" stats "$WORK/allbad.jsonl"
one_line "only bad records"
# a pretty-printed document with a syntax error: one line
sed '0,/"events"/s//"events" x/' "$EX/huawei-followup.events.json" >"$WORK/broken.json"
expect_exit 1 "broken pretty document" -- "$EVG" graph "$WORK/broken.json"
one_line "broken pretty document"
expect_stderr "malformed JSON near byte" "broken pretty document"
# and the right input still works
expect_exit 0 "events document" -- "$EVG" stats "$EX/huawei-followup.events.json"
finish
