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
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.kb import (
    ANCHOR_KINDS,
    DEMONYM,
    FACTION,
    IGO,
    INHERIT,
    INSTITUTION,
    METONYM,
    NGO,
    PERSON,
    REGION,
    ROLE,
    STATE,
    Entry,
    KnowledgeBase,
    norm,
    slug,
)
from realpolitik.actors.load import load_kb
from realpolitik.actors.scan import Match, doc_text, line_bounds, scan
from realpolitik.actors.state import (
    _SKIP_CHILD,
    _ANCHOR_PREPS,
    _STATE_KINDS,
    _LOC_PREPS,
    _PLACE_RULES,
    _BARE_OFFICIAL,
    _Person,
    _Faction,
    _SECTOR_NAMES,
)
from realpolitik.records import Actor, ActorRef
from realpolitik.actors.factions import FactionMixin
from realpolitik.actors.people import PeopleMixin, _shadowed


class ActorResolver(PeopleMixin, FactionMixin):
    """Resolve noun phrases of one document (or of the segments of one article) to actors."""

    def __init__(self, kb: KnowledgeBase | None = None, date: dt.date | None = None) -> None:
        # the KB as a document of that date reads it ("Moscow" in 1985 is the Soviet government)
        self.kb = (kb if kb is not None else load_kb()).as_of(date)
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
        self._offices: dict[str, Actor] = {}  # "the supreme leader" as an office holder of a country
        self._countries: Counter[str] = Counter()
        self._sent_country: dict[tuple[int, int], str | None] = {}
        self._counted: list[Doc] = []  # segments whose country mentions are counted
        self._party_log: list[tuple[int, Entry]] = []  # (global char pos, party entry) in reading order
        self._unplaced: dict[str, Entry] = {}  # ambiguous names no evidence placed ("Labour" with no country)
        self._doc_countries: Counter[str] = Counter()
        self._seen: list[tuple] = []  # recently left docs and their state (doc, seq, learned, names, counts)

    # ================================================================ public API
    def learn(self, sent: Span) -> None:
        """Note people (with titles/appositions), factions and members introduced in ``sent``."""
        self._enter_doc(sent.doc)
        if sent.start in self._learned:
            return
        self._learned.add(sent.start)
        toks = list(sent)
        for m in self._scan(toks):
            if m.kind == INSTITUTION and m.entry.sector == "PTY":
                self._party_log.append((self._gpos(sent.doc[m.i].idx), m.entry))
        for tok in sent:
            if self._is_person_head(tok):
                self._learn_person(tok)
        fw = self.kb.faction_words
        for tok in sent:
            if tok.lower_ in fw or tok.lemma_.lower() in fw or tok.lower_.rstrip("s") in fw:
                self._learn_faction(tok)

    def resolve(self, span: Span, head: Token | None = None) -> ActorRef | None:
        """The actor the noun phrase ``span`` denotes, centred on ``head`` (default: span.root)."""
        if len(span) == 0:
            return None
        self._ensure_learned(span)
        if head is None or not (span.start <= head.i < span.end):
            head = span.root
        if head.pos_ == "PRON":
            return self._pronoun(head)
        if self._is_person_head(head):
            return self._person_ref(head, span)
        core = self._core(head, span)
        matches = self._scan(core)
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
        refs = self._split_conjoined_modifiers(sent, refs)
        kept: list[ActorRef] = []
        for ref in sorted(refs, key=lambda r: (-(r.end - r.start), r.start)):
            if all(ref.end <= k.start or ref.start >= k.end for k in kept):
                kept.append(ref)
        return sorted(kept, key=lambda r: r.start)

    def _split_conjoined_modifiers(self, sent: Span, refs: list[ActorRef]) -> list[ActorRef]:
        """"Hungarian and Romanian officials", "Hamas and ISIS fighters": one mention per conjoined modifier."""
        base = sent.start_char
        for tok in sent:
            if tok.dep_ != "conj" or tok.head.dep_ not in ("amod", "compound", "nmod"):
                continue
            first, noun = tok.head, tok.head.head
            parts = [self.resolve(sent.doc[t.i: t.i + 1], t) for t in (first, tok)]
            if any(p is None for p in parts) or parts[0].actor_id == parts[1].actor_id:
                continue
            lo, hi = first.idx - base, noun.idx + len(noun.text) - base
            refs = [r for r in refs if r.end <= lo or r.start >= hi] + parts  # type: ignore[operator]
        return refs

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
        out.extend(self._offices.values())
        for e in self._orgs.values():
            out.append(Actor(actor_id=e.actor_id, name=e.name, code=e.code_at(self.date), country=e.country,
                             sector=e.sector_at(self.date), kind=e.kind, aliases=tuple(dict.fromkeys(e.aliases))))
        return out


    # ================================================================ names that need the country
    def _scan(self, toks: list[Token]) -> list[Match]:
        """``scan`` plus the names that denote different actors in different countries ("Labour",
        "Liberals", "Congress"): read by the country the phrase names, else the article's domestic country."""
        ms = scan(self.kb, toks)
        if not toks or not self.kb.needs_country:
            return ms
        return self._country_readings(toks, ms)

    def _country_readings(self, toks: list[Token], ms: list[Match]) -> list[Match]:
        out = list(ms)
        text = doc_text(toks[0].doc)
        k = 0
        while k < len(toks):
            t = toks[k]
            if not t.text[:1].isupper():
                k += 1
                continue
            found = None
            for n in (3, 2, 1):
                run = toks[k:k + n]
                if len(run) < n or run[-1].i - run[0].i != n - 1:
                    continue
                key = norm(text[run[0].idx: run[-1].idx + len(run[-1].text)])
                if key in self.kb.needs_country:
                    found = (run, key)
                    break
            if found is None:
                k += 1
                continue
            run, key = found
            i, j = run[0].i, run[-1].i + 1
            here = [m for m in out if m.i < j and i < m.j]
            if any(m.kind not in (FACTION, ROLE) and (m.i < i or m.j > j) for m in here):
                k += len(run)
                continue  # part of a longer known name ("Labour Party of Ireland" style entries)
            own = next((m.entry.country for m in out if m.kind in _STATE_KINDS and not (i <= m.i < j)), None)
            country = own or self._context_country(min_count=2)
            entry = self.kb.country_reading(key, country)
            rule = (f"country-reading:{'phrase' if own else 'doc-country'}:{country}" if entry is not None
                    else "no-country-reading")
            if entry is None:
                indexed = [m for m in here if m.kind not in (FACTION, ROLE)]
                if indexed:
                    k += len(run)
                    continue  # a dominant reading is indexed ("Tories" -> GBR): keep it
                if run[0].is_sent_start or len(key) < 4:
                    k += len(run)
                    continue  # "Greens ..." at the start of a sentence may be the common word
                entry = self._unplaced_entry(key, text[run[0].idx: run[-1].idx + len(run[-1].text)])
            out = [m for m in out if not (m.i < j and i < m.j)] + [Match(i, j, (entry,), run[-1].tag_ in ("NNS", "NNPS"),
                                                                         rule)]
            k += len(run)
        return sorted(out, key=lambda m: m.i)

    def _unplaced_entry(self, key: str, text: str) -> Entry:
        """A party (or other body) whose name needs a country the text does not give: named, unplaced."""
        e = self._unplaced.get(key)
        if e is None:
            cands = self.kb.needs_country[key]
            sectors = {c.sector for c in cands}
            e = self._unplaced[key] = Entry(actor_id=f"unplaced:{slug(key)}", name=text, kind=INSTITUTION,
                                            sector=sectors.pop() if len(sectors) == 1 else None, code="")
        return e

    def _nearby_country(self, tok: Token) -> tuple[str | None, str]:
        """The country a bare collective or title at ``tok`` most plausibly belongs to, with its evidence:
        the article's domestic country ("doc-country"); else the only country its own sentence names
        ("sentence-country": "the Saudi interior ministry announced that the men had been executed"); else
        the only country the sentence before names ("previous-sentence-country"); else (None, "")."""
        ctx = self._context_country(min_count=2)
        if ctx is not None:
            return ctx, "doc-country"
        if not (tok.doc.has_annotation("DEP") or tok.doc.has_annotation("SENT_START")):
            return None, ""
        sent = tok.sent
        root = sent.root
        for c in root.children:
            # "In Syria, where ... Saudi Arabia funds some of the rebels": the place the sentence is set in
            if c.dep_ == "prep" and c.lower_ in ("in", "inside") and c.i < root.i:
                for p in c.children:
                    ms = [m for m in scan(self.kb, list(p.subtree)) if m.kind in _STATE_KINDS and m.entry.country]
                    if p.dep_ == "pobj" and ms:
                        return ms[0].entry.country, "sentence-place"
        one = self._sentence_country(sent)
        if one is not None:
            return one, "sentence-country"
        if sent.start > 0:
            prev = tok.doc[sent.start - 1].sent
            one = self._sentence_country(prev)
            if one is not None:
                return one, "previous-sentence-country"
        return None, ""

    def _sentence_country(self, sent: Span) -> str | None:
        """The one country a sentence names (places, demonyms, institutions, known people), else None."""
        key = (id(sent.doc), sent.start)
        hit = self._sent_country.get(key, False)
        if hit is False:
            found = {m.entry.country for m in scan(self.kb, list(sent)) if m.entry.country and m.kind in ANCHOR_KINDS}
            hit = self._sent_country[key] = found.pop() if len(found) == 1 else None
        return hit

    def _last_party(self, before: int) -> Entry | None:
        """The party last mentioned before ``before`` (a global position): "the party" refers to it."""
        for pos, e in reversed(self._party_log):
            if pos < before:
                return e
        return None

    # ================================================================ documents and order
    def prepare(self, docs: list[Doc]) -> None:
        """Note the full names in every segment of an article before coding it, so that a surname in the
        lead paragraph joins a full name that first appears further down (or in a caption)."""
        names: list[tuple[str, tuple[str, ...]]] = []
        for doc in docs:
            self._count_countries(doc)
            for ent in doc.ents:
                if ent.label_ == "PERSON":
                    words = tuple(self._name_text(self._strip_name(list(ent))).split())
                    if len(words) >= 2:
                        names.append((" ".join(words), tuple(w.lower() for w in words)))
        self._article_names = names

    def _count_countries(self, doc: Doc) -> None:
        """Count the countries a parsed segment names (places, demonyms, institutions, parties, known people):
        the evidence for the article's domestic country. Each segment is counted once, before it is read."""
        if any(d is doc for d in self._counted):
            return
        self._counted.append(doc)
        for m in scan(self.kb, list(doc)):
            if m.entry.country and m.kind in ANCHOR_KINDS:
                self._countries[m.entry.country] += 1

    def _enter_doc(self, doc: Doc) -> None:
        """Switch to ``doc``: learn it fully the first time; going back to an earlier doc relearns nothing."""
        if doc is self._doc:
            return
        if self._doc is not None:
            self._seen.append((self._doc, self._doc_seq, self._learned, self._fullnames, self._doc_countries))
            del self._seen[:-8]
        for i, (d, seq, learned, fullnames, counts) in enumerate(self._seen):
            if d is doc:
                del self._seen[i]
                self._doc, self._doc_seq, self._learned = doc, seq, learned
                self._fullnames, self._doc_countries = fullnames, counts
                return
        self._count_countries(doc)
        self._doc = doc
        self._doc_seq = self._next_seq = getattr(self, "_next_seq", 0) + 1
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
        lo, hi = line_bounds(head)
        keep = [t for t in keep if lo < t.i < hi]
        ids = {t.i for t in keep}
        for t in span:
            # "U.S. and Russian negotiators" given as the span "Russian negotiators": keep "Russian"
            if lo < t.i < head.i and t.i not in ids and t.dep_ in ("conj", "amod", "compound") \
                    and head in t.ancestors:
                keep.append(t)
        return sorted(set(keep), key=lambda t: t.i)

    # ================================================================ groups, states, organisations
    def _role_ref(self, head: Token, head_m: Match, core: list[Token], matches: list[Match],
                  span: Span) -> ActorRef | None:
        roles = [m for m in matches if m.kind == ROLE]
        anchors = [m for m in matches if m.kind in ANCHOR_KINDS]
        factions = [m for m in matches if m.kind == FACTION]
        left = [m for m in anchors if m.j <= head_m.i]
        anchor = self._nearest(left, head_m.i) if left else (min(anchors, key=lambda m: m.i) if anchors else None)
        sector = self._sector(head_m, roles, anchor)
        if sector == "GOV" and _shadowed(core, head_m):
            sector = "OPP"
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
            plural = head.tag_ in ("NNS", "NNPS") or head_m.plural
            if head_m.entry.attribute and plural:
                # "Kurds protested in Turkey": a people, coded where the text says it lives (or unplaced)
                country, how = self._residence(head, head_m, matches)
                return self._ethnic_ref(span, self._extent(core, head_m), country, sector or "CVL",
                                        head_m.entry.attribute, f"ethnic:{how}", head_m.entry.name.capitalize() + "s")
            if head_m.entry.sector == "PTY" and not plural:
                # "the party": the party the article last mentioned
                party = self._last_party(self._gpos(head.idx))
                if party is not None:
                    return self._group(Match(head_m.i, head_m.j, (party,)), None, span,
                                       self._extent(core, head_m), "learned:party")
            country = head_m.entry.country
            collective = not head_m.entry.title or plural
            bare_ok = head_m.entry.sector != INHERIT or head_m.entry.name in _BARE_OFFICIAL
            if not country and collective and sector is not None and bare_ok:
                # "the government", "officials", "rebels" in an article about one country
                ctx, how = self._nearby_country(head)
                if ctx is not None:
                    anchor = Match(head_m.i, head_m.j, (self.kb.countries[ctx],))
                    return self._group(anchor, sector, span, self._extent(core, head_m), f"role+{how}:{ctx}")
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
        if head_m.entry.attribute and anchor.kind in _STATE_KINDS:
            # "Iraqi Kurds", "Tamils in Sri Lanka": where they live, with the group's code
            return self._ethnic_ref(span, self._extent(core, head_m, anchor), anchor.entry.country,
                                    sector or "CVL", head_m.entry.attribute, "ethnic:role+" + anchor.kind,
                                    head_m.entry.name.capitalize() + "s")
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
            dated_sector = e.sector_at(self.date)  # a party governs in some periods (GOV), not in others (OPP)
            if sector in (None, e.sector, dated_sector):
                return self._ref(span, *extent, name=e.name, actor_id=e.actor_id, code=e.code_at(self.date),
                                 country=country, sector=dated_sector, kind=e.kind, rule=rule, role=role)
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
                ethnic = self._ethnic_group(head, head_m, matches, span, extent)
                if ethnic is not None:
                    return ethnic
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
        return self._group(head_m, head_m.entry.sector, span, extent, head_m.rule or kind)

    def _ethnic_group(self, head: Token, head_m: Match, matches: list[Match], span: Span,
                      extent: tuple[int, int]) -> ActorRef | None:
        """"ethnic Albanians in southern Serbia", "Bosnian Serbs": a people coded where it lives (CAMEO), with
        its group code ("SRBCVLalb"), not as its kin state's population. None unless the phrase marks a
        people living elsewhere (the word "ethnic", or another country's demonym before it)."""
        kin = head_m.entry.country
        marked = any(c.lower_ == "ethnic" for c in head.children) or any(
            t.lower_ == "ethnic" for t in span if t.i < head.i)
        before = [m for m in matches if m.kind in _STATE_KINDS and m.j <= head_m.i and m.entry.country != kin]
        if not marked and not before:
            return None
        country, how = self._residence(head, head_m, matches, before)
        if country == kin:
            return None  # "ethnic Albanians in Albania" are its population
        if before:
            extent = (min(extent[0], span.doc[before[-1].i].idx), extent[1])
        return self._ethnic_ref(span, extent, country, "CVL", (kin or "").lower(), f"ethnic:{how}",
                                f"ethnic {head_m.entry.name if head_m.kind == DEMONYM else self.kb.demonym(kin)}")

    def _ethnic_ref(self, span: Span, extent: tuple[int, int], country: str | None, sector: str, group: str,
                    rule: str, label: str) -> ActorRef:
        code = f"{country or ''}{sector}{group}"
        where = self.kb.country_name(country) if country else None
        return self._ref(span, *extent, name=f"{label} in {where}" if where else label, actor_id=code, code=code,
                         country=country, sector=sector, kind="group", rule=rule)

    def _residence(self, head: Token, head_m: Match, matches: list[Match],
                   before: list[Match] | None = None) -> tuple[str | None, str]:
        """Where a people named by ``head`` lives: a country modifying it ("Bosnian Serbs"), a place it is
        in/of ("in southern Serbia"), the place of the clause it is the subject of ("... demonstrated in
        Serbia"), else the article's domestic country; (None, "unplaced") when the text does not say."""
        if before:
            return before[-1].entry.country, "modifier"
        after = [m for m in matches if m.kind in _STATE_KINDS and m.i > head_m.j - 1 and m.entry.country]
        if after:
            return after[0].entry.country, "of-in"
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj") else None
        if verb is not None:
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "across", "throughout", "inside"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            ms = [m for m in scan(self.kb, list(p.subtree)) if m.kind in _STATE_KINDS]
                            if ms and ms[0].entry.country:
                                return ms[0].entry.country, "clause-place"
        ctx = self._context_country(min_count=2)
        return (ctx, f"doc-country:{ctx}") if ctx else (None, "unplaced")

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
            return self._of_phrase(head, span)
        roles = [m for m in matches if m.kind == ROLE and m.j <= head.i + 1]
        anchor = self._nearest(anchors, head.i)
        sector = None
        if roles:
            s = roles[-1].entry.sector
            sector = anchor.entry.sector if s == INHERIT else s
        elif anchor.kind not in _STATE_KINDS:
            sector = anchor.entry.sector
        return self._group(anchor, sector, span, self._extent(core, anchor), f"modifier:{anchor.kind}")

    def _of_phrase(self, head: Token, span: Span) -> ActorRef | None:
        """"dozens of Islamic State fighters", "an arms depot of the Syrian army": the actor in the of-phrase."""
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of" and span.start <= c.i < span.end:
                for p in c.children:
                    if p.dep_ == "pobj" and span.start <= p.i < span.end:
                        sub = span.doc[max(p.left_edge.i, span.start): min(p.right_edge.i + 1, span.end)]
                        ref = self.resolve(sub, p)
                        return replace(ref, rule=f"of:{ref.rule}") if ref is not None else None
        return None

    # ================================================================ helpers
    @staticmethod
    def _extent(core: list[Token], *ms: Match) -> tuple[int, int]:
        toks = [t for t in core if not t.is_punct and t.dep_ not in ("det",)]
        doc = core[0].doc if core else None
        lo = min([t.idx for t in toks] + [doc[m.i].idx for m in ms]) if doc is not None else 0
        hi = max([doc[m.j - 1].idx + len(doc[m.j - 1].text) for m in ms]) if ms and doc is not None else lo
        return lo, hi

    def _ref(self, span: Span, start: int, end: int, **kw) -> ActorRef:
        if kw.get("actor_id", "").startswith("office:") and kw["actor_id"] not in self._offices:
            self._offices[kw["actor_id"]] = Actor(actor_id=kw["actor_id"], name=kw["name"], code=kw["code"],
                                                  country=kw["country"], sector=kw["sector"], kind=PERSON,
                                                  roles=(kw.get("role") or "",))
        base = span.sent.start_char
        return ActorRef(text=doc_text(span.doc)[start:end], start=start - base, end=end - base, **kw)

