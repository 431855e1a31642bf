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
from dataclasses import dataclass, field
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.kb import (
    ANCHOR_KINDS,
    DEMONYM,
    FACTION,
    IGO,
    INHERIT,
    METONYM,
    NGO,
    PERSON,
    REGION,
    ROLE,
    STATE,
    Entry,
    KnowledgeBase,
    load_kb,
    slug,
    split_code,
)
from realpolitik.actors.scan import Match, doc_text, scan
from realpolitik.records import Actor, ActorRef

_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
_SUBJ = frozenset({"nsubj", "nsubjpass"})
_SKIP_CHILD = frozenset({"relcl", "advcl", "appos", "ccomp", "parataxis", "acl", "det", "preconj", "prep", "dep",
                         "mark", "advmod"})
_ANCHOR_PREPS = frozenset({"of", "in", "from", "at", "inside", "within", "throughout", "across"})
_NONSTATE = frozenset({"REB", "INS", "OPP"})  # modifier sectors that override a head role ("rebel soldiers")
_STATE_KINDS = frozenset({STATE, DEMONYM, METONYM, REGION})
_LOC_PREPS = frozenset({"in", "at", "near", "inside", "outside", "throughout", "across", "around", "outside"})
_PLACE_RULES = frozenset({"capital-metonym", "region", "country"})


@dataclass
class _Person:
    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None
    igo_code: str | None = None
    roles: list[tuple[str, str, dt.date | None, bool]] = field(default_factory=list)  # role, code, date, former
    aliases: set[str] = field(default_factory=set)
    evidence: list[str] = field(default_factory=list)
    former: bool = False
    kb_entry: Entry | None = None
    country_rule: str = ""
    sector_from_text: bool = False
    country_from_text: bool = False
    kb_current: bool = False

    @property
    def code(self) -> str:
        if self.igo_code:
            return self.igo_code
        return f"{self.country or ''}{self.sector or ''}"

    @property
    def role(self) -> str | None:
        return self.roles[-1][0] if self.roles else None


@dataclass
class _Faction:
    actor_id: str
    name: str
    country: str
    attribute: str
    sector: str = "GOV"
    members: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)


@dataclass
class _Descriptor:
    """What the words around a name say: role, country, sector, former, factions."""

    role: str | None = None
    country: str | None = None
    sector: str | None = None
    igo_code: str | None = None
    former: bool = False
    factions: list[Match] = field(default_factory=list)
    rule: str = ""


