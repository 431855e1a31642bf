"""`realpolitik resolve`: a thin shell over realpolitik.actors.resolve_text()."""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Optional

import typer

from realpolitik.cli.common import ActorsOption, PhoenixOption, knowledge_base, parse_date, safe


def resolve_command(
    text: str = typer.Argument(..., help="Text to resolve (quote it); '-' reads standard input."),
    date: Optional[str] = typer.Option(None, "--date", help="Document date YYYY-MM-DD (dated roles and codes)."),
    actors: list[Path] = ActorsOption,
    phoenix: list[Path] = PhoenixOption,
    as_json: bool = typer.Option(False, "--json", help="One JSON object per mention instead of a table."),
) -> None:
    """Show every actor mention in TEXT: country, sector, full code, actor id and the rule that decided."""
    import sys

    from realpolitik.actors import resolve_text

    if text == "-":
        text = sys.stdin.read()
    kb = knowledge_base(actors, phoenix)
    refs = resolve_text(text, date=parse_date(date), kb=kb)
    if as_json:
        for r in refs:
            typer.echo(json.dumps(asdict(r), ensure_ascii=False))
        return
    if not refs:
        typer.echo("no actor mentions found")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table("mention", "country", "sector", "code", "actor id", "rule", "role")
    for r in refs:
        role = f"{'former ' if r.former else ''}{r.role or ''}".strip()
        table.add_row(*(safe(v) for v in (r.text, r.country or "-", r.sector or "-", r.code or "-", r.actor_id,
                                          r.rule, role or "-")))
    Console(width=160).print(table)


def register(app: typer.Typer) -> None:
    """Add the `resolve` command to the main app."""
    app.command("resolve")(resolve_command)
