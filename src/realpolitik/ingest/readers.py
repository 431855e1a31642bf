"""Dispatch: bytes of one file or stream -> Documents and IngestFailures, never an exception."""
from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

from realpolitik.ingest.clean import Draft, build_document
from realpolitik.ingest.decode import BadInput, check_binary, decode_with_note, gunzip, is_gzip, read_file
from realpolitik.ingest.feeds import feed_records
from realpolitik.ingest.html import extract_page
from realpolitik.ingest.paths import FORMATS, format_of
from realpolitik.ingest.structured import Columns, csv_records, json_records
from realpolitik.ingest.text import markdown_draft, text_draft
from realpolitik.records import Document, IngestFailure

# Names accepted for ``fmt`` (stdin) -> reader format.
FORMAT_NAMES: dict[str, str] = {
    **{ext.lstrip("."): fmt for ext, fmt in FORMATS.items()},
    "text": "text", "markdown": "markdown", "feed": "feed", "rss": "feed", "atom": "feed",
}


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
    """Everything one file yields; a file that cannot be read yields one IngestFailure."""
    try:
        data = read_file(path, opts.max_bytes)
    except BadInput as exc:
        yield IngestFailure(path, exc.reason)
        return
    yield from read_bytes(data, path, format_of(path), opts)


def read_bytes(data: bytes, name: str, fmt: str | None, opts: Options) -> Iterator[Document | IngestFailure]:
    """Documents from the raw bytes of one input named ``name`` (format None = sniff it)."""
    try:
        if is_gzip(data):
            data = gunzip(data, opts.max_bytes)
        check_binary(data)
        text, note = decode_with_note(data)
        drafts = _drafts(data, text, name, fmt or sniff(text), opts)
        yielded = False
        for draft in drafts:
            yielded = True
            result = draft if isinstance(draft, IngestFailure) else build_document(
                draft, date=opts.date, source=opts.source
            )
            if note is not None and isinstance(result, Document):  # said once per input, on its first document
                result = dataclasses.replace(result, notes=(*result.notes, f"{name}: {note}"))
                note = None
            yield result
        if not yielded:  # a header and no rows, an empty list: say so instead of adding nothing silently
            yield IngestFailure(name, "no records in this file (nothing to ingest)")
    except BadInput as exc:
        yield IngestFailure(name, exc.reason)
    except Exception as exc:  # a reader bug must not stop the batch: report it on this file's line
        detail = str(exc).splitlines()[0][:200] if str(exc) else ""
        yield IngestFailure(name, f"could not read ({type(exc).__name__}{': ' + detail if detail else ''})")


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
