#!/usr/bin/env python3
"""Scores evgraph's time tagger with the TempEval-3 metric on TimeML files.

For each .tml file of a folder: takes the plain text of <TEXT> (tags stripped,
entities unescaped), the DCT from the TIMEX3 with
functionInDocument="CREATION_TIME", runs `evgraph extract --dct DCT -` on the
text and compares the "timexes" of its JSON output with the gold TIMEX3 inside
<TEXT>. Relaxed match = character spans overlap, strict = same span; type and
value accuracy are measured over the relaxed pairs, and
value F1 = value accuracy x relaxed F1.

Usage: score_tempeval.py [--evgraph BIN] [--errors] [--jobs N]
                         [--min-value-f1 X] [--min-relaxed-f1 X] DIR|FILE...
Exit status 0, or 1 when a floor given by --min-* is not reached, 2 on usage
or input errors. Standard library only.
"""
import argparse
import concurrent.futures
import html
import json
import os
import re
import subprocess
import sys

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTR_RE = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')


def dct_and_body(raw):
    """Returns (the document's creation date or '', the markup inside
    <TEXT>) of a TimeML file; ValueError without <TEXT>."""
    dct = ""
    for m in TAG_RE.finditer(raw):
        if m.group(1) == "" and m.group(2) == "TIMEX3":
            attrs = dict(ATTR_RE.findall(m.group(3)))
            if attrs.get("functionInDocument") == "CREATION_TIME":
                dct = attrs.get("value", "")[:10]
                break
    start = raw.find("<TEXT>")
    end = raw.find("</TEXT>")
    if start < 0 or end < 0:
        raise ValueError("no <TEXT> element")
    return dct, raw[start + len("<TEXT>"):end]


def parse_tml(raw):
    """Returns (plain text of <TEXT>, dct or '', list of gold timexes)."""
    dct, body = dct_and_body(raw)
    out = []
    pos = 0
    length = 0
    open_timex = []
    gold = []
    for m in TAG_RE.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            attrs = dict(ATTR_RE.findall(m.group(3)))
            if m.group(3).rstrip().endswith("/"):
                continue  # empty TIMEX3 (implicit), not scored
            open_timex.append((length, attrs))
        elif open_timex:
            s, attrs = open_timex.pop()
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            gold.append({"start": s, "end": length,
                         "type": attrs.get("type", ""),
                         "value": attrs.get("value", ""),
                         "mod": attrs.get("mod", "")})
    chunk = html.unescape(body[pos:])
    out.append(chunk)
    text = "".join(out)
    # evgraph reads the article from its first non-blank character: drop
    # leading blank space so that offsets agree.
    lead = len(text) - len(text.lstrip())
    text = text[lead:]
    for g in gold:
        g["start"] = max(0, g["start"] - lead)
        g["end"] = max(0, g["end"] - lead)
    for g in gold:
        g["text"] = text[g["start"]:g["end"]]
    return text, dct, gold


def byte_to_char_map(text):
    """Maps each UTF-8 byte offset of `text` (and its end) to a char offset."""
    m = []
    for i, ch in enumerate(text):
        m.extend([i] * len(ch.encode("utf-8")))
    m.append(len(text))
    return m


def align(text, s, e, want):
    """Char span of the system's timex text nearest to [s, e), in case the
    tool normalized the input (e.g. dropped a byte-order mark)."""
    if not want or text[s:e] == want:
        return s, e
    best = None
    for d in range(0, 64):
        for cand in (s - d, s + d):
            if 0 <= cand and text[cand:cand + len(want)] == want:
                best = cand
                break
        if best is not None:
            return best, best + len(want)
    return s, e


def run_system(evgraph, text, dct):
    cmd = [evgraph, "extract"]
    if dct:
        cmd += ["--dct", dct]
    cmd.append("-")
    res = subprocess.run(cmd, input=text.encode("utf-8"),
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         check=False)
    if res.returncode != 0:
        raise RuntimeError("evgraph failed (%d): %s" %
                           (res.returncode, res.stderr.decode(errors="replace")))
    doc = json.loads(res.stdout.decode("utf-8"))
    b2c = byte_to_char_map(text)
    sys_tx = []
    for t in doc.get("timexes", []):
        s, e = t["start"], t["end"]
        if not (0 <= s <= e < len(b2c)):
            continue
        s, e = align(text, b2c[s], b2c[e], t.get("text") or "")
        sys_tx.append({"start": s, "end": e,
                       "type": t.get("type") or "",
                       "value": t.get("value") or "",
                       "mod": t.get("mod") or "",
                       "text": text[s:e]})
    return sys_tx


