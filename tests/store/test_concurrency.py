"""Reading while another process ingests: readers wait out the writer's short locks."""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest

from realpolitik.errors import StoreError
from realpolitik.store import Store

WRITER = textwrap.dedent("""
    import datetime as dt, sys, time
    from realpolitik.records import ActorRef, CodedSentence, Document, Event, EventDate, Segment
    from realpolitik.store import Store

    path, batches, per_batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    iran = ActorRef("Iran", "IRN", "IRN", "IRN", None, "state", "Iran")
    russia = ActorRef("Russia", "RUS", "RUS", "RUS", None, "state", "Russia")
    store = Store(path, lock_timeout=20)
    for b in range(batches):
        batch = []
        for i in range(per_batch):
            doc_id = f"doc{b}-{i}"
            text = f"Iran and Russia held talks, round {b}-{i}."
            sid = f"{doc_id}:0:0"
            event = Event(f"{doc_id}-e0", doc_id, sid, text, EventDate(dt.date(2015, 1 + b % 12, 1), "day"),
                          iran, russia, "040", "04", 1, 1.0, "CONSULT")
            doc = Document(doc_id, f"feed#{b}-{i}", (Segment(0, "body", text),), date=dt.date(2015, 1, 1))
            batch.append((doc, [CodedSentence(sid, 0, 0, text, 0, [iran, russia], [event])], []))
        store.add_many(batch)
        time.sleep(0.05)
    print("done", flush=True)
""")

HOLDER = textwrap.dedent("""
    import sys, time
    from realpolitik.store import connect
    con = connect(sys.argv[1], read_only=sys.argv[3] == "ro")
    print("ready", flush=True)
    time.sleep(float(sys.argv[2]))
    con.close()
""")


def test_reads_succeed_while_another_process_writes(tmp_path):
    path = tmp_path / "live.duckdb"
    batches, per_batch = 8, 3
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(batches), str(per_batch)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reader = Store(path, lock_timeout=20)
    seen: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while writer.poll() is None and time.monotonic() < deadline:
            if path.exists():
                try:
                    # mentions, not events: the writer's look-alike events may be one happening
                    seen.append(len(reader.events(dyad="IRN,RUS", mentions=True)))
                except StoreError as exc:
                    if "empty" not in str(exc):  # the writer has not created the schema yet
                        raise
            time.sleep(0.01)
        out, err = writer.communicate(timeout=60)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert seen, "the reader never got a result while the writer ran"
    assert seen == sorted(seen)  # whole batches appear; nothing is ever lost
    assert all(n % per_batch == 0 for n in seen)
    assert len(reader.events(mentions=True)) == batches * per_batch
    assert len(reader.events()) == batches  # each batch's look-alike reports of one day are one event


def test_reader_gives_a_clear_error_when_the_lock_outlasts_the_timeout(store):
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store.path), "5", "rw"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        impatient = Store(store.path, lock_timeout=0.3)
        start = time.monotonic()
        with pytest.raises(StoreError, match=rf"locked by another process \(PID {holder.pid}\)"):
            impatient.counts()
        assert time.monotonic() - start < 3
    finally:
        holder.kill()
        holder.wait()


def test_writer_waits_for_a_reader_to_let_go(store):
    from store_records import build

    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(store.path), "1.5", "ro"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        start = time.monotonic()
        assert store.add(*build("late", "2016-05-01", [("Iran spoke.", [])])) is True
        assert time.monotonic() - start > 0.5  # it had to wait for the reader
    finally:
        holder.kill()
        holder.wait()
    assert store.existing(["late"]) == {"late"}
