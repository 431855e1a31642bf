"""The contract between the coder and an actor resolver: what ``realpolitik.events`` calls (one resolver per
document, built by ``factory(kb=..., date=...)``). ``realpolitik.actors.ActorResolver`` implements it; tests
may pass any object that does."""
from __future__ import annotations

import datetime as dt
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from realpolitik.records import Actor, ActorRef


class Resolver(Protocol):
    """What the coder asks of an actor resolver (one per document): see realpolitik.actors.ActorResolver."""

    def prepare(self, docs: list[Doc]) -> None: ...
    def learn(self, sent: Span) -> None: ...
    def resolve(self, span: Span, head: Token | None = None) -> ActorRef | None: ...
    def mentions(self, sent: Span) -> list[ActorRef]: ...
    def actors(self) -> list[Actor]: ...


class ResolverFactory(Protocol):
    """Builds the resolver of one document from the knowledge base and the document date."""

    def __call__(self, *, kb: object = None, date: dt.date | None = None) -> Resolver: ...
