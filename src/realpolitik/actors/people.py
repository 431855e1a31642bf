"""People: names, titles and appositions, identity across mentions, pronouns (functions of the ``Reading``
and the ``Article`` record; learning writes only to the record)."""
from __future__ import annotations

import bisect
from collections.abc import Callable
import re
import datetime as dt

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.kb import (
    ANCHOR_KINDS,
    FACTION,
    IGO,
    INHERIT,
    NGO,
    PERSON,
    ROLE,
    Entry,
    norm,
    slug,
    split_code,
)
from realpolitik.actors.scan import Match, line_bounds, scan
from realpolitik.actors.state import (
    _FEMALE_HONORIFICS,
    _FEMALE_NOUNS,
    _FEMALE_PRONOUNS,
    _MALE_HONORIFICS,
    _MALE_NOUNS,
    _MALE_PRONOUNS,
    _NONSTATE,
    _NOT_NAME_WORDS,
    _OPPOSITION_MARKERS,
    _PRONOUNS,
    _STATE_KINDS,
    _SUBJ,
    Article,
    Logged,
    Reading,
    _Descriptor,
    _Person,
)
from realpolitik.records import ActorRef
from realpolitik.actors.phrase import (
    apposition_segments,
    in_other_branch,
    locative,
    name_text,
    name_tokens,
    nearest_match,
    predicate_segments,
    shadowed,
)
from realpolitik.actors.context import (
    count_countries,
    gpos,
    last_party,
    make_ref,
    nearby_country,
    personal_name_part,
    scan_phrase,
    sole_country,
)
from realpolitik.actors.factions import add_member


def name_anchor(r: Reading, a: Article, core: list[Token], head: Token) -> Match | None:
    """A person's name modifying a role noun ("the Bush administration", "Putin's spokesman")."""
    for t in core:
        if t.i < head.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "poss") and t.head.i == head.i:
            toks = name_tokens(t) if t.ent_type_ == "PERSON" else [t]
            m = Match(toks[0].i, toks[-1].i + 1, (Entry(actor_id="", name=t.text, kind=PERSON),))
            country = person_country(r, a, m)
            if country in r.kb.countries:
                return Match(m.i, m.j, (r.kb.countries[country],))
    return None


def person_country(r: Reading, a: Article, m: Match) -> str | None:
    e = m.entry
    if e.kind == PERSON and e.country:
        return e.country
    doc = a.doc
    if doc is None:
        return None
    name = name_text(strip_name(r, list(doc[m.i:m.j])))
    person = a.people.get(a.by_name.get(name.lower(), ""))
    if person is not None and person.country:
        return person.country
    kb_e = kb_person(r, name)
    return kb_e.country if kb_e is not None else None


def holder_of(a: Article, role_m: Match, before: int, shadow: bool = False,
              r: Reading | None = None) -> _Person | None:
    """The person last seen before ``before`` holding the office ``role_m`` names; a shadow office is not
    the office ("the Home Secretary" is not the shadow home secretary). Failing that, with a dated reading
    ``r``: the person named nearest before whose curated knowledge-base office of that title covers the
    date ("Gordon Brown met Jack Straw. The chancellor said ..." in 2005: Brown)."""
    word = role_m.entry.name.lower()
    for pos, aid, *_ in reversed(a.person_log):
        if pos >= before:
            continue
        p = a.people[aid]
        if any(names_office(word, role[0].lower()) and shadow == ("shadow" in role[0].lower()) for role in p.roles):
            return p
    if r is None or r.date is None:
        return None
    title = f"shadow {word}" if shadow else word
    for pos, aid, *_ in reversed(a.person_log):
        p = a.people[aid]
        if pos < before and p.kb_entry is not None and any(
                per.covers(r.date) for per in _periods_of_role(p.kb_entry, title, whole=True)):
            return p
    return None


# Offices whose holder leads their party (a parliamentary system's prime minister leads the governing party).
_PARTY_HEAD_OFFICES = frozenset({"prime minister"})


