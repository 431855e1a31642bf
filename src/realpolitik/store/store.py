"""`Store`: add coded documents in one transaction per batch and query them back as DataFrames.

The writer holds the file only while a batch is written, and readers open read-only and retry
while it is locked, so `realpolitik events` works while an ingest runs in another process.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from realpolitik.errors import StoreError
from realpolitik.records import Actor, CodedSentence, Document
from realpolitik.store import cluster, values
from realpolitik.store.connection import EmptyDatabaseError, connect, default_lock_timeout, resolve_path
from realpolitik.store.query import (TOP_ROWS, Rows, build_actor_values_query, build_event_count_query,
                                     build_event_query, build_rowid_query, build_tie_query, build_top_query)
from realpolitik.store.rows import ActorRow, DocRows, doc_rows
from realpolitik.store.schema import TABLES, columns

if TYPE_CHECKING:  # pandas loads lazily (DuckDB's fetchdf imports it): ingest should not pay for it
    import pandas as pd

    from realpolitik.store.writer import IngestWriter

Batch = Iterable[tuple[Document, list[CodedSentence], list[Actor]]]

_TABLES_IN_ORDER = ("documents", "segments", "sentences", "mentions", "event_mentions")
_SESSIONS = threading.local()  # per thread: id(Store) -> the read connection of its open session()


def _held_connections() -> dict[int, duckdb.DuckDBPyConnection]:
    if not hasattr(_SESSIONS, "held"):
        _SESSIONS.held = {}
    return _SESSIONS.held


class Store:
    """The event database at ``path`` (default ./realpolitik.duckdb); connections are opened per call."""

    def __init__(self, path: str | Path | None = None, read_only: bool = False, lock_timeout: float | None = None):
        self.path = resolve_path(path)
        self.read_only = read_only
        self.lock_timeout = default_lock_timeout() if lock_timeout is None else lock_timeout

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # ------------------------------------------------------------ connections

    @contextmanager
    def session(self) -> Iterator[Store]:
        """Hold one read-only connection for every read made inside (in this thread), e.g. one web request:
        opening the file costs more than a small query. Re-entrant; closed on exit, so no lock outlives it."""
        held = _held_connections()
        if id(self) in held:
            yield self
            return
        held[id(self)] = connect(self.path, read_only=True, lock_timeout=self.lock_timeout)
        try:
            yield self
        finally:
            held.pop(id(self)).close()

    @contextmanager
    def _reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        held = _held_connections().get(id(self))
        if held is not None:
            yield held
            return
        con = connect(self.path, read_only=True, lock_timeout=self.lock_timeout)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _writer(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only; cannot add documents")
        con = connect(self.path, read_only=False, lock_timeout=self.lock_timeout)
        try:
            yield con
        finally:
            con.close()

    def query(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run a read-only SQL query against the database (for analysis and power users)."""
        with self._reader() as con:
            return con.execute(sql, params or []).fetchdf()

    # ------------------------------------------------------------ writes

    def add(self, doc: Document, sentences: list[CodedSentence], actors: list[Actor] | None = None) -> bool:
        """Store one coded document; False (and nothing written) if its doc_id is already stored."""
        return self.add_many([(doc, sentences, actors or [])]) == 1

    def add_many(self, batch: Batch) -> int:
        """Store a batch of coded documents in one transaction; returns how many were new.

        Opens the file for this batch only. An ingest writing many batches uses :meth:`writer` instead."""
        items = list(batch)
        if not items:
            return 0
        with self._writer() as con:
            stored = _existing(con, "documents", "doc_id", list(dict.fromkeys(doc.doc_id for doc, _, _ in items)))
            rows, added = prepare(items, stored)
            if added:
                write_rows(con, rows)
            return added

    def writer(self, **options: Any) -> IngestWriter:
        """The writer of one ingest (a context manager): the stored document hashes are loaded once into memory,
        coded documents are buffered and written in large transactions, and the file is held only while one is
        written, so readers get in between. ``close()`` (or leaving the ``with``) stores everything buffered,
        waiting out readers with a message, or raises :class:`~realpolitik.store.writer.WriterStopped` saying how
        many documents were and were not stored. ``options``: see :class:`~realpolitik.store.writer.IngestWriter`."""
        from realpolitik.store.writer import IngestWriter

        if self.read_only:
            raise StoreError(f"{self.path} was opened read-only; cannot add documents")
        return IngestWriter(self, **options)

    def optimize(self) -> int:
        """Rewrite the events table by year, then dyad (the unordered pair of countries), then date, so that a
        whole dyad query or export reads one short run of blocks per year instead of all of them
        (store/layout.py). Same rows, same query results; events stored later go to the end until the next
        ``optimize``. Returns the event count."""
        from realpolitik.store.layout import reorder_events

        with self._writer() as con:
            return reorder_events(con)

    # ------------------------------------------------------------ reads

    def has(self, doc_id: str) -> bool:
        """True if this doc_id is stored right now."""
        return doc_id in self.existing([doc_id])

    def existing(self, doc_ids: Iterable[str]) -> set[str]:
        """The subset of ``doc_ids`` stored right now (one query for a whole batch)."""
        ids = list(doc_ids)
        if not ids or not self.path.exists():
            return set()
        try:
            with self._reader() as con:
                return _existing(con, "documents", "doc_id", ids)
        except EmptyDatabaseError:  # killed while being created, or made by hand: the first write initialises it
            return set()

    def events(self, actor: str | None = None, dyad: str | tuple[str, str] | None = None,
               since: str | dt.date | None = None, until: str | dt.date | None = None,
               root: str | None = None, plover: str | None = None, include_hypothetical: bool = False,
               limit: int | None = None, columns: list[str] | None = None, quad: int | None = None,
               text: str | None = None, offset: int | None = None, newest_first: bool = False,
               event_id: str | None = None, actor_id: str | None = None, mentions: bool = False) -> pd.DataFrame:
        """Events matching the filters, one row per event (columns in docs/columns.md); with ``mentions``, one
        row per coded mention instead (each with the ``event_id`` of the happening it belongs to).

        Factual events only unless ``include_hypothetical`` (which also brings back negated ones);
        ``text`` keeps events whose sentence holds every word; ``offset``/``limit`` page through them.
        """
        filters = dict(actor=actor, dyad=dyad, since=since, until=until, root=root, plover=plover,
                       include_hypothetical=include_hypothetical, quad=quad, text=text, actor_id=actor_id,
                       limit=limit, columns=columns, offset=offset, newest_first=newest_first, event_id=event_id,
                       mentions=mentions)
        with self._reader() as con, _event_sql(con, filters) as (sql, params):
            return _frame(con, sql, params)

    def event_chunks(self, chunk_rows: int = 100_000, arrow: bool = False, **filters: Any) -> Iterator[Any]:
        """The rows of :meth:`events` (same filters, same order) as DataFrames of at most ``chunk_rows`` rows, or
        as Arrow record batches with ``arrow``: a large export never holds the whole result in memory."""
        with self._reader() as con, _event_sql(con, filters) as (sql, params):
            for batch in con.sql(sql, params=params).to_arrow_reader(max(1, chunk_rows)):
                yield batch if arrow else batch.to_pandas(date_as_object=False)

    def count_events(self, **filters: Any) -> int:
        """How many events match the filters of :meth:`events` (actor, actor_id, dyad, since, until, root, plover,
        quad, text, include_hypothetical)."""
        with self._reader() as con:
            sql, params = build_event_count_query(**_with_actor_values(con, filters))
            return int(con.execute(sql, params).fetchall()[0][0])

    def actors(self, kind: str | None = None, country: str | None = None, limit: int | None = None) -> pd.DataFrame:
        """The actor table with list fields decoded, plus how often each actor is mentioned and in events;
        ``kind`` and ``country`` (ISO3) filter, ``limit`` keeps the most active."""
        sql = (
            "WITH ev AS (SELECT actor_id, count(*) AS n FROM ("
            "  SELECT source_actor_id AS actor_id FROM events UNION ALL SELECT target_actor_id FROM events)"
            "  WHERE actor_id IS NOT NULL GROUP BY actor_id),"
            " mn AS (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id) "
            "SELECT a.* EXCLUDE (votes), coalesce(mn.n, 0) AS mentions, coalesce(ev.n, 0) AS events FROM actors a "
            "LEFT JOIN mn USING (actor_id) LEFT JOIN ev USING (actor_id)"
        )
        params: list[Any] = []
        where = []
        if kind:
            where.append("lower(a.kind) = lower(?)")
            params.append(kind)
        if country:
            where.append("upper(a.country) = upper(?)")
            params.append(country)
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY events DESC, mentions DESC, a.actor_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        df = self.query(sql, params)
        for col in ("aliases", "roles", "members", "evidence"):
            df[col] = [json.loads(v) if isinstance(v, str) and v else [] for v in df[col]]
        return df

    def counts(self) -> dict[str, int]:
        """Row counts per table, plus factual and flagged (hypothetical or negated) events."""
        with self._reader() as con:
            out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                   for t in ("documents", "segments", "sentences", "actors", "mentions", "events",
                             "event_mentions")}
            flagged = con.execute(
                "SELECT count(*) FROM events WHERE is_hypothetical OR is_negated").fetchall()[0][0]
        out["events_flagged"] = flagged
        out["events_factual"] = out["events"] - flagged
        return out


