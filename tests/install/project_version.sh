#!/usr/bin/env bash
# Prints the VERSION of project() in the given CMakeLists.txt.
sed -n 's/^project([a-z]* VERSION \([0-9.]*\).*/\1/p' "$1" | head -1
