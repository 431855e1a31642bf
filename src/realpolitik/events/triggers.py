"""Trigger lexicon and matcher: the CAMEO code a verb or event noun denotes, given its dependency context.

Entries live in ``data/triggers/*.yaml``. An entry fires when all its conditions hold (particle,
preposition, object lemma, preposition-object lemma, complement lemma, modifier, modal); the one with
the most conditions wins. Attitude verbs (agree, refuse, demand, threaten, call for ...) take the code
of their complement through a *family* map ("refused to lift the curfew" -> 1241, not 081), light verbs
(hold, launch, carry out ...) take the code of their event-noun object, and modals re-code the
predicate ("will visit" -> 036 intent, "must release" -> 1053 demand, "won't lift" -> 1244 refuse).
"""
from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from realpolitik import yamlfile

_DATA = "realpolitik.data.triggers"
_OBJ_DEPS = {"dobj", "attr", "oprd"}
_COMP_DEPS = {"xcomp", "ccomp"}
_PREP_DEPS = {"prep", "agent", "dative"}
# Heads that stand for the noun after "of": "some of the sanctions", "a series of bombs".
_QUANTIFIERS = {"some", "all", "part", "most", "one", "series", "number", "wave", "round", "set", "package",
                "raft", "string", "spate", "host", "lot", "dozen", "hundred", "thousand", "rest", "any", "none",
                "state", "kind", "form", "type", "ton", "tonne", "load", "batch", "consignment"}  # "a state of emergency"
# Nouns of trying whose compound modifier names the act tried ("a mediation effort", "a peace bid")
_EFFORT_NOUNS = frozenset({"effort", "attempt", "bid", "initiative", "drive", "mission", "push", "endeavour",
                           "endeavor"})


@dataclass(frozen=True)
class TriggerMatch:
    """A lexicon entry that fired on a sentence token, with what the coder needs to find actors."""

    cameo: str
    head: int  # doc token index of the trigger head (verb or event noun)
    start: int
    end: int  # doc token span of the whole trigger phrase
    rule: str  # which entry fired, e.g. "lex:sign+dobj:agreement"
    target_preps: tuple[str, ...] = ()  # preps whose object is the target
    target_dobj: bool = True  # the direct object is the target
    symmetric: bool = False  # "A and B met" -> events both ways
    nominal: bool = False  # an event noun ("visit", "talks", "annexation")
    complement: int | None = None  # token whose code refined this one ("threatened to *shell*", "launch an *attack*")
    modal_absorbed: bool = False  # the code already encodes the head's modal/negation ("won't lift" -> refuse)
    family: str | None = None  # the attitude family the head re-coded its complement through ("demand", "appeal")
    reverse: str | None = None  # the target's act on the source ("rushed to X": 042 visit, X 043 hosts)
    swap: bool = False  # the code is the target's act on the source only
    object_source: bool = False  # the target is whoever the object noun belongs to ("won Russia's backing")
    base_cameo: str | None = None  # the code before a modal re-coded it ("will ban" -> 1312; base 163)
    head_family: str | None = None  # the head entry's attitude family, whether or not a complement re-coded it


@dataclass(frozen=True)
class Entry:
    """One lexicon entry: a lemma, its conditions and what it yields."""

    lemma: str
    pos: str  # "VERB" | "NOUN" | "ADJ"
    cameo: str | None  # None for pure light verbs
    prt: tuple[str, ...] = ()
    prep: tuple[str, ...] = ()
    dobj: tuple[str, ...] = ()
    pobj: tuple[tuple[str, tuple[str, ...]], ...] = ()
    xcomp: tuple[str, ...] = ()
    mod: tuple[str, ...] = ()
    aux: tuple[str, ...] = ()
    family: str | None = None  # attitude verb: the complement's code is mapped through this family
    light: bool = False  # takes the code of its event-noun object
    light_only: bool = False  # noun fires only as the object of a light/attitude verb
    target_preps: tuple[str, ...] = ()
    target_dobj: bool = True
    symmetric: bool = False
    subj: tuple[str, ...] = ()  # subject lemma ("- TALKS * [164]": the talks collapsed)
    dobj_mod: tuple[tuple[str, ...], ...] = ()  # modifiers of the object, one word group per compound member,
    #                                              each matched ("{ARMS SHIPMENT}", "{JOINT &MILITARY OPERATION}")
    reverse: str | None = None
    swap: bool = False
    felt: bool = False  # a psych verb ("angered", "dismayed"): swapped only when its subject is the cause (active,
    #                    or passive with a by-agent); "X was disappointed with Y" is told from X
    object_source: bool = False
    needs_arg: bool = False  # fires only on an act with a participant: a complement clause, or an object or
    #                          target-preposition object that is an actor or an event ("threatened Iran",
    #                          "threatened to leave", "recognised Kosovo"; not "threatening my seat")
    clause: bool = False  # fires only when the verb reports a clause ("added that ...", "..., he added")
    opinion: bool = False  # fires only when that clause is a view or claim, not an actor's act told as to come
    #                        ("agreed that spending would rise": a view; "agreed that their countries should
    #                        cooperate": an agreement to act, the verb's other sense)
    of_other: bool = False  # fires only when the act is about someone else's actor or thing (CAMEO 052
    #                         "defend verbally": "in defense of other's policy, action, or actor"), not the
    #                         subject's own ("defended his decision", "defended himself")
    names: tuple[str, ...] = ()  # fires only when a verb of naming gives its object a name or quality with one
    #                              of these words ("called the plan unacceptable", "... a disgrace", "described
    #                              the raid as reckless"), read whatever the parse hangs it on; "*": any
    directive: bool = False  # fires only when the verb tells an addressee to act: an object and, after it, a
    #                          to-infinitive complement ("told Iran to stop", "told the unions not to strike");
    #                          "told reporters that ..." is a statement
    transitive: bool | None = None  # True: fires only with a direct object ("returned the islands"); False:
    #                                 only without one ("returned to Moscow"); None: either
    source: str = ""  # where the entry comes from: "" = realpolitik's lexicon, else "file:line"

    @property
    def specificity(self) -> int:
        return (sum(bool(x) for x in (self.prt, self.prep, self.dobj, self.xcomp, self.mod, self.aux, self.subj,
                                      self.of_other, self.names, self.directive, self.transitive is not None))
                + len(self.dobj_mod)
                + len(self.pobj))

    @property
    def required_words(self) -> tuple[frozenset[str], ...]:
        """The groups of words the entry's conditions name (particle, subject, preposition, object, ...
        lemmas, as ``_satisfies`` reads them): when it fires, its sentence holds a word of each group.
        The ingest pre-filter (realpolitik.prefilter) reads this; it is no condition of its own."""
        groups = [frozenset(f) for f in (self.prt, self.subj, self.prep, self.dobj, self.xcomp, self.mod, self.aux,
                                         *self.dobj_mod) if f]
        for prep, lemmas in self.pobj:
            groups += [frozenset([prep]), frozenset(lemmas)]
        return tuple(groups)

    @property
    def rule(self) -> str:
        parts = [f"{'pv' if self.source else 'lex'}:{self.lemma}"]
        parts += [f"prt:{'|'.join(self.prt)}"] if self.prt else []
        parts += [f"prep:{'|'.join(self.prep)}"] if self.prep else []
        parts += [f"dobj:{'|'.join(self.dobj[:2])}"] if self.dobj else []
        parts += [f"{p}:{'|'.join(v[:2])}" for p, v in self.pobj]
        parts += [f"xcomp:{'|'.join(self.xcomp[:2])}"] if self.xcomp else []
        parts += [f"mod:{'|'.join(self.mod[:2])}"] if self.mod else []
        parts += [f"aux:{'|'.join(self.aux)}"] if self.aux else []
        parts += [f"subj:{'|'.join(self.subj[:2])}"] if self.subj else []
        return "+".join(parts) + (f"@{self.source}" if self.source else "")


