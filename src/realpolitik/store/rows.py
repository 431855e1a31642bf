"""Flatten records (Document, CodedSentence, Event, Actor) into table rows, and merge actor rows."""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from importlib import resources
from dataclasses import dataclass, field
from typing import Any

from realpolitik import yamlfile
from realpolitik.events.codebook import cameo_codes
from realpolitik.records import Actor, ActorRef, CodedSentence, Document, Event, Location
from realpolitik.store import actor_merge
from realpolitik.store.cluster import cluster_key, is_root
from realpolitik.store.schema import GEO_FIELDS

_LISTS = ("aliases", "roles", "members", "evidence")
_FIELDS = ("actor_id", "name", "code", "country", "sector", "kind", "attribute", "former", "aliases", "roles",
           "members", "evidence", "first_seen", "last_seen", "votes")


@dataclass
class ActorRow:
    """An actors-table row being merged. Merging is order-independent: code, country, sector and former come
    from the evidence votes of every document (``store.actor_merge``); lists are kept sorted, names and
    attributes settled by a fixed rule, seen dates widen."""

    actor_id: str
    name: str
    code: str
    country: str | None
    sector: str | None
    kind: str
    attribute: str | None = None
    former: bool = False
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    votes: actor_merge.Votes = field(default_factory=dict)

    def own_votes(self) -> actor_merge.Votes:
        """This row's votes; a row with none (built by hand, or stored before votes) votes for its own code."""
        if not self.votes:
            self.votes = actor_merge.vote(actor_merge.vote_key(self.code, self.country, self.sector, self.former),
                                          1.0, self.last_seen)
        return self.votes

    def merge(self, other: ActorRow, *, same_document: bool = False, report: bool = True) -> bool:
        """Fold ``other`` into this row; True if anything stored changed (False without ``report``, which
        saves comparing the rows). ``same_document``: both rows come from one document, whose votes count as
        one document's."""
        before = self.to_row() if report else None
        votes = self.own_votes()
        actor_merge.add(votes, other.own_votes(), same_document=same_document)
        for name in _LISTS:
            mine = getattr(self, name)
            for x in getattr(other, name):
                if x and x not in mine:
                    mine.append(x)
        self.settle()  # after the lists are merged: their order must not depend on the order rows arrive in
        if other.name != self.name and (len(other.name), other.name) > (len(self.name), self.name):
            self.name = other.name  # the fullest form of the name, whichever document brought it
        if other.attribute and (not self.attribute or other.attribute < self.attribute):
            self.attribute = other.attribute
        self.first_seen = _widen(self.first_seen, other.first_seen, min)
        self.last_seen = _widen(self.last_seen, other.last_seen, max)
        return report and self.to_row() != before

    def settle(self) -> None:
        """Code, country, sector and former from the votes; lists in a fixed order."""
        key = actor_merge.choose(self.own_votes(), self.kind)
        if key is not None:
            code, country, sector, former = actor_merge.parse_key(key)
            self.code, self.country, self.sector, self.former = code or "", country, sector, former
        for name in ("aliases", "members", "evidence"):
            setattr(self, name, sorted(dict.fromkeys(getattr(self, name))))
        self.roles = sorted(dated_roles(self.roles), key=_role_order)

    def to_row(self) -> dict[str, Any]:
        row = {k: getattr(self, k) for k in ("actor_id", "name", "code", "country", "sector", "kind",
                                             "attribute", "former", "first_seen", "last_seen")}
        row.update({k: json.dumps(sorted(getattr(self, k)) if k != "roles" else getattr(self, k),
                                  ensure_ascii=False) for k in _LISTS})
        row["votes"] = json.dumps(self.votes, sort_keys=True) if self.votes else None
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ActorRow:
        data = {k: v for k, v in row.items() if k in _FIELDS}
        for k in _LISTS:
            data[k] = json.loads(data[k]) if data.get(k) else []
        data["votes"] = json.loads(data["votes"]) if data.get("votes") else {}
        return cls(**data)


def _role_order(role: str) -> tuple[str, str]:
    m = _ROLE_DATES.match(role)
    return (m["a"], role.lower()) if m else ("9999", role.lower())


_ROLE_DATES = re.compile(r"^(?P<role>.*?)\s*\((?P<a>\d{4}-\d{2}-\d{2})(?:\s*[–-]\s*(?P<b>\d{4}-\d{2}-\d{2}))?\)$")


