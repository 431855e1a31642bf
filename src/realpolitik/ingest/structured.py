"""Record files: JSON (a list or one object), JSON Lines and CSV/TSV, one document per record."""
from __future__ import annotations

import csv
import itertools
import json
import sys
from typing import Any, Iterable, Iterator, Mapping

from realpolitik.ingest.clean import Draft
from realpolitik.ingest.dates import parse_date
from realpolitik.ingest.html import extract_fragment
from realpolitik.ingest.text import looks_like_html, text_draft
from realpolitik.records import IngestFailure

# Field -> column names tried in order (case-insensitive) unless the caller names the column.
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "story", "full_text", "fulltext", "maintext"),
    "title": ("title", "headline", "heading"),
    "date": ("date", "published", "published_at", "publish_date", "publishdate", "pubdate", "pub_date",
             "date_publish", "datetime", "timestamp", "created_at"),
    "url": ("url", "link", "href", "permalink"),
    "source": ("source", "publisher", "outlet", "site", "source_name", "sitename"),
}
# Top-level keys of a JSON object that wraps a list of articles.
_LIST_KEYS = ("articles", "items", "documents", "docs", "records", "data", "entries", "results")
_DELIMITERS = ",;\t|"
_MAX_CSV_ERRORS = 100

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article bodies overflow csv's 128 KB default


class Columns:
    """Maps the fields text/title/date/url/source to the names used in one file's records."""

    def __init__(self, overrides: Mapping[str, str] | None = None):
        self.overrides = {k: v for k, v in (overrides or {}).items() if v}
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}

    def resolve(self, names: Iterable[Any]) -> dict[str, str]:
        """Field -> actual column name for the given column names (cached per distinct key set)."""
        key = tuple(names)
        found = self._cache.get(key)
        if found is None:
            lower = {n.strip().lower(): n for n in key if isinstance(n, str)}
            found = {}
            for fld, aliases in ALIASES.items():
                wanted = (self.overrides[fld],) if fld in self.overrides else aliases
                for alias in wanted:
                    if alias.strip().lower() in lower:
                        found[fld] = lower[alias.strip().lower()]
                        break
            self._cache[key] = found
        return found

    def missing_text(self, names: list[str]) -> str:
        """The one-line reason for a file whose records have no text (nor title) column."""
        shown = ", ".join(names[:20]) + (", ..." if len(names) > 20 else "") if names else "none"
        if "text" in self.overrides:
            return f"no column {self.overrides['text']!r} for the text (columns: {shown})"
        return f"no text column (columns: {shown}); name it with columns={{'text': ...}} / --column text=NAME"


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "\n\n".join(str(v) for v in value if v is not None)
    if isinstance(value, dict):  # {"name": "Reuters"} style publisher objects
        name = value.get("name") or value.get("title")
        return name if isinstance(name, str) else None
    return str(value)


def record_draft(record: Mapping[str, Any], path: str, file_path: str, cols: Columns) -> Draft | IngestFailure:
    """One record (JSON object or CSV row) as a Draft; a record with neither text nor title fails.

    A JSON record with only a title is kept (headline corpora); CSV files are checked for a text column first.
    """
    names = cols.resolve(record.keys())
    if "text" not in names and "title" not in names:
        return IngestFailure(path, cols.missing_text(list(record.keys())))
    text = (_as_str(record.get(names.get("text", ""))) or "").strip()
    title = (_as_str(record.get(names.get("title", ""))) or "").strip() or None
    if not text and not title:
        return IngestFailure(path, "record has no text")
    if text and looks_like_html(text):
        parts = extract_fragment(text)
        draft = Draft(path=path, units=parts.units, title=title)
    else:
        draft = text_draft(text, path, detect_title=False)
        draft.title = title
    draft.file_path = file_path
    raw_date = record.get(names["date"]) if "date" in names else None
    draft.date = parse_date(raw_date)
    draft.date_source = "record" if draft.date else "unknown"
    draft.source = _as_str(record.get(names["source"])) if "source" in names else None
    draft.url = _as_str(record.get(names["url"])) if "url" in names else None
    return draft


def _object_records(obj: dict[str, Any], path: str) -> list[tuple[str, Any]] | None:
    """A wrapper object's list of records, if it has one under a usual key."""
    for key in _LIST_KEYS:
        if isinstance(obj.get(key), list):
            return [(f"{path}#{i}", rec) for i, rec in enumerate(obj[key], 1)]
    return None


def _one(item: Any, path: str, file_path: str, cols: Columns) -> Draft | IngestFailure:
    if isinstance(item, dict):
        return record_draft(item, path, file_path, cols)
    if isinstance(item, str):
        return record_draft({"text": item}, path, file_path, Columns())
    return IngestFailure(path, f"record is a JSON {type(item).__name__}, not an object")


