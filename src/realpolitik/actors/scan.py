"""Longest-match lookup of knowledge-base aliases over a run of spaCy tokens (dict lookups only)."""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Doc, Token

from realpolitik.actors.kb import Entry, KnowledgeBase, first_chunk, norm

_PLURAL_TAGS = frozenset({"NNS", "NNPS"})


@dataclass(frozen=True)
class Match:
    """KB entries found for doc tokens [i, j)."""

    i: int
    j: int
    entries: tuple[Entry, ...]
    plural: bool = False
    rule: str = ""  # how a reading was chosen when the KB alone did not decide ("country-reading:doc-country")

    @property
    def entry(self) -> Entry:
        return self.entries[0]

    @property
    def kind(self) -> str:
        return self.entries[0].kind

    def covers(self, i: int) -> bool:
        return self.i <= i < self.j


_TEXT_CACHE: list[tuple[Doc, str]] = []


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached for the last few docs (spaCy rebuilds the string on every access)."""
    for d, t in _TEXT_CACHE:
        if d is doc:
            return t
    t = doc.text
    _TEXT_CACHE.insert(0, (doc, t))
    del _TEXT_CACHE[4:]
    return t


def _may_start(kb: KnowledgeBase, tok: Token) -> bool:
    """Cheap filter: can an alias start with this token (as written, as lemma, or without plural -s)?"""
    p = first_chunk(norm(tok.text))
    if p in kb.prefixes:
        return True
    if tok.tag_ in _PLURAL_TAGS or p.endswith("s"):
        return first_chunk(norm(tok.lemma_)) in kb.prefixes or p[:-1] in kb.prefixes
    return False


def _capitalised(tok: Token) -> bool:
    c = tok.text[:1]
    return c.isupper() or c.isdigit()


# Matches already found, per recent parsed Doc: {id(doc): (doc, {(id(kb), token indices): (kb, matches)})}.
_SCANS: dict[int, tuple[Doc, dict]] = {}
_SCANS_DOCS = 256  # an article's segments and then some


def scan(kb: KnowledgeBase, toks: Sequence[Token]) -> list[Match]:
    """Greedy left-to-right longest matches over ``toks`` (sorted, possibly with gaps). Over a frozen knowledge
    base the same tokens of a Doc are scanned once (a segment is read for its countries, its mentions and the
    article's era; a phrase by several rules); each call gets a list of its own."""
    if not toks:
        return []
    if not kb.frozen:
        return _scan(kb, toks)
    doc = toks[0].doc
    seen = _SCANS.get(id(doc))
    if seen is None or seen[0] is not doc:
        if len(_SCANS) >= _SCANS_DOCS:
            del _SCANS[next(iter(_SCANS))]  # the oldest
        seen = _SCANS[id(doc)] = (doc, {})
    key = (id(kb), tuple(t.i for t in toks))
    hit = seen[1].get(key)
    if hit is None or hit[0] is not kb:
        hit = seen[1][key] = (kb, tuple(_scan(kb, toks)))
    return list(hit[1])


def _scan(kb: KnowledgeBase, toks: Sequence[Token]) -> list[Match]:
    out: list[Match] = []
    n = len(toks)
    if not n:
        return out
    text = doc_text(toks[0].doc)
    k = 0
    while k < n:
        t = toks[k]
        if t.is_punct or t.is_space or t.pos_ == "PRON" or t.dep_ == "det":
            k += 1
            continue
        found: Match | None = None
        if _may_start(kb, t):
            for j in range(min(n, k + kb.max_tokens), k, -1):
                last = toks[j - 1]
                if last.i - t.i != j - 1 - k or (j - 1 > k and last.is_punct):
                    continue
                m = _lookup(kb, text, t, last)
                if m is not None:
                    found = m
                    break
        if found is None:
            exact = kb.lookup_exact(t.text)
            if exact:
                found = Match(t.i, t.i + 1, tuple(exact))
            elif len(t.text) > 2 and t.text.endswith("s") and t.text[-2:-1].isupper():
                exact = kb.lookup_exact(t.text[:-1])  # a plural acronym: "MPs", "NGOs"
                if exact:
                    found = Match(t.i, t.i + 1, tuple(exact), True)
        if found is not None and found.j - found.i == 1 and _inside_other_name(kb, t, found, out):
            # "Clarence House" is not the House (of Representatives), "Iowa Senate" not the US Senate: keep
            # only the word's role reading ("senate"), if any
            rest = tuple(e for e in found.entries if e.kind not in _BODY_KINDS)
            found = Match(found.i, found.j, rest, found.plural) if rest else None
        if found is not None:
            out.append(found)
            k += found.j - found.i
        else:
            k += 1
    return out


_BODY_KINDS = frozenset({"institution", "igo", "ngo"})


def _inside_other_name(kb: KnowledgeBase, t: Token, found: Match, out: list[Match]) -> bool:
    """A one-word name of a body (not an acronym, not a party) right after a capitalised word that no match
    covers: the last word of another proper name ("Clarence House", "Iowa Senate", "National Congress"),
    which the knowledge base does not know — not the body a common word like "House" names alone."""
    if t.i == 0 or t.is_upper or found.kind not in _BODY_KINDS or found.entry.sector == "PTY":
        return False
    prev = t.doc[t.i - 1]
    if out and out[-1].j == t.i:
        return False  # "US Senate" read as a demonym + the body
    return (prev.is_alpha and prev.text[:1].isupper() and not prev.is_upper and prev.pos_ == "PROPN"
            and prev.lower_ not in kb.honorifics)


def _lookup(kb: KnowledgeBase, text: str, first: Token, last: Token) -> Match | None:
    raw = text[first.idx: last.idx + len(last.text)]
    key = norm(raw)
    entries = kb.index.get(key)
    plural = False
    if not entries and (last.tag_ in _PLURAL_TAGS or raw.endswith("s")):
        # plurals: try the lemma, then a stripped -s ("Iranians" is often its own lemma)
        stem = text[first.idx: last.idx]
        for alt in (stem + last.lemma_, raw[:-1] if raw.lower().endswith("s") else ""):
            if alt:
                key = norm(alt)
                entries = kb.index.get(key)
                if entries:
                    plural = True
                    break
    if not entries:
        return None
    if key in kb.proper and not _capitalised(first):
        # proper names need a capital: "turkey" the bird, "chad" the word, "male" ...
        entries = [e for e in entries if not _needs_capital(e)]
        if not entries:
            return None
    return Match(first.i, last.i + 1, tuple(entries), plural)


def _needs_capital(e: Entry) -> bool:
    return e.kind not in ("role", "faction")


def line_bounds(tok: Token) -> tuple[int, int]:
    """Indices of the nearest whitespace-only tokens (line breaks) around ``tok``: a phrase never crosses them."""
    doc = tok.doc
    spaces = doc.user_data.get(_SPACES_KEY)
    if spaces is None:  # computed once per parsed segment
        spaces = doc.user_data[_SPACES_KEY] = [t.i for t in doc if t.is_space]
    k = bisect.bisect_left(spaces, tok.i)
    lo = spaces[k - 1] if k > 0 and spaces[k - 1] >= tok.i - 40 else -1
    k = bisect.bisect_right(spaces, tok.i)
    hi = spaces[k] if k < len(spaces) and spaces[k] < tok.i + 40 else len(doc)
    return lo, hi


_SPACES_KEY = "realpolitik.space_tokens"
