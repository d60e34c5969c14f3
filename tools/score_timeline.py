#!/usr/bin/env python3
"""Scores evgraph on SemEval-2015 Task 4 "TimeLine: cross-document event
ordering" (track A: timelines from raw text).

For each corpus (the trial set and corpus_1 of the evaluation data) the
scorer runs `evgraph extract` once on all its TimeML documents, builds per
target entity a system timeline from evgraph's events, and compares it with
the gold timeline (`order<TAB>date<TAB>docid-sentence-word...` lines):

* an event is on an entity's timeline when one of its participants
  matches the entity's name (see entity_matches): an actor that is its
  agent, patient or recipient (`args`), or one of its CAMEO source and
  target actors that no participant's phrase holds (see participants);
* each event trigger (and each further mention of the event) becomes a
  mention id `docid-sentence-word`, the sentence being the TimeML <s id>
  and the word the token under the trigger's byte offsets; a trigger that
  overlaps the word(s) of a gold mention of the same sentence takes that
  gold id (relaxed match, as TempEval's overlapping spans);
* events are dated and ordered by evgraph's normalized time (the calendar
  bounds of `time`; XXXX-XX-XX and position 0 when unknown, as in the gold);
* hypothetical and negated events are left out, as evgraph's drawn
  timelines leave them out (--show-uncertain keeps them).

Figures:
* temporal awareness (UzZaman & Allen 2011), the official measure: each
  timeline becomes TimeML-style relations (same position SIMULTANEOUS,
  earlier position BEFORE, an event IS_INCLUDED in its date), the calendar
  order of the dates is background knowledge, and
  P = |Sys- entailed by Ref+| / |Sys-|, R = |Ref- entailed by Sys+| / |Ref-|
  with G- the reduced (non-redundant) relations and G+ the closure
  (convex point algebra: complete for these relations);
* event mentions: precision, recall, F1 of mention ids;
* date accuracy: matched mentions whose date equals the gold date.
Counts are summed over timelines (micro average) per corpus and overall.

Usage: score_timeline.py [--evgraph BIN] [--data DIR] [--json] [--details]
                         [--min-f1 X] [--write-timelines DIR]
                         [--show-uncertain]
       score_timeline.py --compare GOLD.txt SYSTEM.txt
Exit status 0, 1 when the overall temporal-awareness F1 is below --min-f1,
2 on usage or input errors. Standard library only.
"""
import argparse
import datetime
import json
import os
import re
import subprocess
import sys

TAG_RE = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTR_RE = re.compile(r'([A-Za-z_:]+)\s*=\s*"([^"]*)"')
WORD_RE = re.compile(r"[0-9a-z]+")
STOP = {"the", "of", "a", "an", "and", "for", "s"}

CORPORA = [
    # name, TimeML folder, gold timelines folder, target entity list
    ("trial", "Corpus-trial-data_task4_TimeML",
     "TimeLines_trial_data_task4_v1.2", None),
    ("corpus_1", "SemEval_Task4_data/corpus_1/corpus_trackA_TimeML",
     "SemEval_Task4_data/corpus_1/TimeLines_Gold_Standard",
     "SemEval_Task4_data/corpus_1/list_target_entities_corpus_1.txt"),
]


class InputError(Exception):
    pass


# ---- dates ----

def norm_date(value):
    """A timeline date as YYYY-MM-DD with X for unknown parts; gold files
    also write 2008 and 2008-06."""
    v = value.strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d\d|XX))?(?:-(\d\d|XX))?", v)
    if not m:
        return "XXXX-XX-XX"
    return "%s-%s-%s" % (m.group(1), m.group(2) or "XX", m.group(3) or "XX")


def date_interval(date):
    """(first day ordinal, last day ordinal + 1) of a normalized date, or
    None when the year is unknown or the date impossible."""
    y, mo, d = date.split("-")
    if not y.isdigit():
        return None
    try:
        if not mo.isdigit():
            return (datetime.date(int(y), 1, 1).toordinal(),
                    datetime.date(int(y) + 1, 1, 1).toordinal())
        first = datetime.date(int(y), int(mo), 1)
        if not d.isdigit():
            nxt = datetime.date(int(y) + (mo == "12"),
                                1 if mo == "12" else int(mo) + 1, 1)
            return first.toordinal(), nxt.toordinal()
        day = datetime.date(int(y), int(mo), int(d)).toordinal()
        return day, day + 1
    except ValueError:
        return None


