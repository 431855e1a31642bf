"""A real `realpolitik ingest` process killed (SIGKILL) at random points, several times, then run again to the
end: every table equals that of one uninterrupted run — nothing lost, nothing duplicated. The killed runs
alternate between one process and ``--workers 2`` (whose worker processes must die with it), and the final
run uses two workers, so the table also shows that two workers store what one does."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import duckdb
import psutil
import pytest

PEOPLE = ["Iran", "Russia", "Syria", "Turkey", "Saudi Arabia", "Israel", "the United States", "China"]
VERBS = ["met officials from", "condemned", "signed a trade agreement with", "accused", "praised",
         "threatened", "held talks with", "criticised"]
# Batches of two documents, so a run has many commit points to be killed between (and inside).
RUN = ("import sys; import realpolitik.pipeline as pipeline; pipeline.BATCH_DOCS = 2; "
       "from realpolitik.cli import main; sys.argv[0] = 'realpolitik'; main()")
KILLS = 4


def _corpus(folder):
    folder.mkdir()
    rng = random.Random(11)
    for i in range(16):
        a, b = rng.sample(PEOPLE, 2)
        text = (f"{a} {rng.choice(VERBS)} {b} on Monday.\n\n"
                f"President Hassan Rouhani said Iran {rng.choice(VERBS)} {rng.choice(PEOPLE)}.\n\n"
                f"Vladimir Putin {rng.choice(VERBS)} {b} in Moscow, officials said.\n")
        (folder / f"2015-{1 + i % 12:02d}-{10 + i:02d}-wire-{i:02d}.txt").write_text(text, encoding="utf-8")


def _ingest(folder, db, workers: int = 1) -> subprocess.Popen:
    # every batch written at once (no write window): many commit points to be killed between
    return subprocess.Popen([sys.executable, "-c", RUN, "ingest", str(folder), "--db", str(db), "--rules-only",
                             "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "REALPOLITIK_WRITE_WINDOW": "0"})


def _children(pid: int) -> list:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _tables(db) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("documents", "segments", "sentences", "actors", "mentions", "events"):
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND data_type NOT LIKE "
                "'TIMESTAMP%' ORDER BY ordinal_position", [table]).fetchall()]
            quoted = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(tuple(map(str, r)) for r in con.execute(f"SELECT {quoted} FROM {table}").fetchall())
        return out
    finally:
        con.close()


def _stored(db) -> int:
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_ingest_killed_at_random_points_then_resumed_equals_an_uninterrupted_run(tmp_path):
    folder = tmp_path / "wires"
    _corpus(folder)
    clean = tmp_path / "clean.duckdb"
    start = time.monotonic()
    proc = _ingest(folder, clean)
    assert proc.wait(timeout=600) == 0, proc.stderr.read()
    full = time.monotonic() - start
    expected = _tables(clean)
    assert len(expected["documents"]) == 16 and expected["events"]

    db = tmp_path / "killed.duckdb"
    rng = random.Random(20261201)
    survived = []
    orphans = []
    kills = 0
    for attempt in range(3 * KILLS):
        if kills == KILLS:
            break
        proc = _ingest(folder, db, workers=2 if attempt % 2 == 0 else 1)
        started = time.monotonic()
        try:  # a kill point inside the run's expected length, measured by the runs so far
            proc.wait(timeout=rng.uniform(0.2, 1.0) * full)
        except subprocess.TimeoutExpired:
            children = _children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=60)
            kills += 1
            gone, alive = psutil.wait_procs(children, timeout=10)
            orphans += alive
        else:
            # finished before its kill point (the machine ran faster than when `full` was measured): a whole run
            # that must have stored everything; start again on an empty store with the shorter length.
            assert proc.returncode == 0, proc.stderr.read()
            full = min(full, time.monotonic() - started)
            if _stored(db) == 16:
                for f in tmp_path.glob("killed.duckdb*"):  # (and its write-ahead log)
                    f.unlink()
        survived.append((proc.returncode, _stored(db)))
    for p in orphans:  # (so a failing run leaves nothing behind)
        p.kill()
    assert not orphans, "worker processes outlived the killed ingest"
    assert kills == KILLS, survived  # every kill hit a live run
    proc = _ingest(folder, db, workers=2)
    assert proc.wait(timeout=600) == 0, proc.stderr.read()
    assert _tables(db) == expected, survived
