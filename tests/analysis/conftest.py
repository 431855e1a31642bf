"""Fixtures for the analysis tests: a hand-worked Iran–Russia store (builders shared with tests/store)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
from store_records import build, ev  # noqa: E402

from realpolitik.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def worked(tmp_path_factory) -> Store:
    """Read-only for the tests. Iran–Russia events in Jan and Mar 2015 (none in Feb), plus noise the analysis must ignore."""
    docs = [
        build("jan", "2015-01-31", [
            ("Iran's foreign minister consulted Moscow on the 10th.",
             [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT", date="2015-01-10")]),
            ("Russia delivered fuel rods to Iran on the 20th.",
             [ev("RUS", "IRN", "070", 2, 7.0, "AID", date="2015-01-20")]),
            ("Moscow criticised Tehran over the delay on the 25th.",
             [ev("RUS", "IRN", "112", 3, -2.0, "ACCUSE", date="2015-01-25")]),
        ]),
        build("mar", "2015-03-09", [
            ("Iranian forces fired on a Russian vessel on March 5.",
             [ev("IRN", "RUS", "190", 4, -10.0, "ASSAULT", date="2015-03-05")]),
            ("Putin praised Iran a day later.",
             [ev("person:vladimir-putin", "IRN", "051", 1, 3.4, "SUPPORT", date="2015-03-06")]),
            ("Russia might send troops to Iran.",
             [ev("RUS", "IRN", "070", 2, 7.0, "AID", date="2015-03-07", hypothetical=True, modality=("modal",))]),
            ("Iran condemned the United States.",
             [ev("IRN", "USA", "122", 3, -4.0, "ACCUSE", date="2015-03-08")]),
            ("Washington rejected Iran's offer.",
             [ev("USA", "IRN", "120", 3, -4.0, "REJECT", date="2015-03-08")]),
        ]),
        build("undated", None, [("Iran and Russia talked.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")])]),
    ]
    store = Store(tmp_path_factory.mktemp("worked") / "worked.duckdb", lock_timeout=5)
    store.add_many(docs)
    return store


@pytest.fixture(scope="session")
def factional(tmp_path_factory) -> Store:
    """Iran's hard-liners and pragmatists (Rouhani a member of the pragmatists, Khamenei of neither) in 2016."""
    from realpolitik.records import Actor

    hard = Actor("faction:IRN:hard-liners", "Iranian hard-liners", "IRNGOVRAD", "IRN", "GOV", "faction",
                 evidence=("The hard-liners want no thaw with the West.",))
    prag = Actor("faction:IRN:pragmatists", "Iranian pragmatists", "IRNGOVMOD", "IRN", "GOV", "faction",
                 members=("person:hassan-rouhani",),
                 evidence=("The pragmatists around President Hassan Rouhani want foreign investment.",
                           "The pragmatists have reason to feel confident."))
    rouhani = Actor("person:hassan-rouhani", "Hassan Rouhani", "IRNGOV", "IRN", "GOV", "person",
                    aliases=("Rouhani",), roles=("President (2016-01-05 – 2016-03-02)",))
    docs = [
        build("jan16", "2016-01-05", [
            ("The hard-liners accused Washington of bad faith.",
             [ev("faction:IRN:hard-liners", "USA", "112", 3, -2.0, "ACCUSE", trigger="accused")]),
            ("Rouhani met Putin in Tehran.",
             [ev("person:hassan-rouhani", "person:vladimir-putin", "040", 1, 1.0, "CONSULT")]),
        ], actors=[hard, prag, rouhani]),
        build("mar16", "2016-03-02", [
            ("Rouhani praised the pragmatists.",
             [ev("person:hassan-rouhani", "faction:IRN:pragmatists", "051", 1, 3.4, "SUPPORT", trigger="praised")]),
            ("Rouhani might visit Moscow.",
             [ev("person:hassan-rouhani", "RUS", "042", 1, 1.9, "CONSULT", hypothetical=True, modality=("modal",))]),
            ("The United States condemned Rouhani.",
             [ev("USA", "person:hassan-rouhani", "122", 3, -4.0, "ACCUSE", trigger="condemned")]),
        ]),
    ]
    store = Store(tmp_path_factory.mktemp("factional") / "factional.duckdb", lock_timeout=5)
    store.add_many(docs)
    return store
