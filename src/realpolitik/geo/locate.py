"""Where an event happened (GDELT ActionGeo) and where its actors are (Actor1Geo/Actor2Geo).

Rules, strongest first; each location says which one decided it (``Location.rule``):

- ``prep:in`` / ``prep:at`` / ``prep:near`` ...: a locative phrase on the trigger or its clause
  ("met ... in Ufa, Russia", "talks at the University of Tehran", "clashes near Aleppo");
- ``visit:to`` / ``visit:object``: a visit's destination ("Shoigu's visit to Tehran", "Putin visited Tehran");
  ``visit:target-country`` when the destination is a state ("Rouhani visited Russia");
  ``host:source-country`` for a host ("Iran hosted the talks");
- ``clause:in`` ...: a locative phrase elsewhere in the sentence (a parse that hung it on another word);
- ``caption:place``: a place named in a photo caption (captions name where the picture was taken);
- ``dateline``: the article's dateline ("MOSCOW, July 9 (Reuters) -") for statements and other verbal acts
  with no place of their own (they were made where the reporter was);
- ``target-country``: for attacks, fights and coercion with no place named, the target state's territory.

A suffix says how an ambiguous name was settled: ``+qualified`` ("Paris, Texas"), ``+sentence`` (a
country of the sentence's actors), ``+document`` (a country of the article), ``+prominence`` (the biggest).
"""
from __future__ import annotations

import weakref

import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Sequence

from spacy.tokens import Doc, Span, Token

from realpolitik.geo.gazetteer import ADMIN1, AREA, CITY, COUNTRY, SITE, Gazetteer, Place, load_gazetteer
from realpolitik.records import ActorRef, CodedSentence, Event, Location, Segment

PLACE_LABELS = {"GPE", "LOC", "FAC"}
SITE_LABELS = {"FAC", "ORG"}
LOCATIVE = {"in": "in", "at": "at", "near": "near", "outside": "near", "inside": "in", "across": "in",
            "throughout": "in", "around": "near", "within": "in", "into": "in", "on": "on", "off": "near"}
DESTINATION = {"to": "to"}
VISIT_LEMMAS = {"visit", "trip", "travel", "tour", "arrive", "fly", "journey", "stay", "stop", "come", "go"}
SITE_NOUNS = {"university", "airport", "embassy", "consulate", "palace", "hotel", "hospital", "mosque", "church",
              "base", "port", "square", "stadium", "camp", "prison", "parliament", "headquarters", "plant",
              "reactor", "facility", "complex", "refinery", "school", "college", "institute", "museum",
              "centre", "center", "building", "hall", "station", "compound", "mausoleum", "shrine", "temple"}
# CAMEO roots whose acts take place where the reporter is when nothing else says: statements, appeals,
# intents, consultations, praise and criticism, demands, threats, protests (the verbal quads).
VERBAL_ROOTS = {"01", "02", "03", "04", "05", "09", "10", "11", "12", "13", "14"}
# Roots whose acts happen on the target's territory when no place is named: coercion, assault, fight, mass violence.
ON_TARGET_ROOTS = {"17", "18", "19", "20"}
REGION_NOUNS = {"region", "province", "governorate", "oblast", "state", "district", "prefecture"}
DWARFED = 0.15  # a city under 15% of the size of a namesake gets no context bonus (hand-set)
# "withdrew from Homs": where a withdrawal or retreat took place
FROM_LEMMAS = {"withdraw", "retreat", "pull", "evacuate", "flee", "expel", "oust", "drive"}
_REGION_SUFFIX = re.compile(r"\s+(" + "|".join(sorted(REGION_NOUNS)) + r")$", re.I)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z.'\- ]{2,}?(?:,\s*[A-Z][A-Za-z.'\- ]+?)?)\s*"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.? \d{1,2}\b)|\((?:Reuters|AP|AFP|UPI|IRNA|TASS|Xinhua|dpa|Bloomberg)\)|\s[-–—])")