def _word(x: Any) -> str:
    # YAML 1.1 reads bare on/off as booleans; in this lexicon they are always the prepositions.
    return "on" if x is True else "off" if x is False else str(x).lower()


def _tup(v: Any) -> tuple[str, ...]:
    if v is None:
        return ()
    out: list[str] = []
    for x in (v if isinstance(v, list) else [v]):
        if isinstance(x, str) and x.startswith("@"):  # "@disapproval": a word list of families.yaml
            lists = _config()[x[1:]]
            out += [_word(w) for k in ("adjectives", "nouns") for w in lists.get(k, ())]
        else:
            out.append(_word(x))
    return tuple(dict.fromkeys(out))


def _groups(v: Any) -> tuple[tuple[str, ...], ...]:
    """Word groups that must each be matched: a list of lists, or one flat list (a single group)."""
    if v is None or v == []:
        return ()
    if isinstance(v, list) and all(isinstance(x, list) for x in v):
        return tuple(g for g in (_tup(x) for x in v) if g)
    return (_tup(v),)


def _entry(lemma: str, pos: str, raw: dict, defaults: dict) -> Entry:
    d = {**defaults, **raw}
    code = d.get("cameo")
    rev = d.get("reverse")
    return Entry(
        lemma=lemma, pos=pos, cameo=str(code) if code is not None else None, prt=_tup(d.get("prt")),
        prep=_tup(d.get("prep")), dobj=_tup(d.get("dobj")),
        pobj=tuple(sorted((_word(p), _tup(v)) for p, v in (d.get("pobj") or {}).items())),
        xcomp=_tup(d.get("xcomp")), mod=_tup(d.get("mod")), aux=_tup(d.get("aux")), family=d.get("family"),
        light=bool(d.get("light")), light_only=bool(d.get("light_only")),
        target_preps=_tup(d.get("target_preps")), target_dobj=bool(d.get("target_dobj", pos == "VERB")),
        symmetric=bool(d.get("symmetric")), subj=_tup(d.get("subj")), dobj_mod=_groups(d.get("dobj_mod")),
        reverse=str(rev) if rev is not None else None, swap=bool(d.get("swap")), felt=bool(d.get("felt")),
        object_source=bool(d.get("object_source")), needs_arg=bool(d.get("needs_arg")),
        clause=bool(d.get("clause")), opinion=bool(d.get("opinion")), of_other=bool(d.get("of_other")),
        names=_tup(d.get("names")), directive=bool(d.get("directive")),
        transitive=bool(d["transitive"]) if d.get("transitive") is not None else None, source=str(d.get("src") or ""))


def _add_section(out: dict[tuple[str, str], list[Entry]], section: dict, pos: str) -> None:
    for lemma, raws in (section or {}).items():
        raws = [r if isinstance(r, dict) else {"cameo": r} for r in (raws if isinstance(raws, list) else [raws])]
        defaults = {k: v for k, v in raws[0].items() if k in ("target_preps", "symmetric", "target_dobj")}
        for i, raw in enumerate(raws):
            out.setdefault((str(lemma).lower(), pos), []).append(
                _entry(str(lemma).lower(), pos, raw, defaults if i else {}))


def _add_blocks(out: dict[tuple[str, str], list[Entry]], blocks: list[dict]) -> None:
    """Verb blocks of a PETRARCH-style dictionary: each pattern is one Entry shared by the block's verbs."""
    for block in blocks:
        shared = [_entry(block["name"], "VERB", p, {}) for p in block["patterns"]]
        for lemma, base, code, src in block["verbs"]:
            own = out.setdefault((lemma, "VERB"), [])
            own.append(_entry(lemma, "VERB", {**base, "cameo": code, "src": src}, {}))
            if not base:
                own.extend(shared)
            else:  # a phrasal verb ("stir up"): its particle/object is a condition of every pattern
                own.extend(_entry(lemma, "VERB", {**base, **p}, {}) for p in block["patterns"])


