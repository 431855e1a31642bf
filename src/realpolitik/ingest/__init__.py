"""Ingest: files, directories, globs or stdin -> cleaned ``Document`` records (and ``IngestFailure``s).

Readers: .txt/.md, .html/.htm (trafilatura), .json/.jsonl, .csv/.tsv, RSS/Atom (.xml/.rss/.atom), any
of them gzipped. Bad input never raises: it yields ``IngestFailure(path, reason)`` and the batch goes on.
"""
from __future__ import annotations

import datetime as dt
import io
from typing import BinaryIO, Iterable, Iterator, TextIO

from realpolitik.ingest.clean import boilerplate_family, build_document, doc_id
from realpolitik.ingest.decode import limit_text
from realpolitik.ingest.paths import count_inputs, expand_paths, format_of
from realpolitik.ingest.readers import (FORMAT_NAMES, STREAMED, Options, read_bytes, read_file_path,
                                        read_stream)
from realpolitik.records import Document, IngestFailure, Segment

__all__ = [
    "Document", "IngestFailure", "Segment", "boilerplate_family", "build_document", "count_inputs",
    "doc_id", "expand_paths", "format_of", "read_paths", "read_stdin", "read_text",
]

DEFAULT_MAX_BYTES = 64 * 2**20


def read_paths(
    paths: Iterable[str],
    *,
    date: dt.date | None = None,
    source: str | None = None,
    columns: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | IngestFailure]:
    """Documents from files, directories (recursive, sorted) and globs, in order; failures inline.

    ``date`` overrides every document's date (date_source "flag"); ``source`` names the outlet;
    ``columns`` renames record fields, e.g. ``{"text": "body", "date": "published"}``.
    """
    opts = Options(date=date, source=source, columns=columns, max_bytes=max_bytes)
    for item in expand_paths(paths):
        if isinstance(item, IngestFailure):
            yield item
        else:
            yield from read_file_path(item, opts)


def read_stdin(
    stream: TextIO | BinaryIO,
    *,
    name: str = "<stdin>",
    date: dt.date | None = None,
    source: str | None = None,
    fmt: str | None = None,
    columns: dict[str, str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document | IngestFailure]:
    """Documents from a stream; ``fmt`` ("txt", "html", "jsonl", "csv", "rss", ...) or sniffed from content."""
    fmt_key = fmt.lower().lstrip(".") if fmt else None
    if fmt_key is not None and fmt_key not in FORMAT_NAMES:
        yield IngestFailure(name, f"unknown format {fmt!r} (use one of {', '.join(sorted(FORMAT_NAMES))})")
        return
    opts = Options(date=date, source=source, columns=columns, max_bytes=max_bytes)
    source_stream = getattr(stream, "buffer", stream)
    if fmt_key is not None and FORMAT_NAMES[fmt_key] in STREAMED and not isinstance(source_stream, io.TextIOBase):
        yield from read_stream(source_stream, name, FORMAT_NAMES[fmt_key], opts)  # record by record
        return
    try:
        raw = source_stream.read(max_bytes + 1)
    except OSError as exc:
        yield IngestFailure(name, f"cannot read: {exc.strerror or exc}")
        return
    data = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
    if len(data) > max_bytes:
        yield IngestFailure(name, f"input is over the {limit_text(max_bytes)} limit (--max-bytes)")
        return
    yield from read_bytes(data, name, FORMAT_NAMES.get(fmt_key) if fmt_key else None, opts)


def read_text(
    text: str, *, name: str = "<text>", date: dt.date | None = None, source: str | None = None,
    fmt: str | None = "txt",
) -> Document | IngestFailure:
    """One document from a string (the ``code_text`` path): same cleaning as a .txt file."""
    opts = Options(date=date, source=source)
    fmt_key = FORMAT_NAMES.get(fmt.lower().lstrip(".")) if fmt else None
    results = list(read_bytes(text.encode("utf-8"), name, fmt_key, opts))
    if not results:
        return IngestFailure(name, "no text")
    return results[0]
