#!/usr/bin/env python3
"""Peak memory of a `realpolitik ingest` run, summed over the process and its children (workers, Dask
nannies and workers): RSS, and PSS (proportional set size: pages shared by forked workers counted once),
sampled every 0.3 s through psutil (Linux /proc/PID/smaps).

``--synthetic GB`` first writes a JSON Lines file of about GB gigabytes into /tmp (kept for the next run, never
committed) and ingests it with the other arguments: records of ~10 KB (a short sentence we wrote, one of 40,
and a 10 KB field the reader parses and drops), so the whole file is read, parsed and checked against the
stored hashes while only the 40 distinct documents are coded (the others are the same text: already stored).
It measures what streaming the input costs in memory, not coding (bench/headlines.py does that).

Usage: python bench/ingest_memory.py [--synthetic GB] INGEST-ARGS...   e.g.
       python bench/ingest_memory.py src/realpolitik/data/demo --db /tmp/m.duckdb --workers 2
       python bench/ingest_memory.py --synthetic 2 --db /tmp/big.duckdb --workers 1 --rules-only
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import psutil

ACTORS = ["Iran", "Russia", "Turkey", "Syria", "Israel", "Egypt", "France", "China"]
VERBS = ["met", "criticised", "praised", "accused", "threatened"]


def synthetic(gb: float) -> Path:
    """/tmp/realpolitik-synthetic-GB.jsonl, written once: ~10 KB records, 40 distinct sentences."""
    path = Path(f"/tmp/realpolitik-synthetic-{gb:g}gb.jsonl")
    if path.is_file() and path.stat().st_size >= gb * 2**30:
        return path
    pad = "x" * 10_000
    sentences = [f"{a} {v} {b} on Monday." for a, b in zip(ACTORS, ACTORS[1:] + ACTORS[:1]) for v in VERBS]
    tmp = path.with_suffix(".part")
    size, n = 0, 0
    with tmp.open("w", encoding="utf-8") as f:
        while size < gb * 2**30:
            line = json.dumps({"id": f"r{n}", "date": "2016-01-04", "text": sentences[n % len(sentences)],
                               "padding": pad}) + "\n"
            f.write(line)
            size += len(line)
            n += 1
    tmp.replace(path)
    return path


def main() -> None:
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    if args[0] == "--synthetic":
        path = synthetic(float(args[1]))
        print(f"input {path}: {path.stat().st_size / 2**30:.2f} GB")
        args = [str(path), *args[2:]]
    cmd = [sys.executable, "-m", "realpolitik", "ingest", *args]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak_rss = peak_pss = 0
    most = 0
    start = time.monotonic()
    while proc.poll() is None:
        try:
            procs = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
        except psutil.Error:
            break
        rss = pss = 0
        for p in procs:
            try:
                m = p.memory_full_info()
            except psutil.Error:
                continue
            rss, pss = rss + m.rss, pss + m.pss
        peak_rss, peak_pss, most = max(peak_rss, rss), max(peak_pss, pss), max(most, len(procs))
        time.sleep(0.3)
    out = proc.stdout.read().strip().splitlines()
    print("\n".join(out[-3:]) if out else "(no output)")
    print(f"wall {time.monotonic() - start:.1f} s; peak RSS {peak_rss / 2**30:.2f} GB, peak PSS "
          f"{peak_pss / 2**30:.2f} GB, up to {most} processes")


if __name__ == "__main__":
    main()
