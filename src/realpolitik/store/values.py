"""Python values handed to DuckDB as rows of a query, without Arrow: the writer's one way to pass rows and
id lists to SQL. Building any Arrow array from Python objects imports pandas (pyarrow checks each input for a
pandas object), about half a second of CPU that an ingest would pay for nothing; DuckDB takes a Python list as
a parameter and ``unnest`` turns typed lists, side by side, into rows in their order.
The values are those an Arrow table of the table's schema would carry (tests/store/test_values.py)."""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import duckdb


def select(cols: Sequence[tuple[str, str]]) -> str:
    """``SELECT unnest(?::T[]) AS "c", ...``: the rows of one typed list parameter per column (``cols``: name, SQL
    type), in list order; zero rows for empty lists."""
    return "SELECT " + ", ".join(f'unnest(?::{sql}[]) AS "{name}"' for name, sql in cols)


def params(cols: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]]) -> list[list[Any]]:
    """The parameters of :func:`select` for ``rows`` (dicts; a missing key is NULL, as in an Arrow table built
    from them)."""
    return [[r.get(name) for r in rows] for name, _ in cols]


@contextmanager
def temp_table(con: duckdb.DuckDBPyConnection, name: str, cols: Sequence[tuple[str, str]],
               values: Sequence[Sequence[Any]]) -> Iterator[str]:
    """A temporary table ``name`` of these columns (name, SQL type) and ``values`` (one list per column), for the
    queries of the ``with`` block; dropped after it."""
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS {select(cols)}", [list(v) for v in values])
    try:
        yield name
    finally:
        con.execute(f"DROP TABLE IF EXISTS {name}")
