"""Big inputs stream: JSON Lines and CSV files are read one record at a time (the file's size is not
limited, a record's is), and a folder is walked lazily, in sorted order."""
from __future__ import annotations

import gzip
import io
import json
import os

from realpolitik.ingest import expand_paths, read_paths, read_stdin
from realpolitik.ingest.readers import Options, read_stream
from realpolitik.records import Document, IngestFailure

SENTENCES = ["Iran met Russia in Moscow on Monday.", "Turkey criticised Syria over the border clashes.",
             "Egypt praised Israel for reopening the crossing."]


class Counting(io.RawIOBase):
    """A file that counts the bytes read from it."""

    def __init__(self, path):
        self.f = open(path, "rb")
        self.read_bytes = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = self.f.readinto(b)
        self.read_bytes += n
        return n

    def close(self):
        self.f.close()
        super().close()


def _write_jsonl(path, n, pad=10_000):
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": i, "date": "2016-01-04", "text": f"{SENTENCES[i % 3]} ({i})",
                                "padding": "x" * pad}) + "\n")


def test_a_jsonl_file_is_read_lazily(tmp_path):
    path = tmp_path / "big.jsonl"
    _write_jsonl(path, 2000)  # ~20 MB
    raw = Counting(path)
    records = read_stream(io.BufferedReader(raw), str(path), "jsonl", Options())
    first = next(records)
    assert isinstance(first, Document) and first.segments[0].text.startswith("Iran met Russia")
    assert raw.read_bytes < 1 << 20 < os.path.getsize(path) // 10  # the first record came before the rest
    assert sum(isinstance(r, Document) for r in records) == 1999
    raw.close()


def test_a_jsonl_file_over_max_bytes_is_read_whole_one_record_at_a_time(tmp_path):
    path = tmp_path / "big.jsonl"
    _write_jsonl(path, 300)  # ~3 MB, over a 1 MB limit
    with open(path, "a", encoding="utf-8") as f:  # one record over the limit: its own failure
        f.write(json.dumps({"id": "huge", "text": "Iran met Russia. " * 80_000}) + "\n")
        f.write(json.dumps({"id": "after", "text": SENTENCES[1]}) + "\n")
    out = list(read_paths([str(path)], max_bytes=2**20))
    docs = [r for r in out if isinstance(r, Document)]
    fails = [r for r in out if isinstance(r, IngestFailure)]
    assert len(docs) == 301 and docs[-1].segments[0].text == SENTENCES[1]
    assert [(f.path, f.reason) for f in fails] == [
        (f"{path}#301", "line 301 is over the 1 MB limit (--max-bytes); skipped")]


def test_a_gzipped_jsonl_file_streams(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i in range(400):
            f.write(json.dumps({"id": i, "text": f"{SENTENCES[i % 3]} ({i})", "padding": "y" * 5000}) + "\n")
    out = list(read_paths([str(path)], max_bytes=2**20))  # 2 MB decompressed, over the limit
    assert len(out) == 400 and all(isinstance(r, Document) for r in out)


def test_stdin_jsonl_streams_and_notes_a_bad_encoding(tmp_path):
    lines = [json.dumps({"id": 1, "text": SENTENCES[0]}).encode(),
             json.dumps({"id": 2, "text": "Fran\u00e7ois Hollande met Putin."}, ensure_ascii=False).encode("cp1252"),
             json.dumps({"id": 3, "text": SENTENCES[2]}).encode()]
    out = list(read_stdin(io.BytesIO(b"\n".join(lines) + b"\n"), fmt="jsonl"))
    assert [r.segments[0].text for r in out] == [SENTENCES[0], "Fran\u00e7ois Hollande met Putin.", SENTENCES[2]]
    assert out[1].notes and "cp1252" in out[1].notes[0] and not out[0].notes and not out[2].notes


def test_a_streamed_csv_recovers_after_a_broken_quote(tmp_path):
    path = tmp_path / "big.csv"
    rows = ["id,date,text"] + [f'{i},2016-01-04,"{SENTENCES[i % 3]} ({i})"' for i in range(200)]
    rows[51] = '50,2016-01-04,"a quote that never closes'
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    out = list(read_paths([str(path)], max_bytes=2000))  # a record may not exceed 2 KB: the runaway stops
    docs = [r for r in out if isinstance(r, Document)]
    fails = [r for r in out if isinstance(r, IngestFailure)]
    assert len(docs) == 199 and len(fails) == 1
    assert "line 52" in fails[0].reason and "quote" in fails[0].reason
    assert docs[50].segments[0].text == f"{SENTENCES[51 % 3]} (51)"  # the rows after it are read again


def test_a_folder_is_walked_lazily_in_sorted_order(tmp_path):
    names = ["c/d.txt", "c.txt", "c0.txt", "c-1.txt", "b/z/a.txt", "b/y.txt", "a.txt", "c/a/b.txt", ".hidden.txt",
             "c/.h/x.txt", "notes.doc"]
    for n in names:
        (tmp_path / n).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / n).write_text(SENTENCES[0])
    walk = expand_paths([str(tmp_path)])
    assert next(walk) == str(tmp_path / "a.txt")  # a generator: the first file before the walk ends
    expected = sorted(str(tmp_path / n) for n in names if not any(p.startswith(".") for p in n.split("/"))
                      and n.endswith(".txt"))
    assert [str(tmp_path / "a.txt"), *walk] == expected
