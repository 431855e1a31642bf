"""The event coder: a parsed sentence -> who did what to whom, when, and how sure the text is.

A :class:`Coder` is built once (spaCy pipeline, knowledge base, sentence classifier, config) and codes
documents. Each sentence goes through named steps over one per-sentence record
(:class:`SentenceRecord`), each testable alone with a stub resolver:

1. ``find_triggers``  — lexicon triggers (verbs, event nouns) that can be events;
2. ``find_arguments`` — source/target heads from the parse alone (:mod:`realpolitik.events.roles`);
3. ``resolve``        — heads -> actors through the resolver, with the nearest-mention fallbacks; or,
   with the learned argument model (:mod:`realpolitik.events.arguments`), every candidate phrase of the
   sentence resolved, scored for each trigger (the rules' choice is a feature) and decoded;
3b. ``main_acts``     — the sentence's own act: triggers in relative clauses and noun complements are none;
   background adverbials give way to the governing predicate when that is an event;
3c. ``not_events``    — what is no political event is dropped: market reports and company news (a statement
   about prices, figures or a company's business naming no political actor), commerce between economic
   actors, a medium's plain reports, a trigger whose own subject is no actor
   (:mod:`realpolitik.events.eventhood`); the classifier does not fill a sentence so ruled;
4. ``assign_modality``— negation and modality per trigger (flagged events are never facts);
5. ``assign_dates``   — the event's own date (given the modality: future clauses look forward);
5b. ``reported_speech`` — a statement is coded by what it says (threat, demand, accusation, disapproval);
6. ``build_events``   — one Event per source/target pair (both ways for symmetric acts);
7. ``arbitrate``      — the learned classifier codes what the lexicon missed (with parse evidence only)
                        and orders competing types; it never deletes a rule event;
7b. ``quoted_statement`` — a sentence that runs on a quotation attributed before it (:mod:`.quotes`) and
                        yields no factual event is its speaker's act, coded by what it says (a statement,
                        010, unless it finds fault, praises or prescribes: :mod:`.content`);
8. ``dedupe``         — one event per (code, dyad, flags).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.protocol import Resolver
from realpolitik.errors import RealpolitikError
from realpolitik.events import codebook, triggers
from realpolitik.events.arguments import ArgumentModel, covers, phrase_actor, resolve_candidates
from realpolitik.events.arguments import candidates as candidate_phrases
from realpolitik.events.codebook import CameoCode
from realpolitik.events.content import approving, blamed, content_clause, faulted_owner, faults, lacking, speaker_offended
from realpolitik.events.dates import event_date
from realpolitik.events.eventhood import figure_nouns, market_clause, own_plan, phrase_head, reason, why_not
from realpolitik.events.modality import FACTUAL_KINDS, Modality, governed, modality
from realpolitik.events.quotes import continues_quote, quoted_regions
from realpolitik.geo import gazetteer_for, locate_document
from realpolitik.events.roles import (
    DEFAULT_TARGET_PREPS,
    PLACE_ENTS,
    MODIFIER_DEPS,
    SPEECH_LEMMAS,
    Alternative,
    Arguments,
    arguments,
    asserted_complement,
    conjoined_object,
    agents,
    conjuncts,
    clause_role,
    in_main_clause,
    instrument_content,
    np_span,
    prep_objects,
    reports,
    subjects,
    told_not_to,
)
from realpolitik.records import ActorRef, Coded, CodedSentence, Document, EventDate, Event, Segment

# Modality kinds a lexicon code can absorb (intent, demand codes) so the statement itself is factual.
ABSORBED_KINDS = {"future", "prescriptive"}
UNRESOLVED_KINDS = {"PERSON": "person", "ORG": "group", "NORP": "group"}
MAX_RUN_ON = 6  # sentences a quotation may run on past its attribution and still be that speaker's


@dataclass(frozen=True)
class CoderConfig:
    """Knobs for the coder; defaults are what the CLI uses."""

    code_titles: bool = True  # headlines carry events (one-event-per-happening clustering joins repeats)
    # the classifier's confidence in a cooperation/conflict class needed to code a sentence the lexicon missed
    classifier_fill_p: float = 0.7


# ---------------------------------------------------------------- the per-sentence record


@dataclass
class Candidate:
    """One trigger on its way to becoming events: filled in step by step."""

    match: Any  # triggers.TriggerMatch
    tok: Token
    code: CameoCode
    args: Arguments | None = None
    sources: list[ActorRef] = field(default_factory=list)
    targets: list[ActorRef] = field(default_factory=list)
    rule: str = ""  # structure rule (active, passive, nominal, ... +fallback-source)
    mod: Modality = Modality()
    hypothetical: bool = False
    negated: bool = False
    date: EventDate | None = None
    events: list[Event] = field(default_factory=list)


@dataclass
class SentenceRecord:
    """One sentence being coded: its context, the candidates of the steps, and the events they yield."""

    sent: Span
    sid: str
    doc_id: str
    segment: Segment
    index: int
    anchor: dt.date | None
    prediction: Any = None  # the classifier's SentencePrediction, or None
    mentions: list[ActorRef] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    not_events: list[str] = field(default_factory=list)  # why the not_events step dropped triggers
    quoted_by: ActorRef | None = None  # the speaker of the quotation this sentence runs on (quotes.py)
    speaker: ActorRef | None = None  # who this sentence says speaks (its main statement's source)

    def coded(self) -> CodedSentence:
        out = CodedSentence(self.sid, self.segment.index, self.index, self.sent.text, self.sent.start_char)
        out.mentions = list(self.mentions)
        out.events = list(self.events)
        # the sentence's class is that of its first factual event (0 = statement or no event): the
        # classifier's own sentence class never overrides what the sentence was coded as
        first = next((e for e in self.events if e.factual), None)
        out.quad = sentence_quad(first.cameo_root) if first is not None else 0
        if self.prediction is not None:
            out.quad_prob = float(self.prediction.quad_probs[out.quad])
        return out


# ---------------------------------------------------------------- step 1: triggers


def find_triggers(rec: SentenceRecord, lexicon: triggers.Lexicon | None = None) -> None:
    """Lexicon triggers of the sentence that can be events (not modifiers, characterisations or objects)."""
    matches = [(m, rec.sent.doc[m.head]) for m in triggers.match_sentence(rec.sent, lexicon)]
    heads = {tok.i for _, tok in matches}
    for m, tok in matches:
        if tok.dep_ in MODIFIER_DEPS and tok.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            continue  # "the banned movement", "invasion forces", "visiting King Abdullah": not events
        if conjoined_object(tok, heads):
            continue  # "condemned Iran's interference and the attacks on the missions": what is condemned
        if tok.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"} for c in tok.children):
            continue  # "the rivalry was a cold war", "it is a rupture": a characterisation, not an event
        try:
            code = codebook.cameo("010" if asserted_complement(m, rec.sent.doc) else m.cameo)
        except RealpolitikError:  # a lexicon code missing from the codebook (the tests guard both)
            continue
        rec.candidates.append(Candidate(m, tok, code))


# ---------------------------------------------------------------- step 2: arguments from the parse


def find_arguments(rec: SentenceRecord) -> None:
    for c in rec.candidates:
        c.args = arguments(c.match, c.tok)


# ---------------------------------------------------------------- step 3: resolve


def unresolved_entity(tok: Token) -> ActorRef | None:
    """A named person or organisation the knowledge base cannot place ("Theresa May" with no country in
    the text): still the event's actor, with its country unknown, rather than no event at all."""
    if tok.ent_type_ not in UNRESOLVED_KINDS:
        return None
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is None or not ent.text[:1].isupper():
        return None
    kind = UNRESOLVED_KINDS[ent.label_]
    slug = "-".join(w.lower() for w in ent.text.replace("'s", "").split() if w.isalnum() or "-" in w)
    base = tok.sent.start_char
    return ActorRef(name=ent.text, actor_id=f"unknown:{kind}:{slug}", code="", country=None, sector=None,
                    kind=kind, text=ent.text, start=ent.start_char - base, end=ent.end_char - base,
                    rule=f"unresolved:{ent.label_}")


def resolve_heads(resolver: Resolver, heads: Iterable[Token], used: list[Token] | None = None) -> list[ActorRef]:
    """The actors a group of heads (with their conjuncts) denotes, in order, without repeats; `used`
    collects the token each actor was read from."""
    refs: list[ActorRef] = []
    for head in heads:
        for tok in conjuncts(head):
            for ref, at in head_actors(resolver, tok):
                if all(r.actor_id != ref.actor_id for r in refs):
                    refs.append(ref)
                    if used is not None:
                        used.append(at)
    return refs