def json_records(text: str, path: str, cols: Columns, *, lines: bool) -> Iterator[Draft | IngestFailure]:
    """Records of a .json file (a list, one object, or JSON Lines in disguise) or a .jsonl file."""
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":
                yield IngestFailure(path, f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
                return
            lines = True  # several objects one after another: JSON Lines with a .json name
        else:
            if isinstance(data, list):
                for i, item in enumerate(data, 1):
                    yield _one(item, f"{path}#{i}", path, cols)
            elif isinstance(data, dict):
                wrapped = _object_records(data, path)
                if wrapped is None:
                    yield _one(data, path, path, cols)
                else:
                    for sub, item in wrapped:
                        yield _one(item, sub, path, cols)
            else:
                yield IngestFailure(path, f"JSON holds a {type(data).__name__}, not articles")
            return
    yield from jsonl_records(text.split("\n"), path, cols)


def jsonl_records(lines: Iterable[str | None], path: str, cols: Columns, *, limit: str = "size"
                  ) -> Iterator[Draft | IngestFailure]:
    """Records of JSON Lines, one line at a time (a file read whole, or streamed: ``decode.decoded_lines``,
    where a line over the size limit ``limit`` comes as None)."""
    for n, line in enumerate(lines, 1):
        if line is None:
            yield IngestFailure(f"{path}#{n}", f"line {n} is over the {limit} limit (--max-bytes); skipped")
            continue
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            yield IngestFailure(f"{path}#{n}", f"malformed JSON on line {n}, column {getattr(exc, 'colno', '?')}: "
                                               f"{getattr(exc, 'msg', 'nested too deeply')}")
            continue
        yield _one(item, f"{path}#{n}", path, cols)


class _RecordTooLong(Exception):
    """Internal: a CSV record grew past the size limit (a quote that never closes, in a streamed file)."""


class _Lines:
    """Physical lines for ``csv.reader``, numbered, remembering the lines of the record being read so that
    reading can start again from its second line after a broken quote (at most ``max_chars`` of them)."""

    def __init__(self, lines: Iterator[str | None], max_chars: int):
        self.src, self.max_chars = lines, max_chars
        self.replay: list[tuple[int, str]] = []  # lines to give again, in reverse order
        self.record: list[tuple[int, str]] = []
        self.size = 0
        self.next_no = 1  # number of the next line read from the source
        self.long: list[int] = []  # over-long lines met (their numbers), given to csv as empty lines

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        if self.replay:
            no, line = self.replay.pop()
        else:
            raw = next(self.src)
            no, self.next_no = self.next_no, self.next_no + 1
            if raw is None:
                self.long.append(no)
                raw = "\n"
            line = raw
        self.record.append((no, line))
        self.size += len(line)
        if self.size > self.max_chars:
            raise _RecordTooLong
        return line

    def start(self) -> int:
        """Begin a record; returns the number of its first line."""
        self.record, self.size = [], 0
        return self.replay[-1][0] if self.replay else self.next_no

    def again_after_first(self) -> None:
        """Give the current record's lines after its first one again (a broken quote swallowed them)."""
        self.replay.extend(reversed(self.record[1:]))
        self.record, self.size = [], 0


def csv_records(text: str, path: str, cols: Columns, *, delimiter: str | None = None) -> Iterator[Draft | IngestFailure]:
    """Rows of CSV/TSV text read whole (``csv_lines``)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    yield from csv_lines(iter(lines), path, cols, delimiter=delimiter)


def csv_lines(lines: Iterator[str | None], path: str, cols: Columns, *, delimiter: str | None = None,
              max_chars: int = 2**31, limit: str = "size") -> Iterator[Draft | IngestFailure]:
    """Rows of a CSV/TSV file with a header, from its lines (read whole, or streamed: a line over the size
    limit comes as None); the delimiter is the header's most frequent of , ; tab |.

    Parsing is strict: a quote that does not close where it should (which would otherwise swallow the rows
    after it into one field) or a row with more values than the header fails with the lines it spans, and
    reading goes on after it. A record is at most ``max_chars`` long (the limit named ``limit``)."""
    header = next(lines, None)
    if header is None:
        yield IngestFailure(path, "cannot read the CSV header (no rows)")
        return
    if delimiter is None:
        delimiter = max(_DELIMITERS, key=header.count) if any(d in header for d in _DELIMITERS) else ","
    src = _Lines(itertools.chain([header], lines), max_chars)
    reader = csv.reader(src, delimiter=delimiter, strict=True)
    try:
        src.start()
        names = [n.strip() for n in next(reader)]
    except (StopIteration, csv.Error, _RecordTooLong) as exc:
        yield IngestFailure(path, f"cannot read the CSV header ({exc or 'no rows'})")
        return
    if "text" not in cols.resolve(names):  # a headlines-only sheet can say columns={"text": "title"}
        yield IngestFailure(path, cols.missing_text(names))
        return
    row_no = errors = 0
    while True:
        first_line = src.start()
        try:
            row = next(reader)
        except StopIteration:
            break
        except (csv.Error, _RecordTooLong) as exc:
            row_no += 1
            errors += 1
            if errors > _MAX_CSV_ERRORS:
                yield IngestFailure(path, f"more than {_MAX_CSV_ERRORS} malformed rows; the rest of the file "
                                          f"(from line {first_line}) is skipped")
                return
            what = exc if isinstance(exc, csv.Error) else f"a record over the {limit} limit"
            yield IngestFailure(f"{path}#{row_no}", f"malformed CSV at line {first_line}: {what} (a quote that "
                                                    "does not close?); the lines after it are read again")
            # Re-read from the next physical line, so the rows a runaway quote swallowed are not lost.
            src.again_after_first()
            src.long = [n for n in src.long if n > first_line]
            reader = csv.reader(src, delimiter=delimiter, strict=True)
            continue
        last_line = src.record[-1][0] if src.record else first_line
        too_long = [n for n in src.long if first_line <= n <= last_line]
        if too_long:
            src.long = [n for n in src.long if n > last_line]
            row_no += 1
            yield IngestFailure(f"{path}#{row_no}", f"line {too_long[0]} is over the {limit} limit (--max-bytes); "
                                                    "skipped")
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_no += 1
        extra = [cell for cell in row[len(names):] if cell.strip()]
        if extra:
            span = f"line {first_line}" if last_line == first_line else f"lines {first_line}-{last_line}"
            yield IngestFailure(f"{path}#{row_no}", f"malformed CSV at {span}: {len(row)} values, the header has "
                                                    f"{len(names)} (an unquoted {delimiter!r} or quote in a field?)")
            continue
        yield record_draft(dict(zip(names, row)), f"{path}#{row_no}", path, cols)