def party_figure(r: Reading, a: Article, party: Entry, role_m: Match, before: int) -> _Person | None:
    """The person last named before ``before`` who holds, in ``party``, the role ``role_m`` names ("the Tory
    leader" after "Michael Howard"): one the article titled so ("Tory leader Michael Howard"), or a curated
    member of the party whose office of that name covers the date (any date in an undated article); a party's
    leader is also its prime minister. None when the article names no such person: the role is then the
    party's."""
    word = role_m.entry.name.lower()
    names = {norm(x) for x in (party.name, *r.kb.aliases_of(party)) if x}

    def of_party(text: str) -> bool:
        return any(re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", text) for n in names)

    for pos, aid, *_ in reversed(a.person_log):
        if pos >= before:
            continue
        p = a.people[aid]
        if any(names_office(word, norm(role[0])) and of_party(norm(role[0])) for role in p.roles):
            return p
        e = p.kb_entry
        if e is None or e.party != party.actor_id or e.source != "people":
            continue
        for office, per in zip(e.roles, e.periods):
            office = office.lower()
            if (names_office(word, office) or (word == "leader" and office in _PARTY_HEAD_OFFICES)) and (
                    r.date is None or r.window is not None or per.covers(r.date)):
                return p
    return None


def appos_person(r: Reading, a: Article, head: Token, span: Span) -> Token | None:
    for c in head.children:
        if c.dep_ == "appos" and span.start <= c.i < span.end and is_person_head(r, a, c):
            return c
    return None


def is_person_head(r: Reading, a: Article, tok: Token) -> bool:
    """A proper-noun token that names a person (PERSON entity, or a name after a title)."""
    if tok.pos_ != "PROPN" or tok.dep_ in ("compound", "flat"):
        return False
    ms = scan_phrase(r, a, name_tokens(tok))
    if any(m.covers(tok.i) and m.kind in ANCHOR_KINDS and m.kind != PERSON
           and not personal_name_part(r, tok.doc, m) for m in ms):
        return False
    if tok.lower_ in _MONEY:
        return False  # "U.S. Dlrs", "the Taiwan Dollar" at a line start: money, not a person
    if any(m.covers(tok.i) and personal_name_part(r, tok.doc, m) for m in ms):
        return True  # "Bob Wellington", "Mr Wellington" (even where the tagger calls it a place)
    kb_named = any(m.covers(tok.i) and m.kind == PERSON for m in ms)
    if not kb_named and tok.ent_type_ == "PERSON" and len(name_tokens(tok)) == 1 \
            and any(tok.text in _place_words(d) for d in (tok.doc, *a.counted)):
        return False  # "Hamedan was the base": a one-word name the article also uses as a place
    if not kb_named and _with_article(r, tok):
        return False  # "the Bill", "the Criminal Justice Bill": a one-word name with an article is no person
    if tok.ent_type_ == "PERSON":
        return True
    if kb_named:
        return True
    if tok.ent_type_ in ("", "PERSON", "ORG", "NORP") and _known_name(r, a, tok):
        return True  # the small model often misses a bare surname: "Larijani said ..."
    if (tok.ent_type_ in ("", "NORP") or (tok.ent_type_ == "ORG" and tok.dep_ in _SUBJ)) \
            and len(name_tokens(tok)) == 1 and _curated_surname(r, tok):
        return True  # "Dehghan accused Moscow" (tagged ORG): the surname of a curated office holder
    # an unknown proper noun right after a title: "President Bouteflika", or an honorific: "Lord Oakley"
    left = [c for c in tok.lefts if c.dep_ in ("compound", "flat")]
    if left and left[0].lower_.rstrip(".") in r.kb.honorifics and left[0].text[:1].isupper() \
            and tok.ent_type_ not in ("GPE", "LOC", "FAC", "NORP"):
        return True
    return any(m.kind == ROLE and m.entry.title for m in scan(r.kb, left)) and not tok.ent_type_ in (
        "GPE", "ORG", "NORP", "LOC", "FAC")


_PLACE_NOUNS = frozenset({"base", "airbase", "airport", "port", "province", "city", "town", "village", "region",
                          "district", "county", "valley", "airfield", "harbour", "harbor", "border", "river"})
_PLACE_PREPS = frozenset({"in", "from", "near", "at", "to", "outside", "into"})
_STRICT_PLACE_PREPS = frozenset({"in", "near", "outside"})  # never before a person's name ("at X", "to X" may be)


def _curated_surname(r: Reading, tok: Token) -> bool:
    """``tok`` is the surname of curated KB people (people*.yaml) of one country, capitalised, not a word
    the knowledge base reads otherwise (a role, place or body)."""
    if not tok.text[:1].isupper() or tok.is_sent_start and tok.is_stop or r.kb.lookup(norm(tok.text)):
        return False
    cands = r.kb.surnames.get(norm(tok.text), ())
    return bool(cands) and all(e.source == "people" for e in cands) and len({e.country for e in cands}) == 1


def _place_words(doc: Doc) -> frozenset[str]:
    """Proper nouns ``doc`` uses as places: GPE/LOC/FAC entities, modifiers of a place noun ("Hamedan air
    base", "Hamedan province") and objects of a locative preposition ("from Hamedan")."""
    got = doc.user_data.get("rp_place_words")
    if got is None:
        words = {t.text for ent in doc.ents if ent.label_ in ("GPE", "LOC", "FAC") for t in ent}
        for t in doc:
            if t.pos_ != "PROPN":
                continue
            if t.dep_ == "compound" and t.head.lower_ in _PLACE_NOUNS:
                words.add(t.text)
            elif t.dep_ == "pobj" and t.head.lower_ in _PLACE_PREPS and (
                    t.ent_type_ != "PERSON" or t.head.lower_ in _STRICT_PLACE_PREPS):
                words.add(t.text)  # "met in Manchester" even when the tagger calls it a person
        got = doc.user_data["rp_place_words"] = frozenset(words)
    return got


# Currency nouns that never end a person's name (unlike "Mark" or "Crown").
_MONEY = frozenset({"dollar", "dollars", "dlr", "dlrs", "yen", "sterling", "franc", "francs", "lira", "lire",
                    "peso", "pesos", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "yuan", "euro",
                    "euros", "guilder", "guilders"})


def _with_article(r: Reading, tok: Token) -> bool:
    """True for a one-word proper name that takes an article ("the Bill", "a Vauxhall"): English names of
    people do not ("the Blairs" is plural, "the US President George Bush" has two words)."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in tok.children):
        return False
    return len(strip_name(r, name_tokens(tok))) == 1


def _known_name(r: Reading, a: Article, tok: Token) -> bool:
    words = tuple(w.lower() for w in name_text(strip_name(r, name_tokens(tok))).split())
    if not words:
        return False
    if " ".join(words) in a.by_name:
        return True
    return any(w[-len(words):] == words for _, _, w in a.fullnames) or any(
        len(w) > len(words) and w[-len(words):] == words for _, w in a.article_names)


def strip_name(r: Reading, toks: list[Token]) -> list[Token]:
    """Drop honorifics and titles at the front of a name ("Mr.", "President") and a trailing 's."""
    while toks and toks[-1].dep_ == "case":
        toks = toks[:-1]
    while len(toks) > 1:
        low = toks[0].lower_
        if low in r.kb.honorifics or low.rstrip(".") in r.kb.honorifics:
            toks = toks[1:]
            continue
        ms = scan(r.kb, toks[:3])
        m = ms[0] if ms else None
        if m is not None and m.i == toks[0].i and m.kind in (ROLE, FACTION) and m.j <= toks[-1].i:
            toks = [t for t in toks if t.i >= m.j]
            continue
        break
    return toks


def _descriptor_segments(r: Reading, a: Article, name_head: Token, name_toks: list[Token]) -> list[list[Token]]:
    """Word groups describing the person, nearest first: the title before the name (and the noun the
    name is in apposition to), then appositions after it, then "of X"."""
    doc = name_head.doc
    clean = strip_name(r, list(name_toks))
    first = clean[0].i if clean else name_toks[0].i
    sub = {t.i for t in name_head.subtree}
    lo, hi = line_bounds(name_head)
    left = [t for t in doc[name_head.left_edge.i: first]
            if t.i in sub and lo < t.i and not in_other_branch(t, name_head)]
    if name_head.dep_ == "appos" and name_head.head.pos_ in ("NOUN", "PROPN") and not (
            name_head.head.tag_ in ("NNS", "NNPS") and not name_head.conjuncts):
        # the noun the name is in apposition to — not a plural one for one name ("... on detainees - Straw")
        h = name_head.head
        left += [t for t in h.subtree if h.left_edge.i <= t.i < name_head.left_edge.i
                 and not t.is_punct and t.i not in sub]
    # "Zarif and EU foreign policy chief Federica Mogherini": only what follows the last "and" describes her
    cut = max((t.i for t in doc[name_head.left_edge.i: first] if t.dep_ == "cc" or t.lower_ in ("and", "or")),
              default=-1)
    segments = [sorted({t.i: t for t in left if t.i > cut}.values(), key=lambda t: t.i)]
    for c in name_head.children:
        if c.dep_ == "appos" and not is_person_head(r, a, c):
            segments.extend(apposition_segments(c))
        elif c.dep_ == "prep" and c.lower_ == "of":
            segments.append(list(c.subtree))  # "King Hassan of Morocco"
        elif c.dep_ == "relcl":
            segments.extend(predicate_segments(c))  # "X, who heads Y," / "X, who is Y's minister,"
    if name_head.dep_ in ("nsubj", "nsubjpass") and name_head.head.lemma_ == "be":
        segments.extend(predicate_segments(name_head.head))  # "X is Iran's foreign minister"
    return [seg for seg in segments if seg]


def describe_person(r: Reading, a: Article, name_head: Token, name_toks: list[Token]) -> _Descriptor:
    """Role, former flag from the nearest segment with a role; country and factions from any segment."""
    segments = _descriptor_segments(r, a, name_head, name_toks)
    if not segments:
        return _Descriptor()
    descs = [describe_words(r, a, seg) for seg in segments]
    d = next((x for x in descs if x.role), descs[0])
    for other in descs:
        if other is d:
            continue
        if d.country is None and d.igo_code is None and (other.country or other.igo_code):
            d.country, d.igo_code = other.country, other.igo_code
            d.rule = d.rule or other.rule
        d.factions.extend(other.factions)
    return d


def _modifies_other_noun(doc: Doc, m: Match, matches: list[Match], words_at: set[int]) -> bool:
    """A role word used as a modifier of a noun of the same description that is no role or actor ("the aide
    for military cooperation", "the head of the state conglomerate Rostec"): a topic or an attribute, not the
    office. (A title before a name modifies the name, outside the description: "Justice Minister X".)"""
    tok = doc[m.j - 1]
    head = tok.head
    if tok.dep_ not in ("amod", "compound", "nmod") or head.i < m.j or head.i not in words_at \
            or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(o.covers(head.i) for o in matches if o is not m)


# Words that say when someone holds an office, not which office ("now foreign secretary", "the new education
# secretary", "On Monday school inspection chief X"): left out of the role's name.
_WHEN = frozenset({"now", "new", "newly", "current", "currently", "incumbent", "present"})
# Nouns of kinship: a role reached through one is the relative's ("the son of a Church of Scotland minister").
_KIN = frozenset({"son", "daughter", "wife", "husband", "father", "mother", "brother", "sister", "widow",
                  "widower", "child", "grandson", "granddaughter", "nephew", "niece", "cousin", "uncle", "aunt"})


def _when_word(t: Token, role_m: Match) -> bool:
    return not (role_m.i <= t.i < role_m.j) and (t.lower_ in _WHEN or t.ent_type_ in ("DATE", "TIME")
                                               or (t.pos_ == "ADV" and t.dep_ == "advmod"))


def portfolio_owner(tok: Token) -> Token | None:
    """The noun whose brief a conjoined word names: "Culture, Media and Sport Secretary" and "the Secretary of
    State for Culture, Media and Sport" -> "Secretary" for "Media"; None for a word in no such list."""
    if tok.dep_ != "conj" and not any(c.dep_ == "conj" for c in tok.children):
        return None
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    owner = tok.head
    if tok.dep_ == "pobj" and owner.dep_ == "prep" and owner.lower_ in ("for", "of"):
        return owner.head
    return owner if tok.dep_ in ("compound", "amod", "nmod") else None


_LIST_LINKS = frozenset({",", "and", "&"})


def capitalised_portfolio(tok: Token) -> Token | None:
    """The capitalised singular office or body whose brief ``tok`` is one word of, read from the words around
    it (the parser often makes the list a coordination of nouns): "Media" of "Culture, Media and Sport
    Secretary X", "the Culture, Media and Sport Committee", "the Secretary of State for Culture, Media and
    Sport". The list is capitalised words joined by commas and one "and"; None for anything else ("Police and
    Army officers" is no brief: a plural lower-case noun is no office)."""
    doc = tok.doc
    if not tok.text[:1].isupper() or tok.is_sent_start:
        return None
    lo = hi = tok.i
    while lo >= 2 and doc[lo - 1].text in _LIST_LINKS and doc[lo - 2].text[:1].isupper():
        lo -= 2
    while hi + 2 < len(doc) and doc[hi + 1].text in _LIST_LINKS and doc[hi + 2].text[:1].isupper():
        hi += 2
    if lo == hi or not any(doc[i].lower_ in ("and", "&") for i in range(lo, hi)):
        return None
    if hi + 1 < len(doc):
        after = doc[hi + 1]
        if after.text[:1].isupper() and after.tag_ in ("NN", "NNP"):
            return after  # "Culture, Media and Sport Secretary"
    if lo >= 2 and doc[lo - 1].lower_ in ("for", "of"):
        for i in range(lo - 2, max(lo - 5, -1), -1):
            if doc[i].text[:1].isupper() and doc[i].tag_ in ("NN", "NNP"):
                return doc[i]  # "the Secretary of State for Culture, Media and Sport" (-> "Secretary")
    return None


def _portfolio_word(doc: Doc, m: Match, matches: list[Match]) -> bool:
    """A role word conjoined in the portfolio of another role ("Media" of the Culture, Media and Sport
    Secretary) names the office's brief, not an office."""
    owner = portfolio_owner(doc[m.j - 1])
    return owner is not None and any(o is not m and o.kind == ROLE and o.covers(owner.i) for o in matches)


def _relatives_role(doc: Doc, m: Match, words_at: set[int]) -> bool:
    """The role word hangs under a noun of kinship in the description ("the son of a ... minister")."""
    tok = doc[m.j - 1]
    while tok.head.i != tok.i and tok.head.i in words_at:  # a root is its own head (a new Token each time)
        tok = tok.head
        if tok.lemma_.lower() in _KIN:
            return True
    return False


def _opinion_predicate(doc: Doc, m: Match, matches: list[Match]) -> bool:
    """A predicate nominal with an indefinite article and a judging adjective no match covers ("Mr X was a good
    prime minister", "X is a capable politician"): an opinion of the person, not an office held."""
    tok = doc[m.j - 1]
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    if top.dep_ != "attr" or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return False
    covered = {i for o in matches for i in range(o.i, o.j)}
    return any(c.dep_ == "amod" and c.pos_ == "ADJ" and c.i not in covered and c.i < m.i for c in tok.children)


def describe_words(r: Reading, a: Article, toks: list[Token]) -> _Descriptor:
    d = _Descriptor()
    if not toks:
        return d
    matches = scan_phrase(r, a, toks)
    roles = [m for m in matches if m.kind == ROLE]
    words_at = {t.i for t in toks}
    roles = [m for m in roles if not _modifies_other_noun(toks[0].doc, m, matches, words_at)
             and not _portfolio_word(toks[0].doc, m, matches) and not _relatives_role(toks[0].doc, m, words_at)
             and not _opinion_predicate(toks[0].doc, m, matches)]
    anchors = [m for m in matches if m.kind in ANCHOR_KINDS and m.kind != PERSON]
    d.factions = [m for m in matches if m.kind == FACTION]
    role_m = roles[-1] if roles else None
    d.mod_sector = next((m.entry.sector for m in reversed(roles[:-1])
                         if m.entry.sector not in (None, INHERIT, "GOV")), None)
    if d.mod_sector is None and role_m is not None and _public_body_owner(roles, role_m):
        d.mod_sector = "GOV"  # "Electoral Commission chairman X": a public body's chairman is the state's
    d.former = _former(r, toks, role_m)
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
                 and (t.lower_ not in r.kb.honorifics or role_m.i <= t.i < role_m.j)
                 and t.lower_ not in r.kb.former_markers
                 and t.lower_.rstrip("-") not in r.kb.former_markers and t.pos_ != "PRON"
                 and not _when_word(t, role_m)]
        d.role = " ".join(t.text for t in words) or role_m.entry.name
    # a nationality or organisation that modifies the title outranks a place it is in ("the US commander
    # in Iraq, General X" is American); a place alone still gives the country ("rebels in Darfur")
    placed = [m for m in anchors if not locative(toks[0].doc[m.j - 1])]
    anchor = nearest_match(placed or anchors, role_m.i if role_m else toks[-1].i)
    party, party_rule = _party_of(r, a, toks, matches, role_m, anchors)
    d.sector = role_sector(r, role_m, roles, anchor, party, toks)
    d.inherited = role_m is not None and role_m.entry.sector == INHERIT
    is_shadow = role_m is not None and shadowed(toks, role_m)
    if is_shadow and d.role and "shadow" not in d.role.lower():
        d.role = f"shadow {d.role}"  # "his shadow Chancellor X": the parser hung "shadow" elsewhere
    if d.sector in ("GOV", "JUD", "LEG") and is_shadow:
        d.sector = "OPP"  # "shadow home secretary", "shadow attorney general": the opposition's spokesman
    if d.sector == "GOV" and role_m is not None and role_m.entry.sector == INHERIT and party is None \
            and anchor is None and _unknown_org_modifier(toks, matches, role_m):
        d.sector = None  # "MAB spokesman": an organisation we do not know, not the government
        d.unknown_org = True  # ... nor of the article's country
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
        d.country = role_m.entry.country or (party.country if party is not None else None)
        d.rule = f"title:{d.role}" + (f"+{party_rule}" if party_rule else "")
    if d.former and d.sector is not None and not (is_shadow and d.sector == "OPP"):
        # a former office holder is one of the elite; a former shadow minister still sits with the opposition
        d.sector = "ELI"
    return d


