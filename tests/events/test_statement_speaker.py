"""A bare statement is news only from a speaker we can place: a country or an organisation, not a role
alone ("Finance minister John Hall": some government's minister, country unknown). Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

ANCHOR = dt.date(1987, 3, 12)


def _statements(text: str) -> list[tuple[str, str | None, str | None]]:
    coded = code_text(text, date=ANCHOR, classifier=None)
    return [(e.cameo, e.source.country, e.source.code) for s in coded.sentences for e in s.events
            if e.cameo.startswith("01")]


@pytest.mark.parametrize("text,want", [
    ("Finance minister John Hall said the plan was a good one.", []),  # whose minister: unknown
    ("Party chairman John Hall said the plan was a good one.", []),
    ("Canadian finance minister John Hall said the plan was a good one.", [("010", "CAN", "CANGOV")]),
    ("A World Bank spokesman said the plan was a good one.", [("010", None, "IGOWBK")]),  # an organisation
])
def test_a_statement_needs_a_speaker_of_known_country_or_organisation(text, want):
    assert [(c, country, code[:6] if code else code) for c, country, code in _statements(text)] == want


@pytest.mark.parametrize("who,want", [
    ("Finance minister John Hall", []),
    ("Canadian finance minister John Hall", [("010", "CAN")]),
])
@pytest.mark.parametrize("verb", ["told reporters", "warned"])
def test_a_quotation_runs_on_only_for_a_placed_speaker(who, want, verb):
    coded = code_text(f'Budget talks\n\n{who} {verb}: "We are ready for the vote.\n\n'
                      '"The door remains open for a settlement."', date=ANCHOR, classifier=None)
    assert [(e.cameo, e.source.country) for e in coded.sentences[-1].events] == want


@pytest.mark.parametrize("text,want", [
    # two ministers of one government are two people: the one praised or found wanting is the target
    ("Prime Minister Tony Blair said Chancellor Gordon Brown had done a superb job.", ("051", "Gordon Brown")),
    ("Prime Minister Tony Blair said Chancellor Gordon Brown had broken his promises.", ("111", "Gordon Brown")),
])
def test_another_person_of_the_speakers_side_is_still_another_side(text, want):
    coded = code_text(text, date=dt.date(2005, 3, 1), classifier=None)
    got = [(e.cameo, e.target.name if e.target else None) for s in coded.sentences for e in s.events]
    assert want in got, got
