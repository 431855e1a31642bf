"""Turning command-line paths (files, directories, globs) into the list of files to read."""
from __future__ import annotations

import glob
import os
from typing import Iterable, Iterator

from realpolitik.records import IngestFailure

# Extension -> reader format. ".gz" is allowed on top of any of these ("news.jsonl.gz").
FORMATS: dict[str, str] = {
    ".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".csv": "csv", ".tsv": "tsv",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
}
_GLOB_CHARS = frozenset("*?[")


def format_of(path: str) -> str | None:
    """The reader format for a file name ("a.jsonl.gz" -> "jsonl"), or None if the extension is unknown."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return FORMATS.get(os.path.splitext(name)[1])


def _supported(name: str) -> bool:
    return not name.startswith(".") and format_of(name) is not None


def _walk(directory: str) -> list[str]:
    """Supported files under a directory, recursively, in sorted order; hidden files and folders skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(os.path.join(root, f) for f in sorted(files) if _supported(f))
    return sorted(found)


def expand_paths(paths: Iterable[str]) -> Iterator[str | IngestFailure]:
    """Files to read: a file as given, a directory's supported files (recursive, sorted), a glob's matches.

    A path or pattern that matches nothing yields an IngestFailure instead; a file is yielded once.
    """
    seen: set[str] = set()

    def fresh(path: str) -> bool:
        key = os.path.realpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        path = os.path.expanduser(str(raw))
        if os.path.isdir(path):
            files = _walk(path)
            if not files:
                yield IngestFailure(path, "no readable files in this directory (looked for "
                                          + ", ".join(sorted(set(FORMATS))) + ")")
            yield from (f for f in files if fresh(f))
        elif os.path.exists(path) or os.path.islink(path):
            if fresh(path):
                yield path
        elif _GLOB_CHARS & set(path):
            matches = sorted(glob.glob(path, recursive=True))
            files: list[str] = []
            for match in matches:
                if os.path.isdir(match):
                    files.extend(_walk(match))
                elif not os.path.basename(match).startswith("."):
                    files.append(match)
            if not files:
                yield IngestFailure(path, "no files match this pattern")
            yield from (f for f in files if fresh(f))
        else:
            yield IngestFailure(path, "no such file or directory")


def count_inputs(paths: Iterable[str]) -> int:
    """Number of files ``expand_paths`` will yield (for a progress bar); reads no file."""
    return sum(1 for p in expand_paths(paths) if isinstance(p, str))