def _former(r: Reading, toks: list[Token], role_m: Match | None) -> bool:
    """A former marker ("former", "ex-") in the conjunct of the role that describes the person: "Ex-chat
    show host and East Midlands MEP X" is a sitting MEP; "former MEP X", "X, a former minister" are not."""
    marks = [t for t in toks if t.lower_ in r.kb.former_markers or t.lower_.rstrip("-") in r.kb.former_markers]
    if not marks:
        return False
    if role_m is None:
        return True
    doc = toks[0].doc
    return any(t.i >= role_m.i or not any(x.dep_ == "cc" for x in doc[t.i + 1:role_m.i]) for t in marks)


# Words before a legislator's title that say the seat is not yet held ("a prospective Labour MP"): the
# person is the party's figure, not a legislator.
_NOT_YET = frozenset({"prospective", "would-be", "candidate", "hopeful", "aspiring"})
_SPOKES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _party_of(r: Reading, a: Article, toks: list[Token], matches: list[Match], role_m: Match | None,
              anchors: list[Match]) -> tuple[Entry | None, str]:
    """The party a role phrase belongs to, and how it was found: a party named in it ("Conservative ...
    spokeswoman"), "the party's" (the party the article last mentioned), or for a portfolio spokesman
    whose organisation the phrase does not name ("Health spokesman X" after "The Lib Dems say ...") the
    party the article last mentioned. None when there is no such evidence."""
    if role_m is None:
        return None, ""
    named = [m for m in anchors if m.kind not in _STATE_KINDS and m.entry.sector == "PTY"]
    if named:
        return named[-1].entry, ""
    doc = toks[0].doc
    for m in matches:
        if m.kind == ROLE and m is not role_m and m.entry.sector == "PTY" and m.j <= role_m.i:
            t = doc[m.j - 1]
            if any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) or doc[m.i - 1].lower_ == "the":
                e = last_party(a, gpos(a, t.idx))
                if e is not None:
                    return e, "the-party"
    if role_m.entry.name in _SPOKES and not anchors and _portfolio_words(toks, matches, role_m):
        e = last_party(a, gpos(a, doc[role_m.i].idx))
        if e is not None:
            return e, "last-party"
    return None, ""


def _portfolio_words(toks: list[Token], matches: list[Match], role_m: Match) -> list[Token]:
    """Words before the role word that no match covers and that are not an acronym or a named organisation:
    the portfolio of a spokesman ("Health", "home affairs")."""
    covered = {i for m in matches for i in range(m.i, m.j)}
    return [t for t in toks if t.i < role_m.i and t.i not in covered and t.is_alpha
            and t.dep_ in ("compound", "amod", "nmod") and not _org_like(t)]