def system_date(time):
    """The timeline date of an evgraph event time: the most precise
    calendar unit (day, month, year) that holds both bounds."""
    if not time or not time.get("start") or not time.get("end"):
        return "XXXX-XX-XX"
    s, e = time["start"], time["end"]
    if len(s) < 10 or len(e) < 10:
        return "XXXX-XX-XX"
    if s[:10] == e[:10]:
        return s[:10]
    if s[:7] == e[:7]:
        return s[:7] + "-XX"
    if s[:4] == e[:4]:
        return s[:4] + "-XX-XX"
    return "XXXX-XX-XX"


# ---- timelines ----

def read_timeline(path):
    """Returns (entity name from the first line, [(position, date, [ids])])."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    if not lines:
        raise InputError("%s: empty timeline" % path)
    rows = []
    for n, line in enumerate(lines[1:], 2):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("\t") if p.strip()]
        if len(parts) < 3 or not parts[0].isdigit():
            raise InputError("%s:%d: expected order<TAB>date<TAB>mention..."
                             % (path, n))
        rows.append((int(parts[0]), norm_date(parts[1]), parts[2:]))
    return lines[0].strip(), rows


def format_timeline(name, rows):
    out = [name]
    for pos, date, ids in rows:
        out.append("\t".join([str(pos), date] + ids))
    return "\n".join(out) + "\n"


# ---- temporal awareness ----

class PointGraph:
    """Conjunctions of point constraints p < q and p <= q (p = q is two
    <=). For this convex point algebra, path search decides entailment:
    p < q holds iff a path from p to q has a strict edge."""

    def __init__(self):
        self.edges = {}

    def add(self, p, q, strict):
        self.edges.setdefault(p, {})
        self.edges.setdefault(q, {})
        self.edges[p][q] = self.edges[p].get(q, False) or strict

    def remove(self, p, q):
        del self.edges[p][q]

    def reach(self, p):
        """{point: True if reachable through a strict edge}"""
        best = {p: False}
        todo = [(p, False)]
        while todo:
            u, s = todo.pop()
            for v, st in self.edges.get(u, {}).items():
                ns = s or st
                if v not in best or (ns and not best[v]):
                    best[v] = ns
                    todo.append((v, ns))
        return best


def constraints(rel):
    """Point constraints (p, q, strict) of a relation (kind, a, b); the
    points of x are (x, 's') and (x, 'e')."""
    kind, a, b = rel
    if kind == "BEFORE":
        return [((a, "e"), (b, "s"), True)]
    if kind == "SIMULTANEOUS":
        return [((a, "s"), (b, "s"), False), ((b, "s"), (a, "s"), False),
                ((a, "e"), (b, "e"), False), ((b, "e"), (a, "e"), False)]
    if kind == "IS_INCLUDED":
        return [((b, "s"), (a, "s"), True), ((a, "e"), (b, "e"), True)]
    raise ValueError(kind)


def timeline_relations(rows):
    """Relations of a timeline, sparse (a chain per position, one BEFORE
    between consecutive positions, one anchor per dated mention), plus the
    nodes it mentions and its dates."""
    by_pos = {}
    for pos, date, ids in rows:
        by_pos.setdefault(pos, []).append((date, ids))
    rels = []
    nodes = []
    dates = set()
    prev_last = None
    for pos in sorted(by_pos):
        members = []
        for date, ids in by_pos[pos]:
            for i in ids:
                if i in nodes:
                    continue  # a mention listed twice keeps its first place
                nodes.append(i)
                members.append(i)
                if date_interval(date):
                    dates.add(date)
                    rels.append(("IS_INCLUDED", i, "T:" + date))
        for a, b in zip(members, members[1:]):
            rels.append(("SIMULTANEOUS", a, b))
        if members:
            if prev_last is not None:
                rels.append(("BEFORE", prev_last, members[0]))
            prev_last = members[-1]
    return rels, nodes, dates


def graph_of(rels, nodes, dates):
    """The point graph of relations over events `nodes` and the calendar
    (background): each date's bounds are calendar points in day order."""
    g = PointGraph()
    for n in nodes:
        g.add((n, "s"), (n, "e"), True)
    days = set()
    for d in dates:
        lo, hi = date_interval(d)
        days.update((lo, hi))
        g.add((("T:" + d), "s"), ("D", lo), False)
        g.add(("D", lo), (("T:" + d), "s"), False)
        g.add((("T:" + d), "e"), ("D", hi), False)
        g.add(("D", hi), (("T:" + d), "e"), False)
    days = sorted(days)
    for a, b in zip(days, days[1:]):
        g.add(("D", a), ("D", b), True)
    for r in rels:
        for p, q, st in constraints(r):
            g.add(p, q, st)
    return g


