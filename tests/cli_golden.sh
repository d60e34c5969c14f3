#!/usr/bin/env bash
# Golden tests: the CLI's outputs on fixtures/ must equal fixtures/expected/
# byte for byte (outputs are deterministic). After an intended change, run
# tests/update_golden.sh BUILD_DIR and review the diff.
source "$(dirname "$0")/lib.sh"
source "$SRC/tests/golden.sh"
cd "$SRC" || exit 1
if ! golden_outputs "$EVG" "$WORK/got"; then
  bad "producing the golden outputs failed"
fi
for want in fixtures/expected/*; do
  got="$WORK/got/$(basename "$want")"
  if cmp -s "$want" "$got"; then ok; else
    bad "$want differs from the output:"
    diff -u "$want" "$got" | head -40 >&2
  fi
done
for got in "$WORK"/got/*; do
  [ -e "fixtures/expected/$(basename "$got")" ] && ok ||
    bad "no golden file fixtures/expected/$(basename "$got") (run tests/update_golden.sh)"
done
finish