def _org_like(t: Token) -> bool:
    return t.is_upper and len(t.text) >= 2  # an acronym ("MAB"); capitalised portfolios are not ("Health")


def _unknown_org_modifier(toks: list[Token], matches: list[Match], role_m: Match) -> bool:
    """An acronym or named organisation that no match covers modifies the role ("MAB spokesman"); for a
    role other than a spokesman (whose capitalised modifier is a portfolio: "Health spokesman") any
    capitalised name does ("Nova chairman", "Acme director")."""
    covered = {i for m in matches for i in range(m.i, m.j)}
    spokes = role_m.entry.name in _SPOKES
    if role_m.entry.name in PUBLIC_BODIES or _public_body_owner(matches, role_m):
        return False  # "chairman of the Electoral Commission": the capitalised words name the body itself
    return any(t.i < role_m.i and t.i not in covered and t.is_alpha and (
        _org_like(t) or (not spokes and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.is_sent_start
                         and t.dep_ in ("compound", "nmod", "poss") and t.lower_ not in _NOT_NAME_WORDS))
        for t in toks)


# Inherit role nouns that name a public body: capitalised words before them are the body's own name ("the
# Electoral Commission", "the Food Standards Agency"), not another organisation owning the office.
PUBLIC_BODIES = frozenset({"commission", "agency"})
def _public_body_owner(matches: list[Match], role_m: Match) -> bool:
    """Another role word of the phrase names a public body the role belongs to ("Electoral Commission
    chairman", "the agency's director")."""
    return any(m.kind == ROLE and m is not role_m and m.entry.name in PUBLIC_BODIES for m in matches)


# Titles that companies, clubs and unions have as much as states: written lower case right before a name
# ("president Peter Widdrington told analysts", "board chairman X said") they are a job, not a state office,
# unless words around the name say whose (a country, a party, an organisation we know).
_JOB_TITLES = frozenset({"president", "vice-president", "chairman", "chairwoman", "chair", "director",
                         "secretary", "treasurer"})


def _job_title_before(name: list[Token]) -> bool:
    """The word right before the name is a lower-case job title of :data:`_JOB_TITLES`."""
    if not name or name[0].i == 0:
        return False
    t = name[0].doc[name[0].i - 1]
    return t.lower_ in _JOB_TITLES and t.text.islower()


def role_sector(r: Reading, role_m: Match | None, roles: list[Match], anchor: Match | None,
                party: Entry | None = None, toks: list[Token] | None = None) -> str | None:
    """The sector a role phrase gives: the role's own, a non-state modifier's ("rebel soldiers"), or for
    an inherit role ("leader", "spokesman") its organisation's at the document date — a party member's
    follows the party's status (a Tory leader in 2005 is OPP, in 2012 GOV, whatever portfolio the phrase
    names: "Conservative local government spokeswoman"); GOV for a state. A seat not yet held ("a
    prospective Labour MP") gives the party's status too."""
    org = (r.sector_of(anchor.entry) if anchor is not None and anchor.kind not in _STATE_KINDS
           else None)
    if role_m is None:
        return org
    sector = role_m.entry.sector
    if role_m.entry.state_sector and anchor is not None and anchor.kind in _STATE_KINDS and party is None:
        sector = role_m.entry.state_sector  # "Russian bombers": the state's aircraft, not attackers
    if party is not None:
        status = r.sector_of(party)
        if status in ("GOV", "OPP") and (sector == INHERIT or sector == "PTY" or (
                sector == "LEG" and any(t.lower_ in _NOT_YET for t in toks or ()))):
            return status
    mods = [m.entry.sector for m in roles if m is not role_m and m.entry.sector not in (None, INHERIT)]
    if any(s in _NONSTATE for s in mods):
        return next(s for s in mods if s in _NONSTATE)
    if sector == INHERIT:
        if mods:
            return mods[-1]
        if org:
            return org
        if anchor is None and role_m.entry.name in _JOB_TITLES and not _public_body_owner(roles, role_m):
            return None  # "Chairman John Hall said": companies, parties and clubs have chairmen; nothing says whose
        return "GOV"  # "an Iranian adviser", "Putin's aide", "officials said": the state's
    return sector


def learn_person(r: Reading, a: Article, tok: Token) -> _Person:
    """Register (or update) the person named at ``tok`` with what the surrounding words say."""
    name_toks = name_tokens(tok)
    clean = strip_name(r, name_toks)
    name = name_text(clean)
    desc = describe_person(r, a, tok, name_toks)
    hon_tok = _honorific_before(name_toks)
    hon = hon_tok.lower_.rstrip(".") if hon_tok is not None else ""
    hon_gender = "m" if hon in _MALE_HONORIFICS else "f" if hon in _FEMALE_HONORIFICS else None
    person = _identify(r, a, name, clean[0].idx if clean else tok.idx, hon_gender,
                       hon_tok.text if hon_gender else "")
    sent_text = tok.sent.text
    if person.kb_entry is not None and person.country is None and person.sector is None:
        # what the knowledge base says at the document date; words in the text refine it
        e = person.kb_entry
        code = r.code_of(e)
        person.country, person.sector = split_code(code, r.kb.countries.keys())
        if code[:3] in ("IGO", "NGO") and not person.igo_code:
            person.igo_code = code  # an official of an international body (Mogherini: IGOEUR)
        person.sector_from_text = False
        dated = [p for p in e.periods if p.start or p.end]
        person.kb_current = not dated or (any(p.covers(r.date) for p in dated) if r.date
                                          else any(p.end is None for p in dated))
        person.country_from_text = False
    if desc.country and (not person.country or not person.country_from_text):
        person.country = desc.country
        person.country_from_text = True
    if desc.igo_code and not person.igo_code and (not person.country or not person.country_from_text):
        # "EU Trade Commissioner Peter Mandelson": the body's official, whatever nationality the KB gives him
        person.igo_code = desc.igo_code
        person.country = None
    office = _curated_office_sector(r, person.kb_entry, desc) if person.kb_entry is not None else None
    if office is not None:
        desc.sector = office  # "MEP X" of a UKIP MEP the KB files as GBROPP: the curated code of that office
    if desc.sector and (not desc.former or person.sector is None or person.former
                        or not (person.sector_from_text or person.kb_current)):
        # a past office does not replace a current one ("Mr. Putin, a former KGB officer")
        person.sector = desc.sector
        person.sector_from_text = True
    if desc.role:
        code = desc.igo_code or f"{desc.country or person.country or ''}{desc.sector or ''}"
        person.roles.append((desc.role, code, r.date, desc.former))
        person.evidence.append(sent_text)
    if desc.role and (not desc.former or not person.roles[:-1] or person.former) and not (
            desc.former and holds_kb_office(person)):
        person.former = desc.former
    job = desc.role is not None and not desc.country and not desc.igo_code and _job_title_before(clean)
    if job and desc.sector == "GOV" and person.sector_from_text and person.sector == "GOV":
        # "president Peter Widdrington": a job title, not the state's office; whose job the words before it
        # may say ("Chief Police Officers president Chris Fox": the police's)
        person.sector = desc.mod_sector
    if person.country is None and not person.igo_code and desc.role and (
            desc.sector not in _NONSTATE or desc.sector == "OPP"):
        # a titled person with no country anywhere ("President Hassan Rouhani" in an article about
        # Iran): the document's most mentioned country, flagged by the rule name — when the title is one
        # that country has ("Prime Minister X" in a story about the US is not American). A lower-case job
        # title, one companies have as much as states, takes only the country of an article naming no other.
        if job:
            country = sole_country(a)
            how = "sole-country" if country else ""
        else:
            country, how = nearby_country(r, a, tok)
        if country is not None and (job or r.kb.title_fits(desc.role, country)):  # a firm's president: any land
            person.country = country
            person.country_rule = f"title+{how}"
    person.aliases.add(name)
    if person.gender is None and hon_gender:
        person.gender = hon_gender
    if person.gender is None:
        person.gender = _gender_of_description(r, a, tok, name_toks)
    for f in desc.factions:
        add_member(r, a, f, [m for m in [desc.country or person.country] if m], person.actor_id, sent_text)
    a.person_log.append(Logged(gpos(a, tok.idx), person.actor_id, salience(tok), sentence_key(a, tok),
                               quoted(tok)))
    return person


