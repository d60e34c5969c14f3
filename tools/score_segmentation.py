#!/usr/bin/env python3
"""Sentence and token boundaries of `evgraph parse` on raw text, against a
UD treebank: each document of the gold CoNLL-U (# newdoc) is rebuilt as
text (# text lines, a space between sentences of a paragraph, a blank line
between paragraphs), written to a file, parsed, and the system's spans
(TokenRange byte offsets) are compared with the gold ones.

  score_segmentation.py GOLD.conllu [--evgraph build/evgraph]

Scores: precision, recall and F1 of sentence spans and of word spans (exact
byte offsets). A gold multi-word token whose words spell it out ("do" +
"n't") counts as its words; any other (rare: "gonna") as one span."""
import argparse
import os
import subprocess
import sys
import tempfile


def gold_docs(path):
    docs, cur, par = [], None, None
    sent = None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            cur = {"pars": []}
            docs.append(cur)
            par = None
        elif line.startswith("# newpar") or (cur is not None and par is None
                                             and line.startswith("# text = ")):
            par = []
            cur["pars"].append(par)
        if line.startswith("# text = "):
            sent = {"text": line[9:], "toks": []}
            if par is None:
                par = []
                cur["pars"].append(par)
            par.append(sent)
        elif line and not line.startswith("#"):
            c = line.split("\t")
            if "." in c[0]:
                continue
            if "-" in c[0]:
                a, b = map(int, c[0].split("-"))
                sent["toks"].append([c[1], [], b - a + 1])
            else:
                if sent["toks"] and sent["toks"][-1][2] > len(sent["toks"][-1][1]):
                    sent["toks"][-1][1].append(c[1])
                else:
                    sent["toks"].append([c[1], [c[1]], 1])
    return docs


def build(doc):
    """The document's text and its gold sentence and word spans (bytes)."""
    text, sents, words = b"", [], []
    for p, par in enumerate(doc["pars"]):
        if p:
            text += b"\n\n"
        for k, s in enumerate(par):
            if k:
                text += b" "
            base = len(text)
            st = s["text"].encode("utf-8")
            text += st
            at = 0
            first = last = None
            for form, ws, _ in s["toks"]:
                f = form.encode("utf-8")
                i = st.find(f, at)
                if i < 0:
                    continue
                start = base + i
                if first is None:
                    first = start
                end = start + len(f)
                last = end
                if ws and b"".join(w.encode("utf-8") for w in ws) == f:
                    o = start
                    for w in ws:
                        words.append((o, o + len(w.encode("utf-8"))))
                        o += len(w.encode("utf-8"))
                else:
                    words.append((start, end))
                at = i + len(f)
            if first is not None:
                sents.append((first, last))
    return text, sents, words


def system(evgraph, text):
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(text)
        name = f.name
    try:
        p = subprocess.run([evgraph, "parse", name], capture_output=True)
    finally:
        os.unlink(name)
    sents, words = [], []
    cur = []
    for line in p.stdout.decode("utf-8").split("\n"):
        if not line:
            if cur:
                sents.append((cur[0][0], cur[-1][1]))
                words.extend(cur)
                cur = []
            continue
        if line.startswith("#"):
            continue
        misc = line.split("\t")[9]
        for m in misc.split("|"):
            if m.startswith("TokenRange="):
                s, e = map(int, m[11:].split(":"))
                cur.append((s, e))
    return sents, words


def prf(gold, sys_):
    g, s = set(gold), set(sys_)
    tp = len(g & s)
    p = tp / len(s) if s else 0.0
    r = tp / len(g) if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--evgraph", default="build/evgraph")
    a = ap.parse_args()
    gs, gw, ss, sw = [], [], [], []
    for n, doc in enumerate(gold_docs(a.gold)):
        text, sents, words = build(doc)
        s2, w2 = system(a.evgraph, text)
        off = n << 32  # keep documents apart
        gs += [(x + off, y + off) for x, y in sents]
        gw += [(x + off, y + off) for x, y in words]
        ss += [(x + off, y + off) for x, y in s2]
        sw += [(x + off, y + off) for x, y in w2]
    p, r, f = prf(gs, ss)
    print(f"sentences: P {100*p:.2f} R {100*r:.2f} F1 {100*f:.2f} ({len(gs)} gold)")
    p, r, f = prf(gw, sw)
    print(f"words:     P {100*p:.2f} R {100*r:.2f} F1 {100*f:.2f} ({len(gw)} gold)")


if __name__ == "__main__":
    main()