def head_actors(resolver: Resolver, tok: Token) -> list[tuple[ActorRef, Token]]:
    """The actors one noun-phrase head names, each with the token it was read from: the phrase itself;
    its apposition when the phrase was only resolved through a possessor ("Tehran's rivals, namely Saudi
    Arabia" is Saudi Arabia, not Iran); each of its coordinated actor modifiers ("US and British
    activists": two sources); the actor of its "of / from / in" phrase ("officials of Iran"); or the
    named person or group the knowledge base cannot place."""
    ref = resolver.resolve(np_span(tok), head=tok)
    if ref is not None and not covers(ref, tok):
        named = [(r, a) for ap in tok.children if ap.dep_ == "appos" for a in conjuncts(ap)
                 if (r := resolver.resolve(np_span(a), head=a)) is not None]
        if named:
            return named
    mods = [m for m in tok.children if m.dep_ in MODIFIER_DEPS and m.i < tok.i and any(
        c.dep_ == "conj" for c in m.children)]
    if mods:
        named = []
        for m in conjuncts(mods[0]):
            ent = next((e for e in tok.doc.ents if e.start <= m.i < e.end), None)
            r = resolver.resolve(ent if ent is not None else tok.doc[m.i:m.i + 1], head=m)
            if r is not None:  # the head's own reading keeps its sector ("British activists": GBR civilians)
                named.append((ref if ref is not None and ref.country and ref.country == r.country else r, m))
        if len(named) >= 2:
            return named
    at = tok
    if ref is None and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
        # "officials of Iran", "leaders from Russia": the actor hangs off a preposition
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "in"}:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        ref, at = resolver.resolve(np_span(pobj), head=pobj), pobj
    if ref is None:
        ref, at = unresolved_entity(tok), tok
    return [(ref, at)] if ref is not None else []


def owner_actors(resolver: Resolver, heads: Iterable[Token], used: list[Token] | None = None) -> list[ActorRef]:
    """The actors that own what the heads name: a possessor ("his policies", "the government's plans") or a
    noun or name modifying the head ("the government plans", "the Labour manifesto"), for heads that name no
    actor themselves. Not an adjective ("the American proposals" is the head's own reading), nor a place
    ("the Iraq war")."""
    refs: list[ActorRef] = []
    for head in heads:
        for tok in conjuncts(head):
            if tok.pos_ not in {"NOUN", "PROPN"} or resolver.resolve(np_span(tok), head=tok) is not None:
                continue
            for m in (c for c in tok.children if c.dep_ == "poss" or (
                    c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"} and c.i < tok.i
                    and c.ent_type_ not in PLACE_ENTS)):  # "the Iraq war" is where, not whose
                ref = resolver.resolve(np_span(m) if m.dep_ == "poss" else tok.doc[m.i:m.i + 1], head=m)
                if ref is not None and all(r.actor_id != ref.actor_id for r in refs):
                    refs.append(ref)
                    if used is not None:
                        used.append(m)
    return refs


def resolve_alternatives(resolver: Resolver, alts: Sequence[Alternative],
                         used: list[Token] | None = None) -> tuple[list[ActorRef], str]:
    """The first alternative that names an actor, with its rule (the first alternative's rule if none does)."""
    for alt in alts:
        refs = resolve_heads(resolver, alt.heads, used)
        if refs:
            return refs, alt.rule
    return [], alts[0].rule if alts else ""


def placed(a: ActorRef) -> bool:
    """An actor we know the country (or organisation code) of, or a body the text names with its sector
    (:func:`named_body`); a name alone is still an actor, not placed."""
    return bool(a.country or a.code) or named_body(a)


def named_body(a: ActorRef) -> bool:
    """A body the text names and gives the sector of, its country unknown (the resolver's unplaced
    institutions: "the Police Federation" COP, "civil rights group Liberty" NGO): an actor of its own, kept
    with its name and sector rather than dropping the event. A person of a bare role ("he" read as some
    government's official, code "GOV") is not one."""
    return a.kind == "institution" and not (a.country or a.code) and bool(a.sector) and bool(a.name)


# Codes that place an actor with no country: international and non-governmental organisations, companies.
ORGANISATION_PREFIXES = ("IGO", "NGO", "MNC")


def speaker_placed(a: ActorRef) -> bool:
    """A speaker whose statement is news: one we know the country or organisation of, or a body named with its
    sector (:func:`named_body`: "the Police Federation said ..."). A bare role ("GOV":
    "he" read as some government's official, country unknown) says nothing of whose words these are."""
    return bool(a.country) or (a.code or "")[:3] in ORGANISATION_PREFIXES or named_body(a)


def _two_people(a: ActorRef, b: ActorRef) -> bool:
    """Two different people: never one side, whatever their country and sector ("Mr Redwood said Mr Blair
    has broken his pledges", both GBR): a person is not his state, nor is one minister another."""
    return a.kind == "person" and b.kind == "person" and a.actor_id != b.actor_id


def _own(t: ActorRef, s: ActorRef) -> bool:
    """Is ``t`` the source ``s`` itself or its own state ("Iran rejected its own plan")? Two placed actors of
    one country, each with its sector, are two sides (a Tory and a Liberal Democrat, both GBR OPP)."""
    return t.actor_id == s.actor_id or (bool(t.country) and t.country == s.country and not (t.sector and s.sector))


def distinct(a: ActorRef, b: ActorRef) -> bool:
    """Two mentions that can be the two sides of an event: not the same actor, nor a state and its own
    government ("Russia" / "the Kremlin"), though a government and its own rebels can be, and two people
    always are."""
    if a.actor_id == b.actor_id:
        return False
    if a.country and a.country == b.country:
        return (bool(a.sector and b.sector and a.sector != b.sector) or _two_people(a, b)
                or _unplaced_person(a, b) or _unplaced_person(b, a))
    return True


def _unplaced_person(p: ActorRef, other: ActorRef) -> bool:
    """A person whose sector the text does not give, facing a body of his country that has one ("Mark
    Serwotka attacked the government", "Labour attacked his policies"): nothing makes him that body, so they
    are two sides (a sectorless person and the bare state, "he said Britain ...", stay one)."""
    return p.kind == "person" and not p.sector and other.kind != "person" and bool(other.sector)


