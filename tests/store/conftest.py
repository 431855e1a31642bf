"""Fixtures for the store tests: a small stored corpus of three hand-built articles."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from store_records import build, ev

from realpolitik.records import Actor
from realpolitik.store import Store


@pytest.fixture
def corpus():
    """Three small articles: Iran–Russia talks, a hypothetical strike, a US–Iran dispute."""
    return _corpus()


def _corpus():
    """Three small articles: Iran–Russia talks, a hypothetical strike, a US–Iran dispute."""
    putin = Actor("person:vladimir-putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV", "person",
                  aliases=("Putin",), roles=("President",), evidence=("President Vladimir Putin said ...",))
    return [
        build("d1", "2015-07-09", [
            ("Iran's foreign minister met Russian officials in Moscow on Thursday.",
             [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")]),
            ("Putin praised the growing partnership with Tehran.",
             [ev("person:vladimir-putin", "IRN", "051", 1, 3.4, "SUPPORT", trigger="praised")]),
        ], actors=[putin]),
        build("d2", "2015-08-02", [
            ("Russia may deliver air defence systems to Iran next year.",
             [ev("RUS", "IRN", "070", 2, 7.0, "AID", hypothetical=True, modality=("modal",))]),
            ("Iran did not attack the tanker.",
             [ev("IRN", "USA", "190", 4, -10.0, "ASSAULT", negated=True)]),
            ("The Iranian military seized a US drone in June.",
             [ev("IRNMIL", "USA", "181", 4, -9.0, "SEIZE", date="2015-06-20", trigger="seized")]),
        ]),
        build("d3", "2016-01-15", [
            ("Washington accused Tehran of violating the deal.",
             [ev("USA", "IRN", "112", 3, -2.0, "ACCUSE", trigger="accused")]),
            ("Moscow and the SCO signed a trade pact.",
             [ev("RUS", "igo:SCO", "057", 1, 8.0, "AGREE", trigger="signed")]),
        ]),
    ]


@pytest.fixture(scope="session")
def _stored_corpus(tmp_path_factory) -> Path:
    """The corpus written once per session; each test gets its own copy of the file."""
    path = tmp_path_factory.mktemp("template") / "events.duckdb"
    Store(path, lock_timeout=5).add_many(_corpus())
    return path


@pytest.fixture
def store(tmp_path, _stored_corpus) -> Store:
    path = tmp_path / "events.duckdb"
    shutil.copyfile(_stored_corpus, path)
    return Store(path, lock_timeout=5)
