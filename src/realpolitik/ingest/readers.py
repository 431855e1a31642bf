"""Dispatch: bytes of one file or stream -> Documents and IngestFailures, never an exception."""
from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import gzip
import io
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Mapping

from realpolitik.ingest.clean import Draft, build_document
from realpolitik.ingest.decode import (BadInput, check_binary, decode_with_note, decoded_lines, gunzip, is_gzip,
                                       limit_text, open_file, read_file)
from realpolitik.ingest.feeds import feed_records
from realpolitik.ingest.html import extract_page
from realpolitik.ingest.paths import FORMATS, format_of
from realpolitik.ingest.structured import Columns, csv_lines, csv_records, json_records, jsonl_records
from realpolitik.ingest.text import markdown_draft, text_draft
from realpolitik.records import Document, IngestFailure

# Names accepted for ``fmt`` (stdin) -> reader format.
FORMAT_NAMES: dict[str, str] = {
    **{ext.lstrip("."): fmt for ext, fmt in FORMATS.items()},
    "text": "text", "markdown": "markdown", "feed": "feed", "rss": "feed", "atom": "feed",
}
# Formats read one record at a time, whatever the size of the file (--max-bytes bounds a record, not the file).
STREAMED = frozenset(("jsonl", "csv", "tsv"))
_SNIFF = 8192  # bytes looked at before streaming: gzip, binary formats, a UTF-16 byte-order mark


@dataclass(frozen=True)
class Options:
    """Caller settings shared by every file of one ingest call."""

    date: dt.date | None = None
    source: str | None = None
    columns: Mapping[str, str] | None = None
    max_bytes: int = 64 * 2**20


def sniff(text: str) -> str:
    """Guess the format of text that has no telling extension (stdin, "notes", "article.dat")."""
    head = text[:2048].lstrip().lower()
    if head.startswith("<"):
        return "feed" if ("<rss" in head or "<feed" in head or "<rdf:rdf" in head) else "html"
    if head.startswith(("{", "[")):
        return "json"
    return "text"


def read_file_path(path: str, opts: Options) -> Iterator[Document | IngestFailure]:
    """Everything one file yields; a file that cannot be read yields one IngestFailure. JSON Lines and CSV
    files are streamed (``read_stream``); other files are read whole, up to ``opts.max_bytes``."""
    fmt = format_of(path)
    try:
        fh = open_file(path) if fmt in STREAMED else None
        data = read_file(path, opts.max_bytes) if fh is None else b""
    except BadInput as exc:
        yield IngestFailure(path, exc.reason)
        return
    if fh is not None:
        with fh:
            yield from read_stream(fh, path, fmt, opts)
        return
    yield from read_bytes(data, path, fmt, opts)


