"""Event nouns of the codebook: a cessation of hostilities is a ceasefire (CAMEO 0871), declared or agreed (a
cessation of anything else is none); peacekeeping operations are 074, and participating in an event noun is
its act (as "took part in")."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text


def codes(text: str) -> list[str]:
    return [e.cameo for e in code_text(text, date=dt.date(2015, 11, 23), classifier=None).events if e.factual]


@pytest.mark.parametrize("text,code", [
    ("Chad declared a cessation of hostilities in the east.", "0871"),
    ("Chad and the rebels agreed to a cessation of hostilities.", "035"),
])
def test_a_cessation_of_hostilities_is_a_ceasefire(text, code):
    assert any(c.startswith(code) for c in codes(text)), codes(text)


def test_a_cessation_of_payments_is_no_ceasefire():
    assert not any(c.startswith(("087", "035")) for c in codes("Chad announced a cessation of payments to Niger."))


@pytest.mark.parametrize("text,code", [
    ("Chilean troops participate in peacekeeping operations in Haiti.", "074"),
    ("Thousands of Serbs participated in the protest in Belgrade.", "141"),
])
def test_participating_in_an_event_is_the_event(text, code):
    assert code in codes(text), codes(text)
