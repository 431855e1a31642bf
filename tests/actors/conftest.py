"""Fixtures for the actor tests: parse a text, learn it, resolve a phrase of it."""
from __future__ import annotations

import datetime as dt
from typing import Callable

import pytest

from realpolitik.actors import ActorResolver, load_kb
from realpolitik.records import ActorRef


@pytest.fixture(scope="session")
def kb():
    return load_kb()


@pytest.fixture
def learn(nlp, kb) -> Callable:
    """learn(text, date=None, kb=None) -> (doc, resolver) with every sentence learned in order."""

    def _learn(text: str, date: dt.date | None = None, kb_override=None):
        doc = nlp(text)
        res = ActorResolver(kb=kb_override if kb_override is not None else kb, date=date)
        for sent in doc.sents:
            res.learn(sent)
        return doc, res

    return _learn


@pytest.fixture
def phrase(learn) -> Callable:
    """phrase(text, words, occurrence=0, date=None, kb=None) -> ActorRef | None for that phrase (head = root)."""

    def _phrase(text: str, words: str, occurrence: int = 0, date: dt.date | None = None,
                kb=None) -> ActorRef | None:
        doc, res = learn(text, date=date, kb_override=kb)
        start = -1
        for _ in range(occurrence + 1):
            start = text.index(words, start + 1)
        span = doc.char_span(start, start + len(words), alignment_mode="expand")
        assert span is not None, f"{words!r} does not align with tokens"
        return res.resolve(span, span.root)

    return _phrase