def dated_roles(roles: list[str]) -> list[str]:
    """One entry per role with the span of document dates that attest it: "President (2013-06-15 – 2016-04-11)"."""
    spans: dict[str, list] = {}
    names: dict[str, str] = {}
    for r in roles:
        m = _ROLE_DATES.match(r)
        role, dates = (m["role"], [m["a"], m["b"] or m["a"]]) if m else (r, [])
        key = role.lower()
        names.setdefault(key, role)
        span = spans.setdefault(key, [])
        if dates:
            span[:] = [min([*span[:1], dates[0]]), max([*span[1:], dates[1]])]
    out = []
    for key, role in names.items():
        span = spans[key]
        out.append(role if not span else f"{role} ({span[0]})" if span[0] == span[1]
                   else f"{role} ({span[0]} – {span[1]})")
    return out


def _widen(a: dt.date | None, b: dt.date | None, pick) -> dt.date | None:
    if a is None or b is None:
        return a or b
    return pick(a, b)


def actor_from_record(actor: Actor, seen: dt.date | None) -> ActorRow:
    """The row a document's actor record implies; it votes for its code, more strongly with attesting sentences."""
    aliases = [a for a in (alias_of(x) for x in actor.aliases if x) if a and a != actor.name]
    if actor.kind == "person":  # learned name forms; other records carry their knowledge-base names
        aliases = [a for a in (name_alias(x, actor.name, actor.kind, actor.actor_id, fuller=True)
                               for x in aliases) if a]
    weight = actor_merge.RECORD_WITH_EVIDENCE_WEIGHT if actor.evidence else actor_merge.RECORD_WEIGHT
    return ActorRow(actor.actor_id, actor.name, actor.code, actor.country, actor.sector, actor.kind,
                    actor.attribute, actor.former, list(dict.fromkeys(aliases)),
                    dated_roles([r for r in actor.roles if r]), list(dict.fromkeys(actor.members)),
                    list(dict.fromkeys(actor.evidence)), seen, seen,
                    votes=actor_merge.vote(actor_merge.vote_key(actor.code, actor.country, actor.sector,
                                                                actor.former), weight, seen))


# Mentions that are not names: pronouns and the like never become aliases.
_NOT_ALIASES = {"he", "she", "it", "they", "him", "her", "his", "hers", "its", "them", "their", "theirs",
                "we", "us", "our", "who", "whom", "whose", "which", "that", "this", "these", "those"}
# Lower-case words allowed inside a proper name ("House of Commons", "Ali bin Hussein").
_NAME_LINKS = frozenset({"of", "the", "and", "for", "on", "de", "del", "della", "da", "di", "du", "des", "van",
                         "von", "der", "den", "la", "le", "al", "el", "bin", "ibn", "bint", "y", "&"})
# Words of the calendar and the clock are never part of a name ("Wednesday Mr Blair").
_CALENDAR = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                       "february", "march", "april", "june", "july", "august", "september", "october",
                       "november", "december", "yesterday", "today", "tonight", "tomorrow"})
_MAX_NAME_WORDS = 7


def alias_of(text: str) -> str | None:
    """The mention as an alias: possessive dropped; None for pronouns and lower-case descriptions."""
    text = " ".join(text.split())
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
            break
    if not text or text.lower() in _NOT_ALIASES or not any(c.isupper() for c in text):
        return None
    return text


@functools.lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """The honorifics of the actor data (roles.yaml), the words a name may start with ("Mr", "Lord")."""
    doc = yamlfile.load((resources.files("realpolitik") / "data" / "actors" / "roles.yaml")
                        .read_text(encoding="utf-8"))
    return frozenset(w.lower().rstrip(".") for w in doc.get("honorifics") or []) - _NOT_ALIASES