class Lexicon:
    """The trigger lexicon: (lemma, pos) -> entries, most specific first (ties: earlier sources first;
    an imported dictionary pattern counts one condition less than realpolitik's own entries).

    Built once (``Lexicon.load``) and passed to the coder. Sources, in priority order on ties: verb
    dictionaries given by the user (``--verbs``), realpolitik's own YAML lexicon, and the verb patterns
    imported from PETRARCH2's CAMEO dictionary (``data/triggers/petrarch_verbs.json``)."""

    def __init__(self, entries: dict[tuple[str, str], tuple[Entry, ...]]) -> None:
        self.entries = entries

    @classmethod
    def load(cls, verb_files: Sequence[str | Path] = ()) -> "Lexicon":
        out: dict[tuple[str, str], list[Entry]] = {}
        if verb_files:
            from realpolitik.events.verbdict import read_lexicon_blocks

            _add_blocks(out, read_lexicon_blocks(verb_files, known_code=known_code))
        for f in sorted(resources.files(_DATA).iterdir(), key=lambda p: p.name):
            if f.name.endswith(".yaml") and f.name != "families.yaml":
                data = yamlfile.load(f.read_text(encoding="utf-8")) or {}
                for section, pos in (("verbs", "VERB"), ("nouns", "NOUN"), ("adjectives", "ADJ")):
                    _add_section(out, data.get(section), pos)
        imported = resources.files(_DATA).joinpath(IMPORTED)
        if imported.is_file():
            _add_blocks(out, json.loads(imported.read_text(encoding="utf-8"))["blocks"])
        # a dictionary pattern needs one condition more than realpolitik's entry to win over it: the
        # imported patterns are broad but unchecked against this parser (several contradict each other)
        return cls({k: tuple(sorted(v, key=lambda e: -(e.specificity - (1 if e.source else 0))))
                    for k, v in out.items()})

    def best(self, tok: Token) -> Entry | None:
        return next(self.fitting(tok), None)

    def fitting(self, tok: Token) -> Iterator[Entry]:
        """The entries whose conditions the token meets, most specific first."""
        pos = "VERB" if tok.pos_ in ("VERB", "AUX") else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else tok.pos_
        facts = _Facts(tok)
        for e in self.entries.get((_lemma(tok), pos), ()):
            if _satisfies(e, tok, facts):
                yield e

    def match(self, token: Token) -> TriggerMatch | None:
        """The most specific entry for a verb or event noun, or None (also when a governing trigger absorbs it)."""
        return match(token, self)

    def match_sentence(self, sent: Span) -> list[TriggerMatch]:
        return match_sentence(sent, self)


# The PETRARCH-derived verb patterns shipped with the package (built by scripts/build_lexicon.py).
IMPORTED = "petrarch_verbs.json"


def known_code(code: str | None) -> str | None:
    """A dictionary's CAMEO code as the codebook has it: unknown extensions fall back to their parent."""
    from realpolitik.events.codebook import cameo_codes

    codes = cameo_codes()
    while code and code not in codes:
        code = code[:-1] if len(code) > 2 else None
    return code


@functools.lru_cache(maxsize=8)
def load_lexicon(verb_files: tuple[str, ...] = ()) -> Lexicon:
    """The shipped lexicon (plus user verb dictionaries), loaded once per distinct set of files; the shipped one
    is kept in the user cache keyed by its data files and this code (realpolitik/cache.py)."""
    if verb_files:
        return Lexicon.load(verb_files)
    from realpolitik.cache import cached

    data = Path(str(resources.files("realpolitik") / "data"))
    return cached("lexicon", Lexicon.load, [data / "triggers", data / "codebook", Path(__file__),
                                            Path(__file__).with_name("codebook.py")])


def lexicon() -> dict[tuple[str, str], tuple[Entry, ...]]:
    """(lemma, pos) -> entries of the shipped lexicon, most specific first."""
    return load_lexicon().entries


@functools.lru_cache(maxsize=1)
def _config() -> dict:
    return yamlfile.load(resources.files(_DATA).joinpath("families.yaml").read_text(encoding="utf-8"))


def family_code(family: str, code: str) -> str | None:
    """Map a complement's CAMEO code through an attitude family ("threaten" + 195 -> 1384)."""
    fam = _config()["families"][family]
    table: dict[str, str] = {str(k): str(v) for k, v in (fam.get("map") or {}).items()}
    for n in range(len(code), 1, -1):  # longest prefix wins
        if code[:n] in table:
            hit = table[code[:n]]
            if hit == "=":
                return code
            return family_code(hit[1:], code) if hit.startswith("@") else hit
    return str(fam["default"]) if fam.get("default") else None


# ---------------------------------------------------------------- dependency context


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _expand(tok: Token) -> Token:
    """The noun a quantifier or an amount stands for ("some of the sanctions" -> sanctions, "$5 million in aid"
    -> aid)."""
    # an amount of money stands for what it is "in" ("$33 million in additional assistance", "2 million
    # euros in emergency aid")
    prep = "of" if _lemma(tok) in _QUANTIFIERS else "in" if tok.ent_type_ == "MONEY" else None
    if prep is not None:
        for c in tok.children:
            if c.dep_ == "prep" and _lemma(c) == prep:
                for o in c.children:
                    if o.dep_ == "pobj":
                        return o
    return tok


def _objects(tok: Token) -> list[Token]:
    """Direct objects (and passive subjects) of a verb, quantifiers expanded, conjuncts included, and the act
    an effort object is named by ("a mediation effort")."""
    objs = [c for c in tok.children if c.dep_ in _OBJ_DEPS]
    if any(c.dep_ == "auxpass" for c in tok.children):
        objs += [c for c in tok.children if c.dep_ == "nsubjpass"]
    objs = [_expand(o) for o in objs]
    objs += [c for o in objs for c in o.children if c.dep_ == "conj"]
    # "launched a mediation effort", "ended its mediation efforts": an effort named by its act is that act too
    return objs + [g for o in objs if o.pos_ == "NOUN" and _lemma(o) in _EFFORT_NOUNS
                   for g in o.children if g.dep_ == "compound" and g.pos_ == "NOUN"]


