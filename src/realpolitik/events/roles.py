"""Who does and who undergoes a trigger's act, read from the dependency parse alone (no actor knowledge).

The coder's "arguments" step: for one trigger it proposes source and target *heads* (tokens), grouped
into alternatives in order of preference — the resolve step takes the first group that names an actor.
Voice, coordination, control verbs, relative clauses, nominal events and light verbs are handled here;
which real actor a head denotes is the resolver's business, not this module's.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

SUBJ_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Prepositions that introduce a target when the lexicon entry does not say otherwise.
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "from")
# Verbs whose subject a dependent infinitive/gerund inherits ("Russia agreed to supply ...").
CONTROL_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp"})
# Nouns for measures an actor issues, which then "do" what their issuer does ("a decree that bans ...").
INSTRUMENT_NOUNS = frozenset({
    "decree", "law", "bill", "order", "resolution", "legislation", "measure", "package", "directive", "ordinance",
    "edict", "ruling", "regulation", "statement", "declaration", "letter", "note"})
# Nouns for agreements, which can be the subject of their own coming into force: their parties act.
AGREEMENT_NOUNS = frozenset({"deal", "agreement", "accord", "treaty", "pact", "contract", "protocol", "convention",
                             "ceasefire", "truce", "armistice", "memorandum"})
REL_PRONOUNS = frozenset({"that", "which"})  # "who" relatives are people, resolved (or not) by the resolver
MAIN_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "parataxis"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# Reporting verbs whose subject is taken as the doer of an agentless passive they report, and the CAMEO
# code prefixes for which that holds: governments announce their own measures (and threats of them:
# 131/132), but victims report attacks.
_OWN_MEASURES = ("06", "07", "08", "16", "17", "131", "132")
ANNOUNCERS = {"announce": None, "say": _OWN_MEASURES, "state": _OWN_MEASURES, "confirm": _OWN_MEASURES,
              "declare": _OWN_MEASURES}


@dataclass(frozen=True)
class Alternative:
    """A group of heads for one side of an event, and the structure rule that proposed it."""

    heads: tuple[Token, ...]
    rule: str = ""


@dataclass(frozen=True)
class Arguments:
    """Source and target proposals for one trigger, each a sequence of alternatives (first that resolves wins)."""

    sources: tuple[Alternative, ...]
    targets: tuple[Alternative, ...]

    @property
    def rule(self) -> str:
        return self.sources[0].rule if self.sources else ""


def np_span(head: Token) -> Span:
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


def conjuncts(tok: Token) -> list[Token]:
    """A head and the heads coordinated with it ("Iran and Russia")."""
    return [tok, *[c for c in tok.conjuncts if c.i != tok.i]]


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of a verb and whether the clause is passive (subject = the one acted on)."""
    subs = [c for c in verb.children if c.dep_ in SUBJ_DEPS]
    if subs:
        return subs, False
    psubs = [c for c in verb.children if c.dep_ in PASSIVE_SUBJ_DEPS]
    if psubs:
        return psubs, True
    # "Between 1.1 and 1.5 million people were killed": the parser lost the subject, but "were killed" is
    # still passive (its doer is the agent, not whoever else the sentence names)
    return [], any(c.dep_ == "auxpass" for c in verb.children)


def inherited_subjects(verb: Token) -> list[Token]:
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
        subs, passive = subjects(tok)
        if subs and not passive:
            return subs
        if tok.dep_ == "xcomp":
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            if objs:  # "urged Iran to stop" -> Iran stops
                return objs
    return []


