#!/bin/bash
# Actor figure on the PLOVER gold records: the share of gold source/target
# actors that evgraph finds (a mention overlapping the gold actor text) with
# the right country. Fails below the floor measured when the gazetteer and
# actor rules landed; skips (77) without ../shared.
# Called by ctest as: bash cli_plover_actors.sh EVGRAPH SOURCE_DIR SHARED_DIR WORK_DIR
EVG=$1 SRC=$2 SHARED=$3 WORK=$4
GOLD="$SHARED/data/plover-gsr/PLOVER_GSR_CAMEO.txt"
FLOOR=0.95
SECTOR_FLOOR=0.85  # measured 0.851 (302/355)
if [ ! -f "$GOLD" ]; then
    echo "SKIP: $GOLD not found (no ../shared gold data)"
    exit 77
fi
mkdir -p "$WORK"
python3 "$SRC/tools/score_plover_actors.py" "$EVG" "$GOLD" --floor "$FLOOR" \
    --sector-floor "$SECTOR_FLOOR" --halves >"$WORK/score.txt" 2>"$WORK/stderr.txt"
rc=$?
cat "$WORK/score.txt"
if [ $rc -ne 0 ]; then
    cat "$WORK/stderr.txt"
    echo "FAIL: plover actor figure below $FLOOR, sectors below $SECTOR_FLOOR (or the scorer failed, exit $rc)"
    exit 1
fi
echo "ok: plover actor figure at or above $FLOOR, sectors at or above $SECTOR_FLOOR"
