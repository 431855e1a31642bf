"""`realpolitik demo` — ingest the bundled corpus into a fresh database and print a summary."""
from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(db: str = typer.Option("realpolitik-demo.duckdb", "--db", help="Database to (re)create.")) -> None:
        """Ingest the bundled Iran–Russia–US–Syria demo corpus (2013–2016) and summarise it."""
        from rich.console import Console

        from realpolitik import api
        from realpolitik.analysis import render_summary

        report, summary = api.demo(db)
        console = Console()
        console.print(f"[bold]realpolitik demo[/bold]: {report.added} documents, {report.events} events "
                      f"coded into {db}" + (f", {len(report.failures)} failed" if report.failures else ""))
        render_summary(summary, console)
        console.print(f"\nNext: realpolitik events --db {db} --dyad IRN,RUS   ·   realpolitik actors --db {db}")
