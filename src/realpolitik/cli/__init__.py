"""The `realpolitik` command: a thin typer shell over the library functions of the same names."""
from __future__ import annotations

import importlib
import os
import sys

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="realpolitik: code political events from news, store them, query them, forecast.")

# Each command module defines register(app). Order = order in --help.
_COMMAND_MODULES = ["demo", "ingest", "code", "query", "analysis", "resolve", "forecast", "stakeholders", "serve"]
PROG = "realpolitik"


def _register_all() -> None:
    if getattr(app, "_realpolitik_registered", False):
        return
    for name in _COMMAND_MODULES:
        importlib.import_module(f"realpolitik.cli.{name}").register(app)
    app._realpolitik_registered = True  # type: ignore[attr-defined]


def command():
    """The click command behind ``app``, with help that shows flags as flags and values as words."""
    from realpolitik.cli.common import plain_help

    _register_all()
    return plain_help(typer.main.get_command(app))


def main(argv: list[str] | None = None) -> None:
    """Entry point: user errors become one line on stderr (tracebacks with --debug or REALPOLITIK_DEBUG=1)."""
    from realpolitik.cli.common import click_exceptions, usage_error_lines
    from realpolitik.errors import RealpolitikError
    from realpolitik.terminal import printable

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("REALPOLITIK_DEBUG") == "1"
    args = [a for a in args if a != "--debug"]
    root = command()
    try:
        rc = root.main(args=args, prog_name=PROG, standalone_mode=False)
        if isinstance(rc, int) and rc:
            sys.exit(rc)
    except RealpolitikError as exc:
        if debug:
            raise
        print(f"realpolitik: error: {printable(exc)}", file=sys.stderr)
        sys.exit(2)
    except OSError as exc:  # a bad --out folder, a missing input file, a full disk ...
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"realpolitik: error: {printable(where)}{printable(exc.strerror or exc)}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("realpolitik: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        # click's exception classes are looked up only now: importing plain click costs every start
        exc_types = click_exceptions()
        if isinstance(exc, exc_types.exit):
            sys.exit(exc.exit_code)
        if isinstance(exc, exc_types.abort):
            sys.exit(130)
        if debug or not isinstance(exc, exc_types.click):
            raise
        if isinstance(exc, exc_types.usage):  # typer raises its own vendored click's exceptions
            for line in usage_error_lines(exc, root, args, PROG):
                print(line, file=sys.stderr)
            sys.exit(2)
        print(f"realpolitik: error: {printable(exc.format_message())}", file=sys.stderr)
        sys.exit(exc.exit_code or 1)
