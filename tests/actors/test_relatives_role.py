"""A role word whose chain of heads reaches the sentence root inside the description ends the walk there: spaCy
hands out a new Token object on every access, so the root's head is never ``is`` the root (a headline-like
"Sens. A and B said ..." parsed with "Sens" under the root hung an ingest of Reuters-21578)."""
import signal

from spacy.tokens import Doc

from realpolitik.actors.people import _relatives_role
from realpolitik.actors.scan import Match
from realpolitik.nlp import load_nlp


def _alarm(signum, frame):
    raise TimeoutError("the walk up the heads did not stop")


def test_the_walk_stops_at_the_root_of_the_description():
    vocab = load_nlp().vocab
    # "Senators said they would act": the role word under the root, both in the description
    doc = Doc(vocab, words=["Senators", "said", "they", "would", "act"], heads=[1, 1, 4, 4, 1],
              deps=["nsubj", "ROOT", "nsubj", "aux", "ccomp"])
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(5)
    try:
        assert _relatives_role(doc, Match(0, 1, ()), {0, 1, 2, 3, 4}) is False
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def test_a_kinship_noun_above_the_role_word_still_counts():
    vocab = load_nlp().vocab
    doc = Doc(vocab, words=["the", "son", "of", "a", "minister"], heads=[1, 1, 1, 4, 2],
              deps=["det", "ROOT", "prep", "det", "pobj"], lemmas=["the", "son", "of", "a", "minister"])
    assert _relatives_role(doc, Match(4, 5, ()), {0, 1, 2, 3, 4}) is True