@dataclass
class DocContext:
    """What the whole article says about geography: its countries and its dateline."""

    gazetteer: Gazetteer
    countries: Counter = field(default_factory=Counter)  # ISO3 -> mentions (actors and unambiguous places)
    dateline: Location | None = None


@dataclass(frozen=True)
class _PlaceMention:
    start: int  # char offsets in the sentence
    end: int
    text: str
    head: Token  # the token that attaches the mention to the parse
    candidates: tuple[Place, ...]
    qualifier: tuple[Place, ...] = ()  # "Ufa, Russia" -> Russia's candidates
    site: str | None = None  # "University of Tehran" when the place is inside a site's name


def _location(p: Place, text: str, rule: str, site: str | None = None) -> Location:
    kind = SITE if site else p.kind
    precision = {SITE: "city" if site else "city", AREA: "country"}.get(p.kind, p.kind)
    if site and p.kind in (COUNTRY, ADMIN1):
        precision = p.kind
    return Location(name=site or p.name, kind=kind, country=p.country, adm1=p.adm1 if p.kind != COUNTRY else None,
                    adm1_code=p.adm1_code, lat=p.lat, lon=p.lon, precision=precision, rule=rule, text=text,
                    feature_id=p.feature_id)


def _prominence(p: Place, gaz: Gazetteer) -> float:
    if p.kind == COUNTRY:
        return 0.9
    if p.kind == ADMIN1:
        return 0.5
    if p.kind in (SITE, AREA):
        return 0.8
    famous = p.population >= 1_000_000 or (gaz.capital(p.country) or p).feature_id == p.feature_id
    return math.log10(p.population + 10) / 10 + (1.2 if famous else 0.0)


def choose(m: _PlaceMention, sentence_countries: set[str], ctx: DocContext) -> tuple[Place, str] | None:
    """The candidate place a mention most likely means, and how that was settled."""
    cands = list(m.candidates)
    if not cands:
        return None
    how = ""
    if m.qualifier:
        inside = [c for c in cands if any(_within(c, q) for q in m.qualifier)]
        if inside:
            cands, how = inside, "+qualified"
    if len(cands) == 1:
        return cands[0], how
    gaz = ctx.gazetteer
    biggest = max((c.population for c in cands if c.kind == CITY), default=0)
    scored = []
    for i, c in enumerate(cands):
        s = _prominence(c, gaz)
        # context speaks for a reading unless a namesake dwarfs it: American diplomats in Geneva are in
        # Switzerland, not in Geneva, Illinois (a twentieth of its size)
        if c.kind != CITY or c.population >= DWARFED * biggest:
            s += 2.0 if c.country in sentence_countries else 1.0 if ctx.countries.get(c.country) else 0.0
        scored.append((s, -i, c))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    best = scored[0][2]
    if not how and any(c.country != best.country for c in cands):
        how = ("+sentence" if best.country in sentence_countries else
               "+document" if ctx.countries.get(best.country) else "+prominence")
    return best, how


def _within(p: Place, q: Place) -> bool:
    if q.kind == COUNTRY:
        return p.country == q.country and p.kind != COUNTRY
    if q.kind == ADMIN1:
        return p.adm1_code is not None and p.adm1_code == q.adm1_code and p.kind != ADMIN1
    return False


def _span_places(gaz: Gazetteer, text: str) -> tuple[Place, ...]:
    hits = tuple(p for p in gaz.lookup(text) if p.kind != SITE or text[:1].isupper())
    bare = _REGION_SUFFIX.sub("", text)
    if not hits and bare != text:  # "the Donetsk region", "Idlib province": the region of that name
        found = gaz.lookup(bare)
        hits = tuple(p for p in found if p.kind == ADMIN1) or tuple(
            gaz.admin1[p.adm1_code] for p in found if p.kind == CITY and p.adm1_code in gaz.admin1)
    return hits


