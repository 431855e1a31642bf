"""Store.writer(): one ingest's writer — stored hashes loaded once, large buffered writes, readers waited out."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time

import pytest
from store_records import build, ev

from realpolitik.errors import StoreError
from realpolitik.store import Store
from realpolitik.store.writer import WriterStopped


def _docs(prefix: str, n: int, day: int = 1):
    return [build(f"{prefix}{i}", f"2016-03-{day:02d}", [(f"Iran met Russia about item {prefix}{i}.",
                                                        [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")])])
            for i in range(n)]


def test_stored_hashes_are_loaded_once_and_writes_are_batched(store, monkeypatch):
    import realpolitik.store.writer as mod

    opened = []
    real = mod.connect
    monkeypatch.setattr(mod, "connect", lambda *a, **k: opened.append(k.get("read_only")) or real(*a, **k))
    with store.writer(flush_docs=4, window=3600) as w:
        assert opened == [True]  # the hashes of d1-d3, read once
        assert w.existing(["d1", "d2", "x0", "zz"]) == {"d1", "d2"}
        assert w.add_many(_docs("x", 3)) == 3
        assert opened == [True] and w.pending == 3 and w.added == 0  # buffered, the file untouched
        assert w.existing(["x0", "zz"]) == {"x0"}  # buffered documents count as stored
        assert w.add_many(_docs("x", 3) + _docs("y", 1)) == 1  # repeats skipped; 4 waiting: one write
        assert opened == [True, False] and (w.pending, w.added, w.writes) == (0, 4, 1)
        assert w.add_many([*_docs("y", 2), *_docs("d", 0)]) == 1
    assert opened == [True, False, False]  # leaving the block wrote the last one
    assert w.added == 5
    assert store.existing(["x0", "x1", "x2", "y0", "y1"]) == {"x0", "x1", "x2", "y0", "y1"}
    assert store.counts()["documents"] == 8


def test_a_second_writer_meanwhile_is_not_duplicated(store):
    with store.writer(flush_docs=100, window=3600) as w:
        assert w.add_many(_docs("x", 3)) == 3
        assert store.add_many(_docs("x", 2)) == 2  # another ingest stored two of them first
        w.flush()
        assert w.added == 1
    assert store.counts()["documents"] == 6
    assert store.counts()["event_mentions"] == 7 + 3  # each document once


def test_read_only_store_has_no_writer(store):
    with pytest.raises(StoreError, match="read-only"):
        Store(store.path, read_only=True).writer()


def test_a_new_database_is_created_by_the_first_write(tmp_path):
    s = Store(tmp_path / "new.duckdb")
    with s.writer() as w:
        assert w.existing(["a0"]) == set()
        w.add_many(_docs("a", 2))
    assert s.counts()["documents"] == 2


HOLDER = textwrap.dedent("""
    import os, sys, time
    from realpolitik.store import connect
    con = connect(sys.argv[1], read_only=True)   # a notebook's read-only connection
    print("ready", flush=True)
    while not os.path.exists(sys.argv[2]):
        time.sleep(0.05)
    con.close()
""")

TEXTS = ["Iran met officials from Russia on Monday.", "Russia condemned Turkey in Moscow, officials said.",
         "Syria accused Israel on Tuesday.", "China praised Iran on Wednesday.",
         "Turkey held talks with Russia on Friday.", "Israel threatened Syria on Sunday."]


def _folder(tmp_path, n):
    folder = tmp_path / "wires"
    folder.mkdir()
    for i, text in enumerate(TEXTS[:n]):
        (folder / f"2015-06-{10 + i:02d}-wire-{i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def _ingest(folder, db, **env) -> subprocess.Popen:
    run = ("import sys; import realpolitik.pipeline as pipeline; pipeline.BATCH_DOCS = 2; "
           "from realpolitik.cli import main; sys.argv[0] = 'realpolitik'; main()")
    return subprocess.Popen([sys.executable, "-c", run, "ingest", str(folder), "--db", str(db), "--rules-only"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "REALPOLITIK_LOCK_TIMEOUT": "0.5", "REALPOLITIK_WRITE_WINDOW": "0",
                                 **env})


def _hold(db, release):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db), str(release)], stdout=subprocess.PIPE,
                              text=True)
    assert holder.stdout.readline().strip() == "ready"
    return holder


def test_an_ingest_waits_out_a_reader_holding_the_file_past_the_lock_timeout(tmp_path, store):
    db, release = store.path, tmp_path / "release"
    holder = _hold(db, release)
    try:
        proc = _ingest(_folder(tmp_path, 6), db)
        seen = []
        for line in proc.stderr:  # the ingest says who holds the file, and goes on
            seen.append(line)
            if "waiting for it" in line:
                break
        time.sleep(1.5)  # the reader holds on well past the lock timeout (0.5 s)
        release.touch()
        out, err = proc.communicate(timeout=300)
    finally:
        release.touch()
        holder.wait(timeout=30)
    err = "".join(seen) + err
    assert proc.returncode == 0, err
    assert f"is held by another process (PID {holder.pid})" in err
    assert "coding goes on" in err and "is free again" in err
    assert "6 documents added, 0 already stored" in out
    assert store.counts()["documents"] == 3 + 6


def test_an_ingest_that_runs_out_of_patience_keeps_what_it_stored_and_says_so(tmp_path, store):
    db, release = store.path, tmp_path / "release"
    folder = _folder(tmp_path, 6)
    holder = _hold(db, release)
    try:
        proc = _ingest(folder, db, REALPOLITIK_WRITE_PATIENCE="1.5")
        out, err = proc.communicate(timeout=300)
    finally:
        release.touch()
        holder.wait(timeout=30)
    assert proc.returncode == 1
    assert "Traceback" not in err
    assert f"stayed locked by another process (PID {holder.pid})" in err
    assert "gave up with 0 documents stored and 6 coded but not stored" in err
    assert "0 documents added" in out and "1 failed" in out
    assert store.counts()["documents"] == 3  # nothing half-written
    again = _ingest(folder, db)  # the same command, once the reader is gone, adds exactly those
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert "6 documents added, 0 already stored" in out
    assert store.counts()["documents"] == 9
