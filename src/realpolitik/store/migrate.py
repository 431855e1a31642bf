"""Schema migrations: a database written by an older realpolitik is upgraded in place when it is opened.

Each step takes the file from version N-1 to N inside one transaction (a crash leaves it at N-1) and
never drops stored rows: new columns start empty (NULL) for what was stored before them.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.errors import StoreError
from realpolitik.store import values
from realpolitik.store.schema import GEO_COLUMNS, SCHEMA_VERSION, SENTENCE_FIELDS

if TYPE_CHECKING:
    import duckdb


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?",
        [table]).fetchall()}


def _v2_geo(con: duckdb.DuckDBPyConnection) -> None:
    """Version 2: where events happened and where their actors are (action/source/target_geo_*)."""
    have = _columns(con, "events")
    for name, sql in GEO_COLUMNS:
        if name not in have:
            con.execute(f'ALTER TABLE events ADD COLUMN "{name}" {sql}')


def _v3_cameo_name(con: duckdb.DuckDBPyConnection) -> None:
    """Version 3: the CAMEO event name beside its code, filled from the codebook for what was stored."""
    from realpolitik.events.codebook import cameo_codes

    if "cameo_name" not in _columns(con, "events"):
        con.execute('ALTER TABLE events ADD COLUMN "cameo_name" VARCHAR')
    codes = cameo_codes()
    with values.temp_table(con, "_names", [("code", "VARCHAR"), ("name", "VARCHAR")],
                           [list(codes), [c.name for c in codes.values()]]):
        con.execute("UPDATE events SET cameo_name = n.name FROM _names n WHERE events.cameo = n.code "
                    "AND events.cameo_name IS NULL")


def _v4_actor_votes(con: duckdb.DuckDBPyConnection) -> None:
    """Version 4: each actor's evidence votes (store.actor_merge); a row stored before votes counts as one vote
    for the code it has when the next document merges into it."""
    if "votes" not in _columns(con, "actors"):
        con.execute('ALTER TABLE actors ADD COLUMN "votes" VARCHAR')


def _v5_event_mentions(con: duckdb.DuckDBPyConnection) -> None:
    """Version 5: the coded rows move to ``event_mentions`` (their id becomes ``mention_id``) and ``events``
    holds one row per happening, clustered from them (store/cluster.py). Every coded row is kept."""
    from realpolitik.store import cluster
    from realpolitik.store.schema import columns, ddl

    old = [c for c in columns("event_mentions") if c in _columns(con, "events") and c != "mention_id"]
    con.execute("ALTER TABLE events RENAME TO events_v4")
    for stmt in ddl():
        if " event_mentions (" in stmt or " events (" in stmt:
            con.execute(stmt)
    cols = ", ".join(f'"{c}"' for c in old)
    con.execute(f'INSERT INTO event_mentions (mention_id, {cols}) SELECT event_id, {cols} FROM events_v4')
    # lead/title/caption flag and the clustering key, from the stored rows
    con.execute("""
        UPDATE event_mentions SET is_root = (m.segment_kind IN ('title', 'caption') OR (m.segment_kind = 'body'
            AND s.segment_idx = (SELECT min(g.idx) FROM segments g WHERE g.doc_id = m.doc_id AND g.kind = 'body')
            AND s.sentence_idx < ?))
        FROM event_mentions m JOIN sentences s ON s.sentence_id = m.sentence_id
        WHERE event_mentions.mention_id = m.mention_id""", [cluster.LEAD_SENTENCES])
    names = ["source_country", "source_actor_id", "source_code", "target_country", "target_actor_id", "target_code",
             "cameo_root", "is_hypothetical", "is_negated"]
    rows = con.execute(f"SELECT mention_id, {', '.join(names)} FROM event_mentions").fetchall()
    keys = [[r[0] for r in rows], [cluster.cluster_key(dict(zip(names, r[1:]))) for r in rows]]
    with values.temp_table(con, "_keys", [("id", "VARCHAR"), ("k", "VARCHAR")], keys):
        con.execute("UPDATE event_mentions SET cluster_key = k.k FROM _keys k WHERE event_mentions.mention_id = k.id")
    con.execute("DROP TABLE events_v4")
    cluster.recluster(con)


def _v6_sentence_fields(con: duckdb.DuckDBPyConnection) -> None:
    """Version 6: each event and mention row carries its sentence's text and position (schema.SENTENCE_FIELDS),
    copied from ``sentences`` for what was stored: the events query no longer joins the sentences table."""
    for table in ("event_mentions", "events"):
        have = _columns(con, table)
        for name, sql in SENTENCE_FIELDS:
            if name not in have:
                con.execute(f'ALTER TABLE {table} ADD COLUMN "{name}" {sql}')
        con.execute(f"UPDATE {table} SET sentence_text = s.text, sentence_segment = s.segment_idx, "
                    f"sentence_index = s.sentence_idx FROM sentences s WHERE {table}.sentence_id = s.sentence_id")


STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {2: _v2_geo, 3: _v3_cameo_name, 4: _v4_actor_votes,
                                                              5: _v5_event_mentions, 6: _v6_sentence_fields}


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    try:
        return int(rows[0][0]) if rows else None
    except ValueError:
        return None


def migrate(con: duckdb.DuckDBPyConnection, p: Path) -> int:
    """Bring the database on ``con`` (opened for writing) up to SCHEMA_VERSION; returns the version it had."""
    start = stored_version(con)
    if start is None:
        raise StoreError(f"{p} has no readable schema_version; it was not written by realpolitik")
    for version in range(start + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            STEPS[version](con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(version)])
            con.execute("COMMIT")
        except Exception as exc:  # a duckdb.Error: DuckDB is loaded (``con`` is open)
            import duckdb

            if not isinstance(exc, duckdb.Error):
                con.execute("ROLLBACK")
                raise
            con.execute("ROLLBACK")
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot upgrade {p} from schema {version - 1} to {version}: {first}") from None
    return start