def fallback_actors(sent: Span, tok: Token, mentions: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Nearest actor mention before the trigger as source, nearest after it as target."""
    rel = tok.idx - sent.start_char
    before = [m for m in mentions if m.end <= rel]
    after = [m for m in mentions if m.start > rel]
    src = [before[-1]] if before else []
    tgt = [m for m in after if not src or m.actor_id != src[0].actor_id][:1]
    return src, tgt


def resolve(rec: SentenceRecord, resolver: Resolver, model: ArgumentModel | None = None) -> None:
    """Heads -> actors; a candidate with no source is dropped. With an argument model the model chooses
    (`resolve_by_model`); without one, the rules' heads and the nearest-mention fallbacks."""
    if model is not None:
        resolve_by_model(rec, resolver, model)
    else:
        _resolve_by_rules(rec, resolver)
    for c in rec.candidates:
        if c.code.root == "01":
            # a bare statement is news only from a speaker we can place ("the company said ..." is not)
            c.sources = [a for a in c.sources if speaker_placed(a)]
            # the outlet or audience a statement is made to is no addressee ("told the BBC", "told a news
            # conference", "said on BBC1's Breakfast with Frost"): as the coders' gold, no target
            c.targets = [t for t in c.targets if not medium_addressee(rec, c.tok, t, c.match)]
        elif c.code.root == "04":
            # nor are reporters or an audience the other side of a consultation ("was talking to reporters");
            # a medium's own people can be ("held talks with the BBC's director general")
            c.targets = [t for t in c.targets if not _audience(rec, t)]
    # as GDELT: an event needs at least one actor we can place; names alone ("Acme sold Zenith ...") code nothing
    rec.candidates = [c for c in rec.candidates if c.sources and any(placed(a) for a in c.sources + c.targets)]


# Nouns for the outlets, programmes and gatherings a statement is made to or at (not its addressee).
MEDIUM_NOUNS = frozenset({
    "conference", "briefing", "press", "reporter", "journalist", "correspondent", "newsman", "media", "newspaper",
    "paper", "magazine", "journal", "radio", "television", "tv", "programme", "program", "show", "broadcast",
    "channel", "station", "network", "interview", "website", "podcast", "agency", "audience", "rally", "gathering",
    "seminar", "lecture"})


def _medium(rec: SentenceRecord, tok: Token) -> bool:
    """Is the noun phrase of ``tok`` an outlet or a gathering: a medium noun ("reporters", "a news
    conference"), or a phrase holding a mention the resolver places as a medium ("the BBC", "BBC Radio Five
    Live", "BBC1's Breakfast")?"""
    if tok.lemma_.lower() in MEDIUM_NOUNS or tok.lower_ in MEDIUM_NOUNS:
        return True
    lo = rec.sent.doc[tok.left_edge.i].idx - rec.sent.start_char
    hi = tok.idx + len(tok.text) - rec.sent.start_char
    return any(lo <= m.start < hi and reason(rec.sent, [m], [], "01") == "media" for m in rec.mentions)


def _audience(rec: SentenceRecord, target: ActorRef) -> bool:
    """A target read from a phrase headed by a medium noun ("reporters", "a news conference")."""
    head = phrase_head(rec.sent, target)
    return head is not None and (head.lemma_.lower() in MEDIUM_NOUNS or head.lower_ in MEDIUM_NOUNS)


def medium_addressee(rec: SentenceRecord, verb: Token, target: ActorRef, match: Any = None) -> bool:
    """A statement's target that is the outlet or gathering it is made to or at, or part of its name: the
    medium itself (sector MED), a phrase headed by a medium noun, or what a statement verb is said "with"
    or its addressee is told "with" (never
    an addressee: "told BBC1's Breakfast With Frost", "said with Mr X at his side") — unless the verb's
    lexicon entry names "with" as its target ("agreed with Russia that ...": the other side)."""
    if reason(rec.sent, [target], [], "01") == "media":
        return True
    head = phrase_head(rec.sent, target)
    if head is None:
        return False
    if _medium(rec, head):
        return True
    prep = head.head if head.dep_ == "pobj" else None
    if prep is None or prep.lower_ != "with" or verb.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    if match is not None and "with" in (match.target_preps or ()) and prep.head.i == verb.i:
        return False
    on = prep.head
    return on.i == verb.i or (on.head.i == verb.i and on.dep_ in ("dobj", "dative"))


def _resolve_by_rules(rec: SentenceRecord, resolver: Resolver) -> None:
    kept = []
    for c in rec.candidates:
        sources, targets, rule = rule_actors(rec, c, resolver)
        if not sources:
            continue
        c.sources, c.targets, c.rule = sources, targets, rule
        kept.append(c)
    rec.candidates = kept


def rule_actors(rec: SentenceRecord, c: Candidate, resolver: Resolver, used_src: list[Token] | None = None,
                used_tgt: list[Token] | None = None) -> tuple[list[ActorRef], list[ActorRef], str]:
    """The rules' sources, targets and structure rule for one trigger; `used_*` collect the tokens the
    rules' own alternatives resolved through (the nearest-mention fallbacks come from mentions)."""
    assert c.args is not None, "find_arguments runs before resolve"
    sources, rule = resolve_alternatives(resolver, c.args.sources, used_src)
    read_at: list[Token] = []
    targets, _ = resolve_alternatives(resolver, c.args.targets, read_at)
    if c.match.complement is not None and len(targets) > 1:
        # "called on the government to seek help from the IMF", "urged Iran to stop its attacks on Iraq": the
        # one the act is addressed to is its target; what the complement acts on is the content of the call
        comp = rec.sent.doc[c.match.complement]
        own = [(t, at) for t, at in zip(targets, read_at) if not (at.i == comp.i or comp.is_ancestor(at))]
        if own:
            targets, read_at = [t for t, _ in own], [at for _, at in own]
    if used_tgt is not None:
        used_tgt.extend(read_at)
    if sources and not targets:
        # "attacked his policies", "support for the government plans", "vote against the government's
        # plans": an act on a thing is an act on whoever the thing belongs to
        targets = [t for t in owner_actors(resolver, [h for alt in c.args.targets for h in alt.heads], used_tgt)
                   if not any(_own(t, s) for s in sources)][:1]
    # a statement whose speaker we cannot place ("..., officials said") borrows no actor from what it reports
    if not sources and in_main_clause(c.tok) and c.code.root != "01" and not _says_who(c.tok):
        fs, ft = fallback_actors(rec.sent, c.tok, [m for m in rec.mentions if not _undergoes(rec.sent, c.tok, m)])
        if fs:
            sources, rule = fs, rule + "+fallback-source"
            if not targets:
                targets = [t for t in ft if not _attributor(rec.sent, c.tok, t)]
    if sources and not targets and c.code.root != "01" and not (is_symmetric(c.match, c.code) and len(sources) > 1):
        # (a statement has no addressee unless the text names one; parties to a symmetric act, "Iran, Russia
        # and Turkey signed an agreement", are each other's targets)
        # human coders take a target from any clause of the sentence ("rallied ... to demand reforms
        # from the government"); we only refuse the source itself or its own state/government
        others = [x for x in rec.mentions if all(distinct(x, src) for src in sources)
                  and not (int(c.code.root) < 14 and "-country:" in x.rule) and not _attributor(rec.sent, c.tok, x)]
        _, ft = fallback_actors(rec.sent, c.tok, others)
        if ft:
            targets, rule = ft, rule + "+fallback-target"
    return sources, targets, rule


def _attributor(sent: Span, tok: Token, m: ActorRef) -> bool:
    """Is mention ``m`` the speaker of a statement verb other than the trigger ("Libya bought two cargoes of
    sugar, traders said", "..., the officials said")? Who reports an act is not the one it is done to, so
    no nearest-mention fallback makes it the target."""
    head = phrase_head(sent, m)
    return (head is not None and head.dep_ == "nsubj" and head.head.i != tok.i
            and head.head.lemma_.lower() in SPEECH_LEMMAS)


def _undergoes(sent: Span, tok: Token, m: ActorRef) -> bool:
    """Is mention ``m`` part of what an agentless passive at ``tok`` acts on: inside the verb's own phrase
    before it (its subject, or what the parser left of it: "Mr Galloway was expelled", "a cargo of U.S. corn
    for the Soviet Union was rejected", "1.5 million people were killed")? The one acted on never stands in
    for the doer the text does not name."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    verbs = [tok]
    while verbs[-1].dep_ == "conj" and verbs[-1].head.pos_ in {"VERB", "AUX"} and len(verbs) < 6:
        verbs.append(verbs[-1].head)  # "was rejected and forced to ...": the first verb's subject is shared
    for v in verbs:
        subs, passive = subjects(v)
        if subs and not passive:
            return False  # a doer of its own
        if passive and not agents(v):
            lo, hi = sent.doc[v.left_edge.i].idx - sent.start_char, v.idx - sent.start_char
            return lo <= m.start < hi
    return False


def _says_who(tok: Token) -> bool:
    """Whether the parse itself says the trigger's doer is no actor, so no nearest mention may stand in: a
    verb whose own subject is a market quantity ("house prices were stabilising", "shares rose").
    (Any subject that is no actor, or an agentless passive, would be cleaner — GDELT codes neither — but
    both cost recall on the check half of the PLOVER dev gold, whose actors the resolver often misses and
    the nearest mention finds.)"""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    subs, passive = subjects(tok)
    return not passive and any(triggers._expand(s).lemma_.lower() in FIGURE_NOUNS for s in subs)


def resolve_by_model(rec: SentenceRecord, resolver: Resolver, model: ArgumentModel) -> None:
    """The argument model's step: the sentence's candidate phrases are resolved once, each trigger's
    candidates are scored (the rules' choice is one feature) and decoded into sources and targets.
    The model says *who*; *whether* a trigger is an event stays with the rules (a source found by them or
    their fallbacks) unless the model is sure of a source on its own (``decode_params["alone"]``): the
    argument gold only holds triggers that are events, so it cannot teach which are not. No source from
    the model means no event (no agent is invented for an agentless passive)."""
    if not rec.candidates:
        return  # nothing to choose arguments for: spare the resolver the sentence's phrases
    phrases = candidate_phrases(rec.sent)
    refs = resolve_candidates(resolver, rec.sent, phrases)
    doc = rec.sent.doc
    placeable = {p.head for p in phrases if refs.get(p.head) is not None or unresolved_entity(doc[p.head])}
    kept = []
    for c in rec.candidates:
        used_src: list[Token] = []
        used_tgt: list[Token] = []
        rule_sources, _, rule = rule_actors(rec, c, resolver, used_src, used_tgt)
        scored = model.score(rec.sent, c.match, phrases, refs, {t.i for t in used_src}, {t.i for t in used_tgt})
        if not rule_sources and max((s.p_source for s in scored), default=0.0) < model.decode_params["alone"]:
            continue
        src_phr, tgt_phr = model.decode(rec.sent, scored, c.tok, placeable)

        def actors(chosen) -> list[ActorRef]:
            out: list[ActorRef] = []
            for ph in chosen:
                ref = phrase_actor(rec.sent, ph, refs) or unresolved_entity(doc[ph.head])
                if ref is not None and all(r.actor_id != ref.actor_id for r in out):
                    out.append(ref)
            return out

        sources = actors(src_phr)
        if not sources:
            continue
        targets = [t for t in actors(tgt_phr) if all(t.actor_id != s.actor_id for s in sources)]
        c.sources, c.targets, c.rule = sources, targets, f"{rule}+model"
        kept.append(c)
    rec.candidates = kept


# ---------------------------------------------------------------- step 3b: the sentence's own act


def main_acts(rec: SentenceRecord) -> None:
    """The sentence's own act (:func:`roles.clause_role`). Triggers embedded in relative clauses or in a
    noun's modifiers and complements describe things and are no events ("He dismissed claims government
    plans would ...": the dismissal alone). Triggers in background adverbials ("Asked about X, she said
    ...", "after X did Y") give way to the governing predicate when that is an event; otherwise they are
    all the sentence tells and stay."""
    kept = [(c, r) for c, r in ((c, clause_role(c.tok)) for c in rec.candidates) if r != "embedded"
            and not (r == "background" and _asked(c))]
    if any(r == "main" for _, r in kept):
        kept = [(c, r) for c, r in kept if r == "main"]
    rec.candidates = [c for c, _ in kept]


def _asked(c: Candidate) -> bool:
    """A passive participle setting the scene with no agent ("Asked about X, he said ..."): its subject
    was asked, by nobody the text names; the inherited subject is the one acted on, so no act is left."""
    tok = c.tok
    return (tok.dep_ == "advcl" and tok.tag_ == "VBN" and tok.i < tok.head.i and not agents(tok)
            and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children))


# Nouns for market quantities and economic figures (data/triggers/eventhood.yaml)
FIGURE_NOUNS = figure_nouns()


def _content_clause(speech: Token) -> Token | None:
    """The clause a statement verb reports (:func:`realpolitik.events.content.content_clause`)."""
    return content_clause(speech)


def market_report(rec: SentenceRecord, c: Candidate) -> bool:
    """A statement whose reported content is about market quantities or a company's own business and names
    no political actor (:func:`realpolitik.events.eventhood.market_clause`): no event."""
    if c.code.root != "01" or c.tok.pos_ not in {"VERB", "AUX"}:
        return False
    clause = _content_clause(c.tok)
    return clause is not None and market_clause(rec.sent, clause, rec.mentions)


def not_events(rec: SentenceRecord) -> None:
    """Drop what GDELT/CAMEO would not code as an event: market reports, and the triggers
    :func:`realpolitik.events.eventhood.why_not` finds no political event (commerce, a medium's reports)."""
    kept = []
    for c in rec.candidates:
        why = "market" if market_report(rec, c) else why_not(rec, c)
        if not why and own_plan(c):
            # "the ministry is planning to work out a revised outlook": the actor's own plan is its statement,
            # news only from a speaker we can place (as any bare statement)
            c.match = replace(c.match, cameo="010", rule=f"{c.match.rule}>plan")
            c.code, c.rule = codebook.cameo("010"), c.rule + "+own-plan"
            c.sources = [a for a in c.sources if speaker_placed(a)]
            why = "" if c.sources else "plan"
        if why:
            rec.not_events.append(why)
        else:
            kept.append(c)
    rec.candidates = kept


# ---------------------------------------------------------------- steps 4-5: modality, then date


def assign_modality(rec: SentenceRecord) -> None:
    for c in rec.candidates:
        c.mod = modality(c.tok)
        c.hypothetical, c.negated = c.mod.hypothetical, c.mod.negated
        if c.match.modal_absorbed:
            # the code itself expresses the modal ("will visit" -> intent, "must stop" -> demand,
            # "did not lift" -> refuse): that statement is the fact; conditionals and "could" still count
            c.hypothetical = any(k not in FACTUAL_KINDS and k not in ABSORBED_KINDS for k in c.mod.kinds)
            if c.code.root == "03" and set(c.mod.kinds) <= {"conditional", "future"} | FACTUAL_KINDS:
                # "would meet the mediator if he gave them a veto": a conditional offer is an offer, made now
                # (as an ultimatum is a threat)
                c.hypothetical = False
            if ABSORBED_KINDS & set(governed(c.tok).kinds) and ">modal:" in c.match.rule:
                # "Iran hopes Russia will deliver the missiles", "expects that Russia will meet Turkey": the
                # "will" is absorbed as Russia's intent only when the sentence asserts it; under a hope, plan
                # or expectation it is the act itself, not yet done
                if c.match.base_cameo:
                    c.code = codebook.cameo(c.match.base_cameo)
                c.hypothetical, c.rule = True, c.rule + "+governed-future"
            c.negated = False
            if ">modal:reject" in c.match.rule and told_not_to(c.tok):
                c.negated = True  # "advised Russians not to travel": nobody refused anything
            if ">modal:demand" in c.match.rule:
                # "Iran must stop": a demand only when someone says it (the speech step gives it its
                # speaker); left alone it is a prescription, not a fact
                c.hypothetical = True
            if ">modal:intent" in c.match.rule and c.rule.startswith("active+relative-issuer"):
                # "a decree that will ban imports": the decree enacts the measure itself
                c.code, c.hypothetical = codebook.cameo(c.match.base_cameo), False
        elif (c.code.root == "03" and c.match.head_family == "intent" and not c.negated
              and _stated_readiness(rec.sent.doc[c.match.head])
              and set(c.mod.kinds) <= {"conditional", "future"} | FACTUAL_KINDS):
            # "he would be ready / willing to host a meeting": a readiness stated is an intent expressed as it
            # is said (CAMEO 03), whatever the "would" of the copula; "could be ready" stays hypothetical
            c.hypothetical = False
        if c.code.root == "01" and c.negated and _no_comment(c.tok):
            # "Downing Street had no comment to make": CAMEO 011 "decline comment", a fact
            c.code, c.negated, c.rule = codebook.cameo("011"), False, c.rule + "+no-comment"
        if _ultimatum(c.tok):
            # "will withdraw unless Hamas stops the rocket fire": a threat, made now, to the other side
            code = triggers.family_code("threaten", c.match.base_cameo or c.code.code) or "130"
            c.code, c.hypothetical, c.negated = codebook.cameo(code), False, False
            c.rule += "+ultimatum"
            if not c.targets:
                c.targets = [m for m in rec.mentions if m.start > c.tok.idx - rec.sent.start_char
                             and all(distinct(m, s) for s in c.sources)][:1]


def _stated_readiness(head: Token) -> bool:
    """An intent told by a predicative adjective ("is ready / willing / prepared to"), on the adjective or on
    its copula ("would be ready": the parser may make "be" the head)."""
    return head.pos_ == "ADJ" or (head.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ"
                                                               for c in head.children))


# What a speaker may give or have "no" of and so decline to comment (CAMEO 011): PETRARCH's &INFORMATION
# synset ("GIVE * {NO FURTHER &INFORMATION} [011]") and "comment" ("REFUSE * COMMENT [011]").
NO_COMMENT_NOUNS = frozenset({"comment", "information", "info", "detail", "fact", "news", "intelligence",
                              "update"})


def _no_comment(tok: Token) -> bool:
    """A statement negated only by "no" on what it gives ("had no comment", "gave no further details"):
    the speaker declines to comment, as it is said; not "did not comment" (nothing explicitly declined)."""
    nouns = [tok] if tok.pos_ in {"NOUN", "PROPN"} else [c for c in tok.children if c.dep_ == "dobj"]
    return any(n.lemma_.lower() in NO_COMMENT_NOUNS and any(d.dep_ == "det" and d.lower_ == "no" for d in n.children)
               for n in nouns)


def _ultimatum(tok: Token) -> bool:
    """A future act under an "unless" clause ("will withdraw unless ...")."""
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "shall") for c in tok.children)
    return future and any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
                          for c in tok.children)




