#!/usr/bin/env python3
"""The Reuters headlines (../shared/corpora/reuters_headlines_2015_2016_1M.jsonl.gz) end to end on this
machine: a spread sample of N headlines (every k-th line of the million) written as JSONL records
{id, date, text=headline}, ingested with --workers W into a fresh database; prints wall time, headlines/s,
events, peak memory (RSS and PSS summed over the ingest and its workers) and the extrapolation to the full
million (linear: it leaves out the growth of write time with the database).

Usage: python bench/headlines.py [--sample 4000] [--workers 2] [--rules-only]
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT.parent / "shared" / "corpora" / "reuters_headlines_2015_2016_1M.jsonl.gz"
FULL = 1_000_000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, default=4000, help="headlines to ingest (0: all of them)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rules-only", action="store_true")
    args = ap.parse_args()
    if not SRC.is_file():
        sys.exit(f"{SRC} not found")
    import psutil

    step = max(1, FULL // args.sample) if args.sample else 1
    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        inp = tmp / "headlines.jsonl"
        n = 0
        with gzip.open(SRC, "rt", encoding="utf-8") as f, inp.open("w", encoding="utf-8") as out:
            for i, line in enumerate(f):
                if i % step:
                    continue
                r = json.loads(line)
                if r.get("title"):
                    out.write(json.dumps({"id": r["id"], "date": r.get("date"), "text": r["title"]}) + "\n")
                    n += 1
                    if args.sample and n >= args.sample:
                        break
        cmd = [sys.executable, "-m", "realpolitik", "ingest", str(inp), "--db", str(tmp / "h.duckdb"),
               "--workers", str(args.workers), "--progress-every", "60"] + (["--rules-only"] if args.rules_only else [])
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
    summary = out_s.strip().splitlines()[-1] if out_s.strip() else err_s.strip()[-300:]
    print(f"headlines: {n} (every {step}th of {FULL:,}), workers {args.workers}, "
          f"classifier {'off' if args.rules_only else 'on'}")
    print(f"ingest: {summary}")
    print(f"wall {wall:.1f} s = {n / wall:.1f} headlines/s; peak RSS {peak_rss / 2**30:.2f} GB, "
          f"PSS {peak_pss / 2**30:.2f} GB")
    if args.sample:
        print(f"extrapolated to {FULL:,}: {FULL / (n / wall) / 3600:.2f} h (linear; a sample, not a run of all)")


if __name__ == "__main__":
    main()
