""""S is among the N that did X" / "S is one of the N who did X" tells S's own act X. Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    coded = code_text(text, date=dt.date(2015, 11, 23), classifier=None)
    return [(e.cameo[:2], e.source.country, e.target.country if e.target else None)
            for s in coded.sentences for e in s.events if e.factual]


@pytest.mark.parametrize("text,want", [
    ("Turkey is among the countries that have condemned the Russian air strikes.", ("11", "TUR", "RUS")),
    ("The Iranian president is one of the leaders who have called for talks with Russia.", ("02", "IRN", "RUS")),
])
def test_the_subject_of_a_group_does_what_the_group_does(text, want):
    assert want in _events(text)


def test_a_group_the_subject_acts_on_is_no_act_of_the_subject():
    # Turkey condemned the countries; their backing is a description of them
    out = _events("Turkey condemned the countries that have backed the Russian air strikes.")
    assert all(src == "TUR" and root == "11" for root, src, _ in out), out
