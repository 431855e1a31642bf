"""The article around a phrase: the KB scan with names read by country ("Labour"), the article's domestic
country and the country near a token, the party last mentioned, positions, and the ActorRef builder
(functions of a ``Reading`` and the ``Article`` record)."""
from __future__ import annotations


from spacy.tokens import Doc, Span, Token

from realpolitik.actors.kb import (
    ANCHOR_KINDS,
    FACTION,
    INSTITUTION,
    PERSON,
    ROLE,
    Entry,
    norm,
    slug,
)
from realpolitik.actors.phrase import locative
from realpolitik.actors.scan import Match, doc_text, scan
from realpolitik.actors.state import (
    DOMINANCE,
    _STATE_KINDS,
    Article,
    Reading,
)
from realpolitik.records import Actor, ActorRef


def scan_phrase(r: Reading, a: Article, toks: list[Token]) -> list[Match]:
    """``scan`` plus the names that denote different actors in different countries ("Labour",
    "Liberals", "Congress"): read by the country the phrase names, else the article's domestic country;
    and the acronyms the article itself defines ("Ceylon Petroleum Corp (CPC)": its CPC is that body)."""
    ms = scan(r.kb, toks)
    if toks and a.acronyms:
        ms = _article_acronyms(a, toks, ms)
    if not toks or not r.kb.needs_country:
        return ms
    return _country_readings(r, a, toks, ms)


# Words inside a name that its acronym skips ("Communist Party of China (CPC)", "Bank of England (BoE)").
_ACRONYM_SKIP = frozenset({"of", "and", "for", "the", "de", "du", "des", "la", "le", "&", "-"})


def define_acronyms(r: Reading, a: Article, doc: Doc) -> None:
    """Note the acronyms a segment defines, "Name Of Body (NOB)": the initials of the capitalised words
    right before the parenthesis spell it. In that article the acronym is that body, whatever the knowledge
    base files under it (CPC is the Communist Party of China; in a story that writes "Ceylon Petroleum Corp
    (CPC)" it is the Sri Lankan oil company). The body is the knowledge base's entry when its whole name is
    one, else a named institution of the country its name starts with ("Iraq National Oil Co (INOC)"), else
    an unplaced one — never the actor the acronym denotes elsewhere."""
    for t in doc:
        if t.text != "(" or t.i + 2 >= len(doc) or doc[t.i + 2].text != ")":
            continue
        acro = doc[t.i + 1].text
        if not (2 <= len(acro) <= 6 and acro.isalpha() and sum(c.isupper() for c in acro) >= 2) or acro in a.acronyms:
            continue
        name = _acronym_name(doc, t.i, acro)
        if name and not _spelled_as_known(r, acro, name):
            a.acronyms[acro] = _acronym_entry(r, a, name)


def _spelled_as_known(r: Reading, acro: str, name: list[Token]) -> bool:
    """The knowledge base's body of that acronym shares a word of the name: another spelling of the same
    body ("Organization of Petroleum Exporting Countries (OPEC)"), which the knowledge base reads best."""
    known = [e for e in (*r.kb.lookup_exact(acro), *r.kb.lookup(norm(acro))) if e.kind in ANCHOR_KINDS]
    words = {w.lower_ for w in name if len(w.text) >= 4 and w.lower_ not in _ACRONYM_SKIP}
    return any(words & {w for n in (e.name, *e.aliases) for w in norm(n).split()} for e in known)


def _acronym_name(doc: Doc, paren: int, acro: str) -> list[Token]:
    """The tokens of the name before ``paren`` whose capitalised words' initials spell ``acro``, or []."""
    letters = [c for c in acro.upper()]
    toks: list[Token] = []
    k = paren - 1
    while k >= 0 and letters:
        w = doc[k]
        if w.lower_ in _ACRONYM_SKIP and toks:
            toks.insert(0, w)
        elif w.text[:1].isupper() and w.is_alpha and w.text[0].upper() == letters[-1]:
            toks.insert(0, w)
            letters.pop()
        else:
            return []
        k -= 1
    while toks and toks[0].lower_ in _ACRONYM_SKIP:
        toks.pop(0)
    return toks if not letters and len(toks) >= 2 else []


