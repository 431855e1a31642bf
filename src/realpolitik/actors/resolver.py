"""Per-document actor resolution: noun phrase -> ActorRef, learning people and factions as it reads.

Rules (see docs/actors.md for the full list):
- a country, demonym or region alone is the state (sector None); a plural demonym is its population (CVL);
- a capital / seat of government is the government (GOV);
- a role noun takes its country from a modifier in the phrase (demonym, possessive, institution, "of/in/from X");
  "inherit" roles (official, spokesman, leader) take the sector of that institution, else GOV;
- "former/ousted/late" before a title codes the person as ELI (former=True);
- a person is identified by full name; a surname, "Mr. X" or a shorter name maps to the nearest
  full name in the document with that ending (previous mentions first); people sharing a surname stay apart;
- he/him/his/she/her -> the last person who was a grammatical subject before the pronoun;
- a bare role ("the minister") -> the person last seen holding that role in the document, else None;
- a faction noun with no country in the phrase takes the document's most mentioned country.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.kb import FACTION, INSTITUTION, PERSON
from realpolitik.actors.scan import scan
from realpolitik.actors.state import _STATE_KINDS, Article, Reading
from realpolitik.records import Actor, ActorRef
from realpolitik.actors.phrase import name_text
from realpolitik.actors.context import count_countries, define_acronyms, gpos, scan_phrase
from realpolitik.actors.people import article_era, is_person_head, learn_person, learn_pronoun_gender, strip_name
from realpolitik.actors.phrases import learn_faction, log_body, mentions, resolve_phrase
from realpolitik.actors.load import load_kb
from realpolitik.actors.kb import KnowledgeBase


class ActorResolver:
    """Resolve noun phrases of one document (or of the segments of one article) to actors.

    A composition of explicit parts: ``reading`` (the frozen knowledge base as of the document date),
    ``article`` (the per-document record of what has been learned) and the resolution functions of
    ``phrases``, ``people``, ``factions`` and ``context``, which take both as arguments. Satisfies
    ``realpolitik.actors.protocol.Resolver``, what the coder calls."""

    def __init__(self, kb: KnowledgeBase | None = None, date: dt.date | None = None) -> None:
        # the KB as a document of that date reads it ("Moscow" in 1985 is the Soviet government)
        self._kb = kb if kb is not None else load_kb()
        self.reading = Reading(self._kb.as_of(date), date)
        self.article = Article()

    @property
    def kb(self) -> KnowledgeBase:
        return self.reading.kb

    @property
    def date(self) -> dt.date | None:
        return self.reading.date

    def prepare(self, docs: list[Doc]) -> None:
        """Note the full names and countries of every segment of an article before reading it. An undated
        article is read at the era its people's offices give (``people.article_era``), if any."""
        if self.reading.date is None and not self.article.counted:
            era = article_era(self.reading, docs)
            if era is not None:
                self.reading = Reading(self._kb.as_of(era[0]), era[0], era[1], era[2])
        prepare(self.reading, self.article, docs)

    def learn(self, sent: Span) -> None:
        """Note people (with titles/appositions), factions and members introduced in ``sent``."""
        learn(self.reading, self.article, sent)

    def resolve(self, span: Span, head: Token | None = None) -> ActorRef | None:
        """The actor the noun phrase ``span`` denotes, centred on ``head`` (default: span.root)."""
        if len(span) == 0:
            return None
        ensure_learned(self.reading, self.article, span)
        return resolve_phrase(self.reading, self.article, span, head)

    def mentions(self, sent: Span) -> list[ActorRef]:
        """Every actor mention in ``sent`` (outermost phrases; possessors inside a phrase are not repeated)."""
        ensure_learned(self.reading, self.article, sent)
        return mentions(self.reading, self.article, sent)

    def actors(self) -> list[Actor]:
        """People, factions and named organisations learned or seen in this document."""
        return article_actors(self.reading, self.article)


