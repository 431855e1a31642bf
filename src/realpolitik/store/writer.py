"""The writer of one ingest (``Store.writer()``): DuckDB's single-writer rule, kept without starving anyone.

DuckDB lets a database file be open by **one read-write process or by any number of read-only ones**, never
both. An ingest that held its write connection from start to end would lock every reader (`realpolitik
events`, the web UI, a notebook) out for hours; one that opened the file for every small batch and re-read
what is stored each time (what `Store.add_many` does) pays an open, a duplicate-check query and a commit per
64 documents. So the writer of an ingest:

- loads the hashes (doc_ids) of the stored documents **once**, into memory, and answers "is it stored?" from
  there (plus what it has buffered) without opening the file;
- **buffers** coded documents and writes them in one transaction of large Arrow tables when ``flush_docs``
  documents are waiting or the oldest has waited ``window`` seconds; the file is open only during that write
  and readers get in between two writes;
- when a reader holds the file (a read-only connection blocks the writer just as the writer blocks readers),
  **does not stop**: the documents stay buffered, the ingest goes on coding, each later batch tries again, and
  a message names the file and the process holding it. Only with ``max_pending`` documents waiting (a bound on
  memory), or at the end, does it wait, trying for ``patience`` seconds ($REALPOLITIK_WRITE_PATIENCE, default
  600) with a message every ``lock_timeout``; if the file is still held then, :class:`WriterStopped` says how
  many documents were stored and how many were not (rerunning the ingest adds exactly those: nothing stored
  is lost or duplicated);
- checks before each write whether another writer added documents meanwhile (the document count differs from
  what it expects); only then does it look the buffered ids up in the file.
"""
from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from realpolitik.errors import StoreError
from realpolitik.terminal import printable
from realpolitik.store.connection import EmptyDatabaseError, LockedError, connect, env_seconds

if TYPE_CHECKING:
    from realpolitik.store.store import Batch, Store

FLUSH_DOCS = 512
MAX_PENDING = 4096


def default_patience() -> float:
    """How long a blocked writer keeps trying before it gives up: $REALPOLITIK_WRITE_PATIENCE, default 600 s."""
    return env_seconds("REALPOLITIK_WRITE_PATIENCE", 600)


def default_window() -> float:
    """The longest a coded document waits in memory before a write is tried: $REALPOLITIK_WRITE_WINDOW, 5 s."""
    return env_seconds("REALPOLITIK_WRITE_WINDOW", 5)


class WriterStopped(StoreError):
    """The database stayed locked past the writer's patience; ``stored`` documents are safe, ``unstored`` not."""

    def __init__(self, path: str, reason: str, stored: int, unstored: int):
        super().__init__(f"{path} {reason}")
        self.path, self.reason = path, reason
        self.stored = stored
        self.unstored = unstored


def _say(message: str) -> None:
    print(printable(message), file=sys.stderr, flush=True)


