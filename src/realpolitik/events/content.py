"""What a reported clause says, read from the parse: where the content of a statement is, and the
evaluations in it that make the statement an act.

A statement is coded by its content (CAMEO: "X said Y had broken its pledges" is X's criticism of Y, 111;
"X said Y had done a fine job" X's praise of Y, 051). The coder's speech step (``coder.reported_speech``)
and the run-on quotation step (``coder.quoted_statement``) ask this module for

- :func:`content_clause` — the clause a statement verb reports ("X said [Y ...]", "[Y ...], X said", and
  a quotation the parser hung on the verb's object: 'X said: "There is evidence [that Y ... ]"');
- :func:`failing` — a predicate of failing or letting down told with its object ("broke its promises",
  "ran out of ideas", "turned a blind eye", "sold out the workers"), or :func:`lacking` with "no" ("Y has no
  credibility"): criticism of its subject; :func:`blamed` — "Y is to blame": an accusation of Y;
- :func:`approving` — the subject a clause praises ("Y did a superb job", "Y was right to ...",
  "Y deserves credit"): 051;
- :func:`faulted_owner` — whose fault a clause names ("Y's incompetence had cost lives"): criticism of Y;
- :func:`faults` — a reported act that is itself a failing ("Y had betrayed / undermined ..."): the
  speaker's criticism of Y, not Y's act;
- :func:`speaker_offended` — a psych verb whose offended one is a pronoun ("X said he was dismayed by ..."):
  the speaker.

The words are general English evaluation words (``data/triggers/families.yaml``: ``disapproval``,
``approval``), not taken from any gold sentence.
"""
from __future__ import annotations

import functools

from spacy.tokens import Token

from realpolitik.events import triggers

_NOUN_CLAUSE_DEPS = ("acl", "ccomp", "relcl")


def content_clause(speech: Token) -> Token | None:
    """The clause a statement verb reports: its complement ("X said [Y ...]"), the clause it is hung on
    ("[Y ...], X said"), or, when the parser took an opening quotation for the verb's object ('X said:
    "There is growing evidence that Y ..."'), the clause that object noun opens."""
    clause = triggers.reported_clause(speech)
    if clause is not None:
        return clause
    for o in speech.children:
        if o.dep_ == "dobj" and o.i > speech.i and _opens_quotation(speech, o):
            inner = [g for g in o.children if g.dep_ in _NOUN_CLAUSE_DEPS and g.pos_ in ("VERB", "AUX")]
            if inner:
                return inner[0]
    return None


def _opens_quotation(speech: Token, obj: Token) -> bool:
    """Is there a colon or an opening quotation mark between the verb and its object ('said: "...')?"""
    return any(t.text in (":", '"', "“") for t in speech.doc[speech.i + 1:obj.left_edge.i + 1])


@functools.lru_cache(maxsize=1)
def _words(kind: str) -> dict:
    return triggers._config().get(kind) or {}


