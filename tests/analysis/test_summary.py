"""The demo summary and its rich rendering."""
from __future__ import annotations

import json

import pytest
from rich.console import Console

from realpolitik.analysis import render_summary, sparkline, summary


def test_summary_counts(worked):
    s = summary(worked)
    assert (s["documents"], s["events"], s["events_factual"], s["events_flagged"]) == (3, 9, 8, 1)


def test_summary_is_json_ready(worked):
    s = json.loads(json.dumps(summary(worked)))
    assert [r["period"] for r in s["timeline"]] == ["2015-01", "2015-02", "2015-03"]
    assert s["timeline"][1]["cc_index"] is None
    assert s["top_dyads"][0]["events"] == 6


def test_render_shows_every_section(worked):
    console = Console(record=True, width=140)
    render_summary(summary(worked), console)
    text = console.export_text()
    for needle in ("3 documents", "Iran – Russia", "IRN–RUS by month", "2015-02", "Most active actors",
                   "Vladimir Putin"):
        assert needle in text


@pytest.mark.parametrize("values,expected", [([0, 4, 8, None], "▁▅█ "), ([0, 0], "▁▁"), ([], ""),
                                             ([3, float("nan"), 3], "█ █")])
def test_sparkline(values, expected):
    assert sparkline(values) == expected


def test_timeline_window_is_the_article_months(worked):
    s = summary(worked)
    assert (s["since"], s["until"]) == ("2015-01-01", "2015-03-31")


def test_old_events_recalled_by_an_article_stay_out_of_the_summary_line(tmp_path):
    from store_records import build, ev

    from realpolitik.store import Store

    store = Store(tmp_path / "old.duckdb")
    store.add(*build("recall", "2016-05-02", [
        ("Russia first sold arms to Iran in 1995.", [ev("RUS", "IRN", "072", 2, 8.3, "AID", date="1995-01-01")]),
        ("Iran and Russia met on Monday.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")]),
    ]))
    assert [r["period"] for r in summary(store)["timeline"]] == ["2016-05"]


def _row(period, events):
    return {"period": period, "events": events, "cooperation": events, "conflict": 0,
            "goldstein_mean": 1.0 if events else None, "cc_index": 1.0 if events else None}


def test_render_folds_a_run_of_empty_months_into_one_row():
    s = {"documents": 1, "sentences": 2, "actors": 2, "events": 2, "events_factual": 2, "events_flagged": 0,
         "db": "x.duckdb", "top_dyads": [], "pair": ["IRN", "RUS"], "since": None, "until": None,
         "active_actors": [],
         "timeline": [_row("2015-01", 1), _row("2015-02", 0), _row("2015-03", 0), _row("2015-04", 0),
                      _row("2015-05", 1)]}
    console = Console(record=True, width=100)
    render_summary(s, console)
    text = console.export_text()
    assert "2015-02…2015-04" in text and "2015-03 " not in text


def test_empty_database_renders_notes_instead_of_empty_tables(tmp_path):
    from realpolitik.store import Store, connect

    connect(tmp_path / "empty.duckdb").close()
    console = Console(record=True, width=120)
    render_summary(summary(Store(tmp_path / "empty.duckdb")), console)
    text = console.export_text()
    assert "0 documents" in text and "no dyad with factual events yet" in text and "┏" not in text


def test_pair_defaults_to_the_top_dyad_and_can_be_chosen(worked):
    assert summary(worked)["pair"] == ["IRN", "RUS"]
    s = summary(worked, pair=("IRN", "USA"))
    assert [r["events"] for r in s["timeline"]] == [0, 0, 2]


def test_since_until_restrict_dyads_and_actors(worked):
    s = summary(worked, since="2015-03", until="2015-03")
    # March: IRN–RUS 190 and Putin's 051 (country level: RUS), IRN–USA 122 and 120
    assert [(d["actor_a"], d["actor_b"], d["events"]) for d in s["top_dyads"]] == [("IRN", "RUS", 2), ("IRN", "USA", 2)]
    assert [r["period"] for r in s["timeline"]] == ["2015-03"]
