"""Date parsing for ingest: record/meta values, dates in file names, and a date closing a caption."""
from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re
from typing import Any

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ISO_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
_SLASH_YMD_RE = re.compile(r"(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?!\d)")
_COMPACT_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
# "July 9, 2015" / "Jul. 9 2015" and "9 July 2015" / "09-Jul-2015"
_MDY_RE = re.compile(rf"({_MONTH_RE})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
_DMY_RE = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?[\s-]+({_MONTH_RE})[\s,-]+(\d{{4}})", re.I)

# File names: 2015-07-09, 2015_07_09, 2015.07.09, 20150709, and archive paths .../2015/07/09/...
_FILENAME_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
# A caption that ends with its date: "..., Russia, July 9, 2015." (optionally "(File photo)" etc. stripped before)
_TRAILING_RE = re.compile(
    rf"(?:({_MONTH_RE})\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+({_MONTH_RE})\s+(\d{{4}})|(\d{{4}})-(\d\d)-(\d\d))"
    r"\s*[.)\]]*\s*$",
    re.I,
)


def _make(y: int | str, m: int | str, d: int | str) -> dt.date | None:
    try:
        value = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return value if 1800 <= value.year <= 2100 else None


def _month(name: str) -> int:
    return _MONTHS[name.lower()[:3]]


def parse_date(value: Any) -> dt.date | None:
    """A calendar date from a record/meta value (date, ISO string, "July 9, 2015", RFC 2822, epoch); None if unsure."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value  # epoch milliseconds are common in JSON exports
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    return _parse_str(value.strip()[:100])


@functools.lru_cache(maxsize=4096)
def _parse_str(text: str) -> dt.date | None:
    if not text:
        return None
    for rx in (_ISO_RE, _SLASH_YMD_RE):
        m = rx.match(text)
        if m:
            return _make(*m.groups())
    m = _COMPACT_RE.fullmatch(text)
    if m:
        return _make(*m.groups())
    m = _MDY_RE.search(text)
    if m:
        return _make(m.group(3), _month(m.group(1)), m.group(2))
    m = _DMY_RE.search(text)
    if m:
        return _make(m.group(3), _month(m.group(2)), m.group(1))
    try:
        parsed = email.utils.parsedate_to_datetime(text)  # RSS pubDate: "Thu, 09 Jul 2015 10:00:00 +0000"
        return parsed.date()
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


def _dateparser(text: str) -> dt.date | None:
    """Slow path for odd formats ("26-FEB-1987 15:01:01.79"); requires day, month and year."""
    if not re.search(r"\d{4}", text):
        return None
    import dateparser  # imported lazily: it costs ~0.2 s and is rarely needed

    try:
        parsed = dateparser.parse(
            text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
        )
    except Exception:  # dateparser raises assorted errors on junk; junk simply has no date
        return None
    return parsed.date() if parsed and 1800 <= parsed.year <= 2100 else None


def filename_date(path: str) -> dt.date | None:
    """A date written in a file name (2015-07-09, 20150709, 2015_07_09) or an archive path (2015/07/09)."""
    if not path or path.startswith("<"):
        return None
    base = path.replace("\\", "/")
    name = base.rsplit("/", 1)[-1]
    for candidate in (name, base):
        for m in _FILENAME_RE.finditer(candidate):
            found = _make(m.group(1), m.group(3), m.group(4))
            if found:
                return found
    return None


def trailing_date(text: str) -> dt.date | None:
    """The date a caption ends with ("... in Ufa, Russia, July 9, 2015." -> 2015-07-09)."""
    m = _TRAILING_RE.search(text[-40:])
    if not m:
        return None
    g = m.groups()
    if g[0]:
        return _make(g[2], _month(g[0]), g[1])
    if g[3]:
        return _make(g[5], _month(g[4]), g[3])
    return _make(g[6], g[7], g[8])
