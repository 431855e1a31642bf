"""Document dates: flag > record/feed > HTML metadata > file name > unknown; and the parsers behind them."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.ingest.dates import filename_date, parse_date, trailing_date

from .conftest import FIXTURES, only_doc, read_all

FLAG = dt.date(2020, 1, 3)
PARAS = "".join(
    f"<p>Iranian and Russian officials met in Tehran to discuss energy cooperation, paragraph {i}.</p>"
    for i in range(5)
)


def html_page(head: str = "", body_extra: str = "") -> str:
    return f"<html><head>{head}</head><body><article><h1>Officials meet</h1>{body_extra}{PARAS}</article></body></html>"


def test_flag_beats_record_date():
    docs = read_all(FIXTURES / "syria-talks.csv", date=FLAG)
    assert {(d.date, d.date_source) for d in docs} == {(FLAG, "flag")}


def test_flag_beats_html_metadata():
    doc = only_doc(FIXTURES / "putin-rouhani-ufa.html", date=FLAG)
    assert (doc.date, doc.date_source) == (FLAG, "flag")


def test_record_date_beats_file_name(tmp_path):
    path = tmp_path / "2015-01-01-wire.jsonl"
    path.write_text('{"text": "Shoigu met Dehghan in Tehran.", "date": "2015-01-20"}\n', encoding="utf-8")
    doc = only_doc(path)
    assert (doc.date, doc.date_source) == (dt.date(2015, 1, 20), "record")


def test_record_without_date_falls_back_to_file_name(tmp_path):
    path = tmp_path / "2015-01-20-wire.jsonl"
    path.write_text('{"text": "Shoigu met Dehghan in Tehran."}\n', encoding="utf-8")
    doc = only_doc(path)
    assert (doc.date, doc.date_source) == (dt.date(2015, 1, 20), "filename")


@pytest.mark.parametrize(
    ("head", "body_extra"),
    [
        ('<meta property="article:published_time" content="2015-11-23T09:00:00Z">', ""),
        ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
         ' "datePublished": "2015-11-23T09:00:00+03:30"}]}</script>', ""),
        ("", '<p class="meta"><time datetime="2015-11-23">23 November 2015</time></p>'),
        ('<meta name="pubdate" content="20151123">', ""),
    ],
    ids=["article-published-time", "json-ld-graph", "time-element", "pubdate"],
)
def test_html_metadata_dates(tmp_path, head, body_extra):
    path = tmp_path / "2001-01-01-page.html"  # html metadata outranks the file name
    path.write_text(html_page(head, body_extra), encoding="utf-8")
    doc = only_doc(path)
    assert (doc.date, doc.date_source) == (dt.date(2015, 11, 23), "html-meta")


def test_html_fixture_json_ld_date():
    doc = only_doc(FIXTURES / "putin-rouhani-ufa.html")
    assert (doc.date, doc.date_source) == (dt.date(2015, 7, 10), "html-meta")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("2015-07-09-ufa.txt", dt.date(2015, 7, 9)),
        ("ufa_20150709.txt", dt.date(2015, 7, 9)),
        ("ufa_2015_07_09.md", dt.date(2015, 7, 9)),
        ("archive/2015/07/09/ufa.txt", dt.date(2015, 7, 9)),
        ("ufa-summit.txt", None),
        ("story-1234201507091.txt", None),
        ("2015-13-45-bad.txt", None),
    ],
)
def test_filename_date(name, expected):
    assert filename_date(name) == expected


def test_unknown_date_when_nothing_says(tmp_path):
    path = tmp_path / "ufa.txt"
    path.write_text("Putin met Rouhani in Ufa on Thursday.", encoding="utf-8")
    doc = only_doc(path)
    assert (doc.date, doc.date_source) == (None, "unknown")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-07-09T10:00:00Z", dt.date(2015, 7, 9)),
        ("July 9, 2015", dt.date(2015, 7, 9)),
        ("9 July 2015", dt.date(2015, 7, 9)),
        ("Sept. 3, 2016", dt.date(2016, 9, 3)),
        ("Thu, 09 Jul 2015 10:00:00 +0000", dt.date(2015, 7, 9)),
        ("2015/07/09", dt.date(2015, 7, 9)),
        ("26-FEB-1987 15:01:01.79", dt.date(1987, 2, 26)),
        (1436400000, dt.date(2015, 7, 9)),
        (1436400000000, dt.date(2015, 7, 9)),
        (dt.datetime(2015, 7, 9, 23, 0), dt.date(2015, 7, 9)),
        ("last Thursday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Putin meets Rouhani in Ufa, Russia, July 9, 2015.", dt.date(2015, 7, 9)),
        ("Zarif speaks to reporters in Vienna, 14 July 2015", dt.date(2015, 7, 14)),
        ("Lavrov and Zarif in Moscow (2016-12-20)", dt.date(2016, 12, 20)),
        ("Putin meets Rouhani in Ufa in July 2015 before talks.", None),
    ],
)
def test_caption_trailing_date(caption, expected):
    assert trailing_date(caption) == expected
