#!/usr/bin/env python3
"""Checks the geometry of an evgraph timeline SVG as a reader sees it:
no two event boxes overlap, no text leaves its box, no box covers a lane
label, axis labels do not overlap, and joins of different events to other
lanes do not share a line.

Text is measured with the advance widths of the font a browser on this
machine draws it in (fc-match Helvetica, read from the TrueType file), not
with the renderer's own estimate.

usage: check_geometry.py TIMELINE.svg...
Prints one line per problem and exits 1 if there is any."""
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


class Font:
    """Advance widths of a TrueType font (cmap format 4 and hmtx)."""

    def __init__(self, path):
        data = open(path, "rb").read()
        ntab = struct.unpack(">H", data[4:6])[0]
        tables = {}
        for i in range(ntab):
            tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
            tables[tag.decode("latin-1")] = (off, length)
        self.upem = struct.unpack(">H", data[tables["head"][0] + 18:tables["head"][0] + 20])[0]
        hhea = tables["hhea"][0]
        nmetrics = struct.unpack(">H", data[hhea + 34:hhea + 36])[0]
        hmtx = tables["hmtx"][0]
        self.adv = [struct.unpack(">H", data[hmtx + 4 * i:hmtx + 4 * i + 2])[0]
                    for i in range(nmetrics)]
        self.cmap = {}
        cm = tables["cmap"][0]
        nsub = struct.unpack(">H", data[cm + 2:cm + 4])[0]
        for i in range(nsub):
            pid, eid, off = struct.unpack(">HHI", data[cm + 4 + 8 * i:cm + 12 + 8 * i])
            sub = cm + off
            if struct.unpack(">H", data[sub:sub + 2])[0] != 4 or pid not in (0, 3):
                continue
            segx2 = struct.unpack(">H", data[sub + 6:sub + 8])[0]
            n = segx2 // 2
            ends = struct.unpack(">%dH" % n, data[sub + 14:sub + 14 + segx2])
            starts = struct.unpack(">%dH" % n, data[sub + 16 + segx2:sub + 16 + 2 * segx2])
            deltas = struct.unpack(">%dh" % n, data[sub + 16 + 2 * segx2:sub + 16 + 3 * segx2])
            ro_at = sub + 16 + 3 * segx2
            ros = struct.unpack(">%dH" % n, data[ro_at:ro_at + segx2])
            for k in range(n):
                for c in range(starts[k], ends[k] + 1):
                    if c == 0xFFFF:
                        continue
                    if ros[k] == 0:
                        gid = (c + deltas[k]) & 0xFFFF
                    else:
                        at = ro_at + 2 * k + ros[k] + 2 * (c - starts[k])
                        gid = struct.unpack(">H", data[at:at + 2])[0]
                        if gid:
                            gid = (gid + deltas[k]) & 0xFFFF
                    self.cmap.setdefault(c, gid)
            break

    def width(self, text, size):
        total = 0
        for ch in text:
            gid = self.cmap.get(ord(ch), 0)
            total += self.adv[min(gid, len(self.adv) - 1)]
        return total * size / self.upem


def font_file(pattern):
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}", pattern],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    return out if out.lower().endswith((".ttf", ".otf")) else None


def numbers(s):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", s)]


def bbox(g):
    """Bounding box of the shapes (polygon, path, ellipse) of group g."""
    xs, ys = [], []
    for el in g.iter():
        tag = el.tag[len(SVG):] if el.tag.startswith(SVG) else el.tag
        if tag == "polygon":
            v = numbers(el.get("points"))
        elif tag == "path":
            v = numbers(el.get("d"))
        elif tag == "ellipse":
            cx, cy, rx, ry = (float(el.get(k)) for k in ("cx", "cy", "rx", "ry"))
            v = [cx - rx, cy - ry, cx + rx, cy + ry]
        else:
            continue
        xs += v[0::2]
        ys += v[1::2]
    if not xs:
        return None
    return (min(xs), min(ys), max(xs), max(ys))


def text_box(el, fonts):
    size = float(el.get("font-size", "14"))
    bold = "Bold" in (el.get("font-family") or "") or el.get("font-weight") == "bold"
    w = fonts[bold].width(el.text or "", size)
    x, y = float(el.get("x")), float(el.get("y"))
    anchor = el.get("text-anchor", "start")
    x0 = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
    return (x0, y - 0.78 * size, x0 + w, y + 0.22 * size)


def overlap(a, b, slack=0.0):
    return (a[0] < b[2] - slack and b[0] < a[2] - slack and
            a[1] < b[3] - slack and b[1] < a[3] - slack)


