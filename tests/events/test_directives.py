"""Directives and answers told with verbs of speaking: "X told Y to ..." is X's demand of Y (CAMEO 10, coded
through the demand family by what is ordered), "X told Y that ..." stays a statement; denying, rejecting or
dismissing a charge answers whoever made it (016, the charge's owner as target); "turned down" rejects."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text
from realpolitik.events.triggers import _directive

ANCHOR = dt.date(2015, 11, 23)


def acts(text: str):
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in code_text(text, date=ANCHOR, classifier=None).events if e.factual]


def _tok(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize("text,word,expected", [
    ("Chile told Peru to withdraw its fishing fleet.", "told", True),
    ("Chile told Peru not to send its fishing fleet.", "told", True),
    ("Chile told Peru that its fishing fleet had left.", "told", False),
    ("Chile told reporters about plans to expand its fleet.", "told", False),
])
def test_a_directive_tells_an_addressee_to_act(nlp, text, word, expected):
    assert _directive(_tok(nlp, text, word)) is expected


@pytest.mark.parametrize("text,code", [
    # the code follows what is ordered (the demand family of families.yaml), the root is always 10
    ("The Chilean president told Peru to withdraw its troops from the border.", "10"),
    ("Kenya told Somalia to release the hostages.", "10"),
])
def test_told_to_act_is_a_demand_of_the_one_told(text, code):
    found = acts(text)
    assert any(c.startswith(code) and t in ("PER", "SOM") for c, _, t in found), found
    assert not any(c == "010" for c, _, _ in found), found


def test_told_that_stays_a_statement():
    found = acts("The Chilean president told Peru that the talks had been useful.")
    assert found and all(c.startswith("01") for c, _, _ in found), found


@pytest.mark.parametrize("text,source,target", [
    ("Vietnam denied China's accusations of spying.", "VNM", "CHN"),
    ("Vietnam denied the Chinese claims.", "VNM", "CHN"),
    ("Vietnam rejected the allegations from China.", "VNM", "CHN"),
    ("Vietnam dismissed the Chinese accusations.", "VNM", "CHN"),
])
def test_a_denied_charge_answers_its_owner(text, source, target):
    assert ("016", source, target) in acts(text), acts(text)


def test_turned_down_is_a_rejection_of_the_offer_s_owner():
    found = acts("Vietnam turned down the Chinese offer.")
    assert any(c.startswith("12") and s == "VNM" and t == "CHN" for c, s, t in found), found


def test_a_denial_of_an_unowned_charge_has_no_target():
    assert acts("Vietnam denied the accusations.") == [("016", "VNM", None)]
