"""Agreements told with an attribution after them ("..., the ministry said") and agreeing *with* someone:
the agreement is the act (CAMEO 03x, one event between two parties), and the one agreed with is its other side.
Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

ANCHOR = dt.date(2015, 11, 23)


def _events(text: str) -> list[tuple[str, str, str | None, bool]]:
    coded = code_text(text, date=ANCHOR, classifier=None)
    return [(e.cameo, e.source.country, e.target.country if e.target else None, e.factual)
            for s in coded.sentences for e in s.events]


def test_an_agreement_reported_after_it_is_the_agreement_not_a_statement():
    # spaCy hangs "agreed" under the later "said": what "said" reports, not a report of its own
    out = _events("Former President Kurmanbek Bakiyev has agreed to resign without returning to Kyrgyzstan, "
                  "the parliament speaker said on Saturday.")
    factual = [e for e in out if e[3]]
    assert factual and all(code.startswith("03") for code, *_ in factual), out
    assert ("KGZ", True) in {(src, f) for _, src, _, f in factual}


@pytest.mark.parametrize("text,want", [
    # two parties agreeing upon something, told before the announcement: one agreement between them
    ("Canada and Mexico have agreed upon a new fisheries pact, the Canadian foreign ministry announced on Tuesday.",
     {("030", "CAN", "MEX")}),
    # two parties agreeing, with nothing named that they agree on: still the two sides' agreement
    ("Canada and Mexico agreed late last night after a week of talks in Ottawa.",
     {("030", "CAN", "MEX")}),
    # agreeing to a plan is assent to it (an act), whoever reports it
    ("Turkey has agreed to the plan, the ministry said on Monday.", {("030", "TUR", None)}),
])
def test_agreeing_upon_or_to_something_is_an_agreement(text, want):
    assert {e[:3] for e in _events(text) if e[3]} == want


def test_the_one_agreed_with_is_the_target_of_the_statement():
    out = _events("Iran agreed with Russia that the talks in Vienna should continue.")
    assert ("010", "IRN", "RUS", True) in out, out


def test_what_a_statement_is_made_with_at_ones_side_is_still_no_addressee():
    out = _events("The Russian minister said with Mr Lavrov at his side that the talks had gone well.")
    assert all(tgt is None for _, _, tgt, _ in out), out