def failing(tok: Token) -> bool:
    """Does the verb tell a failure with its object or particle ("broke its promises", "ran out of ideas",
    "turned a blind eye", "sold out the workers")? (``disapproval: phrases`` — verb: words its object, its
    particle's or preposition's object must be one of.)"""
    if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in tok.children):
        return False
    objects = _words("disapproval").get("phrases", {}).get(tok.lemma_.lower())
    if not objects:
        return False
    near = [c for c in tok.children if c.dep_ in ("dobj", "prt", "nsubjpass")]
    near += [g for c in tok.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ in ("pobj", "prep")]
    near += [g for c in near if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(n.lemma_.lower() in objects or n.lower_ in objects for n in near)


def lacking(tok: Token) -> bool:
    """Does the verb tell a lack with "no" ("Y has no credibility", "has no right to ...", "offered no
    answers")? (``disapproval: lacking`` — verb: the objects it may lack.)"""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    objects = _words("disapproval").get("lacking", {}).get(tok.lemma_.lower())
    return bool(objects) and any(
        o.dep_ == "dobj" and o.lemma_.lower() in objects and any(d.dep_ == "det" and d.lower_ == "no" for d in o.children)
        for o in tok.children)


def faulted_owner(clause: Token) -> Token | None:
    """The owner of a fault named anywhere in a clause that is not negated: the possessor (no pronoun) of a
    noun of disapproval ("Y's incompetence had cost lives", "would avoid the old parties' lies and spin"),
    or None."""
    if any(c.dep_ == "neg" for c in clause.children):
        return None
    nouns = set(_words("disapproval").get("nouns", ()))
    for t in clause.subtree:
        if t.pos_ == "NOUN" and t.lemma_.lower() in nouns:
            owner = [c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]
            if owner:
                return owner[0]
    return None


def blamed(tok: Token) -> bool:
    """Is the verb the "to blame" of "Y is / was to blame (for ...)", or the "be" of "Y was responsible for /
    guilty of ..." (``responsibility``): whoever says it blames Y (112)?"""
    if tok.lemma_.lower() == "be":
        words = set(_words("responsibility"))
        return any(c.dep_ == "acomp" and c.lemma_.lower() in words and any(p.dep_ == "prep" for p in c.children)
                   for c in tok.children)
    return (tok.lemma_.lower() == "blame" and tok.dep_ == "xcomp" and tok.head.lemma_ == "be"
            and any(c.lower_ == "to" for c in tok.children))


def faults(tok: Token) -> bool:
    """Does the verb tell a failing of its subject: a verb of failing or deceiving ("Y had betrayed / undermined
    / sabotaged ...", ``disapproval: verbs``) or a failing phrase (:func:`failing`), not negated?"""
    if tok.pos_ not in ("VERB", "AUX") or any(c.dep_ == "neg" for c in tok.children):
        return False
    return tok.lemma_.lower() in _words("disapproval").get("verbs", ()) or failing(tok)


_SPEAKER_PRONOUNS = frozenset({"i", "we", "he", "she", "it", "they"})


def speaker_offended(tok: Token) -> bool:
    """Is the one a psych verb offends a bare pronoun ("X said [he] was disappointed by Y's decision", "...
    that [it] was angered by ..."): in a said-clause, the speaker himself."""
    return any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in _SPEAKER_PRONOUNS for c in tok.children)


def approving(clause: Token) -> Token | None:
    """The subject a clause praises, or None: a word of approval as its predicate ("Y was right / brave to
    ...", "Y's response was exemplary", "Y was a hero"), a job done well ("Y did a superb job"), credit or
    praise deserved ("Y deserves credit"). Negated clauses praise no one."""
    if clause.pos_ not in ("VERB", "AUX", "ADJ") or any(c.dep_ == "neg" for c in clause.children):
        return None
    words = _words("approval")
    adjectives, nouns = set(words.get("adjectives", ())), set(words.get("nouns", ()))
    preds = [c for c in clause.children if c.dep_ in ("acomp", "attr", "oprd")]
    if clause.pos_ == "ADJ":
        preds.append(clause)
    good = any(p.lemma_.lower() in adjectives or p.lower_ in adjectives
               or (p.pos_ == "NOUN" and p.lemma_.lower() in nouns) for p in preds)
    if not good:
        objs = [c for c in clause.children if c.dep_ == "dobj"]
        lemma = clause.lemma_.lower()
        praise_job = adjectives | set(words.get("job", ()))
        good = (lemma == "do" and any(o.lemma_ in ("job", "work") and any(
            a.lemma_.lower() in praise_job for a in o.children if a.dep_ == "amod") for o in objs)) or (
            lemma in ("deserve", "earn") and any(o.lemma_.lower() in nouns for o in objs))
    if not good:
        return None
    subs = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subs[0] if subs and subs[0].lower_ not in ("it", "this", "that", "there", "what") else None