@contextmanager
def _event_sql(con: duckdb.DuckDBPyConnection, query: dict[str, Any]) -> Iterator[tuple[str, list[Any]]]:
    """The events query of ``query`` (the arguments of :meth:`Store.events`) on ``con``: the actor filter by stored
    values, a limited query (``offset + limit <= TOP_ROWS``, no text search) by top-N pushdown, and a whole
    actor or dyad query by row id: the ids of the matching rows first (narrow columns scanned), registered on
    ``con`` while the query runs, then only those rows read whole (10M events, the 63k rows of dyad IRN,RUS:
    see bench/query.py). The rows and their order are the plain query's (tests/store/test_queries.py)."""
    sql, params, rowids = _plan_event_sql(con, query)
    if rowids is None:
        yield sql, params
        return
    name = f"_rows_{next(_ROW_TABLES)}"
    con.register(name, pa.table({"r": pa.array([r[0] for r in con.execute(*rowids).fetchall()], pa.int64())}))
    try:
        yield sql.replace(_ROWS_PLACEHOLDER, name), params
    finally:
        con.unregister(name)


_ROW_TABLES = itertools.count()
_ROWS_PLACEHOLDER = "_rows_placeholder"


def _plan_event_sql(con: duckdb.DuckDBPyConnection, query: dict[str, Any]
                    ) -> tuple[str, list[Any], tuple[str, list[Any]] | None]:
    mentions = bool(query.get("mentions"))
    limit, offset, text = query.get("limit"), query.get("offset"), query.get("text")
    args = {k: query.get(k) for k in ("limit", "columns", "offset", "newest_first", "event_id", "mentions")
            if k in query}
    filters = _with_actor_values(con, {k: v for k, v in query.items() if k not in args}, mentions)
    within = None
    if (limit is not None and 0 < int(limit) and int(offset or 0) >= 0 and int(offset or 0) + int(limit) <= TOP_ROWS
            and query.get("event_id") is None and not (text and text.strip())):
        within = _top_rows(con, int(offset or 0) + int(limit), bool(query.get("newest_first")), mentions, filters)
    elif (query.get("event_id") is None and not (text and text.strip())
          and any(filters.get(k) for k in ("dyad", "actor", "actor_id"))):
        return (*build_event_query(**filters, **args, rows_table=_ROWS_PLACEHOLDER),
                build_rowid_query(mentions=mentions, **filters))
    return (*build_event_query(**filters, **args, within=within), None)


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> pd.DataFrame:
    """The rows of ``sql`` as DuckDB's ``fetchdf`` gives them (the same dtypes and values), converted from Arrow
    column by column: half the CPU for a wide result (10M events, the 63k rows of a dyad: 0.9 -> 0.5 s). A column
    of a type not handled here, or an older pandas, takes ``fetchdf`` itself."""
    import pandas as pd

    table = con.sql(sql, params=params).to_arrow_table()
    if int(pd.__version__.split(".")[0]) < 3 or not all(_arrow_kind_handled(t) for t in table.schema.types):
        return con.execute(sql, params).fetchdf()
    nullable = {pa.int32(): pd.Int32Dtype(), pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}
    out = {}
    for name, col in zip(table.column_names, table.columns):
        if pa.types.is_string(col.type):  # text; no value at all: objects (None), as pandas infers them
            out[name] = (pd.Series([None] * len(col), dtype=object) if col.null_count == len(col)
                         else col.to_pandas())
        elif col.type in nullable and col.null_count:  # integers and booleans with NULLs: pandas' nullable types
            out[name] = col.to_pandas(types_mapper=nullable.get)
        elif pa.types.is_date32(col.type):
            out[name] = col.to_pandas(date_as_object=False).astype("datetime64[us]")
        else:
            out[name] = col.to_pandas()
    return pd.DataFrame(out, index=pd.RangeIndex(table.num_rows), columns=table.column_names)


