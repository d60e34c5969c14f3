#!/usr/bin/env python3
"""Scores evgraph's event-mention detector against TimeML EVENT annotations.

With --cv K (the default, 10), runs `evgraph-train events --cv K` on the
TimeML folder: K-fold cross-validation by document, file i of the
name-sorted list in fold i mod K, every document labeled by a model trained
on the other folds only. With --predict FILE, scores mentions already
written in that format (file, start, end, class, confidence, word; byte
offsets into the text of <TEXT> as `evgraph extract FILE.tml` reads it).

Gold: every EVENT inside <TEXT>, read here independently of the C code
(tags stripped, the five XML entities and numeric references unescaped, a
paragraph break after each </s>, offsets in UTF-8 bytes).

With --cv K, the event and class F1 of each fold are printed too (file
i of the name-sorted list in fold i mod K; with --predict, the folds of
the cross-validation that wrote the file).

Matching is TempEval-3's relaxed event matching: a system mention and a
gold EVENT match when their spans overlap (one to one, in text order).
Event P/R/F1 count matched mentions; class P/R/F1 count matched mentions
whose class is the gold class (TempEval-3's class F1: class accuracy over
matches times event F1); per-class F1 counts, for each class, the mentions
of that class matched to a gold EVENT of that class.

--consistency prints how far one class per word takes a classifier, from
the gold alone: each word's most frequent class over every document (the
test documents included), over the other documents only, and within its
own document; then how many class errors on matched events found the
class the other documents give the same word most often.

Usage: score_timeml_events.py [--timebank DIR] [--cv K] [--train BIN]
           [--syntax MODEL] [--wordnet DIR] [--seed N] [--oracle class|all]
           [--predict FILE] [--min-event-f1 X]
           [--min-class-f1 X] [--confusion] [--consistency] [--errors N]
Exit status 0, 1 when a floor given by --min-* is not reached, 2 on usage
or input errors. Standard library only.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
CLASS_RE = re.compile(r'\bclass="([A-Z_]+)"')
ENT_RE = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);")
NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
CLASSES = ["OCCURRENCE", "REPORTING", "STATE", "I_ACTION", "I_STATE",
           "ASPECTUAL", "PERCEPTION"]


def unescape(s):
    def one(m):
        e = m.group(1)
        if e in NAMED:
            return NAMED[e]
        cp = int(e[2:], 16) if e[1] in "xX" else int(e[1:])
        if 0 < cp <= 0x10FFFF and not 0xD800 <= cp <= 0xDFFF:
            return chr(cp)
        return m.group(0)
    return ENT_RE.sub(one, s)


def gold_events(path):
    """(text as bytes, [(start, end, class)]) of a TimeML file's <TEXT>."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    a = raw.find("<TEXT>")
    b = raw.find("</TEXT>", a)
    if a < 0 or b < 0:
        raise ValueError("%s: no <TEXT>" % path)
    body = raw[a + len("<TEXT>"):b]
    out = bytearray()
    pos = 0
    events = []
    open_ev = None
    for m in TAG_RE.finditer(body):
        out += unescape(body[pos:m.start()]).encode("utf-8")
        pos = m.end()
        name = m.group(2)
        if name == "EVENT" and m.group(1) == "":
            c = CLASS_RE.search(m.group(3))
            open_ev = (len(out), c.group(1) if c else "")
        elif name == "EVENT" and open_ev is not None:
            events.append((open_ev[0], len(out), open_ev[1]))
            open_ev = None
        elif name == "s" and m.group(1) == "/" and pos < len(body):
            out += b"\n\n"
    out += unescape(body[pos:]).encode("utf-8")
    return bytes(out), events


def read_predictions(path):
    pred = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 6:
                raise ValueError("%s:%d: expected 6 fields" % (path, n))
            name, s, e, cls, conf, word = parts
            pred.setdefault(name, []).append((int(s), int(e), cls, word))
    return pred


def match(gold, sys_):
    """One-to-one overlap pairs (gold index, system index), in text order."""
    gold = sorted(range(len(gold)), key=lambda i: gold[i][:2]), gold
    order_g, g = gold
    order_s = sorted(range(len(sys_)), key=lambda i: sys_[i][:2])
    pairs = []
    used = set()
    j0 = 0
    for gi in order_g:
        gs, ge = g[gi][0], g[gi][1]
        while j0 < len(order_s) and sys_[order_s[j0]][1] <= gs:
            j0 += 1
        for j in range(j0, len(order_s)):
            si = order_s[j]
            if sys_[si][0] >= ge:
                break
            if si not in used and sys_[si][0] < ge and sys_[si][1] > gs:
                used.add(si)
                pairs.append((gi, si))
                break
    return pairs


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def majority_right(counts):
    """Gold events whose class is their group's most frequent class."""
    return sum(max(c.values()) for c in counts.values())


