"""The one loader of the wordllama static embeddings (256-d, shipped inside the wheel) and pooling helpers."""
from __future__ import annotations

import importlib
import logging
import sys
import types
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.errors import ModelMissingError

DIM = 256


@lru_cache(maxsize=1)
def load_embedder() -> Any:
    """The wordllama 256-d model, loaded offline from the installed package (cached)."""
    try:
        wordllama = _import_wordllama()
        from wordllama import WordLlama
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ModelMissingError("wordllama is not installed; run: pip install wordllama==0.4.0.post1") from exc
    # wordllama 0.4's default cache path is wrong and would try to download the tokenizer;
    # the wheel ships both the weights and the tokenizer beside its own __init__.
    logging.getLogger("wordllama").setLevel(logging.ERROR)
    try:
        return WordLlama.load(dim=DIM, cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    except Exception as exc:  # noqa: BLE001 - any failure here means the weights are unusable
        raise ModelMissingError(f"wordllama {DIM}-d weights could not be loaded ({exc})") from exc


class _LazyModule(types.ModuleType):
    """Stands in for a module until one of its attributes is asked for, then imports the real one."""

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self.__name__), attr)


def _import_wordllama():
    """``import wordllama`` without importing ``requests``, which wordllama imports at its top for downloads
    alone (never made here: ``disable_download``); ~0.07 s of a cold ``realpolitik code``. wordllama keeps a
    stand-in that imports the real ``requests`` on first use; ``sys.modules`` holds it only during the import."""
    if "wordllama" in sys.modules or "requests" in sys.modules:
        import wordllama

        return wordllama
    stand_in = _LazyModule("requests")
    sys.modules["requests"] = stand_in
    try:
        import wordllama
    finally:
        if sys.modules.get("requests") is stand_in:
            del sys.modules["requests"]
    return wordllama


def token_ids(texts: list[str]) -> list[np.ndarray]:
    """The wordllama token ids of each text (no padding, no special tokens)."""
    wl = load_embedder()
    if not texts:
        return []
    vocab = wl.embedding.shape[0]
    out = []
    # wordllama turns batch padding on; the attention mask says which ids are real tokens.
    for enc in wl.tokenizer.encode_batch(list(texts), add_special_tokens=False):
        ids = np.asarray(enc.ids, dtype=np.int64)[np.asarray(enc.attention_mask, dtype=bool)]
        out.append(np.clip(ids, 0, vocab - 1))
    return out


def token_vectors(texts: list[str]) -> list[np.ndarray]:
    """Per-text matrices of token embeddings, shape (n_tokens, 256); an empty text gives (0, 256)."""
    wl = load_embedder()
    return [wl.embedding[ids].astype(np.float32) for ids in token_ids(texts)]


def embed(texts: list[str]) -> np.ndarray:
    """Mean-pooled wordllama embeddings, shape (len(texts), 256), float32; empty text → zeros."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, vecs in enumerate(token_vectors(texts)):
        if len(vecs):
            out[i] = vecs.mean(axis=0)
    return out
