"""A government contract awarded to a company is the government's economic cooperation with it (CAMEO 061),
told as the wire services tell it: a passive, with the awarding body saying so after. Sentences written
for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

ANCHOR = dt.date(1987, 3, 12)


def _events(text: str) -> set[tuple[str, str | None, str | None]]:
    coded = code_text(text, date=ANCHOR, classifier=None)
    return {(e.cameo, e.source.country, e.target.name if e.target else None)
            for s in coded.sentences for e in s.events if e.factual}


@pytest.mark.parametrize("text", [
    "Zenith Avionics Co has been awarded a 215.3 mln dlr contract for radar parts, the U.S. Navy said.",
    "Zenith Avionics Co is being awarded 31.3 mln dlrs under a contract for radar parts, the U.S. Navy said.",
])
def test_an_awarded_contract_is_the_awarders_economic_cooperation(text):
    assert ("061", "USA", "Zenith Avionics Co") in _events(text)


def test_an_award_that_is_no_contract_is_not_economic_cooperation():
    out = _events("The U.S. Navy awarded a medal to the pilot of the rescue helicopter.")
    assert not any(code == "061" for code, _, _ in out), out