def _for_clauses(tok: Token) -> list[tuple[Token, Token]]:
    """Infinitive clauses a verb governs through "for" ("called for the embargo to be lifted", "pressed
    for talks to resume"): (the "for" marker, the clause's verb). The parser hangs "for" on the clause as its
    marker, but the clause is the object of the verb's "for", as in "called for the lifting of the embargo"."""
    return [(m, c) for c in tok.children if c.dep_ in ("advcl", "ccomp", "xcomp", "acl")
            for m in c.children if m.dep_ == "mark" and m.lower_ == "for" and m.i < c.i]


def _preps(tok: Token) -> list[Token]:
    """Preposition children, plus the prep hanging off a bare prep ("pulled out of"), plus the "for" of an
    infinitive clause ("called for X to ...")."""
    out = []
    for c in tok.children:
        if _time_phrase(c):
            continue  # "called ... on Sunday", "agreed on Monday to ...": a date, not the verb's "call on"
        if c.dep_ in _PREP_DEPS or (c.dep_ in ("prt", "advmod") and c.pos_ == "ADP"):
            out.append(c)
            out += [g for g in c.children if g.dep_ == "prep"]
    return out + [m for m, _ in _for_clauses(tok)]


def _prep_objects(tok: Token, prep: str | None = None) -> list[Token]:
    return [_expand(o) for p in _preps(tok) if prep is None or _lemma(p) == prep
            for o in p.children if o.dep_ in ("pobj", "pcomp")] + \
        [c for m, c in _for_clauses(tok) if prep is None or prep == "for"]


@functools.lru_cache(maxsize=1)
def _actor_nouns() -> frozenset[str]:
    """Nouns that name actors: the one-word role nouns of the actor lexicon (data/actors/roles.yaml: minister,
    government, army, party, union, company ...) and words for states and sides."""
    text = resources.files("realpolitik.data.actors").joinpath("roles.yaml").read_text(encoding="utf-8")
    data = yamlfile.load(text) or {}
    words = {str(k).lower() for k in (data.get("roles") or {}) if " " not in str(k)}
    return frozenset(words | {"country", "nation", "state", "people", "side", "ally", "neighbour", "neighbor",
                              "rival", "enemy", "regime", "power", "member", "group", "leadership", "authority"})


_ACTOR_PRONOUNS = frozenset({"him", "her", "them", "us", "me", "you", "himself", "herself", "themselves",
                             "ourselves", "each", "one another"})
_ACTOR_ENTS = frozenset({"NORP", "GPE", "ORG", "PERSON", "LOC", "FAC"})


def _actor_like(tok: Token) -> bool:
    """A noun phrase head that may denote an actor (from the parse and word lists alone, no resolver)."""
    if tok.ent_type_ in _ACTOR_ENTS or tok.pos_ == "PROPN":
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _ACTOR_PRONOUNS
    return _lemma(tok) in _actor_nouns()


def _has_participant(lex: "Lexicon", e: Entry, tok: Token, actor_like=_actor_like) -> bool:
    """For a ``needs_arg`` entry: does the verb act on someone or something that happens? An actor or event noun
    as object or target-preposition object; for attitude verbs a complement clause ("threatened to leave");
    for symmetric verbs coordinated subjects ("A and B agreed"). ``actor_like``: which nouns may be actors (the
    pre-filter, before NER, passes one that says yes to every noun)."""
    if e.family and (any(c.dep_ in _COMP_DEPS for c in tok.children) or _for_clauses(tok)):
        return True
    preps = e.target_preps or ("with", "to", "on", "upon", "against", "at", "over")
    nouns = _objects(tok) + [o for p in preps for o in _prep_objects(tok, p)]
    # the one acted against may hang on the object ("proposed measures against Syria")
    aimed = [g for o in _objects(tok) for p in o.children if p.dep_ == "prep" and _lemma(p) == "against"
             for g in p.children if g.dep_ == "pobj"]
    if any(actor_like(o) for o in nouns + aimed):
        return True
    if e.family:  # an attitude verb's object is the act ("threatened retaliation", "agreed a deal", "agreed to
        #           / on / upon a plan") unless it is someone's possession or standing ("threatening my seat",
        #           "threatens their jobs")
        acts = nouns + [o for p in ("to", "on", "upon") if p not in preps for o in _prep_objects(tok, p)]
        if any(not any(c.dep_ == "poss" for c in o.children) for o in acts):
            return True
    return e.symmetric and any(c.dep_ == "nsubj" and any(g.dep_ == "conj" for g in c.children)
                               for c in tok.children)


# Roots of material force (assault, fight, mass violence) that an abstract object turns into verbal criticism.
_FORCE_ROOTS = frozenset({"18", "19", "20"})


_CLAUSE_DEPS = ("ccomp", "parataxis")


def reported_clause(tok: Token) -> Token | None:
    """The clause a statement verb reports: its complement ("added that ...", "added: "..."), or the clause
    before it that it is hung on ("..., she added"). A verb that is itself the complement of a later verb
    ("X has agreed to resign, the speaker said") is what that verb reports, not a report of it, and so is one
    that is the complement of an earlier verb ("officials said Iran had agreed to ...", "announced that Iran
    had agreed ..."): a verb hangs on the clause before it only after a break (a comma, quotation mark, dash
    or colon before its own words) and with no "that" / "if" of its own."""
    for c in tok.children:
        if c.dep_ in _CLAUSE_DEPS:
            return c
    head = tok.head
    if tok.dep_ in _CLAUSE_DEPS and head.i < tok.i and head.pos_ in ("VERB", "AUX") and _after_break(tok):
        return head
    return None


# Auxiliaries that tell an act as to come, intended or owed ("will cooperate", "should withdraw")
_PROSPECTIVE_AUX = frozenset({"will", "would", "shall", "should", "must", "'ll", "wo", "ought"})


_OWN_PRONOUNS = frozenset({"they", "we", "it", "he", "she", "i", "their", "our", "its", "his", "her", "my"})


