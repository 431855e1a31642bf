"""Bad input yields one IngestFailure naming the file and the reason, and the batch goes on."""
from __future__ import annotations

import os

import pytest

from realpolitik.records import Document, IngestFailure

from .conftest import FIXTURES, only_doc, only_failure, read_all

LATIN1_TEXT = "Zarif met Lavrov in Genève; the communiqué praised the “entente” between Tehran and Moscow."


@pytest.mark.parametrize(
    ("name", "payload", "expected"),
    [
        ("report.txt", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        ("notes.txt", b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        ("dump.txt", b"Iran\x00\x00\x01\x02Russia\x00", "contains NUL bytes"),
    ],
)
def test_binary_files_are_named(tmp_path, name, payload, expected):
    path = tmp_path / name
    path.write_bytes(payload)
    failure = only_failure(path)
    assert failure.path == str(path)
    assert expected in failure.reason and "binary" in failure.reason


@pytest.mark.parametrize(("payload", "expected"), [(b"", "file is empty"), (b"  \n\t\n  ", "whitespace only")])
def test_empty_files(tmp_path, payload, expected):
    path = tmp_path / "blank.txt"
    path.write_bytes(payload)
    assert expected in only_failure(path).reason


def test_latin1_file_is_decoded(tmp_path):
    path = tmp_path / "geneve.txt"
    path.write_bytes(LATIN1_TEXT.replace("“", '"').replace("”", '"').encode("latin-1"))
    assert "Genève" in only_doc(path).text and "communiqué" in only_doc(path).text


def test_cp1252_quotes_are_decoded(tmp_path):
    path = tmp_path / "geneve.txt"
    path.write_bytes(LATIN1_TEXT.encode("cp1252"))
    assert "“entente”" in only_doc(path).text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings(tmp_path, encoding):
    path = tmp_path / "bom.txt"
    path.write_bytes(LATIN1_TEXT.encode(encoding))
    doc = only_doc(path)
    assert doc.segments[0].text == LATIN1_TEXT


def test_undecodable_bytes_fail_clearly(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    assert only_failure(path).reason == "not valid UTF-8 and encoding could not be detected"


def test_malformed_jsonl_line_names_the_line_and_the_rest_is_read():
    results = read_all(FIXTURES / "iran-russia-wire.jsonl")
    failures = [r for r in results if isinstance(r, IngestFailure)]
    assert len(failures) == 1
    assert failures[0].path.endswith("iran-russia-wire.jsonl#3")
    assert failures[0].reason.startswith("malformed JSON on line 3")
    assert sum(isinstance(r, Document) for r in results) == 3


def test_malformed_json_file_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[\n  {"text": "Iran and Russia met."},\n  {"text": "Lavrov said"\n]\n', encoding="utf-8")
    failure = only_failure(path)
    assert failure.reason.startswith("malformed JSON at line 4")


def test_csv_without_text_column_lists_its_columns(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("id,story_body,when\n1,Iran and Russia met.,2016-01-01\n", encoding="utf-8")
    reason = only_failure(path).reason
    assert "no text column" in reason and "id, story_body, when" in reason


def test_csv_with_only_titles_needs_the_text_column_named(tmp_path):
    path = tmp_path / "headlines.csv"
    path.write_text("title,date\nPutin lifts S-300 ban,2015-04-13\n", encoding="utf-8")
    assert "columns: title, date" in only_failure(path).reason
    doc = only_doc(path, columns={"text": "title"})
    assert doc.segments[0].text == "Putin lifts S-300 ban"


def test_json_record_with_only_a_title_is_a_headline_document(tmp_path):
    path = tmp_path / "headlines.jsonl"
    path.write_text('{"title": "Putin lifts S-300 ban", "date": "2015-04-13"}\n', encoding="utf-8")
    doc = only_doc(path)
    assert [s.kind for s in doc.segments] == ["title"] and doc.date.year == 2015


def test_csv_override_naming_a_missing_column(tmp_path):
    path = tmp_path / "sheet.csv"
    path.write_text("id,text\n1,Iran and Russia met.\n", encoding="utf-8")
    reason = only_failure(path, columns={"text": "body"}).reason
    assert "'body'" in reason and "id, text" in reason


def test_record_without_text_or_title(tmp_path):
    path = tmp_path / "recs.jsonl"
    path.write_text('{"text": "", "date": "2016-01-01"}\n{"text": "Zarif met Lavrov."}\n', encoding="utf-8")
    results = read_all(path)
    assert isinstance(results[0], IngestFailure) and results[0].reason == "record has no text"
    assert isinstance(results[1], Document)


def test_html_without_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(
        "<html><head><title>Gallery</title><script>var x = 1;</script></head>"
        "<body><nav><a href='/'>Home</a></nav><img src='a.jpg'></body></html>",
        encoding="utf-8",
    )
    assert only_failure(path).reason == "no article text found in the HTML"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(200 * 2**20)  # sparse: no 200 MB written
    assert only_failure(path).reason == "file is 200.0 MB, over the 64 MB limit (--max-bytes)"


def test_size_limit_is_configurable(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text("Iran and Russia signed a deal. " * 100, encoding="utf-8")
    assert only_failure(path, max_bytes=1024).reason == "file is 3.0 KB, over the 1.0 KB limit (--max-bytes)"


def test_missing_path(tmp_path):
    failure = only_failure(tmp_path / "nowhere.txt")
    assert failure.reason == "no such file or directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("Iran and Russia met.", encoding="utf-8")
    path.chmod(0)
    assert only_failure(path).reason == "permission denied"


def test_feed_that_is_not_a_feed(tmp_path):
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><settings><item key="a">1</item></settings>', encoding="utf-8")
    assert "feed" in only_failure(path).reason


def test_batch_goes_on_after_failures(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"%PDF-1.7")
    (tmp_path / "b.txt").write_text("Russia and Iran signed a rail deal.", encoding="utf-8")
    (tmp_path / "c.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "d.txt").write_text("Lavrov met Zarif in Moscow.", encoding="utf-8")
    results = read_all(tmp_path / "a.txt", tmp_path / "missing.txt", tmp_path / "b.txt", tmp_path / "c.json",
                       tmp_path / "d.txt")
    assert [type(r).__name__ for r in results] == [
        "IngestFailure", "IngestFailure", "Document", "IngestFailure", "Document"
    ]
    assert all("\n" not in str(r) for r in results if isinstance(r, IngestFailure))
