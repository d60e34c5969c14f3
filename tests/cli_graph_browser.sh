#!/usr/bin/env bash
# Reader test in headless Chromium: Cytoscape.js loads the cytoscape export
# and TimelineJS renders the timelinejs export (npm packages installed under
# the build folder by tests/readers/npm.sh); the counts the page reports
# must match evgraph's JSON.
source "$2/tests/lib.sh"
source "$SRC/tests/readers/graph_cases.sh"
source "$SRC/tests/readers/npm.sh"
command -v "$PY" >/dev/null || { echo "SKIP: no python3"; exit 77; }
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "SKIP: no chromium (Debian chromium; scripts/deps.sh test)"; exit 77; }
need_npm
NPM=$NPM_DIR
PAGE="$SRC/tests/readers/browser_page.py"
n=0
for c in "${CASES[@]}"; do
  reference "$c"
  for kind in cytoscape timelinejs; do
    # the timeline shows events: the actor projection does not apply
    case $c in *-actors) [ "$kind" = timelinejs ] && continue ;; esac
    n=$((n + 1))
    out="$WORK/$c.$kind.json"
    if ! export_case "$c" "$kind" "$out"; then
      bad "$c: graph -f $kind failed: $(head -c 300 "$WORK/graph.err")"
      continue
    fi
    if ! "$PY" "$PAGE" page "$kind" "$out" "$NPM" "$WORK/$c.$kind.html"; then
      bad "$c: $kind: cannot build the page"
      continue
    fi
    rm -rf "$WORK/chrome$n"
    timeout 90 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic \
      --no-first-run --disable-background-networking --disable-component-update \
      --disable-sync --user-data-dir="$WORK/chrome$n" --allow-file-access-from-files \
      --virtual-time-budget=30000 --dump-dom "file://$WORK/$c.$kind.html" \
      >"$WORK/$c.$kind.dom" 2>"$WORK/chrome.err"
    rm -rf "$WORK/chrome$n"
    if "$PY" "$PAGE" check "$kind" "$WORK/$c.$kind.dom" "$WORK/$c.ref.json" \
         >"$WORK/check.out" 2>&1; then ok; else
      bad "$c: $kind: $(head -c 2000 "$WORK/check.out")"
    fi
    sed "s/^/$c: /" "$WORK/check.out"
  done
done
finish
