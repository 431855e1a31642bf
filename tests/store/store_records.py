"""Hand-built coded documents (no NLP: records are constructed directly), shared by store and analysis tests."""
from __future__ import annotations

import datetime as dt
import hashlib

from realpolitik.records import Actor, ActorRef, CodedSentence, Document, Event, EventDate, Segment

# actor_id -> (name, code, country, sector, kind)
ACTORS = {
    "IRN": ("Iran", "IRN", "IRN", None, "state"),
    "RUS": ("Russia", "RUS", "RUS", None, "state"),
    "USA": ("United States", "USA", "USA", None, "state"),
    "IRNMIL": ("Iranian military", "IRNMIL", "IRN", "MIL", "institution"),
    "person:vladimir-putin": ("Vladimir Putin", "RUSGOV", "RUS", "GOV", "person"),
    "igo:SCO": ("Shanghai Cooperation Organisation", "IGOSCO", None, None, "igo"),
    "person:hassan-rouhani": ("Hassan Rouhani", "IRNGOV", "IRN", "GOV", "person"),
    "person:ali-khamenei": ("Ali Khamenei", "IRNGOV", "IRN", "GOV", "person"),
    "faction:IRN:hard-liners": ("Iranian hard-liners", "IRNGOVRAD", "IRN", "GOV", "faction"),
    "faction:IRN:pragmatists": ("Iranian pragmatists", "IRNGOVMOD", "IRN", "GOV", "faction"),
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
