"""`realpolitik summary`, `dyad`, `network` and `factions`: thin shells over realpolitik.analysis."""
from __future__ import annotations

from typing import Optional

import typer

from realpolitik.cli.common import DbOption, ForceOption, OutOption, check_overwrite, stdout_console

SinceOption = typer.Option(None, "--since", help="Events on or after YYYY, YYYY-MM or YYYY-MM-DD.")
UntilOption = typer.Option(None, "--until", help="Events up to the end of YYYY, YYYY-MM or YYYY-MM-DD.")
ByOption = typer.Option("month", "--by", help="day | week | month | quarter | year")
ChartOption = typer.Option(None, "--chart", help="Save a Plotly chart: FILE.html, or FILE.png where kaleido works "
                                                 "(else HTML, said so).")


FormatOption = typer.Option("table", "--format", "-f", metavar="FORMAT", help="table|csv|jsonl|json|parquet")


def _console():
    """The CLI's stdout console, 200 columns wide for a pipe or file (rich's 80 would fold the tables)."""
    import sys

    return stdout_console(width=None if sys.stdout.isatty() else 200)


def _output(frame, fmt: str, out, render, chart, figure, db, force: bool) -> None:
    """``render()`` for a table on screen, else export ``frame``; then save ``figure()`` as --chart.

    Neither --out nor --chart may overwrite the database or another DuckDB file (unless --force)."""
    from realpolitik.analysis.charts import save_figure
    from realpolitik.store import export
    from realpolitik.store.connection import resolve_path

    check_overwrite(out, inputs=[resolve_path(db)], force=force)
    check_overwrite(chart, inputs=[resolve_path(db)], force=force, flag="--chart")
    if fmt == "table" and out is None:
        render(_console())
    else:
        export(frame, fmt, out)
    if chart:
        typer.echo(save_figure(figure(), chart), err=True)


def _store(db):
    from realpolitik.store import Store

    return Store(db, read_only=True)


def register(app: typer.Typer) -> None:
    @app.command()
    def summary(
        db: str = DbOption,
        pair: Optional[str] = typer.Option(None, "--pair", help="The dyad of the monthly line, e.g. IRN,USA "
                                                                 "(default: the top dyad)."),
        top: int = typer.Option(5, "--top", help="How many dyads and actors to list."),
        since: Optional[str] = SinceOption,
        until: Optional[str] = UntilOption,
        fmt: str = typer.Option("table", "--format", "-f", help="table | json"),
    ) -> None:
        """Overview of a database: counts, top dyads, the top dyad's monthly index, most active actors."""
        import json

        from realpolitik.analysis import render_summary
        from realpolitik.analysis import summary as summarise
        from realpolitik.errors import RealpolitikError

        if fmt not in ("table", "json"):
            raise RealpolitikError(f"--format: {fmt!r}; summary prints table or json")
        store = _store(db)
        keys = None
        if pair:
            from realpolitik.analysis.actors import resolve_key
            from realpolitik.store.query import parse_pair

            keys = tuple(resolve_key(store, k)[0] for k in parse_pair(pair))
        s = summarise(store, pair=keys, n=top, since=since, until=until)
        if fmt == "json":
            typer.echo(json.dumps(s, ensure_ascii=False, indent=1))
        else:
            render_summary(s, _console())

    @app.command()
    def dyad(
        a: str = typer.Argument(..., help="First actor: country (IRN), actor id (person:vladimir-putin) or code."),
        b: str = typer.Argument(..., help="Second actor."),
        db: str = DbOption,
        by: str = ByOption,
        since: Optional[str] = SinceOption,
        until: Optional[str] = UntilOption,
        fmt: str = FormatOption,
        out: Optional[str] = OutOption,
        chart: Optional[str] = ChartOption,
        force: bool = ForceOption,
    ) -> None:
        """A dyad over time: quad-class counts, Goldstein, cooperation–conflict index, both ways and each way."""
        from realpolitik.analysis.actors import resolve_key
        from realpolitik.analysis.charts import dyad_figure
        from realpolitik.analysis.dyads import dyad_directions
        from realpolitik.analysis.tables import render_dyad

        store = _store(db)
        (ka, na), (kb, nb) = resolve_key(store, a), resolve_key(store, b)
        df = dyad_directions(store, ka, kb, freq=by, since=since, until=until, names=(na, nb))
        _output(df, fmt, out, lambda console: render_dyad(df, console), chart,
                lambda: dyad_figure(df, f"{na}–{nb}: cooperation–conflict index by {by}"), db, force)

    @app.command()
    def network(
        db: str = DbOption,
        since: Optional[str] = SinceOption,
        until: Optional[str] = UntilOption,
        country: Optional[str] = typer.Option(None, "--country", help="Only events with an actor of this country "
                                                                      "(ISO3) on either side."),
        level: str = typer.Option("actor", "--level", help="actor | country (all of a country's actors as one node)"),
        min_events: int = typer.Option(1, "--min-events", help="Drop ties with fewer events."),
        fmt: str = typer.Option("table", "--format", "-f", help="table | graphml | gexf | csv | json"),
        out: Optional[str] = OutOption,
        force: bool = ForceOption,
    ) -> None:
        """The weighted, directed actor network of factual events (graphml/gexf for Gephi, csv, json)."""
        from realpolitik.analysis.actors import check_country
        from realpolitik.analysis.network import network as build, write_network
        from realpolitik.analysis.tables import render_network

        from realpolitik.store.connection import resolve_path

        check_overwrite(out, inputs=[resolve_path(db)], force=force)
        iso = check_country(country) if country else None
        g = build(_store(db), since=since, until=until, country=iso, level=level, min_count=min_events)
        if fmt == "table" and out is None:
            render_network(g, _console())
        else:
            write_network(g, fmt, out)

    @app.command()
    def factions(
        country: str = typer.Option(..., "--country", help="ISO3 country code, e.g. IRN."),
        db: str = DbOption,
        by: str = ByOption,
        since: Optional[str] = SinceOption,
        until: Optional[str] = UntilOption,
        fmt: str = FormatOption,
        out: Optional[str] = OutOption,
        chart: Optional[str] = ChartOption,
        force: bool = ForceOption,
    ) -> None:
        """A country's factions: their members and their events (own and members') over time."""
        from realpolitik.analysis.actors import check_country
        from realpolitik.analysis.charts import faction_figure
        from realpolitik.analysis.factions import faction_balance, factions as members_of
        from realpolitik.analysis.tables import render_factions

        iso = check_country(country)
        store = _store(db)
        found = members_of(store, iso)
        balance = faction_balance(store, iso, freq=by, since=since, until=until, members=found)
        _output(balance, fmt, out, lambda console: render_factions(found, balance, console), chart,
                lambda: faction_figure(balance, f"{iso} factions: events by {by}"), db, force)
