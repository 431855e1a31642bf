#!/usr/bin/env python3
"""Peak memory of a `realpolitik ingest` run, summed over the process and its children (workers, Dask
nannies and workers): RSS, and PSS (proportional set size: pages shared by forked workers counted once),
sampled every 0.3 s through psutil (Linux /proc/PID/smaps).

Usage: python bench/ingest_memory.py INGEST-ARGS...   e.g.
       python bench/ingest_memory.py src/realpolitik/data/demo --db /tmp/m.duckdb --workers 2
"""
from __future__ import annotations

import subprocess
import sys
import time

import psutil


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd = [sys.executable, "-m", "realpolitik", "ingest", *sys.argv[1:]]
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
    print(out[-1] if out else "(no output)")
    print(f"wall {time.monotonic() - start:.1f} s; peak RSS {peak_rss / 2**30:.2f} GB, peak PSS "
          f"{peak_pss / 2**30:.2f} GB, up to {most} processes")


if __name__ == "__main__":
    main()