class IngestWriter:
    """Buffers the coded documents of one ingest and writes them in large transactions (module docstring).

    ``added`` counts documents written to the file, ``pending`` those buffered; ``existing()`` and
    ``add_many()`` are what the ingest loop calls; ``on_wait`` receives each one-line waiting message.
    """

    def __init__(self, store: Store, *, flush_docs: int = FLUSH_DOCS, window: float | None = None,
                 max_pending: int = MAX_PENDING, patience: float | None = None,
                 on_wait: Callable[[str], None] | None = None):
        self.store = store
        self.flush_docs = max(1, flush_docs)
        self.window = default_window() if window is None else window
        self.max_pending = max(self.flush_docs, max_pending)
        self.patience = default_patience() if patience is None else patience
        self.on_wait = on_wait or _say
        self.added = 0
        self.writes = 0
        self.waits = 0  # write attempts that found the file held by another process
        self._items: list[tuple[Any, list, list]] = []
        self._oldest: float | None = None
        self._waiting_since: float | None = None
        self._stored, self._expected = self._load_stored()

    # ------------------------------------------------------------ what the ingest loop calls

    @property
    def pending(self) -> int:
        return len(self._items)

    def existing(self, doc_ids: Iterable[str]) -> set[str]:
        """The subset of ``doc_ids`` stored or buffered (from memory: no query)."""
        return {d for d in doc_ids if d in self._stored}

    def add_many(self, batch: Batch) -> int:
        """Buffer the new documents of ``batch`` (stored and repeated ones are skipped) and write when due;
        returns how many were new."""
        new = 0
        for doc, sentences, actors in batch:
            if doc.doc_id in self._stored:
                continue
            self._stored.add(doc.doc_id)
            self._items.append((doc, sentences, actors or []))
            new += 1
        if new:
            self._oldest = self._oldest or time.monotonic()
        if self._due():
            self._write(block=self.pending >= self.max_pending)
        return new

    def flush(self) -> None:
        """Write everything buffered now, waiting for the file if another process holds it."""
        if self.pending:
            self._write(block=True)

    def close(self, on_error: bool = False) -> None:
        """Write what is buffered, waiting for the file as long as the patience allows. ``on_error`` (the ingest
        loop failed or was interrupted): one quick try to keep what was coded, then give it up (a rerun codes it
        again). Closing twice is harmless."""
        if not self.pending:
            return
        if on_error:
            try:
                self._write(block=False)
            except StoreError:
                pass
            self._items = []
            return
        self._write(block=True)

    def __enter__(self) -> IngestWriter:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(on_error=exc_type is not None)

    # ------------------------------------------------------------ internals

    def _due(self) -> bool:
        if not self.pending:
            return False
        return (self.pending >= self.flush_docs or time.monotonic() - (self._oldest or 0) >= self.window)

    def _load_stored(self) -> tuple[set[str], int | None]:
        p = self.store.path
        if not p.exists():
            return set(), 0
        try:
            con = connect(p, read_only=True, lock_timeout=self.store.lock_timeout)
        except EmptyDatabaseError:
            return set(), 0
        try:
            ids = {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
        finally:
            con.close()
        return ids, len(ids)

    def _open(self, block: bool):
        """A write connection, or None when the file is held and ``block`` is false (try again later)."""
        timeout = self.store.lock_timeout if block else 0.0
        while True:
            try:
                con = connect(self.store.path, read_only=False, lock_timeout=timeout)
            except LockedError as exc:
                self.waits += 1
                now = time.monotonic()
                first = self._waiting_since is None
                if first:
                    self._waiting_since = now
                waited = now - self._waiting_since
                who = f"another process (PID {exc.pid})" if exc.pid else "another process"
                if block and waited >= self.patience:
                    stored, unstored = self.added, self.pending
                    raise WriterStopped(
                        str(self.store.path), f"stayed locked by {who} for {waited:.0f}s: gave up with {stored:,} "
                        f"documents stored and {unstored:,} coded but not stored; run the same ingest again to "
                        "add them (nothing is stored twice), or raise REALPOLITIK_WRITE_PATIENCE",
                        stored, unstored) from None
                if first or block:
                    then = ("waiting for it" if block else "coding goes on, documents wait in memory "
                            f"(up to {self.max_pending:,})")
                    self.on_wait(f"{self.store.path} is held by {who}, e.g. an open notebook or `realpolitik "
                                 f"serve`: {then}; {self.added:,} documents stored so far, {self.pending:,} "
                                 "waiting")
                if not block:
                    return None
                continue
            if self._waiting_since is not None:
                self.on_wait(f"{self.store.path} is free again after {time.monotonic() - self._waiting_since:.0f}s: "
                             f"storing {self.pending:,} waiting documents")
                self._waiting_since = None
            return con

    def _write(self, block: bool) -> None:
        from realpolitik.store.store import _existing, prepare, write_rows

        con = self._open(block)
        if con is None:
            return
        try:
            items = self._items
            count = con.execute("SELECT count(*) FROM documents").fetchall()[0][0]
            if count != self._expected:  # another writer was here since our last write: skip what it stored
                taken = _existing(con, "documents", "doc_id", [doc.doc_id for doc, _, _ in items])
                items = [it for it in items if it[0].doc_id not in taken]
            rows, new = prepare(items, set())
            if new:
                write_rows(con, rows)
            self.added += new
            self.writes += 1
            self._expected = count + new
            self._items, self._oldest = [], None
        finally:
            con.close()
