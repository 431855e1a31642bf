"""Issue 10 item 3: the dated office holders of the seed states are in the knowledge base for 2010 to mid-2025 —
for each state's foreign and defence ministries (the US Secretary of State and Secretary of Defense), the US
national security adviser and CENTCOM, some curated person holds the office on every day, but for an acting
holder's few weeks."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors.kb import PERSON
from realpolitik.actors.people import names_office

START, END = dt.date(2010, 1, 1), dt.date(2025, 6, 30)
ACTING = dt.timedelta(days=45)  # an acting holder the KB may leave out


def _holders(kb, country: str, titles: tuple[str, ...]) -> list[tuple[dt.date, dt.date, str]]:
    out = []
    for e in {id(e): e for e in kb.by_id.values()}.values():
        if e.kind != PERSON or e.source != "people":
            continue
        for role, p in zip(e.roles, e.periods):
            if p.code.startswith(country) and any(names_office(t, role.lower()) for t in titles):
                out.append((p.start or dt.date.min, p.end or dt.date.max, e.name))
    return sorted(out)


def _gaps(spans: list[tuple[dt.date, dt.date, str]]) -> list[tuple[dt.date, dt.date]]:
    gaps, reach = [], START
    for s, e, _ in spans:
        if s > reach + ACTING and s <= END:
            gaps.append((reach, s))
        reach = max(reach, min(e, END))
    if reach + ACTING < END:
        gaps.append((reach, END))
    return gaps


@pytest.mark.parametrize("country,titles", [
    ("IRN", ("foreign minister",)), ("IRN", ("defence minister",)),
    ("RUS", ("foreign minister",)), ("RUS", ("defence minister",)),
    ("USA", ("secretary of state",)), ("USA", ("defense secretary",)),
    ("USA", ("national security adviser",)), ("USA", ("centcom commander",)),
    ("SYR", ("foreign minister",)), ("SYR", ("defence minister",)),
    ("SAU", ("foreign minister",)), ("SAU", ("defence minister",)),
    ("TUR", ("foreign minister",)), ("TUR", ("defence minister",)), ("TUR", ("chief of the general staff",)),
    ("ISR", ("foreign minister",)), ("ISR", ("defence minister",)), ("ISR", ("director of the shin bet",)),
])
def test_every_day_has_a_holder(kb, country, titles):
    assert _gaps(_holders(kb, country, titles)) == []