def prep_objects(tok: Token, preps: Sequence[str]) -> list[Token]:
    out = []
    for child in tok.children:
        if child.dep_ in {"prep", "agent", "dative"} and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def agents(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def nominal_source(noun: Token) -> list[Token]:
    """Source of an event noun: possessor, "by X", a demonym/compound modifier ("Russian airstrikes")."""
    poss = [c for c in noun.children if c.dep_ == "poss"]
    if poss:
        return poss
    by = prep_objects(noun, ("by",))
    if by:
        return by
    return [c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i]


# Prepositions that set the scene rather than join the subject in the act: "following a consultation, the
# minister decided ..." — the minister did not consult.
SETTING_PREPS = frozenset({"after", "before", "following", "during", "despite", "amid", "amidst", "since", "until",
                           "ahead", "prior", "pending", "throughout", "like", "unlike", "besides", "beyond"})


def light_verb_subject(noun: Token) -> list[Token]:
    """ "Russia carried out airstrikes", "took part in talks": an event noun as object of a verb takes that
    verb's subject (not through a setting preposition: "after talks, Iran said ...")."""
    head = noun.head
    if noun.dep_ in {"dobj", "nsubjpass", "pobj"}:
        if noun.dep_ == "pobj":
            if head.lower_ in SETTING_PREPS:
                return []
            head = head.head
        if head.pos_ in {"VERB", "AUX"}:
            subs, passive = subjects(head)
            if passive:
                return agents(head)
            return subs or inherited_subjects(head)
    return []


def announced_own_act(tok: Token, cameo: str) -> bool:
    """An agentless passive reported by a speaker who is its doer ("X announced that sanctions were lifted")."""
    if tok.dep_ != "ccomp" or tok.head.lemma_ not in ANNOUNCERS:
        return False
    roots = ANNOUNCERS[tok.head.lemma_]
    subs, passive = subjects(tok.head)
    return bool(subs) and not passive and (roots is None or cameo.startswith(roots))


# Statement verbs whose content the speaker's act is coded by (the coder's speech step), and whose
# speaker is the "I" / "we" of what they report.
SPEECH_LEMMAS = frozenset({
    "say", "state", "tell", "announce", "declare", "add", "claim", "insist", "stress", "note", "explain", "report",
    "write", "affirm", "assert", "confirm", "reiterate", "remark", "comment", "argue", "reply", "respond",
    "indicate", "emphasise", "emphasize", "maintain", "contend", "tweet", "quote", "suggest",
    "agree"})  # ("agree" reports a clause only in its statement sense: "agreed (that) spending would rise")
FIRST_PERSON = frozenset({"i", "we", "me", "us"})


def reports(speech: Token, tok: Token) -> bool:
    """Does the statement at ``speech`` report the clause of ``tok`` ("X said (that) Y ...", "Y ..., X said")?"""
    if tok.i == speech.i:
        return False
    for c in speech.children:
        if c.dep_ in ("ccomp", "parataxis") and (c.i == tok.i or c.is_ancestor(tok)):
            return True
    if speech.dep_ in ("parataxis", "ccomp") and speech.head.i != speech.i and not speech.is_ancestor(tok):
        h = speech.head
        return h.i == tok.i or h.is_ancestor(tok)
    return False


def quoted_speaker(tok: Token, heads: Sequence[Token]) -> list[Token]:
    """The speaker an "I" / "we" stands for when the clause is reported ('X told the BBC: "I am ready to
    meet ..."', '"We will ...," X said'): the subject of the statement verb that reports the clause; [] when
    the heads are not all first person or no statement verb reports them."""
    if not heads or not all(h.lower_ in FIRST_PERSON for h in heads):
        return []
    for speech in tok.sent:
        if speech.pos_ == "VERB" and speech.lemma_.lower() in SPEECH_LEMMAS and reports(speech, tok):
            subs, passive = subjects(speech)
            if subs and not passive and not any(s.lower_ in FIRST_PERSON for s in subs):
                return subs
    return []


def _alt(heads, rule: str = "") -> Alternative:
    return Alternative(tuple(heads), rule)


def arguments(match, tok: Token) -> Arguments:
    """Source/target proposals for the trigger `match` sitting on token `tok`."""
    preps = tuple(match.target_preps) or DEFAULT_TARGET_PREPS
    if match.nominal or tok.pos_ in {"NOUN", "PROPN"}:
        tgt_heads = prep_objects(tok, preps)
        # "sign a deal with Iran" style: the target may hang off the governing verb
        if not tgt_heads and tok.dep_ == "dobj":
            tgt_heads = prep_objects(tok.head, preps)
        return Arguments((_alt(nominal_source(tok), "nominal"), _alt(light_verb_subject(tok), "nominal+verb-subject")),
                         (_alt(tgt_heads), _alt(place_targets(match, tok), "place")))

    subs, passive = subjects(tok)
    if (not subs and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"}
            and tok.head.dep_ != "ROOT"):  # a noun as root means the parser missed the main verb ("Russia ... offered")
        # a past participle on a noun is passive: "rebels backed by Turkey" (agent acts on the noun);
        # with no agent it only describes the noun ("fighters opposed to ...", "men convicted of ...")
        return Arguments((_alt(agents(tok), "participle"),), (_alt([tok.head]),))
    sources: list[Alternative]
    if passive:
        src_heads = agents(tok)
        sources = [_alt(src_heads, "passive")]
        if not src_heads and announced_own_act(tok, match.cameo):
            # "the ministry announced that 47 men had been put to death", "he said flights would be halted"
            sources = [_alt(subjects(tok.head)[0], "passive+announcer")]
        tgt_heads = list(subs)
    else:
        sources = [_alt(subs or inherited_subjects(tok), "active" if subs else "active+inherited-subject")]
        if not subs and instrument_content(tok):
            # "Iran issued a statement condemning the strikes": the statement's content is its issuer's act
            sources.append(_alt(issuer(tok.head), "active+instrument-issuer"))
        speaker = quoted_speaker(tok, sources[0].heads)
        if speaker:  # 'X told the BBC: "I am ready to meet ..."': the one quoted, not the nearest mention
            sources.append(_alt(speaker, "active+quoted-speaker"))
        parties = [p for sub in subs if sub.lemma_.lower() in AGREEMENT_NOUNS
                   for p in nominal_source(sub) + prep_objects(sub, ("between", "with", "among"))]
        if parties:  # "the deal between Iran and Russia came into force": the agreement's parties
            sources.append(_alt(parties, "active+agreement-parties"))
        if subs and tok.dep_ == "relcl" and all(s.lower_ in REL_PRONOUNS for s in subs):
            # "a decree that bans flights": the relative pronoun stands for the noun, and a noun that is no
            # actor stands for whoever issued it ("Putin signed a decree that bans ...")
            sources = [_alt([tok.head], "active+relative-head")]
            if tok.head.lemma_.lower() in INSTRUMENT_NOUNS and tok.head.dep_ in {"dobj", "nsubjpass"}:
                by = issuer(tok.head)
                if by:
                    sources.append(_alt(by, "active+relative-issuer"))
        members = member_subjects(tok)
        if members:  # "Turkey is among the countries that have condemned ...": Turkey condemned
            sources.insert(0, _alt(members, "active+member-of"))
        tgt_heads = [c for c in tok.children if c.dep_ in {"dobj", "dative"}] if match.target_dobj else []
    tgt_heads = [*tgt_heads, *prep_objects(tok, preps)]
    comp = tok.doc[match.complement] if match.complement is not None else None
    if comp is not None:
        # "threatened to strike Iran", "launched an attack on Iran", "demanded that Hamas renounce ..."
        tgt_heads += [c for c in comp.children if c.dep_ in {"dobj", "dative"}] + prep_objects(comp, preps)
        if comp.dep_ == "ccomp":
            tgt_heads += [c for c in comp.children if c.dep_ in SUBJ_DEPS | PASSIVE_SUBJ_DEPS]
    if not tgt_heads and not match.cameo.startswith("01"):
        for c in tok.children:
            if c.dep_ == "ccomp" and any(g.dep_ == "mark" for g in c.children):  # "demanded that X ..."
                tgt_heads += [g for g in c.children if g.dep_ in SUBJ_DEPS]
    objects = [obj for obj in tok.children if obj.dep_ == "dobj"]
    if getattr(match, "object_source", False):
        # "won Russia's backing", "secured the approval of parliament": whoever the object belongs to
        owners = [o for obj in objects for o in nominal_source(obj) + prep_objects(obj, ("of", "from"))]
        return Arguments(tuple(sources), (_alt(owners),))
    # "signed an agreement with Iran", "imposed sanctions on Iran": target off the object noun
    targets = [_alt(tgt_heads)] + [_alt(prep_objects(obj, preps)) for obj in objects]
    targets.append(_alt(place_targets(match, tok), "place"))
    return Arguments(tuple(sources), tuple(targets))


def member_copula(tok: Token) -> Token | None:
    """The "be" of "S is among the N that ..." / "S is one of the N who ..." when ``tok`` is that relative
    clause: the clause says what a group does and the sentence puts S in it."""
    if tok.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.lower_ in REL_PRONOUNS | {"who"} for c in tok.children):
        return None
    noun = tok.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "among":
        cop = prep.head
    elif prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.dep_ == "attr":
        cop = prep.head.head
    else:
        return None
    return cop if cop.lemma_ == "be" else None


