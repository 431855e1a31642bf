"""People: names, titles and appositions, identity across mentions, pronouns (a mixin of ActorResolver)."""
from __future__ import annotations

import datetime as dt

from spacy.tokens import Span, Token

from realpolitik.actors.kb import (
    ANCHOR_KINDS,
    FACTION,
    IGO,
    INHERIT,
    NGO,
    PERSON,
    ROLE,
    Entry,
    slug,
    split_code,
)
from realpolitik.actors.scan import Match, doc_text, line_bounds, scan
from realpolitik.actors.state import (
    _FEMALE_HONORIFICS,
    _FEMALE_PRONOUNS,
    _MALE_HONORIFICS,
    _MALE_PRONOUNS,
    _LOC_PREPS,
    _NAME_PARTICLES,
    _NOT_NAME_WORDS,
    _OPPOSITION_MARKERS,
    _PRONOUNS,
    _SUBJ,
    _NONSTATE,
    _STATE_KINDS,
    _Person,
    _Descriptor,
)
from realpolitik.records import ActorRef


def _locative(tok: Token) -> bool:
    """True for the object of a place preposition ("in Iraq", "at the embassy")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS


def _shadowed(toks: list[Token], role_m: Match) -> bool:
    """True when an opposition marker ("shadow") stands right before the role words (in the text, whatever
    the parse made of it)."""
    if not toks:
        return False
    doc = toks[0].doc
    return any(doc[i].lower_ in _OPPOSITION_MARKERS for i in range(max(0, role_m.i - 2), role_m.i))


_COPULAS = frozenset({"be", "become", "remain"})
# verbs whose object is the organisation the subject heads ("X, who heads the Foreign Office")
_HEADS_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "command", "represent"})


class PeopleMixin:
    """Name handling for ActorResolver; relies on its kb, date and per-document state."""

    def _appos_person(self, head: Token, span: Span) -> Token | None:
        for c in head.children:
            if c.dep_ == "appos" and span.start <= c.i < span.end and self._is_person_head(c):
                return c
        return None

    def _is_person_head(self, tok: Token) -> bool:
        """A proper-noun token that names a person (PERSON entity, or a name after a title)."""
        if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat"):
            return False
        ms = self._scan(self._name_tokens(tok))
        if any(m.covers(tok.i) and m.kind in ANCHOR_KINDS and m.kind != PERSON for m in ms):
            return False
        if tok.ent_type_ == "PERSON":
            return True
        if any(m.covers(tok.i) and m.kind == PERSON for m in ms):
            return True
        if tok.ent_type_ in ("", "PERSON", "ORG", "NORP") and self._known_name(tok):
            return True  # the small model often misses a bare surname: "Larijani said ..."
        # an unknown proper noun right after a title: "President Bouteflika", or an honorific: "Lord Oakley"
        left = [c for c in tok.lefts if c.dep_ in ("compound", "flat")]
        if left and left[0].lower_.rstrip(".") in self.kb.honorifics and left[0].text[:1].isupper() \
                and tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
            return True
        return any(m.kind == ROLE and m.entry.title for m in scan(self.kb, left)) and not tok.ent_type_ in (
            "GPE", "ORG", "NORP", "LOC", "FAC")

    def _known_name(self, tok: Token) -> bool:
        words = tuple(w.lower() for w in self._name_text(self._strip_name(self._name_tokens(tok))).split())
        if not words:
            return False
        if " ".join(words) in self._by_name:
            return True
        return any(w[-len(words):] == words for _, _, w in self._fullnames) or any(
            len(w) > len(words) and w[-len(words):] == words for _, w in getattr(self, "_article_names", ()))

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
            # the tagger sometimes joins a date or a common word to the name ("Wednesday Mr Blair")
            while s < tok.i and (doc[s].lower_ in _NOT_NAME_WORDS or doc[s].like_num or (
                    doc[s].text[:1].islower() and doc[s].lower_ not in _NAME_PARTICLES)):
                s += 1
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
        lo, hi = line_bounds(name_head)
        left = [t for t in doc[name_head.left_edge.i: first]
                if t.i in sub and lo < t.i and not self._in_other_branch(t, name_head)]
        if name_head.dep_ == "appos" and name_head.head.pos_ in ("NOUN", "PROPN"):
            h = name_head.head
            left += [t for t in h.subtree if h.left_edge.i <= t.i < name_head.left_edge.i
                     and not t.is_punct and t.i not in sub]
        # "Zarif and EU foreign policy chief Federica Mogherini": only what follows the last "and" describes her
        cut = max((t.i for t in doc[name_head.left_edge.i: first] if t.dep_ == "cc" or t.lower_ in ("and", "or")),
                  default=-1)
        segments = [sorted({t.i: t for t in left if t.i > cut}.values(), key=lambda t: t.i)]
        for c in name_head.children:
            if c.dep_ == "appos" and not self._is_person_head(c):
                segments.append([t for t in c.subtree])
            elif c.dep_ == "prep" and c.lower_ == "of":
                segments.append(list(c.subtree))  # "King Hassan of Morocco"
            elif c.dep_ == "relcl":
                segments.extend(self._predicate_segments(c))  # "X, who heads Y," / "X, who is Y's minister,"
        if name_head.dep_ in ("nsubj", "nsubjpass") and name_head.head.lemma_ == "be":
            segments.extend(self._predicate_segments(name_head.head))  # "X is Iran's foreign minister"
        return [seg for seg in segments if seg]

    @staticmethod
    def _predicate_segments(verb: Token) -> list[list[Token]]:
        """What a predicate says about its subject: the attribute of "is"/"was"/"became", the object of
        "heads", "leads", "chairs", "runs" (read like "head of Y")."""
        out = []
        for c in verb.children:
            if c.dep_ in ("attr", "acomp") and verb.lemma_ in _COPULAS:
                out.append(list(c.subtree))
            elif c.dep_ == "dobj" and verb.lemma_ in _HEADS_VERBS:
                out.append(list(c.subtree))
        return out

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
        matches = self._scan(toks)
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
            toks = [t for t in toks if not t.is_space]
            if rtok.dep_ == "pobj" and rtok.head.dep_ == "prep" and rtok.head.head.pos_ in ("NOUN", "PROPN"):
                rtok = rtok.head.head
            lo = min(rtok.left_edge.i, role_m.i)
            inside = {t.i for t in toks}
            words = [doc[i] for i in range(lo, role_m.j) if i in inside and i not in skip]
            words = [t for t in words if not t.is_punct and t.dep_ not in ("det", "case", "poss", "cc")
                     and (t.lower_ not in self.kb.honorifics or role_m.i <= t.i < role_m.j)
                     and t.lower_ not in self.kb.former_markers
                     and t.lower_.rstrip("-") not in self.kb.former_markers and t.pos_ != "PRON"]
            d.role = " ".join(t.text for t in words) or role_m.entry.name
        # a nationality or organisation that modifies the title outranks a place it is in ("the US commander
        # in Iraq, General X" is American); a place alone still gives the country ("rebels in Darfur")
        placed = [m for m in anchors if not _locative(toks[0].doc[m.j - 1])]
        anchor = self._nearest(placed or anchors, role_m.i if role_m else toks[-1].i)
        d.sector = self._sector(role_m, roles, anchor)
        if d.sector == "GOV" and role_m is not None and _shadowed(toks, role_m):
            d.sector = "OPP"  # "shadow home secretary": the opposition's spokesman for that office
        if anchor is not None:
            if anchor.kind in (IGO, NGO):
                d.igo_code = anchor.entry.code
            else:
                d.country = anchor.entry.country
            d.rule = f"title:{d.role}" if d.role else f"anchor:{anchor.kind}"
            words = " ".join(t.text for t in toks[0].doc[anchor.i:anchor.j] if t.dep_ != "case")
            if words and words.lower() not in (d.role or "").lower():
                d.rule += f"+{words}"  # the words that placed the person: "title:General+US"
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

    def _sector(self, role_m: Match | None, roles: list[Match], anchor: Match | None) -> str | None:
        """The sector a role phrase gives: the role's own, a non-state modifier's ("rebel soldiers"), or for
        an inherit role ("leader", "spokesman") its organisation's at the document date — a party member's
        follows the party's status (a Tory leader in 2005 is OPP, in 2012 GOV); GOV for a state."""
        org = (anchor.entry.sector_at(self.date) if anchor is not None and anchor.kind not in _STATE_KINDS
               else None)
        if role_m is None:
            return org
        sector = role_m.entry.sector
        mods = [m.entry.sector for m in roles if m is not role_m and m.entry.sector not in (None, INHERIT)]
        if any(s in _NONSTATE for s in mods):
            return next(s for s in mods if s in _NONSTATE)
        if sector == INHERIT:
            if mods:
                return mods[-1]
            if org:
                return org
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
            code = e.code_at(self.date)
            person.country, person.sector = split_code(code, self.kb.countries.keys())
            if code[:3] in ("IGO", "NGO") and not person.igo_code:
                person.igo_code = code  # an official of an international body (Mogherini: IGOEUR)
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
            person.country, how = self._nearby_country(tok)
            person.country_rule = f"title+{how}" if person.country else ""
        person.aliases.add(name)
        hon = name_toks[0].lower_.rstrip(".") if name_toks else ""
        if person.gender is None and hon in _MALE_HONORIFICS | _FEMALE_HONORIFICS:
            person.gender = "m" if hon in _MALE_HONORIFICS else "f"
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
            if known:
                return known[-1]
            # a full name that only appears in a later segment of the article (see ActorResolver.prepare)
            later = [n for n, w in getattr(self, "_article_names", ()) if len(w) > len(words) and w[-len(words):] == words]
            return later[0] if len(set(later)) == 1 else None
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
        start = self._mention_start(span, name_toks)
        last = next(t for t in reversed(name_toks) if t.dep_ != "case" or t is name_toks[0])
        end = last.idx + len(last.text)
        rule = desc.rule or ("learned:name" if len(self._strip_name(name_toks)) > 1 else "learned:surname")
        if person.country_rule and not desc.country:
            rule = f"{rule}+{person.country_rule.removeprefix('title+')}"
        if person.kb_entry is not None and not desc.rule and not person.roles:
            rule = f"kb:{person.kb_entry.source}"
        code, country, sector = person.code, person.country, person.sector
        return self._ref(span, start, end, name=person.name, actor_id=person.actor_id, code=code, country=country,
                         sector=sector, kind=PERSON, rule=rule, role=desc.role or person.role,
                         former=desc.former if desc.role else person.former)

    def _mention_start(self, span: Span, name_toks: list[Token]) -> int:
        """Where a person's mention starts: the name, with the title words right before it ("Tory leader",
        "Iran's deputy oil minister", "Mr") but not other words the parser hung on it ("Wednesday Mr Blair",
        "stamp duty threshold Gordon Brown")."""
        first = name_toks[0]
        lo, _ = line_bounds(first)
        head = name_toks[-1]
        if head.dep_ == "appos" and head.head.i < first.i and span.start <= head.head.left_edge.i and any(
                m.kind == ROLE and m.covers(head.head.i) for m in self._scan([head.head])):
            # "Iran's ambassador in London, Ali Reza": the noun phrase the name stands in apposition to
            start = head.head.left_edge
            while start.i < first.i and (start.is_punct or start.dep_ == "det"):
                start = first.doc[start.i + 1]
            if start.i > lo:
                return start.idx
        left = [t for t in span if lo < t.i < first.i]
        if not left:
            return first.idx
        ms = self._scan(left)
        covered = {i for m in ms for i in range(m.i, m.j)}
        roles = {i for m in ms if m.kind == ROLE for i in range(m.i, m.j)}
        markers = self.kb.honorifics | self.kb.former_markers | _OPPOSITION_MARKERS
        doc = first.doc
        start, accepted = first, set()
        for t in reversed(left):
            if t.i != start.i - 1:
                break
            low = t.lower_.rstrip(".")
            if t.lower_ in _NOT_NAME_WORDS or t.like_num or t.ent_type_ in ("DATE", "TIME"):
                break
            ok = (t.i in covered or low in markers or t.lower_ in markers or t.dep_ == "case"
                  or (t.is_punct and t.text in "-'’") or t.dep_ == "det"
                  or (t.head.i in accepted and t.head.i in roles and t.dep_ in ("compound", "amod", "nmod")))
            if not ok:
                break
            accepted.add(t.i)
            start = t
        while start.i < first.i and (start.is_punct or start.dep_ in ("det", "case")):
            start = doc[start.i + 1]
        return start.idx

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
        want = "m" if tok.lower_ in _MALE_PRONOUNS else "f" if tok.lower_ in _FEMALE_PRONOUNS else None
        # the nearest compatible antecedent: a person whose known gender does not contradict the pronoun's
        before = [(pos, aid, subj) for pos, aid, subj in self._person_log
                  if pos < g and (want is None or self._people[aid].gender in (None, want))]
        if not before:
            return None
        subj = [x for x in before if x[2]]
        _, aid, _ = (subj or before)[-1]
        p = self._people[aid]
        start = tok.idx - tok.sent.start_char
        return ActorRef(name=p.name, actor_id=p.actor_id, code=p.code, country=p.country, sector=p.sector,
                        kind=PERSON, text=tok.text, start=start, end=start + len(tok.text),
                        rule="pronoun:last-subject" if subj else "pronoun:last-person", role=p.role, former=p.former)
