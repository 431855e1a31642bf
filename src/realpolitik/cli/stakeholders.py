"""`realpolitik stakeholders` — propose a forecast scenario's actors from the event base."""
from __future__ import annotations

from typing import Optional

import typer

from realpolitik.cli.common import DbOption, ForceOption, OutOption, check_overwrite, printable
from realpolitik.errors import ScenarioError


def register(app: typer.Typer) -> None:
    @app.command()
    def stakeholders(
        db: str = DbOption,
        country: Optional[str] = typer.Option(None, "--country", help="Only events of or with this country (ISO3)."),
        top: int = typer.Option(10, "--top", help="How many actors."),
        since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY[-MM[-DD]]."),
        until: Optional[str] = typer.Option(None, "--until", help="Events up to YYYY[-MM[-DD]]."),
        issue: str = typer.Option("EDIT: the issue at stake", "--issue", help="Name of the issue."),
        poles: Optional[str] = typer.Option(None, "--poles", help="LOW,HIGH country codes, e.g. USA,RUS: propose "
                                            "each actor's position from its cooperation-conflict balance with each."),
        keep: list[str] = typer.Option([], "--keep", help="Actor id or name to keep as its own row, not merged "
                                       "into its state (repeatable)."),
        out: Optional[str] = OutOption,
        force: bool = ForceOption,
    ) -> None:
        """Propose stakeholders (one row per real actor, with evidence) as a scenario to check and run."""
        from pathlib import Path

        from realpolitik.forecast.suggest import scenario_skeleton, suggest_stakeholders
        from realpolitik.store.connection import resolve_path

        check_overwrite(out, inputs=[resolve_path(db)], force=force)

        pair = None
        if poles:
            parts = [p.strip() for p in poles.split(",")]
            if len(parts) != 2:
                raise ScenarioError(f"--poles {poles!r}: expected LOW,HIGH, e.g. USA,RUS")
            pair = (parts[0], parts[1])
        found = suggest_stakeholders(db, country=country, top=top, since=since, until=until, poles=pair,
                                     keep=tuple(keep))
        text = scenario_skeleton(found, issue=issue, poles=pair)
        if out:
            Path(out).write_text(text, encoding="utf-8")
            todo = "check every number" if pair else "set the positions (or give --poles)"
            shown = printable(out)
            typer.echo(f"scenario written to {shown}: {todo}, then realpolitik forecast {shown} --explain", err=True)
        else:
            typer.echo(text)
