"""Queries at scale: a synthetic event database in the real schema (bench/synthetic.py, 10M events by default),
then the dyad query, the dyad timeline, an actor query, the web's newest-50 lists and a streamed export, plus the
CLI's cold start.

    python bench/query.py                  # 10M events (built once, about 4 GB, cached in the temp folder)
    python bench/query.py --events 1000000 --repeat 3
    python bench/query.py --optimize       # the same on a copy rewritten by Store.optimize (cached beside it)

Each query runs once cold (a fresh connection) and then ``--repeat`` times; the best is shown beside the cold
run, with the CPU seconds of this process for the best run (DuckDB's threads included: steadier than wall time
on a loaded machine). The CLI figures are wall times of a fresh `python -m realpolitik` process (imports,
model load, work).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))


def database(folder: Path, n: int, optimize: bool = False) -> Path:
    from synthetic import cached, optimized

    db = cached(folder, n, "realpolitik-query")
    return optimized(db) if optimize else db


def timed(fn, repeat: int) -> tuple[float, float, float, object]:
    """(cold wall s, best wall s, CPU s of the best run, result)."""
    t0 = time.perf_counter()
    c0 = time.process_time()
    out = fn()
    cold = time.perf_counter() - t0
    best, cpu = cold, time.process_time() - c0
    for _ in range(repeat):
        t0 = time.perf_counter()
        c0 = time.process_time()
        out = fn()
        wall = time.perf_counter() - t0
        if wall < best:
            best, cpu = wall, time.process_time() - c0
    return cold, best, cpu, out


def cli(args: list[str], repeat: int) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    times = []
    for _ in range(1 + repeat):
        t0 = time.perf_counter()
        run = subprocess.run([sys.executable, "-m", "realpolitik", *args], env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - t0)
        if run.returncode != 0:
            raise SystemExit(f"realpolitik {' '.join(args)} failed: {run.stderr.strip()[-500:]}")
    return times[0], min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "realpolitik-bench-query")
    ap.add_argument("--skip-cli", action="store_true", help="only the library queries")
    ap.add_argument("--optimize", action="store_true",
                    help="query a copy whose events table Store.optimize rewrote grouped by dyad (cached)")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    db = database(args.cache, args.events, args.optimize)
    from realpolitik.analysis.dyads import dyad_timeline
    from realpolitik.store import Store
    from realpolitik.store.export import export_events

    store = Store(db, read_only=True)
    list_columns = ["event_id", "event_date", "source_name", "cameo_code", "target_name", "sentence", "doc_title"]
    out = args.cache / "dyad.parquet"
    rows = [
        ("events(dyad=IRN,RUS)", lambda: len(store.events(dyad=("IRN", "RUS")))),
        ("count_events(dyad=IRN,RUS)", lambda: store.count_events(dyad=("IRN", "RUS"))),
        ("dyad_timeline(IRN, RUS)", lambda: len(dyad_timeline(store, "IRN", "RUS"))),
        ("dyad_timeline(IRNGOV, RUS) (a code)", lambda: len(dyad_timeline(store, "IRNGOV", "RUS"))),
        ("events(actor=Putin, limit=100)", lambda: len(store.events(actor="Putin", limit=100))),
        ("newest 50 of dyad IRN,RUS (web list)",
         lambda: len(store.events(dyad=("IRN", "RUS"), limit=50, newest_first=True, columns=list_columns))),
        ("newest 50 of actor_id (web profile)",
         lambda: len(store.events(actor_id="person:vladimir-putin", limit=50, newest_first=True, columns=list_columns))),
        ("newest 50 of all events (web home)", lambda: len(store.events(limit=50, newest_first=True, columns=list_columns))),
        ("export parquet dyad IRN,RUS (streamed)",
         lambda: export_events(db, "parquet", out, dyad=("IRN", "RUS")) or out.stat().st_size),
    ]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{args.events:,} synthetic events, {db.stat().st_size / 2**30:.2f} GB ({db.name}); "
          f"best of {args.repeat} after a cold run")
    print(f"{'query':<42} {'cold s':>8} {'best s':>8} {'cpu s':>7}  result")
    for name, fn in rows:
        cold, best, cpu, result = timed(fn, args.repeat)
        print(f"{name:<42} {cold:>8.3f} {best:>8.3f} {cpu:>7.3f}  {result:,}")
    if args.skip_cli:
        return
    for name, argv in [("realpolitik --help", ["--help"]),
                       ("realpolitik code 'Iran ...'", ["code", "Iran and Russia signed an energy deal on Monday."]),
                       ("realpolitik events --dyad IRN,RUS -f parquet",
                        ["events", "--db", str(db), "--dyad", "IRN,RUS", "--format", "parquet", "--out", str(out),
                         "--force"])]:
        cold, best = cli(argv, args.repeat)
        print(f"{name:<42} {cold:>8.3f} {best:>8.3f}  (wall, fresh process)")
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
