#!/usr/bin/env python3
"""The Reuters headlines (../shared/corpora/reuters_headlines_2015_2016_1M.jsonl.gz) end to end on this
machine: a spread sample of N headlines (every k-th line of the million) written as JSONL records
{id, date, title} (title-only records, as the corpus has them; ``--as-text`` writes {id, date, text}), ingested
with --workers W into a fresh database; prints wall time, headlines/s, events, peak memory (RSS and PSS summed
over the ingest and its workers), CPU seconds (the ingest and its workers, as the kernel counts them: less
sensitive to other sessions' load than wall time) and the extrapolation to the full million.

The wall time includes starting up (imports, building the Coder in every worker). ``--baseline M`` also
ingests the first M headlines of the sample into another fresh database first, and extrapolates with the
marginal rate (N - M) / (wall(N) - wall(M)), start-up excluded; both are linear and leave out the growth of
write time with the database. ``--parse-all`` turns the pre-filter off (realpolitik.prefilter) to compare.

``--profile`` instead ingests the sample in this process with 1 worker and prints where the time goes, stage by
stage (exclusive CPU time of the pre-filter's two spaCy passes, the pre-filter, actor resolution, the classifier,
the rest of the coder, geography, the store writer, reading): CPU seconds of this process (less
sensitive to other sessions' load than wall time), each pass-2 component on its own.

Usage: python bench/headlines.py [--sample 4000] [--baseline 500] [--workers 2] [--rules-only] [--parse-all]
                                 [--as-text] [--profile]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "corpora" / "reuters_headlines_2015_2016_1M.jsonl.gz"
FULL = 1_000_000


def run(inp: Path, db: Path, args) -> tuple[float, str, int, int, float]:
    """(wall s, the ingest's summary line, peak RSS, peak PSS, CPU s of the ingest and its workers) of one
    ingest."""
    import resource

    import psutil

    before = resource.getrusage(resource.RUSAGE_CHILDREN)

    cmd = [sys.executable, "-m", "realpolitik", "ingest", str(inp), "--db", str(db),
           "--workers", str(args.workers), "--progress-every", "60"]
    cmd += (["--rules-only"] if args.rules_only else []) + (["--parse-all"] if args.parse_all else [])
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        try:
            procs = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
            mems = [p.memory_full_info() for p in procs]
            peak_rss = max(peak_rss, sum(m.rss for m in mems))
            peak_pss = max(peak_pss, sum(m.pss for m in mems))
        except psutil.Error:
            pass
        time.sleep(0.5)
    wall = time.monotonic() - t0
    out_s, err_s = proc.communicate()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = out_s.strip().splitlines()[-1] if out_s.strip() else err_s.strip()[-300:]
    return wall, summary, peak_rss, peak_pss, cpu


class Stages:
    """Exclusive wall time per stage: a wrapped call's time minus that of the wrapped calls inside it."""

    def __init__(self):
        self.total: dict[str, float] = {}
        self.stack: list[float] = []

    def timed(self, name: str, call):
        t0 = time.process_time()
        self.stack.append(0.0)
        try:
            return call()
        finally:
            spent = time.process_time() - t0
            inner = self.stack.pop()
            self.total[name] = self.total.get(name, 0.0) + spent - inner
            if self.stack:
                self.stack[-1] += spent

    def wrap(self, owner, attr: str, name: str) -> None:
        fn = getattr(owner, attr)
        setattr(owner, attr, lambda *a, **k: self.timed(name, lambda: fn(*a, **k)))


def profile(inp: Path, db: Path, args) -> None:
    """Ingest ``inp`` here with 1 worker, stage timers on, and print the breakdown."""
    import realpolitik.actors.resolver as resolver
    import realpolitik.events.coder as coder_mod
    import realpolitik.pipeline as pipeline
    import realpolitik.prefilter as prefilter
    import realpolitik.store.writer as writer

    coder = pipeline.build_coder(classifier=None if args.rules_only else "default")
    coder.gazetteer  # built on first use: not part of the run
    st = Stages()
    st.wrap(prefilter, "code_filtered", "pre-filter loop")
    st.wrap(prefilter.PreFilter, "keeps", "pre-filter decision")
    st.wrap(prefilter.PreFilter, "keeps_parsed", "pre-filter second check")

    run_components = prefilter._run

    def timed_run(docs, components, batch_size):  # pass 2, one component at a time (the same Docs)
        for name, proc in components:
            docs = st.timed(f"spaCy pass 2: {name}", lambda: run_components(docs, [(name, proc)], batch_size))
        return docs

    prefilter._run = timed_run
    st.wrap(coder_mod.Coder, "code_documents", "spaCy, one pass (--parse-all) + loop")
    st.wrap(coder_mod.Coder, "code_parsed", "coder: per-document rest")
    st.wrap(coder_mod.Coder, "code_sentence", "coder: triggers, arguments, events")
    st.wrap(coder_mod, "locate_document", "geography")
    for attr in ("__init__", "prepare", "learn", "mentions", "resolve", "actors"):
        st.wrap(resolver.ActorResolver, attr, "actors: resolver")
    if coder.classifier is not None:
        st.wrap(type(coder.classifier), "predict", "classifier")
    for attr in ("__init__", "add_many", "close"):
        st.wrap(writer.IngestWriter, attr, "store writer")
    pipe = coder.nlp.pipe

    def timed_pipe(*a, **k):  # the first pass (tok2vec + tagger): timed as its Docs are drawn
        gen = pipe(*a, **k)
        while True:
            try:
                yield st.timed("spaCy pass 1 (tok2vec, tagger)", lambda: next(gen))
            except StopIteration:
                return

    if not args.parse_all:
        coder.nlp.pipe = timed_pipe
    t0, c0 = time.perf_counter(), time.process_time()
    report = st.timed("reading, ingest loop", lambda: pipeline.ingest(
        [str(inp)], db=db, coder=coder, workers=1, prefilter=not args.parse_all))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    prefilter._run = run_components
    print(f"profile, 1 worker: {report.added} documents, {report.events} events, {report.unparsed} not parsed, "
          f"{len(report.failures)} failed; wall {wall:.1f} s, CPU {cpu:.1f} s = {report.added / cpu:.1f} "
          "documents per CPU second")
    for name, spent in sorted(st.total.items(), key=lambda kv: -kv[1]):
        print(f"  {name:42s} {spent:7.2f} s {100 * spent / cpu:5.1f}% of CPU")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=4000, help="headlines to ingest (0: all of them)")
    ap.add_argument("--baseline", type=int, default=0, help="also ingest the first M of them: marginal rate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rules-only", action="store_true")
    ap.add_argument("--parse-all", action="store_true", help="ingest --parse-all (no pre-filter)")
    ap.add_argument("--as-text", action="store_true", help="write the headline as 'text', not 'title'")
    ap.add_argument("--profile", action="store_true", help="1 worker in this process: time per stage")
    args = ap.parse_args()
    if not SRC.is_file():
        sys.exit(f"{SRC} not found")

    step = max(1, FULL // args.sample) if args.sample else 1
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        inp, base = tmp / "headlines.jsonl", tmp / "baseline.jsonl"
        n = 0
        field = "text" if args.as_text else "title"
        with gzip.open(SRC, "rt", encoding="utf-8") as f, inp.open("w", encoding="utf-8") as out, \
                base.open("w", encoding="utf-8") as first:
            for i, line in enumerate(f):
                if i % step:
                    continue
                r = json.loads(line)
                if r.get("title"):
                    rec = json.dumps({"id": r["id"], "date": r.get("date"), field: r["title"]}) + "\n"
                    out.write(rec)
                    if n < args.baseline:
                        first.write(rec)
                    n += 1
                    if args.sample and n >= args.sample:
                        break
        print(f"headlines: {n} (every {step}th of {FULL:,}) as '{field}' records, workers {args.workers}, "
              f"classifier {'off' if args.rules_only else 'on'}, pre-filter {'off' if args.parse_all else 'on'}; "
              f"load average {os.getloadavg()[0]:.1f}")
        if args.profile:
            profile(inp, tmp / "p.duckdb", args)
            return
        if args.baseline:
            b_wall, b_summary, _, _, b_cpu = run(base, tmp / "b.duckdb", args)
            print(f"baseline {args.baseline}: wall {b_wall:.1f} s, CPU {b_cpu:.1f} s ({b_summary})")
        wall, summary, peak_rss, peak_pss, cpu = run(inp, tmp / "h.duckdb", args)
    print(f"ingest: {summary}")
    print(f"wall {wall:.1f} s = {n / wall:.1f} headlines/s; CPU {cpu:.1f} s (the ingest and its workers); "
          f"peak RSS {peak_rss / 2**30:.2f} GB, PSS {peak_pss / 2**30:.2f} GB; load average at the end "
          f"{os.getloadavg()[0]:.1f}")
    if args.sample:
        print(f"extrapolated to {FULL:,}: {FULL / (n / wall) / 3600:.2f} h (linear, start-up included; a sample, "
              "not a run of all)")
        if args.baseline and wall > b_wall:
            rate = (n - args.baseline) / (wall - b_wall)
            print(f"marginal rate {rate:.1f} headlines/s (start-up excluded): {FULL / rate / 3600:.2f} h for "
                  f"{FULL:,}")
        if args.baseline and cpu > b_cpu:
            per = (cpu - b_cpu) / (n - args.baseline)
            print(f"marginal CPU {1000 * per:.2f} ms per headline (start-up excluded, all processes): "
                  f"{FULL * per / 3600:.2f} CPU-hours for {FULL:,}, {FULL * per / 3600 / min(2, args.workers):.2f} h "
                  f"on {min(2, args.workers)} cores of our own (what the load of other sessions leaves is less)")


if __name__ == "__main__":
    main()
