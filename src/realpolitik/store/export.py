"""Write a query result as a rich table, CSV, JSON Lines, JSON or Parquet (to a file or stdout)."""
from __future__ import annotations

import datetime as dt
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from realpolitik.errors import StoreError
from realpolitik.store.query import ACTOR_TABLE_COLUMNS, TABLE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "jsonl", "json", "parquet")


def export(df: pd.DataFrame, fmt: str = "table", out: str | Path | None = None,
           columns: list[str] | None = None, console: Any = None) -> None:
    """Write ``df`` as ``fmt`` to ``out`` (stdout when None; parquet needs a file)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if columns:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise StoreError(f"unknown column(s): {', '.join(missing)}")
        df = df[columns]
    if fmt == "parquet":
        if out is None:
            raise StoreError("parquet is binary: give an output file (--out events.parquet)")
        _check_out(out)
        df.to_parquet(out, index=False)
        return
    if out is None:
        _write(df, fmt, sys.stdout, console, columns)
        return
    _check_out(out)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        _write(df, fmt, fh, None, columns)


def _check_out(out: str | Path) -> None:
    path = Path(out).expanduser().resolve()
    if path.is_dir():
        raise StoreError(f"cannot write {out}: it is a folder; give a file name")
    parent = path.parent
    if not parent.is_dir():
        raise StoreError(f"cannot write {out}: folder {parent} does not exist")


def _write(df: pd.DataFrame, fmt: str, fh: TextIO, console: Any, columns: list[str] | None) -> None:
    if fmt == "table":
        render_table(df, fh, console, columns)
    elif fmt == "csv":
        flat = df.copy()
        for col in flat.columns:
            if flat[col].dtype == object and any(isinstance(v, (list, tuple)) for v in flat[col]):
                flat[col] = flat[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        flat.to_csv(fh, index=False, date_format="%Y-%m-%d")
    elif fmt == "jsonl":
        for rec in records(df):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        json.dump(records(df), fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: dates as ISO strings, missing values as None, numpy scalars as Python."""
    return [{k: _plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _plain(v: Any) -> Any:
    import pandas as pd  # already loaded: a DataFrame is being written

    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):  # numpy scalars / arrays
        v = v.tolist()
        if isinstance(v, list):
            return [_plain(x) for x in v]
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if v is pd.NA:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat()
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def render_table(df: pd.DataFrame, fh: TextIO | None = None, console: Any = None,
                 columns: list[str] | None = None, title: str | None = None) -> None:
    """A rich table; an events frame shows a compact column set unless ``columns`` were chosen."""
    from rich.console import Console
    from rich.table import Table

    if columns is None:
        for compact in (TABLE_COLUMNS, ACTOR_TABLE_COLUMNS):
            if set(compact) <= set(df.columns):
                df = df[compact]
                break
    if console is None:
        target = fh or sys.stdout
        # A pipe or file has no width; rich's 80 columns would fold every header.
        console = Console(file=target, width=None if target.isatty() else 200)
    table = Table(title=title, show_lines=False)
    for col in df.columns:
        table.add_column(str(col), overflow="fold")
    for rec in records(df):
        table.add_row(*(_cell(v) for v in rec.values()))
    console.print(table)
    console.print(f"{len(df)} row{'s' if len(df) != 1 else ''}", style="dim")


def _cell(v: Any, items: int = 3) -> str:
    """A table cell; long lists show their first items and how many more there are."""
    if v is None:
        return ""
    if isinstance(v, list):
        more = f" (+{len(v) - items})" if len(v) > items else ""
        return "; ".join(map(str, v[:items])) + more
    return str(v)