def holds_kb_office(person: _Person) -> bool:
    """The person's sector is an office the knowledge base says they hold at the document date (not words of
    the text): "former foreign secretary Robin Cook" in 2005 is a sitting backbencher (LEG), not a former one."""
    return person.kb_entry is not None and person.kb_current and not person.sector_from_text \
        and person.sector not in (None, "ELI")  # an elite between offices holds none


def _curated_office_sector(r: Reading, e: Entry, desc: _Descriptor) -> str | None:
    """The sector the knowledge base gives the office a present title names, when the person is curated and
    the title names their offices of one code (at the document date, if dated): the curated coding of that
    office outranks the role word's generic sector ("MEP" is LEG; a UKIP MEP of 2004 is filed GBROPP)."""
    if not desc.role or desc.former or not desc.sector or desc.igo_code:
        return None
    named = _periods_of_role(e, desc.role)
    if r.date is not None:
        named = [p for p in named if p.covers(r.date)]
    codes = {p.code for p in named}
    if len(codes) != 1:
        return None
    country, sector = split_code(codes.pop(), r.kb.countries.keys())
    if sector is None or (desc.country and country != desc.country):
        return None
    return sector


def _gender_of_description(r: Reading, a: Article, tok: Token, name_toks: list[Token]) -> str | None:
    """"f"/"m" when the words describing the person (apposition, title) include a gendered noun."""
    words = {t.lemma_.lower() for seg in _descriptor_segments(r, a, tok, name_toks) for t in seg}
    female, male = bool(words & _FEMALE_NOUNS), bool(words & _MALE_NOUNS)
    return "f" if female and not male else "m" if male and not female else None


def salience(tok: Token) -> int:
    """How prominent a person named at ``tok`` is in its sentence: 2 the subject of the main clause (or the
    possessor in it: "Lord Holme's proposal comes ..."), 1 the subject of another clause ("... watch George
    Bush slug it out"), 0 anything else."""
    t = tok.head if tok.dep_ in ("poss", "compound") and tok.head.dep_ in _SUBJ else tok
    if t.dep_ not in _SUBJ:
        return 2 if _lost_speaker(tok) else 0
    verb = t.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return 2 if verb.dep_ == "ROOT" else 1


def _lost_speaker(tok: Token) -> bool:
    """The name right before a main verb the parser left without a subject, wire style: "Others targeted
    include A, B and C, Lib Dem elections chief Lord Rennard said." (the parser makes Rennard one of the list):
    the name is the speaker, the subject of the main clause."""
    verb = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (verb is not None and tok.pos_ == "PROPN" and verb.dep_ == "ROOT" and verb.pos_ == "VERB"
            and not any(c.dep_ in _SUBJ for c in verb.children))


def sentence_key(a: Article, tok: Token) -> tuple[int, int]:
    """(segment sequence, sentence number) of ``tok``'s sentence."""
    doc = tok.doc
    starts = doc.user_data.get("rp_sent_starts")
    if starts is None:
        starts = doc.user_data["rp_sent_starts"] = [s.start for s in doc.sents] if doc.has_annotation(
            "SENT_START") or doc.has_annotation("DEP") else [0]
    return a.doc_seq, bisect.bisect_right(starts, tok.i) - 1


_OPEN_QUOTES, _CLOSE_QUOTES, _STRAIGHT_QUOTES = frozenset("“‘«"), frozenset("”’»"), frozenset('"')


def quoted(tok: Token) -> bool:
    """Whether ``tok`` is inside quotation marks. A straight quote after a space opens, after a word closes
    (news style reopens a quote at each quoted sentence: '"This was more talk. "We've heard it all before.');
    a quote left open runs to the end of its paragraph."""
    doc = tok.doc
    inside = doc.user_data.get("rp_quoted")
    if inside is None:
        found, on = set(), False
        for t in doc:
            if "\n" in t.text:  # a paragraph break
                on = False
            elif t.text in _STRAIGHT_QUOTES:  # opening after a space, closing after a word
                after_space = t.i == 0 or bool(doc[t.i - 1].whitespace_) or doc[t.i - 1].is_space
                on = (not on) if after_space and t.whitespace_ else after_space
            elif t.text in _OPEN_QUOTES or t.text == "``":
                on = True
            elif t.text in _CLOSE_QUOTES or t.text == "''":
                on = False
            elif on:
                found.add(t.i)
            if "\n" in t.whitespace_:
                on = False
        inside = doc.user_data["rp_quoted"] = frozenset(found)
    return tok.i in inside


def _identify(r: Reading, a: Article, name: str, char: int, gender: str | None = None,
              honorific: str = "") -> _Person:
    """Map a name to a person: full names are identities; shorter names join the nearest full name. An
    honorific's gender keeps a name off a person of the other gender ("Mrs Howard" is not Michael Howard):
    such a name is a person of its own, named with the honorific."""
    words = tuple(w.lower() for w in name.split())
    key = " ".join(words)

    def clash(p: _Person) -> bool:
        return gender is not None and p.gender is not None and p.gender != gender

    if key in a.by_name and not clash(a.people[a.by_name[key]]):
        return a.people[a.by_name[key]]
    if key in a.by_name or (gender and f"{key}|{gender}" in a.by_name):
        own = a.by_name.get(f"{key}|{gender}")
        if own is not None:
            return a.people[own]
        return _own_person(a, f"{honorific} {name}".strip(), f"{key}|{gender}")
    full = _expand_name(a, words, char)
    if full is not None and full.lower() != key:
        person = _identify(r, a, full, char)
        if clash(person):
            return _own_person(a, f"{honorific} {name}".strip(), f"{key}|{gender}")
        a.by_name[key] = person.actor_id
        person.aliases.add(name)
        return person
    kb_e = kb_person(r, name)
    if kb_e is not None and gender is not None and kb_e.gender not in (None, gender):
        # "Mrs Blair" is not Tony Blair: the knowledge base's person of that surname is a man
        return _own_person(a, f"{honorific} {name}".strip(), f"{key}|{gender}")
    actor_id = f"person:{slug(name)}"
    if kb_e is not None:
        actor_id = kb_e.actor_id
        if len(words) < 2 or len(kb_e.name.split()) < len(words):
            name = kb_e.name
    person = a.people.get(actor_id) or _Person(actor_id=actor_id, name=name, kb_entry=kb_e,
                                               gender=kb_e.gender if kb_e is not None else None)
    a.people[actor_id] = person
    a.by_name[key] = actor_id
    return person


def _honorific_before(name_toks: list[Token]) -> Token | None:
    """The honorific of a name: its first token, or the word right before it when the tagger left it out of
    the PERSON entity ("Mr" of "Mr Howard")."""
    if not name_toks:
        return None
    first = name_toks[0]
    if first.lower_.rstrip(".") in _MALE_HONORIFICS | _FEMALE_HONORIFICS:
        return first
    if first.i > 0:
        prev = first.doc[first.i - 1]
        if prev.lower_.rstrip(".") in _MALE_HONORIFICS | _FEMALE_HONORIFICS and prev.text[:1].isupper():
            return prev
    return None


def _own_person(a: Article, name: str, key: str) -> _Person:
    """A person known only by honorific and surname, apart from a namesake of the other gender."""
    actor_id = f"person:{slug(name)}"
    person = a.people.get(actor_id) or _Person(actor_id=actor_id, name=name)
    a.people[actor_id] = person
    a.by_name[key] = actor_id
    return person


def _expand_name(a: Article, words: tuple[str, ...], char: int) -> str | None:
    """The full name in this document that ends with ``words`` (nearest before ``char``, else after)."""
    cands = [(c, n) for c, n, w in a.fullnames if len(w) > len(words) and w[-len(words):] == words]
    if not cands:
        # already-known people from earlier documents of the same article
        known = [p.name for p in a.people.values()
                 if tuple(p.name.lower().split())[-len(words):] == words and len(p.name.split()) > len(words)]
        if known:
            return known[-1]
        # a full name that only appears in a later segment of the article (see ActorResolver.prepare)
        later = [n for n, w in a.article_names if len(w) > len(words) and w[-len(words):] == words]
        return later[0] if len(set(later)) == 1 else None
    before = [x for x in cands if x[0] <= char]
    if before:
        return max(before)[1]
    # nobody of that name earlier in this segment: the one an earlier segment named last ("Michael Howard" in
    # the lead, "Mr Howard" in the next paragraph), before a namesake further on ("Australia's PM, John Howard")
    g = gpos(a, char)
    for m in reversed(a.person_log):
        w = tuple(a.people[m.actor_id].name.lower().split())
        if m.pos < g and len(w) > len(words) and w[-len(words):] == words:
            return a.people[m.actor_id].name
    return min(cands)[1]


