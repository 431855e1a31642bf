#!/usr/bin/env python3
"""Throughput of the full ingest (read, clean, parse, resolve actors, code, store) against spaCy's own
`nlp.pipe` over the same texts and model, in one run, at equal cores:

  spaCy nlp.pipe, 1 process and 2 processes (n_process=2);
  realpolitik ingest, 1 worker and 2 worker processes (``--workers 2``);
  realpolitik ingest on a Dask LocalCluster of 2 single-threaded worker processes (``--dask local``);
  the same on a LocalCluster started, and its workers' Coders built, before timing ("dask2warm": what the
  cluster codes once it runs, as nlp.pipe is timed with its model loaded; the start-up is printed apart);
  realpolitik ingest, 1 worker, without the pre-filter (``--parse-all``: every document parsed in full).

Prints words/s of each and the ratios the issue sets targets for: ingest / nlp.pipe at 1 and at 2 cores,
2 workers / 1, Dask 2 workers / 1 worker; and the CPU seconds of each side (this process and its children),
which a busy machine does not change: ingest / nlp.pipe by CPU is the work per document. Every ingest starts from an empty database and includes building
its Coder(s) (on the workers, for Dask: the cluster's start is included too); nlp.pipe's model is loaded
before timing. Runs alternate and each keeps its best time (--repeat), since a busy machine slows all alike.

Corpus: ../shared/corpora/bbc_politics/*.txt (417 articles) by default, or --reuters N stories, or --headlines N
(every k-th of the million Reuters headlines, as title-only records).
Usage: python bench/throughput.py [--limit N] [--reuters N] [--headlines N] [--repeat 1] [--rules-only]
                                  [--skip dask2,...]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SIDES = ("pipe1", "pipe2", "ingest1", "ingest2", "dask2", "dask2warm", "parseall1")


def _burn(n: int) -> int:
    s = 0
    for i in range(n):
        s += i * i
    return s


def parallel_control(n: int = 20_000_000) -> float:
    """What two processes gain over one on this machine right now, on a pure-Python loop: the ceiling of
    every 2-process ratio below (a shared or throttled machine gives less than 2)."""
    import multiprocessing as mp

    t0 = time.perf_counter()
    _burn(n)
    _burn(n)
    serial = time.perf_counter() - t0
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(2) as pool:
        pool.map(_burn, [n, n])
    return serial / (time.perf_counter() - t0)


def corpus_files(args, tmp: Path) -> list[Path]:
    if args.headlines:
        src = SHARED / "corpora" / "reuters_headlines_2015_2016_1M.jsonl.gz"
        out = tmp / "headlines.jsonl"
        step, n = max(1, 1_000_000 // args.headlines), 0
        with gzip.open(src, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as dst:
            for i, line in enumerate(f):
                if i % step:
                    continue
                r = json.loads(line)
                if r.get("title"):
                    dst.write(json.dumps({"id": r["id"], "title": r["title"], "date": r.get("date")}) + "\n")
                    n += 1
                    if n >= args.headlines:
                        break
        return [out]
    if args.reuters:
        src = SHARED / "corpora" / "reuters21578.jsonl.gz"
        out = tmp / "reuters.jsonl"
        n = 0
        with gzip.open(src, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as dst:
            for line in f:
                r = json.loads(line)
                if r.get("text"):
                    dst.write(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"],
                                          "date": r.get("date")}) + "\n")
                    n += 1
                    if n >= args.reuters:
                        break
        return [out]
    files = sorted((SHARED / "corpora" / "bbc_politics").glob("*.txt"))
    return files[: args.limit] if args.limit else files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="first N BBC files only")
    ap.add_argument("--reuters", type=int, default=0, help="use the first N Reuters-21578 stories instead")
    ap.add_argument("--headlines", type=int, default=0, help="use N of the million Reuters headlines instead")
    ap.add_argument("--repeat", type=int, default=1, help="alternating runs of each side; best time kept")
    ap.add_argument("--rules-only", action="store_true", help="ingest without the learned classifier")
    ap.add_argument("--skip", default="", help=f"comma-separated sides to leave out ({', '.join(SIDES)})")
    args = ap.parse_args()
    if not (SHARED / "corpora").is_dir():
        sys.exit("corpora not found (../shared/corpora beside the repo)")
    skip = set(filter(None, args.skip.split(",")))

    from realpolitik import api
    from realpolitik.ingest import read_paths
    from realpolitik.nlp import load_nlp

    spec = api.CoderSpec(classifier=None if args.rules_only else "default")
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        files = corpus_files(args, tmp)
        inputs = [str(f) for f in files]
        docs = [d for d in read_paths(inputs) if hasattr(d, "segments")]
        texts = [s.text for d in docs for s in d.segments]
        words = sum(len(t.split()) for t in texts)
        nlp = load_nlp()
        list(nlp.pipe(texts[:20]))

        def pipe(n: int):
            for _ in nlp.pipe(texts, batch_size=64, n_process=n):
                pass

        def ingest(n: int, k: int, prefilter: bool = True):
            return api.ingest(inputs, db=tmp / f"w{n}-{k}-{prefilter}.duckdb", coder=spec, workers=n,
                              prefilter=prefilter)

        def dask(n: int, k: int):
            from realpolitik.distributed import ingest as dask_ingest

            return dask_ingest(inputs, scheduler="local", workers=n, db=tmp / f"d{n}-{k}.duckdb", coder=spec)

        warm: dict = {}

        def dask_warm(n: int, k: int):
            from realpolitik.distributed import ingest as dask_ingest

            return dask_ingest(inputs, scheduler=warm["client"], db=tmp / f"dw{n}-{k}.duckdb", coder=spec)

        runs = {"pipe1": lambda k: pipe(1), "pipe2": lambda k: pipe(2), "ingest1": lambda k: ingest(1, k),
                "ingest2": lambda k: ingest(2, k), "dask2": lambda k: dask(2, k),
                "dask2warm": lambda k: dask_warm(2, k), "parseall1": lambda k: ingest(1, k, prefilter=False)}
        best = {s: float("inf") for s in SIDES if s not in skip}
        cpu = {s: float("inf") for s in best}
        events = {}
        if "dask2warm" in best:
            warm.update(start_warm_cluster(spec, 2))
        try:
            for k in range(args.repeat):
                for side in best:
                    c0 = _cpu() + (_workers_cpu(warm["client"]) if side == "dask2warm" else 0.0)
                    t0 = time.perf_counter()
                    out = runs[side](k)
                    best[side] = min(best[side], time.perf_counter() - t0)
                    c1 = _cpu() + (_workers_cpu(warm["client"]) if side == "dask2warm" else 0.0)
                    cpu[side] = min(cpu[side], c1 - c0)
                    if out is not None:
                        events[side] = (out.added, out.events)
                    print(f"  run {k + 1} {side}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
        finally:
            if warm:
                warm["client"].close()
                warm["cluster"].close()

    print(f"control: 2 processes / 1 on a pure-Python loop: {parallel_control():.2f}x (the ceiling here)")
    print(f"documents: {len(docs)}  segments: {len(texts)}  words: {words}  "
          f"classifier: {'off' if args.rules_only else 'on'}")
    if warm:
        print(f"dask2warm start-up (not timed below): cluster {warm['start']:.1f} s, Coders built on the workers "
              f"in {warm['build']:.1f} s")
    for side, s in best.items():
        extra = f"  ({events[side][0]} documents, {events[side][1]} events)" if side in events else ""
        print(f"{side:8s}: {words / s:8.0f} words/s  {s:7.1f} s  CPU {cpu[side]:6.1f} s{extra}")

    def ratio(name: str, a: str, b: str) -> None:
        if a in best and b in best:
            print(f"{name:32s} {best[b] / best[a]:.3f}")

    ratio("ingest1 / pipe1 (1 core):", "ingest1", "pipe1")
    ratio("ingest2 / pipe2 (2 cores):", "ingest2", "pipe2")
    ratio("pipe2 / pipe1 (spaCy scaling):", "pipe2", "pipe1")
    ratio("ingest2 / ingest1 (workers):", "ingest2", "ingest1")
    ratio("dask2 / ingest1 (Dask):", "dask2", "ingest1")
    ratio("dask2warm / ingest1 (Dask, started):", "dask2warm", "ingest1")
    ratio("ingest1 / parseall1 (pre-filter):", "ingest1", "parseall1")
    # CPU seconds (this process and its waited-for children) do not depend on what other sessions leave us:
    # the work per document, whatever the load (Dask's worker processes are counted only as far as the kernel
    # hands their times up to this process)
    for name, a, b in (("ingest1 / pipe1 by CPU:", "ingest1", "pipe1"),
                       ("ingest1 CPU / ingest2 CPU (1 = no overhead):", "ingest2", "ingest1"),
                       ("ingest1 CPU / dask2warm CPU (1 = no overhead):", "dask2warm", "ingest1"),
                       ("ingest1 / parseall1 by CPU:", "ingest1", "parseall1")):
        if a in cpu and b in cpu and cpu[a] > 0:
            print(f"{name:44s} {cpu[b] / cpu[a]:.3f}")


def start_warm_cluster(spec, n: int) -> dict:
    """A LocalCluster of ``n`` single-threaded worker processes whose Coders are built (the start-up timed)."""
    import logging

    from distributed import Client, LocalCluster

    from realpolitik.distributed import warm_coders

    t0 = time.perf_counter()
    cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None,
                           silence_logs=logging.ERROR)
    client = Client(cluster)
    t1 = time.perf_counter()
    warm_coders(client, spec)
    return {"cluster": cluster, "client": client, "start": t1 - t0, "build": time.perf_counter() - t1}


def _workers_cpu(client) -> float:
    """CPU seconds the cluster's worker processes have used so far (they are not waited for until it closes)."""
    return sum(client.run(_self_cpu).values())


def _self_cpu() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def _cpu() -> float:
    """CPU seconds of this process and its terminated, waited-for children so far."""
    import resource

    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


if __name__ == "__main__":
    main()
