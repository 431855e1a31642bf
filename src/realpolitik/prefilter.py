"""The pre-filter: which documents cannot hold an event, decided before the costly half of spaCy.

A document is parsed in two passes. The first runs the pipeline's first components (``tok2vec`` and the
``tagger``: fine-grained tags, about a third of spaCy's time); the second runs the rest (sentence cap, parser,
attribute ruler, lemmatizer, NER) on the same ``Doc`` objects, so a kept document ends exactly as one parse
would leave it. Between them, ``PreFilter.keeps`` asks whether any token of a coded segment could still fire
the coder (``realpolitik.events``):

- a lexicon entry that yields a code (``Entry.cameo``), for the token's possible lemma and part of speech,
  whose conditions can all be met: each group of words it names (``Entry.required_words``: particle,
  preposition, object lemmas...) has a possible lemma somewhere in the segment; or
- with a classifier, any verb entry of the lexicon for a token that may be a verb (the classifier codes a
  sentence whose root verb the lexicon knows, whatever the entry's conditions: ``coder.classifier_events``).

Every event the coder makes comes from one of these two paths, so a document none of whose tokens passes
holds no event: skipping it loses nothing. "Possible" is taken widely, never narrowly: the lemmas a form can
have are every lemma spaCy's rule lemmatizer could give it under any part of speech (its exception tables and
suffix rules, the attribute ruler's lemma patterns, the form itself), and the parts of speech a tag can have
are every one the attribute ruler can map that tag to (its patterns may also look at the word or the
dependency, which the first pass does not know yet). A skipped document is stored with its segments and no
sentences (nothing was parsed into sentences). ``bench/prefilter.py`` counts what the filter drops on every
bench and checks the events it would have had: 0.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

FIRST_PASS = ("tok2vec", "tagger")
SECOND_CHECK = True  # the check between the parse and NER (PreFilter.keeps_parsed)
_COARSE = {"VERB": "VERB", "NOUN": "NOUN", "PROPN": "NOUN"}  # as Lexicon.best keys them


def _values(cond: Any) -> tuple[frozenset[str] | None, re.Pattern | None]:
    """(exact values, regex) a Matcher condition accepts; (None, None) = it may accept anything."""
    if isinstance(cond, str):
        return frozenset([cond]), None
    if isinstance(cond, dict) and isinstance(cond.get("IN"), list) and len(cond) == 1:
        return frozenset(map(str, cond["IN"])), None
    if isinstance(cond, dict) and isinstance(cond.get("REGEX"), str) and len(cond) == 1:
        return None, re.compile(cond["REGEX"])
    return None, None


class _Rule:
    """One token condition of an attribute-ruler pattern, reduced to its tag and word: what it may set."""

    def __init__(self, cond: dict, value: str):
        self.tags, _ = _values(cond.get("TAG"))  # other conditions (MORPH, ...) are taken as met
        self.deps, _ = _values(cond.get("DEP"))
        self.words, self.regex = None, None
        for key in ("LOWER", "ORTH", "TEXT", "NORM"):
            if key in cond:
                words, self.regex = _values(cond[key])
                self.words = frozenset(w.lower() for w in words) if words is not None else None
                self.any_word = words is None and self.regex is None
                break
        else:
            self.any_word = True
        self.value = value

    def may_apply(self, tag: str | None, lower: str, root: bool = False) -> bool:
        if self.tags is not None and tag is not None and tag not in self.tags:
            return False
        if root and self.deps is not None and "ROOT" not in self.deps:
            return False
        if self.any_word:
            return True
        if self.words is not None:
            return lower in self.words
        return bool(self.regex.search(lower)) if self.regex is not None else True


class PreFilter:
    """Built once per Coder (``for_coder``) from its spaCy pipeline and lexicon; ``keeps(docs)`` on the
    first-pass ``Doc``s of one document's segments."""

    def __init__(self, nlp: Any, lexicon: Any, *, classifier: bool):
        self.classifier = classifier
        self.lexicon = lexicon
        self.entries = lexicon.entries
        self.verbs = frozenset(lemma for lemma, pos in self.entries if pos == "VERB")
        self.needs: dict[tuple[str, str], tuple[tuple[frozenset[str], ...], ...]] = {}
        for key, entries in self.entries.items():
            groups = tuple(e.required_words for e in entries if e.cameo is not None)
            if groups:
                self.needs[key] = groups
        ruler = nlp.get_pipe("attribute_ruler")
        self.pos_rules, self.lemma_rules = [], []
        for p in ruler.patterns:
            for pattern in p["patterns"]:
                cond = pattern[p.get("index", 0)]  # the token the attributes are set on
                if "POS" in p["attrs"]:
                    self.pos_rules.append(_Rule(cond, p["attrs"]["POS"]))
                if "LEMMA" in p["attrs"]:
                    self.lemma_rules.append(_Rule(cond, str(p["attrs"]["LEMMA"]).lower()))
        lookups = nlp.get_pipe("lemmatizer").lookups
        rules, exc = lookups.get_table("lemma_rules"), lookups.get_table("lemma_exc")
        tables = [(rules.get(pos) or [], exc.get(pos) or {}) for pos in ("noun", "verb", "adj", "adv", "propn")]
        self.suffixes = [(old, new) for rule_list, _ in tables for old, new in rule_list]
        self.exceptions = [table for _, table in tables]
        # the lemma rules indexed by the word they name (the rest, regex or any word, are tried on every form)
        self._lemma_by_word: dict[str, set[str]] = {}
        self._lemma_other = []
        for r in self.lemma_rules:
            if r.words is not None:
                for w in r.words:
                    self._lemma_by_word.setdefault(w, set()).add(r.value)
            else:
                self._lemma_other.append(r)
        self._pos_by_tag: dict[str, list[_Rule]] = {}  # the POS rules that may apply to a tag
        self._lemmas: dict[str, frozenset[str]] = {}
        self._pos: dict[tuple[str, str, bool], frozenset[str]] = {}

    @classmethod
    def for_coder(cls, coder: Any) -> "PreFilter":
        """The filter of a Coder, built on first use and kept on it."""
        found = _FILTERS.get(id(coder))
        if found is None or found[0] is not coder:
            found = (coder, cls(coder.nlp, coder.lexicon, classifier=coder.classifier is not None))
            _FILTERS[id(coder)] = found
        return found[1]

    def lemmas(self, lower: str) -> frozenset[str]:
        """Every lemma spaCy could give this (lowercased) form, whatever its part of speech."""
        found = self._lemmas.get(lower)
        if found is None:
            out = {lower}
            for table in self.exceptions:
                out.update(table.get(lower, ()))
            out.update(lower[: len(lower) - len(old)] + new for old, new in self.suffixes
                       if lower.endswith(old) and len(lower) > len(old))
            out.update(self._lemma_by_word.get(lower, ()))
            out.update(r.value for r in self._lemma_other if r.may_apply(None, lower))
            if lower in ("'ll", "wo", "shall"):  # the coder reads these auxiliaries as "will"
                out.add("will")
            found = self._lemmas[lower] = frozenset(out)
        return found

    def parts_of_speech(self, tag: str, lower: str, root: bool = False) -> frozenset[str]:
        """The parts of speech (VERB, AUX, NOUN, ...) the attribute ruler could give a token with this tag and
        form (``root``: as the root of its sentence); all of them when no pattern names the tag."""
        key = (tag, lower, root)
        found = self._pos.get(key)
        if found is None:
            rules = self._pos_by_tag.get(tag)
            if rules is None:
                rules = self._pos_by_tag[tag] = [r for r in self.pos_rules if r.tags is None or tag in r.tags]
            pos = {r.value for r in rules if r.may_apply(tag, lower, root)}
            found = self._pos[key] = frozenset(pos) or frozenset(("VERB", "AUX", "NOUN", "PROPN", "ADJ"))
        return found

    def keeps_segment(self, doc: Any) -> bool:
        """Whether a first-pass segment has a token that could fire the coder."""
        words: set[str] = set()
        for tok in doc:
            words |= self.lemmas(tok.lower_)
        for tok in doc:
            lemmas = self.lemmas(tok.lower_)
            # the classifier codes a sentence whose root is a verb or auxiliary with a verb entry
            if self.classifier and self.parts_of_speech(tok.tag_, tok.lower_, root=True) & {"VERB", "AUX"}:
                if lemmas & self.verbs:
                    return True
            # a token fires its own entry as VERB, NOUN/PROPN or ADJ; an auxiliary ("is", "has" as aux) never
            # does (the matcher reads the adjective or noun it governs, a token of its own)
            for key in {_COARSE.get(p, p) for p in self.parts_of_speech(tok.tag_, tok.lower_) if p != "AUX"}:
                for lemma in lemmas:
                    for groups in self.needs.get((lemma, key), ()):
                        if all(g & words for g in groups):
                            return True
        return False

    def keeps(self, segments: Sequence[Any], docs: Sequence[Any]) -> bool:
        """Whether a document (its segments and their first-pass Docs) could hold an event: a segment the
        coder codes (not a context segment) passes."""
        return any(seg.kind != "context" and self.keeps_segment(doc) for seg, doc in zip(segments, docs))

    def keeps_parsed(self, coder: Any, segments: Sequence[Any], docs: Sequence[Any],
                     remembered: dict[tuple[str, ...], list] | None = None) -> bool:
        """The second check, on Docs parsed by everything but NER (parts of speech, lemmas, sentences and the
        parse are final; entities are not known yet): whether a sentence the coder codes has a token that may
        head a rule trigger (``may_trigger``), or, with the classifier, is one the classifier may code
        (``coder.classifier_events``: a root verb or auxiliary with a verb entry, and a prediction of a
        cooperation/conflict class at ``classifier_fill_p`` or more). The classifier's predictions are
        computed here exactly as ``Coder.code_segments`` asks for them (the same sentence texts in one call)
        and kept in ``remembered`` for it to use."""
        coded = [seg.kind != "context" and (seg.kind != "title" or coder.config.code_titles) for seg in segments]
        sents = [list(d.sents) if c else [] for d, c in zip(docs, coded)]
        found = any(may_trigger(self.lexicon, tok) for ss in sents for sent in ss for tok in sent)
        if coder.classifier is None:
            return found
        roots = [sent.root for ss in sents for sent in ss]
        verb_roots = [r.pos_ in ("VERB", "AUX") and r.lemma_.lower() in self.verbs for r in roots]
        if not (found or any(verb_roots)):
            return False  # dropped without asking the classifier
        texts = tuple(sent.text for ss in sents for sent in ss)
        preds = coder.classifier.predict(list(texts))
        if remembered is not None:
            remembered[texts] = preds
        fill = coder.config.classifier_fill_p
        return found or any(v and p.quad != 0 and p.quad_prob >= fill for v, p in zip(verb_roots, preds))


