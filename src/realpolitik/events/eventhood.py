"""Is a trigger a political event at all? The coder's eventhood step, after the arguments are resolved.

CAMEO codes what political actors do to each other (the codebook's scope; GDELT and ICEWS leave business
news uncoded). A lexicon trigger with a source is still no event when:

- ``commerce``  — every source is an economic actor (a company, its unit, an analyst, an economist, a
  trader: by the resolver's sector or the phrase the source was read from) and no target is a political
  actor, and the act is commerce or comment rather than talks, complaints, strikes or force
  ("Acme Corp said it will sell its unit", "the New York-based subsidiary was established");
- ``media``     — a plain statement (01x) whose every speaker is a medium: the outlet reports, it does not
  act ("both newspapers said the campaign would be centred on ...");
- ``no-party``  — economic cooperation (061) with no other side ("Libya bought two cargoes of sugar"); a
  consultation (04) with no other side ("McConnell was talking in the Highlands",
  "described the meeting as productive"), or a visit (042/043) whose only host is a place or actor of the
  visitor's own side or none placed ("travelled to Manchester", "had to travel to Llanelli");
- ``no-agent``  — the trigger's own subject is no actor, and the source was read from elsewhere in the
  sentence (a speaker, the nearest mention): the word is inside the sentence, not its act ("Iran said the
  sanctions hit its exports", "next year offers a chance ..."). A subject is an actor when it holds a mention
  the resolver placed, a pronoun, or a name of a person, organisation, nationality or place (spaCy's
  entity kinds); role nouns (police, protesters, gunmen) are mentions of the resolver's role table.

Word lists are data (``data/triggers/eventhood.yaml``). :func:`why_not` names the reason, or "".
"""
from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Span, Token

from realpolitik import yamlfile
from realpolitik.records import ActorRef

if TYPE_CHECKING:  # the coder imports this module; its records are only annotations here
    from realpolitik.events.coder import Candidate, SentenceRecord

__all__ = ["eventhood", "reason", "why_not", "economic", "phrase_head", "no_agent", "figure_nouns", "market_clause",
           "figure_subject", "own_plan"]

# dependency labels that keep a word inside the name or noun phrase it modifies ("American" in "American
# Vision Centers Inc", "New York" in "the New York-based subsidiary")
_NAME_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss", "nummod", "quantmod", "case"})
# children that open a clause of their own: not part of the phrase that names the actor
_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "xcomp", "advcl", "parataxis", "conj", "cc", "punct"})


@functools.lru_cache(maxsize=1)
def _lists() -> dict:
    text = resources.files("realpolitik.data.triggers").joinpath("eventhood.yaml").read_text(encoding="utf-8")
    data = yamlfile.load(text)
    return {k: frozenset(str(x).lower() for x in v) if isinstance(v, list) else v for k, v in data.items()}


def phrase_head(sent: Span, ref: ActorRef) -> Token | None:
    """The noun that heads the phrase an actor was read from: the mention's own head, climbed out of the
    name or modifier it sits in ("American" -> "Inc" in "American Vision Centers Inc said")."""
    toks = [t for t in sent if ref.start <= t.idx - sent.start_char < max(ref.end, ref.start + 1)]
    if not toks:
        return None
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[-1])
    for _ in range(6):
        # through "-based"-like participles too ("New York" -npadvmod-> "based" -amod-> "subsidiary")
        if head.dep_ in _NAME_DEPS and head.head.i != head.i and head.head.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}:
            head = head.head
        else:
            break
    return head


def _phrase_words(head: Token) -> list[Token]:
    """The head's noun phrase without its clauses: modifiers, appositions, "of"-complements."""
    out, todo = [], [head]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ not in _CLAUSE_DEPS]
    return out


