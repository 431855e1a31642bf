"""The one database loader: schema creation, version checks, clear errors for wrong files."""
from __future__ import annotations

import duckdb
import pytest

from realpolitik.errors import StoreError
from realpolitik.store import SCHEMA_VERSION, Store, connect

TABLES = {"meta", "documents", "segments", "sentences", "actors", "mentions", "events", "event_mentions"}


def _tables(con) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}


def test_first_write_open_creates_schema_and_version(tmp_path):
    con = connect(tmp_path / "new.duckdb")
    try:
        assert _tables(con) == TABLES
        assert con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]
    finally:
        con.close()


def test_default_path_is_in_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REALPOLITIK_DB", raising=False)
    connect().close()
    assert (tmp_path / "realpolitik.duckdb").is_file()


def test_reopening_keeps_data(store):
    con = connect(store.path, read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM documents").fetchall() == [(3,)]
    finally:
        con.close()


def test_newer_schema_version_is_refused(tmp_path):
    path = tmp_path / "future.duckdb"
    connect(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match="newer"):
        connect(path, read_only=True)


def test_non_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("Minutes of the meeting between the foreign ministers.\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        connect(path)


def test_foreign_duckdb_database_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE trades (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a realpolitik database"):
        connect(path)


@pytest.mark.parametrize("call", [lambda s: s.events(), lambda s: s.counts(), lambda s: s.actors()])
def test_reading_a_missing_database_says_to_ingest(tmp_path, call):
    with pytest.raises(StoreError, match="ingest"):
        call(Store(tmp_path / "missing.duckdb"))


def test_missing_folder_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        connect(tmp_path / "no" / "such" / "db.duckdb")
