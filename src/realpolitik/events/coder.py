"""The event coder: a parsed sentence -> who did what to whom, when, and how sure the text is.

Each lexicon trigger (verb or event noun) is tied to its source and target actors through the
dependency parse: subjects (with coordination, passive agents, relative clauses, control verbs and
coordinated verbs inheriting their subject), direct objects and target prepositions, possessors and
demonym modifiers of event nouns ("Shoigu's visit to Tehran", "Russian airstrikes"). A learned
sentence classifier arbitrates between competing triggers and codes sentences the lexicon misses.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.errors import RealpolitikError
from realpolitik.records import ActorRef, CodedSentence, Event, Segment
from realpolitik.events import codebook, triggers
from realpolitik.events.dates import event_date
from realpolitik.events.modality import FACTUAL_KINDS, modality

SUBJ_DEPS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJ_DEPS = {"nsubjpass", "csubjpass"}
# Prepositions that introduce a target when the lexicon entry does not say otherwise.
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "from")
# Verbs whose subject a dependent infinitive/gerund inherits ("Russia agreed to supply ...").
CONTROL_DEPS = {"xcomp", "conj", "advcl", "pcomp"}
# Modality kinds a lexicon code can absorb (intent, demand codes) so the statement itself is factual.
ABSORBED_KINDS = {"future", "prescriptive"}
# Classifier confidence needed to code a sentence the lexicon missed / to override a lexicon pick.
CLASSIFIER_FILL_P = 0.7


@dataclass
class CoderOptions:
    """Knobs for the coder; defaults are what the CLI uses."""

    classifier: object | None = None  # a SentenceClassifier, or None for rules only
    code_titles: bool = False  # headlines repeat the body in headline-ese


def _np_span(head: Token) -> Span:
    """The noun phrase headed by `head`, without trailing relative clauses and appositions' punctuation."""
    doc = head.doc
    left = head.left_edge.i
    right = head.i
    for child in head.rights:
        if child.dep_ in {"relcl", "acl", "cc", "conj", "advcl"}:
            break
        if child.dep_ != "punct":  # keep the apposition: "Iran's deputy oil minister, Abbas Shahri Moghaddam,"
            right = max(right, child.right_edge.i)
    return doc[left : right + 1]


