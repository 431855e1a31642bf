"""Options and helpers shared by the command modules: consoles, safe printing, usage errors, overwrite guards."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Iterable

import typer

from realpolitik.errors import RealpolitikError
from realpolitik.terminal import printable, safe

__all__ = ["safe", "printable", "stderr", "stdout_console", "check_overwrite", "plain_help"]



class _LazyConsole:
    """A Rich console made on first use: most commands print nothing through it, and importing Rich costs every
    start (``realpolitik code``'s included)."""

    def __init__(self, **kwargs: Any) -> None:
        self._kwargs = kwargs
        self._console: Any = None

    def get(self) -> Any:
        """The Rich console itself (for Rich objects that take one)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._kwargs)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


# soft_wrap: a failure line is one line even when stderr is a pipe or a file (Rich would fold it at 80).
stderr = _LazyConsole(stderr=True, soft_wrap=True, highlight=False)
DbOption = typer.Option(None, "--db", metavar="FILE",
                        help="DuckDB database file (default: $REALPOLITIK_DB, else ./realpolitik.duckdb).")
FormatOption = typer.Option("table", "--format", "-f", metavar="FORMAT",
                            help="table|csv|jsonl|json|parquet|gdelt|icews (gdelt, icews: events only)")
OutOption = typer.Option(None, "--out", "-o", metavar="FILE", help="Write to this file instead of stdout.")
ForceOption = typer.Option(False, "--force", help="Overwrite --out even if it is an input or a database.")
ActorsOption = typer.Option([], "--actors", metavar="FILE",
                            help="User actor file (.yaml/.csv) adding or overriding actors (repeatable).")
PhoenixOption = typer.Option([], "--phoenix", metavar="FILE", help="PETRARCH/Phoenix actor dictionary (repeatable).")
VerbsOption = typer.Option([], "--verbs", metavar="FILE",
                           help="TABARI/PETRARCH verb-pattern dictionary added to the lexicon (repeatable).")


def stdout_console(**kwargs: Any):
    """A Rich console on stdout that never folds lines when stdout is not a terminal."""
    from rich.console import Console

    kwargs.setdefault("soft_wrap", True)
    kwargs.setdefault("highlight", False)
    return Console(**kwargs)


def knowledge_base(actors, phoenix):
    """The shipped knowledge base, extended by --actors / --phoenix files (None = the cached default)."""
    if not actors and not phoenix:
        return None
    from realpolitik.actors import load_kb

    return load_kb(user_files=tuple(actors), phoenix_files=tuple(phoenix))


def parse_date(value: str | None, flag: str = "--date") -> dt.date | None:
    """A YYYY-MM-DD option value, or a one-line error naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise RealpolitikError(f"{flag}: '{printable(value)}' is not a date in YYYY-MM-DD form") from None


# The forecast commands' name for safe(): one escaping function for every user string the CLI prints.
escape_text = safe


# ------------------------------------------------------------------ overwrite guard

_DUCKDB_MAGIC = b"DUCK"  # bytes 8-11 of every DuckDB database file


def is_duckdb_file(path: str | Path) -> bool:
    """True when ``path`` is an existing DuckDB database file (by its header, not its name)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(12)[8:12] == _DUCKDB_MAGIC
    except OSError:
        return False


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_overwrite(out: str | Path | None, *, inputs: Iterable[str | Path | None] = (), force: bool = False,
                    flag: str = "--out") -> None:
    """Refuse (one line, exit 2) to write ``out`` over one of the command's inputs or over a database.

    ``--force`` lets the user overwrite anyway. Nothing is checked when writing to stdout.
    """
    if out is None or force or str(out) == "-":
        return
    out_path = Path(out).expanduser()
    if not out_path.exists():
        return
    for inp in inputs:
        if inp is not None and str(inp) != "-" and Path(inp).expanduser().exists() and _same_file(out_path, Path(inp).expanduser()):
            raise RealpolitikError(f"{flag} {printable(out)} is also an input of this command; writing it "
                                   "would destroy it (choose another file, or add --force)")
    if is_duckdb_file(out_path):
        raise RealpolitikError(f"{flag} {printable(out)} is a DuckDB database; writing it would destroy it "
                               "(choose another file, or add --force)")


# ------------------------------------------------------------------ usage errors and help


def click_exceptions() -> SimpleNamespace:
    """The exception classes the CLI raises: typer vendors its own click, so catch typer's, and click's too."""
    import typer.exceptions as texc

    try:
        from typer._click import exceptions as cexc  # typer >= 0.16 ships its own click
    except ImportError:  # pragma: no cover - older typer on plain click
        import click.exceptions as cexc
    usage: tuple[type, ...] = (cexc.UsageError,)
    click_: tuple[type, ...] = (cexc.ClickException,)
    exits: tuple[type, ...] = (texc.Exit,)
    aborts: tuple[type, ...] = (texc.Abort,)
    try:
        import click

        usage += (click.UsageError,)
        click_ += (click.ClickException,)
        exits += (click.exceptions.Exit,)
        aborts += (click.exceptions.Abort,)
    except ImportError:  # pragma: no cover
        pass
    return SimpleNamespace(usage=usage, click=click_, exit=exits, abort=aborts)


def usage_error_lines(exc: Any, root: Any = None, args: list[str] | None = None, prog: str = "realpolitik"
                      ) -> list[str]:
    """A usage error as click shows it without decoration: the usage line, then one error line.

    Some errors (an option missing its value) carry no context; the command is then found from ``args``."""
    ctx = getattr(exc, "ctx", None)
    if ctx is None and root is not None:
        ctx = _context_for(root, args or [], prog)
    message = printable(exc.format_message())
    lines = []
    if ctx is not None:
        lines.append(printable(ctx.get_usage()))
        hint = f" (see '{printable(ctx.command_path)} --help')"
    else:
        hint = " (see 'realpolitik --help')"
    lines.append(f"realpolitik: error: {message}{hint}")
    return lines


def _context_for(root: Any, args: list[str], prog: str) -> Any:
    try:
        ctx = root.context_class(root, info_name=prog)
        sub = next((root.commands[a] for a in args if a in getattr(root, "commands", {})), None)
        if sub is not None:
            ctx = sub.context_class(sub, info_name=sub.name, parent=ctx)
        return ctx
    except Exception:  # a best effort for the usage line only
        return None


# Words shown for option values, by option name, then by type (click's convention: TEXT, INTEGER, ...).
_NAME_WORDS = {"date": "DATE", "since": "DATE", "until": "DATE", "db": "FILE", "out": "FILE", "jsonl": "FILE",
               "chart": "FILE", "file": "FILE", "actors": "FILE", "phoenix": "FILE", "fmt": "FORMAT"}
_TYPE_WORDS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "Path": "PATH", "bool": "BOOLEAN"}


def _word(param: Any) -> str:
    if param.name in _NAME_WORDS:
        return _NAME_WORDS[param.name]
    bare = param.bare_type() if hasattr(param, "bare_type") else "str"
    if bare.startswith("list[") and bare.endswith("]"):
        bare = bare[5:-1]
    return _TYPE_WORDS.get(bare, (param.name or "value").upper())


def plain_help(cmd: Any) -> Any:
    """Make ``--help`` show flags as flags (``--explain``) and values as words (``--date DATE``), not Python
    types (``<bool>``, ``<list[Path]>``). Walks every sub-command; returns ``cmd``."""
    for sub in getattr(cmd, "commands", {}).values():
        plain_help(sub)
    if hasattr(cmd, "get_help_option") and not getattr(cmd, "_plain_help", False):
        original = cmd.get_help_option

        def get_help_option(ctx: Any, _original: Any = original) -> Any:
            opt = _original(ctx)
            if opt is not None:
                opt.metavar = ""
            return opt

        cmd.get_help_option = get_help_option
        cmd._plain_help = True
    for param in getattr(cmd, "params", []):
        if getattr(param, "param_type_name", "") == "argument":
            if param.metavar is None:
                param.metavar = (param.name or "value").upper()
            param.display_type_rich = lambda ctx=None: None
            if hasattr(param, "_usage_display_name"):  # click's usage style: FILE required, [FILE] optional
                param._usage_display_name = (lambda p=param: (p.metavar if p.required else f"[{p.metavar}]")
                                             + ("..." if p.nargs != 1 else ""))
        elif getattr(param, "is_flag", False) or getattr(param, "count", False):
            param.metavar = ""
        elif param.metavar is None:
            param.metavar = _word(param)
    return cmd