def learn(r: Reading, a: Article, sent: Span) -> None:
    """Note people (with titles/appositions), factions and members introduced in ``sent``."""
    enter_doc(r, a, sent.doc)
    if sent.start in a.learned:
        return
    a.learned.add(sent.start)
    toks = list(sent)
    for m in scan_phrase(r, a, toks):
        if m.kind == INSTITUTION and m.entry.sector == "PTY":
            a.party_log.append((gpos(a, sent.doc[m.i].idx), m.entry))
    for tok in sent:
        if is_person_head(r, a, tok):
            learn_person(r, a, tok)
        else:
            log_body(a, tok)
    for tok in sent:
        learn_pronoun_gender(a, tok)
    fw = r.kb.faction_words
    for tok in sent:
        if tok.lower_ in fw or tok.lemma_.lower() in fw or tok.lower_.rstrip("s") in fw:
            learn_faction(r, a, tok)


def article_actors(r: Reading, a: Article) -> list[Actor]:
    """People, factions and named organisations learned or seen in this document."""
    out: list[Actor] = []
    for p in a.people.values():
        roles = tuple(f"{'former ' if former else ''}{role} ({day.isoformat() if day else 'undated'})"
                      for role, _, day, former in p.roles)
        out.append(Actor(actor_id=p.actor_id, name=p.name, code=p.code, country=p.country, sector=p.sector,
                         kind=PERSON, aliases=tuple(sorted(p.aliases)), roles=roles,
                         evidence=tuple(dict.fromkeys(p.evidence)), former=p.former))
    for f in a.factions.values():
        out.append(Actor(actor_id=f.actor_id, name=f.name, code=f"{f.country}{f.sector}{f.attribute}",
                         country=f.country, sector=f.sector, kind=FACTION, attribute=f.attribute,
                         members=tuple(dict.fromkeys(f.members)), evidence=tuple(dict.fromkeys(f.evidence))))
    out.extend(a.offices.values())
    for e in a.orgs.values():
        out.append(Actor(actor_id=e.actor_id, name=e.name, code=r.code_of(e), country=e.country,
                         sector=r.sector_of(e), kind=e.kind, aliases=tuple(dict.fromkeys(e.aliases))))
    return out


def prepare(r: Reading, a: Article, docs: list[Doc]) -> None:
    """Note the full names in every segment of an article before coding it, so that a surname in the
    lead paragraph joins a full name that first appears further down (or in a caption)."""
    names: list[tuple[str, tuple[str, ...]]] = []
    for doc in docs:
        define_acronyms(r, a, doc)  # before any segment is counted: a title may use the body's acronym
    for doc in docs:
        count_countries(r, a, doc, docs)
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                words = tuple(name_text(strip_name(r, list(ent))).split())
                if len(words) >= 2:
                    names.append((" ".join(words), tuple(w.lower() for w in words)))
    a.article_names = names


def enter_doc(r: Reading, a: Article, doc: Doc) -> None:
    """Switch to ``doc``: learn it fully the first time; going back to an earlier doc relearns nothing."""
    if doc is a.doc:
        return
    if a.doc is not None:
        a.seen.append((a.doc, a.doc_seq, a.learned, a.fullnames, a.doc_countries))
        del a.seen[:-8]
    for i, (d, seq, learned, fullnames, counts) in enumerate(a.seen):
        if d is doc:
            del a.seen[i]
            a.doc, a.doc_seq, a.learned = doc, seq, learned
            a.fullnames, a.doc_countries = fullnames, counts
            return
    count_countries(r, a, doc)
    a.doc = doc
    a.doc_seq = a.next_seq = a.next_seq + 1
    a.learned = set()
    a.fullnames = []
    a.doc_countries = Counter()
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            toks = strip_name(r, list(ent))
            words = tuple(name_text(toks).split())
            if len(words) >= 2:
                a.fullnames.append((toks[0].idx, " ".join(words), tuple(w.lower() for w in words)))
        elif ent.label_ in ("GPE", "NORP"):
            for m in scan(r.kb, list(ent)):
                if m.kind in _STATE_KINDS:
                    a.doc_countries[m.entry.country] += 1
    # Learn the whole document up front: a surname used before the full name then gets the full
    # record (country, role), and factions get the document's country. Positions keep the order.
    if doc.has_annotation("DEP"):
        for sent in doc.sents:
            learn(r, a, sent)


def ensure_learned(r: Reading, a: Article, span: Span) -> None:
    enter_doc(r, a, span.doc)
    sent = span.sent if span.doc.has_annotation("DEP") or span.doc.has_annotation("SENT_START") else span
    if sent.start not in a.learned:
        learn(r, a, sent)