# Statement verbs of argument and assessment: what they report another side would do is a prediction.
ASSESSMENT_LEMMAS = frozenset({"argue", "contend", "suggest", "note", "explain", "predict", "write", "indicate",
                               "maintain", "claim", "believe", "think", "reckon", "estimate", "speculate"})


PLEDGE_LEMMAS = frozenset({"promise", "pledge", "vow"})
WARNING_LEMMAS = frozenset({"warn", "caution"})


def _empty_pledge(c: Candidate) -> bool:
    """A promise that reports a clause ("promised that ...", '"...," he promised') with no act in it (no
    trigger re-coded it) and made to no one."""
    return (c.tok.lemma_.lower() in PLEDGE_LEMMAS and c.code.root == "03" and c.match.complement is None
            and not c.targets and triggers._reports_clause(c.tok)
            # "(they said that) X has promised to review ...": the promise has an act of its own
            and not any(ch.dep_ == "xcomp" for ch in c.tok.children))


def _predicted(c: Candidate) -> bool:
    """A reported act told with "will / would / could / may": a prediction when an assessment reports it."""
    return ">modal:intent" in c.match.rule or bool({"future", "modal", "speculative"} & set(c.mod.kinds))


def _obliging(tok: Token) -> bool:
    """Is the prescription on ``tok`` (or the verbs it is the complement of) a "must" / "has to", not a
    "should" / "ought to"?"""
    for _ in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
        if auxes & {"should", "ought", "shall"}:
            return False
        if "must" in auxes or (tok.lemma_ == "have" and tok.tag_ in ("VBZ", "VBP")):
            return True
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break
        tok = tok.head
    return True


