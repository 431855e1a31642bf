"""docs/columns.md documents every column the event query returns."""
from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.store import EVENT_COLUMN_NAMES

DOC = Path(__file__).resolve().parents[2] / "docs" / "columns.md"


@pytest.mark.parametrize("column", EVENT_COLUMN_NAMES)
def test_event_column_is_documented(column):
    assert f"| `{column}` |" in DOC.read_text(encoding="utf-8")
