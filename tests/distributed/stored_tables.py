"""Every stored table as sorted rows (timestamps left out: they say when, not what), for comparing two runs.
Every column must be equal, an actor's ``roles`` list included (ActorRow.merge settles the lists into a
fixed order after merging them, whatever order the documents arrive in).
"""
from __future__ import annotations

import duckdb

TABLES = ("documents", "segments", "sentences", "actors", "mentions", "events", "event_mentions")


def stored_tables(db) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            cols = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? AND data_type NOT LIKE "
                "'TIMESTAMP%' ORDER BY ordinal_position", [table]).fetchall()]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f"SELECT {quoted} FROM {table}").fetchall()
            out[table] = sorted(tuple(map(str, r)) for r in rows)
        return out
    finally:
        con.close()
