"""Each reader turns its format into Documents with the right segments, title, date and path."""
from __future__ import annotations

import datetime as dt
import gzip
import io

import pytest

from realpolitik.ingest import read_stdin, read_text
from realpolitik.records import Document, IngestFailure

from .conftest import FIXTURES, only_doc, read_all


def kinds(doc: Document) -> list[str]:
    return [s.kind for s in doc.segments]


def test_text_file_title_body_and_caption():
    doc = only_doc(FIXTURES / "2015-07-09_ufa-summit.txt")
    assert doc.title == "Putin and Rouhani meet in Ufa as nuclear talks near an end"
    assert kinds(doc) == ["title", "body", "caption", "body", "body"]


def test_text_file_joins_hard_wrapped_lines():
    doc = only_doc(FIXTURES / "2015-07-09_ufa-summit.txt")
    assert doc.segments[1].text.startswith("UFA, Russia — Russian President Vladimir Putin held talks")
    assert doc.segments[1].text.endswith("the Kremlin said.")


def test_markdown_front_matter_heading_image_caption_and_links():
    doc = only_doc(FIXTURES / "s300-decree.md")
    assert doc.title == "Putin lifts ban on S-300 deliveries to Iran"
    assert (doc.date, doc.date_source) == (dt.date(2015, 4, 13), "record")
    assert doc.source == "Eurasia Monitor"
    assert "was no longer necessary after the framework agreement reached" in doc.text
    assert "**" not in doc.text and "](" not in doc.text
    assert [s.text for s in doc.segments if s.kind == "caption"] == [
        "Russian S-300 launchers on parade in Moscow, May 9, 2015."
    ]


def test_markdown_list_items_are_separate_paragraphs():
    doc = only_doc(FIXTURES / "s300-decree.md")
    texts = [s.text for s in doc.segments]
    assert "The White House said it had raised concerns with Moscow." in texts
    assert "Israel's prime minister called the decision dangerous." in texts


def test_html_main_text_without_page_furniture():
    doc = only_doc(FIXTURES / "putin-rouhani-ufa.html")
    assert doc.title == "Putin and Rouhani talk arms and oil on the sidelines of Ufa summit"
    assert doc.source == "Eurasia Monitor"
    assert doc.url == "https://eurasia-monitor.example/2015/putin-rouhani-ufa"
    body = [s.text for s in doc.segments if s.kind == "body"]
    assert body[0].startswith("Russian President Vladimir Putin met Iranian President Hassan Rouhani on Thursday")
    assert body[-1].startswith("Foreign Minister Sergei Lavrov flew to Vienna")
    assert len(body) == 5


def test_html_figcaption_becomes_caption_after_its_paragraph():
    doc = only_doc(FIXTURES / "putin-rouhani-ufa.html")
    caption = next(s for s in doc.segments if s.kind == "caption")
    assert caption.text == (
        "Russian President Vladimir Putin meets Iranian President Hassan Rouhani in Ufa, Russia, July 9, 2015."
    )
    assert caption.date == dt.date(2015, 7, 9)
    assert doc.segments[caption.index - 1].text.startswith("Russian President Vladimir Putin met")


def test_jsonl_records_get_numbered_paths_and_record_dates():
    results = read_all(FIXTURES / "iran-russia-wire.jsonl")
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.path.rsplit("#", 1)[1] for d in docs] == ["1", "2", "4"]
    assert [d.date for d in docs] == [dt.date(2015, 11, 23), dt.date(2016, 8, 22), dt.date(2016, 12, 20)]
    assert all(d.date_source == "record" for d in docs)
    assert docs[0].url == "https://wire.example/1" and docs[0].source == "Wire Example"


def test_jsonl_alias_columns_headline_body_published():
    docs = [r for r in read_all(FIXTURES / "iran-russia-wire.jsonl") if isinstance(r, Document)]
    assert docs[2].title == "Russia, Iran and Turkey meet in Moscow on Syria"
    assert docs[2].segments[1].text.startswith("The foreign ministers of Russia, Iran and Turkey met in Moscow")


@pytest.mark.parametrize(
    "content",
    [
        '[{"text": "Iran and Russia signed a gas deal.", "date": "2016-03-01"},'
        ' {"text": "Lavrov met Zarif in Moscow.", "date": "2016-03-02"}]',
        '{"articles": [{"text": "Iran and Russia signed a gas deal.", "date": "2016-03-01"},'
        ' {"text": "Lavrov met Zarif in Moscow.", "date": "2016-03-02"}]}',
        '{"text": "Iran and Russia signed a gas deal.", "date": "2016-03-01"}\n'
        '{"text": "Lavrov met Zarif in Moscow.", "date": "2016-03-02"}\n',
    ],
    ids=["list", "wrapped-list", "jsonl-named-json"],
)
def test_json_file_shapes(tmp_path, content):
    path = tmp_path / "batch.json"
    path.write_text(content, encoding="utf-8")
    docs = read_all(path)
    assert [d.segments[0].text for d in docs] == ["Iran and Russia signed a gas deal.", "Lavrov met Zarif in Moscow."]
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#2"]


def test_json_single_object_keeps_plain_path(tmp_path):
    path = tmp_path / "one.json"
    path.write_text('{"title": "Zarif in Moscow", "text": "Zarif met Lavrov on Monday."}', encoding="utf-8")
    doc = only_doc(path)
    assert doc.path == str(path)
    assert doc.title == "Zarif in Moscow"