def member_subjects(tok: Token) -> list[Token]:
    """The subject a relative clause is told of: "Turkey is among the countries that have condemned ...",
    "the president is one of the leaders who have called for talks" (:func:`member_copula`)."""
    cop = member_copula(tok)
    if cop is None:
        return []
    subs, passive = subjects(cop)
    return [] if passive else subs


def issuer(noun: Token) -> list[Token]:
    """Who issued a measure or statement noun: the doer of the verb it is the object of ("Putin signed a
    decree ...", "Iran issued a statement ...", "a letter was sent by the ministry")."""
    gov = noun.head
    subs, passive = subjects(gov)
    return agents(gov) if passive else subs or inherited_subjects(gov)


# Verbs by which an actor puts out a statement or measure of its own (not "saw statements insisting ...").
ISSUING_VERBS = frozenset({"issue", "release", "send", "sign", "publish", "deliver", "pass", "adopt", "approve",
                           "draft", "make", "put", "write", "hand", "submit", "present", "table", "unveil",
                           "circulate", "enact", "decree", "address"})


def instrument_content(tok: Token) -> bool:
    """A gerund on a statement or measure noun that an actor issues, sends or signs: what the statement
    does ("issued a statement condemning the strikes", "sent a letter urging Iran to ...", "signed a decree
    banning imports"), not a description of a thing ("I have seen statements insisting ...")."""
    noun = tok.head
    return (tok.dep_ == "acl" and tok.tag_ == "VBG" and noun.pos_ == "NOUN"
            and noun.lemma_.lower() in INSTRUMENT_NOUNS and noun.dep_ in {"dobj", "nsubjpass"}
            and noun.head.pos_ in {"VERB", "AUX"} and noun.head.lemma_.lower() in ISSUING_VERBS)


