"""`realpolitik stakeholders` — suggest a forecast scenario's actors from the event base."""
from __future__ import annotations

from typing import Optional

import typer

from realpolitik.cli.common import DbOption, OutOption


def register(app: typer.Typer) -> None:
    @app.command()
    def stakeholders(
        db: str = DbOption,
        country: Optional[str] = typer.Option(None, "--country", help="Only events of or with this country (ISO3)."),
        top: int = typer.Option(10, "--top", help="How many actors."),
        since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY[-MM[-DD]]."),
        until: Optional[str] = typer.Option(None, "--until", help="Events up to YYYY[-MM[-DD]]."),
        issue: str = typer.Option("EDIT: the issue at stake", "--issue", help="Name of the issue."),
        out: Optional[str] = OutOption,
    ) -> None:
        """Suggest stakeholders (most active actors, salience from event counts) as a scenario skeleton."""
        from pathlib import Path

        from realpolitik.forecast.suggest import scenario_skeleton, suggest_stakeholders

        text = scenario_skeleton(suggest_stakeholders(db, country=country, top=top, since=since, until=until),
                                 issue=issue)
        if out:
            Path(out).write_text(text, encoding="utf-8")
            typer.echo(f"scenario skeleton written to {out}: set capabilities and positions, then "
                       f"realpolitik forecast {out}", err=True)
        else:
            typer.echo(text)
