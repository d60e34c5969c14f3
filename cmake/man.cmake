cmake_minimum_required(VERSION 3.25)
# Fills man/evgraph.1.in: @VERSION@ and @COMMANDS@ (the output of
# `evgraph completion roff`). Run as:
#   cmake -DIN=evgraph.1.in -DOUT=evgraph.1 -DCOMMANDS=commands.roff
#         -DVERSION=x.y.z -P man.cmake
file(READ "${IN}" page)
file(READ "${COMMANDS}" commands)
string(REPLACE "@VERSION@" "${VERSION}" page "${page}")
string(REPLACE "@COMMANDS@\n" "${commands}" page "${page}")
file(WRITE "${OUT}" "${page}")
