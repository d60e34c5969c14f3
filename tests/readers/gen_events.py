#!/usr/bin/env python3
"""Writes synthetic events documents (schema evgraph-events/1) for the graph
reader tests at scale and for timing the graph stage. Deterministic (fixed
seed). Actors are drawn from a fixed pool and dates from a small window, so
that some events are reported by several documents and merge.

Usage: gen_events.py DOCS EVENTS_PER_DOC OUTDIR [--actors N] [--same-dyad]
  --same-dyad: every event is the same two actors meeting on a different
  day (the worst case for merging)."""
import argparse
import json
import os
import random

CAMEO = [("042", "make a visit", 1, 1.9), ("036", "express intent to meet "
         "or negotiate", 1, 4.0), ("0863", "ease economic sanctions", 2, 7.0),
         ("112", "accuse", 3, -2.0), ("163", "impose embargo, boycott, or "
         "sanctions", 4, -8.0), ("190", "use conventional military force",
         4, -10.0)]
COUNTRIES = ["USA", "CHN", "JPN", "AUS", "GBR", "FRA", "DEU", "RUS", "IND",
             "BRA", "KOR", "NZL"]
ROLES = ["", "GOV", "BUS", "MIL", "MED"]


def actor(i):
    c = COUNTRIES[i % len(COUNTRIES)]
    r = ROLES[(i // len(COUNTRIES)) % len(ROLES)]
    kind = {"": "country", "GOV": "government", "BUS": "organization",
            "MIL": "group", "MED": "organization"}[r]
    # some names carry characters every exporter must escape
    name = f"Actor {i}" if i % 7 else f"Actor {i} & \"Co\" <{c}>"
    return {"name": name, "kind": kind, "code": c + r, "country": c,
            "aliases": [f"A{i}"] if i % 3 == 0 else []}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docs", type=int)
    ap.add_argument("events", type=int)
    ap.add_argument("outdir")
    ap.add_argument("--actors", type=int, default=60)
    ap.add_argument("--same-dyad", action="store_true")
    a = ap.parse_args()
    rnd = random.Random(20190523)
    os.makedirs(a.outdir, exist_ok=True)
    for d in range(a.docs):
        ents, index, events, sentences = [], {}, [], []
        for k in range(a.events):
            if a.same_dyad:
                pair = (0, 1)
                code = CAMEO[0]
                y, m, day = 2000 + rnd.randrange(21), rnd.randint(1, 12), \
                    rnd.randint(1, 28)
            else:
                pair = tuple(rnd.sample(range(a.actors), 2))
                code = rnd.choice(CAMEO)
                y, m, day = 2019, rnd.randint(4, 6), rnd.randint(1, 28)
            ids = []
            for x in pair:
                if x not in index:
                    index[x] = len(ents)
                    e = actor(x)
                    e.update(id=f"e{len(ents) + 1}", mentions=[])
                    ents.append(e)
                ids.append(f"e{index[x] + 1}")
            date = f"{y}-{m:02d}-{day:02d}"
            week = rnd.random() < 0.2  # some are only dated to a week
            text = (f"{ents[index[pair[0]]]['name']} did \"{code[1]}\" to "
                    f"{ents[index[pair[1]]]['name']}, officials said.")
            sentences.append({"id": f"s{k + 1}", "start": 0, "end": 1,
                              "boilerplate": False, "text": text})
            events.append({
                "id": f"v{k + 1}", "cameo": code[0], "label": code[1],
                "quad_class": code[2], "goldstein": code[3],
                "summary": code[1], "trigger": {"text": "did", "start": 0,
                                                "end": 3},
                "source": [ids[0]], "target": [ids[1]],
                "time": {"value": date, "start": date,
                         "end": f"{y}-{m:02d}-{min(day + 6, 28):02d}"
                         if week else date, "basis": "timex"},
                "modality": rnd.choice(["asserted", "asserted", "reported"]),
                "sentence": f"s{k + 1}", "confidence": 0.5, "mentions": []})
        relations = [{"type": "before", "from": f"v{k + 1}",
                      "to": f"v{k + 2}"} for k in range(0, a.events - 1, 10)]
        doc = {"schema": "evgraph-events/1",
               "document": {"id": f"synthetic-{d:04d}",
                            "path": f"synthetic-{d:04d}.txt",
                            "dct": "2019-06-30", "dct_source": "option"},
               "sentences": sentences, "timexes": [], "entities": ents,
               "events": events, "relations": relations}
        with open(os.path.join(a.outdir, f"synthetic-{d:04d}.json"), "w",
                  encoding="utf-8") as f:
            json.dump(doc, f)


if __name__ == "__main__":
    main()
