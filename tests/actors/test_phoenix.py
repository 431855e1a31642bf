"""Import of PETRARCH/Phoenix (TABARI text format) dictionaries."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors import load_kb
from realpolitik.actors.phoenix import parse_date, parse_period

SNIPPET = """# a small dictionary written for this test, in the Phoenix format
FREEDONIA_  [FRD]

RUFUS_T._FIREFLY_  # invented leader
+FIREFLY_
+PRESIDENT_FIREFLY_
	[RUSELI 700101-991231]
	[RUSGOV >000101]
	[RUSELI]

NORTHERN_LIGHTS_BRIGADE_ [RUSREB] # invented armed group
+LIGHTS_BRIGADE_

!PERSON! = MAN, MEN
GRAIN!PERSON! [~AGR]
"""


@pytest.fixture
def phoenix_kb(tmp_path):
    path = tmp_path / "test.actors.txt"
    path.write_text(SNIPPET, encoding="utf-8")
    return load_kb(phoenix_files=[path])


@pytest.mark.parametrize("text,expected", [
    ("991231", dt.date(1999, 12, 31)), ("080508", dt.date(2008, 5, 8)), ("20040309", dt.date(2004, 3, 9)),
    ("320101", dt.date(1932, 1, 1)), ("2004017", None),
])
def test_dates(text, expected):
    assert parse_date(text) == expected


def test_period_open_ended():
    p = parse_period("RUSGOV >20040309")
    assert (p.code, p.start, p.end) == ("RUSGOV", dt.date(2004, 3, 9), None)


@pytest.mark.parametrize("day,code", [(dt.date(1995, 1, 1), "RUSELI"), (dt.date(2005, 1, 1), "RUSGOV")])
def test_dated_codes_follow_the_document_date(phrase, phoenix_kb, day, code):
    ref = phrase("Firefly addressed the nation.", "Firefly", date=day, kb=phoenix_kb)
    assert (ref.actor_id, ref.code) == ("person:rufus-t-firefly", code)


def test_alias_lines(phrase, phoenix_kb):
    ref = phrase("The Lights Brigade attacked a base.", "The Lights Brigade", kb=phoenix_kb)
    assert ref.code == "RUSREB"


def test_substitution_sets_in_agents(phrase, phoenix_kb):
    ref = phrase("Russian grainmen protested.", "Russian grainmen", kb=phoenix_kb)
    assert ref is not None and ref.sector == "AGR"


def test_real_phoenix_dictionaries(shared_dir, phrase):
    files = sorted((shared_dir / "dictionaries").glob("Phoenix.*.actors.txt"))
    if not files:
        pytest.skip("no Phoenix dictionaries in ../shared")
    kb = load_kb(phoenix_files=files)
    ref = phrase("Medvedev met reporters in Sochi.", "Medvedev", date=dt.date(2009, 6, 1), kb=kb)
    assert ref.country == "RUS"
