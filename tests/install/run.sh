#!/usr/bin/env bash
# The install test: installs the build into a temporary prefix with
# `cmake --install`, then, as a user would,
#  - builds and runs tests/install/consumer.c through pkg-config (shared,
#    then static with --static) and through find_package(evgraph)
#    (evgraph::evgraph and evgraph::evgraph_static),
#  - compiles every installed public header alone as C11 and as C++,
#  - checks that every function the headers declare is exported by
#    libevgraph.so, and nothing else,
#  - checks the man pages render without warnings and the bash and zsh
#    completion scripts offer what `evgraph help COMMAND` lists.
# Usage: run.sh BUILD_DIR SOURCE_DIR WORK_DIR "SANITIZER_FLAGS"
BUILD=$1 SRC=$2 WORK=$3 SANFLAGS=$4
rm -rf "$WORK" && mkdir -p "$WORK"
failures=0 checks=0
ok() { checks=$((checks + 1)); }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*" >&2; }
CC=${CC:-cc}
CXX=$(command -v c++ || command -v g++ || true)
P="$WORK/prefix"

if ! cmake --install "$BUILD" --prefix "$P" >"$WORK/install.log" 2>&1; then
  echo "FAIL: cmake --install: $(tail -5 "$WORK/install.log")"
  exit 1
fi
LIBDIR=$(dirname "$(find "$P" -name 'libevgraph.so' | head -1)")
for f in bin/evgraph include/evgraph/evgraph.h include/evgraph/version.h \
         include/evgraph/export.h share/man/man1/evgraph.1 \
         share/man/man5/evgraph-events.5 \
         share/bash-completion/completions/evgraph \
         share/zsh/site-functions/_evgraph; do
  if [ -e "$P/$f" ]; then ok; else bad "not installed: $f"; fi
done
for f in libevgraph.a libevgraph.so pkgconfig/evgraph.pc \
         cmake/evgraph/evgraphConfig.cmake \
         cmake/evgraph/evgraphConfigVersion.cmake \
         cmake/evgraph/evgraphTargets.cmake; do
  if [ -e "$LIBDIR/$f" ]; then ok; else bad "not installed: lib/.../$f"; fi
done
version=$("$SRC/tests/install/project_version.sh" "$SRC/CMakeLists.txt")
got=$("$P/bin/evgraph" -V 2>&1)
if [ "$got" = "evgraph $version" ]; then ok; else
  bad "evgraph -V printed '$got', want 'evgraph $version' (project(VERSION))"
fi

run_consumer() { # WHAT BINARY
  local out
  if out=$(LD_LIBRARY_PATH="$LIBDIR" "$2" 2>&1) &&
     [[ $out == "evgraph $version ("*"): "*" events, "*"refused" ]] &&
     [[ $out != *": 0 events"* ]]; then
    ok
    echo "$1: $out"
  else
    bad "$1: $out"
  fi
}

# pkg-config, shared then static
export PKG_CONFIG_PATH="$LIBDIR/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
pcv=$(pkg-config --modversion evgraph 2>&1)
if [ "$pcv" = "$version" ]; then ok; else bad "pkg-config --modversion: $pcv"; fi
# shellcheck disable=SC2046,SC2086
if $CC -std=c11 -Wall -Wextra -Werror $SANFLAGS -o "$WORK/pc_shared" \
     "$SRC/tests/install/consumer.c" $(pkg-config --cflags --libs evgraph) \
     >"$WORK/cc.log" 2>&1; then
  run_consumer "pkg-config (shared)" "$WORK/pc_shared"
  if LD_LIBRARY_PATH="$LIBDIR" ldd "$WORK/pc_shared" | grep -q "$LIBDIR/libevgraph.so"; then ok; else
    bad "pkg-config build does not use the installed libevgraph.so"
  fi