def _arrow_kind_handled(t: pa.DataType) -> bool:
    return (pa.types.is_string(t) or t in (pa.int32(), pa.int64(), pa.bool_(), pa.float64(), pa.date32())
            or (pa.types.is_timestamp(t) and t.unit == "us" and t.tz is None))


def _with_actor_values(con: duckdb.DuckDBPyConnection, filters: dict[str, Any], mentions: bool = False) -> dict[str, Any]:
    """``filters`` with the stored values an ``actor`` filter matches (``actor_values``): its tests run once per
    distinct id, code, country and name instead of once per row, then the rows are found by equality."""
    actor = filters.get("actor")
    if not actor or filters.get("actor_values") is not None:
        return filters
    sql, params = build_actor_values_query(actor, mentions)
    values: dict[str, list[str]] = {}
    for field, value in con.execute(sql, params).fetchall():
        values.setdefault(field, []).append(value)
    return {**filters, "actor_values": {k: tuple(v) for k, v in values.items()}}


def _top_rows(con: duckdb.DuckDBPyConnection, n: int, newest_first: bool, mentions: bool,
              filters: dict[str, Any]) -> Rows:
    """The rows that can be among the first ``n`` of the events query (top-N pushdown): the first ``n`` by date
    and doc_id over the events table alone (DuckDB reads only those columns and stops early), plus every row
    tied with the last of them on both keys, whose order the joined sentence position decides."""
    sql, params = build_top_query(n, newest_first=newest_first, mentions=mentions, **filters)
    rows = con.execute(sql, params).fetchall()
    if len(rows) == n:
        _, _, doc_id, date = rows[-1]
        sql, params = build_tie_query(date, doc_id, mentions=mentions, **filters)
        rows += con.execute(sql, params).fetchall()
    return Rows(tuple(sorted({r[0] for r in rows})), tuple({r[1] for r in rows}), tuple({r[2] for r in rows}))


