"""The one loader of the wordllama static embeddings (256-d, shipped inside the wheel) and pooling helpers."""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.errors import ModelMissingError

DIM = 256


# The files of the pinned wordllama 0.4 wheel that the coder uses: its 256-d weights (float16) and its tokenizer.
_WEIGHTS = f"weights/l2_supercat_{DIM}.safetensors"
_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"


class Embedder:
    """wordllama's token table and tokenizer, as ``WordLlama.load`` would give them to the coder, read from the
    installed package's files without importing it (its TOML configs, pydantic models and ``requests``) and
    without its float32 copy of the float16 table: rows are converted when looked up, to the same values."""

    def __init__(self, embedding: np.ndarray, tokenizer: Any) -> None:
        self.embedding = embedding
        self.tokenizer = tokenizer


@lru_cache(maxsize=1)
def load_embedder() -> Embedder:
    """The wordllama 256-d model, loaded offline from the installed package (cached)."""
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError("wordllama is not installed; run: pip install wordllama==0.4.0.post1")
    root = Path(next(iter(spec.submodule_search_locations)))
    try:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        with safe_open(str(root / _WEIGHTS), framework="np", device="cpu") as fh:
            embedding = fh.get_tensor("embedding.weight")
        tokenizer = Tokenizer.from_file(str(root / _TOKENIZER))
    except Exception as exc:  # noqa: BLE001 - any failure here means the weights are unusable
        raise ModelMissingError(f"wordllama {DIM}-d weights could not be loaded ({exc})") from exc
    tokenizer.enable_padding()  # wordllama's settings for inference
    tokenizer.no_truncation()
    return Embedder(embedding, tokenizer)


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
