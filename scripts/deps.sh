#!/usr/bin/env bash
# Installs the Debian packages evgraph needs, only those that are missing.
# Usage: scripts/deps.sh [build|test|train]  (test adds what the test suite
# uses; train adds WordNet and the word list, which the trainers read)
set -euo pipefail

build_pkgs=(pkg-config libigraph-dev libcjson-dev libgraphviz-dev graphviz libsqlite3-dev)
test_pkgs=(libcmocka-dev libxml2-utils python3 python3-networkx python3-igraph chromium
           g++ zsh poppler-utils fontconfig parallel python3-distributed)

train_pkgs=(wordnet-base wamerican python3)

want=("${build_pkgs[@]}")
if [ "${1:-build}" = test ]; then
  want+=("${test_pkgs[@]}")
elif [ "${1:-build}" = train ]; then
  want+=("${train_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
# node and npm (the graphology and Cytoscape.js reader tests): Debian's
# packages unless a node with npm is already there (e.g. from NodeSource)
if [ "${1:-build}" = test ] && ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "evgraph: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "evgraph: need root (or sudo) to install: ${missing[*]}" >&2; exit 4; }
  sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