def entailed(g, rel, cache):
    for p, q, st in constraints(rel):
        if p not in g.edges or q not in g.edges:
            return False
        if p not in cache:
            cache[p] = g.reach(p)
        r = cache[p]
        if q not in r or (st and not r[q]):
            return False
    return True


def reduce_relations(rels, nodes, dates):
    """The reduced graph: drops each relation the others (and the
    calendar) entail."""
    keep = list(rels)
    # from the last relation back, so that a position's first mention
    # keeps the date anchor and anchors win over the orderings they imply
    for i in range(len(keep) - 1, -1, -1):
        others = keep[:i] + keep[i + 1:]
        if entailed(graph_of(others, nodes, dates), keep[i], {}):
            keep = others
    return keep


def temporal_awareness(gold_rows, sys_rows):
    """(entailed system relations, system relations, entailed gold
    relations, gold relations) of one timeline pair."""
    g_rels, g_nodes, g_dates = timeline_relations(gold_rows)
    s_rels, s_nodes, s_dates = timeline_relations(sys_rows)
    dates = g_dates | s_dates  # the calendar is known to both sides
    g_red = reduce_relations(g_rels, g_nodes, dates)
    s_red = reduce_relations(s_rels, s_nodes, dates)
    g_full = graph_of(g_rels, g_nodes, dates)
    s_full = graph_of(s_rels, s_nodes, dates)
    gc, sc = {}, {}
    p_num = sum(1 for r in s_red if entailed(g_full, r, gc))
    r_num = sum(1 for r in g_red if entailed(s_full, r, sc))
    return p_num, len(s_red), r_num, len(g_red)


# ---- TimeML documents ----

ENTITY_RE = re.compile(r"&(amp|lt|gt|quot|apos|#[0-9]+|#[xX][0-9a-fA-F]+);")
NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


def unescape(s):
    """The entities evgraph's TimeML reader replaces (XML's five and
    numeric references); others stay as written."""
    def one(m):
        e = m.group(1)
        if e in NAMED:
            return NAMED[e]
        try:
            cp = int(e[2:], 16) if e[1] in "xX" else int(e[1:])
        except ValueError:
            return m.group(0)
        if cp <= 0 or cp > 0x10FFFF or 0xD800 <= cp <= 0xDFFF:
            return m.group(0)
        return chr(cp)
    return ENTITY_RE.sub(one, s)


def parse_tml(path):
    """Returns (docid, text as evgraph reads it, tokens) where tokens are
    (sentence id, word, char start, char end) of the <s> elements."""
    with open(path, encoding="utf-8") as f:
        raw = f.read()
    m = re.search(r"<DOCID>\s*([^<]*?)\s*</DOCID>", raw)
    if m:
        docid = m.group(1)
    else:  # the gold ids use the number the file name starts with
        m = re.match(r"\d+", os.path.basename(path))
        docid = m.group(0) if m else os.path.basename(path)
    start = raw.find("<TEXT>")
    end = raw.find("</TEXT>", start)
    if start < 0 or end < 0:
        raise InputError("%s: no <TEXT> element" % path)
    body = raw[start + len("<TEXT>"):end]
    out = []
    length = 0
    sent = None
    spans = []  # (sentence id, char start, char end)
    pos = 0
    for m in TAG_RE.finditer(body):
        chunk = unescape(body[pos:m.start()])
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "s":
            continue
        if m.group(1) == "":
            sent = (dict(ATTR_RE.findall(m.group(3))).get("id"), length)
        else:
            if sent is not None:
                spans.append((sent[0], sent[1], length))
            sent = None
            # evgraph's reader ends each sentence element with a
            # paragraph break (a blank line) unless </TEXT> follows
            if m.end() < len(body):
                out.append("\n\n")
                length += 2
    out.append(unescape(body[pos:]))
    text = "".join(out)
    tokens = []
    for sid, s, e in spans:
        for w in re.finditer(r"\S+", text[s:e]):
            tokens.append((sid, w.group(0), s + w.start(), s + w.end()))
    return docid, text, tokens


