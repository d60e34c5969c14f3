# Sourced by the reader tests that need npm packages (after tests/lib.sh):
# need_npm installs tests/readers/node/package.json's exact versions
# (package-lock.json) with `npm ci` into one folder of the build tree,
# shared by the tests and installed once; it skips the test (exit 77),
# saying why, when node or npm is missing or the registry cannot be reached.
# Sets NPM_DIR (the folder holding node_modules/).
need_npm() {
  command -v node >/dev/null || { echo "SKIP: no node (Debian nodejs; scripts/deps.sh test)"; exit 77; }
  command -v npm >/dev/null || { echo "SKIP: no npm (Debian npm; scripts/deps.sh test)"; exit 77; }
  NPM_DIR="$(dirname "$WORK")/npm-readers"
  local pkg="$SRC/tests/readers/node"
  mkdir -p "$NPM_DIR"
  (
    # ctest runs tests in parallel: one installs, the others wait
    flock 9
    if ! cmp -s "$pkg/package-lock.json" "$NPM_DIR/package-lock.json" ||
       [ ! -d "$NPM_DIR/node_modules" ]; then
      cp "$pkg/package.json" "$pkg/package-lock.json" "$NPM_DIR/"
      timeout 300 npm ci --prefix "$NPM_DIR" --no-audit --no-fund \
        --loglevel=error >"$NPM_DIR/npm.log" 2>&1 || {
        rm -f "$NPM_DIR/package-lock.json"
        exit 1
      }
    fi
  ) 9>"$NPM_DIR.lock" || {
    echo "SKIP: npm ci (tests/readers/node) failed: $(tail -3 "$NPM_DIR/npm.log" 2>/dev/null)"
    exit 77
  }
}
