#!/usr/bin/env python3
"""Checks that a CoNLL-U file from `evgraph parse` is well formed: every
sentence has '# sent_id' and '# text', word IDs run 1..n, HEAD is a word of
the sentence or 0, exactly one word hangs from the root (as 'root'), the
heads form a tree, and, with --text FILE, every TokenRange=START:END slice of
FILE's bytes is the word's FORM.

  check_conllu.py PARSED.conllu [--text ARTICLE.txt]

Prints 'ok: N sentences, M words' and exits 0, or prints the first problem
and exits 1."""
import argparse
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("conllu")
    ap.add_argument("--text")
    a = ap.parse_args()
    raw = open(a.text, "rb").read() if a.text else None
    try:
        text = open(a.conllu, encoding="utf-8").read()
    except UnicodeDecodeError as e:
        sys.exit(print(f"not UTF-8: {e}") or 1)
    blocks = [b for b in text.split("\n\n") if b.strip()]
    words = 0
    for b in blocks:
        lines = b.strip("\n").split("\n")
        comments = [l for l in lines if l.startswith("#")]
        toks = [l.split("\t") for l in lines if not l.startswith("#")]
        where = lines[0][:80]
        if not any(c.startswith("# sent_id = ") for c in comments) or \
           not any(c.startswith("# text = ") for c in comments):
            sys.exit(print(f"{where}: no sent_id or text comment") or 1)
        ws = [t for t in toks if len(t) == 10 and t[0].isdigit()]
        if any(len(t) != 10 for t in toks):
            sys.exit(print(f"{where}: a line without 10 columns") or 1)
        n = len(ws)
        heads = {}
        for i, t in enumerate(ws, 1):
            if t[0] != str(i):
                sys.exit(print(f"{where}: word ID {t[0]} out of order") or 1)
            if not t[6].isdigit() or int(t[6]) > n or int(t[6]) == i:
                sys.exit(print(f"{where}: bad HEAD {t[6]}") or 1)
            if t[3] == "_" or t[7] == "_" or t[2] == "_" and t[1] != "_":
                sys.exit(print(f"{where}: unfilled column in word {i}") or 1)
            heads[i] = int(t[6])
            if raw is not None:
                for m in t[9].split("|"):
                    if m.startswith("TokenRange="):
                        s, e = map(int, m[11:].split(":"))
                        if raw[s:e].decode("utf-8") != t[1]:
                            sys.exit(print(f"{where}: TokenRange {s}:{e} is "
                                           f"{raw[s:e]!r}, not {t[1]!r}") or 1)
        roots = [i for i in heads if heads[i] == 0]
        if len(roots) != 1 or ws[roots[0] - 1][7] != "root":
            sys.exit(print(f"{where}: {len(roots)} roots") or 1)
        for i in heads:  # every word reaches the root without a cycle
            seen, k = set(), i
            while k:
                if k in seen:
                    sys.exit(print(f"{where}: cycle through word {i}") or 1)
                seen.add(k)
                k = heads[k]
        words += n
    print(f"ok: {len(blocks)} sentences, {words} words")


if __name__ == "__main__":
    main()
