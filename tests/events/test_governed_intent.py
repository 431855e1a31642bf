"""A "will / would" the lexicon reads as an intent (036, 030) is one only where the sentence asserts it: under
a hope or an expectation it is the act, not yet done (coder.assign_modality, modality.governed); said by the
intending side itself it stays an intent. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text


def coded(text: str) -> set[tuple]:
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.factual)
            for e in code_text(text, date=dt.date(2015, 11, 23), classifier=None).events}


@pytest.mark.parametrize("text, act", [
    ("Iran hopes Russia will deliver the missiles.", ("072", "RUS", None, False)),
    ("Iran expects that Russia will meet Turkey next week.", ("040", "RUS", "TUR", False)),
])
def test_a_will_under_a_hope_or_expectation_is_the_act_not_yet_done(text, act):
    out = coded(text)
    assert act in out
    assert not any(f for *_, f in out)


def test_governed_reads_only_what_governs_the_trigger(nlp):
    from realpolitik.events.modality import governed, modality

    doc = nlp("Iran hopes Russia will deliver the missiles.")
    deliver = next(t for t in doc if t.text == "deliver")
    assert "future" in governed(deliver).kinds
    plain = nlp("Russia will deliver the missiles.")
    deliver = next(t for t in plain if t.text == "deliver")
    assert "future" in modality(deliver).kinds and governed(deliver).kinds == ()
