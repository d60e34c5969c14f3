# Helpers for the CLI test scripts (sourced). Each script is called by ctest
# as: bash SCRIPT EVGRAPH_BIN SOURCE_DIR SHARED_DIR WORK_DIR
EVG=$1
SRC=$2
SHARED=$3
WORK=$4
rm -rf "$WORK" && mkdir -p "$WORK"
# Debian's python3-* packages (networkx, igraph) belong to /usr/bin/python3,
# which may not be the first python3 on PATH.
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3
failures=0
checks=0

ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*" >&2; }

# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND, checks its exit
# status, keeps its stderr in $WORK/stderr.
expect_exit() {
  local want=$1 what=$2
  shift 3
  "$@" >"$WORK/stdout" 2>"$WORK/stderr"
  local got=$?
  if [ "$got" -eq "$want" ]; then ok; else
    bad "$what: exit $got, want $want; stderr: $(head -c 300 "$WORK/stderr")"
  fi
}

# expect_stderr REGEX DESCRIPTION: the last command's stderr matches.
expect_stderr() {
  if grep -Eq -- "$1" "$WORK/stderr"; then ok; else
    bad "$2: stderr does not match /$1/: $(head -c 300 "$WORK/stderr")"
  fi
}

# one_line DESCRIPTION: the last command printed exactly one diagnostic line
# starting with "evgraph: ".
one_line() {
  local n
  n=$(grep -vc '^evgraph: warning' "$WORK/stderr")
  if [ "$n" -eq 1 ] && grep -q '^evgraph: ' "$WORK/stderr"; then ok; else
    bad "$1: want one 'evgraph: ' line, got: $(head -c 300 "$WORK/stderr")"
  fi
}

finish() {
  echo "$((checks - failures)) passed, $failures failed"
  [ "$failures" -eq 0 ]
}