def _economic_phrase(head: Token, named: bool = False) -> bool:
    """A company, its unit or a market commentator ("Acme Corp", "the subsidiary", "economist John
    Smith"); with ``named``, only a company named with its designator ("Acme Corp")."""
    lists = _lists()
    words = _phrase_words(head)
    lowers = {t.lower_.strip(".") for t in words}
    if lowers & lists["public_modifiers"]:
        return False  # "the central bank", "the Board of Navigation": public bodies
    for t in words:
        if t.lower_.strip(".") in lists["corporate_designators"] and t.text[:1].isupper() and (
                t.pos_ == "PROPN" or (t.i > 0 and t.nbor(-1).pos_ == "PROPN")):
            return True  # "Acme Corp", "Penney Co", "Vision Centers Inc"
    return not named and any(t.lemma_.lower() in lists["business_nouns"] and t.pos_ == "NOUN" for t in words)


def economic(sent: Span, ref: ActorRef) -> bool:
    """An economic actor (company, its unit or staff, analyst, economist, trader): by the resolver's
    sector, or — where the resolver gave no sector of its own — by the phrase it was read from."""
    lists = _lists()
    if (ref.sector or "").lower() in lists["economic_sectors"] or (ref.code or "")[:3].lower() in lists["economic_sectors"]:
        return True
    if ref.sector:  # the resolver placed a government, party, army, medium ...: trust it
        return False
    head = phrase_head(sent, ref)
    return head is not None and _economic_phrase(head)


def _political(sent: Span, ref: ActorRef) -> bool:
    """A target that makes an economic actor's act political: placed, and not economic itself."""
    return bool(ref.country or ref.code) and not economic(sent, ref)


def figure_nouns() -> frozenset:
    """Nouns of market quantities and economic figures (``figure_nouns`` of eventhood.yaml)."""
    return _lists()["figure_nouns"]


def _figure(t: Token) -> bool:
    figures = figure_nouns()
    return t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in figures or t.lower_ in figures)


def _about_market(head: Token, *, corporate: bool = True, phrase: bool = False) -> bool:
    """A phrase headed by a market quantity ("house prices") or, with ``corporate``, naming a company
    ("Acme Corp"); with ``phrase``, one that is about a market quantity anywhere in it
    (what "there is" says exists: "a hit to retail sales")."""
    if _figure(head) or (phrase and any(_figure(t) for t in _phrase_words(head))):
        return True
    # a company by name: "firms must do more" is policy talk about business, "Acme Corp plans to buy a
    # rival" the company's own news
    return corporate and _economic_phrase(head, named=True)


def _qualifies_figure(sent: Span, ref: ActorRef) -> bool:
    """A mention that is only the adjective or compound of a market quantity ("U.S. interest rates", "U.K.
    equity markets"); a possessor still names an actor ("Argentina's economy")."""
    toks = [t for t in sent if ref.start <= t.idx - sent.start_char < max(ref.end, ref.start + 1)]
    inside = {t.i for t in toks}
    heads = [t for t in toks if t.head.i not in inside]
    return bool(heads) and all(t.dep_ in ("compound", "amod") and _figure(t.head) for t in heads)


def market_clause(sent: Span, clause: Token, mentions: list[ActorRef]) -> bool:
    """Is a reported clause a market report or a company's own business, naming no political actor? Its
    subject (or what an existential "there is" says exists) is about market quantities or is a company
    ("Acme Corp plans to buy a rival", "there is no room for lower U.S. interest rates"), or its
    subject names no actor and its object is a figure ("Zenith will post net income of ..."); and no
    mention in the clause is a political actor (an economic one, or one that is only the adjective of a
    figure, does not count: "there is no room for lower U.S. interest rates"; a possessor does:
    "Argentina's economy is recovering, the minister said" is the minister's statement about Argentina)."""
    from realpolitik.events.triggers import _expand

    subs = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass", "csubj")]
    existential = not subs and any(c.dep_ == "expl" for c in clause.children)
    if existential:
        subs = [c for c in clause.children if c.dep_ == "attr"]
    heads = [_expand(s) for s in subs]
    if not heads:
        return False
    lo = sent.doc[clause.left_edge.i].idx - sent.start_char
    hi = sent.doc[clause.right_edge.i].idx + len(sent.doc[clause.right_edge.i].text) - sent.start_char
    inside = [m for m in mentions if lo <= m.start < hi]
    political = [m for m in inside if not economic(sent, m) and not _qualifies_figure(sent, m)]
    if political:
        return False
    if all(_about_market(h, phrase=existential) for h in heads):
        return True
    # "Zenith will post net income of ...": a subject that names no actor, an object that is a figure
    objs = [_expand(o) for o in clause.children if o.dep_ == "dobj"]
    return (bool(objs) and all(_about_market(o, corporate=False) for o in objs)
            and not any(h.pos_ == "PRON" for h in heads) and not inside)