def match(gold, system):
    """One-to-one pairs of overlapping spans, exact spans first."""
    pairs = []
    used_g, used_s = set(), set()
    for exact in (True, False):
        for i, g in enumerate(gold):
            if i in used_g:
                continue
            for j, s in enumerate(system):
                if j in used_s:
                    continue
                if exact:
                    ok = g["start"] == s["start"] and g["end"] == s["end"]
                else:
                    ok = g["start"] < s["end"] and s["start"] < g["end"]
                if ok:
                    pairs.append((i, j))
                    used_g.add(i)
                    used_s.add(j)
                    break
    return pairs


def prf(tp_p, n_sys, tp_r, n_gold):
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score_file(evgraph, path):
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    text, dct, gold = parse_tml(raw)
    system = run_system(evgraph, text, dct)
    pairs = match(gold, system)
    return path, dct, text, gold, system, pairs


def collect(paths):
    files = []
    for p in paths:
        if os.path.isdir(p):
            files += sorted(os.path.join(p, n) for n in os.listdir(p)
                            if n.endswith(".tml"))
        else:
            files.append(p)
    return files


def context(text, s, e):
    a = max(0, s - 40)
    return (text[a:s] + "[" + text[s:e] + "]" + text[e:e + 30]).replace(
        "\n", " ")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--evgraph", default=os.environ.get("EVGRAPH", "evgraph"))
    ap.add_argument("--errors", action="store_true",
                    help="list misses, false alarms and wrong values")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--min-value-f1", type=float, default=None)
    ap.add_argument("--min-relaxed-f1", type=float, default=None)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()
    files = collect(args.paths)
    if not files:
        print("score_tempeval: no .tml files", file=sys.stderr)
        return 2
    n_gold = n_sys = strict = relaxed = type_ok = value_ok = mod_ok = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as ex:
        results = list(ex.map(lambda p: score_file(args.evgraph, p), files))
    for path, dct, text, gold, system, pairs in results:
        n_gold += len(gold)
        n_sys += len(system)
        relaxed += len(pairs)
        name = os.path.basename(path)
        for i, j in pairs:
            g, s = gold[i], system[j]
            if g["start"] == s["start"] and g["end"] == s["end"]:
                strict += 1
            type_ok += g["type"] == s["type"]
            value_ok += g["value"] == s["value"]
            mod_ok += g["mod"] == s["mod"]
            if args.errors and (g["value"] != s["value"] or
                                g["type"] != s["type"]):
                print("VALUE %s dct=%s gold=%s/%s%s sys=%s/%s%s  %s | %r" % (
                    name, dct, g["type"], g["value"],
                    "/" + g["mod"] if g["mod"] else "", s["type"],
                    s["value"], "/" + s["mod"] if s["mod"] else "",
                    context(text, g["start"], g["end"]), s["text"]))
            elif args.errors and (g["start"], g["end"]) != (s["start"],
                                                           s["end"]):
                print("SPAN %s gold=%r sys=%r" % (name, g["text"], s["text"]))
        if args.errors:
            mg = {i for i, _ in pairs}
            ms = {j for _, j in pairs}
            for i, g in enumerate(gold):
                if i not in mg:
                    print("MISS %s dct=%s %s/%s  %s" % (
                        name, dct, g["type"], g["value"],
                        context(text, g["start"], g["end"])))
            for j, s in enumerate(system):
                if j not in ms:
                    print("FALSE %s %s/%s  %s" % (
                        name, s["type"], s["value"],
                        context(text, s["start"], s["end"])))
    sp, sr, sf = prf(strict, n_sys, strict, n_gold)
    rp, rr, rf = prf(relaxed, n_sys, relaxed, n_gold)
    tacc = type_ok / relaxed if relaxed else 0.0
    vacc = value_ok / relaxed if relaxed else 0.0
    macc = mod_ok / relaxed if relaxed else 0.0
    print("files %d  gold %d  system %d  relaxed pairs %d" %
          (len(files), n_gold, n_sys, relaxed))
    print("strict  P %.4f  R %.4f  F1 %.4f" % (sp, sr, sf))
    print("relaxed P %.4f  R %.4f  F1 %.4f" % (rp, rr, rf))
    print("type accuracy  %.4f  type F1  %.4f" % (tacc, tacc * rf))
    print("value accuracy %.4f  value F1 %.4f" % (vacc, vacc * rf))
    print("mod accuracy   %.4f" % macc)
    failed = False
    if args.min_value_f1 is not None and vacc * rf < args.min_value_f1:
        print("FAIL: value F1 %.4f below floor %.4f" %
              (vacc * rf, args.min_value_f1))
        failed = True
    if args.min_relaxed_f1 is not None and rf < args.min_relaxed_f1:
        print("FAIL: relaxed F1 %.4f below floor %.4f" %
              (rf, args.min_relaxed_f1))
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (OSError, ValueError, RuntimeError) as e:
        print("score_tempeval: %s" % e, file=sys.stderr)
        sys.exit(2)
