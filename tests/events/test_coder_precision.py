"""No invented events (issue 9): every event needs a trigger and an actor the sentence supports as its doer,
a consultation needs another side, and a narrator's preview of an act is no fact. Sentences written for
these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

ANCHOR = dt.date(2005, 3, 1)


def coded(text: str):
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None, e.factual)
            for e in code_text(text, date=ANCHOR, classifier=None).events]


@pytest.mark.parametrize("text", [
    "A cargo of Canadian wheat for China was rejected at Vancouver on Friday.",
    "Mr Hughes was expelled from the Labour party in 2003.",
    # a verb coordinated with the passive shares what it acts on
    "A cargo of Canadian wheat for China was rejected and forced to be unloaded at Vancouver on Friday.",
])
def test_what_an_agentless_passive_acts_on_is_not_its_doer(text):
    # the nearest mention before the verb is the one expelled / the cargo's buyer: it did not act
    assert coded(text) == []


def test_a_passive_with_its_agent_still_codes_the_agent():
    assert coded("Iraqi rebels were killed by Turkish troops near the border.") == [("190", "TUR", "IRQ", True)]


@pytest.mark.parametrize("text", [
    "The Scottish justice minister described Friday's meeting as very productive.",  # the meeting is a topic
    "The Iranian foreign minister was talking to reporters in Tehran.",  # reporters are no other side
    "He said Muslims in Swansea had to travel to Cardiff for prayers.",  # a trip with no host
])
def test_a_consultation_needs_another_side(text):
    assert [e for e in coded(text) if e[0].startswith("04")] == []


@pytest.mark.parametrize("text, events", [
    ("The British prime minister travelled to Washington on Monday.",
     [("042", "GBR", "USA", True), ("043", "USA", "GBR", True)]),
    ("Iran and Russia held talks in Moscow on Monday.", [("040", "IRN", "RUS", True)]),
    ("The Iranian foreign minister held talks with the BBC director general.", [("040", "IRN", "GBR", True)]),
])
def test_consultations_with_another_side_stay(text, events):
    assert coded(text) == events


def test_parties_named_as_a_plural_group_are_each_others_other_side():
    evs = code_text("The Iranian and Russian presidents met in Tehran. Later the two leaders held talks in Moscow.",
                    date=ANCHOR, classifier=None)
    assert [e.cameo for e in evs.sentences[-1].events if e.cameo.startswith("04")], evs.sentences[-1].events


def test_talks_being_held_on_a_day_ahead_are_a_plan_not_a_fact():
    # the talks (an event noun) take the arrangement of the progressive that holds them
    evs = coded("Iran and Russia are holding talks in Moscow on Friday.")
    assert evs and all(code.startswith("04") and not factual for code, _, _, factual in evs), evs
    assert all(f for *_, f in coded("Iran and Russia held talks in Moscow on Friday.")), "a past meeting stays"
