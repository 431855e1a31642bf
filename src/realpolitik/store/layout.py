"""The physical order of the ``events`` table: rewritten by year, then dyad, then date (``Store.optimize``).

DuckDB has no clustered index: a query reads whole 2,048-row vectors of every column it outputs, so the 63k
events of one dyad spread over a 10M-event table touch every vector of all 80 output columns. Written by year
and, within a year, by the unordered pair of countries (then date and article), one dyad's events of a year
sit together and a whole dyad query reads one short run per year instead of every vector. The year comes
first because the newest-50 lists (top-N by date) skip blocks by their date range: grouped by dyad alone, every
block spans all years and those lists got 10-40x slower (bench/query.py, docs/scale.md).

Only the layout changes: the same rows (every column, every id), and no query result depends on it (every
events query has its own ORDER BY). Rows written after the rewrite (an ingest, a reclustering) go to the end
in write order, as before; the next ``optimize`` puts them in place. Nothing of the schema changes, so there
is no migration: a file optimized once is read by every version that reads its schema.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from realpolitik.store.schema import columns, ddl

if TYPE_CHECKING:
    import duckdb

# The year, the dyad (both directions together), then the order the events query sorts by.
LAYOUT_ORDER = ("year(date) NULLS LAST, least(source_country, target_country) NULLS LAST, "
                "greatest(source_country, target_country) NULLS LAST, date NULLS LAST, doc_id, sentence_id, event_id")


def reorder_events(con: duckdb.DuckDBPyConnection) -> int:
    """Rewrite ``events`` on ``con`` (a writer) in :data:`LAYOUT_ORDER`, in one transaction (a crash or kill
    leaves the table as it was); returns the number of rows, which the rewrite checks is unchanged."""
    names = ", ".join(f'"{c}"' for c in columns("events"))
    (before,) = con.execute("SELECT count(*) FROM events").fetchone()
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("ALTER TABLE events RENAME TO events_unordered")
        for stmt in ddl():
            if " events (" in stmt:
                con.execute(stmt)
        con.execute(f"INSERT INTO events ({names}) SELECT {names} FROM events_unordered ORDER BY {LAYOUT_ORDER}")
        (after,) = con.execute("SELECT count(*) FROM events").fetchone()
        if after != before:  # cannot happen (one INSERT ... SELECT); checked so that it can never pass silently
            raise RuntimeError(f"events reordering wrote {after} rows for {before}")
        con.execute("DROP TABLE events_unordered")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("CHECKPOINT")  # the old table's blocks are freed for reuse
    return after
