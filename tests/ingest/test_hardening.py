"""Inputs that used to kill, hang or silently corrupt a batch: over-long text, FIFOs and devices, symlink
loops, runaway CSV quotes, unreadable folders, mostly-UTF-8 bytes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from realpolitik import api
from realpolitik.ingest import expand_paths, read_paths
from realpolitik.records import Document, IngestFailure

from .conftest import only_doc, only_failure, read_all


def test_split_long_cuts_after_sentences_then_whitespace_then_anywhere():
    from realpolitik.ingest.clean import split_long

    prose = "Iran met Russia in Moscow. " * 10
    pieces = split_long(prose.strip(), limit=60)
    assert all(len(p) <= 60 for p in pieces) and all(p.endswith("Moscow.") for p in pieces)
    assert " ".join(pieces) == prose.strip()
    words = split_long("talks " * 30, limit=50)
    assert all(len(p) <= 50 and p.startswith("talks") and p.endswith("talks") for p in words)
    assert " ".join(words) == ("talks " * 30).strip()
    assert split_long("x" * 130, limit=50) == ["x" * 50, "x" * 50, "x" * 30]
    assert split_long("short", limit=50) == ["short"]


def test_over_long_one_line_text_becomes_segments_spacy_accepts(tmp_path):
    from realpolitik.ingest.clean import MAX_SEGMENT_CHARS

    path = tmp_path / "2015-03-01-dump.txt"
    path.write_text("Iran condemned Russia on Monday. " + "Turkey met Syria in Ankara. " * 60_000, encoding="utf-8")
    doc = only_doc(path)
    assert len(doc.segments) > 10 and max(len(s.text) for s in doc.segments) <= MAX_SEGMENT_CHARS
    assert all(s.text.endswith(".") for s in doc.segments)  # cut at sentence ends


def test_a_20mb_line_and_a_1mb_record_do_not_kill_the_batch(tmp_path):
    """Both used to raise spaCy's E088 inside the batch: no database, the good files lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2015-01-01-blob.txt").write_text("Iran condemned Russia on Monday. " + "x" * 20_000_000 + "\n")
    record = {"text": "Russia praised Iran on Tuesday. " + "y" * 1_040_000, "date": "2015-02-03"}
    (folder / "records.jsonl").write_text(json.dumps(record) + "\n"
                                          + json.dumps({"text": "Iran met Turkey on Friday.", "date": "2015-02-06"})
                                          + "\n")
    (folder / "2015-01-05-good.txt").write_text("Syria accused Turkey of shelling the border on Sunday.\n")
    db = tmp_path / "t.duckdb"
    report = api.ingest([str(folder)], db=db, classifier=None, progress=False)
    assert not report.failures and report.added == 4
    df = api.events(db, include_hypothetical=True)
    assert {"Syria accused Turkey of shelling the border on Sunday.", "Iran met Turkey on Friday."} <= set(df["sentence"])
    assert any(s.startswith("Iran condemned Russia") for s in df["sentence"])


def test_code_jsonl_codes_a_1mb_record(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "big", "text": "Russia praised Iran. " + "z" * 1_040_000}) + "\n"
                   + json.dumps({"id": "small", "text": "Iran met Turkey."}) + "\n")
    out = tmp_path / "out.jsonl"
    report = api.code_jsonl(inp, out, classifier=None)
    assert (report.written, report.failures) == (2, [])
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["big", "small"]


def test_a_document_that_cannot_be_coded_is_its_own_failure(tmp_path, monkeypatch):
    from realpolitik.events.coder import Coder

    real = Coder.code_parsed  # what coding a parsed document runs, with the pre-filter or without

    def fragile(self, doc, *args, **kwargs):
        if "Poison" in doc.text:
            raise ValueError("[E088] Text of length 2000001 exceeds maximum of 1000000")
        return real(self, doc, *args, **kwargs)

    monkeypatch.setattr(Coder, "code_parsed", fragile)
    for name, text in [("2015-01-01-a.txt", "Iran met Russia."), ("2015-01-02-b.txt", "Poison letter: Iran met Iraq."),
                       ("2015-01-03-c.txt", "Syria condemned Turkey.")]:
        (tmp_path / name).write_text(text)
    report = api.ingest([str(tmp_path)], db=tmp_path / "t.duckdb", classifier=None, progress=False)
    assert report.added == 2 and len(report.failures) == 1
    failure = report.failures[0]
    assert failure.path.endswith("2015-01-02-b.txt") and "E088" in failure.reason and "\n" not in failure.reason


def test_fifo_named_txt_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "2015-01-01-ok.txt").write_text("Iran met Russia.")
    script = textwrap.dedent(f"""
        from realpolitik.ingest import read_paths
        for r in read_paths([{str(tmp_path)!r}]):
            print(type(r).__name__, r.path if hasattr(r, "segments") else r)
    """)
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert "IngestFailure " + str(fifo) + ": is a named pipe (FIFO), not a regular file" in res.stdout
    assert "Document" in res.stdout


def test_device_file_is_refused(tmp_path):
    link = tmp_path / "null.txt"
    link.symlink_to("/dev/null")
    assert only_failure(link).reason == "is a device, not a regular file"