def byte_to_char(text):
    m = []
    for i, ch in enumerate(text):
        m.extend([i] * len(ch.encode("utf-8")))
    m.append(len(text))
    return m


def locate(text, b2c, start, end, want):
    """Char span of a system span given in bytes; re-aligns on the span's
    text when the reader's text and ours differ by a few characters."""
    if start < 0 or end > len(b2c) - 1 or start > end:
        return None
    s, e = b2c[start], b2c[end]
    if not want or text[s:e] == want:
        return s, e
    for d in range(1, 64):
        for c in (s - d, s + d):
            if 0 <= c and text[c:c + len(want)] == want:
                return c, c + len(want)
    return None


# ---- entities ----

def words(s):
    """Content words, lower case, a plural s dropped (`Dreamliners`,
    `A380s` name the Dreamliner, the A380). Which mentions are one actor
    (`the Airbus 380`, `the A380` after `the Airbus A380`) is evgraph's
    work: its entity's name and aliases say it."""
    out = []
    for w in WORD_RE.findall(s.lower().replace("\u2019", "'")):
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w not in STOP:
            out.append(w)
    return out


def initials(ws):
    return "".join(w[0] for w in ws)


def entity_matches(surface, target_words, all_targets):
    """True when an actor's surface form names the target entity:
    the target's words all occur in it (`Airbus A380 superjumbo`); or it
    is the target's acronym (`USAF`); or its words are a part of the
    target's name that includes the name's last word (`Gallois`,
    `Air Force`, `Dreamliner`) and, when it is a single word, is the last
    word of no other target (`Airlines` names no single airline); or its
    words are a part of the name that holds the name's model numbers
    (`Boeing 787`, `787` name the Boeing 787 Dreamliner). A form with a
    model number names no target without one (`Airbus A320` is a plane,
    not Airbus)."""
    sw = words(surface)
    if not sw or not target_words:
        return False
    numbers = [w for w in target_words if any(c.isdigit() for c in w)]
    # a model named after its maker is not the maker (`Airbus A320`
    # names no Airbus; `Airbus A380 superjumbo` names the Airbus A380)
    if not numbers and any(any(c.isdigit() for c in w) for w in sw):
        return False
    if set(target_words) <= set(sw):
        return True
    if len(sw) == 1 and len(target_words) > 1 and \
            sw[0] == initials(target_words):
        return True
    # a model number names the model whatever else is left out
    # (`Boeing 787`, `787` name the Boeing 787 Dreamliner)
    if numbers and set(numbers) <= set(sw) <= set(target_words):
        return True
    if set(sw) <= set(target_words) and target_words[-1] in sw:
        if len(sw) > 1:
            return True
        others = [t for t in all_targets
                  if t != target_words and t and t[-1] == sw[0]]
        return not others
    return False


def best_targets(surfaces, targets):
    """The targets an actor names: the matching ones with the most words
    in common with one of its surface forms (`Boeing 777` names the
    Boeing 777, not Boeing)."""
    all_t = [t for _, t in targets]
    hits = {}
    for name, tw in targets:
        score = 0
        for s in surfaces:
            if entity_matches(s, tw, all_t):
                score = max(score, len(set(words(s)) & set(tw)) or 1)
        if score:
            hits[name] = score
    if not hits:
        return set()
    top = max(hits.values())
    return {n for n, v in hits.items() if v == top}


# ---- evgraph ----

