"""The DuckDB event store: the one database loader, writes per document batch, queries and exports.

`Store` loads on first use (PEP 562), with DuckDB and pyarrow: a CLI module importing
`realpolitik.store.connection` must not pay for them when the command only prints its help."""
from __future__ import annotations

from typing import Any

from realpolitik.store.connection import DEFAULT_PATH, connect
from realpolitik.store.export import FORMATS, export, records, render_table
from realpolitik.store.query import ACTOR_TABLE_COLUMNS, EVENT_COLUMN_NAMES, EVENT_COLUMNS, TABLE_COLUMNS
from realpolitik.store.schema import SCHEMA_VERSION

__all__ = ["ACTOR_TABLE_COLUMNS", "DEFAULT_PATH", "EVENT_COLUMNS", "EVENT_COLUMN_NAMES", "FORMATS", "SCHEMA_VERSION",
           "TABLE_COLUMNS", "Store", "connect", "export", "records", "render_table"]


def __getattr__(name: str) -> Any:
    if name == "Store":
        from realpolitik.store.store import Store

        return Store
    raise AttributeError(f"module 'realpolitik.store' has no attribute {name!r}")
