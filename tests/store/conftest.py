"""Hand-built coded documents for the store tests (no NLP: records are constructed directly)."""
from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from realpolitik.records import Actor, ActorRef, CodedSentence, Document, Event, EventDate, Segment

# actor_id -> (name, code, country, sector, kind)
ACTORS = {
    "IRN": ("Iran", "IRN", "IRN", None, "state"),
    "RUS": ("Russia", "RUS", "RUS", None, "state"),
    "USA": ("United States", "USA", "USA", None, "state"),
    "IRNMIL": ("Iranian military", "IRNMIL", "IRN", "MIL", "institution"),
    "person:vladimir-putin": ("Vladimir Putin", "RUSGOV", "RUS", "GOV", "person"),
    "igo:SCO": ("Shanghai Cooperation Organisation", "IGOSCO", None, None, "igo"),
}


def ref(actor_id: str, text: str | None = None, role: str | None = None) -> ActorRef:
    name, code, country, sector, kind = ACTORS[actor_id]
    return ActorRef(name=name, actor_id=actor_id, code=code, country=country, sector=sector, kind=kind,
                    text=text or name, start=0, end=len(text or name), rule="test", role=role)


def build(doc_id: str, date: str | None, sentences: list[tuple[str, list[dict]]],
          actors: list[Actor] = (), path: str | None = None):
    """(Document, [CodedSentence], [Actor]) from sentences with event specs.

    An event spec: src, tgt (actor ids or None), cameo, quad, goldstein, plover and optional
    date ("YYYY-MM-DD"), hypothetical, negated, modality.
    """
    pub = dt.date.fromisoformat(date) if date else None
    segments = [Segment(0, "title", f"Title of {doc_id}")]
    coded = []
    for i, (text, specs) in enumerate(sentences):
        segments.append(Segment(i + 1, "body", text))
        sid = f"{doc_id}:{i + 1}:0"
        events = []
        for j, s in enumerate(specs):
            ev_date = dt.date.fromisoformat(s["date"]) if s.get("date") else pub
            events.append(Event(
                event_id=hashlib.sha1(f"{sid}:{j}".encode()).hexdigest()[:16], doc_id=doc_id, sentence_id=sid,
                sentence=text, date=EventDate(ev_date, "day" if ev_date else "unknown"),
                source=ref(s["src"]) if s.get("src") else None, target=ref(s["tgt"]) if s.get("tgt") else None,
                cameo=s["cameo"], cameo_root=s["cameo"][:2], quad_class=s["quad"], goldstein=s["goldstein"],
                plover=s["plover"], trigger=s.get("trigger", "met"),
                hypothetical=s.get("hypothetical", False), negated=s.get("negated", False),
                modality=tuple(s.get("modality", ())), rule="test"))
        mentions = [ref(a) for a in dict.fromkeys(x for s in specs for x in (s.get("src"), s.get("tgt")) if x)]
        coded.append(CodedSentence(sid, i + 1, 0, text, 0, mentions=mentions, events=events))
    doc = Document(doc_id=doc_id, path=path or f"articles/{doc_id}.txt", segments=tuple(segments),
                   title=f"Title of {doc_id}", date=pub, date_source="flag" if pub else "unknown",
                   source="Test Wire")
    return doc, coded, list(actors)


def ev(src, tgt, cameo, quad, goldstein, plover, **kw) -> dict:
    return dict(src=src, tgt=tgt, cameo=cameo, quad=quad, goldstein=goldstein, plover=plover, **kw)


@pytest.fixture
def corpus():
    """Three small articles: Iran–Russia talks, a hypothetical strike, a US–Iran dispute."""
    putin = Actor("person:vladimir-putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV", "person",
                  aliases=("Putin",), roles=("President",), evidence=("President Vladimir Putin said ...",))
    return [
        build("d1", "2015-07-09", [
            ("Iran's foreign minister met Russian officials in Moscow on Thursday.",
             [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")]),
            ("Putin praised the growing partnership with Tehran.",
             [ev("person:vladimir-putin", "IRN", "051", 1, 3.4, "SUPPORT", trigger="praised")]),
        ], actors=[putin]),
        build("d2", "2015-08-02", [
            ("Russia may deliver air defence systems to Iran next year.",
             [ev("RUS", "IRN", "070", 2, 7.0, "AID", hypothetical=True, modality=("modal",))]),
            ("Iran did not attack the tanker.",
             [ev("IRN", "USA", "190", 4, -10.0, "ASSAULT", negated=True)]),
            ("The Iranian military seized a US drone in June.",
             [ev("IRNMIL", "USA", "181", 4, -9.0, "SEIZE", date="2015-06-20", trigger="seized")]),
        ]),
        build("d3", "2016-01-15", [
            ("Washington accused Tehran of violating the deal.",
             [ev("USA", "IRN", "112", 3, -2.0, "ACCUSE", trigger="accused")]),
            ("Moscow and the SCO signed a trade pact.",
             [ev("RUS", "igo:SCO", "057", 1, 8.0, "AGREE", trigger="signed")]),
        ]),
    ]


@pytest.fixture
def store(tmp_path, corpus):
    from realpolitik.store import Store

    s = Store(tmp_path / "events.duckdb", lock_timeout=5)
    s.add_many(corpus)
    return s
