#!/usr/bin/env python3
"""Checks the DOM that headless Chromium dumped from an evgraph HTML page
after the page applied the filter in its URL hash: the page says how many
events it shows (body data-shown), the table hides exactly the other rows,
and the SVG boxes of hidden events are hidden too. The expected events are
computed here from the events documents, independently of the page's script.

usage: filter_check.py DOM.html FILTER EVENTS.json...
FILTER is the hash without '#': actor=NAME&quad=N&from=YYYY-MM-DD&to=..."""
import html.parser
import json
import sys
import urllib.parse


def load(paths):
    out = []
    for p in paths:
        text = open(p, encoding="utf-8").read()
        try:
            out.append(json.loads(text))
        except json.JSONDecodeError:
            out.extend(json.loads(l) for l in text.splitlines() if l.strip())
    return out


def expected(docs, flt):
    n = 0
    # an actor (one name across the documents) answers to what --entity
    # takes: its name, its aliases in any document, its CAMEO code
    keys = {}
    for d in docs:
        for e in d.get("entities", []):
            keys.setdefault(e["name"], set()).update(
                k.lower() for k in [e["name"], e.get("code") or ""] + list(e.get("aliases") or []) if k)
    for d in docs:
        names = {e["id"]: keys[e["name"]] for e in d.get("entities", [])}
        for ev in d.get("events", []):
            if ev.get("modality") in ("hypothetical", "negated"):
                continue
            t = ev.get("time", {})
            lo, hi = t.get("start"), t.get("end") or t.get("start")
            who = set()
            for x in ev.get("source", []) + ev.get("target", []):
                who |= names.get(x, set())
            if "actor" in flt and flt["actor"].lower() not in who:
                continue
            if "quad" in flt and str(ev.get("quad_class")) != flt["quad"]:
                continue
            if "from" in flt and not (hi and hi >= flt["from"]):
                continue
            if "to" in flt and not (lo and lo <= flt["to"]):
                continue
            n += 1
    return n


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.shown = None
        self.rows = {}      # ev id -> hidden?
        self.boxes = {}     # ev id -> hidden?
        self.in_tbody = False
        self.lanes = {}     # lane number -> hidden?
        self.in_lane = {}   # lane number -> something visible in it?

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.shown = a.get("data-shown")
        elif tag == "tbody":
            self.in_tbody = True
        elif tag == "tr" and self.in_tbody:
            self.rows[a.get("data-ev")] = "hidden" in a
        if tag == "g":
            hidden = "display: none" in (a.get("style") or "")
            cls = (a.get("class") or "").split()
            gid = a.get("id", "")
            if gid.startswith("ev") and gid[2:].isdigit():
                self.boxes[gid] = hidden
            if "lane" in cls and gid.startswith("lane"):
                self.lanes[gid[4:]] = hidden
            for c in cls:
                if c.startswith("inlane") and not hidden:
                    self.in_lane[c[6:]] = True

    def handle_endtag(self, tag):
        if tag == "tbody":
            self.in_tbody = False


def main():
    dom, flt_s, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    flt = dict(urllib.parse.parse_qsl(flt_s))
    want = expected(load(paths), flt)
    p = Dom()
    p.feed(open(dom, encoding="utf-8").read())
    problems = []
    if p.shown is None:
        problems.append("the page script did not run (no data-shown)")
    elif int(p.shown) != want:
        problems.append("page shows %s events, want %d" % (p.shown, want))
    visible_rows = sum(1 for h in p.rows.values() if not h)
    if visible_rows != want:
        problems.append("%d table rows visible, want %d" % (visible_rows, want))
    for ev, hidden in p.rows.items():
        if ev in p.boxes and p.boxes[ev] != hidden:
            problems.append("%s: row %s but box %s" % (ev, "hidden" if hidden else "shown",
                                                       "hidden" if p.boxes[ev] else "shown"))
    # a lane stays exactly when something in it is shown
    for lane, hidden in p.lanes.items():
        if hidden == bool(p.in_lane.get(lane)):
            problems.append("lane %s %s but %s in it" % (
                lane, "hidden" if hidden else "shown",
                "something is shown" if hidden else "nothing is shown"))
    for x in problems:
        print("PROBLEM:", x)
    print("filter %s: %s shown of %d rows (want %d), %d of %d lanes shown"
          % (flt_s, p.shown, len(p.rows), want,
             sum(1 for h in p.lanes.values() if not h), len(p.lanes)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
