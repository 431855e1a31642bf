"""Learned sentence classifier: PLOVER event type and quad class from words, cues and wordllama embeddings.

Features per sentence: hashed word (stem) unigrams and bigrams, the standardised mean of unit-length
wordllama token vectors, and counts of hand-written cue words per PLOVER type; the PLOVER head also sees
the quad head's probabilities. Two multinomial logistic regressions; weights ship as a plain .npz (no pickle).
"""
from __future__ import annotations

import json
import math
import re
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from realpolitik import yamlfile
from realpolitik.errors import ModelMissingError

QUAD_CLASSES = (0, 1, 2, 3, 4)  # 0 statement, 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
MODELS_DIR = Path(__file__).resolve().parents[1] / "data" / "models"
MODEL_FILE = "sentence_classifier.npz"
CUES_FILE = "sentence_cues.yaml"
FORMAT_VERSION = 1

# PLOVER type → quad class, used to add the PLOVER-coded sentences to the quad training data.
# REQUEST is left out: PLOVER merges CAMEO's cooperative appeals (verbal coop) and demands (verbal conflict).
PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}

DEFAULTS: dict[str, Any] = {
    "buckets": 2**16,      # hashed word features; collisions are rare at this size for ~30k distinct n-grams
    "bigrams": True,
    "stem": True,
    "embed_weight": 0.05,  # scale of the standardised embedding block relative to the 0/1 word features
    "cue_weight": 1.0,
    "plover_words": False,  # 154 PLOVER sentences are too few for word features (CV macro-F1 0.29 vs 0.38)
    "plover_embed_weight": 0.03,
    "plover_cue_weight": 1.0,
    "stack_weight": 2.0,   # scale of the quad probabilities fed to the PLOVER head
    "augment_quad": True,  # also train the quad head on PLOVER sentences mapped through PLOVER_QUAD
    "C_quad": 3.0,
    "C_plover": 1.0,
    "class_weight": "balanced",
}

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class SentencePrediction:
    """The classifier's opinion of one sentence."""

    plover: str
    plover_prob: float
    plover_probs: dict[str, float]
    quad: int
    quad_prob: float
    quad_probs: tuple[float, ...]  # indexed by quad class 0..4


@lru_cache(maxsize=1)
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """One compiled regex per PLOVER type from the cue list; a cue matches words starting with its stem."""
    text = (MODELS_DIR / CUES_FILE).read_text(encoding="utf-8")
    table = yamlfile.load(text)
    out = []
    for ptype, stems in table.items():
        alts = sorted({r"\s+".join(map(re.escape, str(s).lower().split())) for s in stems}, key=len, reverse=True)
        out.append((ptype, re.compile(r"\b(?:" + "|".join(alts) + r")")))
    return tuple(out)


def _stem(word: str) -> str:
    """A crude suffix strip so 'attacks', 'attacked', 'attacking' share a feature."""
    for suf in ("ing", "ed", "es", "s"):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)]
    return word


def _hash_features(text: str, cfg: dict[str, Any]) -> list[int]:
    """Bucket indices of the distinct word unigrams (and bigrams) of a text."""
    words = _WORD.findall(text.lower())
    if cfg["stem"]:
        words = [_stem(w) for w in words]
    grams = set(words)
    if cfg["bigrams"]:
        grams.update(f"{a}_{b}" for a, b in zip(words, words[1:]))
    n = int(cfg["buckets"])
    return sorted({zlib.crc32(g.encode()) % n for g in grams})


def _cue_counts(texts: Sequence[str]) -> np.ndarray:
    """log(1 + count) of cue matches per PLOVER type, shape (n, n_types)."""
    cues = _cues()
    out = np.zeros((len(texts), len(cues)), dtype=np.float32)
    for i, text in enumerate(texts):
        low = text.lower().replace("-", " ")
        for j, (_, rx) in enumerate(cues):
            out[i, j] = math.log1p(len(rx.findall(low)))
    return out


def _unit_mean_embeddings(texts: Sequence[str]) -> np.ndarray:
    """Mean of unit-length token vectors (better than the raw mean under cross-validation)."""
    from realpolitik.events.embed import DIM, token_vectors

    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, vecs in enumerate(token_vectors(list(texts))):
        if len(vecs):
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            out[i] = (vecs / np.maximum(norms, 1e-6)).mean(axis=0)
    return out