def test_csv_rows_with_multiline_text():
    docs = read_all(FIXTURES / "syria-talks.csv")
    assert len(docs) == 2
    assert [s.kind for s in docs[0].segments] == ["title", "body", "body"]
    assert docs[0].date == dt.date(2017, 1, 23) and docs[0].url == "https://wire.example/astana"
    assert docs[1].path.endswith("syria-talks.csv#2")


def test_csv_column_override(tmp_path):
    path = tmp_path / "briefs.csv"
    path.write_text(
        "story_body;when;outlet\n"
        "Russia delivered the first S-300 units to Iran.;2016-04-11;Wire Example\n",
        encoding="utf-8",
    )
    doc = only_doc(path, columns={"text": "story_body", "date": "when", "source": "outlet"})
    assert doc.segments[0].text == "Russia delivered the first S-300 units to Iran."
    assert (doc.date, doc.source) == (dt.date(2016, 4, 11), "Wire Example")


def test_tsv_file(tmp_path):
    path = tmp_path / "briefs.tsv"
    path.write_text("title\ttext\nDeal signed\tIran and Russia signed a rail deal, officials said.\n", encoding="utf-8")
    doc = only_doc(path)
    assert doc.title == "Deal signed"
    assert doc.segments[1].text == "Iran and Russia signed a rail deal, officials said."


def test_rss_entries_are_documents_with_feed_dates():
    docs = read_all(FIXTURES / "eurasia-feed.rss")
    assert [d.date for d in docs] == [dt.date(2016, 8, 16), dt.date(2016, 8, 22)]
    assert all(d.date_source == "feed" and d.source == "Eurasia Monitor" for d in docs)
    assert docs[0].path.endswith("eurasia-feed.rss#1")
    assert [s.kind for s in docs[0].segments] == ["title", "body", "caption", "body"]
    assert docs[0].segments[2].text.endswith("August 16, 2016.")


def test_atom_feed(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Caspian Notes</title>"
        "<entry><title>Caspian states sign convention</title><updated>2018-08-12T10:00:00Z</updated>"
        '<link href="https://notes.example/aktau"/>'
        "<summary>The five Caspian states signed a convention on the sea's legal status in Aktau.</summary></entry>"
        "</feed>",
        encoding="utf-8",
    )
    doc = only_doc(path)
    assert (doc.date, doc.date_source, doc.url) == (dt.date(2018, 8, 12), "feed", "https://notes.example/aktau")
    assert doc.segments[1].text.startswith("The five Caspian states signed a convention")


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "wire.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"text": "Iran said Russian jets left Hamadan.", "date": "2016-08-22"}\n')
    doc = only_doc(path)
    assert doc.segments[0].text == "Iran said Russian jets left Hamadan."


@pytest.mark.parametrize(
    ("payload", "fmt", "expected_title"),
    [
        (b"Putin visits Tehran\n\nPutin met Khamenei in Tehran on Monday.\n", None, "Putin visits Tehran"),
        (b'{"title": "Putin visits Tehran", "text": "Putin met Khamenei in Tehran on Monday."}\n', None,
         "Putin visits Tehran"),
        (b"title,text\nPutin visits Tehran,Putin met Khamenei in Tehran on Monday.\n", "csv", "Putin visits Tehran"),
    ],
    ids=["text", "json-sniffed", "csv-flag"],
)
def test_stdin_formats(payload, fmt, expected_title):
    results = list(read_stdin(io.BytesIO(payload), fmt=fmt))
    assert len(results) == 1 and isinstance(results[0], Document)
    assert results[0].title == expected_title
    assert results[0].path.startswith("<stdin>")


def test_stdin_text_stream_and_unknown_format():
    assert isinstance(next(read_stdin(io.StringIO("Lavrov met Zarif in Moscow."))), Document)
    failure = next(read_stdin(io.StringIO("x"), fmt="docx"))
    assert isinstance(failure, IngestFailure) and "unknown format" in failure.reason


def test_read_text_single_string():
    doc = read_text("Iran and Russia agreed to build a rail link.", date=dt.date(2016, 1, 2))
    assert isinstance(doc, Document)
    assert (doc.date, doc.date_source, doc.path) == (dt.date(2016, 1, 2), "flag", "<text>")


def test_a_title_only_record_that_looks_like_a_byline_is_kept(tmp_path):
    # "By <Capitalised Words>, ..." is a byline above an article; as all a record holds it is a headline
    path = tmp_path / "heads.jsonl"
    path.write_text('{"title": "By Northwind Data Systems, Inc. Certified at ISO Level 2"}\n'
                    '{"title": "By Maria Petrova", "text": "Iran and Russia signed a rail deal."}\n', encoding="utf-8")
    docs = read_all(path)
    assert all(isinstance(d, Document) for d in docs)
    assert [s.text for s in docs[0].segments] == ["By Northwind Data Systems, Inc. Certified at ISO Level 2"]
    assert docs[0].title == "By Northwind Data Systems, Inc. Certified at ISO Level 2"
    assert docs[1].title is None and [s.kind for s in docs[1].segments] == ["body"]  # a real byline still goes