else bad "pkg-config --cflags --libs evgraph: build failed: $(head -c 600 "$WORK/cc.log")"; fi
# libevgraph.a with the shared libraries it needs, as pkg-config lists them
# (Debian's igraph.pc --static names libraries Debian does not ship, so
# `pkg-config --static --libs evgraph` cannot link there)
# shellcheck disable=SC2046,SC2086
if $CC -std=c11 -Wall -Wextra -Werror $SANFLAGS -o "$WORK/pc_static" \
     "$SRC/tests/install/consumer.c" $(pkg-config --cflags evgraph) \
     "$LIBDIR/libevgraph.a" $(pkg-config --libs $(pkg-config --print-requires-private evgraph)) -pthread -lm \
     >"$WORK/cc.log" 2>&1; then
  run_consumer "pkg-config, libevgraph.a" "$WORK/pc_static"
  if LD_LIBRARY_PATH="$LIBDIR" ldd "$WORK/pc_static" | grep -q libevgraph; then
    bad "the static build still loads libevgraph.so"
  else ok; fi
else bad "pkg-config, libevgraph.a: build failed: $(head -c 600 "$WORK/cc.log")"; fi

# find_package(evgraph)
if cmake -S "$SRC/tests/install" -B "$WORK/consumer" -DCMAKE_PREFIX_PATH="$P" \
     -DCMAKE_C_FLAGS="$SANFLAGS" -DCMAKE_EXE_LINKER_FLAGS="$SANFLAGS" \
     >"$WORK/cmake.log" 2>&1 &&
   cmake --build "$WORK/consumer" >>"$WORK/cmake.log" 2>&1; then
  ok
  run_consumer "find_package (evgraph::evgraph)" "$WORK/consumer/consumer_shared"
  run_consumer "find_package (evgraph::evgraph_static)" "$WORK/consumer/consumer_static"
else bad "find_package(evgraph): $(grep -m3 -iE 'error|not found' "$WORK/cmake.log")"; fi

# every public header on its own, as C11 and as C++
n=0
for h in "$P"/include/evgraph/*.h; do
  name=evgraph/$(basename "$h")
  printf '#include <%s>\n#include <%s>\nint main(void) { return 0; }\n' \
    "$name" "$name" >"$WORK/one.c"
  if $CC -std=c11 -Wall -Wextra -Wpedantic -Werror -I"$P/include" \
       -fsyntax-only "$WORK/one.c" 2>"$WORK/h.log"; then ok; else
    bad "$name does not compile alone as C11: $(head -c 400 "$WORK/h.log")"
  fi
  if [ -n "$CXX" ]; then
    cp "$WORK/one.c" "$WORK/one.cc"
    if $CXX -std=c++11 -Wall -Wextra -Wpedantic -Werror -I"$P/include" \
         -fsyntax-only "$WORK/one.cc" 2>"$WORK/h.log"; then ok; else
      bad "$name does not compile alone as C++: $(head -c 400 "$WORK/h.log")"
    fi
  fi
  n=$((n + 1))
done
[ -n "$CXX" ] || echo "SKIPPED: the C++ half of the header check (no c++ compiler; Debian g++)"
echo "headers: $n compiled alone as C11${CXX:+ and C++}"

# the exported symbols are exactly the functions the headers declare
sed -n 's/^EVG_API[^(]*[ *]\(evg_[a-z0-9_]*\)(.*/\1/p' "$P"/include/evgraph/*.h |
  sort -u >"$WORK/declared"
nm -D --defined-only "$LIBDIR/libevgraph.so" | awk '$2 ~ /^[TDBR]$/ {print $3}' |
  sort -u >"$WORK/exported"
if [ -s "$WORK/declared" ] && cmp -s "$WORK/declared" "$WORK/exported"; then
  ok
  echo "libevgraph.so exports the $(wc -l <"$WORK/declared") functions the headers declare"
else
  bad "declared vs exported: $(diff "$WORK/declared" "$WORK/exported" | head -20 | tr '\n' ' ')"
