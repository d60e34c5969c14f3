#!/usr/bin/env python3
"""Scores evgraph's event coder against the PLOVER gold standard records.

Runs `evgraph extract` on the text of every record of
../shared/data/plover-gsr/PLOVER_GSR_CAMEO.txt (one JSON Lines input, the
record's date as the document date) and compares, record by record, the
(source country, target country, category) triples of the events evgraph
codes with the gold ones. CAMEO codes become PLOVER categories through
CAMEO2PLOVER-2021.txt, with the older categories the gold file still uses:
DEMAND (CAMEO 10), DISAPPROVE (11), INVESTIGATE (09), FIGHT (19, 20).

Counting (see docs/events.md):
- gold: every source actor x every target actor of a record gives one
  triple; a record without a target gives (source, "*", category) triples,
  which any evgraph target matches;
- evgraph: every source x target entity of every event (an event without a
  target gives target ""); an event without a source gives source "";
  triples are a set per record;
- events whose CAMEO root has no PLOVER category (01 statements, 02 appeals)
  are not counted; negated cooperation (03-08) counts as REJECT, other
  negated events are not counted; planned or hypothetical
  material conflict (14-20) counts as THREATEN and planned cooperation
  (04-08) as AGREE, as CAMEO codes intentions; hypothetical cooperation is
  not counted.
- events with a confidence below --min-confidence (default 0.5) are not
  counted: evgraph halves the confidence of events in subordinate clauses
  (who, which, when, after ...) of a sentence that has a main-clause event;
- precision = matched evgraph triples / evgraph triples, recall = matched
  gold triples / gold triples, F1 their harmonic mean.

--half odd|even scores every other record only (the odd or even ones in
file order, counting from 0), so that rules can be tuned on one half and
checked on the other.

--diagnose sorts the errors by class and prints each class with its count
and records: a gold triple missed because evgraph gave the event no target
where the gold's target is the source's own country ("own-country
target"), or another country ("target missing"); because the same actors
carry another category ("wrong category"); because source and target are
swapped ("roles inverted"); because the category is right and the actors
are not ("wrong actors"); because nothing of the record is counted ("no
event"); else "other". An evgraph triple that matches nothing is "extra,
no target" when the same source and category also have a target in that
record, "extra category" when the gold has no triple of its category,
else "extra actors".

Usage: score_plover_events.py [--evgraph BIN] [--data DIR] [--floor F]
                              [--show N] [--half odd|even] [--json]
                              [--diagnose]
Exit status: 0, or 1 when F1 is below --floor; 77 when the data is absent.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

OLDER = {"09": "INVESTIGATE", "10": "DEMAND", "11": "DISAPPROVE",
         "19": "FIGHT", "20": "FIGHT"}
# CAMEO actor codes in the gold file that differ from ISO 3166 alpha-3
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "GER": "DEU", "UK": "GBR",
                "ROM": "ROU", "TAW": "TWN", "BUL": "BGR"}


def load_crosswalk(path):
    table = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(\d{2,4}):\s*([A-Z_]+)", line)
            if m:
                table.setdefault(m.group(1), m.group(2))
    return table


def category(code, table):
    root = code[:2]
    if root in OLDER:
        return OLDER[root]
    for k in (code, code[:3], root):
        if k in table:
            return table[k]
    return None


def norm_country(code):
    if not code:
        return ""
    code = code.upper()[:3]
    return CAMEO_TO_ISO.get(code, code)


def gold_triples(rec):
    def actors(x):
        if isinstance(x, list):
            return sorted({norm_country(a.get("code", "")) for a in x
                           if isinstance(a, dict)})
        return []
    srcs = actors(rec.get("source")) or [""]
    tgts = actors(rec.get("target")) or ["*"]
    cat = rec["event"]
    return {(s, t, cat) for s in srcs for t in tgts}


def entity_country(ent):
    if ent.get("country"):
        return norm_country(ent["country"])
    code = ent.get("code") or ""
    if code[:3] in ("IGO", "NGO", "IMG", "MNC"):
        return code[:3]
    return ""


def system_triples(doc, table, min_conf=0.5):
    ents = {e["id"]: e for e in doc.get("entities", [])}
    out = set()
    for ev in doc.get("events", []):
        if ev.get("confidence", 1.0) < min_conf:
            continue
        code = ev.get("cameo") or ""  # null: no CAMEO code, no PLOVER triple
        mod = ev.get("modality", "asserted")
        root = int(code[:2]) if code[:2].isdigit() else 0
        cat = category(code, table)
        if mod == "negated":
            # a cooperative act that did not happen is coded as its refusal
            if 3 <= root <= 8:
                cat = "REJECT"
            else:
                continue
        if mod in ("planned", "hypothetical") and 14 <= root <= 20:
            cat = "THREATEN"
        elif mod == "planned" and 4 <= root <= 8:
            cat = "AGREE"
        elif mod == "hypothetical" and 3 <= root <= 8:
            cat = None
        if not cat:
            continue
        srcs = {entity_country(ents[i]) for i in ev.get("source", [])
                if i in ents} or {""}
        tgts = {entity_country(ents[i]) for i in ev.get("target", [])
                if i in ents} or {""}
        for s in srcs:
            for t in tgts:
                out.add((s, t, cat))
    return out


def matches(sys_t, gold_t):
    return (sys_t[0] == gold_t[0] and sys_t[2] == gold_t[2] and
            (gold_t[1] == "*" or sys_t[1] == gold_t[1]))


def miss_class(x, s):
    """Why the gold triple x matches none of evgraph's triples s."""
    src, tgt, cat = x
    if not s:
        return "no event"
    if any(t[0] == src and t[1] == "" and t[2] == cat for t in s):
        return "own-country target" if tgt == src else "target missing"
    if any(t[0] == src and (tgt == "*" or t[1] == tgt) for t in s):
        return "wrong category"
    if any(t[0] == tgt and t[1] == src and t[2] == cat for t in s):
        return "roles inverted"
    if any(t[2] == cat for t in s):
        return "wrong actors"
    return "other"


