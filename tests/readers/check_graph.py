#!/usr/bin/env python3
"""Loads one evgraph export in the reader an analyst would use and compares
node, edge and attribute counts (and a few values) with evgraph's own
node-link JSON of the same graph, and that every numeric node attribute is
a number on every node as the reader holds it (no NaN, nothing missing).

Usage: check_graph.py READER FILE REFERENCE.json
READER: networkx-graphml, networkx-gexf, networkx-gml, networkx-json,
igraph-graphml,
igraph-gml, graphology-gexf, graphology-graphml (FILE: what
readers/node/read_graph.js printed), csv, csv-nodes, jgf. Files are read
as they are, with each reader's default call. Exit 0 when everything matches, 1 with PROBLEM lines when
not, 77 when the reader's Python module is missing."""
import csv
import json
import math
import re
import sys


def is_number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def reference(path):
    global NUMERIC
    with open(path, encoding="utf-8") as f:
        ref = json.load(f)
    nodes = {n["id"]: n for n in ref["nodes"]}
    nattrs = set()
    for n in ref["nodes"]:
        nattrs |= set(n) - {"id"}
        NUMERIC |= {k for k, v in n.items() if is_number(v)}
    eattrs = set()
    for e in ref["links"]:
        eattrs |= set(e) - {"key", "source", "target"}
    return ref, nodes, nattrs, eattrs


problems = []
# the node attributes that are numbers on some node of the reference: they
# must be a number, not NaN and not missing, on every node of every read
NUMERIC = set()


def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: got {got!r}, want {want!r}")


def close(a, b):
    return abs(float(a) - float(b)) <= 1e-5 * max(1.0, abs(float(b)))


def check_numbers(what, got_nodes, keymap=lambda k: k):
    """got_nodes: our id -> attribute dict exactly as the reader gave it
    (NaN and None included). Every numeric attribute must be a finite
    number on every node: a reader fills NaN (igraph) or leaves the key out
    (networkx) where a file has no value."""
    bad = {}
    for nid, d in got_nodes.items():
        for k in sorted(NUMERIC):
            x = d.get(keymap(k))
            if isinstance(x, str):
                try:
                    x = float(x)
                except ValueError:
                    pass
            if not (is_number(x) and math.isfinite(x)):
                bad.setdefault(k, []).append((nid, d.get("type"), x))
    for k, where in sorted(bad.items()):
        kinds = sorted({t for _, t, _ in where if t})
        nid, _, x = where[0]
        problems.append(f"{what}: numeric attribute {k} is {x!r} on "
                        f"{len(where)} node(s) ({', '.join(kinds) or '?'}; "
                        f"first {nid})")


def check_values(what, got_nodes, ref_nodes, keymap=lambda k: k):
    """got_nodes: our id -> attribute dict. Compares every attribute the
    reference sets."""
    expect(f"{what}: node ids", sorted(got_nodes), sorted(ref_nodes))
    for nid, ref in ref_nodes.items():
        got = got_nodes.get(nid)
        if got is None:
            continue
        for k, v in ref.items():
            if k == "id":
                continue
            g = got.get(keymap(k))
            if isinstance(v, str):
                # networkx drops empty <data> elements: "" may read as absent
                ok = g == v or (v == "" and g is None)
            else:
                ok = g is not None and close(g, v)
            if not ok:
                problems.append(f"{what}: node {nid} {k}: got {g!r}, want {v!r}")
                return
        if ref.get("type") == "event" and "cameo" not in ref:
            # an event CAMEO has no code for: no code in any form (absent,
            # or the format's empty string), quad class 0, a number for
            # Goldstein that is 0, never NaN
            c = got.get(keymap("cameo"))
            if c not in (None, ""):
                problems.append(f"{what}: uncoded event {nid}: cameo {c!r}")
                return
            for k in ("quad_class", "goldstein"):
                x = got.get(keymap(k))
                if x is None or (isinstance(x, float) and math.isnan(x)) \
                        or float(x) != 0:
                    problems.append(f"{what}: uncoded event {nid}: {k} {x!r}")
                    return


def networkx_graphml(path, ref, rnodes, nattrs, eattrs):
    import networkx
    g = networkx.read_graphml(path)
    expect("graphml nodes", g.number_of_nodes(), len(ref["nodes"]))
    expect("graphml edges", g.number_of_edges(), len(ref["links"]))
    got_n = set()
    for _, d in g.nodes(data=True):
        got_n |= set(d)
    # GraphML declares every column for every node; strings that do not
    # apply are "", numbers are left out.
    expect("graphml node attributes", sorted(got_n - {"key"}), sorted(nattrs))
    got_e = set()
    for _, _, d in g.edges(data=True):
        got_e |= set(d)
    expect("graphml edge attributes", sorted(got_e - {"key"}), sorted(eattrs))
    byid = {d["key"]: d for _, d in g.nodes(data=True)}
    check_numbers("graphml", byid)
    check_values("graphml", byid, rnodes)
    check_edges("graphml", [(g.nodes[u]["key"], g.nodes[v]["key"], d)
                            for u, v, d in g.edges(data=True)], ref)