HALT_VERBS = frozenset({"stop", "cease", "halt", "end", "quit", "abandon", "discontinue"})


def _speech_candidate(c: Candidate, code: str, targets: list[ActorRef], sources: list[ActorRef],
                      tag: str) -> Candidate:
    m = replace(c.match, cameo=code, symmetric=False, reverse=None, swap=False, rule=f"{c.match.rule}>speech:{tag}")
    new = Candidate(m, c.tok, codebook.cameo(code), c.args, list(sources), list(targets), "reported-speech",
                    c.mod, False, False, c.date)
    return new


def reported_speech(rec: SentenceRecord) -> None:
    """The speaker's act is coded by what is said: "X said Y would retaliate" is X's threat, "X stated that Z
    must ..." X's demand of Z; a reported past act ("X said Y attacked ...") is Y's act; the bare statement
    is dropped when its content is coded. An outlet that reports ("media reported that A met
    B") is never the source of A's act: the reported events keep their own sources."""
    for c in rec.candidates:
        if _empty_pledge(c):
            # '"... we will spend more time at home," he promised': a pledge whose clause holds no act and
            # that is made to no one is a statement (010), coded by its content like any other
            c.match = replace(c.match, cameo="010", rule=f"{c.match.rule}>speech:pledge")
            c.code, c.rule = codebook.cameo("010"), "reported-speech:pledge"
        elif c.code.root == "13" and c.tok.lemma_.lower() in WARNING_LEMMAS and c.sources:
            # "X warned (Y) that Y's policy had backfired": a warning that finds fault threatens nothing; it is
            # X's criticism (111) of whoever is at fault, else of the one warned
            warned = list(c.targets)
            if disapproval(rec, c) and not c.targets:
                c.targets = warned
    # "issued a statement condemning the strikes", "sent a letter urging Iran to ...": the statement is
    # coded by what it does (the condemnation, the appeal), not by how it was issued or sent
    said = {c.tok.head.i for c in rec.candidates if instrument_content(c.tok)}
    if said:
        rec.candidates = [c for c in rec.candidates if not (
            c.tok.i in said or any(ch.i in said for ch in c.tok.children))]
    speeches = [c for c in rec.candidates if c.code.root == "01" and c.tok.lemma_.lower() in SPEECH_LEMMAS | PLEDGE_LEMMAS]
    if not speeches:
        return
    added: list[Candidate] = []
    dropped: set[int] = set()
    for s in speeches:
        # an agentless prescription ("... shows that new approaches must be encouraged") tells no one to act:
        # its borrowed (fallback) actor is nobody told, and the statement stays the speaker's
        content = [c for c in rec.candidates if c is not s and c not in speeches and reports(s.tok, c.tok)
                   and not (c.rule.startswith("passive+fallback") and (">modal:demand" in c.match.rule
                                                                        or "prescriptive" in c.mod.kinds))]
        if not content:
            prescription(rec, s) or disapproval(rec, s) or comment_about(rec, s)
            continue
        speaker = s.sources
        own = {a.actor_id for a in speaker}
        if s.tok.lemma_.lower() in ASSESSMENT_LEMMAS:
            # "Moscow argued that Riyadh would use the weapons against Iran": an assessment predicts what
            # another side would do; it is no threat of the speaker's, nor a fact of that side's
            predicted = [c for c in content if _predicted(c) and any(a.actor_id not in own for a in c.sources)]
            for c in predicted:
                c.hypothetical = True
            if len(predicted) == len(content):
                continue  # the assessment itself is the statement (010)
        dropped.add(id(s))
        n_added = len(added)
        for c in content:
            # (the speaker's own state or government is no other side: "Putin said Russia would retaliate")
            others = [a for a in c.sources if a.actor_id not in own and all(distinct(a, sp) for sp in speaker)]
            root = int(c.code.root)
            if c.hypothetical and s.tok.lemma_.lower() in ASSESSMENT_LEMMAS:
                continue
            if c.match.swap and not c.targets and speaker_offended(c.tok):
                # "X said he was dismayed by Y's decision": the one offended is the speaker
                c.targets = list(speaker)
            if others and not c.negated and blamed(c.tok):
                # "X said Y was to blame for the crisis": X blames Y (CAMEO 112), Y blames no one
                added.append(_speech_candidate(c, "112", others, speaker, "accuse"))
                dropped.add(id(c))
            elif others and not c.hypothetical and not c.negated and faults(c.tok):
                # "X said Y had betrayed / undermined the talks": told by another, a failing is the speaker's
                # criticism of Y (CAMEO 111), not an act of Y's
                added.append(_speech_candidate(c, "111", others, speaker, "disapprove"))
                dropped.add(id(c))
            elif ">modal:demand" in c.match.rule:
                if others:  # "... that the Americans must lift all sanctions": the speaker demands it of them
                    c.sources, c.targets, c.hypothetical = list(speaker), others, False
                    c.rule = "reported-speech:demand"
                else:
                    c.hypothetical = False  # "we must respond": the speaker's own demand
            elif root == 13 and others:
                # "X said Turkey would pay a heavy price": the threat is the speaker's, made to Turkey
                c.sources, c.targets, c.rule = list(speaker), c.targets or others, "reported-speech:threaten"
                c.hypothetical = "conditional" in c.mod.kinds  # the threat is made as it is said
            elif root == 13 and "conditional" in c.mod.kinds and not c.negated:
                # "Iran said it would expel the ambassador if London did not apologise": the speaker's own
                # threat on a condition is made as it is said (as an ultimatum is)
                c.hypothetical, c.rule = False, "reported-speech:threaten"
            elif ("future" in c.mod.kinds or "modal" in c.mod.kinds) and not c.negated and (
                    root >= 14 or (root in (12, 16, 17) and "conditional" in c.mod.kinds and not others)):
                # ("X said it would not cut aid": an act ruled out is no threat of it)
                # "X said Y would strike (Z)": X threatens; the act itself stays as it was (hypothetical);
                # "X said that, if in government, he would refuse to approve Y's appointment": a rejection,
                # cut or sanction the speaker holds out on a condition is his threat too
                code = triggers.family_code("threaten", c.match.base_cameo or c.code.code)
                target = c.targets or others
                if code and target:
                    added.append(_speech_candidate(c, code, target, speaker, "threaten"))
            elif "prescriptive" in c.mod.kinds and others and not c.negated:
                # "X said Iran must stop interfering": X demands it of Iran; "... Iran should apologise": X
                # appeals to Iran (CAMEO 02 "appeal" vs 10 "demand": the force of the modal)
                fam = "demand" if _obliging(c.tok) else "appeal"
                halt = c.tok.head.lemma_.lower() in HALT_VERBS and c.tok.dep_ == "xcomp"
                default = "100" if fam == "demand" else "020"
                code = default if halt else triggers.family_code(fam, c.match.base_cameo or c.code.code) or default
                added.append(_speech_candidate(c, code, others, speaker, fam))
            # a reported past act ("X said Y attacked ...") is coded as Y's act, as the coders' gold does
        if len(added) == n_added and all(c.hypothetical or c.negated for c in content):
            # "he added the situation would be monitored", "X said the US was not seeking a veto": what is
            # said is no fact and no act of the speaker's came of it, so the statement itself is the event,
            # coded by its content ("X said Y had failed to respect the truce": X's criticism of Y)
            dropped.discard(id(s))
            disapproval(rec, s)
    rec.candidates = [c for c in rec.candidates if id(c) not in dropped] + added


def _prescribed(clause: Token) -> tuple[str, Token] | None:
    """What a reported clause prescribes, and to whom: "Y should / ought to / has to / needs to ..." an
    appeal (020), "Y must ..." a demand (100); (code, Y's head) or None."""
    if clause.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in clause.children):
        return None
    auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
    verb = clause
    if clause.lemma_ in ("have", "need") and not auxes & {"should", "must", "ought"}:
        # "Brazil has to do business through the banks", "Iran needs to explain" (not "had to publish": a
        # past necessity is told, not prescribed)
        if clause.tag_ not in ("VBZ", "VBP"):
            return None
        inner = [c for c in clause.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)]
        if not inner or any(c.dep_ == "aux" and c.lower_ in ("will", "would", "may", "might") for c in clause.children):
            return None
        code = "020"
    elif auxes & {"must"} and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in clause.children):
        code = "100"  # not "must have known" (an inference)
    elif auxes & {"should", "ought"} or (clause.i > 0 and clause.doc[clause.i - 1].lower_ == "ought"):
        code = "020"
    else:
        return None
    subs = [c for c in verb.children if c.dep_ == "nsubj"]
    return (code, subs[0]) if subs else None


OPINION_LEMMAS = frozenset({"think", "believe", "feel", "reckon", "suppose", "say"})


