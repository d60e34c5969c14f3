# The golden outputs, shared by cli_golden.sh (compare) and update_golden.sh
# (write). Run from the source folder so recorded paths are relative.
# golden_outputs EVGRAPH OUTDIR: writes every golden output into OUTDIR.
golden_outputs() {
  local evg=$1 out=$2 f stem
  mkdir -p "$out"
  for f in fixtures/*.txt; do
    stem=$(basename "$f" .txt)
    "$evg" extract -q --pretty "$f" >"$out/$stem.events.json" || return 1
  done
  "$evg" extract -q fixtures/*.txt >"$out/all.events.jsonl" || return 1
  "$evg" graph -f json "$out/all.events.jsonl" >"$out/all.graph.json" || return 1
  "$evg" render -f dot "$out/all.events.jsonl" >"$out/all.timeline.dot" || return 1
  # events CAMEO has no code for, with their TimeML class and participants
  # (a team-written events document, schema version 2), in every output
  local v=fixtures/velmora.events.jsonl
  "$evg" graph -f json "$v" >"$out/velmora.graph.json" || return 1
  "$evg" graph -f json --projection actors "$v" >"$out/velmora.actors.graph.json" || return 1
  "$evg" graph -f json --cameo-only "$v" >"$out/velmora.cameo-only.graph.json" || return 1
  "$evg" graph -f csv "$v" >"$out/velmora.events.csv" || return 1
  "$evg" graph -f timelinejs "$v" >"$out/velmora.timelinejs.json" || return 1
  "$evg" render -f dot "$v" >"$out/velmora.timeline.dot" || return 1
  "$evg" stats "$v" >"$out/velmora.stats.txt" || return 1
}