# CAMEO roots of acts done *on* the place they happen in (force posture, assault, fight, mass violence):
# "airstrikes in Syria", "a blockade in Gaza" target Syria and Gaza; a protest, a visit or talks in a city do not.
PLACE_TARGET_ROOTS = ("15", "18", "19", "20")
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


def place_targets(match, tok: Token) -> list[Token]:
    """The place a use of force is done in, as its target when nothing else is ("Russia carried out
    airstrikes in Syria", "imposed a blockade in the West Bank"): an "in" object that names a place, on the
    trigger, its object or complement, or the light verb of an event noun."""
    if not str(match.cameo).startswith(PLACE_TARGET_ROOTS):
        return []
    hosts = [tok, *[c for c in tok.children if c.dep_ == "dobj"]]
    if match.complement is not None:
        hosts.append(tok.doc[match.complement])
    if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "dobj":
        hosts.append(tok.head)
    return [o for h in hosts for o in prep_objects(h, ("in", "inside"))
            if o.ent_type_ in PLACE_ENTS and not any(c.dep_ == "poss" for c in o.children)]


# ---------------------------------------------------------------- clause structure


def in_main_clause(tok: Token) -> bool:
    """Whether a trigger heads the sentence's main clause or a clause reported/coordinated with it,
    rather than a relative, adverbial or prepositional aside ("during a summit", "who were killed")."""
    for _ in range(8):
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return True
        if tok.dep_ not in MAIN_CLAUSE_DEPS:
            return False
        tok = tok.head
    return False


# Adverbial clauses that set the scene ("after X did Y", "when reporters suggested ...") rather than tell the act.
BACKGROUND_MARKS = frozenset({"after", "before", "since", "when", "whenever", "while", "as", "once", "until",
                              "although", "though", "because", "whereas", "where"})


def _noun_predicate(t: Token) -> tuple[Token | None, str]:
    """The verb an event noun is the subject or object of, or the noun's role when it hangs off no verb."""
    for _ in range(6):  # "talks and a deal": the first conjunct's place
        if t.dep_ != "conj" or t.head.pos_ not in {"NOUN", "PROPN"}:
            break
        t = t.head
    if t.dep_ == "ROOT" or t.head.i == t.i:
        return None, "main"  # a headline's event noun
    if t.dep_ in {"nsubj", "nsubjpass", "dobj", "attr", "oprd", "dative"} and t.head.pos_ in {"VERB", "AUX"}:
        return t.head, "main"
    if t.dep_ in {"pobj", "pcomp"} and t.head.dep_ in {"prep", "agent"} and t.head.head.pos_ in {"VERB", "AUX"}:
        if t.head.lower_ in SETTING_PREPS:
            return None, "background"  # "after talks, Iran said ..."
        return t.head.head, "main"
    return None, "embedded"


