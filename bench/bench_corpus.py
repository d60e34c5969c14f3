#!/usr/bin/python3
"""Stage benchmarks on generated corpora: extraction (one thread against
-j 2, memory as the corpus grows), ingest into the event store, a query
rendered to SVG, a 1,000,000-event graph exported to GraphML, and the GNU
parallel and Dask runs against a single process. Prints, for each stage,
MB/s, articles/s, events/s and peak memory (of that process alone), and the
figures the project promises, each marked ok or MISSED.

usage: bench_corpus.py EVGRAPH [--work DIR] [--events N] [--keep]
  --events N   size of the large corpus in stated events (default 1060000,
               which extracts to a little over 1,000,000 events)
  --work DIR   where corpora, stores and outputs go (default: a temporary
               folder, removed at the end unless --keep)
Run by `make bench` (bench/run.sh) with the Release build.
"""
import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(HERE)


def run(cmd, stdout=None, stdin=None, check=True):
    """Runs cmd; returns (seconds, user+sys seconds, peak RSS MB, rc). The
    peak is the child's ru_maxrss, which starts from this script's own size
    at the fork: the script never holds a corpus in memory."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout or subprocess.DEVNULL,
                         stdin=stdin, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if check and p.returncode != 0:
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
        raise SystemExit("bench: %s failed (exit %d)" % (cmd[:3], p.returncode))
    return secs, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0, p.returncode


def lines(path):
    n = 0
    with open(path, "rb") as f:
        for _ in f:
            n += 1
    return n


def count_events(path):
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            n += line.count('"cameo":')  # one per event (entities have "code")
    return n


def load():
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def row(stage, secs, cpu, rss, mb=None, docs=None, events=None):
    parts = ["%-34s %7.2f s wall %7.2f s cpu %7.0f MB peak" % (stage, secs, cpu, rss)]
    if mb is not None:
        parts.append("%7.2f MB/s" % (mb / secs))
    if docs is not None:
        parts.append("%8.0f articles/s" % (docs / secs))
    if events is not None:
        parts.append("%9.0f events/s" % (events / secs))
    print("  ".join(parts), flush=True)


def verdict(ok):
    return "ok" if ok else "MISSED"


def head_lines(src, dst, n):
    with open(src, "rb") as f, open(dst, "wb") as o:
        for i, line in enumerate(f):
            if i >= n:
                break
            o.write(line)


def head_events(src, dst, limit):
    """Copies the first documents of events file src to dst, as many as
    hold at most `limit` events; returns (events, documents)."""
    n = docs = 0
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as o:
        for line in f:
            k = line.count('"cameo":')
            if n + k > limit:
                break
            o.write(line)
            n += k
            docs += 1
    return n, docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("evgraph")
    ap.add_argument("--work")
    ap.add_argument("--events", type=int, default=1060000)
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    evg = os.path.abspath(a.evgraph)
    work = a.work or tempfile.mkdtemp(prefix="evgraph-bench-")
    os.makedirs(work, exist_ok=True)
    W = lambda *p: os.path.join(work, *p)
    figures = []
    print("bench_corpus: %s, %d cores, load average %.1f at start"
          % (evg, os.cpu_count(), load()))

    # ---- the corpus: ~5.4 stated events per article, ~750 bytes each
    docs_big = int(a.events / 5.44)
    secs = time.perf_counter()
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"),
                    "--docs", str(docs_big), "--seed", "7", "--out", W("big")],
                   check=True, stderr=subprocess.DEVNULL)
    big = W("big", "corpus.jsonl")
    mb_big = os.path.getsize(big) / 1e6
    print("corpus: %d articles, %.1f MB generated in %.1f s"
          % (docs_big, mb_big, time.perf_counter() - secs))
    # 10 MB and 100 MB prefixes (articles are ~750 bytes)
    per_doc = os.path.getsize(big) / docs_big
    c10, c100 = W("c10.jsonl"), W("c100.jsonl")
    n10, n100 = int(10e6 / per_doc), int(100e6 / per_doc)
    head_lines(big, c10, n10)
    head_lines(big, c100, min(n100, docs_big))
    mb10, mb100 = os.path.getsize(c10) / 1e6, os.path.getsize(c100) / 1e6

    # ---- extraction
    print("\n== extract (JSON Lines articles -> events JSON Lines)")
    with open(W("e10.j1"), "wb") as o:
        s1, c1, r1, _ = run([evg, "extract", "-q", "-j", "1", c10], stdout=o)
    ev10 = count_events(W("e10.j1"))
    row("extract -j 1, %.0f MB" % mb10, s1, c1, r1, mb10, n10, ev10)
    with open(W("e10.j2"), "wb") as o:
        s2, c2, r2, _ = run([evg, "extract", "-q", "-j", "2", c10], stdout=o)
    row("extract -j 2, %.0f MB" % mb10, s2, c2, r2, mb10, n10, ev10)
    same = filecmp.cmp(W("e10.j1"), W("e10.j2"), shallow=False)
    print("  -j 2 output byte-identical to -j 1: %s" % ("yes" if same else "NO"))
    speed = s1 / s2
    figures.append(("extract -j 2 / -j 1 speed (want >= 1.8x)",
                    "%.2fx (load average %.1f)" % (speed, load()),
                    speed >= 1.8 and same))
    with open(os.devnull, "wb") as o:
        s3, c3, r3, _ = run([evg, "extract", "-q", "-j", "2", c100], stdout=o)
    row("extract -j 2, %.0f MB" % mb100, s3, c3, r3, mb100, n100)
    growth = r3 / r2 - 1
    figures.append(("extract -j 2 peak memory, %.0f MB -> %.0f MB corpus"
                    % (mb10, mb100), "%.1f MB -> %.1f MB (%+.1f%%)"
                    % (r2, r3, 100 * growth), abs(growth) <= 0.10))
    events = W("events.jsonl")
    with open(events, "wb") as o:
        s4, c4, r4, _ = run([evg, "extract", "-q", "-j", "2", big], stdout=o)
    n_events = count_events(events)
    row("extract -j 2, %.0f MB" % mb_big, s4, c4, r4, mb_big, docs_big, n_events)
    print("  %d events extracted (the generator stated %s)" % (
        n_events, "about %d" % a.events))
    # the store and graph stages take the first documents holding
    # --events events (an article now yields events without a CAMEO code
    # too, three times the generator's stated count)
    if n_events > a.events:
        whole = events
        events = W("events_n.jsonl")
        n_events, docs_big = head_events(whole, events, a.events)
        print("  the store and graph stages take the first %d documents: "
              "%d events" % (docs_big, n_events))

    # ---- ingest
    print("\n== ingest (events JSON Lines -> SQLite store)")
    db = W("store.db")
    for p in (db, db + "-wal", db + "-shm"):
        if os.path.exists(p):
            os.unlink(p)
    ev_mb = os.path.getsize(events) / 1e6
    s5, c5, r5, _ = run([evg, "ingest", "-q", "-j", "2", "--db", db, events])
    row("ingest -j 2, %d events" % n_events, s5, c5, r5, ev_mb, docs_big, n_events)
    size = os.path.getsize(db)
    print("  store: %.1f MB, %.0f bytes per event" % (size / 1e6, size / n_events))
    figures.append(("ingest rate (want >= 50,000 events/s)",
                    "%.0f events/s wall, %.0f per CPU second (load average "
                    "%.1f)" % (n_events / s5, n_events / c5, load()),
                    n_events / s5 >= 50000))
    figures.append(("store size per event", "%.0f bytes" % (size / n_events),
                    True))
    s6, c6, r6, _ = run([evg, "ingest", "-q", "--db", db, c10])
    row("re-ingest of %.0f MB (all known)" % mb10, s6, c6, r6, mb10, n10)

    # ---- query: about 1,000 events of one actor out of the store
    print("\n== query (store -> SVG timeline)")
    q = ["--entity", "Huawei", "--from", "2019-05-01", "--to", "2019-10-31"]
    with open(W("q.csv"), "wb") as o:
        run([evg, "query", "--db", db] + q + ["-f", "csv"], stdout=o)
    n_q = lines(W("q.csv")) - 1
    best = None
    for _ in range(3):
        r = run([evg, "query", "--db", db] + q + ["-f", "svg", "-o", W("q.svg")])
        best = r if best is None or r[0] < best[0] else best
    row("query %d events -> SVG (best of 3)" % n_q, best[0], best[1], best[2],
        None, None, n_q)
    figures.append(("query of %d events from %d, to SVG (want < 1 s)"
                    % (n_q, n_events), "%.2f s" % best[0], best[0] < 1.0))

    # ---- graph of everything
    print("\n== graph (events JSON Lines -> GraphML)")
    s7, c7, r7, _ = run([evg, "graph", "-q", "-f", "graphml", "-o",
                         W("big.graphml"), events])
    row("graph -f graphml, %d events" % n_events, s7, c7, r7, ev_mb, docs_big,
        n_events)
    figures.append(("%d-event graph to GraphML (want < 30 s)" % n_events,
                    "%.1f s, %.0f MB peak" % (s7, r7), s7 < 30))
    os.unlink(W("big.graphml"))

    # ---- across machines, here on the loopback address
    print("\n== GNU parallel and Dask (4 shards of %.0f MB)" % mb10)
    subprocess.run([sys.executable, os.path.join(HERE, "gen_corpus.py"),
                    "--docs", str(n10), "--seed", "7", "--shards", "4",
                    "--out", W("shards")], check=True, stderr=subprocess.DEVNULL)
    shards = sorted(W("shards", f) for f in os.listdir(W("shards"))
                    if f.startswith("shard-"))
    with open(W("single.jsonl"), "wb") as o:
        s8, c8, r8, _ = run([evg, "extract", "-q", "-j", "1"] + shards, stdout=o)
    row("single process", s8, c8, r8, mb10, n10)
    if shutil.which("parallel"):
        s9, c9, r9, _ = run([os.path.join(SRC, "scripts", "parallel-extract.sh"),
                             "-j", "2", "-e", evg, "-o", W("par.jsonl")] + shards)
        row("GNU parallel -j 2", s9, c9, r9, mb10, n10)
        same = filecmp.cmp(W("par.jsonl"), W("single.jsonl"), shallow=False)
        figures.append(("GNU parallel merged output = single process",
                        "byte-identical" if same else "DIFFERS", same))
    else:
        figures.append(("GNU parallel", "not installed", False))
    try:
        import dask.distributed  # noqa: F401
        s10, c10_, r10, _ = run([sys.executable,
                                 os.path.join(SRC, "scripts", "dask-extract.py"),
                                 "--local", "2", "--evgraph", evg,
                                 "-o", W("dask.jsonl")] + shards)
        row("Dask, scheduler + 2 workers", s10, c10_, r10, mb10, n10)
        same = filecmp.cmp(W("dask.jsonl"), W("single.jsonl"), shallow=False)
        figures.append(("Dask merged output = single process",
                        "byte-identical" if same else "DIFFERS", same))
    except ImportError:
        figures.append(("Dask", "python3-distributed not installed", False))

    print("\n== figures (load average now %.1f on %d cores)" % (load(), os.cpu_count()))
    for name, value, ok in figures:
        print("  %-55s %-40s %s" % (name, value, verdict(ok)))
    if not a.keep and not a.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
