#!/usr/bin/env python3
"""Reads a GraphML file with networkx, as an analyst would, and checks that
it has event and actor vertices with their attributes and edges between
them. Usage: check_graphml.py GRAPH.graphml"""
import sys

import networkx


def main():
    g = networkx.read_graphml(sys.argv[1])
    kinds = {}
    for _, data in g.nodes(data=True):
        kinds.setdefault(data.get("type"), []).append(data)
    events = kinds.get("event", [])
    actors = kinds.get("actor", [])
    problems = []
    if not events:
        problems.append("no vertex with type=event")
    if not actors:
        problems.append("no vertex with type=actor")
    for need in ("cameo", "label", "time_value"):
        if events and not any(need in e for e in events):
            problems.append(f"event vertices lack the '{need}' attribute")
    for need in ("name", "code"):
        if actors and not any(need in a for a in actors):
            problems.append(f"actor vertices lack the '{need}' attribute")
    if g.number_of_edges() == 0:
        problems.append("no edges")
    for p in problems:
        print("PROBLEM:", p)
    print(f"graphml: {len(events)} events, {len(actors)} actors, "
          f"{g.number_of_edges()} edges")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