def prescription(rec: SentenceRecord, s: Candidate, clause: Token | None = None) -> bool:
    """A statement that someone else should or must do something is the speaker's appeal (020) or
    demand (100) to them ("the union said the council should think again"): only when that someone is a
    named actor other than the speaker (not "we must", not "new approaches must be found")."""
    clause = clause if clause is not None else _content_clause(s.tok)
    found = _prescribed(clause) if clause is not None else None
    for _ in range(2):  # "I think (that) Y should ...": the opinion frames the prescription
        if found is not None or clause is None or clause.lemma_ not in OPINION_LEMMAS:
            break
        clause = next((c for c in clause.children if c.dep_ == "ccomp"), None)
        found = _prescribed(clause) if clause is not None else None
    if found is None:
        return False
    code, subject = found

    lo = rec.sent.doc[subject.left_edge.i].idx - rec.sent.start_char
    hi = subject.idx + len(subject.text) - rec.sent.start_char
    own = {a.actor_id for a in s.sources}
    named = [m for m in rec.mentions if lo <= m.start < hi and m.actor_id not in own
             and all(distinct(m, a) for a in s.sources)]
    if not named or not s.sources:
        return False
    s.match = replace(s.match, cameo=code, rule=f"{s.match.rule}>speech:{'demand' if code == '100' else 'appeal'}")
    s.code, s.targets, s.rule = codebook.cameo(code), named[:1], f"reported-speech:{'demand' if code == '100' else 'appeal'}"
    return True


# "would do nothing to harm the talks" is an assurance, not a failure
_PROMISING_AUX = frozenset({"will", "would", "'ll", "shall", "can", "could", "may", "might", "should", "must"})


def _disapproving(clause: Token) -> Token | None:
    """The subject a clause disapproves of ("[the plan] is misplaced", "[it] was a mistake"), or None."""
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    words = triggers._config()["disapproval"]
    preds = [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")
             and not any(d.dep_ in ("det", "neg") and d.lower_ in ("no", "not", "never") for d in c.children)]
    if clause.pos_ == "ADJ" or (clause.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in clause.children)):
        preds.append(clause)  # "the emphasis is misplaced" (parsed as a passive)
    failing = [t for t in clause.subtree
               if faults(t)  # "Y has failed", "broke its pledges", "Y had betrayed ..."
               or (t.pos_ in ("VERB", "AUX") and not any(c.dep_ == "neg" for c in t.children)
                   and (lacking(t)  # "Y has no credibility"
                        or (any(c.dep_ == "dobj" and c.lower_ == "nothing" for c in t.children)  # "Y did nothing to"
                            and not any(c.dep_ == "aux" and c.lower_ in _PROMISING_AUX for c in t.children))))]
    if failing and failing[0] is not clause:
        # "it was clear that Germany had failed": the one who failed
        subs = [c for c in failing[0].children if c.dep_ in ("nsubj", "nsubjpass")]
        if subs and subs[0].lower_ not in ("it", "this", "that", "there"):
            return subs[0]
    if not failing and not any(p.lemma_.lower() in words["adjectives"] or p.lower_ in words["adjectives"] or (p.pos_ == "NOUN" and p.lemma_.lower() in words["nouns"])
                               for p in preds):
        return None
    subs = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subs and any(c.dep_ == "expl" for c in clause.children):
        # "there was deceit at the heart of government": what is disapproved of is where the fault lies
        return next((p for p in preds if p is not clause), None)
    return subs[0] if subs else None


def _found_wanting(clause: Token) -> Token | None:
    """:func:`_disapproving` of a clause, or of the clause it frames ("it is clear that Y ...", "there is
    growing evidence that Y's plan is unsustainable", "I think Y is wrong"); else the owner of a fault named
    anywhere in it ("Y's incompetence had cost lives": :func:`.content.faulted_owner`)."""
    start = clause
    for _ in range(3):
        found = _disapproving(clause)
        if found is not None:
            return found
        inner = [c for c in clause.children if c.dep_ == "ccomp"] + [
            g for c in clause.children if c.dep_ in ("attr", "acomp", "dobj") for g in c.children if g.dep_ in ("acl", "ccomp")]
        if not inner or any(c.dep_ == "neg" for c in clause.children):
            break
        clause = inner[0]
    return faulted_owner(start)


def disapproval(rec: SentenceRecord, s: Candidate, clause: Token | None = None) -> bool:
    """A statement that what someone did or is is wrong, a mistake, misplaced ... is the speaker's
    criticism (111) of that actor: the actors named in the disapproved subject, or none named. One that
    says a named actor did well, was right, deserves credit (:func:`.content.approving`) is the speaker's
    praise (051) of that actor. ``clause``: the content (default: the clause the statement verb reports)."""
    clause = clause if clause is not None else _content_clause(s.tok)
    subject = _found_wanting(clause) if clause is not None else None
    praised = approving(clause) if clause is not None and subject is None else None
    if subject is None and praised is None:
        return False

    about = subject if subject is not None else praised
    lo = rec.sent.doc[about.left_edge.i].idx - rec.sent.start_char
    last = about.doc[about.right_edge.i] if about.dep_ == "attr" else about
    hi = last.idx + len(last.text) - rec.sent.start_char
    own = {a.actor_id for a in s.sources}
    named = [m for m in rec.mentions if lo <= m.start < hi and m.actor_id not in own
             and all(distinct(m, a) for a in s.sources)]
    if subject is None:
        if not named:
            return False  # praise of nobody named ("it was right to wait") is a plain statement
        s.match = replace(s.match, cameo="051", rule=f"{s.match.rule}>speech:praise")
        s.code, s.targets, s.rule = codebook.cameo("051"), named[:1], "reported-speech:praise"
        return True
    if subject.lemma_.lower() in CHARGE_NOUNS:
        # "he suggested the claim that ... was a mistake": rejecting an accusation is a denial (016, as
        # "rejected the claim"), not criticism of whoever is named inside the claim
        s.match = replace(s.match, cameo="016", rule=f"{s.match.rule}>speech:deny")
        s.code, s.targets, s.rule = codebook.cameo("016"), [], "reported-speech:deny"
        return True
    s.match = replace(s.match, cameo="111", rule=f"{s.match.rule}>speech:disapprove")
    s.code, s.targets, s.rule = codebook.cameo("111"), named[:1], "reported-speech:disapprove"
    return True


def comment_about(rec: SentenceRecord, s: Candidate, clause: Token | None = None) -> bool:
    """A plain statement about a named actor has that actor as its target (the coders' convention: "X said
    Mr Clarke had a real opportunity", "the EU's farm policy had caused problems, he said"): the first
    placed actor named in the subject of the reported clause, other than the speaker and its own side."""
    if s.code.root != "01" or s.targets or not s.sources:
        return False
    clause = clause if clause is not None else _content_clause(s.tok)
    if clause is None:
        return False
    own = {a.actor_id for a in s.sources}
    # (the parser sometimes hangs the subject on the clause's auxiliary: "the number ... was worrying")
    for subj in (c for v in [clause, *(a for a in clause.children if a.dep_ in ("aux", "auxpass"))]
                 for c in v.children if c.dep_ in ("nsubj", "nsubjpass")):
        # the subject itself or its possessor ("Mr Clarke", "the EU's farm policy"), or the owner in its
        # "of" phrase ("the number of officials who ...", "the policy of the government"), not a modifier
        # ("an EU arms embargo", "the EU constitution" are things, not the EU)
        heads = {subj.i} | {c.i for c in subj.children if c.dep_ == "poss"} | {
            g.i for c in subj.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
            if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}}
        named = [m for m in rec.mentions if _mention_token(rec.sent, m) in heads and m.actor_id not in own
                 and placed(m) and all(distinct(m, a) for a in s.sources) and not _own_side(rec.sent, m)]
        if named:
            s.targets, s.rule = named[:1], "reported-speech:about"
            return True
    return False


def _mention_token(sent: Span, m: ActorRef) -> int:
    """Index of the last token of a mention (the head of a name), -1 when it has no place in the sentence."""
    toks = [t for t in sent if m.start <= t.idx - sent.start_char < m.end]
    return toks[-1].i if toks else -1


def _own_side(sent: Span, m: ActorRef) -> bool:
    """A mention the speaker owns ("his party", "our government", "I"): not what the statement is about."""
    head = phrase_head(sent, m)
    return head is not None and (head.pos_ == "PRON" or any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children))


# What is said against someone: found wrong, it is denied (the 016 objects of "reject" in verbs.yaml).
CHARGE_NOUNS = frozenset({"accusation", "charge", "claim", "allegation", "suggestion", "criticism",
                          "rumour", "rumor", "assertion", "insinuation"})


def _is_future(tok: Token) -> bool:
    return "future" in modality(tok).kinds


def assign_dates(rec: SentenceRecord) -> None:
    for c in rec.candidates:
        c.date = event_date(rec.sent, rec.anchor, c.tok, is_future=_is_future)


# ---------------------------------------------------------------- step 6: events