def check_edges(what, got_edges, ref):
    """got_edges: list of (source id, target id, attribute dict) as the
    reader holds them. Compares every attribute of every link, matched by
    the link's key."""
    links = {l["key"]: l for l in ref["links"]}
    seen = 0
    for u, v, d in got_edges:
        link = links.get(d.get("key", d.get("id")))
        if link is None:
            problems.append(f"{what}: edge {u}->{v} with unknown key {d!r}"[:300])
            return
        seen += 1
        if (u, v) != (link["source"], link["target"]):
            problems.append(f"{what}: edge {link['key']} joins {u}->{v}, want "
                            f"{link['source']}->{link['target']}")
            return
        for k, want in link.items():
            if k in ("key", "source", "target"):
                continue
            g = d.get(k)
            ok = (g == want or (want == "" and g is None)) if isinstance(want, str) \
                else (g is not None and close(g, want))
            if not ok:
                problems.append(f"{what}: edge {link['key']} {k}: got {g!r}, "
                                f"want {want!r}")
                return
    expect(f"{what}: edges matched by key", seen, len(links))


def networkx_gexf(path, ref, rnodes, nattrs, eattrs):
    import networkx
    with open(path, encoding="utf-8") as f:
        head = f.read(400)
    for need in ('version="1.2"', "http://www.gexf.net/1.2draft"):
        if need not in head:
            problems.append(f"gexf lacks {need} (the default is 1.2draft)")
    # the default call: networkx reads GEXF 1.2draft (and 1.1draft) only
    g = networkx.read_gexf(path)
    expect("gexf nodes", g.number_of_nodes(), len(ref["nodes"]))
    expect("gexf edges", g.number_of_edges(), len(ref["links"]))
    got_n = set()
    for _, d in g.nodes(data=True):
        got_n |= set(d)
    expect("gexf node attributes", sorted(got_n), sorted(nattrs))
    got_e = set()
    for _, _, d in g.edges(data=True):
        got_e |= set(d)
    if "spells" in got_e:
        # dyad edges carry one spell per event besides start/end
        got_e = got_e - {"spells"}
        links = {l["key"]: l for l in ref["links"]}
        for u, v, d in g.edges(data=True):
            link = links.get(d.get("id"), {})
            if "start" in link:
                spells = d.get("spells") or []
                if not spells or spells[0][0] != link["start"] or \
                        max(s[1] for s in spells) != link["end"]:
                    problems.append(f"gexf dyad {u}->{v}: spells {spells} "
                                    f"do not span {link['start']}..{link['end']}")
    expect("gexf edge attributes", sorted(got_e - {"id"}), sorted(eattrs))
    check_numbers("gexf", dict(g.nodes(data=True)))
    check_values("gexf", dict(g.nodes(data=True)), rnodes)
    check_edges("gexf", [(u, v, {k: x for k, x in d.items() if k != "spells"})
                         for u, v, d in g.edges(data=True)], ref)
    spells = sum(1 for _, d in g.nodes(data=True) if "start" in d)
    want = sum(1 for n in ref["nodes"] if "start" in n)
    expect("gexf nodes with a start date", spells, want)


def networkx_gml(path, ref, rnodes, nattrs, eattrs):
    import networkx
    # the default call: label="label" keys the nodes, which must be unique;
    # the file must be ASCII
    g = networkx.read_gml(path)
    expect("gml nodes", g.number_of_nodes(), len(ref["nodes"]))
    expect("gml edges", g.number_of_edges(), len(ref["links"]))
    got_n = set()
    for _, d in g.nodes(data=True):
        got_n |= set(d)
    # `label` is the node id (networkx's key); the display label is `name`
    expect("gml node attributes", sorted(got_n), sorted(nattrs - {"label"}))
    for n in ref["nodes"]:
        if n.get("label") != n.get("name"):
            problems.append(f"gml: node {n['id']} label {n.get('label')!r} is "
                            f"not its name {n.get('name')!r}")
            break
    got_e = set()
    for _, _, d in g.edges(data=True):
        got_e |= set(d)
    expect("gml edge attributes", sorted(got_e), sorted(eattrs))
    check_numbers("gml", dict(g.nodes(data=True)))
    check_values("gml", {k: dict(d, label=d.get("name"))
                         for k, d in g.nodes(data=True)}, rnodes)
    check_edges("gml", [(u, v, dict(d, key=k))
                        for u, v, k, d in g.edges(keys=True, data=True)], ref)


