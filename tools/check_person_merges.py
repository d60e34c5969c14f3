#!/usr/bin/env python3
"""Counts person actors of a merged graph that hold two different full
personal names, i.e. actors that merged two people.

Runs `evgraph extract` on the articles given (files or folders), merges
them into one graph (`evgraph graph -f csv-nodes`), and for every person
actor compares the full names (two or more capitalized words) among its name and
aliases (a leading title of the gazetteer, "Prime Minister", "Mr.", left
out). Two full names are the same person's when their last names are
equal (case, dots and a generational suffix such as "Jr." aside), their
first names agree (equal, one the other's initial, or a pair of
extract/data/nicknames.words: Bill/William) and they have as many middle
names, each agreeing ("George Bush" and "George W. Bush" do not: a middle
name written in only one of them needs a dictionary); or when a
dictionary says so: the person entries of
extract/data/gazetteer_*.tsv (and of --dict files) with the same canonical
name are one person, and so are the phrases of one record of the Phoenix
.actors files, a phrase compared title and all ("President George Bush"
is a phrase of the father's record and of the son's: either may hold it).
Prints each offending actor and the count.

Usage: check_person_merges.py [--evgraph BIN] [--dict FILE]... [--max N]
                              ARTICLES...
Exit status: 0 when the count is at most --max (default 0), 1 above it,
2 usage or run failure.
"""
import argparse
import csv
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, '..', 'extract', 'data')


