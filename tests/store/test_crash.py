"""A process that dies in the middle of a batch leaves the database as it was before the batch."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from store_records import build, ev

from realpolitik.store import Store

CRASH = textwrap.dedent("""
    import os, sys
    sys.path.insert(0, sys.argv[2])
    from store_records import build, ev
    import realpolitik.store.store as mod
    from realpolitik.store import Store

    store = Store(sys.argv[1])
    store.add(*build("first", "2015-01-01", [("Iran met Russia.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")])]))
    real = mod._insert

    def dying_insert(con, table, rows):
        real(con, table, rows)
        if table == "sentences":
            os._exit(3)  # killed mid-transaction: no rollback, no close

    mod._insert = dying_insert
    store.add(*build("second", "2015-02-01", [("Russia met Iran.", [ev("RUS", "IRN", "040", 1, 1.0, "CONSULT")])]))
""")


def test_killed_writer_loses_only_its_open_batch(tmp_path):
    path = tmp_path / "crash.duckdb"
    run = subprocess.run([sys.executable, "-c", CRASH, str(path), str(Path(__file__).parent)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 3, run.stderr
    store = Store(path)
    assert store.existing(["first", "second"]) == {"first"}
    assert (store.counts()["sentences"], store.counts()["events"]) == (1, 1)
    # The next ingest picks up where it stopped.
    again = build("second", "2015-02-01", [("Russia met Iran.", [ev("RUS", "IRN", "040", 1, 1.0, "CONSULT")])])
    assert store.add(*again) is True