def extra_class(t, s, g):
    """Why evgraph's triple t matches none of the gold triples g."""
    if t[1] == "" and any(u[0] == t[0] and u[2] == t[2] and u[1]
                          for u in s):
        return "extra, no target"
    if not any(x[2] == t[2] for x in g):
        return "extra category"
    return "extra actors"


def run_evgraph(binary, records, dicts=()):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "plover.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps({"id": r["id"], "date": r.get("date"),
                                    "text": r["text"]}) + "\n")
        cmd = [binary, "extract", "-q"]
        for d in dicts:
            cmd += ["--dict", d]
        proc = subprocess.run(cmd + [path],
                              capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit("score_plover_events: evgraph failed with exit %d"
                         % proc.returncode)
    docs = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            d = json.loads(line)
            docs[d["document"]["id"]] = d
    return docs


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--evgraph", default=os.path.join(here, "..", "build",
                                                      "evgraph"))
    ap.add_argument("--data", default=os.path.join(
        here, "..", "..", "shared", "data", "plover-gsr"))
    ap.add_argument("--floor", type=float, default=None,
                    help="exit 1 when triple F1 is below this")
    ap.add_argument("--show", type=int, default=0,
                    help="print this many records with errors")
    ap.add_argument("--min-confidence", type=float, default=0.5,
                    help="count events at least this sure (default 0.5)")
    ap.add_argument("--category", default=None,
                    help="with --show: only records of this gold category")
    ap.add_argument("--dict", action="append", default=[], metavar="FILE",
                    help="pass --dict FILE to evgraph extract (repeatable), "
                         "e.g. PETRARCH's verb dictionary CAMEO.2.0.txt")
    ap.add_argument("--half", choices=("odd", "even"), default=None,
                    help="score only the odd or the even records (file "
                         "order from 0): tune on one half, check on the "
                         "other")
    ap.add_argument("--diagnose", action="store_true",
                    help="print the errors by class (missed gold triples, "
                         "extra evgraph triples) with their records")
    ap.add_argument("--json", action="store_true",
                    help="print the figures as one JSON object")
    args = ap.parse_args()

    gold_path = os.path.join(args.data, "PLOVER_GSR_CAMEO.txt")
    walk_path = os.path.join(args.data, "CAMEO2PLOVER-2021.txt")
    if not os.path.exists(gold_path) or not os.path.exists(walk_path):
        print("SKIP: PLOVER gold data not found in %s" % args.data)
        return 77
    with open(gold_path, encoding="utf-8") as f:
        gold = [r for r in json.load(f)
                if r.get("event") != "DOCUMENT" and r.get("text")]
    if args.half:
        gold = [r for i, r in enumerate(gold)
                if (i % 2 == 1) == (args.half == "odd")]
    table = load_crosswalk(walk_path)
    docs = run_evgraph(args.evgraph, gold, args.dict)

    tp_sys = n_sys = tp_gold = n_gold = 0
    shown = 0
    per_cat = {}
    classes = {}
    for r in gold:
        g = gold_triples(r)
        doc = docs.get(r["id"], {})
        s = system_triples(doc, table, args.min_confidence)
        ms = sum(1 for t in s if any(matches(t, x) for x in g))
        mg = sum(1 for x in g if any(matches(t, x) for t in s))
        tp_sys += ms
        n_sys += len(s)
        tp_gold += mg
        n_gold += len(g)
        for x in g:
            if not any(matches(t, x) for t in s):
                classes.setdefault(miss_class(x, s), []).append(r["id"])
        for t in s:
            if not any(matches(t, x) for x in g):
                classes.setdefault(extra_class(t, s, g), []).append(r["id"])
        c = per_cat.setdefault(r["event"], [0, 0])
        c[0] += mg
        c[1] += len(g)
        if ((ms < len(s) or mg < len(g)) and shown < args.show and
                (not args.category or r["event"] == args.category)):
            shown += 1
            print("--", r["id"], r["text"])
            print("   gold:", sorted(g))
            print("   evgraph:", sorted(s))
            for ev in doc.get("events", []):
                print("     ", ev["cameo"], ev["trigger"]["text"],
                      ev["modality"], ev.get("summary"))
    p = tp_sys / n_sys if n_sys else 0.0
    rcl = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * rcl / (p + rcl) if p + rcl else 0.0
    if args.json:
        print(json.dumps({"records": len(gold), "system_triples": n_sys,
                          "gold_triples": n_gold, "precision": round(p, 4),
                          "recall": round(rcl, 4), "f1": round(f1, 4)}))
    else:
        print("PLOVER records: %d, gold triples: %d, evgraph triples: %d"
              % (len(gold), n_gold, n_sys))
        for cat in sorted(per_cat):
            m, n = per_cat[cat]
            print("  %-12s recall %3d/%3d" % (cat, m, n))
        print("triple precision %.3f recall %.3f F1 %.3f" % (p, rcl, f1))
    if args.diagnose:
        print("errors by class (missed gold triples, then extra ones):")
        for name in ("own-country target", "target missing",
                     "wrong category", "roles inverted", "wrong actors",
                     "no event", "other", "extra, no target",
                     "extra category", "extra actors"):
            ids = classes.get(name, [])
            print("  %-18s %3d  %s" % (name, len(ids), " ".join(
                i.replace("PLOVER-GSR01-", "") for i in sorted(set(ids)))))
    if args.floor is not None and f1 < args.floor:
        print("FAIL: triple F1 %.3f is below the floor %.3f"
              % (f1, args.floor))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