def read_pairs(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            a, b = line.split('\t')
            out.append((a, b))
    return out


def read_words(path):
    with open(path, encoding='utf-8') as f:
        return {l.strip() for l in f if l.strip() and not l.startswith('#')}


NICK = read_pairs(os.path.join(DATA, 'nicknames.words'))
SUFFIX = read_words(os.path.join(DATA, 'name_suffixes.words'))


def read_titles():
    """Titles of the gazetteer ("Prime Minister", "Mr."), as word lists."""
    out = set()
    with open(os.path.join(DATA, 'gazetteer_roles.tsv'), encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) >= 2 and cols[1] == 'title' and not line.startswith('#'):
                out.add(tuple(x.replace('.', '').lower()
                              for x in cols[0].split()))
    return out


TITLES = read_titles()


def words(name):
    """Lower-case words of a personal name, dots, a leading title ("Prime
    Minister", "Mr.") and a generational suffix left out."""
    w = [x.replace('.', '').lower() for x in name.replace(',', ' ').split()]
    w = [x for x in w if x]
    again = True
    while again and len(w) > 1:
        again = False
        for n in range(min(3, len(w) - 1), 0, -1):
            if tuple(w[:n]) in TITLES:
                w = w[n:]
                again = True
                break
    while len(w) > 1 and w[-1] in SUFFIX:
        w.pop()
    return w


CONNECT = read_words(os.path.join(DATA, 'name_connectors.words'))


def is_name(s):
    """Every word capitalized, but for the connectors of names ("bin",
    "de"): "Pentagon spokesman Pete Williams" or "the Pope" is no name."""
    ws = s.split()
    return all(w[0].isupper() or w in CONNECT for w in ws if w[0].isalpha())


def first_agree(a, b):
    if a == b or (len(a) == 1 and b[0] == a) or (len(b) == 1 and a[0] == b):
        return True
    fa = {f for n, f in NICK if n == a} | {a}
    fb = {f for n, f in NICK if n == b} | {b}
    return bool(fa & fb)


def same_person(a, b):
    x, y = words(a), words(b)
    if x[-1] != y[-1] or not first_agree(x[0], y[0]):
        return False
    # the middle parts: as many, each agreeing; a middle written in one
    # name only ("George Bush", "George W. Bush") needs a dictionary
    if len(x) != len(y):
        return False
    return all(first_agree(p, q) for p, q in zip(x[1:-1], y[1:-1]))


# Each dictionary phrase as written, title and all ("president george
# bush"), to the canonical names of the people whose records list it: a
# dated phrase belongs to several ("President George Bush": the father in
# 1990, the son in 2003).
PHRASES = {}


def full_key(name):
    return ' '.join(x.replace('.', '').lower()
                    for x in name.replace(',', ' ').split())


def dictionary_joins(p, q, canon):
    """Does a dictionary make the names p and q one person: both the
    phrases (or canonical names) of one entry?"""
    def people(n):
        s = set(PHRASES.get(full_key(n), ()))
        c = canon.get(' '.join(words(n)))
        if c:
            s.add(c)
        return s
    return bool(people(p) & people(q))


def petrarch_people(path, canon):
    """The phrases of each record of a TABARI/PETRARCH .actors file (its
    first phrase and '+' synonyms, as extract/lexicon/petrarch.c reads
    them) are one actor, named as the gazetteer names one of them, else by
    the record's first phrase."""
    records = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for line in f:
            text = line.split('#')[0].split(';')[0]
            if not text.strip():
                continue
            if text[0] in ' \t' and text.strip().startswith('['):
                continue
            phrase = text.split('[')[0].strip().lstrip('+')
            phrase = ' '.join(phrase.replace('_', ' ').split())
            if not phrase:
                continue
            if text[0] not in '+ \t' or not records:
                records.append(([], []))
            records[-1][0].append(' '.join(words(phrase)))
            records[-1][1].append(full_key(phrase))
    for rec, full in records:
        name = next((canon[k] for k in rec if k in canon), rec[0])
        for k in rec:
            canon.setdefault(k, name)
        for f in full:
            PHRASES.setdefault(f, set()).add(name)


def dictionary_people(files):
    """Canonical name of each person phrase of the gazetteer files (and of
    the built-in Phoenix .actors files of extract/petrarch/, and --dict
    files of that format): phrases of one canonical name are one person."""
    canon = {}
    for path in files:
        if path.endswith('.actors.txt') or path.endswith('.actors'):
            petrarch_people(path, canon)
            continue
        with open(path, encoding='utf-8') as f:
            for line in f:
                if line.startswith('#') or not line.strip():
                    continue
                cols = line.rstrip('\n').split('\t')
                if len(cols) >= 4 and cols[1] == 'person' and cols[3]:
                    canon[' '.join(words(cols[0]))] = cols[3]
                    canon[' '.join(words(cols[3]))] = cols[3]
                    PHRASES.setdefault(full_key(cols[0]), set()).add(cols[3])
    return canon


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--evgraph', default=os.path.join(HERE, '..', 'build',
                                                      'evgraph'))
    ap.add_argument('--dict', action='append', default=[])
    ap.add_argument('--max', type=int, default=0)
    ap.add_argument('articles', nargs='+')
    a = ap.parse_args()
    gaz = [os.path.join(DATA, f) for f in sorted(os.listdir(DATA))
           if f.startswith('gazetteer_') and f.endswith('.tsv')]
    phoenix = os.path.join(HERE, '..', 'extract', 'petrarch')
    gaz += [os.path.join(phoenix, f) for f in sorted(os.listdir(phoenix))
            if f.endswith('.actors.txt')] if os.path.isdir(phoenix) else []
    canon = dictionary_people(gaz + a.dict)
    dict_args = [x for d in a.dict for x in ('--dict', d)]
    try:
        ext = subprocess.run([a.evgraph, 'extract', '-q'] + dict_args +
                             a.articles, capture_output=True, check=True)
        gr = subprocess.run([a.evgraph, 'graph', '-q', '-f', 'csv-nodes'],
                            input=ext.stdout, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        print('check_person_merges: evgraph failed: %s' % e, file=sys.stderr)
        return 2
    bad = people = 0
    for row in csv.DictReader(io.StringIO(gr.stdout.decode('utf-8'))):
        if row['type'] != 'actor' or row['kind'] != 'person':
            continue
        people += 1
        names = [row['name']] + [x for x in row['aliases'].split('; ') if x]
        full = [n for n in names if len(words(n)) >= 2 and is_name(n)]
        clash = None
        for i, p in enumerate(full):
            for q in full[i + 1:]:
                if same_person(p, q):
                    continue
                if dictionary_joins(p, q, canon):
                    continue
                clash = (p, q)
                break
            if clash:
                break
        if clash:
            bad += 1
            print('merged two people: %s (%s / %s)' % (row['name'], *clash))
    print('person actors: %d; holding two different full names: %d'
          % (people, bad))
    return 0 if bad <= a.max else 1


if __name__ == '__main__':
    sys.exit(main())
