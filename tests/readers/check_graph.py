#!/usr/bin/env python3
"""Loads one evgraph export in the reader an analyst would use and compares
node, edge and attribute counts (and a few values) with evgraph's own
node-link JSON of the same graph.

Usage: check_graph.py READER FILE REFERENCE.json
READER: networkx-graphml, networkx-gexf, igraph-graphml, igraph-gml, csv,
csv-nodes, jgf. Exit 0 when everything matches, 1 with PROBLEM lines when
not, 77 when the reader's Python module is missing."""
import csv
import json
import math
import re
import sys


def reference(path):
    with open(path, encoding="utf-8") as f:
        ref = json.load(f)
    nodes = {n["id"]: n for n in ref["nodes"]}
    nattrs = set()
    for n in ref["nodes"]:
        nattrs |= set(n) - {"id"}
    eattrs = set()
    for e in ref["links"]:
        eattrs |= set(e) - {"key", "source", "target"}
    return ref, nodes, nattrs, eattrs


problems = []


def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: got {got!r}, want {want!r}")


def close(a, b):
    return abs(float(a) - float(b)) <= 1e-5 * max(1.0, abs(float(b)))


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
    check_values("graphml", byid, rnodes)


def networkx_gexf(path, ref, rnodes, nattrs, eattrs):
    import networkx
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for need in ('version="1.3"', 'mode="dynamic"', 'timeformat="date"'):
        if need not in text:
            problems.append(f"gexf lacks {need}")
    # networkx knows the GEXF 1.1 and 1.2 namespaces only; the elements
    # and attributes evgraph writes are the same in 1.2 and 1.3.
    text = text.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft")
    text = text.replace('version="1.3"', 'version="1.2"')
    import io
    g = networkx.read_gexf(io.BytesIO(text.encode("utf-8")))
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
        # dyad edges carry one spell per event instead of start/end
        got_e = (got_e - {"spells"}) | {"start", "end"}
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
    check_values("gexf", dict(g.nodes(data=True)), rnodes)
    spells = sum(1 for _, d in g.nodes(data=True) if "start" in d)
    want = sum(1 for n in ref["nodes"] if "start" in n)
    expect("gexf nodes with a start date", spells, want)


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
    got = {}
    for v in g.vs:
        d = {k: v[k] for k in g.vs.attributes()
             if not (isinstance(v[k], float) and math.isnan(v[k]))}
        got[v["key"]] = d
    check_values("igraph graphml", got, rnodes)


def gml_name(k):
    # GML keys are letters and digits only: igraph's writer drops the rest
    return re.sub(r"[^A-Za-z0-9]", "", k)


def igraph_gml(path, ref, rnodes, nattrs, eattrs):
    import igraph
    g = igraph.Graph.Read_GML(path)
    expect("igraph gml vertices", g.vcount(), len(ref["nodes"]))
    expect("igraph gml edges", g.ecount(), len(ref["links"]))
    expect("igraph gml vertex attributes",
           sorted(set(g.vs.attributes()) - {"key", "id"}),
           sorted(gml_name(k) for k in nattrs))
    expect("igraph gml edge attributes",
           sorted(set(g.es.attributes()) - {"key"}),
           sorted(gml_name(k) for k in eattrs))
    got = {}
    for v in g.vs:
        d = {}
        for k in g.vs.attributes():
            x = v[k]
            if isinstance(x, float) and math.isnan(x):
                continue
            if isinstance(x, str):  # igraph's GML writer encodes & and "
                x = x.replace("&quot;", '"').replace("&amp;", "&")
            d[k] = x
        got[v["key"]] = d
    check_values("igraph gml", got, rnodes, gml_name)


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
        expect("csv event", (row["event_id"], row["cameo"],
                             int(row["quad_class"])),
               (ev["id"], ev["cameo"], ev["quad_class"]))
        if not close(row["goldstein"], ev["goldstein"]):
            problems.append(f"csv {ev['id']} goldstein {row['goldstein']}")
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
    check_values("jgf", got, rnodes)
    for e in g["edges"]:
        if e["source"] not in g["nodes"] or e["target"] not in g["nodes"]:
            problems.append(f"jgf edge {e['id']} points to an unknown node")


READERS = {
    "networkx-graphml": networkx_graphml,
    "networkx-gexf": networkx_gexf,
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
