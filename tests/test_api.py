"""The library path from files to stored events (api.ingest / api.events), on articles we wrote."""
from __future__ import annotations

import datetime as dt

from realpolitik import api

CAPTIONED = """Putin and Rouhani meet on the sidelines of the summit

Russian President Vladimir Putin meets Iranian President Hassan Rouhani in Ufa, Russia, July 9, 2015.
Ivan Petrov / Example Agency

(Recommended: Five things to know about the SCO)

The two presidents discussed the nuclear talks in Vienna and the war in Syria on Friday.
Subscribe to continue reading.
"""


def test_caption_is_coded_with_its_own_date(tmp_path):
    src = tmp_path / "2015-07-11-ufa.txt"
    src.write_text(CAPTIONED, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    report = api.ingest([str(src)], db=db, classifier=None, progress=False)
    assert report.added == 1 and not report.failures
    df = api.events(db)
    caption = df[df["segment_kind"] == "caption"]
    assert len(caption) >= 1
    assert set(caption["event_date"].astype(str)) == {"2015-07-09"}
    assert {"RUS", "IRN"} <= set(caption["source_country"]) | set(caption["target_country"])
    # boilerplate never reaches the event base
    assert not df["sentence"].str.contains("Recommended|Subscribe|Example Agency").any()


def test_relative_date_in_body_resolves_against_file_name_date(tmp_path):
    src = tmp_path / "2015-07-11-ufa.txt"
    src.write_text(CAPTIONED, encoding="utf-8")
    db = tmp_path / "t.duckdb"
    api.ingest([str(src)], db=db, classifier=None, progress=False)
    df = api.events(db)
    body = df[df["sentence"].str.startswith("The two presidents")]
    assert len(body) >= 1
    assert set(body["event_date"].astype(str)) == {str(dt.date(2015, 7, 10))}  # the Friday before Sat 11 July
