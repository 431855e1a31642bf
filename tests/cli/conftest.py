"""The real entry point run in-process, as a user types a command."""
from __future__ import annotations

import sys

import pytest

from realpolitik.cli import main


@pytest.fixture()
def cli(capsys):
    """cli([...]) -> (exit code, stdout, stderr) of `realpolitik ...`."""

    def run(argv: list[str]) -> tuple[int, str, str]:
        saved, sys.argv = sys.argv, ["realpolitik", *argv]
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code or 0
        finally:
            sys.argv = saved
        out, err = capsys.readouterr()
        return code, out, err

    return run
