"""Two sides of one country (coder.distinct): a person whose sector the text does not give is not the
government or party of his country, so a statement about them has them as its target; he and the bare
state stay one side. Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from realpolitik.api import code_text
from realpolitik.events.coder import distinct
from realpolitik.records import ActorRef


def events(text: str) -> set[tuple]:
    return {(e.cameo, e.source.code, e.target.code if e.target else None)
            for e in code_text(text, date=dt.date(2005, 3, 1), classifier=None).events}


def test_a_sectorless_person_praising_his_government_has_it_as_target():
    # "Scottish novelist" places him (GBR) but gives no sector: he is not the government he praises
    assert events("Scottish novelist Ian Banks said the government was right to wait.") == {
        ("051", "GBR", "GBRGOV")}


def test_a_sectorless_person_and_his_own_state_stay_one_side():
    assert events("Scottish novelist Ian Banks said Britain would win.") == {("010", "GBR", None)}


def _ref(actor_id: str, code: str, sector: str | None, kind: str) -> ActorRef:
    return ActorRef(name=actor_id, actor_id=actor_id, code=code, country="GBR", sector=sector, kind=kind)


def test_distinct_reads_the_sectorless_person_against_a_body_with_a_sector_only():
    person = _ref("person:ian-banks", "GBR", None, "person")
    assert distinct(person, _ref("GBRGOV", "GBRGOV", "GOV", "institution"))
    assert distinct(_ref("GBRGOV", "GBRGOV", "GOV", "institution"), person)
    assert not distinct(person, _ref("GBR", "GBR", None, "state"))
    # a person known to be in government is still one side with it
    assert not distinct(_ref("person:x", "GBRGOV", "GOV", "person"), _ref("GBRGOV", "GBRGOV", "GOV", "institution"))
