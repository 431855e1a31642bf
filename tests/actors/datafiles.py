"""Helpers for the tests of shipped data files and the scripts that build them."""
from __future__ import annotations

from pathlib import Path


DATA = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "data" / "actors"


def build_script(name: str):
    """The developer script scripts/NAME.py that builds a data file, loaded as a module."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, DATA.parents[3] / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped_rows(filename: str) -> list[dict[str, str]]:
    """The rows of a shipped CSV data file (its '#' header lines left out)."""
    import csv

    with (DATA / filename).open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))
