"""Two classes of the CAMEO/PLOVER type: an expulsion of a mass of people is a mass expulsion (CAMEO 201, PLOVER
ASSAULT), not the expulsion of individuals (174, COERCE); "citing X" gives a reason and is no attitude of the
one citing (PETRARCH2's statement-block patterns are for verbs of expressing)."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text
from realpolitik.events.triggers import _mass_of_people

ANCHOR = dt.date(2015, 11, 23)


def codes(text: str) -> list[str]:
    return [e.cameo for e in code_text(text, date=ANCHOR, classifier=None).events if e.factual]


@pytest.mark.parametrize("text,word,mass", [
    ("Serbia expelled thousands of Albanian villagers.", "expelled", True),
    ("The Bolivian army forced out more than 2,000 Quechua farmers.", "forced", True),
    ("Croatia expelled the entire population of the village.", "expelled", True),
    ("Serbia expelled two Albanian journalists.", "expelled", False),
    ("Italy deported 12 Tunisian men.", "deported", False),
])
def test_a_mass_of_people(nlp, text, word, mass):
    tok = next(t for t in nlp(text) if t.text == word)
    assert _mass_of_people(tok) is mass


@pytest.mark.parametrize("text,code", [
    ("Serbia expelled thousands of Albanian villagers from Kosovo.", "201"),
    ("The Bolivian army forced out more than 2,000 Quechua farmers from their land.", "201"),
    ("Serbian troops drove out 5,000 Albanian villagers.", "201"),
    ("Italy deported 12 Tunisian men.", "174"),
    ("Serbia expelled two Albanian diplomats.", "166"),
])
def test_mass_expulsion_is_201(text, code):
    assert code in codes(text), codes(text)


def test_citing_a_reason_is_no_attitude():
    found = codes("The Turkish government refused to send troops to Iraq, citing domestic opposition.")
    assert found and found[0].startswith("12"), found
    assert not any(c.startswith(("01", "11")) for c in found), found