def _conjuncts(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Iran and Russia")."""
    return [tok, *[c for c in tok.conjuncts if c.i != tok.i]]


def _resolve_all(resolver, heads: Iterable[Token]) -> list[ActorRef]:
    refs: list[ActorRef] = []
    for head in heads:
        for tok in _conjuncts(head):
            ref = resolver.resolve(_np_span(tok), head=tok)
            if ref is None and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss"}:
                # "officials of Iran", "leaders from Russia": the actor hangs off a preposition
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in {"of", "from", "in"}:
                        for pobj in prep.children:
                            if pobj.dep_ == "pobj":
                                ref = resolver.resolve(_np_span(pobj), head=pobj)
            if ref is None:
                ref = _unresolved_entity(tok)
            if ref is not None and all(r.actor_id != ref.actor_id for r in refs):
                refs.append(ref)
    return refs


UNRESOLVED_KINDS = {"PERSON": "person", "ORG": "group", "NORP": "group"}


def _unresolved_entity(tok: Token) -> ActorRef | None:
    """A named person or organisation the knowledge base cannot place ("Theresa May" with no country in
    the text): still the event's actor, with its country unknown, rather than no event at all."""
    if tok.ent_type_ not in UNRESOLVED_KINDS or tok.ent_iob_ == "O":
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


def _subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb and whether the clause is passive (subject = the one acted on)."""
    subs = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subs:
        return subs, False
    psubs = [c for c in verb.children if c.dep_ in PASSIVE_SUBJ_DEPS]
    if psubs:
        return psubs, True
    return [], False


def _inherited_subjects(verb: Token) -> list[Token]:
    """Subject of a governing verb for xcomp/conj/advcl chains, or the noun a relative clause modifies."""
    tok = verb
    for _ in range(4):
        if tok.dep_ == "relcl":
            return [tok.head]
        if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return [tok.head]
        if tok.dep_ not in CONTROL_DEPS or tok.head.i == tok.i:
            return []
        tok = tok.head
        subs, passive = _subjects(tok)
        if subs and not passive:
            # "Iran was asked to leave" -> the object of the asking acts; keep simple: active only
            return subs
        if tok.dep_ == "xcomp":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:  # "urged Iran to stop" -> Iran stops
                return objs
    return []


def _prep_objects(tok: Token, preps: Sequence[str]) -> list[Token]:
    out = []
    for child in tok.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _nominal_source(noun: Token) -> list[Token]:
    """Source of an event noun: possessor, "by X", a demonym/compound modifier ("Russian airstrikes")."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss
    by = _prep_objects(noun, ("by",))
    if by:
        return by
    mods = [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i]
    return mods


def _light_verb_subject(noun: Token) -> list[Token]:
    """ "Russia carried out airstrikes": an event noun as object of a verb takes that verb's subject."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"}:
        if noun.dep_ == "pobj":
            head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            subs, passive = _subjects(head)
            if passive:
                return _agents(head)
            return subs or _inherited_subjects(head)
    return []


def _actors_for(match, resolver) -> tuple[list[ActorRef], list[ActorRef], str]:
    """(sources, targets, structure rule) for one trigger."""
    tok = match.trigger_token
    preps = tuple(match.target_preps) or DEFAULT_TARGET_PREPS
    if match.nominal or tok.pos_ in {"NOUN", "PROPN"}:
        src_heads = _nominal_source(tok)
        rule = "nominal"
        sources = _resolve_all(resolver, src_heads)
        if not sources:
            sources = _resolve_all(resolver, _light_verb_subject(tok))
            rule = "nominal+verb-subject"
        tgt_heads = _prep_objects(tok, preps)
        # "sign a deal with Iran" style: the target may hang off the governing verb
        if not tgt_heads and tok.dep_ == "dobj":
            tgt_heads = _prep_objects(tok.head, preps)
        targets = _resolve_all(resolver, tgt_heads)
        return sources, targets, rule

    subs, passive = _subjects(tok)
    if (not subs and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}
            and tok.head.dep_ != "ROOT"):  # a noun as root means the parser missed the main verb ("Russia ... offered")
        # a past participle on a noun is passive: "rebels backed by Turkey" (agent acts on the noun);
        # with no agent it only describes the noun ("fighters opposed to ...", "men convicted of ...")
        return _resolve_all(resolver, _agents(tok)), _resolve_all(resolver, [tok.head]), "participle"
    if passive:
        rule = "passive"
        src_heads = _agents(tok)
        tgt_heads = subs
        if not src_heads and _announced_own_act(tok, match.cameo):
            # "the ministry announced that 47 men had been put to death", "he said flights would be halted"
            src_heads, rule = _subjects(tok.head)[0], "passive+announcer"
    else:
        rule = "active"
        src_heads = subs or _inherited_subjects(tok)
        if not subs:
            rule = "active+inherited-subject"
        elif tok.dep_ == "relcl" and all(s.lower_ in REL_PRONOUNS for s in subs):
            # "a decree that bans flights": the relative pronoun stands for the noun, and a noun that is no
            # actor stands for whoever issued it ("Putin signed a decree that bans ...")
            src_heads, rule = [tok.head], "active+relative-head"
            if (tok.head.lemma_.lower() in INSTRUMENT_NOUNS and tok.head.dep_ in {"dobj", "nsubjpass"}
                    and resolver.resolve(_np_span(tok.head), head=tok.head) is None):
                gov = tok.head.head
                gsubs, gpassive = _subjects(gov)
                src_heads = (_agents(gov) if gpassive else gsubs or _inherited_subjects(gov)) or src_heads
                rule = "active+relative-issuer"
        tgt_heads = []
        if match.target_dobj:
            tgt_heads = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    tgt_heads = [*tgt_heads, *_prep_objects(tok, preps)]
    comp = tok.doc[match.complement] if match.complement is not None else None
    if comp is not None:
        # "threatened to strike Iran", "launched an attack on Iran", "demanded that Hamas renounce ..."
        tgt_heads += [c for c in comp.children if c.dep_ in {"dobj", "dative"}] + _prep_objects(comp, preps)
        if comp.dep_ == "ccomp":
            tgt_heads += [c for c in comp.children if c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS]
    if not tgt_heads and not match.cameo.startswith("01"):
        for c in tok.children:
            if c.dep_ == "ccomp" and any(g.dep_ == "mark" for g in c.children):  # "demanded that X ..."
                tgt_heads += [g for g in c.children if g.dep_ in SUBJ_DEPS]
    sources = _resolve_all(resolver, src_heads)
    targets = _resolve_all(resolver, tgt_heads)
    if not targets:
        # "signed an agreement with Iran", "imposed sanctions on Iran": target off the object noun
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            targets = _resolve_all(resolver, _prep_objects(obj, preps))
            if targets:
                break
    return sources, targets, rule


@dataclass
class _Match:
    """A trigger match plus the token it sits on (the lexicon gives doc indices)."""

    raw: object
    trigger_token: Token

    def __getattr__(self, name):
        return getattr(self.raw, name)


# Nouns for measures an actor issues, which then "do" what their issuer does ("a decree that bans ...").
INSTRUMENT_NOUNS = {"decree", "law", "bill", "order", "resolution", "legislation", "measure", "package", "directive",
                    "ordinance", "edict", "ruling", "regulation", "statement", "declaration", "letter", "note"}
REL_PRONOUNS = {"that", "which"}  # "who" relatives are people, resolved (or not) by the resolver
MAIN_CLAUSE_DEPS = {"ROOT", "conj", "ccomp", "xcomp", "parataxis"}
MODIFIER_DEPS = {"amod", "compound", "nmod", "npadvmod"}


def _in_main_clause(tok: Token) -> bool:
    """Whether a trigger heads the sentence's main clause or a clause reported/coordinated with it,
    rather than a relative, adverbial or prepositional aside ("during a summit", "who were killed")."""
    for _ in range(8):
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return True
        if tok.dep_ not in MAIN_CLAUSE_DEPS:
            return False
        tok = tok.head
    return False


# Reporting verbs whose subject is taken as the doer of an agentless passive they report, and the CAMEO
# code prefixes for which that holds: governments announce their own measures (and threats of them:
# 131/132), but victims report attacks.
_OWN_MEASURES = ("06", "07", "08", "16", "17", "131", "132")
ANNOUNCERS = {"announce": None, "say": _OWN_MEASURES, "state": _OWN_MEASURES, "confirm": _OWN_MEASURES,
              "declare": _OWN_MEASURES}


def _announced_own_act(tok: Token, cameo: str) -> bool:
    """An agentless passive reported by a speaker who is its doer ("X announced that sanctions were lifted")."""
    if tok.dep_ != "ccomp" or tok.head.lemma_ not in ANNOUNCERS:
        return False
    roots = ANNOUNCERS[tok.head.lemma_]
    subs, passive = _subjects(tok.head)
    return bool(subs) and not passive and (roots is None or cameo.startswith(roots))


def _independent_clause(tok: Token) -> bool:
    """A verb heading a coordinated main clause with a subject of its own ("Kerry telephoned ..., and Ban
    urged ..."): its event stands beside the sentence's other events rather than competing with them."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    if tok.dep_ == "ROOT":  # the first of such clauses
        return any(c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and _has_subject(c) for c in tok.children)
    return tok.dep_ == "conj" and _in_main_clause(tok) and _has_subject(tok)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS for c in tok.children)


def _asserted_complement(m, doc: Doc) -> bool:
    """A demand/appeal verb over an indicative that-clause ("insists that the aircraft never left"): the
    speaker asserts a fact rather than asking for one ("insisted that Iran stop / should stop")."""
    if m.complement is None or m.family not in ("demand", "appeal"):
        return False
    comp = doc[m.complement]
    if comp.dep_ != "ccomp" or comp.tag_ not in {"VBD", "VBZ", "VBN"}:  # VBP is also the subjunctive
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children)


