#!/usr/bin/env python3
"""Rewrites an events document's ids the way an analyst's tools might:
renumbered from 0 with other prefixes ("e0", "ev/0", "S-0", "time0"),
every reference following; --reverse also reverses the order of the
entities; --drop-ids removes every id (and keeps the references, which
then name the positions extract would give). Used by tests/cli_ids.sh to
check that ids are names, not positions.
Usage: rename_ids.py [--reverse|--drop-ids] IN.json > OUT.json"""
import json
import sys

args = sys.argv[1:]
mode = args.pop(0) if args[0].startswith("--") else ""
with open(args[0], encoding="utf-8") as f:
    d = json.load(f)
names = {}
for lst, fmt in (("sentences", "S-{}"), ("timexes", "time{}"),
                 ("entities", "e{}"), ("events", "ev/{}")):
    for i, x in enumerate(d[lst]):
        new = fmt.format(i)
        names[(lst, x["id"])] = new
        if mode == "--drop-ids":
            del x["id"]
        else:
            x["id"] = new
if mode != "--drop-ids":
    def ref(lst, k):
        return names[(lst, k)] if k is not None else None
    for t in d["timexes"]:
        t["sentence"] = ref("sentences", t.get("sentence"))
    for e in d["entities"]:
        for m in e["mentions"]:
            if "with" in m:
                m["with"] = ref("entities", m["with"])
    for v in d["events"]:
        v["source"] = [ref("entities", x) for x in v["source"]]
        v["target"] = [ref("entities", x) for x in v["target"]]
        v["attributed_to"] = ref("entities", v.get("attributed_to"))
        for a in v.get("args", []):
            a["entity"] = ref("entities", a.get("entity"))
        v["sentence"] = ref("sentences", v.get("sentence"))
        v["duration"] = ref("timexes", v.get("duration"))
        v["time"]["timex"] = ref("timexes", v["time"].get("timex"))
    for r in d["relations"]:
        r["from"] = ref("events", r["from"])
        r["to"] = ref("events", r["to"])
if mode == "--reverse":
    d["entities"].reverse()
json.dump(d, sys.stdout, ensure_ascii=False)
