"""An act laid at someone's door ("Y is responsible for / guilty of X") is Y's act; said by another, the
speaker's accusation of Y (112). Killings told as nouns are coded (1823, mass killings 202, rape 1821)."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text
from realpolitik.events.content import blamed

ANCHOR = dt.date(2015, 11, 23)


def acts(text: str):
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in code_text(text, date=ANCHOR, classifier=None).events if e.factual]


@pytest.mark.parametrize("text,code,source", [
    ("Eritrea was guilty of violating the ceasefire.", "196", "ERI"),
    ("Eritrea was responsible for mass killings.", "202", "ERI"),
    ("Eritrea is responsible for the attack on the convoy.", "190", "ERI"),
])
def test_responsible_for_an_act_is_the_act(text, code, source):
    assert any(c == code and s == source for c, s, _ in acts(text)), acts(text)


def test_responsible_for_no_act_is_no_event():
    assert acts("Eritrea is responsible for its own education policy.") == []


def test_said_by_another_it_is_an_accusation():
    found = acts("Ethiopia said Eritrea was responsible for the attack.")
    assert ("112", "ETH", "ERI") in found, found
    assert not any(c.startswith("19") for c, _, _ in found), found


@pytest.mark.parametrize("text,expected", [
    ("Eritrea was guilty of violating the ceasefire.", True),
    ("Eritrea was responsible for the attack.", True),
    ("Eritrea was angry about the attack.", False),
])
def test_blamed_reads_responsibility(nlp, text, expected):
    be = next(t for t in nlp(text) if t.lemma_ == "be")
    assert blamed(be) is expected


@pytest.mark.parametrize("text,code", [
    ("The killing of 24 Eritrean civilians by Ethiopian police shocked the region.", "1823"),
    ("Ethiopian troops carried out mass killings.", "202"),
])
def test_killings_told_as_nouns(text, code):
    assert any(c == code for c, _, _ in acts(text)), acts(text)


def test_responsible_for_a_cooperative_act_is_a_duty_not_an_event():
    assert not any(c.startswith(("04", "05", "06")) for c, _, _ in acts(
        "Eritrea was responsible for signing the trade agreement with Djibouti.")), acts(
        "Eritrea was responsible for signing the trade agreement with Djibouti.")
