"""NLP stage: the one loader for the spaCy pipeline and batch parsing of segments."""
from realpolitik.nlp.model import MODEL_PACKAGE, load_nlp

__all__ = ["MODEL_PACKAGE", "load_nlp"]