def kb_person(r: Reading, name: str) -> Entry | None:
    from realpolitik.actors.kb import norm

    entries = [e for e in r.kb.lookup(norm(name)) if e.kind == PERSON]
    words = name.lower().split()
    if not entries and len(words) >= 2:
        # "Akbar Hashemi Rafsanjani" for the KB's "Ali Akbar Hashemi Rafsanjani": all words present
        cands = [e for e in r.kb.surnames.get(norm(words[-1]), [])
                 if set(words) <= set(w for a in e.aliases for w in a.lower().split())]
        if len({e.actor_id for e in cands}) == 1:
            entries = cands[:1]
    if not entries and len(words) == 1:
        # a bare surname: only when every KB person with that surname is of one country
        cands = r.kb.surnames.get(norm(name), [])
        if cands and len({e.country for e in cands}) == 1:
            entries = sorted(cands, key=lambda e: max((p.start or dt.date.min) for p in e.periods)
                             if e.periods else dt.date.min, reverse=True)
    if not entries:
        return None
    if r.date is not None:
        dated = [e for e in entries if any(p.covers(r.date) for p in e.periods if p.start or p.end)]
        if dated:
            return dated[0]
    return entries[0]


def person_ref(r: Reading, a: Article, tok: Token, span: Span) -> ActorRef:
    person = learn_person(r, a, tok) if not already_logged(a, tok) else person_at(r, a, tok)
    name_toks = name_tokens(tok)
    desc = describe_person(r, a, tok, name_toks)
    start = _mention_start(r, a, span, name_toks)
    last = next(t for t in reversed(name_toks) if t.dep_ != "case" or t.i == name_toks[0].i)
    end = last.idx + len(last.text)
    rule = desc.rule or ("learned:name" if len(strip_name(r, name_toks)) > 1 else "learned:surname")
    if person.country_rule and not desc.country:
        rule = f"{rule}+{person.country_rule.removeprefix('title+')}"
    if person.kb_entry is not None and not desc.rule and not person.roles:
        rule = f"kb:{person.kb_entry.source}" + (f"+{r.date_rule}" if r.date_rule else "")
    code, country, sector = person.code, person.country, person.sector
    return make_ref(a, span, start, end, name=person.name, actor_id=person.actor_id, code=code, country=country,
                     sector=sector, kind=PERSON, rule=rule, role=desc.role or person.role,
                     former=desc.former and not holds_kb_office(person) if desc.role else person.former)


def _mention_start(r: Reading, a: Article, span: Span, name_toks: list[Token]) -> int:
    """Where a person's mention starts: the name, with the title words right before it ("Tory leader",
    "Iran's deputy oil minister", "Mr") but not other words the parser hung on it ("Wednesday Mr Blair",
    "stamp duty threshold Gordon Brown")."""
    first = name_toks[0]
    lo, _ = line_bounds(first)
    head = name_toks[-1]
    if head.dep_ == "appos" and head.head.i < first.i and span.start <= head.head.left_edge.i and any(
            m.kind == ROLE and m.covers(head.head.i) for m in scan_phrase(r, a, [head.head])):
        # "Iran's ambassador in London, Ali Reza": the noun phrase the name stands in apposition to
        start = head.head.left_edge
        while start.i < first.i and (start.is_punct or start.dep_ == "det"):
            start = first.doc[start.i + 1]
        if start.i > lo:
            return start.idx
    left = [t for t in span if lo < t.i < first.i]
    if not left:
        return first.idx
    ms = scan_phrase(r, a, left)
    covered = {i for m in ms for i in range(m.i, m.j)}
    roles = {i for m in ms if m.kind == ROLE for i in range(m.i, m.j)}
    markers = r.kb.honorifics | r.kb.former_markers | _OPPOSITION_MARKERS
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


def already_logged(a: Article, tok: Token) -> bool:
    g = gpos(a, tok.idx)
    return any(m.pos == g for m in a.person_log[-50:])


def person_at(r: Reading, a: Article, tok: Token) -> _Person:
    g = gpos(a, tok.idx)
    for pos, aid, *_ in reversed(a.person_log):
        if pos == g:
            return a.people[aid]
    return learn_person(r, a, tok)  # pragma: no cover


def kb_person_ref(r: Reading, a: Article, m: Match, span: Span) -> ActorRef:
    e = m.entry
    code = r.code_of(e)
    country, sector = split_code(code, r.kb.countries.keys())
    doc = span.doc
    return make_ref(a, span, doc[m.i].idx, doc[m.j - 1].idx + len(doc[m.j - 1].text), name=e.name,
                     actor_id=e.actor_id, code=code, country=country, sector=sector, kind=PERSON,
                     rule=f"kb:{e.source}" + (f"+{r.date_rule}" if r.date_rule else ""))


# what phrases.py tells of a subject token: (it is an unnamed person-role subject, the actor it resolves to)
RoleRef = Callable[[Token], "tuple[bool, ActorRef | None]"]


def pronoun_ref(a: Article, tok: Token, role_ref: RoleRef | None = None) -> ActorRef | None:
    """The person a he/she/his/her pronoun stands for: the most prominent compatible person named nearest
    before it. Each candidate (a named mention before the pronoun whose known gender does not contradict it)
    scores its salience (2 main-clause subject or its possessor, 1 other subject, 0 other) minus the number
    of sentences back (a segment boundary counts 3); ties go to a candidate whose known gender matches the
    pronoun's, then to the nearest. A pronoun outside quotation marks does not look at people named inside them
    (""..., Gordon Brown's record is very mixed," he said" is the speaker), unless no one else is named; one
    inside them looks at the people named inside quotation marks in its sentence or the two before, if any
    (the speaker speaks of himself as "I", not "he").
    Besides named mentions, the subjects a narrator's pronoun may continue compete as candidates
    (``_chain``): the subject pronouns before it, as they were resolved, and unnamed person-role subjects
    ("A spokesman for X said ... He added": the spokesman, as ``role_ref`` resolves that phrase — often
    unknown, never the man the spokesman spoke of). A subject pronoun never stands for a name in the clause it
    reports from before it (""Mr Blair's government was bossy," he added": not Blair; ``_fronted_content``).
    The weights are hand-set, not fitted."""
    if tok.lower_ not in _PRONOUNS:
        return None
    g = gpos(a, tok.idx)
    if g in a.chain and tok.dep_ in _SUBJ and not quoted(tok):
        return _chained_ref(a, tok, *a.chain[g][:2])
    _chain(a, tok, role_ref)
    return _resolve_pronoun(a, tok, role_ref)


def _resolve_pronoun(a: Article, tok: Token, role_ref: RoleRef | None) -> ActorRef | None:
    g = gpos(a, tok.idx)
    want = "m" if tok.lower_ in _MALE_PRONOUNS else "f" if tok.lower_ in _FEMALE_PRONOUNS else None
    inside = quoted(tok)
    here = sentence_key(a, tok)
    named = [(m, None) for m in a.person_log
             if m.pos < g and (want is None or a.people[m.actor_id].gender in (None, want))]
    chained = [(m, ref) for pos, (m, ref, gender) in a.chain.items()
               if pos < g and m.sent[0] == here[0] and here[1] - m.sent[1] <= 2
               and (want is None or (gender if not m.actor_id else a.people[m.actor_id].gender) in (None, want))]
    cands = named + ([] if inside else chained)
    if not inside:
        cands = [c for c in cands if not c[0].quoted] or cands
        content = _fronted_content(a, tok)
        cands = [c for c in cands if c[0].pos not in content]
    else:
        speaker = quote_speaker(a, tok, role_ref)
        if speaker is not None:
            # '"He should resign," she said': the speaker speaks of herself as "I", never as "he"/"she"
            cands = [c for c in cands if c[0].actor_id != speaker]
        cands = [c for c in cands if c[0].quoted and c[0].sent[0] == here[0] and here[1] - c[0].sent[1] <= 2] or cands
    if not cands:
        return None

    def score(c: tuple[Logged, ActorRef | None]) -> tuple[int, int, int]:
        m = c[0]
        back = here[1] - m.sent[1] if m.sent[0] == here[0] else 3 + here[1]
        match = want is not None and bool(m.actor_id) and a.people[m.actor_id].gender == want
        return m.salience - back, int(match), m.pos

    best, ref = max(cands, key=score)
    return _chained_ref(a, tok, best, ref)