def networkx_json(path, ref, rnodes, nattrs, eattrs):
    import networkx
    # what the README shows: nx.node_link_graph(json.load(open(path)))
    with open(path, encoding="utf-8") as f:
        g = networkx.node_link_graph(json.load(f))
    expect("node-link nodes", g.number_of_nodes(), len(ref["nodes"]))
    expect("node-link edges", g.number_of_edges(), len(ref["links"]))
    check_numbers("node-link", dict(g.nodes(data=True)))
    check_values("node-link", dict(g.nodes(data=True)), rnodes)
    check_edges("node-link", [(u, v, dict(d, key=k))
                              for u, v, k, d in g.edges(keys=True, data=True)],
                ref)


def igraph_graphml(path, ref, rnodes, nattrs, eattrs):
    import igraph
    g = igraph.Graph.Read_GraphML(path)
    expect("igraph graphml vertices", g.vcount(), len(ref["nodes"]))
    expect("igraph graphml edges", g.ecount(), len(ref["links"]))
    # igraph keeps the GraphML node id in "id"; ours is "key"
    expect("igraph graphml vertex attributes",
           sorted(set(g.vs.attributes()) - {"key", "id"}), sorted(nattrs))
    expect("igraph graphml edge attributes",
           sorted(set(g.es.attributes()) - {"key"}), sorted(eattrs))
    check_numbers("igraph graphml", {v["key"]: v.attributes() for v in g.vs})
    got = {}
    for v in g.vs:
        d = {k: v[k] for k in g.vs.attributes()
             if not (isinstance(v[k], float) and math.isnan(v[k]))}
        got[v["key"]] = d
    check_values("igraph graphml", got, rnodes)
    edges = []
    for e in g.es:
        d = {k: e[k] for k in g.es.attributes()
             if not (isinstance(e[k], float) and math.isnan(e[k]))}
        edges.append((g.vs[e.source]["key"], g.vs[e.target]["key"], d))
    check_edges("igraph graphml", edges, ref)


def igraph_gml(path, ref, rnodes, nattrs, eattrs):
    import html
    import igraph
    g = igraph.Graph.Read_GML(path)
    expect("igraph gml vertices", g.vcount(), len(ref["nodes"]))
    expect("igraph gml edges", g.ecount(), len(ref["links"]))
    # igraph keeps GML's numeric `id`; `label` is our id, `name` the
    # display label: every key as written (quad_class stays quad_class)
    expect("igraph gml vertex attributes",
           sorted(set(g.vs.attributes()) - {"id"}), sorted(nattrs))
    expect("igraph gml edge attributes",
           sorted(set(g.es.attributes()) - {"key"}), sorted(eattrs))
    if any(not v["name"] for v in g.vs):
        problems.append("igraph gml: a vertex has an empty name")
    check_numbers("igraph gml", {v["label"]: v.attributes() for v in g.vs})
    got = {}
    for v in g.vs:
        d = {}
        for k in g.vs.attributes():
            x = v[k]
            if isinstance(x, float) and math.isnan(x):
                continue  # an attribute that does not apply to this vertex
            if isinstance(x, str):
                # igraph (C core 0.10) decodes &quot; &amp; &lt; &gt; &apos;
                # and hands other character references over as they are,
                # "left to be handled by the user": the user's unescape
                x = html.unescape(x)
            d[k] = x
        d["label"] = d.get("name")
        got[v["label"]] = d
    check_values("igraph gml", got, rnodes)


