#!/usr/bin/env python3
"""Checks that an events document (one JSON object, or JSON Lines: the first
record is used) holds the events every run of the Huawei story must find:
the executive order (2019-W20), the Commerce Department's 90-day delay
(2019-W21, P90D), the accusation by several countries and the 2018 bans by
four governments. Exit 0 when all are there."""
import json
import sys


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        return [json.loads(text)]
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]


def check(doc):
    ents = {e["id"]: e for e in doc["entities"]}
    tmx = {t["id"]: t for t in doc["timexes"]}

    def countries(ids):
        return {ents[i].get("country") for i in ids if i in ents}

    def names(ids):
        return " ".join(ents[i]["name"] for i in ids if i in ents)

    problems = []
    evs = [e for e in doc["events"] if e["modality"] in ("asserted", "reported")]

    order = [e for e in evs if (e["cameo"] or "")[:2] in ("16", "17")
             and e["time"]["value"] == "2019-W20"
             and "USA" in countries(e["source"])
             and "Huawei" in names(e["target"])]
    if not order:
        problems.append("no sanctions event USA -> Huawei dated 2019-W20 (the executive order)")

    delay = [e for e in evs if e["time"]["value"] == "2019-W21"
             and (e["cameo"] or "")[:2] == "08"
             and "Commerce Department" in names(e["source"])
             and e.get("duration") and tmx.get(e["duration"], {}).get("value") == "P90D"]
    if not delay:
        problems.append("no easing (08x) by the Commerce Department dated 2019-W21 with duration P90D (the delay)")

    accuse = [e for e in evs if (e["cameo"] or "")[:2] == "11" and e["source"]
              and "Huawei" in names(e["target"])]
    if not accuse:
        problems.append("no accusation (11x) of Huawei with a source (several countries)")

    bans = [e for e in evs if (e["cameo"] or "")[:2] in ("16", "17")
            and e["time"]["value"] == "2018"
            and {"AUS", "JPN", "NZL", "USA"} <= countries(e["source"])
            and "Huawei" in names(e["target"])]
    if not bans:
        problems.append("no 2018 sanctions event by AUS, JPN, NZL and USA against Huawei (the bans)")
    return problems


def main():
    docs = load(sys.argv[1])
    problems = check(docs[0])
    for p in problems:
        print("MISSING:", p)
    if not problems:
        print("all core events found")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
