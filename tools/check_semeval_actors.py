#!/usr/bin/env python3
"""Checks that each target entity of the SemEval-2015 TimeLine corpora (the
trial set and corpus_1) is one actor when all the corpus's articles are
merged into one graph.

For each corpus, runs `evgraph extract` on its TimeML articles and `evgraph
graph -f csv-nodes` on the result; an actor names a target when one of its
names (name or alias) is the target's: its words (as tools/score_timeline.py
reads them), its acronym, or a part of it that holds its last word and is
the last word of no other target (an actor naming several targets counts
for those with the most words in common). A longer name is another thing
(`Boeing 767` is not Boeing). Prints, per target, the
actors that name it: "one actor" is the goal, "N actors" means the target
is split, "no actor" that it is missing.

Usage: check_semeval_actors.py [--evgraph BIN] [--data DIR]
Exit status: 0 when every target is one actor, 1 otherwise, 2 usage or
run failure, 77 when the data is absent.
"""
import argparse
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score_timeline as st  # noqa: E402


def names_target(name, tw, all_targets):
    """Does one name of an actor name the target (words `tw`)? The same
    words; its acronym (`USAF`); or a part of it that holds its last word
    (`Gallois`, `Dreamliner`, `Air Force`) and, alone, is the last word of
    no other target. Unlike the timeline scorer, a longer name is another
    thing: `Boeing 767` does not name Boeing."""
    sw = st.words(name)
    if not sw:
        return False
    if sw == tw:
        return True
    if len(sw) == 1 and len(tw) > 1 and sw[0] == st.initials(tw):
        return True
    if set(sw) <= set(tw) and tw[-1] in sw:
        if len(sw) > 1:
            return True
        return not [t for t in all_targets if t != tw and t and t[-1] == sw[0]]
    return False


def names_targets(names, targets):
    """The targets some name of the actor names; when several, those whose
    words the name shares most of."""
    all_t = [t for _, t in targets]
    hits = {}
    for n, tw in targets:
        for s in names:
            if names_target(s, tw, all_t):
                hits[n] = max(hits.get(n, 0), len(set(st.words(s)) & set(tw)))
    if not hits:
        return set()
    top = max(hits.values())
    return {n for n, v in hits.items() if v == top}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--evgraph', default=os.path.join(HERE, '..', 'build',
                                                      'evgraph'))
    ap.add_argument('--data', default=os.path.join(
        HERE, '..', '..', 'shared', 'data', 'semeval2015-timeline'))
    a = ap.parse_args()
    if not os.path.isdir(a.data):
        print('SKIP: no SemEval-2015 TimeLine data at %s' % a.data)
        return 77
    total = ones = 0
    for label, tml_dir, gold_dir, list_file in st.CORPORA:
        tml_dir = os.path.join(a.data, tml_dir)
        gold_dir = os.path.join(a.data, gold_dir)
        files = sorted(os.path.join(tml_dir, f) for f in os.listdir(tml_dir)
                       if f.endswith('.tml'))
        targets = [(n, w) for n, w, _ in
                   st.corpus_targets(a.data, gold_dir, list_file)]
        try:
            ext = subprocess.run([a.evgraph, 'extract', '-q'] + files,
                                 capture_output=True, check=True)
            gr = subprocess.run([a.evgraph, 'graph', '-q', '-f', 'csv-nodes'],
                                input=ext.stdout, capture_output=True,
                                check=True)
        except (OSError, subprocess.CalledProcessError) as e:
            print('check_semeval_actors: evgraph failed: %s' % e,
                  file=sys.stderr)
            return 2
        named = {n: [] for n, _ in targets}
        for row in csv.DictReader(io.StringIO(gr.stdout.decode('utf-8'))):
            if row['type'] != 'actor':
                continue
            names = [row['name']] + [x for x in row['aliases'].split('; ')
                                     if x]
            for t in names_targets(names, targets):
                named[t].append(row['name'])
        print('%s (%d articles):' % (label, len(files)))
        for n, _ in targets:
            acts = named[n]
            total += 1
            ones += len(acts) == 1
            what = 'one actor' if len(acts) == 1 else \
                'no actor' if not acts else '%d actors' % len(acts)
            print('  %-26s %-10s %s' % (n, what, '; '.join(acts)))
    print('targets that are one actor: %d/%d' % (ones, total))
    return 0 if ones == total else 1


if __name__ == '__main__':
    sys.exit(main())
