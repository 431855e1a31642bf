"""The DuckDB event store: the one database loader, writes per document batch, queries and exports."""
from realpolitik.store.connection import DEFAULT_PATH, connect
from realpolitik.store.export import FORMATS, export, records, render_table
from realpolitik.store.query import ACTOR_TABLE_COLUMNS, EVENT_COLUMN_NAMES, EVENT_COLUMNS, TABLE_COLUMNS
from realpolitik.store.schema import SCHEMA_VERSION
from realpolitik.store.store import Store

__all__ = ["ACTOR_TABLE_COLUMNS", "DEFAULT_PATH", "EVENT_COLUMNS", "EVENT_COLUMN_NAMES", "FORMATS", "SCHEMA_VERSION", "TABLE_COLUMNS",
           "Store", "connect", "export", "records", "render_table"]
