"""Targets the parse names indirectly (coder.rule_actors): an act on a thing is an act on whoever owns it
(coder.owner_actors: the target of "attacked his policies" is the man the pronoun stands for), and an
appeal's target is the one called on, not what the call is about. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

CONTEXT = "Home Secretary Charles Clarke said Britain needed identity cards. "


def last_sentence(text: str):
    coded = code_text(CONTEXT + text, date=dt.date(2005, 3, 1), classifier=None)
    return [(e.cameo, e.source.name, e.target.name if e.target else None) for e in coded.sentences[-1].events]


@pytest.mark.parametrize("text, expected", [
    ("Labour and the Tories have attacked his policies as unworkable.",
     [("111", "Labour Party", "Charles Clarke"), ("111", "Conservative Party", "Charles Clarke")]),
    ("The Conservatives announced their support for the government plans on Monday evening.",
     [("051", "Conservative Party", "British government")]),
    ("The Conservatives pledged to vote against the government's plans.",
     [("110", "Conservative Party", "British government")]),
])
def test_the_owner_of_what_is_acted_on_is_the_target(text, expected):
    assert last_sentence(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The Tories praised their own manifesto.", [("051", "Conservative Party", None)]),  # the source itself
    ("Iran rejected its own plan.", [("120", "Iran", None)]),
])
def test_the_sources_own_thing_gives_no_target(text, expected):
    assert last_sentence(text) == expected


def test_an_appeal_targets_the_one_called_on_not_what_they_are_asked_to_act_on():
    coded = code_text("Brazilian business leaders called on the Brazilian government to seek help from the "
                      "International Monetary Fund.", date=dt.date(1987, 3, 1), classifier=None)
    assert [(e.cameo, e.target.name) for e in coded.events] == [("020", "Brazilian government")]