@dataclass
class _Head:
    """One multinomial logistic regression stored sparsely over the hashed block plus a dense block."""

    classes: list[Any]
    cols: np.ndarray        # hashed buckets with a weight, sorted (int64)
    w_hash: np.ndarray      # (n_classes, len(cols))
    w_dense: np.ndarray     # (n_classes, n_dense)
    intercept: np.ndarray   # (n_classes,)
    _pos: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._pos = {int(c): i for i, c in enumerate(self.cols)}

    @classmethod
    def empty(cls) -> "_Head":
        """A placeholder head, replaced once the features it needs can be computed."""
        return cls([], np.zeros(0, np.int64), np.zeros((0, 0)), np.zeros((0, 0)), np.zeros(0))

    def proba(self, hashed: list[list[int]], dense: np.ndarray) -> np.ndarray:
        """Softmax class probabilities, shape (n, n_classes)."""
        scores = dense @ self.w_dense.T + self.intercept
        for i, idx in enumerate(hashed):
            pos = [self._pos[b] for b in idx if b in self._pos]
            if pos:
                scores[i] += self.w_hash[:, pos].sum(axis=1)
        scores -= scores.max(axis=1, keepdims=True)
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)


class SentenceClassifier:
    """PLOVER type + quad class of a sentence (two logistic regressions over shared features)."""

    def __init__(self, config: dict[str, Any], emb_mean: np.ndarray, emb_std: np.ndarray,
                 quad: _Head, plover: _Head):
        self.config = {**DEFAULTS, **config}
        self.emb_mean = emb_mean.astype(np.float32)
        self.emb_std = emb_std.astype(np.float32)
        self.quad = quad
        self.plover = plover

    # ---- features -------------------------------------------------------------------------
    def _features(self, texts: Sequence[str]) -> tuple[list[list[int]], np.ndarray, np.ndarray]:
        """Hashed word buckets per text, the standardised embeddings and the cue counts."""
        emb = (_unit_mean_embeddings(texts) - self.emb_mean) / self.emb_std
        return [_hash_features(t, self.config) for t in texts], emb.astype(np.float64), _cue_counts(texts)

    def _quad_input(self, hashed: list[list[int]], emb: np.ndarray, cues: np.ndarray):
        cfg = self.config
        return hashed, np.hstack([emb * cfg["embed_weight"], cues * cfg["cue_weight"]])

    def _plover_input(self, hashed: list[list[int]], emb: np.ndarray, cues: np.ndarray, quad_p: np.ndarray):
        cfg = self.config
        dense = np.hstack([emb * cfg["plover_embed_weight"], cues * cfg["plover_cue_weight"],
                           quad_p * cfg["stack_weight"]])
        return (hashed if cfg["plover_words"] else [[] for _ in hashed]), dense

    # ---- prediction -----------------------------------------------------------------------
    def predict(self, texts: list[str]) -> list[SentencePrediction]:
        """Class probabilities for each text, in order."""
        if not texts:
            return []
        feats = self._features(texts)
        qp = self.quad.proba(*self._quad_input(*feats))
        pp = self.plover.proba(*self._plover_input(*feats, qp))
        out = []
        for q_row, p_row in zip(qp, pp):
            quad_probs = [0.0] * len(QUAD_CLASSES)
            for cls, p in zip(self.quad.classes, q_row):
                quad_probs[int(cls)] = float(p)
            qi = int(np.argmax(quad_probs))
            probs = {str(c): float(p) for c, p in zip(self.plover.classes, p_row)}
            best = max(probs, key=probs.__getitem__)
            out.append(SentencePrediction(best, probs[best], probs, qi, quad_probs[qi], tuple(quad_probs)))
        return out

    # ---- training -------------------------------------------------------------------------
    @classmethod
    def train(cls, plover_texts: Sequence[str], plover_labels: Sequence[str],
              quad_texts: Sequence[str], quad_labels: Sequence[int], **hyper: Any) -> "SentenceClassifier":
        """Fit both heads (a few seconds on the dev gold); `hyper` overrides DEFAULTS."""
        unknown = set(hyper) - set(DEFAULTS)
        if unknown:
            raise TypeError(f"unknown hyper-parameters: {sorted(unknown)}")
        cfg = {**DEFAULTS, **hyper}
        plover_texts, quad_texts = list(plover_texts), list(quad_texts)
        plover_labels = [str(x) for x in plover_labels]
        quad_labels = [int(x) for x in quad_labels]
        if cfg["augment_quad"]:
            extra = [(t, PLOVER_QUAD[y]) for t, y in zip(plover_texts, plover_labels) if y in PLOVER_QUAD]
            quad_texts = quad_texts + [t for t, _ in extra]
            quad_labels = quad_labels + [y for _, y in extra]
        all_texts = quad_texts + plover_texts
        emb = _unit_mean_embeddings(all_texts)
        mean, std = emb.mean(axis=0), emb.std(axis=0) + 1e-6
        model = cls(cfg, mean, std, _Head.empty(), _Head.empty())  # heads are fitted below
        hashed, emb, cues = model._features(all_texts)
        nq = len(quad_texts)
        model.quad = _fit_head(*model._quad_input(hashed[:nq], emb[:nq], cues[:nq]), quad_labels, cfg["C_quad"], cfg)
        p_feats = (hashed[nq:], emb[nq:], cues[nq:])
        qp = model.quad.proba(*model._quad_input(*p_feats))
        model.plover = _fit_head(*model._plover_input(*p_feats, qp), plover_labels, cfg["C_plover"], cfg)
        return model

    # ---- persistence ----------------------------------------------------------------------
    def save(self, path: str | Path) -> None:
        """Write the weights and feature config as a compressed .npz (float32, no pickled objects)."""
        arrays: dict[str, np.ndarray] = {
            "config": np.array(json.dumps({**self.config, "format": FORMAT_VERSION})),
            "emb_mean": self.emb_mean, "emb_std": self.emb_std,
        }
        for name, head in (("quad", self.quad), ("plover", self.plover)):
            arrays[f"{name}_classes"] = np.array([str(c) for c in head.classes])
            arrays[f"{name}_cols"] = head.cols.astype(np.int32)
            arrays[f"{name}_w_hash"] = head.w_hash.astype(np.float16)  # halves the file; ample precision
            arrays[f"{name}_w_dense"] = head.w_dense.astype(np.float32)
            arrays[f"{name}_intercept"] = head.intercept.astype(np.float32)
        with open(path, "wb") as fh:
            np.savez_compressed(fh, **arrays)

    @classmethod
    def from_file(cls, path: str | Path) -> "SentenceClassifier":
        """Read a model written by `save`; ModelMissingError if the file is absent or unreadable."""
        path = Path(path)
        if not path.is_file():
            raise ModelMissingError(f"sentence classifier weights not found: {path} (run bench/train_classifier.py)")
        try:
            with np.load(path, allow_pickle=False) as z:
                cfg = json.loads(str(z["config"]))
                heads = {}
                for name in ("quad", "plover"):
                    classes = [str(c) for c in z[f"{name}_classes"]]
                    heads[name] = _Head([int(c) for c in classes] if name == "quad" else classes,
                                        z[f"{name}_cols"].astype(np.int64),
                                        z[f"{name}_w_hash"].astype(np.float64),
                                        z[f"{name}_w_dense"].astype(np.float64),
                                        z[f"{name}_intercept"].astype(np.float64))
                return cls(cfg, z["emb_mean"], z["emb_std"], heads["quad"], heads["plover"])
        except (OSError, ValueError, KeyError) as exc:
            raise ModelMissingError(f"sentence classifier weights unreadable: {path} ({exc})") from exc

    @classmethod
    def load(cls) -> "SentenceClassifier":
        """The model shipped in realpolitik/data/models (loaded once)."""
        return _shipped()