def _acronym_entry(r: Reading, a: Article, name: list[Token]) -> Entry:
    ms = scan_phrase(r, a, name)
    first = next((m for m in ms if m.i == name[0].i and m.kind in _STATE_KINDS and m.entry.country), None)
    start = first.j if first is not None and first.j <= name[-1].i else name[0].i
    whole = next((m for m in ms if m.i in (name[0].i, start) and m.j == name[-1].i + 1 and m.kind in ANCHOR_KINDS),
                 None)
    if whole is not None:
        return whole.entry  # the name is one the knowledge base (or its country's reading) knows
    doc = name[0].doc
    text = doc_text(doc)[name[0].idx: name[-1].idx + len(name[-1].text)]
    country = first.entry.country if first is not None else None
    # the sector of the name's head noun ("Sri Lanka Freedom Party" PTY), not of a word inside it ("National")
    head = next((m for m in ms if m.kind == ROLE and m.j == name[-1].i + 1), None)
    sector = head.entry.sector if head is not None and head.entry.sector != "inherit" else None
    key = f"{country or ''}:{norm(text)}"
    e = a.unplaced.get(key)
    if e is None:
        e = a.unplaced[key] = Entry(actor_id=f"inst:{country}:{slug(text)}" if country else f"unplaced:{slug(text)}",
                                    name=text, kind=INSTITUTION, country=country, sector=sector,
                                    code=f"{country or ''}{sector or ''}")
    return e


def _article_acronyms(a: Article, toks: list[Token], ms: list[Match]) -> list[Match]:
    """``ms`` with each one-token match of an article-defined acronym replaced by the article's body, and
    that body added where the knowledge base does not know the acronym and the name places it."""
    out = []
    covered = set()
    for m in ms:
        t = toks[0].doc[m.i]
        if m.j - m.i == 1 and t.text in a.acronyms:
            m = Match(m.i, m.j, (a.acronyms[t.text],), m.plural)
        out.append(m)
        covered.update(range(m.i, m.j))
    for t in toks:
        if t.i not in covered and t.text in a.acronyms and a.acronyms[t.text].country:
            # a body the knowledge base does not know, placed by its name ("Iraq National Oil Co (INOC)")
            out.append(Match(t.i, t.i + 1, (a.acronyms[t.text],)))
    return sorted(out, key=lambda m: m.i)


def _country_readings(r: Reading, a: Article, toks: list[Token], ms: list[Match]) -> list[Match]:
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
            if key in r.kb.needs_country:
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
        country = own or context_country(a, min_count=2)
        entry = r.kb.country_reading(key, country)
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
            named = _named_country(r, toks[0].doc, i)
            words = text[run[0].idx: run[-1].idx + len(run[-1].text)]
            if named is not None:
                # "the Sri Lanka Freedom Party", "the Nigerian Labour Congress": a body of the country its
                # own name gives, though not one of the readings the knowledge base lists
                entry = _named_entry(r, a, key, words, named)
                rule = f"country-in-name:{named}"
            else:
                entry = _unplaced_entry(r, a, key, words)
        out = [m for m in out if not (m.i < j and i < m.j)] + [Match(i, j, (entry,), run[-1].tag_ in ("NNS", "NNPS"),
                                                                     rule)]
        k += len(run)
    return sorted(out, key=lambda m: m.i)


def _named_country(r: Reading, doc: Doc, i: int) -> str | None:
    """The country a state, demonym or region right before token ``i`` names, as part of one name ("Sri
    Lanka" in "Sri Lanka Freedom Party"), else None."""
    ms = scan(r.kb, list(doc[max(0, i - 4):i])) if i > 0 and not doc[i].is_sent_start else []
    m = next((m for m in ms if m.j == i and m.kind in _STATE_KINDS and m.entry.country), None)
    return m.entry.country if m is not None else None


def _named_entry(r: Reading, a: Article, key: str, text: str, country: str) -> Entry:
    """A body of ``country`` with a name the knowledge base lists only for other countries."""
    k = f"{country}:{key}"
    e = a.unplaced.get(k)
    if e is None:
        sectors = {c.sector for c in r.kb.needs_country[key]}
        sector = sectors.pop() if len(sectors) == 1 else None
        e = a.unplaced[k] = Entry(actor_id=f"inst:{country}:{slug(key)}", name=text, kind=INSTITUTION,
                                  country=country, sector=sector, code=f"{country}{sector or ''}")
    return e


