#!/usr/bin/python3
"""Generates a deterministic corpus of news articles for the benchmarks and
the distributed-run tests, from the team's templates in bench/corpus/
(actors.tsv, templates.tsv, filler.txt), with the events and actors each
article states written to a truth file.

Articles come in several shapes: wire stories with a Reuters-style dateline,
Sputnik-style "date YYYY-MM-DD CITY (Agency) -" first lines, briefs whose
first line is only a date, bulleted round-ups, and long analyses with more
background than events; some carry boilerplate (READ MORE, copyright).

usage: gen_corpus.py --mb MB --out DIR [--format jsonl|txt] [--shards K]
                     [--seed N] [--docs N]
  jsonl: DIR/corpus.jsonl, or DIR/shard-00.jsonl ... with --shards K
         (blocks of 10 articles dealt in turn, so shards are near equal);
  txt:   DIR/NNN/NNNNNN.txt, a thousand files a folder.
  DIR/truth.jsonl lists each article's id, date and stated events.
"""
import argparse
import datetime
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CITIES = ["BEIJING", "WASHINGTON", "MOSCOW", "TOKYO", "BERLIN", "PARIS",
          "NEW DELHI", "LONDON", "SEOUL", "ANKARA", "BRASILIA", "NAIROBI"]
AGENCIES = ["Reuters", "AP", "AFP", "Sputnik", "Xinhua", "Kyodo"]
CAPITALS = ["Geneva", "Vienna", "Brussels", "Singapore", "Doha", "Oslo"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
        "Sunday"]


def read_table(name):
    rows = []
    with open(os.path.join(HERE, "corpus", name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                rows.append(line.split("\t"))
    return rows


def cap(s):
    return s[0].upper() + s[1:]


class Generator:
    def __init__(self, seed):
        self.rnd = random.Random(seed)
        self.actors = read_table("actors.tsv")
        self.templates = read_table("templates.tsv")
        self.filler = [r[0] for r in read_table("filler.txt")]
        self.n = 0

    def when(self, dct):
        """A date phrase for an event before the article's date, and the
        day it names (None when the phrase leaves the date to the DCT)."""
        r = self.rnd.random()
        back = self.rnd.randint(1, 6)
        day = dct - datetime.timedelta(days=back)
        if r < 0.45:
            return "on " + DAYS[day.weekday()], day
        if r < 0.8:
            day = dct - datetime.timedelta(days=self.rnd.randint(1, 40))
            return "on %s %d" % (MONTHS[day.month - 1], day.day), day
        if r < 0.9:
            return "last week", None
        return "", None

    def event(self, dct):
        code, tpl = self.rnd.choice(self.templates)
        a, b = self.rnd.sample(self.actors, 2)
        phrase, day = self.when(dct)
        s = tpl.replace("{A}", a[0]).replace("{B}", b[0])
        s = s.replace("{CITY}", self.rnd.choice(CAPITALS))
        s = s.replace(" {WHEN}", " " + phrase if phrase else "")
        s = cap(s)
        return s, {"cameo": code, "source": a[1], "target": b[1],
                   "date": day.isoformat() if day else None}

    def paragraphs(self, dct, n_par, per_par, events, filler_share):
        pars = []
        for _ in range(n_par):
            sents = []
            for _ in range(self.rnd.randint(1, per_par)):
                if self.rnd.random() < filler_share:
                    sents.append(self.rnd.choice(self.filler))
                else:
                    s, ev = self.event(dct)
                    sents.append(s)
                    events.append(ev)
            pars.append(" ".join(sents))
        return pars

    def article(self):
        self.n += 1
        rnd = self.rnd
        dct = datetime.date(2015, 1, 1) + datetime.timedelta(
            days=rnd.randint(0, 3650))
        city = rnd.choice(CITIES)
        agency = rnd.choice(AGENCIES)
        shape = rnd.choice(["wire", "wire", "sputnik", "brief", "bullets",
                            "analysis"])
        events = []
        title = None
        if shape == "wire":
            head = "%s, %s %d, %d (%s) - " % (city, MONTHS[dct.month - 1],
                                             dct.day, dct.year, agency)
            pars = self.paragraphs(dct, rnd.randint(3, 7), 3, events, 0.35)
            text = head + "\n\n".join(pars)
        elif shape == "sputnik":
            head = "date %s %s (%s) - " % (dct.isoformat(), city, agency)
            pars = self.paragraphs(dct, rnd.randint(3, 6), 3, events, 0.4)
            pars.insert(min(2, len(pars)), "READ MORE: %s" %
                        rnd.choice(self.filler).rstrip("."))
            text = head + "\n\n".join(pars)
            text += "\n\n\u00a9 %d %s" % (dct.year, agency)
        elif shape == "brief":
            pars = self.paragraphs(dct, 1, 4, events, 0.2)
            text = "%s\n\n%s" % (dct.isoformat(), pars[0])
        elif shape == "bullets":
            head = "%s (%s) \u2014 Key developments %s:" % (
                city, agency, "on " + DAYS[dct.weekday()])
            items = []
            for _ in range(rnd.randint(3, 8)):
                s, ev = self.event(dct)
                items.append("- " + s)
                events.append(ev)
            text = "%s %s, %d\n\n%s\n\n%s" % (
                MONTHS[dct.month - 1], dct.day, dct.year, head,
                "\n".join(items))
        else:
            title = "Analysis: %s" % rnd.choice(self.filler).rstrip(".")
            head = "%s, %s %d, %d (%s) - " % (city, MONTHS[dct.month - 1],
                                             dct.day, dct.year, agency)
            pars = self.paragraphs(dct, rnd.randint(6, 12), 4, events, 0.7)
            text = head + "\n\n".join(pars)
        doc_id = "gen-%07d" % self.n
        return {"id": doc_id, "date": dct.isoformat(), "title": title,
                "source": agency, "text": text + "\n"}, events


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=10)
    ap.add_argument("--docs", type=int, default=0,
                    help="number of articles (overrides --mb)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--format", choices=["jsonl", "txt"], default="jsonl")
    ap.add_argument("--shards", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    gen = Generator(args.seed)
    limit = args.mb * 1e6
    shards = []
    if args.format == "jsonl":
        names = (["shard-%02d.jsonl" % i for i in range(args.shards)]
                 if args.shards > 0 else ["corpus.jsonl"])
        shards = [open(os.path.join(args.out, n), "w", encoding="utf-8")
                  for n in names]
    truth = open(os.path.join(args.out, "truth.jsonl"), "w", encoding="utf-8")
    size = 0
    n = 0
    n_events = 0
    while (n < args.docs) if args.docs else (size < limit):
        rec, events = gen.article()
        n_events += len(events)
        if args.format == "jsonl":
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            # blocks of 10 articles per shard, dealt in turn
            shards[(n // 10) % len(shards)].write(line)
            size += len(line.encode("utf-8"))
        else:
            folder = os.path.join(args.out, "%03d" % (n // 1000))
            if n % 1000 == 0:
                os.makedirs(folder, exist_ok=True)
            body = rec["text"]
            with open(os.path.join(folder, rec["id"] + ".txt"), "w",
                      encoding="utf-8") as f:
                f.write(body)
            size += len(body.encode("utf-8"))
        truth.write(json.dumps({"id": rec["id"], "date": rec["date"],
                                "events": events}) + "\n")
        n += 1
    for f in shards:
        f.close()
    truth.close()
    print("gen_corpus: %d articles, %.1f MB, %d stated events -> %s"
          % (n, size / 1e6, n_events, args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