def prepare(items: list[tuple[Document, list[CodedSentence], list[Actor]]], stored: set[str],
            ingested_at: dt.datetime | None = None) -> tuple[DocRows, int]:
    """The rows of the documents of ``items`` whose doc_id is not in ``stored`` (which gains them), and how many
    documents that is; a document repeated in ``items`` counts once."""
    now = ingested_at or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
    rows = DocRows()
    added = 0
    for doc, sentences, actors in items:
        if doc.doc_id in stored:
            continue
        stored.add(doc.doc_id)
        rows.extend(doc_rows(doc, sentences, actors or [], now))
        added += 1
    return rows, added


def write_rows(con: duckdb.DuckDBPyConnection, rows: DocRows) -> None:
    """Write the rows of new documents in one transaction: all of them or (on any error) none.

    The caller has checked that no document is stored. Sentence and mention ids already stored (ids shared with
    another document) are skipped, never duplicated: the inserts ignore key conflicts through the tables' primary
    key indexes, so the cost does not grow with the database."""
    rows.sentences = _first_of_each(rows.sentences, "sentence_id", set())
    rows.event_mentions = _first_of_each(rows.event_mentions, "mention_id", set())
    con.execute("BEGIN TRANSACTION")
    try:
        _upsert_actors(con, rows.actors)
        for table in _TABLES_IN_ORDER:
            new = _insert(con, table, getattr(rows, table))
            if table == "sentences" and new is not None and len(new) < len(rows.sentences):
                rows.mentions = [r for r in rows.mentions if r["sentence_id"] in new]
            if table == "event_mentions":
                new_mentions = [r["mention_id"] for r in rows.event_mentions] if new is None else sorted(new)
        # one event per happening: join the new mentions to stored events (store/cluster.py)
        cluster.assign(con, new_mentions)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _first_of_each(rows: list[dict[str, Any]], key: str, skip: set[str]) -> list[dict[str, Any]]:
    seen = set(skip)
    out = []
    for r in rows:
        if r[key] not in seen:
            seen.add(r[key])
            out.append(r)
    return out