def check_network(root, fonts):
    """Relationship views: every label inside its own shape."""
    problems, n = [], 0
    for g in root.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        if "node" not in cls or not ("actor" in cls or "event" in cls):
            continue
        bb = bbox(g)
        if not bb:
            continue
        n += 1
        ell = g.find(".//" + SVG + "ellipse") is not None
        for t in g.iter(SVG + "text"):
            tb = text_box(t, fonts)
            # an ellipse holds a line across its middle in 1/sqrt(2) of
            # its width; a box in its whole width
            half = (bb[2] - bb[0]) / 2 * (0.72 if ell else 1.0)
            cx = (bb[0] + bb[2]) / 2
            if tb[0] < cx - half - 0.5 or tb[2] > cx + half + 0.5:
                problems.append("%s: text %r (%.1f wide) leaves its %s (%.1f wide)"
                                % (g.get("id"), t.text, tb[2] - tb[0],
                                   "ellipse" if ell else "box", 2 * half))
    return problems, n, 0, 0


def check(path, fonts):
    problems = []
    root = ET.parse(path).getroot()
    if root.find(".//" + SVG + "g[@id='axis']") is None and \
            root.find(".//" + SVG + "g[@class='node lane']") is None and \
            not any("lane" in (g.get("class") or "") for g in root.iter(SVG + "g")):
        return check_network(root, fonts)
    boxes, labels, ticks, joins = [], [], [], []
    for g in root.iter(SVG + "g"):
        cls = (g.get("class") or "").split()
        gid = g.get("id") or ""
        if "event" in cls or "group" in cls:
            bb = bbox(g)
            if not bb:
                continue
            boxes.append((gid, bb))
            for t in g.iter(SVG + "text"):
                tb = text_box(t, fonts)
                if tb[0] < bb[0] - 0.5 or tb[2] > bb[2] + 0.5 or \
                        tb[1] < bb[1] - 1 or tb[3] > bb[3] + 1:
                    problems.append("%s: text %r (%.1f..%.1f) leaves its box (%.1f..%.1f)"
                                    % (gid, t.text, tb[0], tb[2], bb[0], bb[2]))
        elif "lanelabel" in cls:
            for t in g.iter(SVG + "text"):
                tb = text_box(t, fonts)
                labels.append((gid, t.text, tb))
                if tb[0] < -0.5:
                    problems.append("lane label %r starts %.1f pt left of the picture"
                                    % (t.text, -tb[0]))
        elif re.fullmatch(r"(tick|gaplabel|breaklabel|zonelabel|undatedlabel)\d*", gid) or \
                gid.startswith("node") and False:
            for t in g.iter(SVG + "text"):
                ticks.append((gid, t.text, text_box(t, fonts)))
        elif "join" in cls and "edge" in cls:
            path_el = g.find(SVG + "path")
            if path_el is None:
                continue
            v = numbers(path_el.get("d"))
            xs, ys = v[0::2], v[1::2]
            ev = [c for c in cls if c.startswith("of_ev")][0]
            joins.append((ev, min(xs), max(xs), min(ys), max(ys)))
    # boxes: sweep by left edge
    boxes.sort(key=lambda b: b[1][0])
    for i, (ia, a) in enumerate(boxes):
        for ib, b in boxes[i + 1:]:
            if b[0] >= a[2]:
                break
            if overlap(a, b, 0.5):
                problems.append("boxes %s and %s overlap" % (ia, ib))
    for ia, a in boxes:
        for gid, text, tb in labels:
            if overlap(a, tb):
                problems.append("box %s covers lane label %r" % (ia, text))
    # tick and band labels of one row do not overlap each other
    ticks.sort(key=lambda t: t[2][0])
    for i, (ga, ta, a) in enumerate(ticks):
        for gb, tb_, b in ticks[i + 1:]:
            if b[0] >= a[2]:
                break
            if overlap(a, b, 0.5):
                problems.append("axis labels %r and %r overlap" % (ta, tb_))
    # joins of different events do not share a vertical line
    joins.sort(key=lambda j: j[1])
    for i, a in enumerate(joins):
        for b in joins[i + 1:]:
            if b[1] > a[1] + 1.5:
                break
            if a[0] != b[0] and abs(a[1] - b[1]) <= 1.5 and abs(a[2] - b[2]) <= 1.5 \
                    and a[3] < b[4] - 1 and b[3] < a[4] - 1:
                problems.append("joins of %s and %s share the line x=%.1f"
                                % (a[0], b[0], a[1]))
    return problems, len(boxes), len(labels), len(joins)


def main():
    files = [a for a in sys.argv[1:]]
    if not files:
        print(__doc__)
        return 2
    regular, bold = font_file("Helvetica"), font_file("Helvetica:bold")
    if not regular or not bold:
        print("SKIP: no TrueType font for Helvetica (fc-match)")
        return 77
    fonts = {False: Font(regular), True: Font(bold)}
    status = 0
    for f in files:
        problems, nb, nl, nj = check(f, fonts)
        for p in problems[:40]:
            print("PROBLEM: %s: %s" % (f, p))
        if len(problems) > 40:
            print("PROBLEM: %s: ... %d more" % (f, len(problems) - 40))
        print("geometry: %s: %d boxes, %d lane labels, %d joins, %d problems (font %s)"
              % (f, nb, nl, nj, len(problems), regular.rsplit("/", 1)[-1]))
        status |= 1 if problems else 0
    return status


if __name__ == "__main__":
    sys.exit(main())