def _reports_act(tok: Token) -> bool:
    """Is the clause a verb reports the subject's own act told as to come: a prospective auxiliary, and a
    subject that refers back ("they", "their countries", "its forces") or repeats the verb's own subject
    ("agreed that their countries should cooperate", "Iran agreed that Iran would withdraw")? Not a view of
    how things are or will be ("agreed that spending would rise", "... the Act was unfair"), nor of what
    another side should do ("Iran agreed that Russia should withdraw": a view of Russia's act)."""
    clause = reported_clause(tok)
    if clause is None or clause.pos_ not in ("VERB", "AUX") or clause.lemma_ in ("be", "have"):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _PROSPECTIVE_AUX for c in clause.children):
        return False
    own = {_lemma(c) for c in tok.children if c.dep_ == "nsubj"}
    for sub in (c for c in clause.children if c.dep_ == "nsubj"):
        if sub.lower_ in _OWN_PRONOUNS or _lemma(sub) in own or any(
                c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS for c in sub.children):
            return True
    return False


_BREAKS = frozenset({",", '"', "”", "“", "'", "’", "-", "--", "–", "—", ":", ";", "("})


def _after_break(tok: Token) -> bool:
    """Does a verb's own phrase start after punctuation, with no complementiser ('"...," he added'; not
    "said (that) Iran had agreed")?"""
    first = tok.left_edge.i
    if any(c.dep_ == "mark" for c in tok.children) or first == 0:
        return False
    return tok.doc[first - 1].text in _BREAKS or tok.doc[first].text in _BREAKS


def _reports_clause(tok: Token) -> bool:
    """Does a statement verb report a clause (:func:`reported_clause`)?"""
    return reported_clause(tok) is not None


def _verbal_object(tok: Token) -> bool:
    """Is what a force verb or noun acts on a plan, policy, remark, decision ... (families.yaml
    ``verbal_objects``) and no actor? ("attacked the plans"; not "attacked the convoy", "attacked Labour")."""
    words = set(_config()["verbal_objects"])
    preps = ("on", "against") if tok.pos_ in ("NOUN", "PROPN") else ("on", "against", "at")
    objs = ([] if tok.pos_ in ("NOUN", "PROPN") else _objects(tok)) or [o for p in preps for o in _prep_objects(tok, p)]
    return bool(objs) and all(_lemma(o) in words or o.lower_ in words for o in objs) and not any(
        o.ent_type_ in _ACTOR_ENTS for o in objs)


def _directive(tok: Token) -> bool:
    """Does the verb tell an addressee to act: an object or dative, and after it an infinitive complement
    with "to" ("told Iran to stop enriching", "told the unions not to strike"; not "told reporters that ...",
    "told of plans to ...")?"""
    addressees = [c for c in tok.children if c.dep_ in ("dobj", "dative") and c.i > tok.i]
    return bool(addressees) and any(
        c.dep_ in _COMP_DEPS and c.i > addressees[0].i and c.pos_ in ("VERB", "AUX")
        and any(a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in tok.children)


def _count(tok: Token) -> float | None:
    """The number a numeral token says ("1,000", "300", "12"), or None."""
    try:
        return float(tok.text.replace(",", ""))
    except ValueError:
        return None


def _mass_of_people(tok: Token) -> bool:
    """Is what the verb acts on a mass of people (families.yaml ``mass_expulsion``): a count of at least
    ``min_count`` ("more than 1,000 refugees"), a quantity word ("thousands of villagers"), or a whole
    population ("the entire population of the village")?"""
    spec = _config()["mass_expulsion"]
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    for o in objs:
        nums = [c for c in o.children if c.dep_ == "nummod"] + [
            g for c in o.children if c.dep_ == "nummod" for g in c.children if g.dep_ == "compound"]
        if any((_count(n) or 0) >= spec["min_count"] for n in nums):
            return True
        if o.lower_ in spec["quantity_words"] and any(
                c.dep_ == "prep" and c.lower_ == "of" for c in o.children):
            return True
        if _lemma(o) in spec["population_nouns"] and any(
                c.dep_ in ("amod", "det", "predet") and c.lower_ in spec["whole"] for c in o.children):
            return True
    return False


def _time_phrase(c: Token) -> bool:
    """A preposition whose objects are all dates or times ("on Sunday", "in March")."""
    objs = [g for g in c.children if g.dep_ == "pobj"]
    return c.dep_ == "prep" and bool(objs) and all(g.ent_type_ in ("DATE", "TIME") for g in objs)


def _prts(tok: Token) -> set[str]:
    return {_lemma(c) for c in tok.children if c.dep_ in ("prt", "prep", "advmod") and c.pos_ in ("ADP", "ADV", "PART")
            and not _time_phrase(c)}


def _mods(tok: Token) -> set[str]:
    out = {_lemma(c) for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "npadvmod", "nummod")}
    return out | {t.lower_ for t in [tok] if "-" in t.text}


def _auxes(tok: Token) -> set[str]:
    out = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    return {"will" if a in ("'ll", "wo", "shall") else a for a in out}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "ourselves", "myself", "yourself",
                         "yourselves", "oneself"})


def _named_as(tok: Token) -> list[Token]:
    """The words a verb of naming gives its object as a name or quality ("called the plan [unacceptable and
    provocative]", "called the offer [a disgrace]", "described the raid [as reckless]"), wherever the parser
    hangs them: an object predicate (oprd), a clause complement ("branded [the plans a fraud]"), an "as"
    phrase, or an adjective, apposition or "as" phrase after the object noun. Empty: no naming."""
    out: list[Token] = []
    # (an object predicate with no object is the object, misparsed: "called the Turkish prime minister"; of
    # two, the first is: "called [the Saudi] [offer a disgrace]")
    oprds = [c for c in tok.children if c.dep_ == "oprd"]
    named = oprds if any(c.dep_ == "dobj" for c in tok.children) else oprds[1:]
    for c in tok.children:
        if c in named or (c.dep_ == "prep" and _lemma(c) == "as") or (
                c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children)):
            out += [t for t in c.subtree if t is not c or c.dep_ != "prep"]
        elif c.dep_ == "dobj":
            for g in c.children:
                if (g.dep_ == "amod" and g.i > c.i) or g.dep_ == "appos" or (g.dep_ == "prep" and _lemma(g) == "as"):
                    out += [t for t in g.subtree if t is not g or g.dep_ != "prep"]
    return [t for t in out if t.pos_ in ("ADJ", "NOUN", "VERB", "PROPN")]


