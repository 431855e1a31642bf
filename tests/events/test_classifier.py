"""The learned sentence classifier: shipped weights, predictions, training, persistence, errors."""
from __future__ import annotations

import math

import numpy as np
import pytest

from realpolitik.errors import ModelMissingError
from realpolitik.events import embed as embed_mod
from realpolitik.events.classifier import SentenceClassifier, SentencePrediction


@pytest.fixture(scope="module")
def shipped() -> SentenceClassifier:
    return SentenceClassifier.load()


@pytest.mark.parametrize("text, quad", [
    ("Turkish jets bombed Kurdish militant positions in northern Iraq overnight, killing nine fighters.", 4),
    ("A suicide bomber blew himself up at a checkpoint in Kabul, killing six police officers.", 4),
    ("The foreign ministry in Seoul condemned the missile test as a reckless provocation.", 3),
    ("A court in Tehran freed the jailed French researcher on bail after eight months in prison.", 2),
    ("The foreign ministers of India and Japan met in Tokyo to discuss maritime security.", 1),
])
def test_shipped_model_quad_class(shipped, text, quad):
    assert shipped.predict([text])[0].quad == quad


@pytest.mark.parametrize("text, plover", [
    ("Turkish jets bombed Kurdish militant positions in northern Iraq overnight, killing nine fighters.", "ASSAULT"),
    ("The foreign ministers of India and Japan met in Tokyo to discuss maritime security.", "CONSULT"),
    ("The rebel alliance rejected the government's offer of talks in Addis Ababa.", "REJECT"),
    ("The UN secretary-general urged both sides to return to the negotiating table.", "REQUEST"),
])
def test_shipped_model_plover_type(shipped, text, plover):
    assert shipped.predict([text])[0].plover == plover


def test_probabilities_are_distributions(shipped):
    preds = shipped.predict(["Nigeria's army said it had killed forty insurgents near Lake Chad.", ""])
    for p in preds:
        assert isinstance(p, SentencePrediction)
        assert len(p.quad_probs) == 5 and math.isclose(sum(p.quad_probs), 1.0, abs_tol=1e-6)
        assert math.isclose(sum(p.plover_probs.values()), 1.0, abs_tol=1e-6)
        assert p.quad_prob == max(p.quad_probs) and p.plover_prob == p.plover_probs[p.plover]


def test_empty_input_gives_no_predictions(shipped):
    assert shipped.predict([]) == []


def test_save_and_load_round_trip(shipped, tmp_path):
    path = tmp_path / "clf.npz"
    shipped.save(path)
    again = SentenceClassifier.from_file(path)
    texts = ["Chile recalled its ambassador from Caracas after the disputed election.",
             "Egypt opened the Rafah crossing to let aid convoys into Gaza."]
    for a, b in zip(shipped.predict(texts), again.predict(texts)):
        assert a.plover == b.plover and a.quad == b.quad
        assert np.allclose(a.quad_probs, b.quad_probs, atol=1e-4)


SYNTH_PLOVER = [
    ("Rebels shelled the army base near the town.", "ASSAULT"),
    ("Militants attacked a police convoy with rockets.", "ASSAULT"),
    ("Soldiers fired on the rebel camp at dawn.", "ASSAULT"),
    ("Jets bombed the rebel headquarters.", "ASSAULT"),
    ("The two ministers signed a trade agreement.", "AGREE"),
    ("Both parties agreed to a ceasefire on Monday.", "AGREE"),
    ("The leaders signed a treaty on water sharing.", "AGREE"),
    ("The sides agreed on a new border deal.", "AGREE"),
]
SYNTH_QUAD = [(t, 4 if y == "ASSAULT" else 1) for t, y in SYNTH_PLOVER] + [
    ("The minister condemned the decision.", 3),
    ("The spokesman denounced the verdict as unjust.", 3),
    ("The government criticised the report.", 3),
]


def test_train_on_tiny_synthetic_set():
    model = SentenceClassifier.train([t for t, _ in SYNTH_PLOVER], [y for _, y in SYNTH_PLOVER],
                                     [t for t, _ in SYNTH_QUAD], [y for _, y in SYNTH_QUAD], C_quad=10, C_plover=10)
    preds = model.predict(["Rebels bombed and shelled the army convoy.", "The ministers signed and agreed a deal.",
                           "The spokesman condemned the report."])
    assert [p.plover for p in preds[:2]] == ["ASSAULT", "AGREE"]
    assert [p.quad for p in preds] == [4, 1, 3]
    assert preds[0].quad_probs[0] == 0.0  # a class never seen in training gets no probability


def test_single_plover_type_training_predicts_it():
    model = SentenceClassifier.train(["Jets bombed the town.", "Rebels shelled the base."], ["ASSAULT", "ASSAULT"],
                                     [t for t, _ in SYNTH_QUAD], [y for _, y in SYNTH_QUAD])
    pred = model.predict(["The ministers signed a treaty."])[0]
    assert pred.plover == "ASSAULT" and pred.plover_probs == {"ASSAULT": 1.0}


def test_unknown_hyper_parameter_is_rejected():
    with pytest.raises(TypeError, match="C_typo"):
        SentenceClassifier.train(["a b"], ["AGREE"], ["a b"], [1], C_typo=1)


def test_missing_weights_file_raises(tmp_path):
    with pytest.raises(ModelMissingError, match="not found"):
        SentenceClassifier.from_file(tmp_path / "absent.npz")


def test_corrupt_weights_file_raises(tmp_path):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip archive")
    with pytest.raises(ModelMissingError, match="unreadable"):
        SentenceClassifier.from_file(bad)


def test_embed_shape_and_empty_text():
    out = embed_mod.embed(["Sanctions were lifted.", ""])
    assert out.shape == (2, embed_mod.DIM) and out.dtype == np.float32
    assert np.abs(out[0]).sum() > 0 and not out[1].any()


def test_related_sentences_embed_closer():
    a, b, c = embed_mod.embed(["Troops shelled the city.", "Artillery bombarded the town.",
                               "The central bank raised interest rates."])
    cos = lambda x, y: float(x @ y / np.linalg.norm(x) / np.linalg.norm(y))  # noqa: E731
    assert cos(a, b) > cos(a, c)


def test_missing_wordllama_weights_raise(monkeypatch):
    monkeypatch.setattr(embed_mod, "_WEIGHTS", "weights/absent_256.safetensors")
    embed_mod.load_embedder.cache_clear()
    try:
        with pytest.raises(ModelMissingError, match="could not be loaded"):
            embed_mod.load_embedder()
    finally:
        monkeypatch.undo()
        embed_mod.load_embedder.cache_clear()