def _chained_ref(a: Article, tok: Token, m: Logged, ref: ActorRef | None) -> ActorRef | None:
    """The pronoun ``tok`` read as the candidate ``m``: its person, or the ref of an unnamed role subject."""
    start = tok.idx - tok.sent.start_char
    if not m.actor_id:  # an unnamed person-role subject ("the spokesman"): what that phrase resolved to
        if ref is None:
            return None
        return ActorRef(name=ref.name, actor_id=ref.actor_id, code=ref.code, country=ref.country, sector=ref.sector,
                        kind=ref.kind, text=tok.text, start=start, end=start + len(tok.text),
                        rule="pronoun:role-subject", role=ref.role, former=ref.former)
    p = a.people[m.actor_id]
    return ActorRef(name=p.name, actor_id=p.actor_id, code=p.code, country=p.country, sector=p.sector,
                    kind=PERSON, text=tok.text, start=start, end=start + len(tok.text),
                    rule="pronoun:last-subject" if m.salience else "pronoun:last-person", role=p.role,
                    former=p.former)


def _chain(a: Article, tok: Token, role_ref: RoleRef | None) -> None:
    """Note, in reading order, every subject before ``tok`` in its segment that a later pronoun may continue:
    narrator subject pronouns, resolved as such (so that "he ... he" stays one person), and unnamed singular
    person-role subjects ("the spokesman", "a spokesman for Michael Howard"), which a later pronoun may stand
    for. Each is resolved once, with only the entries before it."""
    doc = tok.doc
    done = a.chain_upto.get(a.doc_seq, 0)
    for t in doc[done:tok.i]:
        a.chain_upto[a.doc_seq] = t.i + 1
        if t.dep_ not in _SUBJ or quoted(t):
            continue
        g = gpos(a, t.idx)
        if t.lower_ in _PRONOUNS:
            ref = _resolve_pronoun(a, t, role_ref)
            if ref is not None and ref.kind == PERSON and ref.actor_id in a.people:
                a.chain[g] = (Logged(g, ref.actor_id, salience(t), sentence_key(a, t), False), None, None)
            elif ref is not None:
                a.chain[g] = (Logged(g, "", salience(t), sentence_key(a, t), False), ref, None)
        elif role_ref is not None and t.pos_ == "NOUN" and not already_logged(a, t):
            is_role, ref = role_ref(t)
            if is_role:
                gender = a.people[ref.actor_id].gender if ref is not None and ref.actor_id in a.people else None
                a.chain[g] = (Logged(g, "", salience(t), sentence_key(a, t), False), ref,
                              gender or _own_pronoun_gender(t))


def _own_pronoun_gender(subj: Token) -> str | None:
    """The gender a role subject's own clause gives it: a his/her/himself/herself whose nearest subject up the
    parse is ``subj`` ("The minister will recall his meeting ...": a man)."""
    found = set()
    for x in subj.head.subtree:
        if x.lower_ not in (_MALE_PRONOUNS | _FEMALE_PRONOUNS) - {"he", "she"} or quoted(x):
            continue
        up = x.head
        while up.head.i != up.i and not any(c.dep_ in _SUBJ for c in up.children):
            up = up.head
        if any(c.i == subj.i for c in up.children):
            found.add("m" if x.lower_ in _MALE_PRONOUNS else "f")
    return found.pop() if len(found) == 1 else None


