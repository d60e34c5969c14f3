#!/usr/bin/env python3
"""Scores where evgraph puts events in time against TimeML's TLINKs.

For each .tml file of a folder (TimeBank: ../shared/data/timebank): takes
the plain text of <TEXT> (tags stripped, entities unescaped) and the DCT,
runs `evgraph extract --dct DCT -` on it, matches each gold EVENT to the
evgraph event whose trigger overlaps it, and compares evgraph's `time`
with the gold temporal links of that event:

* anchored: the event has a TLINK (IS_INCLUDED, DURING, SIMULTANEOUS,
  BEGUN_BY, ENDED_BY, INCLUDES, BEGINS, ENDS) to a DATE or TIME expression
  of the text. Right when evgraph dates it by that expression, or by any
  time of the same value (the document date for "today"). Links to
  durations and sets are counted apart (evgraph dates no event by them).
* document date only: the event's one link to a time is to the DCT.
  evgraph's undated PAST_REF is right for BEFORE, its FUTURE_REF for
  AFTER; the other links (IS_INCLUDED, INCLUDES, SIMULTANEOUS, DURING)
  want the document date.

Usage: score_anchoring.py [--evgraph BIN] [--details] DIR|FILE...
Prints the counts per outcome and a summary line. Exit status 0, 2 on
usage or input errors. Standard library only.
"""
import argparse
import collections
import html
import json
import os
import re
import subprocess
import sys

from score_tempeval import ATTR_RE, TAG_RE, dct_and_body
ANCHOR = {"IS_INCLUDED", "DURING", "SIMULTANEOUS", "BEGUN_BY", "ENDED_BY",
          "INCLUDES", "BEGINS", "ENDS"}
# what each link to the DCT wants of an event without another time
DCT_WANTS = {"AFTER": "FUTURE_REF", "BEFORE": "PAST_REF",
             "IS_INCLUDED": "dct", "INCLUDES": "dct", "SIMULTANEOUS": "dct",
             "DURING": "dct"}


def parse(raw):
    """(dct, text, {eid/tid: (tag, attrs, start, end)}, instances, links)"""
    dct, body = dct_and_body(raw)
    out, pos, length, stack, spans = [], 0, 0, [], {}
    for m in TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) not in ("EVENT", "TIMEX3"):
            continue
        if m.group(1) == "":
            if m.group(3).rstrip().endswith("/"):
                continue
            stack.append((m.group(2), dict(ATTR_RE.findall(m.group(3))),
                          length))
        elif stack:
            tag, a, s = stack.pop()
            spans[a.get("eid") or a.get("tid")] = (tag, a, s, length)
    out.append(html.unescape(body[pos:]))
    inst = {}
    for m in re.finditer(r"<MAKEINSTANCE([^>]*)>", raw):
        a = dict(ATTR_RE.findall(m.group(1)))
        inst[a.get("eiid")] = a
    links = [dict(ATTR_RE.findall(m.group(1)))
             for m in re.finditer(r"<TLINK([^>]*)>", raw)]
    return dct, "".join(out), spans, inst, links


def is_dct(tid, spans):
    return tid == "t0" or (tid in spans and spans[tid][1].get(
        "functionInDocument") == "CREATION_TIME")


