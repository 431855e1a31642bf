"""Factions: faction nouns, their country and the members the text ties to them (a mixin)."""
from __future__ import annotations

from typing import Iterable

from spacy.tokens import Span, Token

from realpolitik.actors.kb import (
    ANCHOR_KINDS,
    FACTION,
    INHERIT,
    PERSON,
    ROLE,
    slug,
)
from realpolitik.actors.scan import Match, scan
from realpolitik.actors.state import (
    DOMINANCE,
    _SUBJ,
    _STATE_KINDS,
    _Faction,
)
from realpolitik.records import ActorRef


class FactionMixin:
    """Faction handling for ActorResolver."""

    # ================================================================ factions
    def _faction_country(self, matches: Iterable[Match]) -> str | None:
        for m in matches:
            if m.kind in _STATE_KINDS or (m.kind in ANCHOR_KINDS and m.entry.country):
                return m.entry.country
        return self._context_country()

    def _context_country(self, min_count: int = 1) -> str | None:
        """The article's domestic country: the most mentioned country (places, demonyms, institutions, parties,
        known people of the article so far) when it has at least ``min_count`` mentions and DOMINANCE times
        as many as any other country; else None (a story about two countries has no domestic country)."""
        for counts in (self._countries, self._doc_countries):
            if counts:
                top = counts.most_common(2)
                iso, n = top[0]
                second = top[1][1] if len(top) > 1 else 0
                return iso if n >= min_count and n >= DOMINANCE * second else None
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

    def _member_tokens(self, tok: Token) -> list[Token]:
        """Heads the text ties to a faction noun: appositions, "led by X and Y", "including X", "such as X"."""
        members: list[Token] = []
        for c in tok.children:
            if c.dep_ == "appos":
                members.append(c)
                members.extend(x for x in c.subtree if x.dep_ in ("appos", "conj") and x.head.i != tok.i)
            elif c.dep_ == "acl":  # "the hard-liners, led by the supreme leader and the IRGC"
                for a in c.children:
                    if a.dep_ == "agent":
                        for o in a.children:
                            if o.dep_ == "pobj":
                                members.extend([o, *o.conjuncts])
            elif c.dep_ == "prep" and c.lower_ in ("including", "like", "such", "around", "behind"):
                for o in c.subtree:
                    if o.dep_ == "pobj":
                        members.extend([o, *o.conjuncts])
                        break
        return members

    def _members_country(self, tok: Token) -> str | None:
        """The country of the first member that has one: "conservatives, led by Khamenei" -> IRN."""
        for mt in self._member_tokens(tok):
            ref = self._member_ref(mt)
            if ref is not None and ref.country:
                return ref.country
        return None

    def _faction_ref(self, head: Token, fm: Match, matches: list[Match], span: Span,
                     sector: str | None = None) -> ActorRef | None:
        own = [m for m in matches if m.kind != FACTION and (m.kind in _STATE_KINDS or m.entry.country)]
        country = fm.entry.country or (self._faction_country(own) if own else None) \
            or self._members_country(head) or self._context_country()
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
        matches = self._scan(core)
        ms = [m for m in matches if m.kind == FACTION and not m.entry.adjective and m.covers(tok.i)]
        if not ms:
            return
        own = [m for m in matches if m.kind != FACTION and (m.kind in _STATE_KINDS or m.entry.country)]
        country = ms[0].entry.country or (self._faction_country(own) if own else None) \
            or self._members_country(tok) or self._context_country()
        if country is None:
            return
        f = self._faction(ms[0], country)
        sent_text = tok.sent.text
        f.evidence.append(sent_text)
        members: list[Token] = self._member_tokens(tok)
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
        matches = self._scan(core)
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
