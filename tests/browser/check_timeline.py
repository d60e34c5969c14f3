#!/usr/bin/env python3
"""Checks an evgraph timeline SVG against the events documents it was drawn
from, as a reader would: every shown event is there, inside the lane of one
of its sources (or "Other actors"), point events run left to right in date
order, and imprecise dates are spans that sit between the right neighbours.

usage: check_timeline.py TIMELINE.svg EVENTS.json... [--show-uncertain]
Prints one line per problem and exits 1 if there is any."""
import json
import re
import sys
import xml.etree.ElementTree as ET

NS = {"s": "http://www.w3.org/2000/svg"}
problems = []


def load_docs(paths):
    docs = []
    for p in paths:
        text = open(p, encoding="utf-8").read()
        try:
            docs.append(json.loads(text))
        except json.JSONDecodeError:
            docs.extend(json.loads(l) for l in text.splitlines() if l.strip())
    return docs


def points(g):
    """All x, y coordinates of the shapes in group g (SVG coordinates)."""
    xs, ys = [], []
    for el in g.iter():
        tag = el.tag.split("}")[1]
        if tag == "polygon":
            for pair in el.get("points").split():
                x, y = pair.split(",")
                xs.append(float(x))
                ys.append(float(y))
        elif tag == "path":
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("d"))]
            xs.extend(nums[0::2])
            ys.extend(nums[1::2])
        elif tag == "ellipse":
            xs.append(float(el.get("cx")))
            ys.append(float(el.get("cy")))
    return xs, ys


