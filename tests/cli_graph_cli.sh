#!/usr/bin/env bash
# The graph and stats commands: every format is written, twice identically;
# XML exports pass xmllint; filters, projection and bad options give the
# documented exit codes and one-line messages; stats shows the analytics.
source "$2/tests/lib.sh"
D="$SRC/tests/data"
IN=("$D/graph_story_a.json" "$D/graph_story_b.json" "$D/graph_story_c.json")

for f in graphml gml json gexf cytoscape jgf csv csv-nodes timelinejs; do
  for p in none actors; do
    expect_exit 0 "graph -f $f --projection $p" -- \
      "$EVG" graph -f "$f" --projection "$p" -o "$WORK/1.$f" "${IN[@]}"
    expect_exit 0 "graph -f $f --projection $p again" -- \
      "$EVG" graph -f "$f" --projection "$p" -o "$WORK/2.$f" "${IN[@]}"
    if cmp -s "$WORK/1.$f" "$WORK/2.$f" && [ -s "$WORK/1.$f" ]; then ok; else
      bad "graph -f $f --projection $p: output empty or not deterministic"
    fi
    case $f in
      graphml|gexf)
        if command -v xmllint >/dev/null; then
          if xmllint --noout "$WORK/1.$f" 2>"$WORK/xml.err"; then ok; else
            bad "xmllint rejects -f $f: $(head -c 300 "$WORK/xml.err")"
          fi
        fi ;;
      json|cytoscape|jgf|timelinejs)
        if "$PY" -m json.tool "$WORK/1.$f" >/dev/null 2>"$WORK/json.err"; then ok; else
          bad "-f $f is not JSON: $(head -c 300 "$WORK/json.err")"
        fi ;;
    esac
  done
done

# stdin works as input, stdout as output
expect_exit 0 "graph from stdin" -- "$EVG" graph -f csv - <"${IN[0]}"
if [ "$(grep -c '^v[0-9]' "$WORK/stdout")" -eq 3 ]; then ok; else
  bad "graph -f csv from stdin: want 3 event rows: $(head -c 300 "$WORK/stdout")"
fi

# stats
expect_exit 0 "stats" -- "$EVG" stats --top 3 "${IN[@]}"
for want in "^graph: 3 documents, 9 event reports -> 7 events, 9 actors" \
            "^dates: 2018-08-01 .. 2019-05-26 \(1 undated event\)" \
            "^reported by several documents: 2 events" \
            "^communities: [0-9]+ \(Louvain" "^top actors by degree:" \
            "^top actors by PageRank:" "^busiest dyads" "Huawei +CHNBUS"; do
  if grep -Eq -- "$want" "$WORK/stdout"; then ok; else
    bad "stats lacks /$want/: $(head -c 600 "$WORK/stdout")"
  fi
done
expect_exit 0 "stats -o" -- "$EVG" stats -o "$WORK/stats.txt" "${IN[@]}"
if grep -q "^top actors by degree" "$WORK/stats.txt"; then ok; else bad "stats -o wrote nothing"; fi

# filters
expect_exit 0 "graph --entity" -- "$EVG" graph -f csv --entity google "${IN[@]}"
if [ "$(grep -c '^v[0-9]' "$WORK/stdout")" -eq 1 ]; then ok; else
  bad "--entity google: want 1 event: $(cat "$WORK/stdout")"
fi
expect_exit 0 "graph --root --quad" -- "$EVG" graph -f csv --root 16 --quad 4 "${IN[@]}"
if [ "$(grep -c '^v[0-9]' "$WORK/stdout")" -eq 3 ]; then ok; else
  bad "--root 16 --quad 4: want 3 events: $(cat "$WORK/stdout")"
fi
expect_exit 0 "graph --from --to --modality" -- \
  "$EVG" graph -f csv --from 2019-05-01 --to 2019-05-31 --modality asserted,reported "${IN[@]}"
if [ "$(grep -c '^v[0-9]' "$WORK/stdout")" -eq 4 ]; then ok; else
  bad "--from/--to/--modality: want 4 events: $(cat "$WORK/stdout")"
fi
expect_exit 0 "graph --min-confidence" -- \
  "$EVG" graph -f csv --min-confidence 0.5 "${IN[@]}"
if [ "$(grep -c '^v[0-9]' "$WORK/stdout")" -eq 6 ] &&
   ! grep -q "may hold talks" "$WORK/stdout"; then ok; else
  bad "--min-confidence 0.5: want 6 events, without the 0.4 one: $(cat "$WORK/stdout")"
fi

# failures
expect_exit 2 "unknown format" -- "$EVG" graph -f dot "${IN[@]}"
expect_stderr "unknown format 'dot' \(graphml, gml, json, gexf" "unknown format"
one_line "unknown format"
expect_exit 2 "bad --quad" -- "$EVG" graph --quad 7 "${IN[@]}"
one_line "bad --quad"
expect_exit 2 "bad --modality" -- "$EVG" graph --modality certain "${IN[@]}"
one_line "bad --modality"
expect_exit 2 "bad --min-confidence" -- "$EVG" graph --min-confidence 1.5 "${IN[@]}"
one_line "bad --min-confidence"
expect_exit 2 "bad --projection" -- "$EVG" graph --projection events "${IN[@]}"
one_line "bad --projection"
expect_exit 2 "bad --top" -- "$EVG" stats --top 0 "${IN[@]}"
expect_exit 1 "unknown --entity" -- "$EVG" graph --entity Atlantis "${IN[@]}"
expect_stderr "no actor named 'Atlantis'" "unknown --entity"
one_line "unknown --entity"
printf '{"schema": "evgraph-events/1", "document": ' >"$WORK/broken.json"
expect_exit 1 "malformed events document" -- "$EVG" graph "$WORK/broken.json"
expect_exit 3 "unwritable output" -- "$EVG" graph -o "$WORK/no/such/dir/g.graphml" "${IN[@]}"
finish