def _trim(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive: "the Kremlin's" -> "Kremlin"."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end]


_PLACES: "weakref.WeakKeyDictionary[Doc, dict]" = weakref.WeakKeyDictionary()


def place_mentions(sent: Span, gaz: Gazetteer) -> list[_PlaceMention]:
    """Every place named in a sentence: named entities the gazetteer knows, sites with a place in their name
    ("University of Tehran"), and capitalised objects of locative prepositions the tagger missed.
    Found once per sentence (each event and actor of the sentence asks again)."""
    per_doc = _PLACES.setdefault(sent.doc, {})
    key = (sent.start, sent.end, id(gaz))
    if key not in per_doc:
        per_doc[key] = _place_mentions(sent, gaz)
    return per_doc[key]


def _place_mentions(sent: Span, gaz: Gazetteer) -> list[_PlaceMention]:
    out: list[_PlaceMention] = []
    base = sent.start_char
    taken: set[int] = set()
    ents = [e for e in sent.ents if e.label_ in PLACE_LABELS | SITE_LABELS]
    for ent in ents:
        span = _trim(ent)
        if not len(span):
            continue
        nxt = sent.doc[span.end] if span.end < sent.end else None
        if nxt is not None and nxt.lower_ in REGION_NOUNS and span.root.head.i == nxt.i:
            span = sent.doc[span.start: span.end + 1]  # "the Luhansk region": the region, not the city
        cands = _span_places(gaz, span.text)
        site = None
        if ent.label_ in SITE_LABELS and (not cands or any(t.lemma_.lower() in SITE_NOUNS for t in span)):
            inner = _inner_place(span, gaz)
            if inner is None and not (cands and cands[0].kind == SITE):
                continue
            if inner is not None:
                site, cands = span.text, inner
        elif not cands:
            continue
        out.append(_PlaceMention(span.start_char - base, span.end_char - base, span.text, span.root, cands,
                                 site=site))
        taken.update(range(span.start, span.end))
    for tok in sent:  # "in Ufa" with Ufa untagged; "at Donetsk airport"
        if tok.i in taken or tok.dep_ != "pobj" or tok.head.lower_ not in {*LOCATIVE, "to", "from"}:
            continue
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in SITE_NOUNS:
            span = sent.doc[tok.left_edge.i: tok.i + 1]
            inner = _inner_place(span, gaz)
            if inner is not None and not any(t.i in taken for t in span):
                span = _trim(span)
                out.append(_PlaceMention(span.start_char - base, span.end_char - base, span.text, tok, inner,
                                         site=span.text))
                taken.update(range(span.start, span.end))
            continue
        if tok.pos_ != "PROPN" and not (tok.lower_ in REGION_NOUNS and tok.i > sent.start
                                         and sent.doc[tok.i - 1].dep_ == "compound"):
            continue
        left = tok
        while left.i > sent.start and sent.doc[left.i - 1].dep_ == "compound" and sent.doc[left.i - 1].pos_ == "PROPN":
            left = sent.doc[left.i - 1]
        span = sent.doc[left.i : tok.i + 1]
        cands = _span_places(gaz, span.text)
        if cands:
            out.append(_PlaceMention(span.start_char - base, span.end_char - base, span.text, tok, cands))
            taken.update(range(span.start, span.end))
    out.sort(key=lambda m: m.start)
    return _qualify(out, sent)


def _inner_place(span: Span, gaz: Gazetteer) -> tuple[Place, ...] | None:
    """The city or country inside a site's name: "University of Tehran", "Tehran University"."""
    for tok in span:
        if tok.pos_ == "PROPN" and tok.lemma_.lower() not in SITE_NOUNS:
            hits = [p for p in gaz.lookup(tok.text) if p.kind in (CITY, COUNTRY, ADMIN1)]
            if hits:
                return tuple(hits)
    return None


def _qualify(mentions: list[_PlaceMention], sent: Span) -> list[_PlaceMention]:
    """ "Ufa, Russia", "Paris, Texas": a place followed by a comma and a country or region narrows it; the
    qualifier is then no place of its own."""
    out: list[_PlaceMention] = []
    text = sent.text
    i = 0
    while i < len(mentions):
        m = mentions[i]
        if i + 1 < len(mentions):
            n = mentions[i + 1]
            between = text[m.end:n.start]
            big = tuple(c for c in n.candidates if c.kind in (COUNTRY, ADMIN1))
            if between.strip() == "," and big and any(_within(c, q) for c in m.candidates for q in big):
                out.append(replace(m, qualifier=big, end=n.end, text=text[m.start:n.end]))
                i += 2
                continue
        out.append(m)
        i += 1
    return out


def _governing_prep(tok: Token) -> Token | None:
    """The preposition a place noun is the object of (through appositions/conjuncts)."""
    t = tok
    for _ in range(3):
        if t.dep_ == "pobj":
            return t.head
        if t.dep_ in {"appos", "conj", "compound"}:
            t = t.head
            continue
        return None
    return None


def _clause_of(tok: Token) -> set[int]:
    """Tokens of the trigger's own clause: the trigger, its head if it is a light verb's object, and their subtrees."""
    heads = [tok]
    if tok.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj", "attr"} and tok.head.pos_ in {"VERB", "AUX", "ADP"}:
        h = tok.head if tok.dep_ != "pobj" else tok.head.head
        heads.append(h)
    return {t.i for h in heads for t in h.subtree}


def _near_trigger(prep: Token, trig: Token) -> bool:
    """A preposition hung on the trigger, on the light verb it is the object of, or on the trigger's object."""
    h = prep.head
    if h.i == trig.i:
        return True
    if trig.dep_ in {"dobj", "nsubj", "nsubjpass", "attr"} and h.i == trig.head.i:
        return True
    if trig.dep_ == "pobj" and h.i in (trig.head.i, trig.head.head.i):
        return True
    return h.head.i == trig.i and h.dep_ in {"dobj", "pobj", "npadvmod", "prep"}


def _trigger_token(sent: Span, ev: Event) -> Token | None:
    start = sent.start_char + ev.trigger_start
    span = sent.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is not None and len(span) and sent.start <= span[0].i < sent.end:
        return span[0]
    return sent.root if len(sent) else None


def _in_ref(m: _PlaceMention, refs: Sequence[ActorRef | None]) -> bool:
    return any(r is not None and r.start <= m.start and m.end <= r.end for r in refs)


def _visited_alongside(m: _PlaceMention, prep: Token | None, trig: Token) -> bool:
    """A place visited by a verb coordinated with the trigger ("visited Russia and met Putin")."""
    verb = prep.head if prep is not None and prep.lower_ in DESTINATION else m.head.head if m.head.dep_ == "dobj" else None
    if verb is None or verb.i == trig.i or verb.lemma_.lower() not in VISIT_LEMMAS:
        return False
    return (verb.dep_ == "conj" and verb.head.i == trig.i) or (trig.dep_ == "conj" and trig.head.i == verb.i)


def _is_visit(ev: Event, trig: Token) -> bool:
    return ev.cameo.startswith("042") or trig.lemma_.lower() in VISIT_LEMMAS


def locate(sent: Span, event: Event, ctx: DocContext, segment_kind: str = "body",
           mentions: Sequence[ActorRef] = ()) -> Location | None:
    """Where ``event`` (coded from ``sent``) took place, or None when neither the sentence nor the article says."""
    gaz = ctx.gazetteer
    trig = _trigger_token(sent, event)
    places = place_mentions(sent, gaz)
    sides = (event.source, event.target)
    actor_spans = [*sides, *mentions]
    sentence_countries = {r.country for r in actor_spans if r is not None and r.country}

    def pick(m: _PlaceMention, rule: str) -> Location | None:
        got = choose(m, sentence_countries, ctx)
        if got is None:
            return None
        place, how = got
        return _location(place, m.text, rule + how, m.site)

    if trig is not None:
        clause = _clause_of(trig)
        visit = _is_visit(event, trig)
        best: tuple[int, _PlaceMention, str] | None = None
        for m in places:
            prep = _governing_prep(m.head)
            word = prep.lower_ if prep is not None else ""
            if visit and word in DESTINATION and _near_trigger(prep, trig):
                rank, rule = 0, "visit:to"
            elif word == "from" and trig.lemma_.lower() in FROM_LEMMAS and _near_trigger(prep, trig):
                rank, rule = 1, "prep:from"
            elif _visited_alongside(m, prep, trig):
                rank, rule = 1, "visit:alongside"  # "visited Russia and met Putin": the meeting was there
            elif word in LOCATIVE and _near_trigger(prep, trig):
                rank, rule = 1, f"prep:{word}"
            elif word in LOCATIVE and m.head.i in clause and not _in_ref(m, sides):
                rank, rule = 2, f"clause:{word}"
            elif word in LOCATIVE and not _in_ref(m, actor_spans):
                rank, rule = 3, f"sentence:{word}"
            else:
                continue
            if best is None or rank < best[0]:
                best = (rank, m, rule)
        if best is not None:
            loc = pick(best[1], best[2])
            if loc is not None:
                return loc
        if visit and event.target is not None:
            # "Putin visited Tehran": the destination was resolved as the visited actor
            hit = next((m for m in places if event.target.start <= m.start and m.end <= event.target.end), None)
            if hit is not None:
                loc = pick(hit, "visit:object")
                if loc is not None:
                    return loc
            if event.target.country in gaz.countries and event.target.kind in ("state", "institution", "person"):
                return _location(gaz.country_place(event.target.country), event.target.text, "visit:target-country")
        if event.cameo.startswith("043") and event.source is not None and event.source.country in gaz.countries:
            return _location(gaz.country_place(event.source.country), event.source.text, "host:source-country")
    if segment_kind == "caption":
        free = [m for m in places if not _in_ref(m, actor_spans)]
        if free:
            loc = pick(free[0], "caption:place")
            if loc is not None:
                return loc
    if event.source is not None:  # "protesters in Tehran attacked ...": where the doer was
        own = actor_location(sent, event.source, ctx, mentions)
        if own is not None and own.rule.startswith(("actor:prep", "actor:modifier")):
            return replace(own, rule="source-place:" + own.rule.removeprefix("actor:"))
    if ctx.dateline is not None and event.cameo_root in VERBAL_ROOTS:
        return replace(ctx.dateline, rule="dateline")
    if event.cameo_root in ON_TARGET_ROOTS and event.target is not None and event.target.kind == "state" \
            and event.target.country in gaz.countries:
        return _location(gaz.country_place(event.target.country), event.target.text, "target-country")
    return None


def actor_location(sent: Span, ref: ActorRef | None, ctx: DocContext,
                   mentions: Sequence[ActorRef] = ()) -> Location | None:
    """Where an actor is, when the text says: "protesters in Tehran", "Aleppo rebels", "the Kremlin"."""
    if ref is None or ref.start < 0:
        return None
    gaz = ctx.gazetteer
    countries = {r.country for r in (ref, *mentions) if r.country}
    doc = sent.doc
    base = sent.start_char
    toks = [t for t in sent if ref.start <= t.idx - base < ref.end]
    if not toks:
        return None
    head = next((t for t in toks if t.head.i == t.i or not (ref.start <= t.head.idx - base < ref.end)), toks[-1])
    # the mention itself names a place: a capital or seat of government standing for its government
    if ref.rule.startswith(("capital", "metonym")) or ref.kind == "state" and ref.sector == "GOV":
        text = ref.text.removesuffix("'s").removesuffix("’s")
        hits = [p for p in gaz.lookup(text) if p.country == ref.country and p.kind in (CITY, SITE)]
        if hits:
            return _location(hits[0], text, "actor:metonym")
    for m in place_mentions(sent, gaz):
        inside = ref.start <= m.start and m.end <= ref.end
        if inside and m.head.dep_ in {"compound", "amod", "nmod"} and m.head.head.i == head.i:
            got = choose(m, countries, ctx)  # "Aleppo rebels", "Tehran University students"
            if got is not None:
                return _location(got[0], m.text, "actor:modifier" + got[1], m.site)
        prep = _governing_prep(m.head)
        if prep is not None and prep.lower_ in {"in", "from", "of", "at", "inside", "based"} and prep.head.i == head.i:
            got = choose(m, countries, ctx)  # "protesters in Tehran", "rebels from Idlib"
            if got is not None and not (prep.lower_ == "of" and got[0].kind == COUNTRY):
                return _location(got[0], m.text, f"actor:prep:{prep.lower_}" + got[1], m.site)
    del doc
    return None


def dateline(text: str, gaz: Gazetteer) -> Location | None:
    """The place of a wire dateline at the start of an article: "MOSCOW, July 9 (Reuters) -", "BEIRUT, Lebanon (AP) —"."""
    m = _DATELINE.match(text)
    if not m:
        return None
    raw = m["place"].strip(" ,")
    name, _, qual = raw.partition(",")
    cands = [p for p in gaz.lookup(name.strip()) if p.kind in (CITY, COUNTRY, ADMIN1, SITE)]
    if qual.strip():
        q = [p for p in gaz.lookup(qual.strip()) if p.kind in (COUNTRY, ADMIN1)]
        cands = [c for c in cands if any(_within(c, x) for x in q)] or cands
    if not cands:
        return None
    # datelines name cities the world knows: the most populous reading wins
    best = max(cands, key=lambda p: (p.kind == CITY, p.population))
    return _location(best, raw, "dateline")


def document_context(seg_docs: Sequence[Doc], segments: Sequence[Segment], sentences: Sequence[CodedSentence],
                     gaz: Gazetteer | None = None) -> DocContext:
    """The article's countries (actors, and places with a single reading) and its dateline."""
    gaz = gaz or load_gazetteer()
    ctx = DocContext(gaz)
    for cs in sentences:
        for r in cs.mentions:
            if r.country:
                ctx.countries[r.country] += 1
    for d in seg_docs:
        for sent in d.sents:
            for m in place_mentions(sent, gaz):
                countries = {c.country for c in m.candidates}
                if m.qualifier:
                    countries = {c.country for c in m.candidates if any(_within(c, q) for q in m.qualifier)}
                if len(countries) == 1:
                    ctx.countries[next(iter(countries))] += 1
    body = next((s for s in segments if s.kind == "body"), None)
    if body is not None:
        ctx.dateline = dateline(body.text, gaz)
        if ctx.dateline is not None:
            ctx.countries[ctx.dateline.country] += 1
    return ctx


def locate_document(seg_docs: Sequence[Doc], segments: Sequence[Segment], sentences: list[CodedSentence],
                    gaz: Gazetteer | None = None) -> list[CodedSentence]:
    """The coder's output with every event's ``action_geo``, ``source_geo`` and ``target_geo`` filled where
    the text says (the post-step after coding; parsed segments in the order of ``segments``)."""
    gaz = gaz or load_gazetteer()
    ctx = document_context(seg_docs, segments, sentences, gaz)
    pos = {seg.index: i for i, seg in enumerate(segments)}
    spans = {}
    for cs in sentences:
        if not cs.events:
            continue
        si = pos.get(cs.segment_index)
        if si is None:
            continue
        if si not in spans:
            spans[si] = list(seg_docs[si].sents)
        if cs.sentence_index >= len(spans[si]):
            continue
        sent = spans[si][cs.sentence_index]
        kind = segments[si].kind
        cs.events = [replace(ev, action_geo=locate(sent, ev, ctx, kind, cs.mentions),
                             source_geo=actor_location(sent, ev.source, ctx, cs.mentions),
                             target_geo=actor_location(sent, ev.target, ctx, cs.mentions))
                     for ev in cs.events]
    return sentences
