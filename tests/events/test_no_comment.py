"""Having or giving "no comment" is declining to comment (CAMEO 011), a fact, not a negated statement.
Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text


def _events(text: str) -> list[tuple[str, str | None, bool]]:
    coded = code_text(text, date=dt.date(2015, 11, 23), classifier=None)
    return [(e.cameo, e.source.country, e.factual) for s in coded.sentences for e in s.events]


@pytest.mark.parametrize("text", [
    "The Iranian foreign ministry had no comment on the report.",
    "A spokesman said the Iranian foreign ministry had no comment to make.",
])
def test_no_comment_is_declining_comment(text):
    assert ("011", "IRN", True) in _events(text)


def test_not_commenting_is_no_explicit_refusal():
    out = _events("The Iranian foreign ministry did not comment on the report.")
    assert not any(code == "011" or factual for code, _, factual in out), out