def _fronted_content(a: Article, tok: Token) -> set[int]:
    """Global positions of the words a subject pronoun reports from before it: '"Mr Blair's government was
    bossy," he added', 'Mr Blair has failed, he claimed': the pronoun's verb takes that clause as its
    complement, so the pronoun c-commands a name in it and cannot stand for it (binding theory's Principle C).
    The parser hangs such a clause either as a clausal child of the speech verb before the pronoun, or makes
    the short reporting clause (after a comma or quotation mark) a child of the content's verb. A participle
    clause before the pronoun with no subject of its own ("Asked if Mr Blunkett could return, he replied") is
    the pronoun's too: the names it governs are not the pronoun."""
    if tok.dep_ not in _SUBJ:
        return set()
    verb = tok.head
    region: set[int] = set()
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis") and c.i < tok.i:
            region |= {t.i for t in c.subtree}
        elif c.dep_ == "advcl" and c.i < tok.i and c.tag_ in ("VBN", "VBG") and not any(
                k.dep_ in _SUBJ for k in c.children):
            # "Asked if Mr Blunkett could return, he replied", "After meeting Blair, he said": the pronoun is
            # the participle's own subject, so a name it governs is someone else
            region |= {t.i for t in c.subtree}
    prev = tok.doc[tok.i - 1] if tok.i > tok.sent.start else None
    if (verb.dep_ in ("ccomp", "parataxis") and verb.head.i < tok.i and prev is not None
            and (prev.text == "," or prev.is_quote)):
        region |= {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    return {gpos(a, tok.doc[i].idx) for i in region}


def quote_speaker(a: Article, tok: Token, role_ref: RoleRef | None = None) -> str | None:
    """The actor id of whoever speaks the quotation ``tok`` is in: the person subject of a verb outside the
    quotation marks in the same sentence ('"He should resign," she said'; '..., Ms Smith told reporters'), a
    pronoun subject resolved as a pronoun outside quotes. None when the sentence names no such speaker."""
    for t in tok.sent:
        if t.dep_ not in _SUBJ or quoted(t) or t.head.pos_ not in ("VERB", "AUX") or quoted(t.head):
            continue
        if t.lower_ in _PRONOUNS:
            ref = pronoun_ref(a, t, role_ref)
            if ref is not None:
                return ref.actor_id
            continue
        for tt in (t, *name_tokens(t)):
            g = gpos(a, tt.idx)
            got = next((m.actor_id for m in a.person_log if m.pos == g), None)
            if got is not None:
                return got
    return None


def learn_pronoun_gender(a: Article, tok: Token) -> None:
    """A narrator's he/she whose only possible antecedent in its sentence and the one before is one person of
    unknown gender tells that person's gender ("Jim Barton spoke first. He said ..." makes Barton a man, so a
    later "Mrs Barton" is someone else). Pronouns inside quotation marks and ambiguous ones teach nothing."""
    if tok.lower_ not in _MALE_PRONOUNS | _FEMALE_PRONOUNS or tok.dep_ not in _SUBJ or quoted(tok):
        return
    want = "m" if tok.lower_ in _MALE_PRONOUNS else "f"
    g = gpos(a, tok.idx)
    here = sentence_key(a, tok)
    near = [m for m in a.person_log if m.pos < g and not m.quoted and m.sent[0] == here[0]
            and 0 <= here[1] - m.sent[1] <= 1]
    if len({m.actor_id for m in near}) != 1 or not any(m.salience for m in near):
        return  # two people, or one named only as an object ("the party expelled X. He said ...")
    if not _last_subject_is(a, tok, near[0].actor_id):
        return  # "X criticised the plan. A spokesman said he ...": someone unnamed came between
    p = a.people[near[0].actor_id]
    if p.gender is None:
        p.gender = want


def _last_subject_is(a: Article, tok: Token, actor_id: str) -> bool:
    """The nearest subject before ``tok`` (in its sentence or the one before) is a mention of ``actor_id``."""
    doc = tok.doc
    sent = tok.sent
    lo = sent.start
    if lo > 0:
        lo = doc[lo - 1].sent.start
    for t in reversed(doc[lo:tok.i]):
        if t.dep_ not in _SUBJ:
            continue
        pos = {gpos(a, x.idx) for x in (t, *name_tokens(t))} if t.pos_ == "PROPN" else {gpos(a, t.idx)}
        return any(m.pos in pos and m.actor_id == actor_id for m in a.person_log)
    return False


# Words before a title that make it another office ("the prime minister" is not the deputy prime minister).
_OTHER_OFFICE = frozenset({"deputy", "vice", "assistant", "under", "junior"})


def names_office(title: str, office: str) -> bool:
    """The lower-case ``title`` names the office ``office`` (lower case): its words appear in it as whole
    words, in order, at most two other words between two of them ("the European commissioner" names "European
    Trade Commissioner", "foreign secretary" "Foreign and Commonwealth Secretary"), and no qualifier right
    before them or between them makes it another office ("prime minister" names "prime minister (second
    term)", not "deputy prime minister"; "president" not "vice-president")."""
    want = title.replace("-", " ").split()
    words = office.replace("-", " ").split()
    if not want:
        return False
    for first in (i for i, w in enumerate(words) if w == want[0]):
        at, ok = first, True
        for w in want[1:]:
            nxt = next((k for k in range(at + 1, min(at + 4, len(words))) if words[k] == w), None)
            if nxt is None or any(x in _OTHER_OFFICE and x not in want for x in words[at + 1:nxt]):
                ok = False
                break
            at = nxt
        if ok and not (first and words[first - 1] in _OTHER_OFFICE and words[first - 1] not in want):
            return True
    return False


# Titles news writes for an office whose curated name says it otherwise; read as that name before matching
# offices, so that a shorter ending does not match another office ("Euro MP" is no "Labour MP").
_TITLE_SYNONYMS = (("euro mp", "mep"), ("euro-mp", "mep"), ("member of the european parliament", "mep"))


def _title_synonyms(title: str) -> str:
    for form, name in _TITLE_SYNONYMS:
        title = title.replace(form, name)
    return title


def _periods_of_role(e: Entry, role: str, whole: bool = False) -> list:
    """The dated periods of a curated person's offices whose name contains the title the text gives
    ("Home Secretary" of Charles Clarke's three offices). Curated records list their named offices first,
    in order, so ``roles[i]`` names ``periods[i]``; other sources give no such order (empty list). ``whole``:
    the title's words all belong to the office's name (else its longest ending that does)."""
    if e.source != "people" or len(e.roles) > len(e.periods):
        return []
    words = _title_synonyms(role.lower()).split()
    shadow = "shadow" in words
    core = [w for w in words if w != "shadow"]
    for k in range(1 if whole else len(core)):  # the longest ending that names an office ("Conservative chancellor")
        want = " ".join(core[k:])
        hits = [e.periods[i] for i, name in enumerate(e.roles)
                if names_office(want, name.lower()) and shadow == ("shadow" in name.lower())]
        if hits:
            return hits
    return []


def _definite_office_holders(r: Reading, docs: list[Doc], seen: set[tuple[str, str]]) -> list:
    """Era evidence from a bare definite title near a name: "Gordon Brown is to freeze petrol duty ... The
    chancellor also hailed ..." puts the article in a period in which the nearest person named before it
    (else the first named after it: "The lord chancellor hinted ... Lord Falconer said") held an office of
    that title, by the curated offices of the knowledge base. Plural, possessed or shadow titles are left
    alone: they name someone else as often as not; so is a title that more than one person the article names
    has held (it dates the article to neither)."""
    people: list[tuple[int, int, Entry]] = []  # (segment, token, KB person) in reading order
    titles: list[tuple[int, int, str]] = []
    for k, doc in enumerate(docs):
        if not doc.has_annotation("DEP"):
            continue
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                name = name_text(strip_name(r, name_tokens(ent[-1])))
                e = kb_person(r, name) if name else None
                if e is not None:
                    people.append((k, ent.start, e))
        for tok in doc:
            if tok.tag_ not in ("NN", "NNP") or tok.ent_type_:  # singular; "the lord chancellor" is often NNP
                continue
            kids = list(tok.children)
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
                    c.dep_ in ("poss", "nmod", "prep") for c in kids):
                continue
            words = [c for c in kids if c.dep_ in ("compound", "amod") and c.i < tok.i] + [tok]
            if words[0].i != tok.i - len(words) + 1 or not any(
                    m.kind == ROLE and m.entry.title and m.covers(tok.i) for m in scan(r.kb, words)):
                continue
            titles.append((k, tok.i, " ".join(w.lower_ for w in words)))
    out = []
    for k, i, title in titles:
        before = [e for kk, ii, e in people if (kk, ii) < (k, i)]
        after = [e for kk, ii, e in people if (kk, ii) > (k, i)]
        if len({e.actor_id for e in before + after if _periods_of_role(e, title, whole=True)}) > 1:
            continue  # "the feud between Tony Blair and Gordon Brown ... the prime minister": both held it
        for e in [*reversed(before), *after]:
            periods = _periods_of_role(e, title, whole=True)
            if periods:
                if (e.actor_id, title) not in seen:
                    seen.add((e.actor_id, title))
                    out.append((e.name, f"the {title}",
                                [(p.start or dt.date.min, p.end or dt.date.max) for p in periods]))
                break
    return out


# An era window with no end ("still in office") is read this far from its start.
_OPEN_ERA = dt.timedelta(days=2 * 365)


def article_era(r: Reading, docs: list[Doc]) -> tuple[dt.date, str, tuple[dt.date, dt.date]] | None:
    """When an undated article was written, from the offices its people hold in it: each knowledge-base
    person named with a present title ("Home Secretary Charles Clarke", "Prime Minister Tony Blair") puts the
    article inside the dated periods in which the KB gives that person that country and sector. The day most
    such people agree on (the middle of their common window), the evidence ("era:2005-06-09:Tony
    Blair=Prime Minister+Charles Clarke=Home Secretary") and the window itself, within which the article may
    be of any day (``Reading.code_of`` asserts only the codes that hold over all of it); None when no titled
    KB person is named. Titles
    whose sector depends on the date ("Labour leader": the party's status) are not evidence of it."""
    scratch = Article()  # estimating reads the text; the article's own record starts clean after
    for doc in docs:
        count_countries(r, scratch, doc)
    found: list[tuple[str, str, list[tuple[dt.date, dt.date]]]] = []
    seen: set[tuple[str, str]] = set()
    for doc in docs:
        if not doc.has_annotation("DEP"):
            continue
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            head = ent[-1]
            while head.dep_ == "case" and head.i > ent.start:
                head = doc[head.i - 1]
            toks = name_tokens(head)
            name = name_text(strip_name(r, toks))
            e = kb_person(r, name) if name else None
            if e is None:
                continue
            desc = describe_person(r, scratch, head, toks)
            if not desc.role or desc.former or desc.inherited or desc.sector is None or desc.igo_code:
                continue
            code = f"{desc.country or e.country or ''}{desc.sector}"
            periods = [p for p in e.periods if (p.start or p.end) and p.code == code]
            named = _periods_of_role(e, desc.role)
            if e.source == "people" and not named:
                continue  # a curated person's title that names none of their offices ("MEP" of a UKIP MEP
                # filed as GBROPP) says nothing of when: matching the sector alone would pick another office
            # a curated office the title names dates the article whatever sector the title word has alone
            # ("MEP" is LEG; the curated UKIP MEP of 2004 is GBROPP)
            spans = [(p.start or dt.date.min, p.end or dt.date.max) for p in (named or periods)
                     if p.code == code or (named and p.code.startswith(desc.country or e.country or ""))]
            if not spans or (e.actor_id, code) in seen:
                continue
            seen.add((e.actor_id, code))
            found.append((e.name, desc.role, spans))
    found.extend(_definite_office_holders(r, docs, seen))
    if not found:
        return None
    best: tuple[int, dt.date, dt.date, list[int]] | None = None
    for day in sorted({s for _, _, spans in found for s, _ in spans if s != dt.date.min}):
        support = [k for k, (_, _, spans) in enumerate(found) if any(s <= day <= e for s, e in spans)]
        lo = max(s for k in support for s, e in found[k][2] if s <= day <= e)
        hi = min(e for k in support for s, e in found[k][2] if s <= day <= e)
        if best is None or len(support) > best[0]:
            best = (len(support), lo, hi, support)
    if best is None:
        return None
    _, lo, hi, support = best
    if hi == dt.date.max:
        hi = lo + _OPEN_ERA
    day = lo + (hi - lo) / 2
    who = "+".join(f"{found[k][0]}={found[k][1]}" for k in support[:3])
    return day, f"era:{day.isoformat()}:{who}", (lo, hi)
