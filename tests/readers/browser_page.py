#!/usr/bin/env python3
"""Browser reader tests: writes an HTML page that loads an evgraph export
into Cytoscape.js or TimelineJS (npm packages) and reports what the library
saw, then checks the report that headless Chromium's --dump-dom prints
against evgraph's own node-link JSON.

Usage: browser_page.py page cytoscape|timelinejs EXPORT NPM_DIR OUT.html
       browser_page.py check cytoscape|timelinejs DUMPED.html REFERENCE.json
"""
import html
import json
import math
import re
import sys

CYTOSCAPE = """<!doctype html>
<html><head><meta charset="utf-8">
<script src="file://%(npm)s/node_modules/cytoscape/dist/cytoscape.min.js"></script>
</head><body>
<div id="cy" style="width:600px;height:400px"></div>
<pre id="result">pending</pre>
<script>
var DATA = %(data)s;
function keys(col) {
  var seen = {};
  col.forEach(function (x) {
    Object.keys(x.data()).forEach(function (k) { seen[k] = 1; });
  });
  return Object.keys(seen).sort().join(',');
}
try {
  var cy = cytoscape({container: document.getElementById('cy'),
                      elements: DATA.elements, layout: {name: 'grid'}});
  document.getElementById('result').textContent = JSON.stringify({
    nodes: cy.nodes().length, edges: cy.edges().length,
    actors: cy.nodes('[type = "actor"]').length,
    node_attrs: keys(cy.nodes()), edge_attrs: keys(cy.edges()),
    dangling: cy.edges().filter(function (e) {
      return e.source().empty() || e.target().empty(); }).length,
    node_data: cy.nodes().map(function (n) { return n.data(); }),
    edge_data: cy.edges().map(function (e) {
      return [e.source().id(), e.target().id(), e.data()]; })});
} catch (e) {
  document.getElementById('result').textContent = 'ERROR ' + e;
}
</script></body></html>
"""

TIMELINE = """<!doctype html>
<html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://%(npm)s/node_modules/@knight-lab/timelinejs/dist/css/timeline.css">
<script src="file://%(npm)s/node_modules/@knight-lab/timelinejs/dist/js/timeline.js"></script>
</head><body>
<div id="tl" style="width:900px;height:600px"></div>
<pre id="result">pending</pre>
<script>
var DATA = %(data)s;
var errors = [];
window.onerror = function (m) { errors.push(String(m)); };
try {
  var tl = new TL.Timeline('tl', DATA, {});
  /* report once the slides are built (a loaded machine builds 1,000
     slides slowly), or after 20 s of page time at the latest */
  var waited = 0;
  var poll = setInterval(function () {
    waited += 250;
    var root = document.getElementById('tl');
    var events = tl.config ? tl.config.events.length : -1;
    var slides = root.querySelectorAll('.tl-slide').length;
    if (slides < events && waited < 20000)
      return;
    clearInterval(poll);
    document.getElementById('result').textContent = JSON.stringify({
      events: events,
      slides: slides,
      blockquotes: root.querySelectorAll('.tl-slide blockquote').length,
      injected: root.querySelectorAll('.tl-slide b, .tl-slide script').length,
      dates: tl.config ? tl.config.events.map(function (e) {
        var d = e.start_date.data;
        return [e.unique_id, d.year, d.month || null, d.day || null];
      }) : [],
      errors: errors});
  }, 250);
} catch (e) {
  document.getElementById('result').textContent = 'ERROR ' + e;
}
</script></body></html>
"""


def page(kind, export, npm, out):
    with open(export, encoding="utf-8") as f:
        data = f.read().strip()
    json.loads(data)  # it must be JSON before any browser sees it
    # evgraph escapes "<" inside JSON strings, so the data cannot close the
    # script element; make sure of it
    if "</" in data:
        print("PROBLEM: export contains '</', unsafe to inline")
        return 1
    tpl = CYTOSCAPE if kind == "cytoscape" else TIMELINE
    with open(out, "w", encoding="utf-8") as f:
        f.write(tpl % {"npm": npm, "data": data})
    return 0


