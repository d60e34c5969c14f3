#!/usr/bin/env bash
# Extracts shards of a corpus with GNU parallel, on this machine or on
# others (parallel's --sshlogin: each host needs evgraph on its PATH and
# the shards at the same path, or add --transferfile {} --return ...), and
# writes the shards' events documents concatenated in shard order: the
# same bytes as one `evgraph extract` over the shards in that order.
#
# usage: scripts/parallel-extract.sh [-j N] [-S SSHLOGINS] [-e EVGRAPH]
#                                    -o OUT.jsonl SHARD...
#   -j N          jobs per host (default: one per core)
#   -S SSHLOGINS  passed to parallel --sshlogin (e.g. ':,alice@node2')
#   -e EVGRAPH    the evgraph binary (default: evgraph on the PATH)
#   -o OUT        the merged events file (written when every shard worked)
# Exit status: 0, or that of the first failing shard (parallel --halt).
set -euo pipefail
jobs=""
logins=""
evgraph=evgraph
out=""
while getopts "j:S:e:o:" opt; do
  case $opt in
    j) jobs=$OPTARG ;;
    S) logins=$OPTARG ;;
    e) evgraph=$OPTARG ;;
    o) out=$OPTARG ;;
    *) echo "usage: $0 [-j N] [-S SSHLOGINS] [-e EVGRAPH] -o OUT SHARD..." >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [ -z "$out" ] || [ $# -eq 0 ]; then
  echo "usage: $0 [-j N] [-S SSHLOGINS] [-e EVGRAPH] -o OUT SHARD..." >&2
  exit 2
fi
command -v parallel >/dev/null || { echo "parallel-extract: GNU parallel is not installed (Debian package 'parallel')" >&2; exit 4; }
args=(--will-cite --halt now,fail=1 --keep-order)
[ -n "$jobs" ] && args+=(-j "$jobs")
[ -n "$logins" ] && args+=(--sshlogin "$logins")
tmp=$(mktemp "$out.XXXXXX")
trap 'rm -f "$tmp"' EXIT
# --keep-order prints each shard's output in shard order, whichever host
# finishes first; extraction is a pure function of each document.
parallel "${args[@]}" "$evgraph" extract -q -j 1 {} ::: "$@" >"$tmp"
mv "$tmp" "$out"
trap - EXIT
