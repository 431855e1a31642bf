"""RSS and Atom files via feedparser: each entry is a document dated by the feed."""
from __future__ import annotations

import datetime as dt
import time
from typing import Any, Iterator

from realpolitik.ingest.clean import Draft
from realpolitik.ingest.html import extract_fragment
from realpolitik.ingest.text import looks_like_html, text_draft
from realpolitik.records import IngestFailure


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except ValueError:
                continue
    return None


def _entry_body(entry: Any) -> str:
    """The fullest text the entry carries: content:encoded / atom content, else the summary."""
    contents = [c.get("value", "") for c in entry.get("content", []) if isinstance(c, dict)]
    best = max(contents, key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def feed_records(data: bytes, path: str) -> Iterator[Draft | IngestFailure]:
    """Documents from an RSS/Atom file; a file with no entries fails with feedparser's reason."""
    import feedparser  # lazy: only feeds need it

    try:
        parsed = feedparser.parse(data)
    except (UnicodeError, LookupError) as exc:  # feedparser chokes on bytes inside <?xml ... encoding=...?>
        reason = exc.reason if isinstance(exc, UnicodeDecodeError) else exc
        yield IngestFailure(path, f"not a valid RSS/Atom feed (its XML declaration cannot be decoded: {reason})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception") or "unknown error").splitlines()[0]
            yield IngestFailure(path, f"not a valid RSS/Atom feed ({reason})")
        else:
            yield IngestFailure(path, "no feed entries found (not an RSS/Atom feed?)")
        return
    outlet = parsed.get("feed", {}).get("title") or None
    for i, entry in enumerate(entries, 1):
        sub = f"{path}#{i}"
        body = _entry_body(entry).strip()
        title = (entry.get("title") or "").strip() or None
        if not body and not title:
            yield IngestFailure(sub, "feed entry has no title or text")
            continue
        if looks_like_html(body):
            draft = Draft(path=sub, units=extract_fragment(body).units, title=title)
        else:
            draft = text_draft(body, sub, detect_title=False)
            draft.title = title
        draft.file_path = path
        draft.date = _entry_date(entry)
        draft.date_source = "feed" if draft.date else "unknown"
        draft.source = outlet
        draft.url = entry.get("link") or None
        yield draft