def uncoded_label(doc, ev):
    """The label the graph gives an event without a CAMEO code or summary
    (docs/graph.md): its sentence's words from its first to its last core
    participant, trigger included, when at most 80 bytes; else its agents,
    trigger, patients and themes, and recipients joined, cut at 80 bytes."""
    core = [a for a in ev.get("args", [])
            if a["role"] in ("agent", "patient", "theme", "recipient")
            and a["end"] > a["start"]]
    tr = ev.get("trigger") or {}
    spans = [(a["start"], a["end"]) for a in core]
    if tr.get("text"):
        spans.append((tr["start"], tr["end"]))
    sent = {s["id"]: s for s in doc.get("sentences", [])}.get(ev.get("sentence"))
    if not spans or not sent:
        return ""
    lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    text = sent["text"].encode()
    if lo >= sent["start"] and hi - lo <= 80 and hi - sent["start"] <= len(text):
        return text[lo - sent["start"]:hi - sent["start"]].decode()
    out = b""
    for k, roles in enumerate((("agent",), None, ("patient", "theme"), ("recipient",))):
        if roles is None:
            t = (tr.get("text") or "").encode()
            if out and t:
                out += b" "
            out += t
            continue
        for a in ev.get("args", []):
            if a["role"] in roles and a.get("text"):
                if out:
                    out += " \u2192 ".encode() if k == 3 else b" "
                out += a["text"].encode()
    if len(out) > 80:
        n = 80
        while n and (out[n] & 0xC0) == 0x80:
            n -= 1
        out = out[:n] + "\u2026".encode()
    return out.decode()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    show_uncertain = "--show-uncertain" in sys.argv
    svg, paths = args[0], args[1:]
    root = ET.parse(svg).getroot()
    groups = {g.get("id"): g for g in root.iter("{%s}g" % NS["s"]) if g.get("id")}
    lanes = {}  # lane index -> (actor name, top, bottom)
    for gid, g in groups.items():
        m = re.fullmatch(r"lane(\d+)", gid)
        if not m:
            continue
        title = g.find("s:title", NS).text or ""
        name = "Other actors" if title == "Other actors" else title.rsplit(" (", 1)[0]
        _, ys = points(g)
        lanes[int(m.group(1))] = (name, min(ys), max(ys))
    boxes = []  # (title, x, y, gid)
    for gid, g in groups.items():
        if not re.fullmatch(r"ev\d+", gid):
            continue
        title = g.find("s:title", NS).text or ""
        t = g.find(".//s:text", NS)
        boxes.append((title, float(t.get("x")), float(t.get("y")), gid))
    groups_ = []  # (title, x, y): several events in one box
    for gid, g in groups.items():
        if not re.fullmatch(r"cl\d+", gid):
            continue
        title = g.find("s:title", NS).text or ""
        t = g.find(".//s:text", NS)
        n = int(title.split(" ", 1)[0])
        groups_.append((title, float(t.get("x")), float(t.get("y")), gid, n))
    spans = {}
    for gid, g in groups.items():
        m = re.fullmatch(r"(ev\d+)_span", gid)
        if m:
            xs, _ = points(g)
            spans[m.group(1)] = (min(xs), max(xs))

    placed = []  # (event, box)
    grouped, unlisted = [], []  # events found in groups; in none
    for doc in load_docs(paths):
        ents = {e["id"]: e["name"] for e in doc.get("entities", [])}
        # events per sentence, by trigger and by further mention: a report
        # without a CAMEO code of a sentence that holds another event is
        # drawn as that event (docs/render.md)
        sents = doc.get("sentences", [])
        per_sentence = {}
        for ev in doc.get("events", []):
            ids = {ev.get("sentence")}
            for m in ev.get("mentions") or []:
                ids |= {x["id"] for x in sents
                        if x["start"] <= m["start"] < x["end"]}
            for i in ids:
                per_sentence[i] = per_sentence.get(i, 0) + 1
        for ev in doc.get("events", []):
            summary = ev.get("summary") or ev.get("label") or uncoded_label(doc, ev)
            # left out unless --show-uncertain: hypothetical, negated,
            # under 0.5 sure, and reports of another event
            hidden = ev.get("modality") in ("hypothetical", "negated") or \
                (ev.get("confidence") or 0) < 0.5 or \
                (ev.get("cameo") is None and ev.get("class") == "REPORTING"
                 and per_sentence.get(ev.get("sentence"), 0) > 1)
            key = "\u2014 " + " ".join(summary.split())
            found = [b for b in boxes if key in " ".join(b[0].split())]
            if hidden and not show_uncertain:
                if found:
                    problems.append("%s: uncertain event drawn (%s, %s)"
                                    % (summary, ev["modality"], ev.get("confidence")))
                continue
            if not found:
                found = [g for g in groups_ if key in " ".join(g[0].split())]
                if found:
                    grouped.append(found[0][3])
                    continue
                unlisted.append(summary)
                continue
            box = found[0]
            sources = [ents.get(s, "?") for s in ev.get("source", [])]
            if not ev.get("cameo") and not ev.get("source") and not ev.get("target"):
                # an event without a CAMEO code: its agents are its sources
                sources = [ents.get(a["entity"], "?") for a in ev.get("args", [])
                           if a["role"] == "agent" and a.get("entity")]
            lane = [l for l in lanes.values() if l[1] <= box[2] <= l[2]]
            if not lane:
                problems.append("%s: outside every lane" % summary)
            elif lane[0][0] not in sources and not (
                    lane[0][0] == "Other actors"
                    and not any(l[0] in sources for l in lanes.values())):
                problems.append("%s: in lane %r, sources %r" % (summary, lane[0][0], sources))
            placed.append((ev, box))

    # a group's tooltip lists its first 30 events; the rest must be counted
    room = sum(g[4] for g in groups_) - len(grouped)
    if len(unlisted) > room:
        for s in unlisted:
            problems.append("%s: not drawn" % s)
    points_ = sorted((p for p in placed if p[0].get("time", {}).get("start")
                      and p[0]["time"]["start"] == p[0]["time"].get("end")),
                     key=lambda p: p[0]["time"]["start"])
    for a, b in zip(points_, points_[1:]):
        da, db = a[0]["time"]["start"], b[0]["time"]["start"]
        if da < db and not a[1][1] < b[1][1]:
            problems.append("x order: %s (%s) at %.1f, %s (%s) at %.1f"
                            % (a[0]["summary"], da, a[1][1], b[0]["summary"], db, b[1][1]))
        if da == db and abs(a[1][1] - b[1][1]) > 0.5:
            problems.append("same date %s drawn at %.1f and %.1f" % (da, a[1][1], b[1][1]))
    for ev, box in placed:
        t = ev.get("time", {})
        lo, hi = t.get("start"), t.get("end")
        if not lo or not hi or lo == hi:
            continue
        if box[3] not in spans:
            problems.append("%s: imprecise date %s..%s without a span" % (ev["summary"], lo, hi))
            continue
        x0, x1 = spans[box[3]]
        if not x0 - 1 <= box[1] <= x1 + 1:
            problems.append("%s: box outside its span" % ev["summary"])
        for p, pb in points_:
            d = p["time"]["start"]
            if d < lo and not pb[1] < x0:
                problems.append("%s (%s) not left of span %s" % (p["summary"], d, ev["summary"]))
            if d > hi and not pb[1] > x1:
                problems.append("%s (%s) not right of span %s" % (p["summary"], d, ev["summary"]))
    for p in problems:
        print("PROBLEM:", p)
    print("timeline: %d events placed, %d in %d groups, %d lanes, %d spans"
          % (len(placed), len(grouped) + len(unlisted), len(groups_), len(lanes), len(spans)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
