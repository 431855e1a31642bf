"""``Store.optimize``: the events table rewritten by year, then dyad, then date (store/layout.py). Only the physical
order may change: every table keeps the same rows, every query the same rows in the same order, and writes go
on as before."""
from __future__ import annotations

import shutil

import duckdb
import pytest
from store_records import build, ev

from realpolitik.store import Store
from realpolitik.store import layout

TABLES = ("documents", "segments", "sentences", "actors", "mentions", "event_mentions", "events")
QUERIES = [{}, {"dyad": "IRN,RUS"}, {"dyad": ("USA", "IRN")}, {"actor": "putin"}, {"include_hypothetical": True},
           {"actor_id": "RUS", "newest_first": True}, {"mentions": True}, {"limit": 2, "newest_first": True},
           {"dyad": "IRN,RUS", "limit": 1}, {"text": "Tehran"}]


def _dump(path, stamps: bool = True) -> dict[str, list[tuple]]:
    """Every row of every table (``stamps=False``: without the time each document was stored)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: sorted(con.execute(f"SELECT * {'' if stamps or t != 'documents' else 'EXCLUDE (ingested_at)'} "
                                      f"FROM {t}").fetchall(), key=repr) for t in TABLES}
    finally:
        con.close()


def _physical(path) -> list[tuple]:
    """(year, least country, greatest country, date) of the events in storage order."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute("SELECT year(date), least(source_country, target_country), "
                           "greatest(source_country, target_country), date FROM events ORDER BY rowid").fetchall()
    finally:
        con.close()


def _layout_key(row: tuple) -> tuple:
    return tuple((v is None, v) for v in row)


def _more_docs():
    return [build("d4", "2014-02-01", [
        ("Iran and Russia held talks on gas prices.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")]),
        ("Tehran thanked Moscow for its support.", [ev("IRN", "RUS", "051", 1, 3.4, "SUPPORT", trigger="thanked")]),
    ]), build("d5", "2015-07-09", [
        ("Russia and Iran met again in Moscow.", [ev("RUS", "IRN", "040", 1, 1.0, "CONSULT", trigger="met")]),
    ])]


def test_optimize_keeps_every_row_and_every_query_result(store):
    store.add_many(_more_docs())  # a second write: events appended after the first batch's
    tables = _dump(store.path)
    results = [store.events(**q) for q in QUERIES]
    assert _physical(store.path) != sorted(_physical(store.path), key=_layout_key)  # not yet in layout order

    assert store.optimize() == len(tables["events"])

    assert _dump(store.path) == tables
    for q, before in zip(QUERIES, results):
        after = store.events(**q)
        assert len(before) > 0, q
        assert after.equals(before), q
    assert _physical(store.path) == sorted(_physical(store.path), key=_layout_key)


def test_writes_after_optimize_are_those_of_an_unoptimized_file(store, tmp_path):
    plain = Store(tmp_path / "plain.duckdb", lock_timeout=5)
    shutil.copyfile(store.path, plain.path)
    store.optimize()
    for s in (store, plain):  # new events, some of them joining stored ones (same dyad, code and day)
        assert s.add_many(_more_docs()) == 2
    assert _dump(store.path, stamps=False) == _dump(plain.path, stamps=False)
    for q in QUERIES:
        a, b = store.events(**q), plain.events(**q)
        assert a.drop(columns="date_added").equals(b.drop(columns="date_added")), q
    con = duckdb.connect(str(store.path))
    try:  # the rewritten table keeps its key
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO events SELECT * FROM events LIMIT 1")
    finally:
        con.close()


def test_a_failed_rewrite_leaves_the_table_as_it_was(store, monkeypatch):
    tables = _dump(store.path)
    order = _physical(store.path)
    monkeypatch.setattr(layout, "LAYOUT_ORDER", "no_such_column")
    with pytest.raises(duckdb.Error):
        store.optimize()
    assert _dump(store.path) == tables
    assert _physical(store.path) == order
    assert len(store.events(dyad="IRN,RUS")) > 0


# Runs the rewrite on a connection that stops for good once the sorted rows are written, before the commit.
_KILLED = """
import pathlib, sys, time
sys.path[:0] = {path!r}
from realpolitik.store import connect
from realpolitik.store.layout import reorder_events

class Stalling:
    def __init__(self, con):
        self.con = con
    def execute(self, sql, *args):
        out = self.con.execute(sql, *args)
        if sql.startswith("INSERT INTO events"):
            pathlib.Path({marker!r}).write_text("written")
            time.sleep(120)
        return out

reorder_events(Stalling(connect({db!r})))
"""


def test_a_rewrite_killed_before_its_commit_leaves_the_table_as_it_was(store, tmp_path):
    import os
    import signal
    import subprocess
    import sys
    import time

    store.add_many(_more_docs())
    tables = _dump(store.path)
    order = _physical(store.path)
    marker = tmp_path / "written"
    script = _KILLED.format(path=sys.path, marker=str(marker), db=str(store.path))
    proc = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 120
        while not marker.exists():
            assert proc.poll() is None, "the rewrite ended before it was killed"
            assert time.monotonic() < deadline
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert _dump(store.path) == tables
    assert _physical(store.path) == order
    con = duckdb.connect(str(store.path), read_only=True)
    try:
        assert "events_unordered" not in {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    finally:
        con.close()
    assert store.optimize() == len(tables["events"])  # and it can be run again
    assert _dump(store.path) == tables
