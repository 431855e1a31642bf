"""Faction records of an article: a faction of a country, its members (functions of the ``Reading`` and
the ``Article`` record)."""
from __future__ import annotations

from typing import Iterable


from realpolitik.actors.kb import ANCHOR_KINDS, slug
from realpolitik.actors.scan import Match
from realpolitik.actors.state import (
    _STATE_KINDS,
    Article,
    Reading,
    _Faction,
)
from realpolitik.actors.context import context_country


def faction_country(a: Article, matches: Iterable[Match]) -> str | None:
    for m in matches:
        if m.kind in _STATE_KINDS or (m.kind in ANCHOR_KINDS and m.entry.country):
            return m.entry.country
    return context_country(a)


def camps_country(a: Article) -> str | None:
    """The country of the factions the article has named so far, when they are all of one country: an
    article's camps are one country's politics ("Iran's hard-liners ... the reformists")."""
    countries = {f.country for f in a.factions.values()}
    return countries.pop() if len(countries) == 1 else None


def faction_record(r: Reading, a: Article, fm: Match, country: str, sector: str | None = None) -> _Faction:
    e = fm.entry
    label = e.label or e.name
    aid = f"faction:{country}:{slug(label)}"
    f = a.factions.get(aid)
    if f is None:
        f = _Faction(actor_id=aid, name=f"{r.kb.demonym(country)} {label}", country=country,
                     attribute=e.attribute or "", sector=sector or e.sector or "GOV")
        if e.members:
            f.members.extend(e.members)
        a.factions[aid] = f
    return f


def add_member(r: Reading, a: Article, fm: Match, countries: list[str], member_id: str, evidence: str) -> None:
    country = fm.entry.country or (countries[0] if countries else faction_country(a, []))
    if country is None:
        return
    f = faction_record(r, a, fm, country)
    f.members.append(member_id)
    f.evidence.append(evidence)