def may_trigger(lexicon: Any, tok: Any) -> bool:
    """Whether a token parsed up to NER may be the head of a rule trigger the coder keeps: what
    ``coder.find_triggers`` and ``triggers.match`` require of it without the entities (``may_fire``).
    Absorption by a governing trigger and the conjoined-object rule (which depend on other matches) are not
    applied. ``tests/distributed/test_prefilter.py`` checks it on every candidate the coder finds."""
    from realpolitik.events.roles import MODIFIER_DEPS

    if tok.pos_ not in ("VERB", "AUX", "NOUN", "PROPN"):
        return False
    # find_triggers: a modifier of a noun and a copula with a noun attribute are no events
    if tok.dep_ in MODIFIER_DEPS and tok.pos_ in ("NOUN", "PROPN", "VERB") and tok.head.pos_ in ("NOUN", "PROPN"):
        return False
    if tok.lemma_ == "be" and any(c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return False
    return may_fire(lexicon, tok)


def may_fire(lexicon: Any, tok: Any, depth: int = 0) -> bool:
    """Whether ``triggers._core`` may match this token once the entities are known. It is ``_core`` and
    ``_entry_match`` made of the matcher's own pieces (``trigger_governor``, ``entry_order``,
    ``complement_candidates``, ``fires_alone``), wide only where the entities decide — an entry that needs a
    participant passes on any object or target-preposition object (an entity may make it an actor) — and where
    the first complement matched decides the code (any complement that may match passes). By induction on the
    depth, every token ``_core`` matches passes."""
    from realpolitik.events import triggers as T

    if depth > T.MAX_DEPTH:
        return False
    gov = T.trigger_governor(lexicon, tok)
    if gov is None:
        return False
    return any(_entry_may_fire(lexicon, gov, e, depth) for e in T.entry_order(lexicon, gov))


def _entry_may_fire(lexicon: Any, gov: Any, e: Any, depth: int) -> bool:
    """``triggers._entry_match`` of one entry, wide where the entities decide: a complement that may match
    gives the code and the participant; else the entry alone, every noun a possible actor."""
    from realpolitik.events import triggers as T

    if (e.family or e.light) and any(may_fire(lexicon, c, depth + 1) for c in T.complement_candidates(gov, e)):
        return True
    return T.fires_alone(lexicon, e, gov, actor_like=_any_noun)


def _any_noun(tok: Any) -> bool:
    return True


_FILTERS: dict[int, tuple[Any, PreFilter]] = {}


def code_filtered(coder: Any, docs: Sequence[Any], *, batch_size: int = 64) -> tuple[list[Any], int]:
    """``coder.code_documents(docs)`` in two passes, skipping the documents the pre-filter drops (coded as
    holding no sentence and no event). Returns (the Coded of every document, in order; how many were skipped)."""
    from realpolitik.records import Coded

    nlp = coder.nlp
    first = [name for name in FIRST_PASS if name in nlp.pipe_names]
    if first != list(nlp.pipe_names[: len(first)]) or "attribute_ruler" not in nlp.pipe_names:
        return list(coder.code_documents(docs)), 0  # not the pipeline this filter knows: code everything
    flt = PreFilter.for_coder(coder)
    texts = [seg.text for d in docs for seg in d.segments]
    parsed = iter(nlp.pipe(texts, batch_size=batch_size, disable=[n for n in nlp.pipe_names if n not in first]))
    seg_docs = [[next(parsed) for _ in d.segments] for d in docs]
    kept = [i for i, d in enumerate(docs) if flt.keeps(d.segments, seg_docs[i])]
    remembered: dict[tuple[str, ...], list] = {}
    later = nlp.pipeline[len(first):]
    # NER last: the second check runs on the parse before it, and NER only on what passes (SECOND_CHECK)
    split = len(later) - 1 if SECOND_CHECK and later and later[-1][0] == "ner" else len(later)
    kept_docs = _run([sd for i in kept for sd in seg_docs[i]], later[:split], batch_size)
    at = 0
    for i in kept:
        seg_docs[i] = kept_docs[at: at + len(seg_docs[i])]
        at += len(seg_docs[i])
    if split < len(later):
        kept = [i for i in kept if flt.keeps_parsed(coder, docs[i].segments, seg_docs[i], remembered)]
        finished = iter(_run([sd for i in kept for sd in seg_docs[i]], later[split:], batch_size))
        for i in kept:
            seg_docs[i] = [next(finished) for _ in seg_docs[i]]
    out: list[Any] = [Coded(d, [], []) for d in docs]
    classifier = coder.classifier
    if remembered:  # code_segments gets the predictions computed for the second check
        coder.classifier = _Remembered(classifier, remembered)
    try:
        for i in kept:
            out[i] = coder.code_parsed(docs[i], seg_docs[i])
    finally:
        coder.classifier = classifier
    return out, len(docs) - len(kept)


class _Remembered:
    """A classifier that answers a list of texts it was asked before from memory (the same objects), else asks
    the classifier."""

    def __init__(self, classifier: Any, remembered: dict[tuple[str, ...], list]):
        self.classifier, self.remembered = classifier, remembered

    def predict(self, texts: list[str]) -> list:
        found = self.remembered.pop(tuple(texts), None)
        return found if found is not None else self.classifier.predict(texts)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.classifier, name)


def _run(docs: list[Any], components: Sequence[tuple[str, Any]], batch_size: int) -> list[Any]:
    """The Docs through these pipeline components, in order (as ``nlp.pipe`` runs them)."""
    out: Iterable = docs
    for _name, proc in components:
        out = proc.pipe(out, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, out)
    return list(out)