def clause_role(tok: Token) -> str:
    """Where a trigger sits in its sentence:
    ``main``       — the predicate of the main clause (or of a clause coordinated with it, reported by it, or
                     controlled by it: "promised to visit"), or an event noun that is such a predicate's
                     subject or object ("held talks"): the sentence's own act; a measure's relative clause
                     is the measure ("issued a decree that bans imports");
    ``background`` — in an adverbial clause that sets the scene ("after X did Y", "when reporters
                     suggested ...", "Asked about X, she said ..."), or as a noun under a setting preposition;
    ``embedded``   — in a relative clause, a noun's modifier or complement ("claims government plans would
                     ...", "statements insisting ..."): it describes a thing, it is not told as an act."""
    t: Token | None = tok
    role = "main"
    if tok.pos_ in {"NOUN", "PROPN"}:
        t, role = _noun_predicate(tok)
    for _ in range(12):
        if t is None:
            return role
        if t.dep_ == "ROOT" or t.head.i == t.i:
            return role
        if t.dep_ == "advcl":
            marks = {c.lower_ for c in t.children if c.dep_ == "mark"}
            if marks & BACKGROUND_MARKS or (not marks and t.tag_ in {"VBG", "VBN"} and t.i < t.head.i):
                role = "background"  # "Unveiling the increase, Blair said ...", "Asked about X, she said ..."
        elif t.dep_ in {"pcomp", "pobj"} and t.head.dep_ == "prep" and t.head.head.pos_ in {"VERB", "AUX"}:
            role = "background"  # "with the minister saying ...", "by raising taxes"
            t = t.head
        elif t.dep_ == "acl" and t.head.dep_ == "ROOT" and t.head.pos_ in {"NOUN", "PROPN"}:
            return role  # a noun as root: the parser missed the main verb ("Russia, which ..., offered to")
        elif t.dep_ in {"relcl", "acl"} and t.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            when = any(c.dep_ == "advmod" and c.lower_ in {"when", "where"} for c in t.children)
            aside = t.dep_ == "acl" and t.tag_ == "VBG" and t.head.dep_ in {"nsubj", "nsubjpass"}
            measure = (t.dep_ == "relcl" and t.head.lemma_.lower() in INSTRUMENT_NOUNS) or instrument_content(t)
            cop = member_copula(t)
            if cop is not None:  # "Turkey is among the countries that condemned ...": the subject's own act
                t = cop
                continue
            if not (when or aside or measure):
                return "embedded"
            # "on January 2, when the ministry announced ...": a time clause; "the League, meeting in
            # Cairo, condemned ...": the subject's own aside; "a decree that bans ...": the measure itself
            t, own = _noun_predicate(t.head)
            if own == "embedded":
                return "embedded"
            if when or aside or own == "background":
                role = "background"
            continue
        elif t.dep_ not in MAIN_CLAUSE_DEPS:
            return "embedded"
        t = t.head
    return "embedded"


def asserted_complement(m, doc: Doc) -> bool:
    """A demand, appeal or intent verb over an indicative that-clause ("insists that the aircraft never left",
    "agreed the act was discriminatory"): the speaker asserts a fact rather than asking for or promising
    one ("insisted that Iran stop / should stop", "agreed that they would cooperate")."""
    if m.complement is not None:
        if m.family not in ("demand", "appeal", "intent"):
            return False
        comp = doc[m.complement]
    else:  # the clause holds no trigger of its own: is the attitude verb's that-clause an assertion?
        head = doc[m.head]
        entry_family = getattr(m, "head_family", None)
        clauses = [c for c in head.children if c.dep_ == "ccomp" and c.i > head.i]
        if entry_family not in ("demand", "appeal", "intent") or not clauses:
            return False
        comp = clauses[0]
    if comp.dep_ != "ccomp" or comp.tag_ not in {"VBD", "VBZ", "VBN"}:  # VBP is also the subjunctive
        return False
    return not any(c.dep_ == "aux" and c.tag_ == "MD" for c in comp.children)


def conjoined_object(tok: Token, heads: set[int]) -> bool:
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


def told_not_to(tok: Token) -> bool:
    """A negated infinitive complement of a verb with its own object ("advised Russians not to travel"):
    the object is told not to act, which is neither the subject's refusal nor an event."""
    return (tok.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and any(c.dep_ in {"dobj", "dative"} for c in tok.head.children))