def _event_id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def is_symmetric(m: Any, code: CameoCode) -> bool:
    """Is the act both sides' ("Iran and Russia agreed", "met")? A symmetric head whose complement re-codes
    the act ("the EU agreed new sanctions on Iran": 1312) is so while the act stays between the parties
    (cooperation, or a failure to agree: "Iran and Russia failed to reach agreement", 12x each way); a threat,
    protest or use of force (13-20) is one side's, done to a third."""
    return bool(m.symmetric) and not (m.family and int(code.root) > 12)


def _pairs(c: Candidate) -> list[tuple[ActorRef, ActorRef | None, CameoCode]]:
    """(source, target, code) of each event a candidate yields: one event per happening (docs/codebook.md,
    "Meetings and bilateral acts"): a meeting, a negotiation or a treaty between two sides is one event, told
    from the side the sentence names first, never stored again the other way round; parties named together
    ("Iran, Russia and Turkey signed") are paired once each; paired codes of the lexicon ("rushed to Moscow":
    a visit, and Moscow hosting it) add the reverse act; target-only codes are swapped."""
    m, code = c.match, c.code
    if is_symmetric(m, code) and not c.targets and len(c.sources) > 1:
        return [(a, b, code) for i, a in enumerate(c.sources) for b in c.sources[i + 1:] if a.actor_id != b.actor_id]
    pairs = [(s, t) for s in c.sources for t in (c.targets or [None]) if t is None or t.actor_id != s.actor_id]
    if m.swap:
        return [(t, s, code) for s, t in pairs if t is not None]
    out: list[tuple[ActorRef, ActorRef | None, CameoCode]] = [(s, t, code) for s, t in pairs]
    if m.reverse:
        try:
            rev = codebook.cameo(m.reverse)
        except RealpolitikError:
            return out
        out += [(t, s, rev) for s, t in pairs if t is not None]
    return out


def build_events(rec: SentenceRecord) -> None:
    sent, text = rec.sent, rec.sent.text
    for c in rec.candidates:
        m = c.match
        start_tok, end_tok = sent.doc[m.start], sent.doc[m.end - 1]
        t_start = start_tok.idx - sent.start_char
        t_end = end_tok.idx + len(end_tok.text) - sent.start_char
        for src, tgt, code in _pairs(c):
            c.events.append(Event(
                event_id=_event_id(rec.sid, m.head, src.actor_id, tgt.actor_id if tgt else "", code.code),
                doc_id=rec.doc_id, sentence_id=rec.sid, sentence=text, date=c.date, source=src, target=tgt,
                cameo=code.code, cameo_root=code.root, quad_class=code.quad_class, goldstein=code.goldstein,
                plover=code.plover or "", plover_mode=code.plover_mode,
                trigger=text[t_start:t_end], trigger_start=t_start, trigger_end=t_end,
                hypothetical=c.hypothetical, negated=c.negated, modality=tuple(c.mod.kinds),
                rule=f"{m.rule};{c.rule}" + (f";src:{src.rule}" if src.rule else ""),
                segment_kind=rec.segment.kind,
            ))
    rec.events = [e for c in rec.candidates for e in c.events]


# ---------------------------------------------------------------- step 7: arbitration by the classifier


def classifier_events(rec: SentenceRecord, resolver: Resolver, lexicon: triggers.Lexicon) -> list[Event]:
    """Code a sentence the lexicon missed from the classifier's type, but only with evidence in the parse:
    a main-clause verb the lexicon knows (trigger evidence) whose own subject is an actor (actor evidence).
    The target is that verb's object or prepositional object, if it is an actor; nothing is borrowed."""
    sent, prediction = rec.sent, rec.prediction
    root = sent.root
    if root.pos_ not in {"VERB", "AUX"} or (root.lemma_.lower(), "VERB") not in lexicon.entries:
        return []
    subs, passive = subjects(root)
    src = [a for a in resolve_heads(resolver, agents(root) if passive else subs) if placed(a)]
    if not src:
        return []
    tgt_heads = subs if passive else [c for c in root.children if c.dep_ in {"dobj", "dative"}]
    tgt = [t for t in resolve_heads(resolver, [*tgt_heads, *prep_objects(root, DEFAULT_TARGET_PREPS)])
           if distinct(t, src[0])]
    # the most probable PLOVER type of the class the classifier gives the sentence
    typed = [(p, t) for t, p in prediction.plover_probs.items()
             if sentence_quad(codebook.default_cameo(t)[:2]) == prediction.quad]
    if not typed:
        return []
    p_type, plover = max(typed)
    cameo_code = codebook.cameo(codebook.default_cameo(plover))
    mod = modality(root)
    when = event_date(sent, rec.anchor, root, is_future=_is_future)
    t_start = root.idx - sent.start_char
    return [Event(
        event_id=_event_id(rec.sid, root.i, src[0].actor_id, tgt[0].actor_id if tgt else "", cameo_code.code),
        doc_id=rec.doc_id, sentence_id=rec.sid, sentence=sent.text, date=when, source=src[0],
        target=tgt[0] if tgt else None, cameo=cameo_code.code, cameo_root=cameo_code.root,
        quad_class=cameo_code.quad_class, goldstein=cameo_code.goldstein, plover=cameo_code.plover or plover,
        plover_mode=cameo_code.plover_mode, trigger=root.text, trigger_start=t_start,
        trigger_end=t_start + len(root.text), hypothetical=mod.hypothetical, negated=mod.negated,
        modality=tuple(mod.kinds),
        rule=f"model:classifier(quad={prediction.quad} p={prediction.quad_prob:.2f}, {plover} p={p_type:.2f});verb-subject",
        segment_kind=rec.segment.kind,
    )]


def arbitrate(rec: SentenceRecord, resolver: Resolver, lexicon: triggers.Lexicon, fill_p: float) -> None:
    """The classifier's part: it codes a sentence the lexicon missed (only with trigger and actor evidence,
    at p >= fill_p), and where rule events of several types compete it puts the type it backs first (which
    fixes the sentence's class). It never deletes a rule event."""
    prediction = rec.prediction
    if prediction is None:
        return
    if not rec.events:
        if prediction.quad != 0 and prediction.quad_prob >= fill_p and not rec.not_events:
            # (a sentence whose triggers the not_events step ruled no event is not filled either)
            # the same eventhood test as the rule events' (a company's act on no political actor is none)
            rec.events = [e for e in classifier_events(rec, resolver, lexicon)
                          if not reason(rec.sent, [e.source], [e.target] if e.target else [], e.cameo_root)]
        return
    if len({e.plover for e in rec.events if e.factual}) > 1:
        rec.events.sort(key=lambda e: (e.plover != prediction.plover,
                                       sentence_quad(e.cameo_root) != prediction.quad))


# ---------------------------------------------------------------- step 7b: quotations that run on

# Verbs that attribute a quotation to its speaker ("Mr X said: ...", '"...," he warned').
QUOTE_LEMMAS = SPEECH_LEMMAS | PLEDGE_LEMMAS | frozenset({
    "warn", "urge", "predict", "admit", "deny", "acknowledge", "concede", "accuse", "criticise", "criticize",
    "complain", "add"})


def attributed_speaker(rec: SentenceRecord) -> ActorRef | None:
    """Who the sentence says speaks: the placed source of its main-clause statement verb outside any
    quotation ("Mr Blair told a news conference: ...", '"...," said Lord Holme'); run after ``main_acts``."""
    regions = quoted_regions(rec.sent.text)
    for c in rec.candidates:
        at = c.tok.idx - rec.sent.start_char
        if c.tok.lemma_.lower() in QUOTE_LEMMAS and not any(lo <= at < hi for lo, hi in regions):
            placed_sources = [a for a in c.sources if speaker_placed(a)]
            if placed_sources:
                return placed_sources[0]
    return None


def quoted_statement(rec: SentenceRecord) -> None:
    """A sentence that runs on a quotation attributed before it (``rec.quoted_by``, :mod:`.quotes`) and
    yields no factual event of its own is its speaker's statement (010): '... "It's an ambitious project
    we have set ourselves."' after 'Mr Blair told a news conference: "..."'. Its content is coded as a
    said-clause's is (prescription, disapproval or praise, comment about a named actor)."""
    speaker = rec.quoted_by
    if speaker is None or any(e.factual for e in rec.events):
        return
    sent, root = rec.sent, rec.sent.root
    # what the quotation says is coded as a said-clause is: '"Well, he should do it."' the speaker's appeal
    # to him, '"Y has broken every promise."' criticism of Y (the whole sentence is the content)
    said = Candidate(triggers.TriggerMatch("010", root.i, root.i, root.i + 1, "quote:continued"), root,
                     codebook.cameo("010"), sources=[speaker])
    prescription(rec, said, root) or disapproval(rec, said, root) or comment_about(rec, said, root)
    code, target = said.code, (said.targets[0] if said.targets else None)
    content = f">{said.rule.split(':', 1)[1]}" if said.rule.startswith("reported-speech:") else ""
    t_start = root.idx - sent.start_char
    rec.events.append(Event(
        event_id=_event_id(rec.sid, root.i, speaker.actor_id, target.actor_id if target else "", code.code),
        doc_id=rec.doc_id, sentence_id=rec.sid, sentence=sent.text,
        date=event_date(sent, rec.anchor, root, is_future=_is_future), source=speaker, target=target,
        cameo=code.code, cameo_root=code.root, quad_class=code.quad_class, goldstein=code.goldstein,
        plover=code.plover or "", plover_mode=code.plover_mode, trigger=root.text, trigger_start=t_start,
        trigger_end=t_start + len(root.text), hypothetical=False, negated=False, modality=(),
        rule=f"quote:continued{content};speaker:{speaker.text or speaker.name}", segment_kind=rec.segment.kind,
    ))


