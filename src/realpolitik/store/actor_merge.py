"""One code per actor across documents, chosen by evidence — the same whatever order documents arrive in.

Every document that mentions an actor casts votes for the code it gave it: a key ``code|country|sector|former``
with a weight for how strong its evidence was (``mention_weight``: an explicit title, demonym or knowledge-base
match counts 1, a name learned earlier in the article 0.75, a pronoun 0.5, a country borrowed from the
document 0.25; an actor record with attesting sentences 2), capped per document (``DOC_CAP``) so one long
article cannot outvote many, and the latest date it was seen. The stored row keeps every key's tally, so
``choose`` decides again from all the evidence each time a document adds to it.

``choose(votes, kind)``: only the most fully placed keys (``placed``: a code beats none, and for a person a
country and sector beat a country alone), whatever their dates or weights — unknown evidence never displaces
a placed code; among them the key with the greatest total weight; for a person only current (not former)
offices when any is attested, and of the dated ones only those seen within ``PERSON_WINDOW`` of the latest —
an office holder's code follows their most recent office (Rouhani, nuclear negotiator in 2013, President in
2016); undated evidence competes with what the window keeps by its weight.
Ties go to the most recent date, then to the key itself, so the choice never depends on arrival order.
The weights and the window are hand-set parameters, not fitted on data.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

# key -> [total weight, documents, latest date seen ("" = undated)]
Votes = dict[str, list[Any]]

DOC_CAP = 3.0
PERSON_WINDOW = dt.timedelta(days=365)
RECORD_WEIGHT = 1.0
RECORD_WITH_EVIDENCE_WEIGHT = 2.0


def mention_weight(rule: str) -> float:
    """How strongly a mention's resolution rule attests its code (see the module docstring)."""
    rule = rule or ""
    if "doc-country" in rule or "document" in rule or "fallback" in rule:
        return 0.25
    if rule.startswith("pronoun"):
        return 0.5
    if rule.startswith("learned"):
        return 0.75
    return 1.0


def vote_key(code: str | None, country: str | None, sector: str | None, former: bool) -> str:
    return f"{code or ''}|{country or ''}|{sector or ''}|{int(bool(former))}"


def parse_key(key: str) -> tuple[str | None, str | None, str | None, bool]:
    code, country, sector, former = key.split("|")
    return code or None, country or None, sector or None, former == "1"


def vote(key: str, weight: float, seen: dt.date | None) -> Votes:
    return {key: [float(weight), 1, seen.isoformat() if seen else ""]}


def add(into: Votes, other: Votes, *, same_document: bool = False) -> None:
    """Add ``other``'s tallies to ``into``. Within one document weights add up to ``DOC_CAP`` and the document
    counts once; across documents everything adds."""
    for key, (weight, docs, last) in other.items():
        mine = into.get(key)
        if mine is None:
            into[key] = [min(weight, DOC_CAP) if same_document else weight, docs, last]
            continue
        mine[0] = min(mine[0] + weight, DOC_CAP) if same_document else mine[0] + weight
        mine[1] = max(mine[1], docs) if same_document else mine[1] + docs
        mine[2] = max(mine[2], last)


def placed(key: str, kind: str) -> int:
    """How fully a key places its actor: 0 no code, 1 a person's country without a sector (an untitled
    person read with no date: the office unknown), 2 a full code (country and sector, or an IGO/NGO code)."""
    code, country, sector, _ = parse_key(key)
    if not code:
        return 0
    return 1 if kind == "person" and country and not sector else 2


def choose(votes: Votes, kind: str) -> str | None:
    """The winning key (see the module docstring); None for no votes."""
    if not votes:
        return None
    best = max(placed(k, kind) for k in votes)
    keys = [k for k in votes if placed(k, kind) == best]  # placed evidence beats unknown, whatever its date
    if kind == "person":
        current = [k for k in keys if not k.endswith("|1")]
        keys = current or keys
        dated = [votes[k][2] for k in keys if votes[k][2]]
        if dated:
            latest = dt.date.fromisoformat(max(dated))
            start = (latest - PERSON_WINDOW).isoformat()
            # undated evidence is weighed with the recent dated evidence, not dropped (an undated corpus
            # naming a UKIP MEP forty times outvotes one dated line on his earlier career)
            keys = [k for k in keys if not votes[k][2] or votes[k][2] >= start]
    # then weight, recency, the key itself
    return max(keys, key=lambda k: (round(votes[k][0], 6), votes[k][2], k))
