#!/usr/bin/env python3
"""Scores evgraph's actors against the PLOVER gold standard record set.

For each gold source and target actor (actorText, code, sector) of each
record, the actor counts as found when some evgraph entity has a mention
overlapping the actorText's place in the record's text and that entity's
country part (first three letters of its code) equals the gold code.
Also reports sector agreement: among found actors whose gold sector is a
CAMEO sector (GOV, MIL, REB ...), how many entity codes (or the matched
mention's own code, for a capital speaking for its government) carry the same
sector.

Gold quirks, mapped and counted in the output:
- non-ISO country codes in the gold: JAP -> JPN, ITL -> ITA, VTN -> VNM
  (old CAMEO/KEDS codes for the same countries);
- transnational CAMEO codes IGO, NGO and IMG are compared as they are;
- an actorText that does not occur in the text (e.g. "Afganistan" for
  "Afghanistan") is located by its first word group around "..." and, if
  still absent, case-insensitively; actors that cannot be located are
  reported and left out of the denominator.

With --halves, also prints both figures for the records with an odd and
with an even number at the end of their gold id (PLOVER-GSR01-AGREE-0003 is
odd): rules tuned on one half can be checked on the other.

--sector-floor F fails (exit 1) when the sector agreement is below F.

Usage: score_plover_actors.py EVGRAPH GOLD.json [--floor F] [--sector-floor F] [--misses] [--sector-misses] [--halves]
Exit status: 0 ok, 1 below a floor, 2 usage or run failure.
"""
import json
import os
import subprocess
import sys
import tempfile

CODE_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def actors(rec, key):
    v = rec.get(key)
    if not v or isinstance(v, str):
        return []
    if isinstance(v, dict):
        v = [v]
    return [a for a in v if isinstance(a, dict) and a.get("actorText")]


def locate(text, actor):
    """Character span of the actor text in text, or None."""
    a = actor.strip()
    for cand in (a, a.split("...")[0].strip(), a.split("..")[0].strip()):
        if not cand:
            continue
        i = text.find(cand)
        if i >= 0:
            return i, i + len(cand)
        i = text.lower().find(cand.lower())
        if i >= 0:
            return i, i + len(cand)
    return None


def byte_span(text, span):
    s, e = span
    return len(text[:s].encode("utf-8")), len(text[:e].encode("utf-8"))


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    floor = sec_floor = None
    show = "--misses" in argv
    show_sec = "--sector-misses" in argv
    halves = "--halves" in argv
    for i, a in enumerate(argv):
        if a == "--floor" and i + 1 < len(argv):
            floor = float(argv[i + 1])
            args = [x for x in args if x != argv[i + 1]]
        if a == "--sector-floor" and i + 1 < len(argv):
            sec_floor = float(argv[i + 1])
            args = [x for x in args if x != argv[i + 1]]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[-3], file=sys.stderr)
        return 2
    evgraph, gold_path = args
    with open(gold_path, encoding="utf-8") as f:
        gold = json.load(f)
    recs = [r for r in gold if r.get("event") != "DOCUMENT" and r.get("text")]
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "plover.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for i, r in enumerate(recs):
                # the gold repeats some ids: number the records instead
                f.write(json.dumps({"id": "r%d" % i, "date": r.get("date"),
                                    "text": r["text"]}) + "\n")
        p = subprocess.run([evgraph, "extract", "-q", path],
                           capture_output=True, text=True)
    if p.returncode != 0:
        print("evgraph failed (%d): %s" % (p.returncode, p.stderr.strip()),
              file=sys.stderr)
        return 2
    docs = {}
    for line in p.stdout.splitlines():
        if line.strip():
            d = json.loads(line)
            docs[d["document"]["id"]] = d
    total = found = unlocated = 0
    sec_total = sec_ok = 0
    # per half ("odd", "even"): [found, total, sector ok, sector total]
    half = {"odd": [0, 0, 0, 0], "even": [0, 0, 0, 0]}
    misses = []
    sec_misses = []
    for i, r in enumerate(recs):
        d = docs.get("r%d" % i)
        text = r["text"]
        digits = "".join(c for c in str(r.get("id", ""))[-4:] if c.isdigit())
        hv = half["odd" if digits and int(digits) % 2 else "even"]
        for key in ("source", "target"):
            for a in actors(r, key):
                span = locate(text, a["actorText"])
                if span is None:
                    unlocated += 1
                    continue
                total += 1
                hv[1] += 1
                bs, be = byte_span(text, span)
                want = CODE_MAP.get(a.get("code", ""), a.get("code", ""))
                hit = hit_code = None
                for e in (d or {}).get("entities", []):
                    code = e.get("code") or "---"
                    if code[:3] != want:
                        continue
                    over = [m for m in e["mentions"]
                            if m["start"] < be and bs < m["end"]]
                    if over:
                        hit = e
                        # a mention may carry its own code (a capital
                        # speaking for its government: USAGOV in USA)
                        hit_code = over[0].get("code") or code
                        break
                if hit is None:
                    misses.append((r["id"], a["actorText"], want, [
                        (e["name"], e["code"]) for e in (d or {}).get(
                            "entities", []) if any(
                                m["start"] < be and bs < m["end"]
                                for m in e["mentions"])]))
                    continue
                found += 1
                hv[0] += 1
                gs = (a.get("sector") or "")[:3].upper()
                if len(gs) == 3 and gs.isalpha():
                    sec_total += 1
                    hv[3] += 1
                    if hit_code[3:6] == gs:
                        sec_ok += 1
                        hv[2] += 1
                    else:
                        sec_misses.append((r["id"], a["actorText"],
                                           want + gs, hit["name"], hit_code))
    frac = found / total if total else 0.0
    print("plover actors: %d/%d found with the right country = %.3f "
          "(%d actor texts not located in their text, left out)"
          % (found, total, frac, unlocated))
    print("plover sectors: %d/%d found actors with a gold sector carry it "
          "= %.3f" % (sec_ok, sec_total, sec_ok / sec_total if sec_total
                      else 0.0))
    if halves:
        for name in ("odd", "even"):
            f_, t_, so, st_ = half[name]
            print("  %s ids: actors %d/%d = %.3f, sectors %d/%d = %.3f"
                  % (name, f_, t_, f_ / t_ if t_ else 0.0, so, st_,
                     so / st_ if st_ else 0.0))
    if show:
        for m in misses:
            print("miss: %s %r want %s got %s" % m)
    if show_sec:
        for m in sec_misses:
            print("sector miss: %s %r want %s got %r %s" % m)
    if floor is not None and frac < floor:
        print("below the floor %.3f" % floor, file=sys.stderr)
        return 1
    sec_frac = sec_ok / sec_total if sec_total else 0.0
    if sec_floor is not None and sec_frac < sec_floor:
        print("sectors below the floor %.3f" % sec_floor, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