def name_alias(text: str, name: str, kind: str, actor_id: str, rule: str = "", fuller: bool = False) -> str | None:
    """``text`` (a mention or a learned name) as an alias of the actor ``name``, or None when it is not one of
    its names. An alias is a proper name: every word capitalised (or a linking word inside it: "House of
    Commons"), no digits, dates, brackets or possessives inside, at most seven words. A person's alias is
    their name or part of it, after an honorific ("Mr Blair", "Blair"; not "Prime Minister Tony Blair" — a
    title is a role — nor "BBC Michael Howard"). A generic actor named by its code (British government =
    GBRGOV, British civilians = GBRCVL) has no names beyond its own: what mentions call it are descriptions
    ("Downing Street", "BAA spokesman"). A state's aliases are the mentions read as its name (rule "country":
    "Britain", "UK"), not a place inside it or a phrase around it ("London", "BBC Radio Scotland"). An
    organisation's aliases are not the role phrases it was read from (rule "role+...": "Labour Assembly
    Government" is a government Labour leads, not a name of the party)."""
    text = alias_of(text) or ""
    text = re.sub(r"\s*-\s*", "-", text)  # "Kilroy -Silk"
    if text.lower().startswith("the "):
        text = text[4:]
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or text == name:
        return None
    if any(c.isdigit() or c in "()[]{}\"" for c in text) or re.search(r"['’]s\b", text):
        return None
    for k, w in enumerate(words):
        low = w.lower().rstrip(".,")
        if low in _CALENDAR or not w[0].isalpha():
            return None
        if not w[0].isupper() and not (0 < k < len(words) - 1 and low in _NAME_LINKS):
            return None
    if kind == "person":
        honorifics = _honorifics()
        rest = list(words)
        while rest and rest[0].lower().rstrip(".") in honorifics:
            rest.pop(0)
        pieces = {x for w in name.lower().split() for x in w.split("-")}
        mine = [x for w in rest for x in w.lower().split("-") if x]
        if mine and set(mine) <= pieces:
            return text
        extra = [w for w in rest if not {x for x in w.lower().split("-")} <= pieces]
        if fuller and pieces <= set(mine) and not any(len(w) > 1 and w.isupper() for w in extra):
            return text
        return None
    if ":" not in actor_id:  # a code-named generic actor (GBRGOV) or a state (GBR)
        return text if kind == "state" and rule == "country" else None
    if rule.startswith(("role+", "of:")):
        return None  # a role of the body or a phrase around it ("Labour Assembly Government"): a description
    return text


def actor_from_ref(ref: ActorRef, seen: dt.date | None) -> ActorRow:
    """An actor row implied by a mention, so every actor_id in mentions/events has a parent row."""
    alias = name_alias(ref.text, ref.name, ref.kind, ref.actor_id, ref.rule) if ref.text else None
    aliases = [alias] if alias else []
    return ActorRow(ref.actor_id, ref.name, ref.code, ref.country, ref.sector, ref.kind,
                    former=ref.former, aliases=aliases, roles=[ref.role] if ref.role else [],
                    first_seen=seen, last_seen=seen,
                    votes=actor_merge.vote(actor_merge.vote_key(ref.code, ref.country, ref.sector, ref.former),
                                           actor_merge.mention_weight(ref.rule), seen))


@dataclass
class DocRows:
    """Every row one document contributes, ready for insertion."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    segments: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[dict[str, Any]] = field(default_factory=list)
    event_mentions: list[dict[str, Any]] = field(default_factory=list)
    actors: dict[str, ActorRow] = field(default_factory=dict)

    def extend(self, other: DocRows) -> None:
        for name in ("documents", "segments", "sentences", "mentions", "event_mentions"):
            getattr(self, name).extend(getattr(other, name))
        for actor_id, row in other.actors.items():
            if actor_id in self.actors:
                self.actors[actor_id].merge(row, report=False)
            else:
                self.actors[actor_id] = row


def doc_rows(doc: Document, sentences: list[CodedSentence], actors: list[Actor],
             ingested_at: dt.datetime) -> DocRows:
    """Flatten one coded document; duplicate sentence/event ids inside it keep their first occurrence."""
    out = DocRows()
    out.documents.append({"doc_id": doc.doc_id, "path": doc.path, "title": doc.title, "pub_date": doc.date,
                          "date_source": doc.date_source, "source": doc.source, "url": doc.url,
                          "ingested_at": ingested_at})
    seen_idx: set[int] = set()
    first_body = next((seg.index for seg in doc.segments if seg.kind == "body"), None)
    for seg in doc.segments:
        if seg.index not in seen_idx:
            seen_idx.add(seg.index)
            out.segments.append({"doc_id": doc.doc_id, "idx": seg.index, "kind": seg.kind, "text": seg.text,
                                 "seg_date": seg.date})
    seen = doc.date or _undated_seen(sentences)

    def note(row: ActorRow) -> None:
        if row.actor_id in out.actors:
            out.actors[row.actor_id].merge(row, same_document=True, report=False)
        else:
            row.votes = {k: [min(w, actor_merge.DOC_CAP), n, last] for k, (w, n, last) in row.own_votes().items()}
            row.settle()
            out.actors[row.actor_id] = row

    for actor in actors:
        note(actor_from_record(actor, seen))
    sent_ids: set[str] = set()
    event_ids: set[str] = set()
    for cs in sentences:
        if cs.sentence_id in sent_ids:
            continue
        sent_ids.add(cs.sentence_id)
        out.sentences.append({"sentence_id": cs.sentence_id, "doc_id": doc.doc_id,
                              "segment_idx": cs.segment_index, "sentence_idx": cs.sentence_index,
                              "start_char": cs.start, "text": cs.text})
        for i, ref in enumerate(cs.mentions):
            note(actor_from_ref(ref, seen))
            out.mentions.append({"sentence_id": cs.sentence_id, "idx": i, "actor_id": ref.actor_id,
                                 "text": ref.text, "start_char": ref.start, "end_char": ref.end,
                                 "rule": ref.rule, "role": ref.role})
        for ev in cs.events:
            if ev.event_id in event_ids:
                continue
            if ev.doc_id != doc.doc_id:
                raise ValueError(f"event {ev.event_id} belongs to {ev.doc_id}, not {doc.doc_id}")
            event_ids.add(ev.event_id)
            for ref in (ev.source, ev.target):
                if ref is not None:
                    note(actor_from_ref(ref, seen))
            row = event_row(ev, cs.sentence_id)
            row.update(sentence_text=cs.text, sentence_segment=cs.segment_index, sentence_index=cs.sentence_index)
            row["is_root"] = is_root(ev.segment_kind, 0 if cs.segment_index == first_body else 1, cs.sentence_index)
            out.event_mentions.append(row)
    return out


def _undated_seen(sentences: list[CodedSentence]) -> dt.date | None:
    """When an undated article was seen: no earlier than the latest happening it reports as fact. A date that
    opens a state ("in power since 1906") and a planned or hypothetical act's date say nothing about it."""
    dates = [e.date.date for cs in sentences for e in cs.events
             if e.date.date and e.date.rule != "since" and e.factual]
    return max(dates) if dates else None