def read_stream(src: BinaryIO, name: str, fmt: str, opts: Options) -> Iterator[Document | IngestFailure]:
    """Documents of a JSON Lines or CSV/TSV stream, read one record at a time: memory stays bounded by the
    largest record (``opts.max_bytes``), whatever the size of the input. A gzipped stream is decompressed as
    it is read; a UTF-16 one (rare) is read whole, up to ``opts.max_bytes``."""
    buf: BinaryIO = src
    try:
        if not hasattr(buf, "peek"):
            buf = io.BufferedReader(src)  # type: ignore[arg-type]
        head = buf.peek(_SNIFF)[:_SNIFF]  # type: ignore[attr-defined]
        if is_gzip(head):
            buf = gzip.GzipFile(fileobj=buf)  # type: ignore[assignment]
            head = buf.peek(_SNIFF)[:_SNIFF]  # type: ignore[attr-defined]
        if head[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            data = buf.read(opts.max_bytes + 1)
            if len(data) > opts.max_bytes:
                raise BadInput(f"UTF-16 text is read whole and is over the {limit_text(opts.max_bytes)} limit "
                               "(--max-bytes)")
            yield from read_bytes(data, name, fmt, opts)
            return
        if not head:
            raise BadInput("file is empty")
        if head.strip():
            check_binary(head)
        notes: list[str] = []
        seen = {"text": False}

        def lines() -> Iterator[str | None]:
            for line in decoded_lines(buf, opts.max_bytes, notes):
                seen["text"] = seen["text"] or line is None or bool(line.strip())
                yield line

        cols, limit = Columns(opts.columns), limit_text(opts.max_bytes)
        drafts = (jsonl_records(lines(), name, cols, limit=limit) if fmt == "jsonl" else
                  csv_lines(lines(), name, cols, delimiter="\t" if fmt == "tsv" else None, max_chars=opts.max_bytes,
                            limit=limit))
        if not (yield from _documents(drafts, name, opts, notes)):
            yield IngestFailure(name, "no records in this file (nothing to ingest)" if seen["text"]
                                else "file is empty (whitespace only)")
    except BadInput as exc:
        yield IngestFailure(name, exc.reason)
    except (OSError, EOFError) as exc:  # a gzip stream broken part way: what came before it stays read
        yield IngestFailure(name, f"corrupt gzip file ({exc})" if isinstance(buf, gzip.GzipFile)
                            else f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    except Exception as exc:  # a reader bug must not stop the batch: report it on this file's line
        yield IngestFailure(name, _bug(exc))


def _documents(drafts: Iterable[Draft | IngestFailure], name: str, opts: Options, notes: list[str]
               ) -> Iterator[Document | IngestFailure]:
    """Documents built from drafts; a note about the input (``notes``, which may grow as it is read) is said
    once, on the first document after it. Returns whether anything was yielded."""
    yielded, said = False, 0
    for draft in drafts:
        yielded = True
        result = draft if isinstance(draft, IngestFailure) else build_document(draft, date=opts.date,
                                                                               source=opts.source)
        if isinstance(result, Document) and said < len(notes):
            result = dataclasses.replace(result, notes=(*result.notes, *(f"{name}: {n}" for n in notes[said:])))
            said = len(notes)
        yield result
    return yielded


def _bug(exc: Exception) -> str:
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"could not read ({type(exc).__name__}{': ' + detail if detail else ''})"


def read_bytes(data: bytes, name: str, fmt: str | None, opts: Options) -> Iterator[Document | IngestFailure]:
    """Documents from the raw bytes of one input named ``name`` (format None = sniff it)."""
    try:
        if is_gzip(data):
            data = gunzip(data, opts.max_bytes)
        check_binary(data)
        text, note = decode_with_note(data)
        drafts = _drafts(data, text, name, fmt or sniff(text), opts)
        if not (yield from _documents(drafts, name, opts, [note] if note is not None else [])):
            # a header and no rows, an empty list: say so instead of adding nothing silently
            yield IngestFailure(name, "no records in this file (nothing to ingest)")
    except BadInput as exc:
        yield IngestFailure(name, exc.reason)
    except Exception as exc:  # a reader bug must not stop the batch: report it on this file's line
        yield IngestFailure(name, _bug(exc))


def _drafts(data: bytes, text: str, name: str, fmt: str, opts: Options) -> Iterable[Draft | IngestFailure]:
    if fmt == "text":
        return [text_draft(text, name)]
    if fmt == "markdown":
        return [markdown_draft(text, name)]
    if fmt == "html":
        return [_html_draft(text, name)]
    if fmt in ("json", "jsonl"):
        return json_records(text, name, Columns(opts.columns), lines=fmt == "jsonl")
    if fmt in ("csv", "tsv"):
        return csv_records(text, name, Columns(opts.columns), delimiter="\t" if fmt == "tsv" else None)
    if fmt == "feed":
        return feed_records(data, name)
    raise BadInput(f"unknown format {fmt!r} (use one of {', '.join(sorted(set(FORMAT_NAMES)))})")


def _html_draft(text: str, name: str) -> Draft | IngestFailure:
    parts = extract_page(text)
    if not any(kind == "line" and line.strip() for kind, line in parts.units):
        return IngestFailure(name, "no article text found in the HTML")
    return Draft(
        path=name, units=parts.units, title=parts.title, date=parts.date,
        date_source="html-meta" if parts.date else "unknown", source=parts.source, url=parts.url,
        join_wrapped=False,
    )