def _of_other(tok: Token) -> bool:
    """Is what the verb acts on (its object or the object of "for") someone else or someone else's: an actor
    ("defended Germany"), or a thing with a possessor that is no pronoun ("defended the army's raid")? Not
    the subject's own ("defended his decision", "defended himself") nor a thing of nobody named."""
    objs = _objects(tok) if not any(c.dep_ == "auxpass" for c in tok.children) else []
    objs = objs or _prep_objects(tok, "for")
    for o in objs:
        if o.lower_ in _REFLEXIVES:
            continue
        owners = [c for c in o.children if c.dep_ == "poss"]
        if owners:
            if any(c.pos_ != "PRON" for c in owners):
                return True
        elif _actor_like(o):
            return True
    return False


class _Facts:
    """What ``_satisfies`` reads of one token, each worked out once: ``Lexicon.best`` tries every entry of a
    lemma on the same token (up to ~500 for the commonest verbs), and the entries ask the same few things."""

    def __init__(self, tok: Token) -> None:
        self.tok = tok
        self._prep_objects: dict[str, set[str]] = {}

    @functools.cached_property
    def reports_clause(self) -> bool:
        return _reports_clause(self.tok)

    @functools.cached_property
    def reports_act(self) -> bool:
        return _reports_act(self.tok)

    @functools.cached_property
    def named_as(self) -> set[str]:
        return {w for t in _named_as(self.tok) for w in (_lemma(t), t.lower_)}

    @functools.cached_property
    def of_other(self) -> bool:
        return _of_other(self.tok)

    @functools.cached_property
    def prts(self) -> set[str]:
        return _prts(self.tok)

    @functools.cached_property
    def subjects(self) -> set[str]:
        return {_lemma(c) for c in self.tok.children if c.dep_ in ("nsubj", "nsubjpass")}

    @functools.cached_property
    def objects(self) -> list[Token]:
        return _objects(self.tok)

    @functools.cached_property
    def object_lemmas(self) -> set[str]:
        return {_lemma(o) for o in self.objects}

    @functools.cached_property
    def object_mods(self) -> list[tuple[str, set[str]]]:
        return [(_lemma(o), _mods(o)) for o in self.objects]

    @functools.cached_property
    def later_preps(self) -> set[str]:
        return {_lemma(p) for p in _preps(self.tok) if p.i > self.tok.i}

    def prep_objects(self, prep: str) -> set[str]:
        if prep not in self._prep_objects:
            self._prep_objects[prep] = {_lemma(o) for o in _prep_objects(self.tok, prep)}
        return self._prep_objects[prep]

    @functools.cached_property
    def directive(self) -> bool:
        return _directive(self.tok)

    @functools.cached_property
    def complements(self) -> set[str]:
        return {_lemma(c) for c in self.tok.children if c.dep_ in _COMP_DEPS}

    @functools.cached_property
    def mods(self) -> set[str]:
        return _mods(self.tok)

    @functools.cached_property
    def auxes(self) -> set[str]:
        return _auxes(self.tok)


def _satisfies(e: Entry, tok: Token, facts: _Facts | None = None) -> bool:
    f = facts if facts is not None else _Facts(tok)
    if e.clause and not f.reports_clause:
        return False  # "the firm added 500 jobs": no statement
    if e.opinion and f.reports_act:
        return False
    if e.of_other and not f.of_other:
        return False
    if e.directive and not f.directive:
        return False
    if e.names and not (f.named_as and ("*" in e.names or not f.named_as.isdisjoint(e.names))):
        return False
    if e.transitive is not None and e.transitive != bool(f.objects):
        return False
    if e.prt and f.prts.isdisjoint(e.prt):
        return False
    if e.subj and f.subjects.isdisjoint(e.subj):
        return False
    if e.dobj_mod and not any(lemma in e.dobj and all(not mods.isdisjoint(g) for g in e.dobj_mod)
                              for lemma, mods in f.object_mods):
        return False
    if e.prep and f.later_preps.isdisjoint(e.prep):
        return False  # the verb's own preposition follows it ("called for"; not "For the party, X called ...")
    if e.dobj and f.object_lemmas.isdisjoint(e.dobj):
        return False
    for prep, lemmas in e.pobj:
        if f.prep_objects(prep).isdisjoint(lemmas):
            return False
    if e.xcomp and f.complements.isdisjoint(e.xcomp):
        return False
    if e.mod and f.mods.isdisjoint(e.mod):
        return False
    if e.aux and f.auxes.isdisjoint(e.aux):
        return False
    return True


# ---------------------------------------------------------------- matching


def _span_of(toks: list[Token]) -> tuple[int, int]:
    return min(t.i for t in toks), max(t.i for t in toks) + 1


def governor(lex: Lexicon, tok: Token) -> Token | None:
    """The word whose entry a trigger token is matched by: itself, or for "be"/an auxiliary its first
    complement with an entry ("is ready to host", "is opposed to"); None when "be" has none."""
    if _lemma(tok) == "be" or tok.pos_ == "AUX":
        adj = [c for c in tok.children if c.dep_ in ("acomp", "attr") and lex.best(c)]
        return adj[0] if adj else None
    return tok


# How deep complements of complements are followed ("refused to agree to visit ...").
MAX_DEPTH = 4


def _core(lex: Lexicon, tok: Token, depth: int = 0) -> TriggerMatch | None:
    """Match a token ignoring whether a governing trigger already absorbs it."""
    if depth > MAX_DEPTH:
        return None
    gov = trigger_governor(lex, tok)
    if gov is None:
        return None
    for e in entry_order(lex, gov):
        m = _entry_match(lex, tok, gov, e, depth)
        if m is not None:
            return m
    return None


def trigger_governor(lex: Lexicon, tok: Token) -> Token | None:
    """``governor``, but None for a date ("resume in March", "the May talks": a date is no event noun); before
    NER (the pre-filter) no token is a date yet."""
    gov = governor(lex, tok)
    if gov is None or (gov.pos_ in ("NOUN", "PROPN") and gov.ent_type_ in ("DATE", "TIME")):
        return None
    return gov