def run_evgraph(evgraph, files):
    cmd = [evgraph, "extract", "-q"] + files
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         check=False)
    if res.returncode != 0:
        raise InputError("evgraph failed (exit %d): %s" % (
            res.returncode, res.stderr.decode(errors="replace")[:500]))
    docs = {}
    for line in res.stdout.decode("utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs[os.path.realpath(d["document"]["path"])] = d
    return docs


def mention_id(docid, tokens, span, gold_ids):
    """docid-sentence-word of the token(s) under a char span: the gold id
    of the same sentence whose word(s) the span overlaps, else the first
    overlapped token's word."""
    s, e = span
    hit = [t for t in tokens if t[2] < e and s < t[3]]
    if not hit:
        return None
    sid = hit[0][0]
    hit = [t for t in hit if t[0] == sid]
    hit_words = {t[1] for t in hit}
    prefix = "%s-%s-" % (docid, sid)
    for g in sorted(gold_ids):
        if g.startswith(prefix) and \
                set(g[len(prefix):].split("_")) & hit_words:
            return g
    return prefix + hit[0][1]


# What a drawn timeline leaves out (docs/render.md): events that did not
# happen or may not happen. The SemEval timelines hold events that
# happened or will, so the system's do not carry these either.
UNDRAWN = ("hypothetical", "negated")


def participants(ev, mentions):
    """The entity ids an event is about: its participants by role from the
    parse (args: agent, patient, recipient), and the actors of CAMEO's
    view (source, target) that no participant's phrase holds. The parse
    says who a phrase is about ("buys twelve Airbus jets": the jets, not
    Airbus); CAMEO's view codes the actor behind a thing ("rejected a
    U.S. request": the United States), which is no participant of it."""
    out = set()
    spans = []
    for a in ev.get("args") or []:
        if "start" in a:
            spans.append((a["start"], a["end"], a.get("entity")))
        if a.get("entity") and a.get("role") in ("agent", "patient",
                                                   "recipient"):
            out.add(a["entity"])
    for eid in list(ev.get("source") or []) + list(ev.get("target") or []):
        if eid in out:
            continue
        inside = any(s <= ms and me <= e and ae != eid
                     for s, e, ae in spans for ms, me in mentions.get(eid, []))
        if not inside:
            out.add(eid)
    return out


def system_timelines(docs, tml, targets, gold_ids, uncertain=False):
    """{target name: rows} from the events of every document; hypothetical
    and negated events only with `uncertain`."""
    events = {name: [] for name, _ in targets}
    for path in sorted(tml):
        docid, text, tokens = tml[path]
        d = docs.get(path)
        if d is None:
            continue
        b2c = byte_to_char(text)
        mentions = {ent["id"]: [(m["start"], m["end"])
                                for m in ent.get("mentions") or []]
                    for ent in d["entities"]}
        ents = {}
        for ent in d["entities"]:
            # an actor names a target by its names: its canonical name
            # and, but for a person (whose other forms often carry the
            # employer: "Airbus spokesman ..."), its aliases. Which
            # descriptions and pronouns are the actor ("the Air Force")
            # is the extractor's work: its mention texts are not read.
            surf = [ent["name"]]
            if ent.get("kind") != "person":
                surf += list(ent.get("aliases") or [])
            ents[ent["id"]] = best_targets(surf, targets)
        for ev in d["events"]:
            if not uncertain and ev.get("modality") in UNDRAWN:
                continue
            names = set()
            for eid in participants(ev, mentions):
                names |= ents.get(eid, set())
            if not names:
                continue
            ids = []
            for m in [ev["trigger"]] + list(ev.get("mentions") or []):
                span = locate(text, b2c, m["start"], m["end"], m.get("text"))
                if span is None:
                    continue
                mid = mention_id(docid, tokens, span, gold_ids)
                if mid and mid not in ids:
                    ids.append(mid)
            if not ids:
                continue
            date = system_date(ev.get("time"))
            for n in names:
                events[n].append((date, ids))
    timelines = {}
    for name, evs in events.items():
        # order: unknown dates first (position 0, as in the gold), then by
        # the date's first day, the coarser date first on a tie
        def key(date):
            iv = date_interval(date)
            return (0, 0, 0) if iv is None else (1, iv[0], -iv[1])
        order = sorted({date for date, _ in evs}, key=key)
        pos = {}
        n = 0
        for date in order:
            if date_interval(date) is None:
                pos[date] = 0
            else:
                n += 1
                pos[date] = n
        rows = [(pos[date], date, ids) for date, ids in evs]
        rows.sort(key=lambda r: (r[0], r[2][0]))
        seen = set()
        uniq = []
        for p, date, ids in rows:
            ids = [i for i in ids if i not in seen]
            seen.update(ids)
            if ids:
                uniq.append((p, date, ids))
        timelines[name] = uniq
    return timelines


# ---- scoring ----

def mention_dates(rows):
    out = {}
    for _, date, ids in rows:
        for i in ids:
            out.setdefault(i, date)
    return out


def score_pair(gold_rows, sys_rows):
    g = mention_dates(gold_rows)
    s = mention_dates(sys_rows)
    matched = set(g) & set(s)
    p_num, p_den, r_num, r_den = temporal_awareness(gold_rows, sys_rows)
    # subtrack measure: the order alone, without the dates
    undated = [[(pos, "XXXX-XX-XX", ids) for pos, _, ids in rows]
               for rows in (gold_rows, sys_rows)]
    op_num, op_den, or_num, or_den = temporal_awareness(*undated)
    return {
        "gold_mentions": len(g), "system_mentions": len(s),
        "matched_mentions": len(matched),
        "dates_right": sum(1 for i in matched if g[i] == s[i]),
        "ta_p_num": p_num, "ta_p_den": p_den,
        "ta_r_num": r_num, "ta_r_den": r_den,
        "order_p_num": op_num, "order_p_den": op_den,
        "order_r_num": or_num, "order_r_den": or_den,
    }


def ratio(a, b):
    return a / b if b else 0.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def summarize(counts):
    tot = {}
    for c in counts:
        for k, v in c.items():
            tot[k] = tot.get(k, 0) + v
    for k in ("gold_mentions", "system_mentions", "matched_mentions",
              "dates_right", "ta_p_num", "ta_p_den", "ta_r_num", "ta_r_den",
              "order_p_num", "order_p_den", "order_r_num", "order_r_den"):
        tot.setdefault(k, 0)
    mp = ratio(tot["matched_mentions"], tot["system_mentions"])
    mr = ratio(tot["matched_mentions"], tot["gold_mentions"])
    tp = ratio(tot["ta_p_num"], tot["ta_p_den"])
    tr = ratio(tot["ta_r_num"], tot["ta_r_den"])
    op = ratio(tot["order_p_num"], tot["order_p_den"])
    orr = ratio(tot["order_r_num"], tot["order_r_den"])
    tot.update({
        "timelines": len(counts),
        "mention_precision": mp, "mention_recall": mr,
        "mention_f1": f1(mp, mr),
        "date_accuracy": ratio(tot["dates_right"], tot["matched_mentions"]),
        "ta_precision": tp, "ta_recall": tr, "ta_f1": f1(tp, tr),
        "order_precision": op, "order_recall": orr, "order_f1": f1(op, orr),
    })
    return tot


def format_summary(label, s):
    rows = [
        ("temporal awareness", s["ta_precision"], s["ta_p_num"],
         s["ta_p_den"], s["ta_recall"], s["ta_r_num"], s["ta_r_den"],
         s["ta_f1"]),
        ("order only (no dates)", s["order_precision"], s["order_p_num"],
         s["order_p_den"], s["order_recall"], s["order_r_num"],
         s["order_r_den"], s["order_f1"]),
        ("event mentions", s["mention_precision"], s["matched_mentions"],
         s["system_mentions"], s["mention_recall"], s["matched_mentions"],
         s["gold_mentions"], s["mention_f1"]),
    ]
    out = ["%s: %d timelines" % (label, s["timelines"])]
    for r in rows:
        out.append("  %-22s P %.4f (%d/%d)  R %.4f (%d/%d)  F1 %.4f" % r)
    out.append("  %-22s %.4f (%d/%d matched mentions)" % (
        "date accuracy", s["date_accuracy"], s["dates_right"],
        s["matched_mentions"]))
    return "\n".join(out)


def corpus_targets(data, gold_dir, list_file):
    """[(name, words, gold file)] for each gold timeline: the name from the
    entity list when one file name fits it, else the file's first line."""
    listed = []
    if list_file and os.path.isfile(os.path.join(data, list_file)):
        with open(os.path.join(data, list_file), encoding="utf-8") as f:
            listed = [ln.strip() for ln in f if ln.strip()]
    out = []
    for fn in sorted(os.listdir(gold_dir)):
        if not fn.endswith(".txt"):
            continue
        path = os.path.join(gold_dir, fn)
        name, _ = read_timeline(path)
        stem = fn[:-4].lower()
        for cand in listed:
            if re.sub(r"\W+", "_", cand.lower()).strip("_") == stem:
                name = cand
        out.append((name, words(name), path))
    return out


def score_corpus(evgraph, data, corpus, details, write_dir,
                 uncertain=False):
    label, tml_dir, gold_dir, list_file = corpus
    tml_dir = os.path.join(data, tml_dir)
    gold_dir = os.path.join(data, gold_dir)
    if not os.path.isdir(tml_dir) or not os.path.isdir(gold_dir):
        raise InputError("%s: missing %s or %s" % (label, tml_dir, gold_dir))
    files = sorted(os.path.realpath(os.path.join(tml_dir, f))
                   for f in os.listdir(tml_dir) if f.endswith(".tml"))
    tml = {p: parse_tml(p) for p in files}
    targets = corpus_targets(data, gold_dir, list_file)
    gold = {name: read_timeline(path)[1] for name, _, path in targets}
    gold_ids = set()
    for rows in gold.values():
        for _, _, ids in rows:
            gold_ids.update(ids)
    docs = run_evgraph(evgraph, files)
    missing = [p for p in files if p not in docs]
    if missing:
        raise InputError("evgraph printed no document for %s" % missing[0])
    system = system_timelines(docs, tml, [(n, w) for n, w, _ in targets],
                              gold_ids, uncertain)
    per = []
    for name, _, path in targets:
        c = score_pair(gold[name], system[name])
        c["entity"] = name
        per.append(c)
        if write_dir:
            os.makedirs(os.path.join(write_dir, label), exist_ok=True)
            with open(os.path.join(write_dir, label, os.path.basename(path)),
                      "w", encoding="utf-8") as f:
                f.write(format_timeline(name, system[name]))
        if details:
            s = summarize([{k: v for k, v in c.items() if k != "entity"}])
            print(format_summary("  %s/%s" % (label, name), s))
    return per


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(
        description="Scores evgraph on SemEval-2015 Task 4 timelines.")
    ap.add_argument("--evgraph", default=os.path.join(repo, "build",
                                                      "evgraph"))
    ap.add_argument("--data", default=os.path.join(
        repo, "..", "shared", "data", "semeval2015-timeline"))
    ap.add_argument("--json", action="store_true",
                    help="print the figures as one JSON object")
    ap.add_argument("--details", action="store_true",
                    help="also print the figures of each timeline")
    ap.add_argument("--min-f1", type=float, default=None,
                    help="exit 1 when the overall temporal-awareness F1 "
                    "is below this")
    ap.add_argument("--write-timelines", metavar="DIR",
                    help="write the system timelines (official format)")
    ap.add_argument("--show-uncertain", action="store_true",
                    help="keep hypothetical and negated events on the "
                    "timelines (left out by default, as evgraph's drawn "
                    "timelines leave them out)")
    ap.add_argument("--compare", nargs=2, metavar=("GOLD", "SYSTEM"),
                    help="score one system timeline file against a gold one")
    args = ap.parse_args(argv)
    try:
        if args.compare:
            _, g = read_timeline(args.compare[0])
            _, s = read_timeline(args.compare[1])
            summ = summarize([score_pair(g, s)])
            summ["timelines"] = 1
            if args.json:
                print(json.dumps(summ, sort_keys=True))
            else:
                print(format_summary("compare", summ))
            return 0
        if not os.path.isdir(args.data):
            raise InputError("no data folder %s" % args.data)
        result = {"corpora": {}, "timelines": []}
        allc = []
        for corpus in CORPORA:
            per = score_corpus(args.evgraph, args.data, corpus,
                               args.details and not args.json,
                               args.write_timelines, args.show_uncertain)
            counts = [{k: v for k, v in c.items() if k != "entity"}
                      for c in per]
            result["corpora"][corpus[0]] = summarize(counts)
            for c in per:
                one = summarize([{k: v for k, v in c.items()
                                  if k != "entity"}])
                one["corpus"] = corpus[0]
                one["entity"] = c["entity"]
                result["timelines"].append(one)
            allc += counts
        result["all"] = summarize(allc)
    except (InputError, OSError, ValueError) as e:
        print("score_timeline.py: %s" % e, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, sort_keys=True))
    else:
        for name, s in result["corpora"].items():
            print(format_summary(name, s))
        print(format_summary("all (micro-average over timelines)",
                             result["all"]))
    if args.min_f1 is not None and result["all"]["ta_f1"] < args.min_f1:
        print("score_timeline.py: temporal-awareness F1 %.4f is below %.4f"
              % (result["all"]["ta_f1"], args.min_f1), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