def score_file(evgraph, path, counts, details):
    with open(path, encoding="utf-8") as f:
        dct, text, spans, inst, links = parse(f.read())
    cmd = [evgraph, "extract", "-q", "-"] + (["--dct", dct] if dct else [])
    res = subprocess.run(cmd, input=text.encode("utf-8"),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         check=False)
    if res.returncode != 0:
        raise ValueError("evgraph failed (exit %d): %s" % (
            res.returncode, res.stderr.decode(errors="replace")[:300]))
    doc = json.loads(res.stdout)
    b2c = []
    for i, ch in enumerate(text):
        b2c.extend([i] * len(ch.encode("utf-8")))
    b2c.append(len(text))
    tx = {t["id"]: (b2c[t["start"]], b2c[t["end"]]) for t in doc["timexes"]}
    events = [(b2c[e["trigger"]["start"]], b2c[e["trigger"]["end"]], e)
              for e in doc["events"]]
    anchor, to_dct = {}, {}
    for ln in links:
        ei, t = ln.get("eventInstanceID"), ln.get("relatedToTime")
        if not ei or not t:
            ei, t = ln.get("relatedToEventInstance"), ln.get("timeID")
        if not ei or not t or ei not in inst:
            continue
        if is_dct(t, spans):
            to_dct[ei] = ln.get("relType")
        elif ln.get("relType") in ANCHOR and t in spans:
            anchor[ei] = t
    for ei, a in inst.items():
        eid = a.get("eventID")
        if eid not in spans:
            continue
        _, _, gs, ge = spans[eid]
        ev = next((e for s, t, e in events if s < ge and gs < t), None)
        if ev is None:
            continue
        tm = ev.get("time") or {}
        basis, value = tm.get("basis"), str(tm.get("value"))
        if ei in anchor:
            _, ta, ts, te = spans[anchor[ei]]
            gv = ta.get("value", "")
            if ta.get("type") in ("DURATION", "SET"):
                outcome = "duration or set"
            elif basis == "timex" and tm.get("timex") in tx and \
                    tx[tm["timex"]][0] < te and ts < tx[tm["timex"]][1]:
                outcome = "right: its time expression"
            elif gv and (gv == value or (len(gv) >= 10 and
                                         gv[:10] == value[:10])):
                outcome = "right: the same value"
            else:
                outcome = "wrong: %s" % basis
            counts[("anchored", outcome)] += 1
            if details and outcome.startswith("wrong"):
                print("%s: %s: gold %r, evgraph %s (%s)" % (
                    os.path.basename(path), text[gs:ge], text[ts:te], value,
                    basis))
        elif ei in to_dct:
            rel = to_dct[ei]
            got = value if basis == "none" else basis
            want = DCT_WANTS.get(rel)
            if want is None:
                outcome = "other link"
            elif got == want:
                outcome = "right"
            elif got in ("PAST_REF", "FUTURE_REF"):
                outcome = "wrong: undated"
            else:
                outcome = "other: %s" % got
            counts[("document date only", rel, outcome)] += 1


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(
        description="Scores evgraph's event times against TimeML TLINKs.")
    ap.add_argument("--evgraph", default=os.path.join(
        os.path.dirname(here), "build", "evgraph"))
    ap.add_argument("--details", action="store_true",
                    help="print each anchored event dated wrong")
    ap.add_argument("paths", nargs="+", metavar="DIR|FILE")
    args = ap.parse_args(argv)
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, f) for f in os.listdir(p)
                            if f.endswith(".tml"))
        else:
            files.append(p)
    counts = collections.Counter()
    try:
        for f in files:
            score_file(args.evgraph, f, counts, args.details)
    except (OSError, ValueError) as e:
        print("score_anchoring.py: %s" % e, file=sys.stderr)
        return 2
    for k in sorted(counts):
        print("%-60s %d" % (" / ".join(k), counts[k]))
    anch = [(k, v) for k, v in counts.items()
            if k[0] == "anchored" and k[1] != "duration or set"]
    right = sum(v for k, v in anch if k[1].startswith("right"))
    total = sum(v for _, v in anch)
    undated = [(k, v) for k, v in counts.items()
               if k[0] == "document date only" and
               (k[2] == "right" and DCT_WANTS.get(k[1]) != "dct" or
                k[2] == "wrong: undated")]
    print("anchored to a date: %d of %d dated right (%.4f); left undated "
          "by tense: %d right, %d wrong" % (
              right, total, right / total if total else 0.0,
              sum(v for k, v in undated if k[2] == "right"),
              sum(v for k, v in undated if k[2] != "right")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
