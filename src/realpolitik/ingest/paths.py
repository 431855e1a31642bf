"""Turning command-line paths (files, directories, globs) into the list of files to read."""
from __future__ import annotations

import fnmatch
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


def _walk(directory: str, problems: list[IngestFailure] | None = None) -> Iterator[str]:
    """Supported files under a directory, recursively, in sorted order of their paths; hidden files and
    folders skipped. Lazy: a folder of a million files is listed one folder at a time, not held whole.

    Directory symlinks are not followed (a link loop cannot make the walk endless); a subfolder that cannot
    be read is added to ``problems`` instead of being skipped silently."""

    def walk(folder: str) -> Iterator[str]:
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError as exc:
            if problems is not None:
                where = exc.filename or folder
                problems.append(IngestFailure(str(where), f"cannot read this folder ({exc.strerror or exc}); "
                                                          "skipped"))
            return
        items = []
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                if not e.is_symlink():  # a folder sorts as "name/": the order of the full paths
                    items.append((e.name + os.sep, e.path))
            elif _supported(e.name):
                items.append((e.name, e.path))
        items.sort()
        for key, path in items:
            if key.endswith(os.sep):
                yield from walk(path)
            else:
                yield path

    return walk(directory)


def _glob(pattern: str, problems: list[IngestFailure]) -> Iterator[str]:
    """Matches of a glob pattern, in sorted order; ``**`` spans folders without following directory symlinks,
    so a link loop cannot make the expansion endless (Python's ``glob`` follows them). Lazy for ``**``: the
    folders are listed one at a time (a tree of a million files is never held whole), in the order of
    their full paths, so the matches come out as sorted as a sorted list of them would be."""
    if "**" not in pattern:
        yield from sorted(glob.glob(pattern))
        return
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    root = "/".join(fixed) or ("/" if pattern.startswith("/") else ".")
    rest = parts[len(fixed):]
    if not os.path.isdir(root):
        return

    def walk(folder: str, base: list[str]) -> Iterator[str]:
        try:
            with os.scandir(folder) as it:
                entries = [e for e in it if not e.name.startswith(".")]
        except OSError as exc:
            problems.append(IngestFailure(str(exc.filename or folder),
                                          f"cannot read this folder ({exc.strerror or exc}); skipped"))
            return
        # (sort key, path, folder to enter): a folder's own entry sorts as "name", its contents as "name/",
        # which is the order of the full paths (a file "a-b" comes between the folder "a" and "a/x")
        items: list[tuple[str, str | None, str | None]] = []
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            items.append((e.name, e.path, None))
            if is_dir and not e.is_symlink():
                items.append((e.name + "/", None, e.path))
        items.sort(key=lambda item: item[0])
        for key, path, sub in items:
            if sub is not None:
                yield from walk(sub, [*base, key[:-1]])
            elif _match(rest, [*base, key]):
                yield path if fixed else os.path.normpath(path)

    yield from walk(root, [])


def _match(pattern: list[str], parts: list[str]) -> bool:
    """Whether path components ``parts`` match glob components ``pattern`` (``**`` = any number of them)."""
    if not pattern:
        return not parts
    head, tail = pattern[0], pattern[1:]
    if head == "**":
        return any(_match(tail, parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatchcase(parts[0], head) and _match(tail, parts[1:])


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
        problems: list[IngestFailure] = []
        if os.path.isdir(path):
            found = False
            for f in _walk(path, problems):
                found = True
                yield from problems  # an unreadable subfolder, said where the walk meets it
                problems.clear()
                if fresh(f):
                    yield f
            yield from problems
            if not found and not problems:
                yield IngestFailure(path, "no readable files in this directory (looked for "
                                          + ", ".join(sorted(set(FORMATS))) + ")")
        elif os.path.exists(path) or os.path.islink(path):
            if fresh(path):
                yield path
        elif _GLOB_CHARS & set(path):
            found = False
            told: set[IngestFailure] = set()

            def files() -> Iterator[str]:  # lazily: the matches of a pattern over a huge tree are not listed
                for match in _glob(path, problems):
                    if os.path.isdir(match):
                        if not os.path.islink(match):  # as in folder walks: a linked folder is not entered
                            yield from _walk(match, problems)
                    elif not os.path.basename(match).startswith("."):
                        yield match

            for f in files():
                found = True
                for problem in problems:  # an unreadable folder, said where the walk meets it
                    if problem not in told:
                        told.add(problem)
                        yield problem
                problems.clear()
                if fresh(f):
                    yield f
            for problem in problems:
                if problem not in told:
                    told.add(problem)
                    yield problem
            if not found and not told:
                yield IngestFailure(path, "no files match this pattern")
        else:
            yield IngestFailure(path, "no such file or directory")


def count_inputs(paths: Iterable[str]) -> int:
    """Number of files ``expand_paths`` will yield (for a progress bar); reads no file."""
    return sum(1 for p in expand_paths(paths) if isinstance(p, str))
