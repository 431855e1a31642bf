"""`realpolitik ingest PATH...` — read, clean, code and store articles (on all cores, or on a Dask cluster)."""
from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any, Optional

import typer

from realpolitik.cli.common import (ActorsOption, DbOption, PhoenixOption, VerbsOption, parse_date, printable, safe,
                                    stderr)


class ProgressDisplay:
    """Progress of an ingest on stderr: a Rich bar (total, rate, ETA) on a terminal; otherwise (CI logs, pipes)
    one plain line every ``every`` seconds (0: none). Either way a final line with documents/s and words/s."""

    def __init__(self, every: float = 30.0, terminal: bool | None = None):
        self.every = every
        self.terminal = stderr.is_terminal if terminal is None else terminal
        self.last = time.monotonic()
        self.bar: Any = None
        self.task: Any = None
        self.summary: str | None = None

    def __call__(self, p) -> None:
        if p.final:
            self.close()
            rate = p.documents / p.elapsed if p.elapsed > 0 else 0.0
            wps = p.words / p.elapsed if p.elapsed > 0 else 0.0
            self.summary = (f"{p.documents:,} documents coded in {p.elapsed:,.1f} s: {rate:,.2f} documents/s, "
                            f"{wps:,.0f} words/s")
            stderr.print(self.summary)
            return
        if self.terminal:
            self._draw(p)
        elif self.every and time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            stderr.print(line(p))

    def _draw(self, p) -> None:
        if self.bar is None:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[info]}"), console=stderr.get(), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=p.total, info="")
        total = max(p.total, p.done) if p.total is not None else None
        wps = p.words / p.elapsed if p.elapsed > 0 else 0.0
        self.bar.update(self.task, completed=p.done, total=total,
                        info=f"{p.documents / max(p.elapsed, 1e-9):,.1f} doc/s {wps:,.0f} words/s "
                             f"{_clock(p.elapsed)} ETA {eta(p)}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _clock(seconds: float) -> str:
    return time.strftime("%H:%M:%S", time.gmtime(seconds))


def eta(p) -> str:
    """Time left at the rate so far ("?" without a total or a rate)."""
    rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
    if not p.total or rate <= 0:
        return "?"
    return _clock(max(p.total - p.done, 0) / rate)


def line(p) -> str:
    """The plain progress line: done/total, rates, ETA."""
    rate = p.done / p.elapsed if p.elapsed > 0 else 0.0
    wps = p.words / p.elapsed if p.elapsed > 0 else 0.0
    head = (f"ingest: {p.done:,}/{p.total:,} records ({100 * min(p.done / p.total, 1):.0f}%)" if p.total
            else f"ingest: {p.done:,} records")
    return f"{head}, {rate:,.1f} records/s, {wps:,.0f} words/s, ETA {eta(p)}"


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
        max_bytes: int = typer.Option(64, "--max-bytes",
                                       help="Largest file to read, in MB (JSONL/CSV: largest record; they stream)."),
        workers: Optional[int] = typer.Option(None, "--workers", "-j", min=1,
                                              help="Processes that parse and code (default: the machine's cores)."),
        dask: Optional[str] = typer.Option(None, "--dask", metavar="ADDRESS",
                                           help="Code on a Dask cluster: a scheduler address, or 'local' for a "
                                                "LocalCluster of --workers processes."),
        parts: Optional[Path] = typer.Option(None, "--parts", metavar="DIR",
                                             help="With --dask: folder for the Parquet parts the workers write "
                                                  "(shared by driver and workers; default: DB.parts)."),
        parse_all: bool = typer.Option(False, "--parse-all",
                                       help="Parse every document, also those the pre-filter finds can hold no "
                                            "event (the same events; their sentences stored too)."),
        progress_every: float = typer.Option(30.0, "--progress-every", metavar="SECONDS",
                                             help="Without a terminal: a progress line this often (0: none)."),
        actors: list[Path] = ActorsOption,
        phoenix: list[Path] = PhoenixOption,
        verbs: list[Path] = VerbsOption,
    ) -> None:
        """Ingest articles: .txt/.md, .html, .jsonl/.json, .csv, RSS/Atom; re-ingesting the same text adds nothing."""
        from realpolitik import pipeline

        columns = {k: v for k, v in (("text", text_column), ("date", date_column)) if v}
        use_stdin = not paths or paths == ["-"]
        spec = pipeline.CoderSpec(classifier=None if no_model else "default", actors=tuple(map(str, actors)),
                                  phoenix=tuple(map(str, phoenix)), verbs=tuple(map(str, verbs)))
        display = ProgressDisplay(every=progress_every)
        kwargs: dict[str, Any] = dict(db=db, date=parse_date(date), source=source, columns=columns or None,
                                      max_bytes=max_bytes * 2**20, coder=spec, progress=display,
                                      workers=workers or pipeline.default_workers(), prefilter=not parse_all)
        try:
            if dask is not None:
                try:
                    from realpolitik.distributed import ingest as dask_ingest
                except ImportError as exc:
                    from realpolitik.errors import RealpolitikError

                    raise RealpolitikError(f"--dask needs dask and distributed installed ({exc})") from None

                if use_stdin:
                    raise typer.BadParameter("--dask reads files (give paths), not stdin", param_hint="--dask")
                report = dask_ingest(paths, scheduler=dask, parts=parts, **kwargs)
            elif use_stdin:
                report = pipeline.ingest(stdin=sys.stdin.buffer, stdin_format=stdin_format, **kwargs)
            else:
                report = pipeline.ingest(paths, **kwargs)
        finally:
            display.close()
        for failure in report.failures:
            stderr.print(f"[red]failed[/red] {safe(failure)}")
        for path in report.undated[:20]:
            stderr.print(f"[yellow]no date[/yellow] {safe(path)}: publication date unknown (use --date)")
        if len(report.undated) > 20:
            stderr.print(f"[yellow]no date[/yellow] … and {len(report.undated) - 20} more documents")
        for note in getattr(report, "notes", []):
            stderr.print(f"[yellow]note[/yellow] {safe(note)}")
        if report.unparsed:
            stderr.print(f"{report.unparsed:,} of the documents added can hold no event (no trigger the coder "
                         "could fire): stored without sentences (--parse-all parses them)")
        typer.echo(f"{report.added} documents added, {report.skipped} already stored, "
                   f"{report.events} events, {len(report.failures)} failed → {printable(_db_path(db))}")
        if report.failures:
            raise typer.Exit(1)


def _db_path(db):
    from realpolitik.store.connection import resolve_path  # here: the store's import costs every command's start

    return resolve_path(db)
