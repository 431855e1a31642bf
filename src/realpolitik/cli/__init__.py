"""The `realpolitik` command: a thin typer shell over the library functions of the same names."""
from __future__ import annotations

import importlib
import os
import sys

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="realpolitik: code political events from news, store them, query them, forecast.")

# Each command module defines register(app). Order = order in --help.
_COMMAND_MODULES = ["demo", "ingest", "code", "query", "analysis", "resolve", "forecast", "stakeholders"]


def _register_all() -> None:
    for name in _COMMAND_MODULES:
        importlib.import_module(f"realpolitik.cli.{name}").register(app)


def main() -> None:
    """Entry point: user errors become one line on stderr (tracebacks with --debug or REALPOLITIK_DEBUG=1)."""
    from realpolitik.errors import RealpolitikError

    debug = "--debug" in sys.argv or os.environ.get("REALPOLITIK_DEBUG") == "1"
    if "--debug" in sys.argv:
        sys.argv.remove("--debug")
    _register_all()
    try:
        rc = app(standalone_mode=False)  # click returns a command's typer.Exit code instead of exiting
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except RealpolitikError as exc:
        if debug:
            raise
        print(f"realpolitik: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except OSError as exc:  # a bad --out folder, a missing input file, a full disk ...
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"realpolitik: error: {where}{exc.strerror or exc}", file=sys.stderr)
        sys.exit(2)
    except Exception as exc:  # click usage errors and friends
        import click

        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        if isinstance(exc, click.exceptions.Abort):
            sys.exit(130)
        raise
