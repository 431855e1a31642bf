"""Loops that climb spaCy heads stop at the sentence root.

spaCy hands out a new Token object for the same token, so ``tok.head is tok`` can be False at the root: a loop
guarded by it never ends once it reaches the root (an ingest of Reuters-21578 hung on such a parse). Heads are
compared by index.
"""
from __future__ import annotations

import signal
from types import SimpleNamespace

import pytest


@pytest.fixture()
def deadline():
    def _stop(signum, frame):
        raise TimeoutError("a head-climbing loop did not stop at the root")

    old = signal.signal(signal.SIGALRM, _stop)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def test_relatives_role_climb_stops_at_root(nlp, deadline):
    from realpolitik.actors.people import _relatives_role

    doc = nlp("The deputy minister said the talks had made progress.")
    minister = next(t for t in doc if t.lower_ == "minister")
    words_at = {t.i for t in doc}  # the root is among the description's words
    assert _relatives_role(doc, SimpleNamespace(i=minister.i, j=minister.i + 1), words_at) is False
    son = nlp("The son of the minister said the talks had made progress.")
    m = next(t for t in son if t.lower_ == "minister")
    assert _relatives_role(son, SimpleNamespace(i=m.i, j=m.i + 1), {t.i for t in son}) is True


def test_a_name_broken_by_a_line_break_is_coded(deadline):
    from realpolitik import api

    coded = api.code_text("Senior Iranian nuclear negotiator Abbas\nAraghchi said the talks in Vienna had made "
                          "real progress.")
    assert coded.events, "the negotiator's statement is an event"
