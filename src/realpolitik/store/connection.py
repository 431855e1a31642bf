"""THE one database loader: opens (and on first write creates) the DuckDB file, checks its schema version."""
from __future__ import annotations

import datetime as dt
import os
import re
import time
from pathlib import Path

from typing import TYPE_CHECKING

from realpolitik.errors import StoreError
from realpolitik.store.migrate import migrate
from realpolitik.store.schema import SCHEMA_VERSION, ddl

if TYPE_CHECKING:  # DuckDB and pyarrow (the schema) load on the first open, not on import
    import duckdb

DEFAULT_PATH = Path("realpolitik.duckdb")


def default_lock_timeout() -> float:
    """How long to wait for another process (an ingest, a reader) to release the file: $REALPOLITIK_LOCK_TIMEOUT
    seconds, default 30; a value that is not a number of seconds is a one-line error."""
    return env_seconds("REALPOLITIK_LOCK_TIMEOUT", 30)


class LockedError(StoreError):
    """Another process held the database file for longer than the lock timeout."""

    def __init__(self, message: str, pid: int | None = None):
        super().__init__(message)
        self.pid = pid


def env_seconds(name: str, default: float) -> float:
    """A number of seconds from environment variable ``name`` (``default`` when unset); anything else is a
    one-line error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = float("nan")
    if not 0 <= value < float("inf"):
        raise StoreError(f"{name}={raw!r} is not a number of seconds (e.g. {default:g})")
    return value


class EmptyDatabaseError(StoreError):
    """The file exists but holds no realpolitik tables yet (0 bytes, or killed while being created)."""


def resolve_path(path: str | Path | None) -> Path:
    """The database path: the argument, else $REALPOLITIK_DB, else ./realpolitik.duckdb."""
    if path is None:
        path = os.environ.get("REALPOLITIK_DB") or DEFAULT_PATH
    return Path(path).expanduser()


def connect(path: str | Path | None = None, read_only: bool = False,
            lock_timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """Open the event database; a write-open creates the schema, every open checks its version.

    While another process holds the file, retry with backoff for ``lock_timeout`` seconds.
    """
    p = resolve_path(path)
    if p.is_dir():
        raise StoreError(f"{p} is a directory, not a database file")
    if read_only and not p.exists():
        raise StoreError(f"no database at {p}: run `realpolitik ingest` first (or pass --db)")
    if not read_only and not p.parent.exists():
        raise StoreError(f"cannot create database {p}: folder {p.parent} does not exist")
    if p.is_file() and p.stat().st_size == 0:
        if read_only:
            raise EmptyDatabaseError(f"{p} is an empty file, not yet a database: run `realpolitik ingest` first")
        _remove_unused_empty_file(p)  # DuckDB refuses a 0-byte file; it holds nothing to lose
    timeout = default_lock_timeout() if lock_timeout is None else lock_timeout
    con = _open_with_retry(p, read_only, timeout)
    try:
        old = _check_or_create_schema(con, p, read_only)
        if old and not read_only:
            migrate(con, p)
    except BaseException:
        con.close()
        raise
    if old and read_only:
        # an older file: upgrade it once through a write connection, then read it as asked
        con.close()
        rw = _open_with_retry(p, False, timeout)
        try:
            migrate(rw, p)
        finally:
            rw.close()
        con = _open_with_retry(p, True, timeout)
    return con


def _remove_unused_empty_file(p: Path) -> None:
    """Delete a 0-byte database file unless another process holds it open with a lock (creating it now)."""
    import fcntl

    with open(p, "rb+") as fh:
        try:
            fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return  # in use: the open below waits for it like for any locked file
        if os.fstat(fh.fileno()).st_size == 0:
            p.unlink()


def _open_with_retry(p: Path, read_only: bool, timeout: float) -> duckdb.DuckDBPyConnection:
    import duckdb

    deadline = time.monotonic() + timeout
    delay = 0.02
    while True:
        try:
            con = duckdb.connect(str(p), read_only=read_only)
            # no progress bar: DuckDB would draw it on stdout, into an export piped from `realpolitik events`
            con.execute("SET enable_progress_bar = false")
            return con
        except duckdb.Error as exc:
            msg = str(exc)
            if "lock" not in msg.lower():
                raise _open_error(p, msg) from None
            if time.monotonic() >= deadline:
                pid = re.search(r"PID (\d+)", msg)
                who = f"another process (PID {pid.group(1)})" if pid else "another process"
                raise LockedError(
                    f"{p} is locked by {who} and stayed locked for {timeout:g}s; try again when it "
                    "finishes, or raise REALPOLITIK_LOCK_TIMEOUT", int(pid.group(1)) if pid else None) from None
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.5)


def _open_error(p: Path, msg: str) -> StoreError:
    low = msg.lower()
    if "not a valid duckdb database" in low:
        return StoreError(f"{p} is not a DuckDB database file; pass another --db path")
    if "version" in low and ("storage" in low or "database file" in low):
        return StoreError(f"{p} was written by an incompatible DuckDB version; upgrade duckdb or use a new --db")
    if "different configuration" in low:
        return StoreError(f"{p} is already open in this process with another mode (read-only vs write)")
    first = msg.strip().splitlines()[0] if msg.strip() else type(msg).__name__
    return StoreError(f"cannot open database {p}: {first}")


def _check_or_create_schema(con: duckdb.DuckDBPyConnection, p: Path, read_only: bool) -> bool:
    """Create the schema in a new file; True when the file has an older schema version (to be migrated)."""
    tables = {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
    if "meta" not in tables:
        if tables:
            raise StoreError(f"{p} is a DuckDB file but not a realpolitik database (no meta table)")
        if read_only:
            raise EmptyDatabaseError(f"{p} is an empty database: run `realpolitik ingest` first")
        _create_schema(con)
        return False
    # fetchall, not fetchone: DuckDB 2 refuses new work while a result is left half-read.
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    row = rows[0] if rows else None
    try:
        version = int(row[0]) if row else None
    except ValueError:
        version = None
    if version is None:
        raise StoreError(f"{p} has no readable schema_version; it was not written by realpolitik")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{p} uses schema version {version}, newer than this realpolitik "
                         f"(schema {SCHEMA_VERSION}); upgrade realpolitik")
    return version < SCHEMA_VERSION


def _create_schema(con: duckdb.DuckDBPyConnection) -> None:
    from realpolitik import __version__

    now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None).isoformat(timespec="seconds")
    con.execute("BEGIN TRANSACTION")
    try:
        for stmt in ddl():
            con.execute(stmt)
        con.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("schema_version", str(SCHEMA_VERSION)), ("created_by", f"realpolitik {__version__}"),
            ("created_at", now)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