def _media(ref: ActorRef) -> bool:
    return (ref.sector or "").lower() in _lists()["media_sectors"]


def reason(sent: Span, sources: list[ActorRef], targets: list[ActorRef], root: str) -> str:
    """Why an act of CAMEO root ``root`` by ``sources`` on ``targets`` is no political event
    ("commerce", "media"), or ""."""
    if sources and all(economic(sent, s) for s in sources) and root not in _lists()["economic_roots_kept"] \
            and not any(_political(sent, t) for t in targets):
        return "commerce"
    if root == "01" and sources and all(_media(s) for s in sources):
        return "media"
    return ""


# spaCy entity kinds that can name a doer (a person, organisation, nationality or group, state or city, a
# building standing for its occupant: "Downing Street"); dates, figures, laws, events and works cannot
_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


def _subject_is_actor(sent: Span, subj: Token, mentions: list[ActorRef]) -> bool:
    lo = sent.doc[subj.left_edge.i].idx - sent.start_char
    hi = sent.doc[subj.right_edge.i].idx + len(sent.doc[subj.right_edge.i].text) - sent.start_char
    if any(m.start < hi and m.end > lo for m in mentions):
        return True
    for t in subj.subtree:
        if t.pos_ == "PRON" and (t.i == subj.i or t.dep_ == "poss"):
            return True  # "he", "they", "its jets": resolved through the context, if at all
        if t.ent_type_ in _AGENT_ENTS:
            return True
    return False