def _unplaced_entry(r: Reading, a: Article, key: str, text: str) -> Entry:
    """A party (or other body) whose name needs a country the text does not give: named, unplaced."""
    e = a.unplaced.get(key)
    if e is None:
        cands = r.kb.needs_country[key]
        sectors = {c.sector for c in cands}
        e = a.unplaced[key] = Entry(actor_id=f"unplaced:{slug(key)}", name=text, kind=INSTITUTION,
                                        sector=sectors.pop() if len(sectors) == 1 else None, code="")
    return e


def nearby_country(r: Reading, a: Article, tok: Token, domestic: bool = True) -> tuple[str | None, str]:
    """The country a bare collective or title at ``tok`` most plausibly belongs to, with its evidence:
    the article's domestic country ("doc-country"; not with ``domestic=False``); else the only country its own
    sentence names ("sentence-country": "the Saudi interior ministry announced that the men had been
    executed"); else the only country the sentence before names ("previous-sentence-country"); else (None, "")."""
    if tok.doc.has_annotation("DEP"):
        spoken = speaker_of_state(r, tok)
        if spoken is not None:
            return spoken, "speaker-of"
    ctx = context_country(a, min_count=2) if domestic else None
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
                ms = [m for m in scan(r.kb, list(p.subtree)) if m.kind in _STATE_KINDS and m.entry.country]
                if p.dep_ == "pobj" and ms:
                    return ms[0].entry.country, "sentence-place"
    one = _sentence_country(r, a, sent, clause_verb(tok))
    if one is not None:
        return one, "sentence-country"
    if sent.start > 0:
        prev = tok.doc[sent.start - 1].sent
        one = _sentence_country(r, a, prev)
        if one is not None:
            return one, "previous-sentence-country"
    return None, ""


# Verbs of saying whose subject speaks for the state of the content clause ("Japan will retaliate, a senior
# official said").
_SPEECH_VERBS = frozenset({"say", "tell", "add", "announce", "state", "confirm", "insist", "warn"})


def speaker_of_state(r: Reading, tok: Token) -> str | None:
    """The state a speaker with no country of its own speaks for, when the sentence puts the state's act
    before the speaker, wire style: "Japan warned the United States it may retaliate, a senior government
    official said" (JPN); "Tehran will not give in, an official told reporters". The content clause's
    subject must name exactly one country (a state, its capital or its government). None otherwise: a
    speaker before the clause ("A spokesman said Syria had refused") may be anyone's."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.lemma_.lower() not in _SPEECH_VERBS:
        return None
    verb = tok.head
    for c in verb.children:
        if c.dep_ not in ("ccomp", "parataxis") or c.i > tok.i or c.i > verb.i:
            continue
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        toks = list(subj.subtree)
        ms = [m for m in scan(r.kb, toks) if m.kind in _STATE_KINDS and m.entry.country
              and not not_a_mention(r, tok.doc, m)]
        countries = {m.entry.country for m in ms}
        if len(countries) == 1 and any(m.covers(subj.i) or m.j <= subj.i for m in ms):
            return countries.pop()
    return None


def clause_verb(tok: Token) -> Token:
    """The verb of the clause ``tok`` is in (its nearest verb ancestor, else the sentence root)."""
    cur = tok
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return cur


def _sentence_country(r: Reading, a: Article, sent: Span, verb: Token | None = None) -> str | None:
    """The one country a sentence names (places, demonyms, institutions, known people), else None. A place
    something else happens in is no evidence of whose an actor is: a place named as the object of in/at/near
    counts only in the clause of ``verb`` ("Rebels attacked the convoy near Kandahar"), not in another one
    ("X told reporters that talks would reopen in New York"); with no ``verb`` (the previous sentence), not
    at all."""
    key = (id(sent.doc), sent.start, verb.i if verb is not None else -1)
    hit = a.sent_country.get(key, False)
    if hit is False:
        doc = sent.doc
        found = {m.entry.country for m in scan(r.kb, list(sent))
                 if m.entry.country and m.kind in ANCHOR_KINDS and not not_a_mention(r, doc, m)
                 and not (m.kind in _STATE_KINDS and locative(doc[m.j - 1])
                          and (verb is None or clause_verb(doc[m.j - 1]).i != verb.i))}
        hit = a.sent_country[key] = found.pop() if len(found) == 1 else None
    return hit


def last_party(a: Article, before: int) -> Entry | None:
    """The party last mentioned before ``before`` (a global position): "the party" refers to it."""
    for pos, e in reversed(a.party_log):
        if pos < before:
            return e
    return None


def count_countries(r: Reading, a: Article, doc: Doc, docs: list[Doc] | tuple[Doc, ...] = ()) -> None:
    """Count the countries a parsed segment names (places, demonyms, institutions, parties, known people):
    the evidence for the article's domestic country. Each segment is counted once, before it is read.
    A knowledge-base person's surname is no evidence when the article names someone else by it ("Nova
    chairman Bob Blair ... Blair said" is not Tony Blair): ``docs`` are all the article's segments."""
    if any(d is doc for d in a.counted):
        return
    a.counted.append(doc)
    define_acronyms(r, a, doc)
    others: dict[str, set[str]] | None = None
    ms = scan(r.kb, list(doc))
    for m in (_article_acronyms(a, list(doc), ms) if a.acronyms else ms):
        if m.entry.country and m.kind in ANCHOR_KINDS and not not_a_mention(r, doc, m):
            if m.kind == PERSON and m.j - m.i == 1:
                if others is None:
                    others = name_bearers(r, (*docs, doc) if docs else (doc,))
                if any(e is not m.entry for e in others.get(doc[m.i].lower_, ())) or \
                        _extra_given_name(r, doc, m):
                    continue
            a.countries[m.entry.country] += 1


