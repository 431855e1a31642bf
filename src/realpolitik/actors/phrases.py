"""Noun phrase -> ActorRef: states, groups, organisations, roles, ethnic groups, factions and their
members (functions of the ``Reading`` and the ``Article`` record)."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

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
    norm,
    slug,
)
from realpolitik.actors.scan import Match, doc_text, scan
from realpolitik.actors.state import (
    _BARE_OFFICIAL,
    _LOC_PREPS,
    _PLACE_RULES,
    _SECTOR_NAMES,
    _STATE_KINDS,
    _SUBJ,
    Article,
    Reading,
)
from realpolitik.records import ActorRef
from realpolitik.actors.phrase import (
    extent_of,
    member_tokens,
    nearest_match,
    phrase_core,
    shadowed,
)
from realpolitik.actors.context import (
    context_country,
    gpos,
    token_pos,
    last_party,
    make_ref,
    nearby_country,
    scan_phrase,
)
from realpolitik.actors.factions import camps_country, faction_country, faction_record
from realpolitik.actors.people import (
    appos_person,
    capitalised_portfolio,
    holder_of,
    party_figure,
    is_person_head,
    kb_person_ref,
    name_anchor,
    person_country,
    person_ref,
    pronoun_ref,
    role_sector,
)


def role_subject(r: Reading, a: Article, tok: Token) -> tuple[bool, ActorRef | None]:
    """Whether the subject ``tok`` names one unnamed person by a title-like role word ("the spokesman", "a
    spokesman for Michael Howard", "the Tory leader": a singular noun, no apposition naming them), and the
    actor its phrase resolves to (None when nothing places it): a later "he"/"she" may stand for them."""
    if tok.tag_ != "NN" or any(c.dep_ == "appos" for c in tok.children):
        return False, None
    if not any(e.kind == ROLE and e.title for e in r.kb.lookup(norm(tok.lemma_))):
        return False, None
    return True, resolve_phrase(r, a, tok.doc[tok.left_edge.i: tok.i + 1], tok)


def resolve_phrase(r: Reading, a: Article, span: Span, head: Token | None = None) -> ActorRef | None:
    """The actor the noun phrase ``span`` denotes, centred on ``head`` (default: span.root)."""
    if len(span) == 0:
        return None
    if head is None or not (span.start <= head.i < span.end):
        head = span.root
    if head.pos_ == "PRON":
        return pronoun_ref(a, head, lambda t: role_subject(r, a, t))
    if is_person_head(r, a, head):
        return person_ref(r, a, head, span)
    core = phrase_core(head, span)
    if any(c.dep_ == "cc" for c in head.children):
        core = _with_named_conjunct(r, head, span, core)
    matches = scan_phrase(r, a, core)
    head_m = next((m for m in matches if m.covers(head.i)), None)
    if head_m is None:
        # "Iran's deputy oil minister, Abbas Shahri Moghaddam": the apposition names the person
        appos = appos_person(r, a, head, span)
        if appos is not None:
            return person_ref(r, a, appos, span)
        return (_kind_named(r, a, head, core, matches, span) or _modifier_only(r, a, head, core, matches, span)
                or _named_body(r, a, head, core, matches, span) or body_ref(r, a, head, span))
    kind = head_m.kind
    if kind == ROLE:
        appos = appos_person(r, a, head, span)
        if appos is not None:
            return person_ref(r, a, appos, span)
        return role_ref(r, a, head, head_m, core, matches, span) or body_ref(r, a, head, span)
    if kind == FACTION:
        return faction_ref(r, a, head, head_m, matches, span)
    if kind == PERSON:
        return kb_person_ref(r, a, head_m, span)
    return entity_ref(r, a, head, head_m, matches, span)


# Head nouns of bodies that "the X" refers back to ("the association" after "the West German banks'
# association"): organisations, not people or collectives (hand-set).
BODY_HEADS = frozenset({"association", "federation", "union", "company", "corporation", "bank", "ministry",
                        "department", "agency", "commission", "committee", "council", "board", "authority",
                        "court", "tribunal", "exchange", "institute", "office", "organisation", "organization",
                        "watchdog", "regulator", "group", "chamber", "society", "foundation", "bureau"})


def _body_head(tok: Token) -> str | None:
    lemma = tok.lemma_.lower()
    return lemma if tok.pos_ in ("NOUN", "PROPN") and tok.tag_ not in ("NNS", "NNPS") and lemma in BODY_HEADS \
        else None


def log_body(a: Article, tok: Token) -> None:
    """Note a named body ("the Association of German Banks", "the West German banks' association") so that
    a later "the association" can refer to it: a body head noun with a capitalised word or a possessor in
    its phrase."""
    lemma = _body_head(tok)
    if lemma is None or tok.dep_ in ("compound", "amod"):
        return
    named = any(t.i != tok.i and t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN")
                and not t.is_sent_start for t in tok.subtree) or tok.text[:1].isupper()
    if named:
        a.body_log.setdefault(lemma, []).append((gpos(a, tok.idx), tok))


def body_ref(r: Reading, a: Article, head: Token, span: Span) -> ActorRef | None:
    """"the association", "the bank" (a body head with "the" and nothing else): the body of that head the
    article named last before it, read as that mention reads; None when there is none or it has no country."""
    lemma = _body_head(head)
    if lemma is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children) or any(
            c.dep_ in ("amod", "compound", "poss", "nmod") for c in head.children) or head.text[:1].isupper():
        return None
    here = token_pos(a, head)
    if here is None:
        return None
    for pos, tok in reversed(a.body_log.get(lemma, [])):
        if pos >= here:
            continue
        doc = tok.doc
        sub = doc[min(tok.left_edge.i, tok.i): max(tok.right_edge.i, tok.i) + 1]
        ref = resolve_phrase(r, a, sub, tok)
        if ref is None or not ref.country:
            return None
        base = span.sent.start_char
        return replace(ref, text=span.text, start=span.start_char - base,
                       end=span.end_char - base, rule=f"learned:body:{ref.rule}")
    return None


def _with_named_conjunct(r: Reading, head: Token, span: Span, core: list[Token]) -> list[Token]:
    """The core of a phrase whose head and conjunct are one name in the knowledge base ("Bosnia and
    Herzegovina", "Serbia and Montenegro", "Trinidad and Tobago"): the conjunct is part of the name, not
    another actor. Unchanged otherwise."""
    doc = span.doc
    lo = min(t.i for t in core)
    hi = min(span.end, head.right_edge.i + 1)
    for m in scan(r.kb, list(doc[lo:hi])):
        if m.covers(head.i) and m.j - 1 > head.i and any(doc[k].dep_ == "cc" for k in range(head.i, m.j)):
            return sorted({*core, *doc[m.i:m.j]}, key=lambda t: t.i)
    return core


def mentions(r: Reading, a: Article, sent: Span) -> list[ActorRef]:
    """Every actor mention in ``sent`` (outermost phrases; possessors inside a phrase are not repeated)."""
    refs: list[ActorRef] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.i in consumed:
            continue
        if tok.dep_ in ("compound", "flat", "case", "det") or tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ"):
            continue
        if tok.pos_ == "ADJ" and tok.dep_ not in ("conj", "nsubj", "dobj", "pobj", "ROOT"):
            continue
        if tok.dep_ == "appos" and is_person_head(r, a, tok.head):
            continue  # "Mr. Putin, a former KGB officer": the apposition describes the person
        lo = min(tok.left_edge.i, tok.i)
        hi = max(tok.right_edge.i, tok.i) + 1
        span = sent.doc[max(lo, sent.start): min(hi, sent.end)]
        ref = resolve_phrase(r, a, span, tok)
        if ref is not None and ref.rule in _PLACE_RULES and tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS:
            continue  # "met in Vienna": a place, not a participant
        if ref is not None:
            refs.append(ref)
            if ref.kind == PERSON:
                # the apposition describing a person is part of that mention, not another actor
                for c in tok.children:
                    if (c.dep_ == "appos" and not is_person_head(r, a, c)) or (
                            c.dep_ == "prep" and c.lower_ == "of"):
                        consumed.update(t.i for t in c.subtree)
    refs = _split_conjoined_modifiers(r, a, sent, refs)
    kept: list[ActorRef] = []
    for ref in sorted(refs, key=lambda ref: (-(ref.end - ref.start), ref.start)):
        if all(ref.end <= k.start or ref.start >= k.end for k in kept):
            kept.append(ref)
    return sorted(kept, key=lambda ref: ref.start)


def _split_conjoined_modifiers(r: Reading, a: Article, sent: Span, refs: list[ActorRef]) -> list[ActorRef]:
    """"Hungarian and Romanian officials", "Hamas and ISIS fighters": one mention per conjoined modifier."""
    base = sent.start_char
    for tok in sent:
        if tok.dep_ != "conj" or tok.head.dep_ not in ("amod", "compound", "nmod"):
            continue
        first, noun = tok.head, tok.head.head
        parts = [resolve_phrase(r, a, sent.doc[t.i: t.i + 1], t) for t in (first, tok)]
        if any(p is None for p in parts) or parts[0].actor_id == parts[1].actor_id:
            continue
        lo, hi = first.idx - base, noun.idx + len(noun.text) - base
        refs = [x for x in refs if x.end <= lo or x.start >= hi] + parts  # type: ignore[operator]
    return refs


# Sectors of armed groups fighting a state (CAMEO REB, INS): a bare collective of them takes no domestic country.
_ARMED_NONSTATE = frozenset({"REB", "INS"})


def role_ref(r: Reading, a: Article, head: Token, head_m: Match, core: list[Token], matches: list[Match],
              span: Span) -> ActorRef | None:
    owner = capitalised_portfolio(head)
    if owner is not None and (owner.lower_ in BODY_HEADS or any(
            m.kind == ROLE and m.covers(owner.i) for m in scan_phrase(r, a, [owner]))):
        return None  # "Media" of the Culture, Media and Sport Secretary: the office's brief, not the media
    roles = [m for m in matches if m.kind == ROLE]
    anchors = [m for m in matches if m.kind in ANCHOR_KINDS]
    factions = [m for m in matches if m.kind == FACTION]
    left = [m for m in anchors if m.j <= head_m.i]
    anchor = nearest_match(left, head_m.i) if left else (min(anchors, key=lambda m: m.i) if anchors else None)
    sector = role_sector(r, head_m, roles, anchor)
    if sector == "GOV" and shadowed(core, head_m):
        sector = "OPP"
    former = any(t.lower_ in r.kb.former_markers for t in core if t.i < head.i)
    if factions:
        return faction_ref(r, a, head, factions[-1], matches, span, sector=sector)
    if anchor is None:
        anchor = name_anchor(r, a, core, head)
    if anchor is None:
        plural = head.tag_ in ("NNS", "NNPS") or head_m.plural
        # "the minister": the person last seen holding that office; "ministers" are not one person, but "the
        # two presidents" / "both leaders" are the people last seen holding it (the last one stands for them)
        counted = any(c.dep_ in ("nummod", "det", "predet") and (c.like_num or c.lower_ == "both")
                      for c in head.children)
        person = None if plural and not counted else holder_of(
            a, head_m, gpos(a, head.idx), shadowed(core, head_m), r)
        owner = _possessor_ref(r, a, head, head_m)
        if owner is not None and (person is None or (person.country, person.sector) != (owner.country, owner.sector)):
            # "the prime minister's official spokesman": the prime minister's, not the spokesman last named
            # (a Lib Dem's); "the party's spokesman" may still be the party's spokesman named before
            own = sector if sector != "GOV" or owner.sector is None else owner.sector
            anchor = Match(head_m.i, head_m.j, (r.kb.countries[owner.country],))
            return group_ref(r, a, anchor, own, span, extent_of(core, head_m), "role+possessor")
        if person is not None:
            return make_ref(a, span, *extent_of(core, head_m), name=person.name, actor_id=person.actor_id,
                             code=person.code, country=person.country, sector=person.sector, kind=PERSON,
                             rule="learned:role", role=person.role, former=person.former)
        if head_m.entry.attribute and plural:
            # "Kurds protested in Turkey": a people, coded where the text says it lives (or unplaced)
            country, how = _residence(r, a, head, head_m, matches)
            return _ethnic_ref(r, a, span, extent_of(core, head_m), country, sector or "CVL",
                                    head_m.entry.attribute, f"ethnic:{how}", head_m.entry.name.capitalize() + "s")
        if head_m.entry.sector == "PTY" and not plural:
            # "the party": the party the article last mentioned; a party's own name the knowledge base does
            # not know ("the Abstentions Party") is some other party, not the last one mentioned
            if any(t.i < head.i and t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN")
                   and not any(m.covers(t.i) for m in matches) for t in core):
                return None
            party = last_party(a, gpos(a, head.idx))
            if party is not None:
                return group_ref(r, a, Match(head_m.i, head_m.j, (party,)), None, span,
                                   extent_of(core, head_m), "learned:party")
        country = head_m.entry.country
        collective = not head_m.entry.title or plural
        bare_ok = head_m.entry.sector != INHERIT or head_m.entry.name in _BARE_OFFICIAL
        if not country and collective and sector is not None and bare_ok and not _unknown_owner(core, head, matches):
            # "the government", "officials", "rebels" in an article about one country (not "Western
            # officials": a modifier we cannot place says they are someone else's)
            # armed groups against a state are not the home country's by default: "rebels" in a Dutch firm's
            # story are Surinam's, "terrorists" in a British reader's comment nobody's; only the sentence places them
            armed = sector in _ARMED_NONSTATE
            ctx, how = nearby_country(r, a, head, domestic=not armed)
            if armed and how == "previous-sentence-country":
                ctx = None
            if ctx is not None:
                anchor = Match(head_m.i, head_m.j, (r.kb.countries[ctx],))
                return group_ref(r, a, anchor, sector, span, extent_of(core, head_m), f"role+{how}:{ctx}")
        if country and head_m.entry.title:
            label = slug(head_m.entry.name)
            return make_ref(a, span, *extent_of(core, head_m), name=f"{r.kb.demonym(country)} {head_m.entry.name}",
                             actor_id=f"office:{country}:{label}", code=f"{country}{sector or ''}",
                             country=country, sector=sector, kind=PERSON, rule="office-country",
                             role=head_m.entry.name)
        return None
    if (anchor.entry.actor_id.startswith("party:") and head_m.entry.title and head_m.entry.sector == INHERIT
            and head.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)):
        # "the Tory leader": the party's leader the article named, not the party
        person = party_figure(r, a, anchor.entry, head_m, gpos(a, head.idx))
        if person is not None:
            return make_ref(a, span, *extent_of(core, head_m, anchor), name=person.name, actor_id=person.actor_id,
                             code=person.code, country=person.country, sector=person.sector, kind=PERSON,
                             rule="learned:party-figure", role=person.role, former=person.former)
    if anchor.kind == PERSON:
        # "the Bush administration", "Putin's spokesman": the person's country
        country = person_country(r, a, anchor)
        if country is None:
            return None
        anchor = Match(anchor.i, anchor.j, (r.kb.countries[country],))
    if former and sector:
        sector = "ELI"
    if head_m.entry.attribute and anchor.kind in _STATE_KINDS:
        # "Iraqi Kurds", "Tamils in Sri Lanka": where they live, with the group's code
        return _ethnic_ref(r, a, span, extent_of(core, head_m, anchor), anchor.entry.country,
                                sector or "CVL", head_m.entry.attribute, "ethnic:role+" + anchor.kind,
                                head_m.entry.name.capitalize() + "s")
    return group_ref(r, a, anchor, sector, span, extent_of(core, head_m, anchor), "role+" + anchor.kind,
                       role=None)


def _possessor_ref(r: Reading, a: Article, head: Token, head_m: Match) -> ActorRef | None:
    """The placed actor a role noun's possessor denotes when the possessor is itself a role or a person word
    ("the prime minister's spokesman", "the chancellor's aides"), else None."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
    if poss is None:
        return None
    ref = resolve_phrase(r, a, head.doc[poss.left_edge.i: poss.i + 1], poss)
    return ref if ref is not None and ref.country in r.kb.countries else None


def group_ref(r: Reading, a: Article, anchor: Match, sector: str | None, span: Span, extent: tuple[int, int], rule: str,
           role: str | None = None) -> ActorRef:
    e = anchor.entry
    if anchor.kind in (IGO, NGO):
        code = e.code if (sector is None or sector == e.sector) else f"{e.code}{sector}"
        a.orgs.setdefault(e.actor_id, e)
        return make_ref(a, span, *extent, name=e.name if sector in (None, e.sector) else f"{e.name} {sector}",
                         actor_id=e.actor_id if sector in (None, e.sector) else code, code=code,
                         country=e.country if anchor.kind == NGO else None,  # a national NGO: NGOUSA..
                         sector=sector or e.sector, kind=anchor.kind, rule=rule, role=role)
    country = e.country
    if anchor.kind not in _STATE_KINDS:
        a.orgs.setdefault(e.actor_id, e)
        dated_sector = r.sector_of(e)  # a party governs in some periods (GOV), not in others (OPP)
        if sector in (None, e.sector, dated_sector):
            return make_ref(a, span, *extent, name=e.name, actor_id=e.actor_id, code=r.code_of(e),
                             country=country, sector=dated_sector, kind=e.kind, rule=rule, role=role)
    if country is None:
        code = f"{e.code[:3]}{sector or ''}"
        return make_ref(a, span, *extent, name=e.name, actor_id=code, code=code, country=None, sector=sector,
                         kind="group", rule=rule, role=role)
    code = f"{country}{sector or ''}"
    name = r.kb.country_name(country) or country
    if sector:
        name = f"{r.kb.demonym(country)} {_SECTOR_NAMES.get(sector, sector)}"
    return make_ref(a, span, *extent, name=name, actor_id=code, code=code, country=country, sector=sector,
                     kind=STATE if sector is None else "group", rule=rule, role=role)


def entity_ref(r: Reading, a: Article, head: Token, head_m: Match, matches: list[Match], span: Span) -> ActorRef | None:
    kind = head_m.kind
    extent = extent_of([span.doc[i] for i in range(head_m.i, head_m.j)], head_m)
    if kind in (STATE, DEMONYM):
        sector = None
        rule = "country" if kind == STATE else "demonym"
        if head_m.plural and kind in (STATE, DEMONYM) and head.tag_ in ("NNPS", "NNS"):
            sector, rule = "CVL", "demonym-plural"
            ethnic = _ethnic_group(r, a, head, head_m, matches, span, extent)
            if ethnic is not None:
                return ethnic
        else:
            role = _governing_role(r, head)
            if role is not None:
                sector, rule = role, "demonym+role"
        return group_ref(r, a, head_m, sector, span, extent, rule)
    if kind == METONYM:
        return group_ref(r, a, head_m, "GOV", span, extent, "capital-metonym")
    if kind == REGION:
        ref = group_ref(r, a, head_m, None, span, extent, "region")
        return ref
    return group_ref(r, a, head_m, head_m.entry.sector, span, extent, head_m.rule or kind)


def _ethnic_group(r: Reading, a: Article, head: Token, head_m: Match, matches: list[Match], span: Span,
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
    country, how = _residence(r, a, head, head_m, matches, before)
    if country == kin:
        return None  # "ethnic Albanians in Albania" are its population
    if before:
        extent = (min(extent[0], span.doc[before[-1].i].idx), extent[1])
    return _ethnic_ref(r, a, span, extent, country, "CVL", (kin or "").lower(), f"ethnic:{how}",
                            f"ethnic {head_m.entry.name if head_m.kind == DEMONYM else r.kb.demonym(kin)}")


def _ethnic_ref(r: Reading, a: Article, span: Span, extent: tuple[int, int], country: str | None, sector: str, group: str,
                rule: str, label: str) -> ActorRef:
    code = f"{country or ''}{sector}{group}"
    where = r.kb.country_name(country) if country else None
    return make_ref(a, span, *extent, name=f"{label} in {where}" if where else label, actor_id=code, code=code,
                     country=country, sector=sector, kind="group", rule=rule)


def _residence(r: Reading, a: Article, head: Token, head_m: Match, matches: list[Match],
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
                        ms = [m for m in scan(r.kb, list(p.subtree)) if m.kind in _STATE_KINDS]
                        if ms and ms[0].entry.country:
                            return ms[0].entry.country, "clause-place"
    ctx = context_country(a, min_count=2)
    return (ctx, f"doc-country:{ctx}") if ctx else (None, "unplaced")


def _governing_role(r: Reading, tok: Token) -> str | None:
    """'Hungarian' in 'Hungarian and Romanian officials' -> the sector of 'officials'."""
    cur = tok
    while cur.dep_ == "conj":
        cur = cur.head
    if cur.dep_ not in ("amod", "compound", "nmod"):
        return None
    h = cur.head
    ms = [m for m in scan(r.kb, [h]) if m.kind == ROLE]
    if not ms:
        # "Ugandan opposition candidates": a role noun compounded onto the governing noun
        ms = [m for c in h.lefts if c.dep_ == "compound" for m in scan(r.kb, [c]) if m.kind == ROLE]
    if not ms:
        return None
    s = ms[0].entry.sector
    return "GOV" if s == INHERIT else s


def _unknown_owner(core: list[Token], head: Token, matches: list[Match]) -> bool:
    """A modifier says the collective is not the article's own country's, in words that name no country
    ("Western officials", "foreign diplomats"). (An unknown name is not such evidence: "Karen rebels" live
    where the story is.)"""
    return any(t.i < head.i and t.dep_ in ("amod", "compound", "nmod") and t.lower_ in _NOT_DOMESTIC
               and not any(m.covers(t.i) for m in matches) for t in core)


# Modifiers that say a collective is not the article's own country's, though they name no country
# ("foreign diplomats", "Western officials", "international monitors").
_NOT_DOMESTIC = frozenset({"foreign", "western", "international", "arab", "european", "gulf", "asian", "african",
                           "regional", "allied", "coalition", "overseas"})


# Sectors of the state itself: a group noun of one of these before a name is no kind of group it belongs to.
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY", "ELI", "OPP", "PTY"})


def _kind_named(r: Reading, a: Article, head: Token, core: list[Token], matches: list[Match],
                span: Span) -> ActorRef | None:
    """A name the knowledge base does not know after the group noun that says what it is ("civil rights group
    Liberty", "the union Unison"): the group the noun denotes, placed as the noun alone would be (the
    article's country only with the evidence ``role_ref`` asks for), under its own name."""
    if not head.text[:1].isupper() or head.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "NORP", "DATE"):
        return None
    kind = next((m for m in matches if m.kind == ROLE and m.j == head.i and not m.entry.title
                 and head.doc[m.j - 1].dep_ == "compound" and head.doc[m.j - 1].head.i == head.i), None)
    if kind is None or kind.entry.sector in (None, INHERIT) or kind.entry.sector in _STATE_SECTORS:
        return None
    noun = head.doc[kind.j - 1]
    ref = role_ref(r, a, noun, kind, [t for t in core if t.i < head.i], [m for m in matches if m.j <= head.i],
                   span)
    if ref is None or ref.kind == PERSON or not ref.country:
        return None
    name = " ".join(t.text for t in core if t.i >= head.i or (t.i > noun.i and t.text[:1].isupper()))
    end = head.idx + len(head.text) - span.sent.start_char
    return replace(ref, name=name, actor_id=f"org:{ref.country}:{slug(name)}", end=end,
                   text=span.sent.text[ref.start:end], rule=f"kind-named:{ref.rule}")


def _modifier_only(r: Reading, a: Article, head: Token, core: list[Token], matches: list[Match], span: Span) -> ActorRef | None:
    """Head unknown, but a country/organisation modifies it ("Iraqi towns", "the Iranian nuclear programme")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    anchors = [m for m in matches if m.kind in ANCHOR_KINDS and m.kind != PERSON and m.j <= head.i]
    if not anchors:
        return _of_phrase(r, a, head, span)
    roles = [m for m in matches if m.kind == ROLE and m.j <= head.i + 1]
    anchor = nearest_match(anchors, head.i)
    if _place_modifier(anchor, head):
        return None
    sector = None
    if roles:
        s = roles[-1].entry.sector
        sector = anchor.entry.sector if s == INHERIT else s
    elif anchor.kind not in _STATE_KINDS:
        sector = anchor.entry.sector
        # "Three Labour councillors", "Blair Labour's longest-serving PM": the mention is the body's own
        # name, not the words before it (which would become its aliases)
        doc = head.doc
        return group_ref(r, a, anchor, sector, span, (doc[anchor.i].idx, doc[anchor.j - 1].idx +
                                                         len(doc[anchor.j - 1].text)), f"modifier:{anchor.kind}")
    return group_ref(r, a, anchor, sector, span, extent_of(core, anchor), f"modifier:{anchor.kind}")


def _named_body(r: Reading, a: Article, head: Token, core: list[Token], matches: list[Match],
                span: Span) -> ActorRef | None:
    """A proper name the knowledge base does not know whose words include a role noun with a sector: the
    body that name denotes, in that sector ("the Police Federation" COP, "the Fire Brigades Association" ...),
    named by the text; its country only from the article's domestic country (else unplaced, still an actor
    with a name, its code empty as no country places it)."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper() or head.lemma_.lower() not in BODY_HEADS:
        return None  # the name's head says it is a body: "Federation", "Association", "Council" ...
    ids = {t.i for t in core}
    first = head
    while first.i - 1 in ids and head.doc[first.i - 1].text[:1].isupper() and head.doc[first.i - 1].pos_ in (
            "PROPN", "NOUN"):
        first = head.doc[first.i - 1]
    if first.i == head.i:
        return None
    roles = [m for m in matches if m.kind == ROLE and first.i <= m.i and m.j <= head.i
             and m.entry.sector not in (None, INHERIT, "CVL") and not m.entry.title]
    if not roles:
        return None
    sector = roles[-1].entry.sector
    country, how = nearby_country(r, a, head)
    if how != "doc-country":
        country = None
    doc = head.doc
    text = doc_text(doc)[first.idx: head.idx + len(head.text)]
    return make_ref(a, span, first.idx, head.idx + len(head.text), name=text,
                    actor_id=f"inst:{country}:{slug(text)}" if country else f"unplaced:{slug(text)}",
                    code=f"{country}{sector}" if country else "", country=country, sector=sector, kind=INSTITUTION,
                    rule=f"named-body:{roles[-1].entry.name}" + (f"+doc-country:{country}" if country else ""))


def _place_modifier(anchor: Match, head: Token) -> bool:
    """A city or capital the tagger calls a place (GPE) modifying a noun that is no actor says where, not
    who: "a London news conference", "the Moscow talks", "a Tokyo press briefing". (A seat of government is
    an actor there: "a Kremlin statement", "a White House statement"; so is a possessor: "Tehran's nuclear
    programme".)"""
    if anchor.kind != METONYM:
        return False
    doc = head.doc
    toks = doc[anchor.i:anchor.j]
    return all(t.ent_type_ == "GPE" for t in toks) and toks[-1].dep_ == "compound" and not any(
        t.dep_ == "case" for t in doc[anchor.j:min(anchor.j + 1, len(doc))])


def _of_phrase(r: Reading, a: Article, head: Token, span: Span) -> ActorRef | None:
    """"dozens of Islamic State fighters", "an arms depot of the Syrian army": the actor in the of-phrase."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ == "of" and span.start <= c.i < span.end:
            for p in c.children:
                if p.dep_ == "pobj" and span.start <= p.i < span.end:
                    sub = span.doc[max(p.left_edge.i, span.start): min(p.right_edge.i + 1, span.end)]
                    ref = resolve_phrase(r, a, sub, p)
                    return replace(ref, rule=f"of:{ref.rule}") if ref is not None else None
    return None


def _members_country(r: Reading, a: Article, tok: Token) -> str | None:
    """The country of the first member that has one: "conservatives, led by Khamenei" -> IRN."""
    for mt in member_tokens(tok):
        ref = _member_ref(r, a, mt)
        if ref is not None and ref.country:
            return ref.country
    return None


def faction_ref(r: Reading, a: Article, head: Token, fm: Match, matches: list[Match], span: Span,
                 sector: str | None = None) -> ActorRef | None:
    own = [m for m in matches if m.kind != FACTION and (m.kind in _STATE_KINDS or m.entry.country)]
    country = fm.entry.country or (faction_country(a, own) if own else None) \
        or _members_country(r, a, head) or context_country(a) or camps_country(a)
    if country is None:
        return None
    f = faction_record(r, a, fm, country)
    sec = sector if sector not in (None, INHERIT) else f.sector
    code = f"{country}{sec}{f.attribute}"
    doc = span.doc
    toks = [t for t in span if not t.is_punct and t.dep_ != "det" and t.i <= max(head.i, fm.j - 1)]
    start = toks[0].idx if toks else doc[fm.i].idx
    end = max(head.idx + len(head.text), doc[fm.j - 1].idx + len(doc[fm.j - 1].text))
    return make_ref(a, span, start, end, name=f.name, actor_id=f.actor_id, code=code, country=country,
                     sector=sec, kind=FACTION, rule=f"faction:{f.attribute}")


def learn_faction(r: Reading, a: Article, tok: Token) -> None:
    """A faction noun in the sentence: register it and the members the text ties to it."""
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ") or tok.dep_ in ("amod", "compound"):
        return
    core = phrase_core(tok, tok.doc[tok.left_edge.i: tok.right_edge.i + 1])
    matches = scan_phrase(r, a, core)
    ms = [m for m in matches if m.kind == FACTION and not m.entry.adjective and m.covers(tok.i)]
    if not ms:
        return
    own = [m for m in matches if m.kind != FACTION and (m.kind in _STATE_KINDS or m.entry.country)]
    country = ms[0].entry.country or (faction_country(a, own) if own else None) \
        or _members_country(r, a, tok) or context_country(a) or camps_country(a)
    if country is None:
        return
    # "the hard-line conservatives around Khamenei": the conservatives, and the hard-liners the adjective names
    named = [ms[0]] + [m for m in matches if m.kind == FACTION and m.j <= tok.i
                       and (m.entry.adjective or tok.doc[m.j - 1].head.i == tok.i)
                       and (m.entry.label or m.entry.name) != (ms[0].entry.label or ms[0].entry.name)]
    records = [faction_record(r, a, m, country) for m in named]
    sent_text = tok.sent.text
    for f in records:
        f.evidence.append(sent_text)
    members: list[Token] = member_tokens(tok)
    # "Rouhani, a moderate," / "Rouhani is a moderate"
    if tok.dep_ == "appos":
        members.append(tok.head)
    if tok.dep_ in ("attr", "acomp"):
        members.extend(c for c in tok.head.children if c.dep_ in _SUBJ)
    # "Jannati, one of the hard-liners," / "Jannati is among the hard-liners"
    holder = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None
    if holder is not None and tok.head.lower_ == "of" and holder.lower_ in ("one", "some", "many", "most") \
            and holder.dep_ == "appos":
        members.append(holder.head)
    elif holder is not None and tok.head.lower_ == "among" and holder.lemma_ == "be":
        members.extend(c for c in holder.children if c.dep_ in _SUBJ)
    for mt in members:
        ref = _member_ref(r, a, mt)
        for f in records:
            if ref is not None and ref.actor_id != f.actor_id:
                f.members.append(ref.actor_id)


def _member_ref(r: Reading, a: Article, tok: Token) -> ActorRef | None:
    span = tok.doc[tok.left_edge.i: tok.right_edge.i + 1]
    if is_person_head(r, a, tok):
        return person_ref(r, a, tok, span)
    core = phrase_core(tok, span)
    matches = scan_phrase(r, a, core)
    head_m = next((m for m in matches if m.covers(tok.i)), None)
    if head_m is None:
        return None
    if head_m.kind == ROLE:
        return role_ref(r, a, tok, head_m, core, matches, span) or _office_ref(r, a, head_m, span)
    if head_m.kind in ANCHOR_KINDS - {PERSON}:
        return entity_ref(r, a, tok, head_m, matches, span)
    return None


def _office_ref(r: Reading, a: Article, role_m: Match, span: Span) -> ActorRef | None:
    """'the supreme leader' in an Iran article: the office holder, as an office actor of the context country."""
    country = role_m.entry.country or faction_country(a, [])
    if country is None or not role_m.entry.title:
        return None
    sector = role_m.entry.sector if role_m.entry.sector != INHERIT else "GOV"
    doc = span.doc
    return make_ref(a, span, doc[role_m.i].idx, doc[role_m.j - 1].idx + len(doc[role_m.j - 1].text),
                     name=f"{r.kb.demonym(country)} {role_m.entry.name}",
                     actor_id=f"office:{country}:{slug(role_m.entry.name)}", code=f"{country}{sector}",
                     country=country, sector=sector, kind=PERSON, rule="office-context", role=role_m.entry.name)
