"""A statement, letter or decree is coded by what it does: "issued a statement condemning the strikes" is the
issuer's condemnation, "sent a letter urging Turkey to ..." its appeal, "signed a decree banning imports" its
ban; the issuing or sending is how the act was done, not a second event. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

ANCHOR = dt.date(2015, 11, 23)


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    coded = code_text(text, date=ANCHOR, classifier=None)
    return [(e.cameo, e.source.country, e.target.country if e.target else None)
            for s in coded.sentences for e in s.events if e.factual]


@pytest.mark.parametrize("text,root,src,tgt", [
    ("The Iranian foreign ministry issued a statement condemning the Israeli air strikes.", "11", "IRN", "ISR"),
    ("Hamas issued a declaration demanding that Israel release the prisoners.", "10", "PSE", "ISR"),
    ("Vladimir Putin signed a decree banning imports of Turkish fruit.", "16", "RUS", "TUR"),
    ("The Iranian ministry sent a letter urging Turkey to reopen the border.", "02", "IRN", "TUR"),
])
def test_a_statement_or_measure_is_its_issuers_act(text, root, src, tgt):
    out = _events(text)
    # the act the statement does, and nothing for issuing or sending it
    assert [(c[:2], s, t) for c, s, t in out] == [(root, src, tgt)], out


def test_a_statement_with_no_act_in_it_is_still_a_statement():
    assert _events("The Iranian foreign ministry issued a statement on Monday.") == [("010", "IRN", None)]


@pytest.mark.parametrize("text,issued", [
    ("The Iranian foreign ministry issued a statement condemning the Israeli air strikes.", True),
    ("The Iranian ministry sent a letter urging Turkey to reopen the border.", True),
    # what statements someone saw insist describes the statements: no act of the one who saw them
    ("In recent weeks we have seen many statements from senior members of this government insisting the "
     "voters must have a say.", False),
])
def test_only_an_issued_statement_does_what_it_says(nlp, text, issued):
    from realpolitik.events.roles import instrument_content

    doc = nlp(text)
    gerund = next(t for t in doc if t.dep_ == "acl" and t.tag_ == "VBG")
    assert instrument_content(gerund) is issued
