#!/usr/bin/python3
"""Maps `evgraph extract` over the shards of a corpus on a Dask distributed
cluster and writes the events documents in shard order: the same bytes as
one `evgraph extract` over the shards in that order.

usage: dask-extract.py [--scheduler ADDRESS | --local N] [--evgraph PATH]
                       -o OUT.jsonl SHARD...
  --scheduler tcp://host:8786  an existing cluster (each worker needs
                               evgraph at PATH and the shards at their path)
  --local N                    start a scheduler and N worker processes on
                               127.0.0.1 for the run (default 2)
Exit status: 0; 1 when a shard failed (its message is printed); 4 when
Dask (Debian python3-distributed) is missing.
"""
import argparse
import os
import subprocess
import sys
import tempfile


def extract(evgraph, shard, cwd):
    """One partition: evgraph extract over one shard (a path as given,
    read from the submitter's folder), its output bytes."""
    r = subprocess.run([evgraph, "extract", "-q", "-j", "1", shard],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       cwd=cwd)
    return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scheduler")
    ap.add_argument("--local", type=int, default=2)
    ap.add_argument("--evgraph", default="evgraph")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("shards", nargs="+")
    a = ap.parse_args()
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        print("dask-extract: Dask is not installed (Debian package "
              "python3-distributed)", file=sys.stderr)
        return 4
    evgraph = os.path.abspath(a.evgraph) if os.sep in a.evgraph else a.evgraph
    shards = a.shards
    cluster = None
    if a.scheduler:
        client = Client(a.scheduler)
    else:
        cluster = LocalCluster(n_workers=a.local, threads_per_worker=1,
                               processes=True, host="127.0.0.1",
                               dashboard_address=None)
        client = Client(cluster)
    status = 0
    try:
        futures = client.map(extract, [evgraph] * len(shards), shards,
                             [os.getcwd()] * len(shards), pure=False)
        results = client.gather(futures)  # in shard order
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(
            os.path.abspath(a.output)) or ".")
        with os.fdopen(fd, "wb") as f:
            for shard, (rc, out, err) in zip(shards, results):
                if err:
                    sys.stderr.write(err)
                if rc != 0:
                    print("dask-extract: %s: evgraph exited with %d"
                          % (shard, rc), file=sys.stderr)
                    status = 1
                f.write(out)
        if status == 0:
            os.replace(tmp, a.output)
        else:
            os.unlink(tmp)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return status


if __name__ == "__main__":
    sys.exit(main())