def name_bearers(r: Reading, docs) -> dict[str, set]:
    """Surname -> who the article names by a given name and that surname ("Bob Blair" -> an unknown person,
    "Tony Blair" -> the KB entry): a KB person's bare surname counts for them only when nobody else bears it."""
    out: dict[str, set] = {}
    unknown = object()
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            toks = [t for t in ent if t.is_alpha]
            if len(toks) < 2 or toks[-2].lower_ in r.kb.honorifics or _is_role(r, toks[-2]):
                continue
            pair = norm(f"{toks[-2].text} {toks[-1].text}")
            hits = [e for e in r.kb.lookup(pair) if e.kind == PERSON]
            out.setdefault(toks[-1].lower_, set()).update(hits or [unknown])
    return out


def _is_role(r: Reading, tok: Token) -> bool:
    return any(e.kind == ROLE for e in r.kb.lookup(norm(tok.text)))


def _extra_given_name(r: Reading, doc: Doc, m: Match) -> bool:
    """The KB surname at ``m`` follows a capitalised word that is no title, honorific or known name: the
    name is someone else's full name ("Bob Blair" where the KB knows only "Blair" as Tony Blair)."""
    if m.i == 0:
        return False
    prev = doc[m.i - 1]
    return (prev.is_alpha and prev.text[:1].isupper() and not prev.is_sent_start and prev.pos_ == "PROPN"
            and prev.lower_ not in r.kb.honorifics and not r.kb.lookup(norm(prev.text)))


# Currency nouns and amount words: "U.S. dollars", "two billion U.S. Dlrs", "the Taiwan dollar" name money,
# not the country (a story about Taiwan's reserves is not domestic US news).
_CURRENCY = frozenset({"dollar", "dollars", "dlr", "dlrs", "yen", "pound", "pounds", "sterling", "mark", "marks",
                       "franc", "francs", "lira", "lire", "peso", "pesos", "rupee", "rupees", "rouble", "roubles",
                       "ruble", "rubles", "yuan", "won", "euro", "euros", "guilder", "guilders", "crown", "crowns",
                       "cents", "cent", "currency", "bonds", "treasuries", "treasury"})
_AMOUNT = frozenset({"billion", "bln", "million", "mln", "trillion", "thousand", "hundred"})


