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
}
