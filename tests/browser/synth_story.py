#!/usr/bin/env python3
"""Writes a deterministic synthetic story of N events (an events document,
docs/schema.md) for the geometry check: 40 actors of skewed activity, point
dates and imprecise weeks and months over a year, a few outliers years
before, some undated events, coordinated sources and several targets.

usage: synth_story.py N > story.json"""
import json
import sys


def main():
    n = int(sys.argv[1])
    seed = 12345

    def rnd(k):
        nonlocal seed
        seed = (seed * 1103515245 + 12345) % 2147483648
        return seed % k

    actors = [{"id": "e%d" % (a + 1), "name": "Actor %02d %s" % (a, ["Ministry", "Group", "Council", "Bank"][a % 4]),
               "kind": "organization", "code": "X%02dGOV" % a, "country": None,
               "aliases": [], "mentions": []} for a in range(40)]
    events = []
    verbs = ["meets", "accuses", "sanctions", "praises", "attacks", "signs a deal with",
             "criticises the long-running policy of", "visits"]
    for i in range(n):
        a = min(rnd(40), rnd(40), rnd(40))  # skewed: low ids busy
        t = rnd(40)
        src = ["e%d" % (a + 1)] + (["e%d" % ((a + 7) % 40 + 1)] if rnd(9) == 0 else [])
        tgt = ["e%d" % (t + 1)] + (["e%d" % ((t + 3) % 40 + 1)] if rnd(7) == 0 else [])
        day = rnd(365)
        y, rest = 2019, day
        months = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        m = 0
        while rest >= months[m]:
            rest -= months[m]
            m += 1
        d = rest + 1
        kind = rnd(20)
        if i % 97 == 5:
            time = {"start": "%04d-03-01" % (1990 + i % 5), "end": "%04d-03-01" % (1990 + i % 5)}
        elif kind == 0:
            time = {"start": "%04d-%02d-01" % (y, m + 1), "end": "%04d-%02d-%02d" % (y, m + 1, months[m])}
        elif kind == 1:
            time = {}
        else:
            time = {"start": "%04d-%02d-%02d" % (y, m + 1, d), "end": "%04d-%02d-%02d" % (y, m + 1, d)}
        events.append({"id": "ev%d" % i, "cameo": "0%d" % (1 + i % 9), "quad_class": 1 + i % 4,
                       "summary": verbs[i % len(verbs)] + " " + actors[t]["name"],
                       "source": src, "target": tgt, "modality": "asserted", "confidence": 0.9,
                       "time": dict(time, value=time.get("start"), timex=None, basis="dct") if time else None,
                       "sentence": "s1", "mentions": []})
    doc = {"schema": "evgraph-events/1",
           "document": {"id": "synthetic", "path": "synthetic.txt", "dct": "2019-12-31",
                        "dct_source": "metadata", "place": None, "source": None, "title": None,
                        "url": None, "warnings": []},
           "sentences": [{"id": "s1", "start": 0, "end": 9, "boilerplate": False, "text": "Synthetic."}],
           "timexes": [], "entities": actors, "events": events, "relations": []}
    json.dump(doc, sys.stdout)


if __name__ == "__main__":
    main()