def graphology(kind, path, ref, rnodes, nattrs, eattrs):
    with open(path, encoding="utf-8") as f:
        g = json.load(f)
    expect(f"graphology-{kind} nodes", g["order"], len(ref["nodes"]))
    expect(f"graphology-{kind} edges", g["size"], len(ref["links"]))
    got_n = set()
    for d in g["nodes"].values():
        got_n |= set(d)
    got_e = set()
    for e in g["edges"]:
        got_e |= set(e["attributes"])
    if kind == "gexf":
        # node keys are our ids; label, start and end kept
        byid = g["nodes"]
        extra_n, extra_e = set(), set()
    else:
        # GraphML node ids are igraph's n0, n1 ...: ours is `key`
        byid = {d["key"]: d for d in g["nodes"].values()}
        extra_n, extra_e = {"key"}, {"key"}
    expect(f"graphology-{kind} node attributes", sorted(got_n - extra_n),
           sorted(nattrs))
    expect(f"graphology-{kind} edge attributes", sorted(got_e - extra_e),
           sorted(eattrs))
    check_numbers(f"graphology-{kind}", byid)
    check_values(f"graphology-{kind}", byid, rnodes)
    ids = {k: (d["key"] if kind == "graphml" else k)
           for k, d in g["nodes"].items()}
    edges = []
    for e in g["edges"]:
        d = dict(e["attributes"])
        if kind == "gexf":
            d["key"] = e["key"]
        edges.append((ids[e["source"]], ids[e["target"]], d))
    check_edges(f"graphology-{kind}", edges, ref)
    # GraphML gives every node every string column ("" where unset)
    dated = sum(1 for d in byid.values() if d.get("start"))
    want = sum(1 for n in ref["nodes"] if "start" in n)
    expect(f"graphology-{kind} nodes with a start date", dated, want)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def csv_events(path, ref, rnodes, nattrs, eattrs):
    rows = read_csv(path)
    if ref["graph"]["view"] == "actors":
        expect("csv dyad rows", len(rows), len(ref["links"]))
        for row, link in zip(rows, ref["links"]):
            expect("csv dyad", (row["source_id"], row["target_id"],
                                int(row["events"])),
                   (link["source"], link["target"], link["events"]))
        return
    events = [n for n in ref["nodes"] if n["type"] == "event"]
    expect("csv event rows", len(rows), len(events))
    for row, ev in zip(rows, events):
        # an event without a CAMEO code: empty cameo, label and Goldstein,
        # quad class 0
        expect("csv event", (row["event_id"], row["cameo"],
                             int(row["quad_class"])),
               (ev["id"], ev.get("cameo", ""), ev["quad_class"]))
        if "cameo" not in ev:
            expect(f"csv {ev['id']} uncoded label and goldstein",
                   (row["cameo_label"], row["goldstein"]), ("", ""))
        elif not close(row["goldstein"], ev["goldstein"]):
            problems.append(f"csv {ev['id']} goldstein {row['goldstein']}")
        for k in ("timeml_class", "args"):
            expect(f"csv {ev['id']} {k}", row[k], ev.get(k, ""))
        want = ev["evidence"]
        got = row["evidence"]
        if got.startswith("'") and want[:1] in "=+-@":
            got = got[1:]
        expect(f"csv {ev['id']} evidence", got, want)
        srcs = [l["source"] for l in ref["links"]
                if l["target"] == ev["id"] and l["type"] == "source"]
        names = "; ".join(rnodes[s]["name"] for s in srcs)
        expect(f"csv {ev['id']} source names", row["source_names"], names)


def csv_nodes(path, ref, rnodes, nattrs, eattrs):
    rows = read_csv(path)
    expect("csv-nodes rows", len(rows), len(ref["nodes"]))
    if rows:
        expect("csv-nodes columns", sorted(set(rows[0]) - {"id"}),
               sorted(nattrs))
    check_numbers("csv-nodes", {row["id"]: row for row in rows})
    for row in rows:
        n = rnodes.get(row["id"])
        if n is None:
            problems.append(f"csv-nodes: unknown id {row['id']}")
            continue
        label = row["label"]
        if label.startswith("'") and n["label"][:1] in "=+-@":
            label = label[1:]
        expect(f"csv-nodes {row['id']} label", label, n["label"])


def jgf(path, ref, rnodes, nattrs, eattrs):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    g = doc["graph"]
    if not isinstance(g["nodes"], dict):
        problems.append("jgf: nodes is not a map keyed by id (JGF v2)")
        return
    expect("jgf nodes", len(g["nodes"]), len(ref["nodes"]))
    expect("jgf edges", len(g["edges"]), len(ref["links"]))
    got = {k: v["metadata"] for k, v in g["nodes"].items()}
    check_numbers("jgf", got)
    check_values("jgf", got, rnodes)
    for e in g["edges"]:
        if e["source"] not in g["nodes"] or e["target"] not in g["nodes"]:
            problems.append(f"jgf edge {e['id']} points to an unknown node")


READERS = {
    "networkx-graphml": networkx_graphml,
    "networkx-gexf": networkx_gexf,
    "networkx-gml": networkx_gml,
    "networkx-json": networkx_json,
    "graphology-gexf": lambda *a: graphology("gexf", *a),
    "graphology-graphml": lambda *a: graphology("graphml", *a),
    "igraph-graphml": igraph_graphml,
    "igraph-gml": igraph_gml,
    "csv": csv_events,
    "csv-nodes": csv_nodes,
    "jgf": jgf,
}


def main():
    reader, path, refpath = sys.argv[1:4]
    ref, rnodes, nattrs, eattrs = reference(refpath)
    try:
        READERS[reader](path, ref, rnodes, nattrs, eattrs)
    except ImportError as e:
        print(f"SKIP: {reader}: {e}")
        return 77
    for p in problems:
        print("PROBLEM:", p)
    print(f"{reader}: {len(ref['nodes'])} nodes, {len(ref['links'])} edges, "
          f"{len(nattrs)} node and {len(eattrs)} edge attributes: "
          f"{'mismatch' if problems else 'match'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
