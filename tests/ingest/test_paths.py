"""Path expansion: files, directories (recursive, sorted), globs, nothing-matched failures, counting."""
from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.ingest import count_inputs, expand_paths
from realpolitik.records import Document, IngestFailure

from .conftest import read_all


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".cache").mkdir()
    for rel in ("b/2.txt", "a/z.html", "a/1.md", "top.jsonl", "notes.docx", ".hidden.txt", ".cache/x.txt",
                "a/img.png"):
        text = '{"text": "Iran and Russia met."}' if rel.endswith(".jsonl") else "Iran and Russia met."
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def rel(items, root: Path) -> list[str]:
    return [str(Path(p).relative_to(root)) for p in items if isinstance(p, str)]


def test_directory_is_recursive_sorted_and_skips_unsupported_and_hidden(tree):
    assert rel(expand_paths([str(tree)]), tree) == ["a/1.md", "a/z.html", "b/2.txt", "top.jsonl"]


def test_glob_matches_are_sorted(tree):
    assert rel(expand_paths([str(tree / "**" / "*.txt")]), tree) == ["b/2.txt"]
    assert rel(expand_paths([str(tree / "a" / "*")]), tree) == ["a/1.md", "a/img.png", "a/z.html"]


def test_explicit_file_is_read_whatever_its_extension(tree):
    assert rel(expand_paths([str(tree / "notes.docx")]), tree) == ["notes.docx"]


def test_a_file_named_twice_is_read_once(tree):
    items = list(expand_paths([str(tree / "b"), str(tree / "b" / "2.txt"), str(tree / "b" / "*.txt")]))
    assert rel(items, tree) == ["b/2.txt"]


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [("missing.txt", "no such file or directory"), ("*.rss", "no files match this pattern")],
)
def test_nothing_matched_is_a_failure(tree, pattern, reason):
    items = list(expand_paths([str(tree / pattern)]))
    assert items == [IngestFailure(str(tree / pattern), reason)]


def test_empty_directory_is_a_failure(tmp_path):
    (tmp_path / "empty").mkdir()
    [failure] = list(expand_paths([str(tmp_path / "empty")]))
    assert isinstance(failure, IngestFailure) and "no readable files" in failure.reason


def test_count_inputs_counts_files_only(tree):
    assert count_inputs([str(tree), str(tree / "missing.txt"), str(tree / "notes.docx")]) == 5


def test_read_paths_follows_expansion_order(tree):
    docs = read_all(tree)
    assert all(isinstance(d, Document) for d in docs)
    assert [Path(d.path).name for d in docs] == ["1.md", "z.html", "2.txt", "top.jsonl#1"]


def test_a_double_star_glob_streams_in_sorted_order(tmp_path, monkeypatch):
    # the order of the full paths ("a", then "a-b.txt", then "a/..."), as a sorted list would give it
    for rel_path in ("a/x.txt", "a/y/z.txt", "a-b.txt", "b/c.txt", "a0.txt", ".h/x.txt"):
        (tmp_path / rel_path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel_path).write_text("Iran and Russia met.", encoding="utf-8")
    pattern = str(tmp_path / "**" / "*.txt")
    assert rel(expand_paths([pattern]), tmp_path) == ["a-b.txt", "a/x.txt", "a/y/z.txt", "a0.txt", "b/c.txt"]
    import glob as glob_module
    import os

    assert rel(expand_paths([pattern]), tmp_path) == [
        str(Path(p).relative_to(tmp_path)) for p in sorted(glob_module.glob(pattern, recursive=True))]
    # lazy: the first match comes before the folders after it are listed
    listed: list[str] = []
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path: (listed.append(str(path)), real(path))[1])
    first = next(iter(expand_paths([pattern])))
    assert Path(first).name == "a-b.txt"
    assert str(tmp_path / "b") not in listed
