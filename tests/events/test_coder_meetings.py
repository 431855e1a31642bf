"""Meetings and bilateral acts (docs/codebook.md): a consultation, negotiation or agreement is one event per
happening, from the side the sentence names first, whatever verb tells it (never stored again the other way
round); an announced intent to meet is the announcer's alone. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text


def coded(text: str) -> set[tuple]:
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.factual)
            for e in code_text(text, date=dt.date(2005, 3, 1), classifier=None).events}


@pytest.mark.parametrize("text, code, a, b", [
    ("The Iranian president telephoned the Russian president on Tuesday.", "041", "IRN", "RUS"),
    ("The Iranian foreign minister consulted his Turkish counterpart.", "040", "IRN", "TUR"),
    ("The Iranian foreign minister met his Turkish counterpart in Ankara.", "040", "IRN", "TUR"),
    ("Iran and Iraq signed a peace treaty.", "057", "IRN", "IRQ"),
])
def test_a_bilateral_act_is_one_event(text, code, a, b):
    assert coded(text) == {(code, a, b, True)}


def test_three_parties_to_talks_are_paired_once_each():
    assert coded("Iran, Russia and Turkey held talks in Astana.") == {
        ("040", "IRN", "RUS", True), ("040", "IRN", "TUR", True), ("040", "RUS", "TUR", True)}


def test_an_intent_to_meet_is_the_speakers_alone():
    assert coded("The Iranian foreign minister said he would meet his Turkish counterpart.") == {
        ("036", "IRN", "TUR", True)}


@pytest.mark.parametrize("text, events", [
    # the EU's threat of sanctions is the EU's alone: Iran does not threaten the EU back
    ("The European Union agreed new sanctions on Iran.", {("1312", None, "IRN", True)}),
    # two parties agreeing to act on a third: each acts on the third, not on each other
    ("Iran and Russia agreed to impose sanctions on Israel.", {("1312", "IRN", "ISR", True), ("1312", "RUS", "ISR", True)}),
    # agreeing to cooperate stays the two sides' act (one event between them)
    ("Iran and Russia agreed to cooperate on security.", {("031", "IRN", "RUS", True)}),
])
def test_a_symmetric_head_over_a_one_sided_act_is_one_sided(text, events):
    assert coded(text) == events
