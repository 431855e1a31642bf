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


_TEXT_CACHE: dict[int, tuple[Doc, str]] = {}
_TEXT_DOCS = 64  # every segment of an article (an article read back and forth missed a cache of 4)


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached for the last docs (spaCy rebuilds the string on every access)."""
    hit = _TEXT_CACHE.get(id(doc))
    if hit is not None and hit[0] is doc:
        return hit[1]
    t = doc.text
    if len(_TEXT_CACHE) >= _TEXT_DOCS:
        del _TEXT_CACHE[next(iter(_TEXT_CACHE))]  # the oldest
    _TEXT_CACHE[id(doc)] = (doc, t)
    return t
    t = doc.text
    _TEXT_CACHE.insert(0, (doc, t))
    del _TEXT_CACHE[4:]
    return t


def _may_start(kb: KnowledgeBase, tok: Token, queries: "_Queries | None" = None) -> bool:
    """Cheap filter: can an alias start with this token (as written, as lemma, or without plural -s)?"""
    p = first_chunk(norm(tok.text))
    if queries is not None:
        queries.prefixes.add(p)
    if p in kb.prefixes:
        return True
    if tok.tag_ in _PLURAL_TAGS or p.endswith("s"):
        lemma = first_chunk(norm(tok.lemma_))
        if queries is not None:
            queries.prefixes.update((lemma, p[:-1]))
        return lemma in kb.prefixes or p[:-1] in kb.prefixes
    return False


def _capitalised(tok: Token) -> bool:
    c = tok.text[:1]
    return c.isupper() or c.isdigit()


# Matches already found, per recent parsed Doc: {id(doc): (doc, {(id(kb), token indices): (kb, matches)})}; a
# whole Doc's scan is also kept under (id(kb), _WHOLE) with the knowledge-base queries it made.
_SCANS: dict[int, tuple[Doc, dict]] = {}
_SCANS_DOCS = 256  # an article's segments and then some
_WHOLE = "whole"


def scan(kb: KnowledgeBase, toks: Sequence[Token]) -> list[Match]:
    """Greedy left-to-right longest matches over ``toks`` (sorted, possibly with gaps). Over a frozen knowledge
    base the same tokens of a Doc are scanned once (a segment is read for its countries, its mentions and the
    article's era; a phrase by several rules), a run of a Doc's tokens is read off the whole Doc's scan where
    that gives the same matches (``_from_whole``), and a dated view's whole-Doc scan is its undated base's when
    the base's scan asked nothing the view answers differently (``_from_base``); each call gets a list of its
    own."""
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
    memo = seen[1]
    key = (id(kb), tuple(t.i for t in toks))
    hit = memo.get(key)
    if hit is None or hit[0] is not kb:
        whole = len(toks) == len(doc) and key[1] == tuple(range(len(doc)))
        ms = _whole_scan(kb, doc, memo) if whole else _from_whole(kb, memo, key[1])
        hit = memo[key] = (kb, ms if ms is not None else tuple(_scan(kb, toks)))
    return list(hit[1])


def _whole_scan(kb: KnowledgeBase, doc: Doc, memo: dict) -> tuple[Match, ...]:
    """The scan of all of ``doc``, kept with the queries it made of ``kb`` (``_Queries``)."""
    got = memo.get((id(kb), _WHOLE))
    if got is not None and got[0] is kb:
        return got[1]
    ms = _from_base(kb, doc, memo)
    if ms is None:
        queries = _Queries()
        ms = tuple(_scan(kb, list(doc), queries))
        memo[(id(kb), _WHOLE)] = (kb, ms, queries)
    return ms


class _Queries:
    """What a scan asked of the knowledge base: first chunks tested as prefixes, index keys (their entries,
    and whether they are proper names) and case-sensitive forms."""

    __slots__ = ("prefixes", "keys", "exact")

    def __init__(self) -> None:
        self.prefixes: set[str] = set()
        self.keys: set[str] = set()
        self.exact: set[str] = set()


def _from_base(kb: KnowledgeBase, doc: Doc, memo: dict) -> tuple[Match, ...] | None:
    """A dated view's scan of ``doc`` taken from its undated base's, when the base's scan asked nothing that
    the view answers otherwise: the view then makes the same queries, gets the same answers (the same entry
    objects) and finds the same matches. None when there is no such base scan or it asked one."""
    base = getattr(kb, "_base", None)
    if base is None or base is kb:
        return None
    got = memo.get((id(base), _WHOLE))
    if got is None or got[0] is not base:
        return None
    diff = _view_diff(kb, base)
    q = got[2]
    if diff is None or not q.prefixes.isdisjoint(diff[0]) or not q.keys.isdisjoint(diff[1]) \
            or not q.exact.isdisjoint(diff[2]):
        return None
    memo[(id(kb), _WHOLE)] = (kb, got[1], q)
    return got[1]


_DIFFS: dict[int, tuple[KnowledgeBase, tuple | None]] = {}


def _view_diff(view: KnowledgeBase, base: KnowledgeBase) -> tuple[frozenset, frozenset, frozenset] | None:
    """The prefixes, index keys (entries or proper-name status) and case-sensitive forms that ``view`` answers
    otherwise than ``base``; None when they differ in the longest span tried. Computed once per view."""
    got = _DIFFS.get(id(view))
    if got is not None and got[0] is view:
        return got[1]

    def differ(a, b) -> bool:
        return len(a) != len(b) or any(x is not y for x, y in zip(a, b))

    out = None
    if view.max_tokens == base.max_tokens:
        keys = {k for k in view.index.keys() | base.index.keys()
                if differ(view.index.get(k, ()), base.index.get(k, ()))}
        keys |= set(view.proper) ^ set(base.proper)
        exact = {k for k in view.exact.keys() | base.exact.keys()
                 if differ(view.exact.get(k, ()), base.exact.get(k, ()))}
        out = (frozenset(set(view.prefixes) ^ set(base.prefixes)), frozenset(keys), frozenset(exact))
    _DIFFS[id(view)] = (view, out)
    return out


def _from_whole(kb: KnowledgeBase, memo: dict, idx: tuple[int, ...]) -> tuple[Match, ...] | None:
    """The scan of the run of tokens ``idx`` read off the whole Doc's scan, when that is kept and no match of
    it crosses either end of the run or ends right where the run starts. The greedy scan then reaches the
    run's first token in both, tries the same spans (those the whole scan tried past the run's end found
    nothing longer), and the only look back (``_inside_other_name``: is the previous match adjacent) answers
    the same; None otherwise (and for tokens with gaps)."""
    got = memo.get((id(kb), _WHOLE))
    if got is None or got[0] is not kb:
        return None
    s, e = idx[0], idx[-1] + 1
    if e - s != len(idx) or idx != tuple(range(s, e)):
        return None  # gaps, repeats or tokens out of order
    ms = got[1]
    a = bisect.bisect_left(ms, s, key=_start)
    b = bisect.bisect_left(ms, e, key=_start)
    if (a and ms[a - 1].j >= s) or (b > a and ms[b - 1].j > e):
        return None
    return ms[a:b]


def _start(m: Match) -> int:
    return m.i


def _scan(kb: KnowledgeBase, toks: Sequence[Token], queries: "_Queries | None" = None) -> list[Match]:
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
        if _may_start(kb, t, queries):
            for j in range(min(n, k + kb.max_tokens), k, -1):
                last = toks[j - 1]
                if last.i - t.i != j - 1 - k or (j - 1 > k and last.is_punct):
                    continue
                m = _lookup(kb, text, t, last, queries)
                if m is not None:
                    found = m
                    break
        if found is None:
            if queries is not None:
                queries.exact.update((t.text.replace(".", ""), t.text[:-1].replace(".", "")))
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


def _lookup(kb: KnowledgeBase, text: str, first: Token, last: Token,
            queries: "_Queries | None" = None) -> Match | None:
    raw = text[first.idx: last.idx + len(last.text)]
    key = norm(raw)
    if queries is not None:
        queries.keys.add(key)
    entries = kb.index.get(key)
    plural = False
    if not entries and (last.tag_ in _PLURAL_TAGS or raw.endswith("s")):
        # plurals: try the lemma, then a stripped -s ("Iranians" is often its own lemma)
        stem = text[first.idx: last.idx]
        for alt in (stem + last.lemma_, raw[:-1] if raw.lower().endswith("s") else ""):
            if alt:
                key = norm(alt)
                if queries is not None:
                    queries.keys.add(key)
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