fi
# every prototype in the headers carries EVG_API
if grep -nE '^(const |unsigned )?(int|void|char|size_t|double|evg_[a-z_]+)[ *]+evg_[a-z0-9_]+\(' \
     "$P"/include/evgraph/*.h >"$WORK/noapi"; then
  bad "prototypes without EVG_API: $(head -5 "$WORK/noapi" | tr '\n' ' ')"
else ok; fi

# man pages: no groff warnings, the commands' options are in evgraph(1)
for m in man1/evgraph.1 man5/evgraph-events.5; do
  if command -v groff >/dev/null; then
    if groff -man -Tutf8 -ww -z "$P/share/man/$m" 2>"$WORK/man.log" &&
       [ ! -s "$WORK/man.log" ]; then ok; else
      bad "$m: groff: $(head -c 300 "$WORK/man.log")"
    fi
  fi
done
if command -v man >/dev/null; then
  MANPATH="$P/share/man" MANWIDTH=100 man evgraph 2>/dev/null | col -b >"$WORK/man.txt"
  if grep -q -- "--projection" "$WORK/man.txt" && grep -q "evgraph-events(5)" "$WORK/man.txt"; then ok; else
    bad "man evgraph (MANPATH=prefix/share/man) lacks the option list"
  fi
fi

# completion: every option `evgraph help CMD` lists is offered by bash for
# CMD; the format values of graph -f come from the same table
B="$P/share/bash-completion/completions/evgraph"
complete_bash() { # WORDS...: prints the candidates for the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _evgraph; printf "%s\n" "${COMPREPLY[@]}"' _ "$B" "$@"
}
for cmd in $("$P/bin/evgraph" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR>1 && NF {print $1}' | grep -v '^help$\|^completion$'); do
  want=$("$P/bin/evgraph" help "$cmd" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
  got=$(complete_bash evgraph "$cmd" -- | sort -u)
  missing=$(comm -23 <(echo "$want") <(echo "$got"))
  if [ -z "$missing" ] && [ -n "$want" ]; then ok; else
    bad "bash completion of 'evgraph $cmd --': missing $(echo $missing)"
  fi
done
got=$(complete_bash evgraph graph -f g | tr '\n' ' ')
if [ "$got" = "graphml gml gexf " ]; then ok; else bad "bash: 'evgraph graph -f g' offers '$got'"; fi
got=$(complete_bash evgraph st | tr '\n' ' ')
if [ "$got" = "stats " ]; then ok; else bad "bash: 'evgraph st' offers '$got'"; fi
if command -v zsh >/dev/null; then
  Z="$P/share/zsh/site-functions/_evgraph"
  if zsh -n "$Z" 2>"$WORK/zsh.log"; then ok; else
    bad "zsh -n _evgraph: $(head -c 300 "$WORK/zsh.log")"
  fi
  # run the function under zsh with the completion builtins stubbed to
  # print what they are given: every option of every command is offered
  cat >"$WORK/zstub.zsh" <<'ZEOF'
_arguments() { print -rl -- "$@" }
_describe() { print -rl -- "${(@P)4}" }
compadd() { print -rl -- "$@" }
source "$1"
words=(evgraph "${@:2}")
CURRENT=${#words}
_evgraph
ZEOF
  for cmd in $("$P/bin/evgraph" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR>1 && NF {print $1}' | grep -v '^help$\|^completion$'); do
    want=$("$P/bin/evgraph" help "$cmd" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
    got=$(zsh "$WORK/zstub.zsh" "$Z" "$cmd" -- 2>"$WORK/zsh.log" | grep -oE -- '--[a-z][a-z-]*' | sort -u)
    missing=$(comm -23 <(echo "$want") <(echo "$got"))
    if [ -z "$missing" ] && [ -n "$want" ]; then ok; else
      bad "zsh completion of 'evgraph $cmd --': missing $(echo $missing) $(head -c 200 "$WORK/zsh.log")"
    fi
  done
  if zsh "$WORK/zstub.zsh" "$Z" st | grep -q '^stats:'; then ok; else
    bad "zsh completion of 'evgraph st' does not offer stats"
  fi
else
  echo "SKIPPED: zsh syntax check (no zsh; Debian zsh)"
fi
if grep -q -- "--projection" "$P/share/zsh/site-functions/_evgraph"; then ok; else
  bad "zsh completion lacks --projection"; fi

echo "$((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
