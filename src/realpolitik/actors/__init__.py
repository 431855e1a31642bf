"""Actors stage: the knowledge base (countries, capitals, IGOs, institutions, roles, factions) and the
per-document resolver that turns noun phrases into ``ActorRef``s."""
from __future__ import annotations

import datetime as dt

from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.load import extend_kb, load_kb
from realpolitik.actors.resolver import ActorResolver
from realpolitik.records import Actor, ActorRef


def resolve_text(text: str, date: dt.date | None = None, kb: KnowledgeBase | None = None) -> list[ActorRef]:
    """Parse ``text`` and return every actor mention, sentence by sentence (offsets relative to each sentence)."""
    from realpolitik.nlp import load_nlp

    doc = load_nlp()(text)
    res = ActorResolver(kb=kb, date=date)
    res.prepare([doc])
    out: list[ActorRef] = []
    for sent in doc.sents:
        res.learn(sent)
        out.extend(res.mentions(sent))
    return out


__all__ = ["Actor", "ActorRef", "ActorResolver", "KnowledgeBase", "extend_kb", "load_kb", "resolve_text"]
