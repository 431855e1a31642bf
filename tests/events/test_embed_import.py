"""The wordllama embeddings are read from the installed package's files without importing wordllama (nor
``requests``, which it imports for downloads never made here): a faster cold start. They are exactly what
wordllama's own loader gives, token for token and value for value."""
import subprocess
import sys
from pathlib import Path

import numpy as np

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = """
import sys
from realpolitik.events.embed import embed
vecs = embed(["Kenya's president dissolved parliament on Tuesday.", ""])
print(vecs.shape, float(abs(vecs[0]).sum()) > 0, float(abs(vecs[1]).sum()) == 0)
print("wordllama" in sys.modules, "requests" in sys.modules)
"""

TEXTS = ["Kenya's president dissolved parliament on Tuesday.", "", "Troops shelled Aleppo; 12 died.",
         "Le ministre a démissionné — «non» à Moscou 2015!", "a " * 300]


def test_embedder_loads_without_importing_wordllama_or_requests():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}).stdout.splitlines()
    assert out == ["(2, 256) True True", "False False"]


def test_same_tokens_and_vectors_as_wordllamas_own_loader():
    from wordllama import WordLlama

    import wordllama
    from realpolitik.events import embed as embed_mod

    theirs = WordLlama.load(dim=embed_mod.DIM, cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    ours = embed_mod.load_embedder()
    assert ours.embedding.shape == theirs.embedding.shape
    for a, b in zip(ours.tokenizer.encode_batch(TEXTS, add_special_tokens=False),
                    theirs.tokenizer.encode_batch(TEXTS, add_special_tokens=False)):
        assert a.ids == b.ids and a.attention_mask == b.attention_mask
    vecs = embed_mod.token_vectors(TEXTS)
    for text, v in zip(TEXTS, vecs):
        enc = theirs.tokenizer.encode_batch([text], add_special_tokens=False)[0]
        ids = np.asarray(enc.ids, dtype=np.int64)[np.asarray(enc.attention_mask, dtype=bool)]
        assert v.dtype == np.float32 and np.array_equal(v, theirs.embedding[ids])
    assert np.array_equal(ours.embedding.astype(np.float32), theirs.embedding)
