"""Every stored table as sorted rows (timestamps left out: they say when, not what), for comparing two runs.

An actor's ``roles`` are compared as a set: the store keeps them in the order documents brought them
(``ActorRow.merge`` in store/rows.py settles before it merges the lists), which is the one thing about an actor
row that depends on arrival order; every other column must be equal.
"""
from __future__ import annotations

import json

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
            if "roles" in cols:
                k = cols.index("roles")
                rows = [(*r[:k], json.dumps(sorted(json.loads(r[k] or "[]"))), *r[k + 1:]) for r in rows]
            out[table] = sorted(tuple(map(str, r)) for r in rows)
        return out
    finally:
        con.close()