def entry_order(lex: Lexicon, gov: Token) -> list[Entry]:
    """The entries ``_core`` tries for a governor, in order (the pre-filter walks the same list): the most
    specific that fits; after a light verb's own entry, whose object is no event noun ("expressed anger at
    ...", "voiced displeasure"), the next fitting entry that tells an attitude — a dictionary pattern on that
    object ("EXPRESS * ANGER [111]") or the verb's own statement ("reiterated that ..." 010); its patterns of
    material acts ("give * powers") stay unread."""
    fits = lex.fitting(gov)
    e = next(fits, None)
    if e is None:
        return []
    if e.cameo is not None or not e.light:
        return [e]
    later = next((x for x in fits if x.cameo is not None and x.cameo.startswith(_ATTITUDE_CODES)), None)
    return [e] if later is None else [e, later]


# statements, appeals, praise or support, demands, disapproval, rejection and threats: what a light verb of
# saying ("express", "voice") can carry in its object (not "join * coalition" 050, "sign" 057: acts)
_ATTITUDE_CODES = ("01", "02", "051", "10", "11", "12", "13")


def _entry_match(lex: Lexicon, tok: Token, gov: Token, e: Entry, depth: int) -> TriggerMatch | None:
    """The match one lexicon entry gives a token (``gov``: the word the entry is keyed on)."""
    # a dictionary pattern is shared by its block's verbs: name the verb that fired and its block
    rule = e.rule if not e.source else f"pv:{_lemma(gov)}/{e.rule[3:]}"
    code, comp, toks, refused = e.cameo, None, [tok, gov], False
    toks += [c for c in gov.children if c.dep_ == "prt" or (c.dep_ == "prep" and _lemma(c) in e.prt + e.prep)]
    toks += [o for o in _objects(gov) if _lemma(o) in e.dobj]
    toks += [o for p, ls in e.pobj for o in _prep_objects(gov, p) if _lemma(o) in ls]
    toks += [o for p in e.prep for o in _prep_objects(gov, p)]
    target_preps, target_dobj, symmetric = e.target_preps, e.target_dobj, e.symmetric
    reverse, swap, object_source = e.reverse, e.swap, e.object_source
    if e.felt and any(c.dep_ == "auxpass" for c in gov.children) and not any(c.dep_ == "agent" for c in gov.children):
        swap = False  # "X was disappointed with Y": the one who feels it is the subject, told as the source
    if e.family or e.light:
        inner = _inner(lex, gov, e, depth)
        if inner is not None:
            m, via = inner
            comp = m.head if m.head != gov.i else via.i
            toks += [via, gov.doc[m.start], gov.doc[m.end - 1]]
            if e.family:
                fam = e.family
                if fam == "intent" and e.dobj and (_negated(gov) or any(
                        d.dep_ == "det" and d.lower_ == "no" for o in _objects(gov) if _lemma(o) in e.dobj
                        for d in o.children)):
                    fam, refused = "reject", True  # "has no plans to lift", "does not have any intention of bowing"
                mapped = family_code(fam, m.cameo)
                if fam == "intent" and m.nominal and via.dep_ in _OBJ_DEPS and _said_act(m.cameo):
                    # "offered his condolences / an apology": a verbal act is made by offering it (the
                    # noun's code, as a light verb gives it), not promised (030); "offered to apologise" is
                    mapped = m.cameo
                code = mapped or code
                rule += f">{fam}:{m.rule}"
            else:  # light verb: the noun's code and the noun's target preps
                code = m.cameo
                rule += f">{m.rule}"
                target_preps = tuple(dict.fromkeys(e.target_preps + m.target_preps))
                target_dobj, symmetric = False, m.symmetric
                reverse, swap = m.reverse, m.swap
    if (code is None) if comp is not None else not fires_alone(lex, e, gov):
        return None
    if code[:2] in _FORCE_ROOTS and not e.dobj and _verbal_object(gov):
        # "attacked the Tory plans", "an assault on the decision": force against a plan, policy, remark or
        # decision is verbal criticism (PETRARCH's ATTACK patterns code these objects 111)
        code, rule = "111", f"{rule}>object:verbal"
    if code[:3] == "016" and not object_source and any(_lemma(o) in _config()["charges"] for o in _objects(gov)):
        # "denied Japan's accusations", "dismissed the British claims": the denial answers the charge's owner
        object_source = True
    if code in _config()["mass_expulsion"]["codes"] and _mass_of_people(gov):
        # "forced out more than 1,000 refugees", "expelled thousands of villagers": a mass expulsion (201)
        code, rule = "201", f"{rule}>object:mass"
    absorbed = False
    base = code
    if tok.pos_ in ("VERB", "AUX") and not refused and not swap:
        # (an act only the other side does, "will receive a letter from X" [:040], stays X's act, told as
        # future: the receiver intends nothing)
        code, absorbed, rule = _modal(tok, code, rule)
    absorbed = absorbed or refused  # the refusal code carries the "no"
    start, end = _span_of(toks)
    if absorbed or (comp is not None and e.family):
        reverse, swap = None, False  # "refused to visit": no host; the re-coded act is the subject's
    return TriggerMatch(code, tok.i, start, end, rule, target_preps, target_dobj, symmetric,
                        nominal=gov.pos_ in ("NOUN", "PROPN") and tok is gov, complement=comp,
                        modal_absorbed=absorbed, family=e.family if comp is not None else None,
                        reverse=reverse, swap=swap, object_source=object_source, base_cameo=base,
                        head_family=e.family)


def _said_act(code: str) -> bool:
    """Acts done by saying them: statements (01: condolences, congratulations) and apologies (055)."""
    return code[:2] == "01" or code[:3] == "055"


def fires_alone(lex: Lexicon, e: Entry, gov: Token, actor_like=_actor_like) -> bool:
    """Whether entry ``e`` gives ``gov`` an event without a matched complement: it has a code and, if it needs
    one, a participant (``_has_participant``; ``actor_like`` as there)."""
    return e.cameo is not None and (not e.needs_arg or _has_participant(lex, e, gov, actor_like))