def test_recursive_glob_does_not_follow_a_symlink_loop(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Iran met Russia.")
    (tmp_path / "a" / "y.txt").write_text("Syria met Iran.")
    for name, target in [("up", ".."), ("top", "../.."), ("self", ".")]:
        (tmp_path / "a" / "b" / name).symlink_to(target)
    script = textwrap.dedent(f"""
        from realpolitik.ingest import expand_paths
        print(list(expand_paths([{str(tmp_path / "**" / "*.txt")!r}])))
    """)
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    found = eval(res.stdout)  # a list of path strings
    assert sorted(found) == sorted([str(tmp_path / "a" / "b" / "x.txt"), str(tmp_path / "a" / "y.txt")])


def test_glob_matches_like_python_glob_without_loops(tmp_path, monkeypatch):
    (tmp_path / "news" / "2015").mkdir(parents=True)
    for rel in ["news/a.txt", "news/2015/b.txt", "news/2015/c.md", "news/.hidden.txt"]:
        (tmp_path / rel).write_text("Iran met Russia.")
    monkeypatch.chdir(tmp_path)
    assert list(expand_paths(["news/**/*.txt"])) == ["news/2015/b.txt", "news/a.txt"]
    assert list(expand_paths(["**/c.md"])) == ["news/2015/c.md"]


def test_unterminated_csv_quote_is_reported_and_the_rows_after_it_are_read(tmp_path):
    path = tmp_path / "wires.csv"
    path.write_text('title,text,date\n'
                    'A,"Iran met Russia.,2015-01-01\n'
                    'B,Syria condemned Turkey.,2015-01-02\n'
                    'C,Iran praised Syria.,2015-01-03\n'
                    'D,"Iran ""said"" it",2015-01-04\n'
                    'E,Turkey, met Iran,2015-01-05\n', encoding="utf-8")
    results = read_all(path)
    failures = [r for r in results if isinstance(r, IngestFailure)]
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.segments[-1].text for d in docs] == ["Syria condemned Turkey.", "Iran praised Syria.", 'Iran "said" it']
    assert len(failures) == 2
    assert "malformed CSV at line 2" in failures[0].reason
    assert "malformed CSV at line 6" in failures[1].reason and "4 values, the header has 3" in failures[1].reason


def test_unreadable_subfolder_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "a.txt").write_text("Iran met Russia.")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Syria met Iran.")
    real_scandir = os.scandir

    def scandir(path="."):  # root ignores permissions, so refuse this folder the way the kernel would
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    results = list(expand_paths([str(tmp_path)]))
    assert str(tmp_path / "ok" / "a.txt") in results
    failure = next(r for r in results if isinstance(r, IngestFailure))
    assert failure.path == str(locked) and "cannot read this folder (Permission denied)" in failure.reason


def test_mostly_utf8_file_is_decoded_as_utf8_and_the_damage_counted(tmp_path):
    path = tmp_path / "geneve.txt"
    text = "Zarif met Lavrov in Genève on Monday. The communiqué praised the talks. " * 20
    path.write_bytes(text.encode("utf-8") + b"Broken \x9d\x81 bytes here.")
    doc = only_doc(path)
    assert "Genève" in doc.text and "communiqué" in doc.text and "\ufffd" in doc.text
    assert doc.notes == (f"{path}: not valid UTF-8: 2 invalid byte sequences replaced with U+FFFD",)


def test_ascii_with_stray_bytes_names_the_encoding_it_chose(tmp_path):
    path = tmp_path / "note.txt"
    path.write_bytes(b"Iran and Russia signed a barter deal on Monday, officials said in Tehran " * 3
                     + b"(\x93quoted\x94).")
    doc = only_doc(path)
    assert "“quoted”" in doc.text
    assert doc.notes == (f"{path}: not UTF-8: decoded as Windows-1252 (cp1252)",)


def test_ingest_prints_the_encoding_notes(tmp_path):
    path = tmp_path / "2015-01-01-geneve.txt"
    path.write_bytes(("Zarif met Lavrov in Genève on Monday. " * 20).encode("utf-8") + b"\x9d")
    res = subprocess.run([sys.executable, "-m", "realpolitik", "ingest", str(path), "--db", str(tmp_path / "t.duckdb"),
                          "--rules-only"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 0
    assert f"note {path}: not valid UTF-8: 1 invalid byte sequence replaced with U+FFFD" in res.stderr


@pytest.mark.parametrize("kind", ["zero-bytes", "no-tables"])
def test_ingest_initialises_an_empty_database_file(tmp_path, kind):
    import duckdb

    db = tmp_path / "t.duckdb"
    if kind == "zero-bytes":
        db.write_bytes(b"")
    else:  # what a process killed while creating the database leaves behind
        duckdb.connect(str(db)).close()
    art = tmp_path / "2015-01-01-a.txt"
    art.write_text("Iran condemned Russia on Monday.")
    report = api.ingest([str(art)], db=db, classifier=None, progress=False)
    assert report.added == 1 and not report.failures
    assert len(api.events(db)) == 1


@pytest.mark.parametrize(("name", "content"), [("wires.csv", "title,text,date\n"), ("wires.tsv", "text\n\t\n"),
                                               ("items.json", "[]")])
def test_a_file_with_no_records_says_so(tmp_path, name, content):
    """Found by bench/fuzz.py: a header with no rows used to add nothing and say nothing."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert only_failure(path).reason == "no records in this file (nothing to ingest)"


def test_feed_with_a_broken_xml_declaration_is_one_line(tmp_path):
    """Found by bench/fuzz.py: feedparser raised UnicodeDecodeError on a stray byte in <?xml encoding=?>."""
    path = tmp_path / "wire.rss"
    path.write_bytes(b'<?xml version="1.0" encoding="utf\x80-8"?><rss version="2.0"><channel><title>W</title>'
                     b"<item><title>Iran met Russia</title></item></channel></rss>")
    failure = only_failure(path)
    assert failure.reason.startswith("not a valid RSS/Atom feed (its XML declaration cannot be decoded")