def model_path() -> Path:
    """Where the shipped weights live."""
    return MODELS_DIR / MODEL_FILE


@lru_cache(maxsize=1)
def _shipped() -> SentenceClassifier:
    return SentenceClassifier.from_file(model_path())


def _fit_head(hashed: list[list[int]], dense: np.ndarray, labels: Sequence[Any], C: float,
              cfg: dict[str, Any]) -> _Head:
    """Fit one multinomial logistic regression and keep only the hashed columns it saw."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    cols = np.array(sorted({b for idx in hashed for b in idx}), dtype=np.int64)
    pos = {int(c): i for i, c in enumerate(cols)}
    rows = [i for i, idx in enumerate(hashed) for _ in idx]
    cidx = [pos[b] for idx in hashed for b in idx]
    xh = sparse.csr_matrix((np.ones(len(rows)), (rows, cidx)), shape=(len(hashed), len(cols)))
    x = sparse.hstack([xh, sparse.csr_matrix(dense)]).tocsr()
    classes = sorted(set(labels))
    if not classes:
        raise ValueError("no training sentences for a classifier head")
    if len(classes) == 1:  # a degenerate training set: always that class
        n = x.shape[1]
        return _Head(classes, cols, np.zeros((1, len(cols))), np.zeros((1, n - len(cols))), np.zeros(1))
    lr = LogisticRegression(C=C, class_weight=cfg["class_weight"], solver="newton-cg", max_iter=500)  # lbfgs: 10x slower here
    lr.fit(x, np.asarray(labels))
    coef, intercept = lr.coef_, lr.intercept_
    if len(lr.classes_) == 2:  # sklearn keeps one row for two classes; expand to a symmetric softmax
        coef = np.vstack([-coef / 2, coef / 2])
        intercept = np.array([-intercept[0] / 2, intercept[0] / 2])
    return _Head(list(lr.classes_), cols, coef[:, : len(cols)], coef[:, len(cols):], intercept)
