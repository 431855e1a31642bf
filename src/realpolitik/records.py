"""Typed records passed between the stages: ingest -> nlp -> actors -> events -> store.

Every stage takes and returns these, never loose dicts. They are frozen so a record
handed to the next stage cannot be changed behind the previous stage's back.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

# ---------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Segment:
    """One piece of a document's cleaned text: the title, a body paragraph or a photo caption."""

    index: int
    kind: str  # "title" | "body" | "caption" | "context" (read to resolve actors, never coded)
    text: str
    date: dt.date | None = None  # a caption's own date ("..., July 9, 2015."), else None


@dataclass(frozen=True)
class Document:
    """A cleaned article. ``doc_id`` is a content hash, so the same text ingested twice is one document."""

    doc_id: str
    path: str  # file path, "path#3" for the 3rd record of a JSONL/CSV/feed, "<stdin>" ...
    segments: tuple[Segment, ...]
    title: str | None = None
    date: dt.date | None = None
    date_source: str = "unknown"  # "flag" | "record" | "html-meta" | "filename" | "feed" | "unknown"
    source: str | None = None  # publisher / outlet
    url: str | None = None
    # What the reader wants the user to know about this input without failing it ("not UTF-8: decoded as
    # cp1252", "3 invalid byte sequences replaced"); shown by `ingest`, never stored.
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def text(self) -> str:
        return "\n\n".join(s.text for s in self.segments)


@dataclass(frozen=True)
class IngestFailure:
    """A file (or record) that could not be read, with a one-line reason for the user."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


# ---------------------------------------------------------------- actors


@dataclass(frozen=True)
class ActorRef:
    """How one mention in a sentence resolved to an actor."""

    name: str  # canonical name: "Vladimir Putin", "Iran", "Iranian military", "Iranian hard-liners"
    actor_id: str  # stable id: "IRN", "IRNMIL", "person:vladimir-putin", "faction:IRN:hard-liners", "igo:SCO"
    code: str  # CAMEO-style full code: "RUSGOV", "IRNMIL", "IRNGOVRAD", "IGOSCO"
    country: str | None  # ISO3 (None for IGOs/unknown)
    sector: str | None  # GOV, MIL, LEG, JUD, OPP, REB, MED, BUS, CVL, ... (None = the state itself)
    kind: str  # "state" | "person" | "institution" | "igo" | "ngo" | "faction" | "group"
    text: str = ""  # the mention as written
    start: int = -1  # char offsets of the mention in its sentence
    end: int = -1
    rule: str = ""  # why: "demonym+role", "capital-metonym", "title:President", "learned:surname" ...
    role: str | None = None  # "President", "deputy oil minister"
    former: bool = False


@dataclass(frozen=True)
class Actor:
    """An actor in the store's actor table (states, people, institutions, IGOs, factions)."""

    actor_id: str
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    attribute: str | None = None  # CAMEO attribute for factions: RAD / MOD / REF ...
    members: tuple[str, ...] = ()  # actor_ids of members (factions)
    evidence: tuple[str, ...] = ()  # sentences that attest roles / membership
    former: bool = False


# ---------------------------------------------------------------- geo


@dataclass(frozen=True)
class Location:
    """A place an event happened or an actor is (GDELT ActionGeo_* / Actor1Geo_*; ICEWS City/Province/Country)."""

    name: str  # "Ufa", "Syria", "University of Tehran"
    kind: str  # "country" | "admin1" | "city" | "site" | "region" (a named area the KB places in a country)
    country: str | None  # ISO3
    adm1: str | None = None  # first-level region name ("Bashkortostan")
    adm1_code: str | None = None  # GeoNames admin1 code ("RU.08")
    lat: float | None = None
    lon: float | None = None
    precision: str = "country"  # what the coordinates stand for: "city" | "admin1" | "country"
    rule: str = ""  # how it was decided: "prep:in+qualified", "dateline", "visit:to" ...
    text: str = ""  # the words it was read from
    feature_id: str = ""  # GeoNames id (the ISO3 for a country)


# ---------------------------------------------------------------- events


@dataclass(frozen=True)
class EventDate:
    date: dt.date | None
    precision: str  # "day" | "week" | "month" | "year" | "unknown"
    text: str = ""  # the phrase that fixed it ("last July"), "" = the article date
    rule: str = "article-date"


@dataclass(frozen=True)
class Event:
    """One coded event, tied to its sentence and document."""

    event_id: str
    doc_id: str
    sentence_id: str  # f"{doc_id}:{segment}:{sentence}"
    sentence: str
    date: EventDate
    source: ActorRef | None
    target: ActorRef | None
    cameo: str  # "042"
    cameo_root: str  # "04"
    quad_class: int  # GDELT QuadClass 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float
    plover: str  # "CONSULT"
    plover_mode: str | None = None
    trigger: str = ""
    trigger_start: int = -1  # char offsets in the sentence
    trigger_end: int = -1
    hypothetical: bool = False  # any of modal/conditional/future/prescriptive/question/speculative
    negated: bool = False
    modality: tuple[str, ...] = ()  # e.g. ("modal",), ("future",), ("prescriptive",)
    rule: str = ""  # which rule or model fired
    segment_kind: str = "body"
    action_geo: Location | None = None  # where it happened (filled by realpolitik.geo after coding)
    source_geo: Location | None = None  # where the source actor is, when the text says
    target_geo: Location | None = None

    @property
    def factual(self) -> bool:
        return not self.hypothetical and not self.negated

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CodedSentence:
    """A sentence with the events and actor mentions found in it (output of the coder)."""

    sentence_id: str
    segment_index: int
    sentence_index: int
    text: str
    start: int  # char offset of the sentence in its segment
    mentions: list[ActorRef] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Sentence-level class 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material
    # conflict (the ConfliBERT scheme): the class of the first factual event, 0 when there is none.
    quad: int = 0
    quad_prob: float | None = None  # the classifier's probability of that class, when it ran


@dataclass
class Coded:
    """One document coded: its sentences (with events and mentions) and the actors it taught us."""

    document: Document
    sentences: list[CodedSentence]
    actors: list[Actor]

    @property
    def events(self) -> list[Event]:
        return [e for s in self.sentences for e in s.events]
