"""`realpolitik ingest PATH...` — read, clean, code and store articles."""
from __future__ import annotations

import sys
from typing import Optional

import typer

from pathlib import Path

from realpolitik.cli.common import (ActorsOption, DbOption, PhoenixOption, VerbsOption, knowledge_base, parse_date,
                                    printable, safe, stderr)
from realpolitik.store.connection import resolve_path


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        paths: list[str] = typer.Argument(None, help="Files, directories (recursive) or globs; '-' or none = stdin."),
        db: str = DbOption,
        date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for every input."),
        source: Optional[str] = typer.Option(None, "--source", help="Publisher name for every input."),
        text_column: Optional[str] = typer.Option(None, "--text-column", help="CSV/JSON field holding the text."),
        date_column: Optional[str] = typer.Option(None, "--date-column", help="CSV/JSON field holding the date."),
        stdin_format: Optional[str] = typer.Option(None, "--stdin-format", help="txt|html|jsonl|csv for stdin."),
        no_model: bool = typer.Option(False, "--rules-only", help="Code with rules only (no learned classifier)."),
        max_bytes: int = typer.Option(64, "--max-bytes", help="Largest file to read, in MB."),
        actors: list[Path] = ActorsOption,
        phoenix: list[Path] = PhoenixOption,
        verbs: list[Path] = VerbsOption,
    ) -> None:
        """Ingest articles: .txt/.md, .html, .jsonl/.json, .csv, RSS/Atom; re-ingesting the same text adds nothing."""
        from realpolitik import api

        columns = {k: v for k, v in (("text", text_column), ("date", date_column)) if v}
        use_stdin = not paths or paths == ["-"]
        kwargs = dict(db=db, date=parse_date(date), source=source, columns=columns or None,
                      max_bytes=max_bytes * 2**20,
                      coder=api.build_coder(classifier=None if no_model else "default",
                                            kb=knowledge_base(actors, phoenix), verbs=verbs))
        if use_stdin:
            report = api.ingest(stdin=sys.stdin.buffer, stdin_format=stdin_format, **kwargs)
        else:
            report = api.ingest(paths, **kwargs)
        for failure in report.failures:
            stderr.print(f"[red]failed[/red] {safe(failure)}")
        for path in report.undated[:20]:
            stderr.print(f"[yellow]no date[/yellow] {safe(path)}: publication date unknown (use --date)")
        if len(report.undated) > 20:
            stderr.print(f"[yellow]no date[/yellow] … and {len(report.undated) - 20} more documents")
        for note in getattr(report, "notes", []):
            stderr.print(f"[yellow]note[/yellow] {safe(note)}")
        typer.echo(f"{report.added} documents added, {report.skipped} already stored, "
                   f"{report.events} events, {len(report.failures)} failed → {printable(resolve_path(db))}")
        if report.failures:
            raise typer.Exit(1)
