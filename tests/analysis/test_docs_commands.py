"""docs/commands.md has a section for every command, naming each of its options (so a new command or option
cannot go undocumented)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from realpolitik.cli import _register_all, app

DOC = Path(__file__).resolve().parents[2] / "docs" / "commands.md"
_register_all()
CLICK = typer.main.get_command(app)


def _sections() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    parts = re.split(r"^## `realpolitik (\S+)`$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_every_command_has_a_section_and_the_index_lists_it():
    sections = _sections()
    assert set(sections) == set(CLICK.commands)
    index = DOC.read_text(encoding="utf-8").split("\n## ", 1)[0]
    for name in CLICK.commands:
        assert f"[`{name}`](#realpolitik-{name})" in index


@pytest.mark.parametrize("name", sorted(CLICK.commands))
def test_each_option_is_named_in_its_section(name):
    section = _sections()[name]
    missing = [opt for p in CLICK.commands[name].params for opt in p.opts
               if opt.startswith("--") and opt != "--help" and not re.search(re.escape(opt) + r"(?![\w-])", section)]
    assert not missing, f"docs/commands.md, realpolitik {name}: options not described: {missing}"
