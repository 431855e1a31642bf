"""`realpolitik serve`: the browser UI over a database (a thin shell over realpolitik.web.serve)."""
from __future__ import annotations

from typing import Optional

import typer

from realpolitik.cli.common import DbOption

HostOption = typer.Option("127.0.0.1", "--host", help="Address to bind; anything but 127.0.0.1/localhost "
                                                      "exposes the database to the network (warned).")
PortOption = typer.Option(8000, "--port", help="TCP port.")
ScenariosOption = typer.Option(None, "--scenarios", help="Folder of scenario files offered on /forecast "
                                                         "besides the bundled ones.")


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(db: str = DbOption, host: str = HostOption, port: int = PortOption,
              scenarios: Optional[str] = ScenariosOption) -> None:
        """Serve the browser UI (dashboard, dyads, events, actors, factions, network, forecast) read-only."""
        from realpolitik.web import serve as run

        run(db, host=host, port=port, scenarios=scenarios)