def _conjoined_object(tok: Token, heads: set[int]) -> bool:
    """An event noun coordinated with the object of another trigger verb shares that object's role."""
    if tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ != "conj":
        return False
    first = tok
    for _ in range(6):
        if first.dep_ != "conj":
            break
        first = first.head
    gov = first.head.head if first.dep_ == "pobj" else first.head
    return first.dep_ in {"dobj", "pobj", "nsubjpass"} and gov.i in heads and gov.pos_ in {"VERB", "AUX"}


def _told_not_to(tok: Token) -> bool:
    """A negated infinitive complement of a verb with its own object ("advised Russians not to travel"):
    the object is told not to act, which is neither the subject's refusal nor an event."""
    return (tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and any(c.dep_ in {"dobj", "dative"} for c in tok.head.children))


def _event_id(*parts: object) -> str:
    return hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]


def _distinct(a: ActorRef, b: ActorRef) -> bool:
    """Two mentions that can be the two sides of an event: not the same actor, nor a state and its own
    government ("Russia" / "the Kremlin"), though a government and its own rebels can be."""
    if a.actor_id == b.actor_id:
        return False
    if a.country and a.country == b.country:
        return bool(a.sector and b.sector and a.sector != b.sector)
    return True


def _fallback_actors(sent: Span, tok: Token, mentions: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """Nearest actor mention before the trigger as source, nearest after it as target."""
    rel = tok.idx - sent.start_char
    before = [m for m in mentions if m.end <= rel]
    after = [m for m in mentions if m.start > rel]
    src = [before[-1]] if before else []
    tgt = [m for m in after if not src or m.actor_id != src[0].actor_id][:1]
    return src, tgt


def code_sentence(
    sent: Span,
    resolver,
    *,
    doc_id: str,
    segment: Segment,
    sentence_index: int,
    anchor: dt.date | None,
    prediction=None,
) -> CodedSentence:
    """Code one parsed sentence. `resolver` must already have `learn`ed this sentence."""
    sid = f"{doc_id}:{segment.index}:{sentence_index}"
    text = sent.text
    coded = CodedSentence(sid, segment.index, sentence_index, text, sent.start_char)
    coded.mentions = list(resolver.mentions(sent))
    raw_matches = triggers.match_sentence(sent)
    matches = [_Match(m, sent.doc[m.head]) for m in raw_matches]
    pred_plover = prediction.plover if prediction is not None else None

    candidates: list[Event] = []
    own_clause: dict[str, bool] = {}
    trigger_dep: dict[str, str] = {}
    heads = {m.trigger_token.i for m in matches}
    for m in matches:
        tok = m.trigger_token
        if tok.dep_ in MODIFIER_DEPS and tok.pos_ in {"NOUN", "PROPN", "ADJ", "VERB"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            continue  # "the banned movement", "invasion forces", "visiting King Abdullah": not events
        if _conjoined_object(tok, heads):
            continue  # "condemned Iran's interference and the attacks on the missions": what is condemned
        if tok.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ in {"NOUN", "PROPN"} for c in tok.children):
            continue  # "the rivalry was a cold war", "it is a rupture": a characterisation, not an event
        try:
            code = codebook.cameo("010" if _asserted_complement(m, sent.doc) else m.cameo)
        except RealpolitikError:  # a lexicon code missing from the codebook (the tests guard both)
            continue
        sources, targets, rule = _actors_for(m, resolver)
        # a statement whose speaker we cannot place ("..., officials said") borrows no actor from what it reports
        if not sources and _in_main_clause(tok) and code.root != "01":
            fs, ft = _fallback_actors(sent, tok, coded.mentions)
            if fs:
                sources, rule = fs, rule + "+fallback-source"
                if not targets:
                    targets = ft
        if not sources:
            continue
        if not targets and code.root != "01":  # a statement has no addressee unless the text names one
            # human coders take a target from any clause of the sentence ("rallied ... to demand reforms
            # from the government"); we only refuse the source itself or its own state/government
            others = [x for x in coded.mentions if all(_distinct(x, src) for src in sources)]
            _, ft = _fallback_actors(sent, tok, others)
            if ft:
                targets, rule = ft, rule + "+fallback-target"
        mod = modality(tok)
        hypothetical, negated = mod.hypothetical, mod.negated
        if m.modal_absorbed:
            # the code itself expresses the modal ("will visit" -> intent, "must stop" -> demand,
            # "did not lift" -> refuse): that statement is the fact; conditionals and "could" still count
            hypothetical = any(k not in FACTUAL_KINDS and k not in ABSORBED_KINDS for k in mod.kinds)
            negated = False
            if ">modal:reject" in m.rule and _told_not_to(tok):
                negated = True  # "advised Russians not to travel": nobody refused anything
        when = event_date(sent, anchor, tok)
        pairs: list[tuple[ActorRef, ActorRef | None]] = []
        if m.symmetric and not targets and len(sources) > 1:
            pairs = [(a, b) for a in sources for b in sources if a.actor_id != b.actor_id]
        else:
            pairs = [(s, t) for s in sources for t in (targets or [None]) if t is None or t.actor_id != s.actor_id]
            if m.symmetric:
                pairs += [(t, s) for s, t in list(pairs) if t is not None]
        start_tok, end_tok = sent.doc[m.start], sent.doc[m.end - 1]
        t_start = start_tok.idx - sent.start_char
        t_end = end_tok.idx + len(end_tok.text) - sent.start_char
        # the content clauses of an issued measure ("a decree that bans ...") are the measure's events
        independent = _independent_clause(tok) or rule.startswith("active+relative-issuer")
        for src, tgt in pairs:
            candidates.append(Event(
                event_id=_event_id(sid, m.head, src.actor_id, tgt.actor_id if tgt else "", code.code),
                doc_id=doc_id, sentence_id=sid, sentence=text, date=when, source=src, target=tgt,
                cameo=code.code, cameo_root=code.root, quad_class=code.quad_class, goldstein=code.goldstein,
                plover=code.plover or "", plover_mode=code.plover_mode,
                trigger=text[t_start:t_end], trigger_start=t_start, trigger_end=t_end,
                hypothetical=hypothetical, negated=negated, modality=tuple(mod.kinds),
                rule=f"{m.rule};{rule}" + (f";src:{src.rule}" if src.rule else ""),
                segment_kind=segment.kind,
            ))
            own_clause[candidates[-1].event_id] = independent
            trigger_dep[candidates[-1].event_id] = tok.dep_

    if not candidates and prediction is not None and prediction.plover_prob >= CLASSIFIER_FILL_P:
        candidates.extend(_classifier_events(sent, sid, doc_id, segment, anchor, prediction, coded.mentions))
    elif pred_plover and len({e.plover for e in candidates if e.plover and e.factual}) > 1:
        # competing types in one sentence: keep the type the classifier backs, else its quad class
        # events of an independent clause with its own subject ("..., and Ban urged ...") are not in competition
        found = {e.plover for e in candidates}
        if all(trigger_dep.get(e.event_id) == "acl" for e in candidates if e.plover == pred_plover):
            # the backed type only sits on a participle describing an actor ("the League, meeting in
            # Cairo, condemned ..."): the main predicate is the news and stays too
            for e in candidates:
                own_clause[e.event_id] = own_clause[e.event_id] or trigger_dep.get(e.event_id) == "ROOT"
        if pred_plover in found:
            candidates = [e for e in candidates if e.plover in (pred_plover, "") or not e.factual
                          or own_clause.get(e.event_id)]
        elif any(sentence_quad(e.cameo_root) == prediction.quad for e in candidates if e.factual):
            candidates = [e for e in candidates if sentence_quad(e.cameo_root) == prediction.quad
                          or not e.plover or not e.factual or own_clause.get(e.event_id)]
    first = next((e for e in candidates if e.factual and e.plover), None)
    if prediction is not None:
        coded.quad, coded.quad_prob = prediction.quad, prediction.quad_prob
    elif first is not None:
        coded.quad = sentence_quad(first.cameo_root)
    seen = set()
    for ev in candidates:
        key = (ev.cameo, ev.source.actor_id if ev.source else "", ev.target.actor_id if ev.target else "",
               ev.hypothetical, ev.negated)
        if key not in seen:
            seen.add(key)
            coded.events.append(ev)
    return coded


def sentence_quad(root: str) -> int:
    """CAMEO root -> the 5-way sentence class (0 statement 01-02, 1 verbal coop 03-05, 2 material coop
    06-08, 3 verbal conflict 09-13, 4 material conflict 14-20)."""
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def _classifier_events(sent, sid, doc_id, segment, anchor, prediction, mentions) -> list[Event]:
    """Code a sentence the lexicon missed from the classifier's type, actors from the root clause."""
    root = sent.root
    if len(mentions) == 0:
        return []
    src, tgt = _fallback_actors(sent, root, mentions)
    if not src:
        src, tgt = mentions[:1], [m for m in mentions[1:] if m.actor_id != mentions[0].actor_id][:1]
    cameo_code = codebook.cameo(codebook.default_cameo(prediction.plover))
    mod = modality(root)
    when = event_date(sent, anchor, root)
    t_start = root.idx - sent.start_char
    return [Event(
        event_id=_event_id(sid, root.i, src[0].actor_id, tgt[0].actor_id if tgt else "", cameo_code.code),
        doc_id=doc_id, sentence_id=sid, sentence=sent.text, date=when, source=src[0],
        target=tgt[0] if tgt else None, cameo=cameo_code.code, cameo_root=cameo_code.root,
        quad_class=cameo_code.quad_class, goldstein=cameo_code.goldstein, plover=cameo_code.plover or prediction.plover,
        plover_mode=cameo_code.plover_mode, trigger=root.text, trigger_start=t_start,
        trigger_end=t_start + len(root.text), hypothetical=mod.hypothetical, negated=mod.negated,
        modality=tuple(mod.kinds), rule=f"model:classifier(p={prediction.plover_prob:.2f})",
        segment_kind=segment.kind,
    )]


def code_segments(
    docs: Sequence[Doc],
    segments: Sequence[Segment],
    resolver,
    *,
    doc_id: str,
    anchor: dt.date | None,
    options: CoderOptions | None = None,
) -> list[CodedSentence]:
    """Code the parsed segments of one document, in order, sharing one resolver (people learned carry over)."""
    options = options or CoderOptions()
    sents_by_seg = [list(d.sents) for d in docs]
    resolver.prepare(list(docs))
    predictions: dict[tuple[int, int], object] = {}
    clf = options.classifier
    if clf is not None:
        keys = [(si, k) for si, ss in enumerate(sents_by_seg) for k in range(len(ss))
                if segments[si].kind != "title" or options.code_titles]
        if keys:
            preds = clf.predict([sents_by_seg[si][k].text for si, k in keys])
            predictions = dict(zip(keys, preds))
    out: list[CodedSentence] = []
    for si, (seg, sents) in enumerate(zip(segments, sents_by_seg)):
        for k, sent in enumerate(sents):
            resolver.learn(sent)
            if seg.kind == "title" and not options.code_titles:
                continue
            out.append(code_sentence(sent, resolver, doc_id=doc_id, segment=seg, sentence_index=k,
                                     anchor=(seg.date or anchor) if seg.kind == "caption" else anchor,
                                     prediction=predictions.get((si, k))))
    return out
