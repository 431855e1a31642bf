"""Is an event asserted as having happened? Negation and modality of one trigger from its parse.

Looks at the trigger's own auxiliaries and adverbs, the verbs that govern it (xcomp/ccomp chains such as
"plans to", "refused to", "urged ... to"), if/unless clauses and questions. Conventions: docs/dates_modality.md.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

from spacy.tokens import Token

__all__ = ["Modality", "modality", "governed", "KINDS", "FACTUAL_KINDS"]

KINDS = ("modal", "conditional", "future", "prescriptive", "question", "speculative", "reported")
FACTUAL_KINDS = frozenset({"reported"})  # attributed ("reportedly") but asserted: still factual


@dataclass(frozen=True)
class Modality:
    """Negation and the (sorted) modality kinds of one event trigger."""

    negated: bool = False
    kinds: tuple[str, ...] = ()

    @property
    def hypothetical(self) -> bool:
        """Any kind that means the event is not asserted as real (everything but ``FACTUAL_KINDS``)."""
        return any(k not in FACTUAL_KINDS for k in self.kinds)

    @property
    def factual(self) -> bool:
        return not self.negated and not self.hypothetical


# Closed-class grammar words and the small governing-verb classes; these are grammar, not a lexicon.
_FUTURE_AUX = frozenset(("will", "'ll", "shall", "wo", "sha", "would", "'d"))
_MODAL_AUX = frozenset(("can", "ca", "could", "may", "might"))
_PRESCRIPTIVE_AUX = frozenset(("should", "ought", "must"))
_NOT_NEGATING_NEXT = frozenset(("only", "just", "merely", "simply", "least"))  # "not only ... but"
_NEG_PRONOUNS = frozenset(("nobody", "nothing", "none", "no-one"))
_SPECULATIVE_ADV = frozenset((
    "perhaps", "possibly", "probably", "maybe", "likely", "presumably", "allegedly", "supposedly",
    "purportedly", "conceivably", "potentially", "seemingly", "ostensibly",
))
_REPORTED_ADV = frozenset(("reportedly", "apparently", "reputedly"))
_CONDITION_MARKS = frozenset(("if", "unless", "provided", "providing", "lest"))
_QUESTION_MARKS = frozenset(("whether",))
_WH_TAGS = frozenset(("WRB", "WP", "WDT", "WP$"))

# governors of an infinitive / gerund complement (xcomp), by lemma
_NEG_IMPLICATIVE = frozenset(("fail", "refuse", "decline", "neglect", "avoid", "refrain", "cease", "omit",
                              "forgo", "abstain", "hesitate"))
_POS_IMPLICATIVE = frozenset(("manage", "begin", "start", "continue", "resume", "proceed", "keep", "force",
                              "compel", "help", "dare", "remember", "get", "move", "rush", "hasten"))
_FUTURE_GOV = frozenset((
    "plan", "intend", "aim", "expect", "want", "wish", "hope", "seek", "try", "attempt", "prepare", "vow",
    "pledge", "promise", "threaten", "offer", "propose", "agree", "decide", "resolve", "plot", "mean",
    "schedule", "set", "due", "poised", "poise", "ready", "willing", "prepared", "eager", "keen", "determined",
    "about", "bound", "slate", "consider", "contemplate", "weigh", "mull", "struggle", "strive",
    "endeavor", "endeavour", "volunteer", "undertake", "commit", "scramble", "push", "look", "hurry",
))
_PRESCRIPTIVE_GOV = frozenset((
    "urge", "ask", "call", "demand", "press", "order", "tell", "encourage", "advise", "request", "require",
    "invite", "persuade", "pressure", "pressurize", "lobby", "need", "ought", "implore", "beg", "instruct",
    "direct", "exhort", "appeal", "insist", "recommend", "suggest", "command", "oblige", "obligate",
    "warn", "challenge", "authorize", "allow", "permit", "mandate",
))
_SPECULATIVE_GOV = frozenset((
    "likely", "unlikely", "seem", "appear", "believe", "think", "suspect", "allege", "rumor", "rumour",
    "presume", "suppose", "assume", "fear", "claim", "estimate", "understand", "know", "deny", "accuse",
    "speculate", "doubt", "guess", "wonder", "predict", "forecast", "anticipate", "possible", "probable",
))
# causatives taking a bare infinitive, which spaCy attaches as ccomp ("let them buy")
_CAUSATIVE = frozenset(("let", "make", "have", "help", "bid"))
_FUTURE_CCOMP = frozenset(("expect", "predict", "forecast", "anticipate", "hope", "wish", "plan", "intend",
                           "vow", "pledge", "promise", "threaten", "warn"))
_PRESCRIPTIVE_CCOMP = frozenset(("demand", "insist", "propose", "recommend", "urge", "request", "order",
                                 "require", "ask", "suggest", "advise", "command", "stipulate", "prefer"))
_SPECULATIVE_CCOMP = frozenset(("think", "believe", "suspect", "fear", "allege", "speculate", "doubt",
                                "guess", "suppose", "assume", "presume", "deny", "rumor", "rumour", "worry",
                                "estimate", "reckon", "imagine", "claim", "charge", "accuse"))
_QUESTION_CCOMP = frozenset(("ask", "wonder", "question", "consider", "debate", "discuss", "decide", "know"))
_REPORTED_GOV = frozenset(("report", "say"))
_REPORTING = frozenset(("say", "tell", "add", "state", "announce", "argue", "claim", "insist", "warn", "write",
                        "explain", "note", "report", "stress", "declare", "reply", "remark", "comment"))  # "is said to have", "is reported to have"
# a noun trigger takes the modality of these verbs ("may hold talks", "could launch a strike")
_LIGHT_VERBS = frozenset(("hold", "have", "conduct", "launch", "carry", "stage", "make", "reach", "take",
                          "give", "begin", "start", "continue", "resume", "issue", "mount", "do", "host",
                          "open", "sign", "impose", "deliver", "provide", "announce", "order", "initiate"))
# nouns whose to-infinitive is not (yet) real: "a plan to", "the threat to", "calls for Iran to"
_PRESCRIPTIVE_NOUNS = frozenset(("call", "demand", "request", "appeal", "order", "need", "ultimatum",
                                 "pressure", "obligation", "duty", "requirement", "recommendation"))
_NOUN_AMOD = {
    "planned": "future", "proposed": "future", "upcoming": "future", "future": "future", "intended": "future",
    "expected": "future", "prospective": "future", "scheduled": "future", "impending": "future",
    "threatened": "future", "looming": "future", "possible": "speculative", "potential": "speculative",
    "alleged": "speculative", "suspected": "speculative", "purported": "speculative", "rumored": "speculative",
    "rumoured": "speculative", "likely": "speculative", "probable": "speculative", "reported": "reported",
    "hypothetical": "modal", "failed": "negated", "aborted": "negated", "abortive": "negated",
}
_NEG_PREPS = frozenset(("without",))
_NEG_PREP_GOV = {("refrain", "from"), ("abstain", "from"), ("desist", "from"), ("stop", "from"),
                 ("prevent", "from"), ("bar", "from"), ("ban", "from"), ("keep", "from"), ("deter", "from"),
                 ("stop", "short"), ("instead", "of"), ("block", "from")}
_SPECULATIVE_PREP_GOV = {("accuse", "of"), ("suspect", "of"), ("charge", "with"), ("blame", "for"),
                         ("allegation", "of"), ("accusation", "of"), ("suspicion", "of"), ("claim", "of"),
                         ("report", "of"), ("rumor", "of"), ("rumour", "of"), ("risk", "of"),
                         ("threat", "of"), ("possibility", "of"), ("prospect", "of")}
_PRESCRIPTIVE_PREP_GOV = {("insist", "on"), ("call", "for"), ("push", "for"), ("press", "for"),
                          ("appeal", "for"), ("demand", "for"), ("ask", "for"), ("lobby", "for")}
_FUTURE_PREP_GOV = {("plan", "for"), ("prepare", "for"), ("plan", "of"), ("aim", "at"), ("hope", "for"),
                    ("threaten", "with"), ("intention", "of"), ("prospect", "of"), ("plot", "to"),
                    ("work", "toward"), ("work", "towards"), ("move", "toward"), ("move", "towards")}
_STOP = frozenset(("relcl", "appos"))  # a relative clause asserts its own event
# A present tense with a time still ahead tells an arrangement, not a fact ("is meeting officials tomorrow",
# "visits Paris next week"): the time words that point forward, and the present forms of "be" of a progressive
_FORWARD_TIME = frozenset(("tomorrow", "tonight"))
_FORWARD_MODS = frozenset(("next", "coming", "upcoming", "forthcoming"))  # "next week", "in the coming days"
_WEEKDAYS = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
_PRESENT_BE = frozenset(("is", "are", "am", "'s", "'re", "'m"))
_TIME_DEPS = frozenset(("npadvmod", "advmod", "tmod", "prep"))


def modality(trigger: Token) -> Modality:
    """Negation and modality kinds of the event whose trigger is ``trigger`` (a verb or event noun)."""
    return _modality(trigger, own=True)


def governed(trigger: Token) -> Modality:
    """The negation and kinds ``trigger`` gets from what governs it ("hopes (that) Russia will deliver",
    "plans to"), leaving out its own auxiliaries, adverbs and if-clause ("will deliver", "would meet if")."""
    return _modality(trigger, own=False)


def _modality(trigger: Token, own: bool) -> Modality:
    kinds: set[str] = set()
    negated = _own(trigger, kinds) if own else False
    chain = [trigger]  # the trigger and the governors whose markers it shares
    cur, inherit = trigger, True
    while cur.head.i != cur.i and cur.dep_ not in _STOP:
        if inherit:
            gov, share, neg = _step(cur, kinds)
            negated ^= neg  # "did not fail to" is rare; XOR keeps double negatives right
            if share:
                negated ^= _own(gov, kinds)
                chain.append(gov)
            inherit = share
        else:
            gov = cur.head if cur.dep_ not in ("pobj", "pcomp") else cur.head.head
            if cur.dep_ == "ccomp" and gov.lemma_ in _REPORTING and _future_speech(gov):
                # whatever a speech yet to be given will say is not yet said, however deep in it the act
                # sits ("He will say that the party wants to restore ... and protecting rights")
                kinds.add("future")
        if cur.dep_ == "advcl" and _marks(cur) & _CONDITION_MARKS and cur.head.lemma_ not in _QUESTION_CCOMP:
            kinds.add("conditional")  # anything inside an if/unless clause
        cur = gov
    if any(_governs_condition(t) for t in (chain if own else chain[1:])):
        kinds.add("conditional")  # the consequent of an if-clause
    if _in_question(trigger):
        kinds.add("question")
    return Modality(negated=negated, kinds=tuple(sorted(kinds)))


def _governs_condition(tok: Token) -> bool:
    """Is ``tok`` the consequent of an if/unless clause? Not for "even if" (concessive) or a reporting verb."""
    if tok.lemma_ in _REPORTING or tok.lemma_ in _QUESTION_CCOMP:
        return False  # "..., if teachers follow those, they are safe," Blair said: the saying is not conditional
    for c in tok.children:
        if c.dep_ != "advcl":
            continue
        for m in c.children:
            if m.dep_ == "mark" and m.lower_ in _CONDITION_MARKS and not (
                    m.i > 0 and tok.doc[m.i - 1].lower_ == "even"):
                return True
    return False


def _marks(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ == "mark"}


def _own(tok: Token, kinds: set[str]) -> bool:
    """Add the markers on ``tok`` itself (auxiliaries, adverbs, determiners) to ``kinds``; True if negated."""
    negated = False
    children = list(tok.children)
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in children)
    if tok.pos_ in ("NOUN", "PROPN"):
        for c in children:
            if c.dep_ == "det" and c.lower_ == "no":
                negated = True
            elif c.dep_ in ("amod", "compound") and c.lower_ in _NOUN_AMOD:
                kind = _NOUN_AMOD[c.lower_]
                if kind == "negated":
                    negated = True
                else:
                    kinds.add(kind)
        return negated
    for c in children:
        dep, low = c.dep_, c.lower_
        if dep in ("aux", "auxpass"):
            if low in ("would", "'d") and perfect:
                kinds.add("modal")  # "would have signed": counterfactual
            elif low in _FUTURE_AUX:
                kinds.add("future")
            elif low in _MODAL_AUX:
                kinds.add("modal")
            elif low == "must" and perfect:
                kinds.add("speculative")  # "must have known": an inference, not an obligation
            elif low in _PRESCRIPTIVE_AUX or (low == "need" and c.tag_ == "MD"):
                kinds.add("prescriptive")
            elif low == "to" and c.i > 0 and tok.doc[c.i - 1].lower_ == "ought":
                kinds.add("prescriptive")
        elif dep == "neg":
            nxt = tok.doc[c.i + 1] if c.i + 1 < len(tok.doc) else None
            if nxt is None or nxt.lower_ not in _NOT_NEGATING_NEXT:
                negated = True
        elif dep == "advmod":
            if low == "never":
                negated = True
            elif low == "longer" and any(g.lower_ == "no" for g in c.children):
                negated = True
            elif low in _SPECULATIVE_ADV:
                kinds.add("speculative")
            elif low in _REPORTED_ADV:
                kinds.add("reported")
        elif dep in ("nsubj", "nsubjpass", "dobj"):
            if low in _NEG_PRONOUNS or any(g.dep_ == "det" and g.lower_ == "no" for g in c.children):
                negated = True  # "No country recognised ...", "reached no agreement"
        elif dep in ("mark",) and low in _QUESTION_MARKS:
            kinds.add("question")
    if _scheduled(tok):
        kinds.add("future")
    return negated


def _scheduled(verb: Token) -> bool:
    """A present-tense act told with a time still ahead: an arrangement, not yet done ("is meeting British
    officials tomorrow", "are holding talks on Friday", "visits Paris next week"). A weekday or a bare "later"
    makes a progressive forward only ("is meeting them on Friday"; "Blair visits Paris on Friday" may be a
    headline's past)."""
    progressive = verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _PRESENT_BE for c in verb.children)
    if not (progressive or verb.tag_ in ("VBZ", "VBP")) or verb.lemma_ == "be":
        return False
    # the verb's time adverbials, and those of its object ("holding talks on Friday")
    hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    phrases = [c for h in hosts for c in h.children if c.dep_ in _TIME_DEPS
               and (c.dep_ != "prep" or c.lower_ in ("on", "in", "at")) and (h is verb or c.dep_ == "prep")]
    for c in phrases:
        words = list(c.subtree)
        if {w.lower_ for w in words} & _FORWARD_TIME or any(
                w.lower_ in _FORWARD_MODS | {"later"} and w.head.ent_type_ in ("DATE", "TIME") for w in words):
            return True  # "tomorrow", "next week", "in the coming days", "later this month"
        if progressive and ({w.lower_ for w in words} & _WEEKDAYS or c.lower_ == "later"):
            return True
    return False


def _shares(conj: Token, head: Token) -> bool:
    """Does a coordinated verb share its head's auxiliaries ("will sign and ratify")?"""
    for c in conj.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl", "neg") or (c.dep_ in ("aux", "auxpass") and c.lower_ != "to"):
            return False
    return conj.tag_ == head.tag_ or (conj.tag_ in ("VB", "VBP") and head.tag_ in ("VB", "VBP"))


# every governing verb the tables above name, for mending the lemmatiser's clipped lemmas (``_lemma``)
_GOVERNORS = (_NEG_IMPLICATIVE | _POS_IMPLICATIVE | _FUTURE_GOV | _PRESCRIPTIVE_GOV | _SPECULATIVE_GOV | _CAUSATIVE
              | _FUTURE_CCOMP | _PRESCRIPTIVE_CCOMP | _SPECULATIVE_CCOMP | _QUESTION_CCOMP | _REPORTED_GOV | _REPORTING
              | _LIGHT_VERBS)


def _lemma(tok: Token) -> str:
    """The token's lemma, with the final "e" the pinned model's lemmatiser clips from some verbs put back
    ("hopes" / "hoped" / "hoping" -> "hop", "slated" -> "slat": "Britain hopes to sign" is a hope, not a
    signing) when that names a governing verb of the tables and the word itself is spelled from it."""
    lem = tok.lemma_.lower()
    if lem not in _GOVERNORS and lem + "e" in _GOVERNORS and tok.lower_.startswith(lem):
        return lem + "e"
    return lem


def _step(cur: Token, kinds: set[str]) -> tuple[Token, bool, bool]:
    """One step up from ``cur``: (governor, does cur share the governor's markers, negation added)."""
    rel, head = cur.dep_, cur.head
    lem = _lemma(head)
    if rel == "conj":
        return head, _shares(cur, head), False
    if rel in ("xcomp", "acomp") or (rel == "advcl" and lem in _NEG_IMPLICATIVE | _FUTURE_GOV and _has_to(cur)):
        return head, True, _xcomp(cur, head, lem, kinds)
    if rel in ("ccomp", "advcl") and lem in _QUESTION_CCOMP and _marks(cur) & {"if", "whether"}:
        kinds.add("question")  # "asked if Iran would sign" is an embedded question, not a condition
        return head, False, False
    if rel == "ccomp" and lem in _QUESTION_CCOMP and lem != "know" and any(
            c.tag_ in _WH_TAGS and c.i < cur.i for c in cur.children):
        kinds.add("question")  # "questioned how Labour would fund its plans": asked about, not told
        return head, False, False
    if rel == "ccomp" and lem in _CAUSATIVE and cur.tag_ == "VB" and not _has_to(cur):
        # "would let people buy", "made Iran sign": a bare-infinitive complement of a causative happens as
        # its governor does (it shares the governor's markers, as an xcomp does)
        return head, True, False
    if rel == "ccomp" and lem in _REPORTING and _future_speech(head):
        kinds.add("future")  # "he will say that ...": what a speech yet to be given says is not yet said
        return head, False, False
    if rel == "ccomp":
        if lem in _FUTURE_CCOMP:
            kinds.add("future")
        elif lem in _PRESCRIPTIVE_CCOMP and _subjunctive(cur):
            kinds.add("prescriptive")  # "demanded that Russia release"; "insisted there was" is an assertion
        elif lem in _SPECULATIVE_CCOMP or lem == "suggest":
            kinds.add("speculative")
        if _marks(cur) & _QUESTION_MARKS:
            kinds.add("question")  # "asked whether Iran would sign"
            kinds.add("question")
        return head, False, False  # reported speech: the reporter's negation is not the event's
    if rel == "advcl":
        if not _marks(cur) and _has_to(cur) and head.tag_ != "VBD":
            # purpose of an act not (yet) done: "will send troops to protect" is intended; of a done act
            # ("opened a bridge to allow aid") the purpose is how the act is told, not a hypothesis
            kinds.add("future")
        return head, False, False
    if rel == "pcomp" and head.lower_ == "by" and cur.tag_ == "VBG" and head.head.pos_ in ("VERB", "AUX"):
        # the means shares its act's modality: "want to restore X by protecting Y" is wanted, not done;
        # "retaliated by attacking" is done
        return head.head, True, False
    if rel in ("pobj", "pcomp") and head.dep_ in ("prep", "agent") and head.head.i != head.i:
        gov = head.head
        key = (gov.lemma_.lower(), head.lower_)
        neg = head.lower_ in _NEG_PREPS or key in _NEG_PREP_GOV
        if key in _SPECULATIVE_PREP_GOV:
            kinds.add("speculative")
        elif key in _PRESCRIPTIVE_PREP_GOV:
            kinds.add("prescriptive")
        elif key in _FUTURE_PREP_GOV:
            kinds.add("future")
        return gov, False, neg
    if rel == "acl" and _has_to(cur):
        kinds.add("prescriptive" if lem in _PRESCRIPTIVE_NOUNS else "future")  # "a plan to", "calls for X to"
        return head, False, False
    if rel in ("dobj", "nsubjpass", "attr") and cur.pos_ in ("NOUN", "PROPN"):
        if lem in _LIGHT_VERBS:
            return head, True, False  # "may hold talks": the talks take the verb's modality
        if lem in _FUTURE_GOV:
            kinds.add("future")
        elif lem in _PRESCRIPTIVE_GOV:
            kinds.add("prescriptive")
        elif lem in _SPECULATIVE_GOV:
            kinds.add("speculative")
        return head, False, False
    return head, False, False


def _future_speech(tok: Token) -> bool:
    """A statement verb with its own future or modal auxiliary ("will say", "is expected to say" aside)."""
    own: set[str] = set()
    _own(tok, own)
    return bool(own & {"future", "modal"})


def _subjunctive(tok: Token) -> bool:
    """A bare verb with its own subject and no auxiliary: "(demanded) that Russia release"."""
    return tok.tag_ == "VB" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and any(
        c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _has_to(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _xcomp(cur: Token, head: Token, lem: str, kinds: set[str]) -> bool:
    """Kinds contributed by the verb or adjective that governs an infinitive; True if it negates it."""
    if lem in _NEG_IMPLICATIVE:
        return True  # "refused to withdraw": the refusal is an event, the withdrawal did not happen
    if lem in _POS_IMPLICATIVE:
        return False
    passive = any(c.dep_ == "auxpass" for c in head.children)
    if lem == "go" and head.tag_ == "VBG":
        kinds.add("future")  # "is going to"
    elif lem == "be" and _has_to(cur):
        kinds.add("future")  # "is to sign"
    elif lem == "have":
        if head.tag_ != "VBD":
            kinds.add("prescriptive")  # "has to sign"; "had to sign" implies it was signed
    elif lem in _REPORTED_GOV and passive:
        kinds.add("reported")  # "is said to have attacked"
    elif lem in ("expect",) and passive:
        kinds.add("future")
    elif lem in _SPECULATIVE_GOV:
        kinds.add("speculative")
    elif lem in _FUTURE_GOV:
        kinds.add("future")
    elif lem in _PRESCRIPTIVE_GOV or head.lower_ == "ought":
        kinds.add("prescriptive")
    return False


def _in_question(trigger: Token) -> bool:
    """Is the trigger inside a clause that ends with "?" (yes/no questions; wh-questions presuppose the event)?"""
    doc = trigger.doc
    heads = _QUESTION_HEADS.get(doc)
    if heads is None:
        # one pass per Doc: the clause each "?" closes (most documents have none)
        heads = _QUESTION_HEADS[doc] = tuple(t.head.i for t in doc if t.text == "?")
    for i in heads:
        clause = doc[i]
        if clause.i != trigger.i and not clause.is_ancestor(trigger):
            continue
        if any(c.tag_ in _WH_TAGS and c.dep_ != "mark" for c in clause.children):
            continue  # "Who attacked the convoy?" asks who, not whether
        return True
    return False


_QUESTION_HEADS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
