"""`realpolitik demo` — ingest the bundled corpus into a fresh database and print a summary (--serve: open the UI)."""
from __future__ import annotations

import typer

from realpolitik.cli.common import safe, stdout_console
from realpolitik.cli.serve import HostOption, PortOption


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(db: str = typer.Option("realpolitik-demo.duckdb", "--db", metavar="FILE",
                                    help="Database to (re)create (an earlier demo database is replaced)."),
             force: bool = typer.Option(False, "--force", help="Replace --db even if it is not a demo database."),
             serve: bool = typer.Option(False, "--serve", help="Then serve the browser UI on it (Ctrl+C stops)."),
             host: str = HostOption, port: int = PortOption) -> None:
        """Ingest the bundled Iran–Russia–US–Syria demo corpus (2013–2016) and summarise it."""
        from realpolitik import api
        from realpolitik.analysis import render_summary

        report, summary = api.demo(db, force=force)
        console = stdout_console()
        console.print(f"[bold]realpolitik demo[/bold]: {report.added} documents, {report.events} events "
                      f"coded into {safe(db)}" + (f", {len(report.failures)} failed" if report.failures else ""))
        render_summary(summary, console)
        if not serve:
            console.print(f"\nNext: realpolitik events --db {safe(db)} --dyad IRN,RUS   ·   "
                          f"realpolitik serve --db {safe(db)}")
            return
        from realpolitik.web import serve as run

        run(db, host=host, port=port)