def currency_name(doc: Doc, m: Match) -> bool:
    """True when the country name at ``m`` names a currency or an amount of it ("U.S. dollars", "53 billion
    U.S." at a line end, "the Taiwan dollar"); "28 Chilean officials" is not one."""
    after = doc[m.j] if m.j < len(doc) else None
    before = doc[m.i - 1] if m.i > 0 else None
    return (after is not None and after.lower_ in _CURRENCY) or (before is not None and before.lower_ in _AMOUNT)


def personal_name_part(r: Reading, doc: Doc, m: Match) -> bool:
    """True when the place name at ``m`` is part of a person's name: right after an honorific ("Mr
    Wellington", "Ms Paris"), or inside a PERSON entity next to a capitalised word the knowledge base does
    not know, a given name or surname ("Bob Wellington", "Michael Jordan", "Kevin Paris")."""
    if m.kind not in _STATE_KINDS:
        return False
    if m.i > 0:
        prev = doc[m.i - 1]
        if prev.text[:1].isupper() and prev.lower_.rstrip(".") in r.kb.honorifics and prev.lower_ not in (
                "his", "her"):
            return True
    if any(doc[k].ent_type_ != "PERSON" or doc[k].pos_ != "PROPN" for k in range(m.i, m.j)):
        return False  # "Bosnian Serbs" (one entity to the tagger) is a people, not a name
    for k, joined in ((m.i - 1, m.i), (m.j, m.j)):  # the neighbour, and the token that says it is one entity
        if not (0 <= k < len(doc)) or doc[joined].ent_iob_ != "I":
            continue
        t = doc[k]
        if t.is_alpha and t.text[:1].isupper() and t.pos_ == "PROPN" and not t.is_stop \
                and t.lower_ not in r.kb.honorifics and not scan(r.kb, [t]):
            return True
    return False


def not_a_mention(r: Reading, doc: Doc, m: Match) -> bool:
    """A country name that names no actor: money ("U.S. dollars") or part of a person's name ("Bob
    Wellington")."""
    return currency_name(doc, m) or personal_name_part(r, doc, m)


def gpos(a: Article, char: int, seq: int | None = None) -> int:
    """A position in the whole article: character ``char`` of the segment numbered ``seq`` (default: the
    current one)."""
    return (a.doc_seq if seq is None else seq) * 10_000_000 + char


def token_pos(a: Article, tok: Token) -> int | None:
    """Where ``tok`` stands in the article, by its own segment's number, not the current one's (a body logged
    in an earlier segment is read again when a later "the company" refers to it, and must only look further
    back from where it stands); None for a segment no longer remembered."""
    if tok.doc is a.doc:
        return gpos(a, tok.idx)
    seq = next((s for d, s, *_ in a.seen if d is tok.doc), None)
    return None if seq is None else gpos(a, tok.idx, seq)


def make_ref(a: Article, span: Span, start: int, end: int, **kw) -> ActorRef:
    if kw.get("actor_id", "").startswith("office:") and kw["actor_id"] not in a.offices:
        a.offices[kw["actor_id"]] = Actor(actor_id=kw["actor_id"], name=kw["name"], code=kw["code"],
                                              country=kw["country"], sector=kw["sector"], kind=PERSON,
                                              roles=(kw.get("role") or "",))
    base = span.sent.start_char
    return ActorRef(text=doc_text(span.doc)[start:end], start=start - base, end=end - base, **kw)


def sole_country(a: Article, min_count: int = 2) -> str | None:
    """The article's only country: every country mention (at least ``min_count``) names it; else None. The
    evidence a title of companies as much as states needs ("chairman X" in a story naming Canada alone)."""
    counts = a.countries or a.doc_countries
    if len(counts) == 1:
        iso, n = next(iter(counts.items()))
        return iso if n >= min_count else None
    return None


def context_country(a: Article, min_count: int = 1) -> str | None:
    """The article's domestic country: the most mentioned country (places, demonyms, institutions, parties,
    known people of the article so far) when it has at least ``min_count`` mentions and DOMINANCE times
    as many as any other country; else None (a story about two countries has no domestic country)."""
    for counts in (a.countries, a.doc_countries):
        if counts:
            top = counts.most_common(2)
            iso, n = top[0]
            second = top[1][1] if len(top) > 1 else 0
            return iso if n >= min_count and n >= DOMINANCE * second else None
    return None