def _side(prefix: str, ref: ActorRef | None) -> dict[str, Any]:
    keys = ("name", "actor_id", "code", "country", "sector", "kind", "text", "start", "end", "rule", "role")
    if ref is None:
        return {f"{prefix}_{k}": None for k in keys}
    return {f"{prefix}_{k}": getattr(ref, k) for k in keys}


def event_row(ev: Event, sentence_id: str) -> dict[str, Any]:
    """One event_mentions row (its own event until clustering says otherwise), less the copy of its sentence
    (``schema.SENTENCE_FIELDS``, which ``doc_rows`` adds from the ``sentences`` row it writes)."""
    row: dict[str, Any] = {"mention_id": ev.event_id, "event_id": ev.event_id, "doc_id": ev.doc_id,
                           "sentence_id": sentence_id}
    row.update(_side("source", ev.source))
    row.update(_side("target", ev.target))
    row.update({
        "date": ev.date.date, "date_precision": ev.date.precision, "date_text": ev.date.text,
        "date_rule": ev.date.rule, "cameo": ev.cameo, "cameo_name": cameo_name(ev.cameo), "cameo_root": ev.cameo_root,
        "quad_class": ev.quad_class, "goldstein": float(ev.goldstein), "plover": ev.plover,
        "plover_mode": ev.plover_mode, "trigger": ev.trigger, "trigger_start": ev.trigger_start,
        "trigger_end": ev.trigger_end, "is_hypothetical": bool(ev.hypothetical), "is_negated": bool(ev.negated),
        "modality": ",".join(ev.modality), "rule": ev.rule, "segment_kind": ev.segment_kind,
    })
    for side, loc in (("action", ev.action_geo), ("source", ev.source_geo), ("target", ev.target_geo)):
        row.update(geo_row(side, loc))
    row["is_root"] = ev.segment_kind in ("title", "caption")
    row["cluster_key"] = cluster_key(row)
    return row


def cameo_name(code: str) -> str | None:
    """The CAMEO event name of a code ("042" -> "Make a visit"), None for a code the codebook lacks."""
    rec = cameo_codes().get(code)
    return rec.name if rec is not None else None


def geo_row(side: str, loc: Location | None) -> dict[str, Any]:
    """The ``{side}_geo_*`` columns of a location (all None when there is none)."""
    if loc is None:
        return {f"{side}_geo_{name}": None for name, _ in GEO_FIELDS}
    values = {"name": loc.name, "type": loc.kind, "country": loc.country, "adm1": loc.adm1,
              "adm1_code": loc.adm1_code, "lat": loc.lat, "lon": loc.lon, "precision": loc.precision,
              "feature_id": loc.feature_id or None, "rule": loc.rule}
    return {f"{side}_geo_{name}": values[name] for name, _ in GEO_FIELDS}
