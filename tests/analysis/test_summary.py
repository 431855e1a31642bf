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