def print_consistency(gold_words, event_f1, class_errors):
    """How far one class per word takes a classifier, from the gold alone
    (a word is its form, lower-cased): each word's most frequent class
    over every document, the test documents included (what a model that
    had memorised the test labels word by word would get right); over the
    other documents only (a word no other document has as an event taken
    as OCCURRENCE); and within its own document. Then the class errors
    (document, word, class found) on matched events against the other
    documents' gold: how many found the class the other documents give
    the word most often, or one they give it at all."""
    n = len(gold_words)
    if not n:
        return
    every, per_doc = {}, {}
    for doc, w, c in gold_words:
        d = every.setdefault(w, {})
        d[c] = d.get(c, 0) + 1
        d = per_doc.setdefault((doc, w), {})
        d[c] = d.get(c, 0) + 1
    right_other = 0
    for doc, w, c in gold_words:
        other = dict(every[w])
        for k, v in per_doc[(doc, w)].items():
            other[k] -= v
        best = max(sorted(other), key=lambda k: other[k])
        if other[best] <= 0:
            best = "OCCURRENCE"
        right_other += best == c
    acc_all = majority_right(every) / n
    print("class consistency of the gold events (a word: its form, "
          "lower-cased):")
    print("  one class per word, from every document (test labels "
          "included): %.4f" % acc_all)
    print("  one class per word, from the other documents: %.4f"
          % (right_other / n))
    print("  one class per word within its document: %.4f"
          % (majority_right(per_doc) / n))
    print("  class F1 at this event F1 with the first: %.4f"
          % (event_f1 * acc_all))
    n_err = len(class_errors)
    if not n_err:
        return
    major = some = unseen = 0
    for doc, w, found in class_errors:
        other = dict(every.get(w, {}))
        for k, v in per_doc.get((doc, w), {}).items():
            other[k] -= v
        other = {k: v for k, v in other.items() if v > 0}
        if not other:
            unseen += 1
            continue
        major += max(sorted(other), key=lambda k: other[k]) == found
        some += found in other
    print("class errors on matched events: %d; the class found is the "
          "other documents' most frequent for the word: %d (%.1f%%), one "
          "they give it: %d (%.1f%%); a word no other document has as an "
          "event: %d (%.1f%%)" % (n_err, major, 100.0 * major / n_err, some,
                                  100.0 * some / n_err, unseen,
                                  100.0 * unseen / n_err))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--timebank", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared",
        "data", "timebank"))
    ap.add_argument("--cv", type=int, default=10)
    ap.add_argument("--train", default="build/evgraph-train")
    ap.add_argument("--syntax", help="syntax model for the trainer")
    ap.add_argument("--wordnet", help="WordNet folder for the trainer "
                    "('' for none)")
    ap.add_argument("--seed", type=int, help="the trainer's seed")
    ap.add_argument("--oracle", choices=("class", "all"),
                    help="a bound, not a figure: the trainer's class stage "
                    "(or whole model) trained on every document, the "
                    "held-out ones included")
    ap.add_argument("--predict", help="score this predictions file instead "
                    "of running the trainer")
    ap.add_argument("--min-event-f1", type=float)
    ap.add_argument("--min-class-f1", type=float)
    ap.add_argument("--confusion", action="store_true",
                    help="print the class confusion table of the matched "
                    "events")
    ap.add_argument("--consistency", action="store_true",
                    help="print how consistently the gold data gives one "
                    "word one class (in its document, across documents)")
    ap.add_argument("--errors", type=int, default=0,
                    help="print up to N missed and N spurious mentions")
    a = ap.parse_args()
    if not os.path.isdir(a.timebank):
        print("score_timeml_events: %s: no such folder" % a.timebank,
              file=sys.stderr)
        return 2
    files = sorted(f for f in os.listdir(a.timebank) if f.endswith(".tml"))
    if not files:
        print("score_timeml_events: %s: no .tml files" % a.timebank,
              file=sys.stderr)
        return 2
    if a.predict:
        predfile = a.predict
    else:
        if a.cv < 2:
            print("score_timeml_events: --cv needs K >= 2", file=sys.stderr)
            return 2
        fd, predfile = tempfile.mkstemp(suffix=".tsv")
        os.close(fd)
        cmd = [a.train, "events", "--timebank", a.timebank, "--cv",
               str(a.cv), "--predict", predfile, "-q"]
        if a.wordnet is not None:
            cmd += ["--wordnet", a.wordnet]
        if a.syntax:
            cmd += ["--syntax", a.syntax]
        if a.seed is not None:
            cmd += ["--seed", str(a.seed)]
        if a.oracle:
            cmd += ["--oracle", a.oracle]
        try:
            r = subprocess.run(cmd)
        except OSError as e:
            print("score_timeml_events: %s: %s" % (a.train, e),
                  file=sys.stderr)
            return 2
        if r.returncode != 0:
            print("score_timeml_events: the trainer failed (exit %d)"
                  % r.returncode, file=sys.stderr)
            return 2
    try:
        pred = read_predictions(predfile)
    finally:
        if not a.predict:
            os.unlink(predfile)

    ngold = npred = tp = tpc = misaligned = 0
    folds = {}  # fold -> [tp, npred, ngold, tp with the class]
    per = {c: [0, 0, 0] for c in CLASSES}  # tp, npred, ngold
    confusion = {}
    missed, spurious = [], []
    gold_words = []  # (document, word form lower-cased, class)
    class_errors = []  # (document, gold word lower-cased, class found)
    for fi, name in enumerate(files):
        text, gold = gold_events(os.path.join(a.timebank, name))
        gold_words += [(name, text[g[0]:g[1]].decode("utf-8", "replace")
                        .lower(), g[2]) for g in gold]
        sys_ = pred.get(name, [])
        fold = folds.setdefault(fi % a.cv if a.cv >= 2 else 0, [0, 0, 0, 0])
        for s, e, cls, word in sys_:
            if text[s:e].decode("utf-8", "replace") != word:
                misaligned += 1
        pairs = match(gold, sys_)
        fold[0] += len(pairs)
        fold[1] += len(sys_)
        fold[2] += len(gold)
        fold[3] += sum(1 for gi, si in pairs if gold[gi][2] == sys_[si][2])
        ngold += len(gold)
        npred += len(sys_)
        tp += len(pairs)
        for g in gold:
            if g[2] in per:
                per[g[2]][2] += 1
        for s in sys_:
            if s[2] in per:
                per[s[2]][1] += 1
        hit_g = set()
        hit_s = set()
        for gi, si in pairs:
            hit_g.add(gi)
            hit_s.add(si)
            gc, sc = gold[gi][2], sys_[si][2]
            confusion[(gc, sc)] = confusion.get((gc, sc), 0) + 1
            if gc == sc:
                tpc += 1
                if gc in per:
                    per[gc][0] += 1
            else:
                g = gold[gi]
                class_errors.append((name, text[g[0]:g[1]].decode(
                    "utf-8", "replace").lower(), sc))
        for gi, g in enumerate(gold):
            if gi not in hit_g:
                missed.append((name, text[g[0]:g[1]].decode("utf-8", "replace"),
                               g[2], text[max(0, g[0] - 40):g[1] + 40]))
        for si, s in enumerate(sys_):
            if si not in hit_s:
                spurious.append((name, s[3], s[2],
                                 text[max(0, s[0] - 40):s[1] + 40]))

    ep, er, ef = prf(tp, npred, ngold)
    cp, cr, cf = prf(tpc, npred, ngold)
    how = ("predictions %s" % a.predict if a.predict else
           "%d-fold cross-validation by document (file i of the sorted list "
           "in fold i mod %d)" % (a.cv, a.cv))
    print("TimeML events, %s: %d documents, %d gold events, %d found"
          % (how, len(files), ngold, npred))
    print("event (relaxed span overlap)  P %.4f  R %.4f  F1 %.4f"
          % (ep, er, ef))
    print("class                         P %.4f  R %.4f  F1 %.4f"
          % (cp, cr, cf))
    print("class accuracy on matched events: %.4f"
          % (tpc / tp if tp else 0.0))
    print("per class:        gold  found     P      R      F1")
    for c in CLASSES:
        t, n_p, n_g = per[c]
        p, r, f = prf(t, n_p, n_g)
        print("  %-12s %7d %6d  %.4f %.4f %.4f" % (c, n_g, n_p, p, r, f))
    if len(folds) > 1:
        for what, i in (("event", 0), ("class", 3)):
            f1 = [prf(folds[k][i], folds[k][1], folds[k][2])[2]
                  for k in sorted(folds)]
            print("%s F1 by fold (file i in fold i mod %d): %s  (min %.4f, "
                  "max %.4f)" % (what, a.cv, " ".join("%.3f" % x for x in f1),
                                 min(f1), max(f1)))
    if a.confusion:
        print("class confusion on matched events (rows gold, columns found):")
        print("  %-12s %s" % ("", " ".join("%6s" % c[:6] for c in CLASSES)))
        for g in CLASSES:
            print("  %-12s %s" % (g, " ".join(
                "%6d" % confusion.get((g, c), 0) for c in CLASSES)))
    if a.consistency:
        print_consistency(gold_words, ef, class_errors)
    print("anchors (TempEval-3 platinum test, best systems): event F1 0.81 "
          "(ATT-1), class F1 0.718")
    if misaligned:
        print("warning: %d predicted spans do not hold their word"
              % misaligned, file=sys.stderr)
    if a.errors:
        for name, w, c, ctx in missed[:a.errors]:
            print("MISSED   %s %s %s | %s" % (name, w, c,
                  ctx.decode("utf-8", "replace").replace("\n", " ")))
        for name, w, c, ctx in spurious[:a.errors]:
            print("SPURIOUS %s %s %s | %s" % (name, w, c,
                  ctx.decode("utf-8", "replace").replace("\n", " ")))
    fail = ((a.min_event_f1 is not None and ef < a.min_event_f1) or
            (a.min_class_f1 is not None and cf < a.min_class_f1))
    return 1 if fail else 0


if __name__ == "__main__":
    sys.exit(main())