def _existing(con: duckdb.DuckDBPyConnection, table: str, key: str, values: list[str]) -> set[str]:
    """The ``values`` stored as ``table.key`` (a primary key): lookups in its index, whose cost does not grow
    with the table."""
    from realpolitik.store.cluster import _in_list

    ids = sorted(set(values))
    out: set[str] = set()
    for i in range(0, len(ids), 2000):
        out.update(r[0] for r in con.execute(f"SELECT {key} FROM {table} WHERE {key} IN {_in_list(ids[i:i + 2000])}")
                   .fetchall())
    return out


# Tables whose ids a new document may share with a stored one: a conflicting row is skipped, not an error.
_KEEP_FIRST = {"sentences": "sentence_id", "event_mentions": "mention_id"}


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> set[str] | None:
    """Insert ``rows`` as one Arrow table; for the tables of ``_KEEP_FIRST``, the set of ids actually inserted."""
    key = _KEEP_FIRST.get(table)
    if not rows:
        return set() if key else None
    typed = TABLES[table][0]
    cols = ", ".join(f'"{c}"' for c, _ in typed)
    args = values.params(typed, rows)
    if key:
        return {r[0] for r in con.execute(
            f"INSERT OR IGNORE INTO {table} ({cols}) {values.select(typed)} RETURNING {key}", args).fetchall()}
    con.execute(f"INSERT INTO {table} ({cols}) {values.select(typed)}", args)
    return None


def _upsert_actors(con: duckdb.DuckDBPyConnection, incoming: dict[str, ActorRow]) -> None:
    """Insert new actors; merge into stored ones with UPDATE (no delete: mentions/events reference them)."""
    if not incoming:
        return
    cur = con.execute("SELECT * FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))", [list(incoming)])
    names = [d[0] for d in cur.description]
    stored = {r[0]: ActorRow.from_row(dict(zip(names, r))) for r in cur.fetchall()}
    new, changed = [], []
    for actor_id, row in incoming.items():
        if actor_id in stored:
            if stored[actor_id].merge(row):
                changed.append(stored[actor_id].to_row())
        else:
            new.append(row.to_row())
    _insert(con, "actors", new)
    if changed:
        typed = TABLES["actors"][0]
        sets = ", ".join(f'"{c}" = u."{c}"' for c, _ in typed if c != "actor_id")
        con.execute(f"UPDATE actors SET {sets} FROM ({values.select(typed)}) u WHERE actors.actor_id = u.actor_id",
                    values.params(typed, changed))
