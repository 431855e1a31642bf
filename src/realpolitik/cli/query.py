"""`realpolitik events`, `realpolitik actors` and `realpolitik optimize` — query, export and lay out the event base."""
from __future__ import annotations

from typing import Optional

import typer

from realpolitik.cli.common import DbOption, ForceOption, FormatOption, OutOption, check_overwrite


def register(app: typer.Typer) -> None:
    @app.command()
    def events(
        db: str = DbOption,
        actor: Optional[str] = typer.Option(None, "--actor", help="Actor id, code, country or name (either side)."),
        dyad: Optional[str] = typer.Option(None, "--dyad", help="Two actors/countries, e.g. IRN,RUS (both directions)."),
        since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY, YYYY-MM or YYYY-MM-DD."),
        until: Optional[str] = typer.Option(None, "--until", help="Events up to the end of YYYY, YYYY-MM or YYYY-MM-DD."),
        root: Optional[str] = typer.Option(None, "--root", help="CAMEO root code, e.g. 04."),
        plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER event type, e.g. CONSULT."),
        all_: bool = typer.Option(False, "--all", help="Include hypothetical and negated events."),
        limit: Optional[int] = typer.Option(None, "--limit", help="At most this many rows."),
        mentions: bool = typer.Option(False, "--mentions",
                                      help="One row per coded mention (sentence) instead of one per event."),
        fmt: str = FormatOption,
        out: Optional[str] = OutOption,
        force: bool = ForceOption,
    ) -> None:
        """List events — one per real-world happening, with how many mentions, articles and publishers reported
        it — (factual ones unless --all) as a table or export them; --mentions lists every coded mention."""
        from realpolitik.store.connection import resolve_path
        from realpolitik.store.export import export_events

        check_overwrite(out, inputs=[resolve_path(db)], force=force)
        pair = tuple(x.strip() for x in dyad.split(",")) if dyad is not None else None
        if pair is not None and (len(pair) != 2 or not all(pair)):
            raise typer.BadParameter("--dyad takes two actors separated by a comma, e.g. IRN,RUS")
        # csv, jsonl, parquet and the GDELT/ICEWS layouts stream: memory does not grow with the export
        export_events(db, fmt, out, actor=actor, dyad=pair, since=since, until=until, root=root, plover=plover,
                      include_hypothetical=all_, limit=limit, mentions=mentions)

    @app.command()
    def actors(
        db: str = DbOption,
        kind: Optional[str] = typer.Option(None, "--kind", help="state|person|institution|igo|ngo|faction|group"),
        country: Optional[str] = typer.Option(None, "--country", help="Only actors of this country (ISO3, e.g. GBR)."),
        limit: Optional[int] = typer.Option(None, "--limit", min=1, help="At most this many, most active first."),
        fmt: str = FormatOption,
        out: Optional[str] = OutOption,
        force: bool = ForceOption,
    ) -> None:
        """List actors (most active first) with roles, members, first/last seen and evidence."""
        from realpolitik import api
        from realpolitik.store import export
        from realpolitik.store.connection import resolve_path

        check_overwrite(out, inputs=[resolve_path(db)], force=force)

        export(api.actors(db, kind=kind, country=country, limit=limit), fmt, out)

    @app.command()
    def optimize(db: str = DbOption) -> None:
        """Rewrite the stored events by year, then dyad, then date, so that whole dyad queries and exports read
        fewer blocks (same rows, same query results; events stored later go to the end until the next run)."""
        from realpolitik.errors import StoreError
        from realpolitik.store import Store
        from realpolitik.store.connection import resolve_path

        path = resolve_path(db)
        if not path.exists():
            raise StoreError(f"no database at {path}: run `realpolitik ingest` first (or pass --db)")
        n = Store(path).optimize()
        typer.echo(f"{path}: {n} events rewritten by year, dyad and date")