def check(kind, dumped, refpath):
    with open(dumped, encoding="utf-8", errors="replace") as f:
        dom = f.read()
    m = re.search(r'<pre id="result">(.*?)</pre>', dom, re.S)
    if not m:
        print("PROBLEM: the page printed no result")
        return 1
    text = html.unescape(m.group(1))
    if not text.startswith("{"):
        print("PROBLEM: the page reported:", text[:300])
        return 1
    got = json.loads(text)
    with open(refpath, encoding="utf-8") as f:
        ref = json.load(f)
    problems = []

    def same(g, w):
        if isinstance(w, (int, float)) and not isinstance(w, bool):
            return isinstance(g, (int, float)) and \
                abs(g - w) <= 1e-5 * max(1.0, abs(w))
        return g == w

    def expect(what, g, w):
        if g != w:
            problems.append(f"{what}: got {g!r}, want {w!r}")

    if kind == "cytoscape":
        nattrs, eattrs = set(), set()
        for n in ref["nodes"]:
            nattrs |= set(n)
        for e in ref["links"]:
            eattrs |= set(e) - {"key"}
        expect("cytoscape nodes", got["nodes"], len(ref["nodes"]))
        expect("cytoscape edges", got["edges"], len(ref["links"]))
        expect("cytoscape actors", got["actors"],
               sum(1 for n in ref["nodes"] if n["type"] == "actor"))
        expect("cytoscape node attributes", got["node_attrs"],
               ",".join(sorted(nattrs)))
        expect("cytoscape edge attributes", got["edge_attrs"],
               ",".join(sorted(eattrs | ({"id"} if ref["links"] else set()))))
        expect("cytoscape dangling edges", got["dangling"], 0)
        # every attribute value of every node and edge, as Cytoscape.js
        # holds it, equals the node-link JSON's
        byid = {d["id"]: d for d in got["node_data"]}
        for n in ref["nodes"]:
            d = byid.get(n["id"])
            if d is None:
                problems.append(f"cytoscape: no node {n['id']}")
                break
            bad = [k for k, v in n.items() if not same(d.get(k), v)]
            if bad:
                problems.append(f"cytoscape: node {n['id']} {bad[0]}: got "
                                f"{d.get(bad[0])!r}, want {n[bad[0]]!r}")
                break
        # every numeric attribute is a number on every node (no NaN, none
        # missing), whichever kind the node is
        numeric = {k for n in ref["nodes"] for k, v in n.items()
                   if isinstance(v, (int, float)) and not isinstance(v, bool)}
        for k in sorted(numeric):
            missing = [d.get("id") for d in got["node_data"]
                       if not (isinstance(d.get(k), (int, float)) and
                               math.isfinite(d.get(k)))]
            if missing:
                problems.append(f"cytoscape: numeric attribute {k} missing "
                                f"on {len(missing)} node(s), first {missing[0]}")
        edges = {d["id"]: (s, t, d) for s, t, d in got["edge_data"]}
        for l in ref["links"]:
            s, t, d = edges.get(l["key"], (None, None, {}))
            bad = [k for k, v in l.items()
                   if k not in ("key", "source", "target") and not same(d.get(k), v)]
            if (s, t) != (l["source"], l["target"]) or bad:
                problems.append(f"cytoscape: edge {l['key']}: {s}->{t} "
                                f"{bad[:1]}")
                break
    else:
        dated = [n for n in ref["nodes"]
                 if n["type"] == "event" and "start" in n]
        reports = sum(n["reports"] for n in dated)
        expect("timelinejs events", got["events"], len(dated))
        # one slide per event plus the title slide; with no event at all
        # TimelineJS draws nothing
        if dated or got["slides"] not in (0, 1):
            expect("timelinejs slides", got["slides"], len(dated) + 1)
        expect("timelinejs evidence quotes", got["blockquotes"], reports)
        expect("timelinejs elements injected by article text",
               got["injected"], 0)
        expect("timelinejs script errors", got["errors"], [])
        # each slide's date, as TimelineJS parsed it, is the event's start
        # (at the precision the event has)
        starts = {n["id"]: n["start"] for n in dated}
        for uid, year, month, day in got["dates"]:
            want = starts.get(uid)
            if want is None:
                problems.append(f"timelinejs: slide {uid} is no dated event")
                break
            y, m, d = (int(x) for x in want.split("-"))
            if int(year) != y or (month and int(month) != m) or \
                    (day and int(day) != d):
                problems.append(f"timelinejs: {uid} dated {year}-{month}-{day}, "
                                f"want {want}")
                break
    for p in problems:
        print("PROBLEM:", p)
    summary = {k: v for k, v in got.items()
               if k not in ("node_data", "edge_data", "dates")}
    if kind == "cytoscape":
        summary["values compared"] = len(got["node_data"]) + len(got["edge_data"])
    else:
        summary["dates compared"] = len(got["dates"])
    print(f"{kind}: {json.dumps(summary)}: {'mismatch' if problems else 'match'}")
    return 1 if problems else 0


def main():
    if sys.argv[1] == "page":
        return page(*sys.argv[2:6])
    return check(*sys.argv[2:5])


if __name__ == "__main__":
    sys.exit(main())