class ActorResolver:
    """Resolve noun phrases of one document (or of the segments of one article) to actors."""

    def __init__(self, kb: KnowledgeBase | None = None, date: dt.date | None = None) -> None:
        self.kb = kb if kb is not None else load_kb()
        self.date = date
        self._doc: Doc | None = None
        self._doc_seq = 0
        self._learned: set[int] = set()  # sentence start tokens learned in the current doc
        self._fullnames: list[tuple[int, str, tuple[str, ...]]] = []  # (char, name, words) in current doc
        self._people: dict[str, _Person] = {}
        self._by_name: dict[str, str] = {}  # normalised full name -> actor_id
        self._person_log: list[tuple[int, str, bool]] = []  # (global char pos, actor_id, was subject)
        self._factions: dict[str, _Faction] = {}
        self._orgs: dict[str, Entry] = {}
        self._countries: Counter[str] = Counter()
        self._doc_countries: Counter[str] = Counter()

    # ================================================================ public API
    def learn(self, sent: Span) -> None:
        """Note people (with titles/appositions), factions and members introduced in ``sent``."""
        self._enter_doc(sent.doc)
        if sent.start in self._learned:
            return
        self._learned.add(sent.start)
        for m in scan(self.kb, list(sent)):
            if m.entry.country and m.kind in ANCHOR_KINDS and m.kind != PERSON:
                self._countries[m.entry.country] += 1
        for tok in sent:
            if self._is_person_head(tok):
                self._learn_person(tok)
        fw = self.kb.faction_words
        for tok in sent:
            if tok.lower_ in fw or tok.lemma_.lower() in fw or tok.lower_.rstrip("s") in fw:
                self._learn_faction(tok)

    def resolve(self, span: Span, head: Token | None = None) -> ActorRef | None:
        """The actor the noun phrase ``span`` denotes, centred on ``head`` (default: span.root)."""
        self._ensure_learned(span)
        if head is None or not (span.start <= head.i < span.end):
            head = span.root
        if head.pos_ == "PRON":
            return self._pronoun(head)
        if self._is_person_head(head):
            return self._person_ref(head, span)
        core = self._core(head, span)
        matches = scan(self.kb, core)
        head_m = next((m for m in matches if m.covers(head.i)), None)
        if head_m is None:
            # "Iran's deputy oil minister, Abbas Shahri Moghaddam": the apposition names the person
            appos = self._appos_person(head, span)
            if appos is not None:
                return self._person_ref(appos, span)
            return self._modifier_only(head, core, matches, span)
        kind = head_m.kind
        if kind == ROLE:
            appos = self._appos_person(head, span)
            if appos is not None:
                return self._person_ref(appos, span)
            return self._role_ref(head, head_m, core, matches, span)
        if kind == FACTION:
            return self._faction_ref(head, head_m, matches, span)
        if kind == PERSON:
            return self._kb_person_ref(head_m, span)
        return self._entity_ref(head, head_m, matches, span)

    def mentions(self, sent: Span) -> list[ActorRef]:
        """Every actor mention in ``sent`` (outermost phrases; possessors inside a phrase are not repeated)."""
        self._ensure_learned(sent)
        refs: list[ActorRef] = []
        consumed: set[int] = set()
        for tok in sent:
            if tok.i in consumed:
                continue
            if tok.dep_ in ("compound", "flat", "case", "det") or tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
                continue
            if tok.pos_ == "ADJ" and tok.dep_ not in ("conj", "nsubj", "dobj", "pobj", "ROOT"):
                continue
            if tok.dep_ == "appos" and self._is_person_head(tok.head):
                continue  # "Mr. Putin, a former KGB officer": the apposition describes the person
            lo = min(tok.left_edge.i, tok.i)
            hi = max(tok.right_edge.i, tok.i) + 1
            span = sent.doc[max(lo, sent.start): min(hi, sent.end)]
            ref = self.resolve(span, tok)
            if ref is not None and ref.rule in _PLACE_RULES and tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS:
                continue  # "met in Vienna": a place, not a participant
            if ref is not None:
                refs.append(ref)
                if ref.kind == PERSON:
                    # the apposition describing a person is part of that mention, not another actor
                    for c in tok.children:
                        if (c.dep_ == "appos" and not self._is_person_head(c)) or (
                                c.dep_ == "prep" and c.lower_ == "of"):
                            consumed.update(t.i for t in c.subtree)
        kept: list[ActorRef] = []
        for ref in sorted(refs, key=lambda r: (-(r.end - r.start), r.start)):
            if all(ref.end <= k.start or ref.start >= k.end for k in kept):
                kept.append(ref)
        return sorted(kept, key=lambda r: r.start)

    def actors(self) -> list[Actor]:
        """People, factions and named organisations learned or seen in this document."""
        out: list[Actor] = []
        for p in self._people.values():
            roles = tuple(f"{'former ' if former else ''}{role} ({day.isoformat() if day else 'undated'})"
                          for role, _, day, former in p.roles)
            out.append(Actor(actor_id=p.actor_id, name=p.name, code=p.code, country=p.country, sector=p.sector,
                             kind=PERSON, aliases=tuple(sorted(p.aliases)), roles=roles,
                             evidence=tuple(dict.fromkeys(p.evidence)), former=p.former))
        for f in self._factions.values():
            out.append(Actor(actor_id=f.actor_id, name=f.name, code=f"{f.country}{f.sector}{f.attribute}",
                             country=f.country, sector=f.sector, kind=FACTION, attribute=f.attribute,
                             members=tuple(dict.fromkeys(f.members)), evidence=tuple(dict.fromkeys(f.evidence))))
        for e in self._orgs.values():
            out.append(Actor(actor_id=e.actor_id, name=e.name, code=e.code, country=e.country, sector=e.sector,
                             kind=e.kind, aliases=tuple(dict.fromkeys(e.aliases))))
        return out

    # ================================================================ documents and order
    def _enter_doc(self, doc: Doc) -> None:
        if doc is self._doc:
            return
        self._doc = doc
        self._doc_seq += 1
        self._learned = set()
        self._fullnames = []
        self._doc_countries = Counter()
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                toks = self._strip_name(list(ent))
                words = tuple(self._name_text(toks).split())
                if len(words) >= 2:
                    self._fullnames.append((toks[0].idx, " ".join(words), tuple(w.lower() for w in words)))
            elif ent.label_ in ("GPE", "NORP"):
                for m in scan(self.kb, list(ent)):
                    if m.kind in _STATE_KINDS:
                        self._doc_countries[m.entry.country] += 1
        # Learn the whole document up front: a surname used before the full name then gets the full
        # record (country, role), and factions get the document's country. Positions keep the order.
        if doc.has_annotation("DEP"):
            for sent in doc.sents:
                self.learn(sent)

    def _ensure_learned(self, span: Span) -> None:
        self._enter_doc(span.doc)
        sent = span.sent if span.doc.has_annotation("DEP") or span.doc.has_annotation("SENT_START") else span
        if sent.start not in self._learned:
            self.learn(sent)

    def _gpos(self, char: int) -> int:
        return self._doc_seq * 10_000_000 + char

    # ================================================================ phrase structure
    def _core(self, head: Token, span: Span) -> list[Token]:
        """Head plus its modifiers inside ``span``; of/in/from phrases and right-hand amods are kept as anchors."""
        keep: list[Token] = []

        def walk(tok: Token, top: bool) -> None:
            keep.append(tok)
            for c in tok.children:
                if not (span.start <= c.i < span.end):
                    continue
                if top and (c.dep_ in ("conj", "cc") or (c.dep_ == "punct" and c.tag_ != "HYPH")):
                    continue  # "Iran and Russia": the conjunct is another actor
                if c.dep_ == "prep" and (c.lower_ in _ANCHOR_PREPS or head.pos_ == "PROPN"
                                         or (tok.dep_ == "amod" and tok.i > head.i)):
                    keep.append(c)  # kept so multi-word names with "of" stay contiguous
                    for p in c.children:
                        if p.dep_ == "pobj":
                            walk(p, False)
                    continue
                if c.dep_ in _SKIP_CHILD:
                    continue
                walk(c, False)

        walk(head, True)
        ids = {t.i for t in keep}
        for t in span:
            # "U.S. and Russian negotiators" given as the span "Russian negotiators": keep "Russian"
            if t.i < head.i and t.i not in ids and t.dep_ in ("conj", "amod", "compound") and head in t.ancestors:
                keep.append(t)
        return sorted(set(keep), key=lambda t: t.i)

    def _appos_person(self, head: Token, span: Span) -> Token | None:
        for c in head.children:
            if c.dep_ == "appos" and span.start <= c.i < span.end and self._is_person_head(c):
                return c
        return None

    def _is_person_head(self, tok: Token) -> bool:
        """A proper-noun token that names a person (PERSON entity, or a name after a title)."""
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat"):
            return False
        ms = scan(self.kb, self._name_tokens(tok))
        if any(m.covers(tok.i) and m.kind in ANCHOR_KINDS and m.kind != PERSON for m in ms):
            return False
        if tok.ent_type_ == "PERSON":
            return True
        if any(m.covers(tok.i) and m.kind == PERSON for m in ms):
            return True
        if tok.ent_type_ in ("", "PERSON", "ORG", "NORP") and self._known_name(tok):
            return True  # the small model often misses a bare surname: "Larijani said ..."
        # an unknown proper noun right after a title: "President Bouteflika"
        left = [c for c in tok.lefts if c.dep_ in ("compound", "flat")]
        return any(m.kind == ROLE and m.entry.title for m in scan(self.kb, left)) and not tok.ent_type_ in (
            "GPE", "ORG", "NORP", "LOC", "FAC")

    def _known_name(self, tok: Token) -> bool:
        words = tuple(w.lower() for w in self._name_text(self._strip_name(self._name_tokens(tok))).split())
        if not words:
            return False
        if " ".join(words) in self._by_name:
            return True
        return any(w[-len(words):] == words for _, _, w in self._fullnames)

    def _name_tokens(self, tok: Token) -> list[Token]:
        """The tokens of the name ending at ``tok``: its PERSON entity, else its proper-noun compounds."""
        doc = tok.doc
        if tok.ent_type_ == "PERSON":
            s = tok.i
            while s > 0 and doc[s].ent_iob_ == "I" and doc[s - 1].ent_type_ == "PERSON":
                s -= 1
            e = tok.i + 1
            while e < len(doc) and doc[e].ent_iob_ == "I":
                e += 1
            return list(doc[s:e])
        toks = [tok]
        i = tok.i - 1
        while i >= 0 and doc[i].head.i in {t.i for t in toks} and doc[i].dep_ in ("compound", "flat") \
                and doc[i].pos_ == "PROPN":
            toks.insert(0, doc[i])
            i -= 1
        return toks

    def _strip_name(self, toks: list[Token]) -> list[Token]:
        """Drop honorifics and titles at the front of a name ("Mr.", "President") and a trailing 's."""
        while toks and toks[-1].dep_ == "case":
            toks = toks[:-1]
        while len(toks) > 1:
            low = toks[0].lower_
            if low in self.kb.honorifics or low.rstrip(".") in self.kb.honorifics:
                toks = toks[1:]
                continue
            ms = scan(self.kb, toks[:3])
            m = ms[0] if ms else None
            if m is not None and m.i == toks[0].i and m.kind in (ROLE, FACTION) and m.j <= toks[-1].i:
                toks = [t for t in toks if t.i >= m.j]
                continue
            break
        return toks

    @staticmethod
    def _name_text(toks: list[Token]) -> str:
        if not toks:
            return ""
        doc = toks[0].doc
        return " ".join(doc_text(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)].split())

    # ================================================================ people
    def _descriptor_segments(self, name_head: Token, name_toks: list[Token]) -> list[list[Token]]:
        """Word groups describing the person, nearest first: the title before the name (and the noun the
        name is in apposition to), then appositions after it, then "of X"."""
        doc = name_head.doc
        clean = self._strip_name(list(name_toks))
        first = clean[0].i if clean else name_toks[0].i
        sub = {t.i for t in name_head.subtree}
        left = [t for t in doc[name_head.left_edge.i: first]
                if t.i in sub and not self._in_other_branch(t, name_head)]
        if name_head.dep_ == "appos" and name_head.head.pos_ in ("NOUN", "PROPN"):
            h = name_head.head
            left += [t for t in h.subtree if h.left_edge.i <= t.i < name_head.left_edge.i
                     and not t.is_punct and t.i not in sub]
        segments = [sorted({t.i: t for t in left}.values(), key=lambda t: t.i)]
        for c in name_head.children:
            if c.dep_ == "appos" and not self._is_person_head(c):
                segments.append([t for t in c.subtree])
            elif c.dep_ == "prep" and c.lower_ == "of":
                segments.append(list(c.subtree))  # "King Hassan of Morocco"
        return [seg for seg in segments if seg]

    def _describe_person(self, name_head: Token, name_toks: list[Token]) -> _Descriptor:
        """Role, former flag from the nearest segment with a role; country and factions from any segment."""
        segments = self._descriptor_segments(name_head, name_toks)
        if not segments:
            return _Descriptor()
        descs = [self._describe(seg) for seg in segments]
        d = next((x for x in descs if x.role), descs[0])
        for other in descs:
            if other is d:
                continue
            if d.country is None and d.igo_code is None and (other.country or other.igo_code):
                d.country, d.igo_code = other.country, other.igo_code
                d.rule = d.rule or other.rule
            d.factions.extend(other.factions)
        return d

    @staticmethod
    def _in_other_branch(t: Token, head: Token) -> bool:
        """True when ``t`` hangs under a conjunct/relative clause of ``head`` rather than modifying it."""
        cur = t
        while cur.i != head.i:
            if cur.dep_ in ("conj", "cc", "relcl", "acl", "appos", "advcl"):
                return True
            if cur.head.i == cur.i:
                return True
            cur = cur.head
        return False

    def _describe(self, toks: list[Token]) -> _Descriptor:
        d = _Descriptor()
        if not toks:
            return d
        matches = scan(self.kb, toks)
        roles = [m for m in matches if m.kind == ROLE]
        anchors = [m for m in matches if m.kind in ANCHOR_KINDS and m.kind != PERSON]
        d.factions = [m for m in matches if m.kind == FACTION]
        d.former = any(t.lower_ in self.kb.former_markers or t.lower_.rstrip("-") in self.kb.former_markers
                       for t in toks)
        role_m = roles[-1] if roles else None
        if roles:
            skip = {i for m in anchors if m.kind in _STATE_KINDS | {IGO, NGO} for i in range(m.i, m.j)}
            skip |= {i for m in d.factions for i in range(m.i, m.j)}
            # the role is the noun phrase of the last role word: "deputy oil minister", "speaker of parliament"
            doc = toks[0].doc
            rtok = doc[role_m.j - 1]
            if rtok.dep_ == "pobj" and rtok.head.dep_ == "prep" and rtok.head.head.pos_ in ("NOUN", "PROPN"):
                rtok = rtok.head.head
            lo = min(rtok.left_edge.i, role_m.i)
            inside = {t.i for t in toks}
            words = [doc[i] for i in range(lo, role_m.j) if i in inside and i not in skip]
            words = [t for t in words if not t.is_punct and t.dep_ not in ("det", "case", "poss", "cc")
                     and t.lower_ not in self.kb.honorifics and t.lower_ not in self.kb.former_markers
                     and t.lower_.rstrip("-") not in self.kb.former_markers and t.pos_ != "PRON"]
            d.role = " ".join(t.text for t in words) or role_m.entry.name
        anchor = self._nearest(anchors, role_m.i if role_m else toks[-1].i)
        d.sector = self._sector(role_m, roles, anchor)
        if anchor is not None:
            if anchor.kind in (IGO, NGO):
                d.igo_code = anchor.entry.code
            else:
                d.country = anchor.entry.country
            d.rule = f"title:{d.role}" if d.role else f"anchor:{anchor.kind}"
        elif role_m is not None:
            d.country = role_m.entry.country
            d.rule = f"title:{d.role}"
        if d.former and d.sector is not None:
            d.sector = "ELI"
        return d

    @staticmethod
    def _nearest(anchors: list[Match], pos: int) -> Match | None:
        if not anchors:
            return None
        left = [m for m in anchors if m.i <= pos]
        return (max(left, key=lambda m: m.j) if left else min(anchors, key=lambda m: m.i))

    @staticmethod
    def _sector(role_m: Match | None, roles: list[Match], anchor: Match | None) -> str | None:
        if role_m is None:
            return anchor.entry.sector if anchor is not None and anchor.kind not in _STATE_KINDS else None
        sector = role_m.entry.sector
        mods = [m.entry.sector for m in roles if m is not role_m and m.entry.sector not in (None, INHERIT)]
        if any(s in _NONSTATE for s in mods):
            return next(s for s in mods if s in _NONSTATE)
        if sector == INHERIT:
            if mods:
                return mods[-1]
            if anchor is not None and anchor.entry.sector and anchor.kind not in _STATE_KINDS:
                return anchor.entry.sector
            return "GOV"
        return sector

    def _learn_person(self, tok: Token) -> _Person:
        """Register (or update) the person named at ``tok`` with what the surrounding words say."""
        name_toks = self._name_tokens(tok)
        clean = self._strip_name(name_toks)
        name = self._name_text(clean)
        desc = self._describe_person(tok, name_toks)
        person = self._identify(name, clean[0].idx if clean else tok.idx)
        sent_text = tok.sent.text
        if person.kb_entry is not None and person.country is None and person.sector is None:
            # what the knowledge base says at the document date; words in the text refine it
            e = person.kb_entry
            person.country, person.sector = split_code(e.code_at(self.date), self.kb.countries.keys())
            person.sector_from_text = False
            dated = [p for p in e.periods if p.start or p.end]
            person.kb_current = not dated or (any(p.covers(self.date) for p in dated) if self.date
                                              else any(p.end is None for p in dated))
            person.country_from_text = False
        if desc.country and (not person.country or not person.country_from_text):
            person.country = desc.country
            person.country_from_text = True
        if desc.igo_code and not person.igo_code and not person.country:
            person.igo_code = desc.igo_code
        if desc.sector and (not desc.former or person.sector is None or person.former
                            or not (person.sector_from_text or person.kb_current)):
            # a past office does not replace a current one ("Mr. Putin, a former KGB officer")
            person.sector = desc.sector
            person.sector_from_text = True
        if desc.role:
            code = desc.igo_code or f"{desc.country or person.country or ''}{desc.sector or ''}"
            person.roles.append((desc.role, code, self.date, desc.former))
            person.evidence.append(sent_text)
        if desc.role and (not desc.former or not person.roles[:-1] or person.former):
            person.former = desc.former
        if person.country is None and not person.igo_code and desc.role and desc.sector not in _NONSTATE:
            # a titled person with no country anywhere ("President Hassan Rouhani" in an article about
            # Iran): the document's most mentioned country, flagged by the rule name
            person.country = self._context_country(min_count=2)
            person.country_rule = "title+doc-country" if person.country else ""
        person.aliases.add(name)
        for f in desc.factions:
            self._add_member(f, [m for m in [desc.country or person.country] if m], person.actor_id, sent_text)
        self._person_log.append((self._gpos(tok.idx), person.actor_id, tok.dep_ in _SUBJ))
        return person

    def _identify(self, name: str, char: int) -> _Person:
        """Map a name to a person: full names are identities; shorter names join the nearest full name."""
        words = tuple(w.lower() for w in name.split())
        key = " ".join(words)
        if key in self._by_name:
            return self._people[self._by_name[key]]
        full = self._expand_name(words, char)
        if full is not None and full.lower() != key:
            person = self._identify(full, char)
            self._by_name[key] = person.actor_id
            person.aliases.add(name)
            return person
        kb_e = self._kb_person(name)
        actor_id = f"person:{slug(name)}"
        if kb_e is not None:
            actor_id = kb_e.actor_id
            if len(words) < 2 or len(kb_e.name.split()) < len(words):
                name = kb_e.name
        person = self._people.get(actor_id) or _Person(actor_id=actor_id, name=name, kb_entry=kb_e)
        self._people[actor_id] = person
        self._by_name[key] = actor_id
        return person

    def _expand_name(self, words: tuple[str, ...], char: int) -> str | None:
        """The full name in this document that ends with ``words`` (nearest before ``char``, else after)."""
        cands = [(c, n) for c, n, w in self._fullnames if len(w) > len(words) and w[-len(words):] == words]
        if not cands:
            # already-known people from earlier documents of the same article
            known = [p.name for p in self._people.values()
                     if tuple(p.name.lower().split())[-len(words):] == words and len(p.name.split()) > len(words)]
            return known[-1] if len(set(known)) >= 1 else None
        before = [x for x in cands if x[0] <= char]
        return (max(before)[1] if before else min(cands)[1])

    def _kb_person(self, name: str) -> Entry | None:
        from realpolitik.actors.kb import norm

        entries = [e for e in self.kb.lookup(norm(name)) if e.kind == PERSON]
        words = name.lower().split()
        if not entries and len(words) >= 2:
            # "Akbar Hashemi Rafsanjani" for the KB's "Ali Akbar Hashemi Rafsanjani": all words present
            cands = [e for e in self.kb.surnames.get(norm(words[-1]), [])
                     if set(words) <= set(w for a in e.aliases for w in a.lower().split())]
            if len({e.actor_id for e in cands}) == 1:
                entries = cands[:1]
        if not entries and len(words) == 1:
            # a bare surname: only when every KB person with that surname is of one country
            cands = self.kb.surnames.get(norm(name), [])
            if cands and len({e.country for e in cands}) == 1:
                entries = sorted(cands, key=lambda e: max((p.start or dt.date.min) for p in e.periods)
                                 if e.periods else dt.date.min, reverse=True)
        if not entries:
            return None
        if self.date is not None:
            dated = [e for e in entries if any(p.covers(self.date) for p in e.periods if p.start or p.end)]
            if dated:
                return dated[0]
        return entries[0]

    def _person_ref(self, tok: Token, span: Span) -> ActorRef:
        person = self._learn_person(tok) if not self._already_logged(tok) else self._person_at(tok)
        name_toks = self._name_tokens(tok)
        desc = self._describe_person(tok, name_toks)
        toks = [t for t in span if not t.is_punct and t.dep_ != "det"] or list(name_toks)
        start = min(toks[0].idx, name_toks[0].idx)
        end = max(name_toks[-1].idx + len(name_toks[-1].text), min(toks[-1].idx + len(toks[-1].text),
                                                                   name_toks[-1].idx + len(name_toks[-1].text)))
        rule = desc.rule or ("learned:name" if len(self._strip_name(name_toks)) > 1 else "learned:surname")
        if person.country_rule and not desc.country:
            rule = f"{rule}+doc-country"
        if person.kb_entry is not None and not desc.rule and not person.roles:
            rule = f"kb:{person.kb_entry.source}"
        code, country, sector = person.code, person.country, person.sector
        return self._ref(span, start, end, name=person.name, actor_id=person.actor_id, code=code, country=country,
                         sector=sector, kind=PERSON, rule=rule, role=desc.role or person.role,
                         former=desc.former if desc.role else person.former)

    def _already_logged(self, tok: Token) -> bool:
        g = self._gpos(tok.idx)
        return any(pos == g for pos, _, _ in self._person_log[-50:])

    def _person_at(self, tok: Token) -> _Person:
        g = self._gpos(tok.idx)
        for pos, aid, _ in reversed(self._person_log):
            if pos == g:
                return self._people[aid]
        return self._learn_person(tok)  # pragma: no cover

    def _kb_person_ref(self, m: Match, span: Span) -> ActorRef:
        e = m.entry
        code = e.code_at(self.date)
        country, sector = split_code(code, self.kb.countries.keys())
        doc = span.doc
        return self._ref(span, doc[m.i].idx, doc[m.j - 1].idx + len(doc[m.j - 1].text), name=e.name,
                         actor_id=e.actor_id, code=code, country=country, sector=sector, kind=PERSON,
                         rule=f"kb:{e.source}")

    def _pronoun(self, tok: Token) -> ActorRef | None:
        if tok.lower_ not in _PRONOUNS:
            return None
        g = self._gpos(tok.idx)
        before = [(pos, aid, subj) for pos, aid, subj in self._person_log if pos < g]
        if not before:
            return None
        subj = [x for x in before if x[2]]
        _, aid, _ = (subj or before)[-1]
        p = self._people[aid]
        start = tok.idx - tok.sent.start_char
        return ActorRef(name=p.name, actor_id=p.actor_id, code=p.code, country=p.country, sector=p.sector,
                        kind=PERSON, text=tok.text, start=start, end=start + len(tok.text),
                        rule="pronoun:last-subject" if subj else "pronoun:last-person", role=p.role, former=p.former)

    # ================================================================ groups, states, organisations
    def _role_ref(self, head: Token, head_m: Match, core: list[Token], matches: list[Match],
                  span: Span) -> ActorRef | None:
        roles = [m for m in matches if m.kind == ROLE]
        anchors = [m for m in matches if m.kind in ANCHOR_KINDS]
        factions = [m for m in matches if m.kind == FACTION]
        left = [m for m in anchors if m.j <= head_m.i]
        anchor = self._nearest(left, head_m.i) if left else (min(anchors, key=lambda m: m.i) if anchors else None)
        sector = self._sector(head_m, roles, anchor)
        former = any(t.lower_ in self.kb.former_markers for t in core if t.i < head.i)
        if factions:
            return self._faction_ref(head, factions[-1], matches, span, sector=sector)
        if anchor is None:
            anchor = self._name_anchor(core, head)
        if anchor is None:
            person = self._holder_of(head_m, self._gpos(head.idx))
            if person is not None:
                return self._ref(span, *self._extent(core, head_m), name=person.name, actor_id=person.actor_id,
                                 code=person.code, country=person.country, sector=person.sector, kind=PERSON,
                                 rule="learned:role", role=person.role, former=person.former)
            country = head_m.entry.country
            collective = not head_m.entry.title or head.tag_ in ("NNS", "NNPS") or head_m.plural
            if not country and collective and sector is not None:
                # "the government", "officials", "rebels" in an article about one country
                ctx = self._context_country(min_count=2)
                if ctx is not None:
                    anchor = Match(head_m.i, head_m.j, (self.kb.countries[ctx],))
                    return self._group(anchor, sector, span, self._extent(core, head_m), "role+doc-country")
            if country and head_m.entry.title:
                label = slug(head_m.entry.name)
                return self._ref(span, *self._extent(core, head_m), name=f"{self.kb.demonym(country)} {head_m.entry.name}",
                                 actor_id=f"office:{country}:{label}", code=f"{country}{sector or ''}",
                                 country=country, sector=sector, kind=PERSON, rule="office-country",
                                 role=head_m.entry.name)
            return None
        if anchor.kind == PERSON:
            # "the Bush administration", "Putin's spokesman": the person's country
            country = self._person_country(anchor)
            if country is None:
                return None
            anchor = Match(anchor.i, anchor.j, (self.kb.countries[country],))
        if former and sector:
            sector = "ELI"
        return self._group(anchor, sector, span, self._extent(core, head_m, anchor), "role+" + anchor.kind,
                           role=None)

    def _name_anchor(self, core: list[Token], head: Token) -> Match | None:
        """A person's name modifying a role noun ("the Bush administration", "Putin's spokesman")."""
        for t in core:
            if t.i < head.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "poss") and t.head.i == head.i:
                toks = self._name_tokens(t) if t.ent_type_ == "PERSON" else [t]
                m = Match(toks[0].i, toks[-1].i + 1, (Entry(actor_id="", name=t.text, kind=PERSON),))
                country = self._person_country(m)
                if country in self.kb.countries:
                    return Match(m.i, m.j, (self.kb.countries[country],))
        return None

    def _person_country(self, m: Match) -> str | None:
        e = m.entry
        if e.kind == PERSON and e.country:
            return e.country
        doc = self._doc
        if doc is None:
            return None
        name = self._name_text(self._strip_name(list(doc[m.i:m.j])))
        person = self._people.get(self._by_name.get(name.lower(), ""))
        if person is not None and person.country:
            return person.country
        kb_e = self._kb_person(name)
        return kb_e.country if kb_e is not None else None

    def _holder_of(self, role_m: Match, before: int) -> _Person | None:
        word = role_m.entry.name.lower()
        for pos, aid, _ in reversed(self._person_log):
            if pos >= before:
                continue
            p = self._people[aid]
            if any(word in r[0].lower() for r in p.roles):
                return p
        return None

    def _group(self, anchor: Match, sector: str | None, span: Span, extent: tuple[int, int], rule: str,
               role: str | None = None) -> ActorRef:
        e = anchor.entry
        if anchor.kind in (IGO, NGO):
            code = e.code if (sector is None or sector == e.sector) else f"{e.code}{sector}"
            self._orgs.setdefault(e.actor_id, e)
            return self._ref(span, *extent, name=e.name if sector in (None, e.sector) else f"{e.name} {sector}",
                             actor_id=e.actor_id if sector in (None, e.sector) else code, code=code, country=None,
                             sector=sector or e.sector, kind=anchor.kind, rule=rule, role=role)
        country = e.country
        if anchor.kind not in _STATE_KINDS:
            self._orgs.setdefault(e.actor_id, e)
            if sector in (None, e.sector):
                return self._ref(span, *extent, name=e.name, actor_id=e.actor_id, code=e.code, country=country,
                                 sector=e.sector, kind=e.kind, rule=rule, role=role)
        if country is None:
            code = f"{e.code[:3]}{sector or ''}"
            return self._ref(span, *extent, name=e.name, actor_id=code, code=code, country=None, sector=sector,
                             kind="group", rule=rule, role=role)
        code = f"{country}{sector or ''}"
        name = self.kb.country_name(country) or country
        if sector:
            name = f"{self.kb.demonym(country)} {_SECTOR_NAMES.get(sector, sector)}"
        return self._ref(span, *extent, name=name, actor_id=code, code=code, country=country, sector=sector,
                         kind=STATE if sector is None else "group", rule=rule, role=role)

    def _entity_ref(self, head: Token, head_m: Match, matches: list[Match], span: Span) -> ActorRef | None:
        kind = head_m.kind
        extent = self._extent([span.doc[i] for i in range(head_m.i, head_m.j)], head_m)
        if kind in (STATE, DEMONYM):
            sector = None
            rule = "country" if kind == STATE else "demonym"
            if head_m.plural and kind in (STATE, DEMONYM) and head.tag_ in ("NNPS", "NNS"):
                sector, rule = "CVL", "demonym-plural"
            else:
                role = self._governing_role(head)
                if role is not None:
                    sector, rule = role, "demonym+role"
            return self._group(head_m, sector, span, extent, rule)
        if kind == METONYM:
            return self._group(head_m, "GOV", span, extent, "capital-metonym")
        if kind == REGION:
            ref = self._group(head_m, None, span, extent, "region")
            return ref
        return self._group(head_m, head_m.entry.sector, span, extent, kind)

    def _governing_role(self, tok: Token) -> str | None:
        """'Hungarian' in 'Hungarian and Romanian officials' -> the sector of 'officials'."""
        cur = tok
        while cur.dep_ == "conj":
            cur = cur.head
        if cur.dep_ not in ("amod", "compound", "nmod"):
            return None
        h = cur.head
        ms = [m for m in scan(self.kb, [h]) if m.kind == ROLE]
        if not ms:
            # "Ugandan opposition candidates": a role noun compounded onto the governing noun
            ms = [m for c in h.lefts if c.dep_ == "compound" for m in scan(self.kb, [c]) if m.kind == ROLE]
        if not ms:
            return None
        s = ms[0].entry.sector
        return "GOV" if s == INHERIT else s

    def _modifier_only(self, head: Token, core: list[Token], matches: list[Match], span: Span) -> ActorRef | None:
        """Head unknown, but a country/organisation modifies it ("Iraqi towns", "the Iranian nuclear programme")."""
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        anchors = [m for m in matches if m.kind in ANCHOR_KINDS and m.kind != PERSON and m.j <= head.i]
        if not anchors:
            return None
        roles = [m for m in matches if m.kind == ROLE]
        anchor = self._nearest(anchors, head.i)
        sector = None
        if roles:
            s = roles[-1].entry.sector
            sector = anchor.entry.sector if s == INHERIT else s
        elif anchor.kind not in _STATE_KINDS:
            sector = anchor.entry.sector
        if anchor.kind == METONYM and sector is None:
            sector = None
        return self._group(anchor, sector, span, self._extent(core, anchor), f"modifier:{anchor.kind}")

    # ================================================================ factions
    def _faction_country(self, matches: Iterable[Match]) -> str | None:
        for m in matches:
            if m.kind in _STATE_KINDS or (m.kind in ANCHOR_KINDS and m.entry.country):
                return m.entry.country
        return self._context_country()

    def _context_country(self, min_count: int = 1) -> str | None:
        """The document's most mentioned country, if mentioned at least ``min_count`` times."""
        for counts in (self._countries, self._doc_countries):
            if counts:
                iso, n = counts.most_common(1)[0]
                return iso if n >= min_count else None
        return None

    def _faction(self, fm: Match, country: str, sector: str | None = None) -> _Faction:
        e = fm.entry
        label = e.label or e.name
        aid = f"faction:{country}:{slug(label)}"
        f = self._factions.get(aid)
        if f is None:
            f = _Faction(actor_id=aid, name=f"{self.kb.demonym(country)} {label}", country=country,
                         attribute=e.attribute or "", sector=sector or e.sector or "GOV")
            if e.members:
                f.members.extend(e.members)
            self._factions[aid] = f
        return f

    def _faction_ref(self, head: Token, fm: Match, matches: list[Match], span: Span,
                     sector: str | None = None) -> ActorRef | None:
        country = fm.entry.country or self._faction_country(m for m in matches if m.kind != FACTION)
        if country is None:
            return None
        f = self._faction(fm, country)
        sec = sector if sector not in (None, INHERIT) else f.sector
        code = f"{country}{sec}{f.attribute}"
        doc = span.doc
        toks = [t for t in span if not t.is_punct and t.dep_ != "det" and t.i <= max(head.i, fm.j - 1)]
        start = toks[0].idx if toks else doc[fm.i].idx
        end = max(head.idx + len(head.text), doc[fm.j - 1].idx + len(doc[fm.j - 1].text))
        return self._ref(span, start, end, name=f.name, actor_id=f.actor_id, code=code, country=country,
                         sector=sec, kind=FACTION, rule=f"faction:{f.attribute}")

    def _learn_faction(self, tok: Token) -> None:
        """A faction noun in the sentence: register it and the members the text ties to it."""
        if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.dep_ in ("amod", "compound"):
            return
        core = self._core(tok, tok.doc[tok.left_edge.i: tok.right_edge.i + 1])
        matches = scan(self.kb, core)
        ms = [m for m in matches if m.kind == FACTION and not m.entry.adjective and m.covers(tok.i)]
        if not ms:
            return
        country = ms[0].entry.country or self._faction_country(m for m in matches if m.kind != FACTION)
        if country is None:
            return
        f = self._faction(ms[0], country)
        sent_text = tok.sent.text
        f.evidence.append(sent_text)
        members: list[Token] = []
        for c in tok.children:
            if c.dep_ == "appos":
                members.append(c)
                members.extend(x for x in c.subtree if x.dep_ in ("appos", "conj") and x.head.i != tok.i)
        # "Rouhani, a moderate," / "Rouhani is a moderate"
        if tok.dep_ == "appos":
            members.append(tok.head)
        if tok.dep_ in ("attr", "acomp"):
            members.extend(c for c in tok.head.children if c.dep_ in _SUBJ)
        for mt in members:
            ref = self._member_ref(mt)
            if ref is not None and ref.actor_id != f.actor_id:
                f.members.append(ref.actor_id)

    def _member_ref(self, tok: Token) -> ActorRef | None:
        span = tok.doc[tok.left_edge.i: tok.right_edge.i + 1]
        if self._is_person_head(tok):
            return self._person_ref(tok, span)
        core = self._core(tok, span)
        matches = scan(self.kb, core)
        head_m = next((m for m in matches if m.covers(tok.i)), None)
        if head_m is None:
            return None
        if head_m.kind == ROLE:
            return self._role_ref(tok, head_m, core, matches, span) or self._office(head_m, span)
        if head_m.kind in ANCHOR_KINDS - {PERSON}:
            return self._entity_ref(tok, head_m, matches, span)
        return None

    def _office(self, role_m: Match, span: Span) -> ActorRef | None:
        """'the supreme leader' in an Iran article: the office holder, as an office actor of the context country."""
        country = role_m.entry.country or self._faction_country([])
        if country is None or not role_m.entry.title:
            return None
        sector = role_m.entry.sector if role_m.entry.sector != INHERIT else "GOV"
        doc = span.doc
        return self._ref(span, doc[role_m.i].idx, doc[role_m.j - 1].idx + len(doc[role_m.j - 1].text),
                         name=f"{self.kb.demonym(country)} {role_m.entry.name}",
                         actor_id=f"office:{country}:{slug(role_m.entry.name)}", code=f"{country}{sector}",
                         country=country, sector=sector, kind=PERSON, rule="office-context", role=role_m.entry.name)

    def _add_member(self, fm: Match, countries: list[str], member_id: str, evidence: str) -> None:
        country = fm.entry.country or (countries[0] if countries else self._faction_country([]))
        if country is None:
            return
        f = self._faction(fm, country)
        f.members.append(member_id)
        f.evidence.append(evidence)

    # ================================================================ helpers
    @staticmethod
    def _extent(core: list[Token], *ms: Match) -> tuple[int, int]:
        toks = [t for t in core if not t.is_punct and t.dep_ not in ("det",)]
        doc = core[0].doc if core else None
        lo = min([t.idx for t in toks] + [doc[m.i].idx for m in ms]) if doc is not None else 0
        hi = max([doc[m.j - 1].idx + len(doc[m.j - 1].text) for m in ms]) if ms and doc is not None else lo
        return lo, hi

    def _ref(self, span: Span, start: int, end: int, **kw) -> ActorRef:
        base = span.sent.start_char
        return ActorRef(text=doc_text(span.doc)[start:end], start=start - base, end=end - base, **kw)


_SECTOR_NAMES = {
    "GOV": "government", "MIL": "military", "LEG": "legislature", "JUD": "judiciary", "OPP": "opposition",
    "REB": "rebels", "INS": "insurgents", "MED": "media", "BUS": "business", "CVL": "civilians",
    "EDU": "education", "REF": "refugees", "REL": "clergy", "SPY": "intelligence", "COP": "police",
    "LAB": "labour", "AGR": "farmers", "HLH": "health", "HRI": "rights groups", "CRM": "criminals",
    "ELI": "elites", "PTY": "party", "ENV": "environmentalists",
}