def no_agent(sent: Span, tok: Token, sources: list[ActorRef], mentions: list[ActorRef]) -> bool:
    """A verb trigger whose own active subject is no actor, with a source read from outside that subject."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    subs = [ch for ch in tok.children if ch.dep_ in ("nsubj", "csubj")]
    if not subs:
        return False
    for s in subs:
        if _subject_is_actor(sent, s, mentions):
            return False
        lo, hi = s.left_edge.idx - sent.start_char, s.right_edge.idx + len(s.right_edge.text) - sent.start_char
        if any(lo <= a.start < hi for a in sources):
            return False
    return True


# CAMEO's consultations (04: "all consultations and meetings", by telephone, visits, hosting, meetings at a
# third place, mediation, negotiation) are acts between two sides. A visit ("travel to another location for a
# meeting or other event", 042) and hosting one (043) have a host: a trip inside one's own country with no host
# named (campaign stops, "had to travel to Cardiff") is no act between actors.
CONSULT_ROOT = "04"
VISIT_CODES = frozenset({"042", "043"})
ECONOMIC_COOPERATION = "061"  # CAMEO: "initiate, resume, improve, or expand economic exchange or cooperation"
INTENT = "030"  # CAMEO: "express intent to cooperate, not specified below" (with someone: the other side)


def _same_side(a: ActorRef, b: ActorRef) -> bool:
    if a.actor_id == b.actor_id:
        return True
    return bool(a.country) and a.country == b.country and not (a.sector and b.sector and a.sector != b.sector)


def no_party(c: "Candidate") -> bool:
    """A consultation with no other side: no target and not two or more parties to a symmetric act (named
    apart, or as a plural group: "the two leaders held talks")
    ("McConnell was talking in the Highlands", "described Friday's meeting as productive",
    "announced a party consultation"); or a visit whose only "host" is no placed actor or a place of the
    visitor's own side ("toured Manchester", "travelled to Llanelli", "visited Scotland"); or economic
    cooperation (061) with no one to cooperate with: a purchase or sale of goods from no named side ("Libya
    bought two cargoes of sugar from operators") is trade, not an exchange between actors."""
    if c.code.code == ECONOMIC_COOPERATION:
        return not c.targets and not _among_parties(c)
    if c.code.root != CONSULT_ROOT:
        return False
    if c.code.code in VISIT_CODES:
        return not [t for t in c.targets if (t.country or t.code) and not any(_same_side(t, s) for s in c.sources)]
    return not c.targets and not _among_parties(c)


def own_plan(c: "Candidate") -> bool:
    """A bare intent to cooperate (030) told by a verb of planning (``plan_verbs``), with no other side and a
    planned infinitive that is no act the lexicon knows ("the ministry is planning to work out a revised
    outlook", "the minister plans to reform the tax"): the actor's own plan, which the coder codes as its
    statement (010), not as an intent to cooperate with anyone. A promise, pledge or offer is expressed to
    someone ("promised to review the statements": 03); planning an act the lexicon knows is that act's
    intent ("planning to hold talks with Y": 036)."""
    return (c.code.code == INTENT and c.match.complement is None and not c.targets and not _among_parties(c)
            and c.tok.lemma_.lower() in _lists()["plan_verbs"] and any(ch.dep_ == "xcomp" for ch in c.tok.children))


def _among_parties(c: "Candidate") -> bool:
    """A symmetric act whose parties are named apart or as a plural group ("Iran and Russia agreed", "the
    two leaders held talks"): each party is the other side."""
    return bool(c.match.symmetric) and (len(c.sources) > 1 or _plural_doer(c.tok))


def _plural_doer(tok: Token) -> bool:
    """A plural subject of the trigger or of its light verb ("the two leaders held talks", "they met"): the
    parties of a symmetric act named as one group."""
    for v in (tok, tok.head):
        for ch in v.children:
            if ch.dep_ in ("nsubj", "nsubjpass") and (ch.tag_ in ("NNS", "NNPS") or ch.lower_ in ("they", "we")):
                return True
    return False


def figure_subject(sent: Span, tok: Token, mentions: list[ActorRef]) -> bool:
    """A verb trigger whose own subject is a market quantity ("this week's government auction of bills
    yielded 7.03 pct", "Japan's exports fell"): what a figure does is no act, whoever's figure it is (a
    mention inside the phrase only says whose). Not when a mention is the subject's own head ("the
    Fund lent ...": an actor the resolver placed)."""
    from realpolitik.events.triggers import _expand

    if tok.pos_ not in {"VERB", "AUX"}:
        return False
    subs = [_expand(ch) for ch in tok.children if ch.dep_ == "nsubj"]
    if not subs:
        return False
    for s in subs:
        if s.pos_ != "NOUN" or not _figure(s):
            return False
        at = s.idx - sent.start_char
        if any(m.start <= at < m.end for m in mentions):
            return False
    return True


def why_not(rec: "SentenceRecord", c: "Candidate") -> str:
    """Why this resolved trigger is no political event (:func:`reason`, ``market`` for a figure's doing,
    ``no-agent``, ``no-party``), or ""."""
    r = reason(rec.sent, c.sources, c.targets, c.code.root)
    if not r and figure_subject(rec.sent, c.tok, rec.mentions):
        return "market"
    if not r and no_agent(rec.sent, c.tok, c.sources, rec.mentions):
        return "no-agent"
    if not r and no_party(c):
        return "no-party"
    return r


def eventhood(rec: "SentenceRecord") -> None:
    """Drop the candidates that are no political events (:func:`why_not`)."""
    rec.candidates = [c for c in rec.candidates if not why_not(rec, c)]