# ---------------------------------------------------------------- step 8: dedupe


def dedupe(rec: SentenceRecord) -> None:
    seen = set()
    out = []
    for ev in rec.events:
        key = (ev.cameo, ev.source.actor_id if ev.source else "", ev.target.actor_id if ev.target else "",
               ev.hypothetical, ev.negated)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    rec.events = out


# The ConfliBERT labels put reducing relations (16: breaking relations, cutting aid, sanctions, embargoes,
# expulsions) with verbal conflict, not with force: of the tune-half dev sentences whose first rule event is a
# 16x, 33 of 34 are labelled 3 (and 14x protests 4, as the other 14-20 roots).
_VERBAL_CONFLICT_ROOTS = frozenset({9, 10, 11, 12, 13, 16})


def sentence_quad(root: str) -> int:
    """CAMEO root -> the 5-way sentence class of the ConfliBERT labels (0 statement 01-02, 1 verbal coop
    03-05, 2 material coop 06-08, 3 verbal conflict 09-13 and 16, 4 material conflict 14-15 and 17-20)."""
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r in _VERBAL_CONFLICT_ROOTS else 4


# ---------------------------------------------------------------- the Coder


class Coder:
    """The event coder, built once (spaCy pipeline, knowledge base, classifier, config) and reused for
    every document: ``ingest``, ``code_text`` and ``code_jsonl`` loop over one Coder."""

    def __init__(self, *, nlp=None, kb=None, classifier=None, lexicon: triggers.Lexicon | None = None,
                 config: CoderConfig | None = None, resolver_factory: Callable[..., Resolver] | None = None,
                 arguments: ArgumentModel | None = None) -> None:
        from realpolitik.actors import ActorResolver, load_kb
        from realpolitik.nlp import load_nlp

        self.nlp = nlp if nlp is not None else load_nlp()
        self.kb = kb if kb is not None else load_kb()
        self.lexicon = lexicon if lexicon is not None else triggers.load_lexicon()
        self.classifier = classifier
        self.arguments = arguments  # the learned argument model, or None for the rules alone
        self.config = config or CoderConfig()
        self.resolver_factory = resolver_factory or ActorResolver

    @classmethod
    def build(cls, *, classifier: Any = "default", kb=None, verbs: Sequence[str] = (),
              config: CoderConfig | None = None, arguments: Any = None) -> "Coder":
        """A Coder with the shipped pipeline, knowledge base, lexicon (plus the verb dictionaries ``verbs``)
        and (unless ``classifier=None``) classifier. ``arguments="default"`` adds the shipped argument model
        (or pass an ArgumentModel). It is off by default: it beats the rules at span accuracy under
        cross-validation but not yet end to end on the check half of the PLOVER dev gold (bench/fidelity.py,
        +args configurations)."""
        if classifier == "default":
            classifier = default_classifier()
        if arguments == "default":
            from realpolitik.events.arguments import load_default

            arguments = load_default()
        return cls(kb=kb, classifier=classifier, lexicon=triggers.load_lexicon(tuple(str(v) for v in verbs)),
                   config=config, arguments=arguments)

    # ------------------------------------------------------------ documents
    def code_documents(self, docs: Sequence[Document]) -> list[Coded]:
        """Parse every segment of the documents in one spaCy batch and code them document by document."""
        texts = [seg.text for d in docs for seg in d.segments]
        parsed = iter(self.nlp.pipe(texts, batch_size=64))
        out = []
        for d in docs:
            seg_docs = [next(parsed) for _ in d.segments]
            out.append(self.code_parsed(d, seg_docs))
        return out

    def code_parsed(self, document: Document, seg_docs: Sequence[Doc]) -> Coded:
        """Code one document whose segments are already parsed."""
        resolver = self.resolver_factory(kb=self.kb, date=document.date)
        sentences = self.code_segments(seg_docs, document.segments, resolver, doc_id=document.doc_id,
                                       anchor=document.date)
        # the geography stage: where each event happened and where its actors are (realpolitik.geo)
        sentences = locate_document(seg_docs, document.segments, sentences, self.gazetteer)
        return Coded(document, sentences, resolver.actors())

    @functools.cached_property
    def gazetteer(self):
        """The offline gazetteer over this Coder's knowledge base (built on first use)."""
        return gazetteer_for(self.kb)

    def code_segments(self, docs: Sequence[Doc], segments: Sequence[Segment], resolver: Resolver, *, doc_id: str,
                      anchor: dt.date | None) -> list[CodedSentence]:
        """Code the parsed segments of one document, in order, sharing one resolver (people learned carry over)."""
        sents_by_seg = [list(d.sents) for d in docs]
        resolver.prepare(list(docs))
        # context segments (the article around a sentence given to `code --jsonl`) teach the resolver only
        coded_segs = [seg.kind != "context" and (seg.kind != "title" or self.config.code_titles) for seg in segments]
        predictions: dict[tuple[int, int], object] = {}
        if self.classifier is not None:
            keys = [(si, k) for si, ss in enumerate(sents_by_seg) for k in range(len(ss)) if coded_segs[si]]
            if keys:
                preds = self.classifier.predict([sents_by_seg[si][k].text for si, k in keys])
                predictions = dict(zip(keys, preds))
        flat = [(si, k, sent) for si, ss in enumerate(sents_by_seg) for k, sent in enumerate(ss)]
        runs_on = [segments[si].kind != "title" and continues_quote(sent, QUOTE_LEMMAS) for si, _, sent in flat]
        # the context sentences whose speaker a coded sentence running on a quotation needs: the one before
        # it (back over the sentences that run on too) that attributes the quotation
        needed: set[int] = set()
        for j, (si, _, _) in enumerate(flat):
            if coded_segs[si] and runs_on[j]:
                i = j - 1
                while i >= 0 and runs_on[i] and j - i <= MAX_RUN_ON:
                    i -= 1
                if i >= 0 and not coded_segs[flat[i][0]]:
                    needed.add(i)
        out: list[CodedSentence] = []
        speaker: ActorRef | None = None  # the speaker of the quotation the next sentence may run on
        run = 0
        for j, (si, k, sent) in enumerate(flat):
            seg = segments[si]
            resolver.learn(sent)
            run = run + 1 if runs_on[j] else 0
            if run > MAX_RUN_ON:
                speaker = None
            rec = SentenceRecord(sent, f"{doc_id}:{seg.index}:{k}", doc_id, seg, k,
                                 (seg.date or anchor) if seg.kind == "caption" else anchor,
                                 predictions.get((si, k)))
            rec.quoted_by = speaker if runs_on[j] else None
            if coded_segs[si]:
                out.append(self.code_sentence(rec, resolver))
            elif j in needed:
                self.find_speaker(rec, resolver)
            else:
                rec.speaker = rec.quoted_by
            speaker = rec.speaker
        return out

    def find_speaker(self, rec: SentenceRecord, resolver: Resolver) -> None:
        """The steps up to ``main_acts`` on a context sentence, for who it says speaks (nothing is coded)."""
        rec.mentions = list(resolver.mentions(rec.sent))
        find_triggers(rec, self.lexicon)
        find_arguments(rec)
        resolve(rec, resolver, self.arguments)
        main_acts(rec)
        rec.speaker = attributed_speaker(rec) or rec.quoted_by

    # ------------------------------------------------------------ one sentence
    def code_sentence(self, rec: SentenceRecord, resolver: Resolver) -> CodedSentence:
        """Run the steps over one sentence. ``resolver`` must already have ``learn``ed it."""
        self.find_speaker(rec, resolver)
        not_events(rec)
        assign_modality(rec)
        assign_dates(rec)
        reported_speech(rec)
        build_events(rec)
        arbitrate(rec, resolver, self.lexicon, self.config.classifier_fill_p)
        quoted_statement(rec)
        dedupe(rec)
        return rec.coded()


def default_classifier():
    """The shipped sentence classifier, or None when its weights are not installed (rules only)."""
    from realpolitik.errors import ModelMissingError
    from realpolitik.events.classifier import SentenceClassifier

    try:
        return SentenceClassifier.load()
    except ModelMissingError:
        return None
