"""Options and helpers shared by the command modules."""
from __future__ import annotations

import datetime as dt

import typer
from rich.console import Console

from realpolitik.errors import RealpolitikError

stderr = Console(stderr=True)
DbOption = typer.Option(None, "--db", help="DuckDB database file (default: $REALPOLITIK_DB, else ./realpolitik.duckdb).")
FormatOption = typer.Option("table", "--format", "-f", help="table|csv|jsonl|json|parquet|gdelt|icews (gdelt, icews: events only)")
OutOption = typer.Option(None, "--out", "-o", help="Write to this file instead of stdout.")
ActorsOption = typer.Option([], "--actors", help="User actor file (.yaml/.csv) adding or overriding actors (repeatable).")
PhoenixOption = typer.Option([], "--phoenix", help="PETRARCH/Phoenix actor dictionary (repeatable).")


def knowledge_base(actors, phoenix):
    """The shipped knowledge base, extended by --actors / --phoenix files (None = the cached default)."""
    if not actors and not phoenix:
        return None
    from realpolitik.actors import load_kb

    return load_kb(user_files=tuple(actors), phoenix_files=tuple(phoenix))


def parse_date(value: str | None, flag: str = "--date") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RealpolitikError(f"{flag}: '{value}' is not a date in YYYY-MM-DD form") from None


def escape_text(text: object) -> str:
    """A user-supplied string made safe to print through Rich: markup escaped, control characters as \\xNN.

    File names, actor and variant names may contain '[bold]' or ESC sequences; printed raw they would be
    read as markup (or swallowed) or reach the terminal.
    """
    from rich.markup import escape

    raw = str(text)
    clean = "".join(c if c.isprintable() or c == " " else f"\\x{ord(c):02x}" for c in raw)
    return escape(clean)
