"""Pure functions over a parsed phrase: its core tokens, extent, the name a token ends, the words a
predicate says of its subject, the heads the text ties to a faction noun (no knowledge base, no state)."""
from __future__ import annotations


from spacy.tokens import Span, Token

from realpolitik.actors.scan import Match, doc_text, line_bounds
from realpolitik.actors.state import (
    _ANCHOR_PREPS,
    _LOC_PREPS,
    _NAME_PARTICLES,
    _NOT_NAME_WORDS,
    _OPPOSITION_MARKERS,
    _SKIP_CHILD,
)


_COPULAS = frozenset({"be", "become", "remain"})
# verbs whose object is the organisation the subject heads ("X, who heads the Foreign Office")
_HEADS_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "command", "represent"})

def locative(tok: Token) -> bool:
    """True for the object of a place preposition ("in Iraq", "at the embassy")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _LOC_PREPS


def shadowed(toks: list[Token], role_m: Match) -> bool:
    """True when an opposition marker ("shadow") stands right before the role words (in the text, whatever
    the parse made of it)."""
    if not toks:
        return False
    doc = toks[0].doc
    return any(doc[i].lower_ in _OPPOSITION_MARKERS for i in range(max(0, role_m.i - 2), role_m.i))


_COPULAS = frozenset({"be", "become", "remain"})
# verbs whose object is the organisation the subject heads ("X, who heads the Foreign Office")
_HEADS_VERBS = frozenset({"head", "lead", "chair", "run", "direct", "command", "represent"})


def phrase_core(head: Token, span: Span) -> list[Token]:
    """Head plus its modifiers inside ``span``; of/in/from phrases and right-hand amods are kept as anchors."""
    keep: list[Token] = []

    def walk(tok: Token, top: bool) -> None:
        keep.append(tok)
        for c in tok.children:
            if not (span.start <= c.i < span.end):
                continue
            if top and (c.dep_ in ("conj", "cc") or (c.dep_ == "punct" and c.tag_ != "HYPH")):
                continue  # "Iran and Russia": the conjunct is another actor
            if c.dep_ == "prep" and (c.lower_ in _ANCHOR_PREPS or head.pos_ == "PROPN"
                                     or (tok.dep_ == "amod" and tok.i > head.i)):
                keep.append(c)  # kept so multi-word names with "of" stay contiguous
                for p in c.children:
                    if p.dep_ == "pobj":
                        # and the article inside such a name: "Friends of the Earth", "Organization of the ..."
                        keep.extend(d for d in p.children if d.dep_ == "det" and d.lower_ == "the" and d.i == c.i + 1)
                        walk(p, False)
                continue
            if c.dep_ in _SKIP_CHILD:
                continue
            walk(c, False)

    walk(head, True)
    lo, hi = line_bounds(head)
    keep = [t for t in keep if lo < t.i < hi]
    ids = {t.i for t in keep}
    for t in span:
        # "U.S. and Russian negotiators" given as the span "Russian negotiators": keep "Russian"
        if lo < t.i < head.i and t.i not in ids and t.dep_ in ("conj", "amod", "compound") \
                and head in t.ancestors:
            keep.append(t)
    return sorted(set(keep), key=lambda t: t.i)


def extent_of(core: list[Token], *ms: Match) -> tuple[int, int]:
    toks = [t for t in core if not t.is_punct and t.dep_ not in ("det",)]
    doc = core[0].doc if core else None
    lo = min([t.idx for t in toks] + [doc[m.i].idx for m in ms]) if doc is not None else 0
    hi = max([doc[m.j - 1].idx + len(doc[m.j - 1].text) for m in ms]) if ms and doc is not None else lo
    return lo, hi


def name_tokens(tok: Token) -> list[Token]:
    """The tokens of the name ending at ``tok``: its PERSON entity, else its proper-noun compounds."""
    doc = tok.doc
    if tok.ent_type_ == "PERSON":
        s = tok.i
        while s > 0 and doc[s].ent_iob_ == "I" and doc[s - 1].ent_type_ == "PERSON":
            s -= 1
        e = tok.i + 1
        while e < len(doc) and doc[e].ent_iob_ == "I":
            e += 1
        # the tagger sometimes joins a date or a common word to the name ("Wednesday Mr Blair")
        while s < tok.i and (doc[s].lower_ in _NOT_NAME_WORDS or doc[s].like_num or (
                doc[s].text[:1].islower() and doc[s].lower_ not in _NAME_PARTICLES)):
            s += 1
        return list(doc[s:e])
    toks = [tok]
    i = tok.i - 1
    while i >= 0:
        if doc[i].text in ("-", "‐") and i > 0 and not doc[i].whitespace_ and not doc[i - 1].whitespace_ \
                and doc[i - 1].pos_ == "PROPN" and doc[i - 1].text[:1].isupper():
            toks[:0] = [doc[i - 1], doc[i]]  # a double-barrelled name split by the tokenizer: "Kilroy-Silk"
            i -= 2
            continue
        if doc[i].head.i in {t.i for t in toks} and doc[i].dep_ in ("compound", "flat") and doc[i].pos_ == "PROPN":
            toks.insert(0, doc[i])
            i -= 1
            continue
        break
    return toks


def name_text(toks: list[Token]) -> str:
    if not toks:
        return ""
    doc = toks[0].doc
    return " ".join(doc_text(doc)[toks[0].idx: toks[-1].idx + len(toks[-1].text)].split())


def predicate_segments(verb: Token) -> list[list[Token]]:
    """What a predicate says about its subject: the attribute of "is"/"was"/"became", the object of
    "heads", "leads", "chairs", "runs" (read like "head of Y")."""
    out = []
    for c in verb.children:
        if c.dep_ == "attr" and verb.lemma_ in _COPULAS:
            out.append(_own_words(c, _CLAUSE_DEPS))
        elif c.dep_ == "acomp" and verb.lemma_ in _COPULAS:
            # "X is closer to President Bush", "X is unwilling to allow a role for the chancellor": the
            # adjective describes X, the people and offices it governs do not
            out.append(_own_words(c, _CLAUSE_DEPS | {"prep", "xcomp"}))
        elif c.dep_ == "dobj" and verb.lemma_ in _HEADS_VERBS:
            out.append(list(c.subtree))
    return out


# Dependents that open a clause of their own: what they say is not said of the subject of the predicate.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp"})


def apposition_segments(tok: Token) -> list[list[Token]]:
    """What an apposition says about the name it describes: its own words, without the clauses hung on it
    (in "X, a former adviser who resigned over the Iran arms scandal", Iran is what the clause is about,
    not X's country), plus what a relative clause predicates of it ("X, an official who heads Y")."""
    out = [_own_words(tok, _CLAUSE_DEPS)]
    for c in tok.children:
        if c.dep_ == "relcl":
            out.extend(predicate_segments(c))
    return out


def _own_words(tok: Token, drop: frozenset[str]) -> list[Token]:
    """``tok``'s subtree without the subtrees of its ``drop`` dependents."""
    skip = {t.i for c in tok.children if c.dep_ in drop for t in c.subtree}
    return [t for t in tok.subtree if t.i not in skip]


def in_other_branch(t: Token, head: Token) -> bool:
    """True when ``t`` hangs under a conjunct/relative clause of ``head`` rather than modifying it."""
    cur = t
    while cur.i != head.i:
        if cur.dep_ in ("conj", "cc", "relcl", "acl", "appos", "advcl"):
            return True
        if cur.head.i == cur.i:
            return True
        cur = cur.head
    return False


def nearest_match(anchors: list[Match], pos: int) -> Match | None:
    if not anchors:
        return None
    left = [m for m in anchors if m.i <= pos]
    return (max(left, key=lambda m: m.j) if left else min(anchors, key=lambda m: m.i))


def member_tokens(tok: Token) -> list[Token]:
    """Heads the text ties to a faction noun: appositions, "led by X and Y", "including X", "such as X"."""
    members: list[Token] = []
    for c in tok.children:
        if c.dep_ == "appos":
            members.append(c)
            members.extend(x for x in c.subtree if x.dep_ in ("appos", "conj") and x.head.i != tok.i)
        elif c.dep_ == "acl":  # "the hard-liners, led by the supreme leader and the IRGC"
            for a in c.children:
                if a.dep_ == "agent":
                    for o in a.children:
                        if o.dep_ == "pobj":
                            members.extend([o, *o.conjuncts])
        elif c.dep_ == "prep" and (c.lower_ in ("including", "like", "such", "around", "behind") or (
                c.lower_ == "as" and any(x.lower_ == "such" for x in c.children))):  # "hard-liners such as X"
            for o in c.subtree:
                if o.dep_ == "pobj":
                    members.extend([o, *o.conjuncts])
                    break
            else:
                # the parser made the name the clause's subject ("hard-liners such as X criticised ..."):
                # the name right after the preposition
                k = c.i + 1
                doc = c.doc
                if k < len(doc) and doc[k].ent_type_ == "PERSON":
                    while k + 1 < len(doc) and doc[k + 1].ent_iob_ == "I":
                        k += 1
                    members.extend([doc[k], *doc[k].conjuncts])
    return members