def _inner(lex: Lexicon, gov: Token, e: Entry, depth: int) -> tuple[TriggerMatch, Token] | None:
    """The complement (verb or event noun) of an attitude or light verb, matched, with the token reached."""
    for c in complement_candidates(gov, e):
        m = _core(lex, c, depth + 1)
        if m is not None:
            return m, c
    return None


def complement_candidates(gov: Token, e: Entry) -> list[Token]:
    """The complements whose match gives an attitude or light verb its code, in the order ``_inner`` tries
    them: any for an attitude verb, event nouns for a light verb ("made a visit"; a matched token is nominal
    only when it is a noun)."""
    return [c for c in inner_candidates(gov, e) if e.family or c.pos_ in ("NOUN", "PROPN")]


def inner_candidates(gov: Token, e: Entry) -> list[Token]:
    """The tokens that may be an attitude or light verb's complement, in the order ``_inner`` tries them."""
    cands: list[Token] = []
    if e.family:  # complements after the head only: "He asked ...; the Kremlin declined" is no refusal to ask
        cands += [c for c in gov.children if c.dep_ in _COMP_DEPS and c.i > gov.i]
    cands += _objects(gov)
    cands += [o for p in ("for", "to", "on", "upon", "in", "of", "with", "into") for o in _prep_objects(gov, p)]
    if e.family and e.dobj:  # "has no plans [to lift]", "no intention [of bowing]": the named noun's complement
        for o in _objects(gov):
            if _lemma(o) in e.dobj:
                cands += [g for g in o.children if g.dep_ == "acl"]
                cands += [g for p in o.children if p.dep_ == "prep" and _lemma(p) == "of"
                          for g in p.children if g.dep_ == "pcomp"]
    return cands


def _modal(tok: Token, code: str, rule: str) -> tuple[str, bool, str]:
    """Re-code a predicate for its modal/negation: will X -> intent/threat, must X -> demand, not X -> refuse."""
    auxes = _auxes(tok)
    modals: dict[str, dict] = _config()["modals"]
    spec = next((modals[a] for a in auxes if a in modals), None)
    fam = spec["family"] if spec and code[:2] not in spec["exempt_roots"] else None
    if _negated(tok) and code[:2] in _config()["negatable_roots"]:
        fam = "reject"
    if fam is None:
        return code, False, rule
    if fam != "reject" and _negated(tok):
        # "would not cut aid", "will not attack": an act ruled out is no threat (nor intent) of it; the act
        # stays, negated
        return code, False, rule
    mapped = family_code(fam, code)
    return (mapped, True, f"{rule}>modal:{fam}") if mapped else (code, False, rule)


def _governor(tok: Token) -> Token | None:
    """The token whose trigger may absorb this one (its verb, or the verb of its preposition)."""
    if tok.dep_ in _OBJ_DEPS | _COMP_DEPS | {"nsubjpass", "conj"}:
        return tok.head if tok.head.i != tok.i else None
    if tok.dep_ in ("advcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "for" for m in tok.children):
        return tok.head  # "called for the embargo to be lifted"
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in _PREP_DEPS | {"prep", "prt"}:
        h = tok.head.head
        if h.dep_ in ("prep", "prt") and h.pos_ == "ADP":  # "pulled out of the talks"
            h = h.head
        return h
    return None


_AIM_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl"})


def _demands(lex: Lexicon, tok: Token) -> bool:
    """Is the token an appeal or a demand (CAMEO 02, 10)?"""
    m = _core(lex, tok)
    return m is not None and m.cameo[:2] in ("02", "10")


def _absorbed(lex: Lexicon, tok: Token) -> bool:
    if tok.dep_ in _AIM_DEPS and tok.head.i != tok.i and _demands(lex, tok):
        # what a protest demands is its aim, part of the protest (CAMEO 1411-1414 "demonstrate for ..."):
        # "demonstrated calling for independence", "staged demonstrations to demand reforms"
        # (the protest told by the head or by its object noun: "staged demonstrations to demand ...")
        acts = [_core(lex, h) for h in [tok.head, *_objects(tok.head)] if h.i != tok.i]
        if any(m is not None and m.cameo[:2] == "14" for m in acts):
            return True
    gov = _governor(tok)
    seen = 0
    while gov is not None and seen < 4:
        m = _core(lex, gov)
        if m is not None:
            if m.complement == tok.i or m.start <= tok.i < m.end:
                return True
            # A reason or setting for a triggered verb is not an event of its own ("accused X of violating ...").
            if tok.dep_ in ("pobj", "pcomp", "dobj", "nsubjpass"):
                return not _purpose_of_journey(lex, tok, m)
            return False
        if tok.dep_ == "conj":
            return False
        tok, gov = gov, _governor(gov)
        seen += 1
    return False


def _purpose_of_journey(lex: Lexicon, tok: Token, journey: TriggerMatch) -> bool:
    """Is the token the talks a journey is made for ("returned to Geneva for talks on ...", "flew to Moscow for
    a meeting with ...")? A meeting that is the purpose of a visit is an event of its own (CAMEO 04 both)."""
    if journey.cameo[:3] != "042" or tok.dep_ != "pobj" or _lemma(tok.head) != "for" or tok.pos_ != "NOUN":
        return False
    own = lex.best(tok)
    return own is not None and own.cameo is not None and own.cameo[:2] == "04" and own.symmetric


def match(token: Token, lex: Lexicon | None = None) -> TriggerMatch | None:
    """The most specific lexicon entry for a verb or event noun, or None (also when a governing trigger absorbs it)."""
    if token.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return None
    lex = lex if lex is not None else load_lexicon()
    m = _core(lex, token)
    if m is None:
        return None
    if m.nominal:
        best = lex.best(token)
        if best is not None and best.light_only:
            return None
    if _absorbed(lex, token):
        return None
    return m


def match_sentence(sent: Span, lex: Lexicon | None = None) -> list[TriggerMatch]:
    """Every trigger in a sentence, in token order, without triggers absorbed by a governing one."""
    lex = lex if lex is not None else load_lexicon()
    return [m for m in (match(t, lex) for t in sent) if m is not None]
