"""Cleaning: drop boilerplate lines, turn photo captions into caption segments, build the Document.

Input is a sequence of *units*: ``("line", text)`` for a raw line of text ("" = paragraph break) and
``("caption", text)`` for text already known to be a caption (an HTML <figcaption>).
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

from realpolitik import yamlfile
from realpolitik.ingest.dates import filename_date, trailing_date
from realpolitik.records import Document, IngestFailure, Segment

# A capitalised personal name of 2-5 words ("Alexei Nikolsky", "Ali al-Hashemi", "Jan van der Berg").
_NAME = r"(?!(?:The|A|An|In|On|At|Of|For|And|But|This|That)\s)[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|el|der|du|la|da|of|the)){1,4}"
# Characters that end a sentence or a complete line; a line ending otherwise may be hard-wrapped.
_TERMINAL = tuple(".!?:;\"”’)»…]")
_BULLET_RE = re.compile(r"[-*•–]\s")
# Zero-width characters, soft hyphens and BOMs vanish (a regex: str.translate is slow per line).
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\xad]")
_CAPTION_MAX_WORDS = 60
# The longest segment handed to spaCy. Its limit is 1,000,000 characters (E088), and its parser and NER take
# about 1 GB of scratch memory per 100,000 characters: a longer paragraph (a one-line dump, a huge record) is
# split at sentence ends, else at whitespace, else cut, so memory stays bounded and nothing is refused.
MAX_SEGMENT_CHARS = 100_000
# A "title" longer than this is not a headline: it is kept as body text.
MAX_TITLE_CHARS = 2_000
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class _Patterns:
    drop: re.Pattern[str]  # one named group per boilerplate family
    credit_source: str
    agency_words: frozenset[str]  # last words of agency names, lower case ("sputnik", "images")
    max_chars: int

    # compiled on first use (only a line with a credit cue needs them): 0.06-0.2 s off every cold start
    @functools.cached_property
    def credit(self) -> re.Pattern[str]:
        """A whole credit line."""
        return re.compile(self.credit_source)

    @functools.cached_property
    def tail(self) -> re.Pattern[str]:
        """A caption line ending with a credit."""
        return re.compile(rf"(?P<caption>.*?[.!?”\"’)])\s+(?:{self.credit_source})")


@functools.lru_cache(maxsize=1)
def patterns() -> _Patterns:
    """Compile boilerplate.yaml once."""
    spec = yamlfile.load(resources.files("realpolitik.ingest").joinpath("boilerplate.yaml").read_text("utf-8"))
    agencies = "|".join(spec["agencies"])

    def expand(p: str) -> str:
        return p.replace("{NAME}", _NAME).replace("{AGENCY}", f"(?i:{agencies})")

    groups = []
    for family, entry in spec["families"].items():
        body = "|".join(f"(?:{expand(p)})" for p in entry["patterns"])
        flags = "(?i:" if entry.get("ignore_case") else "(?:"
        groups.append(f"(?P<{family}>{flags}{body}))")
    credit = "|".join(f"(?:{expand(p)})" for p in spec["credit"]["patterns"])
    return _Patterns(
        drop=re.compile("|".join(groups)),
        credit_source=credit,
        agency_words=frozenset(a.replace("\\", "").split()[-1].lower() for a in spec["agencies"]),
        max_chars=int(spec.get("max_line_chars", 400)),
    )


def _credit_cue(tail: str) -> bool:
    """Cheap pre-check: every credit has a slash/bar/bracket, a credit word, or ends with an agency name."""
    if "/" in tail or "|" in tail or "(" in tail or "\\" in tail:
        return True
    low = tail.lower()
    if "photo" in low or "image" in low or "picture" in low or "credit" in low or " via " in low:
        return True
    return low.rsplit(" ", 1)[-1].strip(".)") in patterns().agency_words


def squash(text: str) -> str:
    """Collapse all whitespace (including no-break spaces) to single spaces and drop invisible characters."""
    return " ".join(_INVISIBLE_RE.sub("", text).split())


def boilerplate_family(line: str) -> str | None:
    """The boilerplate family a whole line belongs to ("paywall", "share", ...), or None if it is content."""
    pats = patterns()
    if len(line) > pats.max_chars:
        return None
    m = pats.drop.fullmatch(line)
    return m.lastgroup if m else None


def is_credit(line: str) -> bool:
    """True when the whole line is a photo credit ("Alexei Nikolsky / Sputnik", "(Photo: AFP)")."""
    pats = patterns()
    return len(line) <= 160 and _credit_cue(line) and pats.credit.fullmatch(line) is not None


def strip_credit(line: str) -> str | None:
    """The caption part of a short line that ends with a photo credit, or None if it has no credit."""
    pats = patterns()
    if len(line) > pats.max_chars or line.count(" ") >= _CAPTION_MAX_WORDS + 10 or not _credit_cue(line[-90:]):
        return None
    m = pats.tail.fullmatch(line)
    return m.group("caption") if m else None


def clean_caption(text: str) -> str | None:
    """A caption without its credit; None when nothing but credit/boilerplate is left."""
    lines = [squash(line) for line in text.split("\n")]
    kept = [line for line in lines if line and not is_credit(line) and not boilerplate_family(line)]
    if not kept:
        return None
    joined = " ".join(kept)
    return strip_credit(joined) or joined


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` continues a hard-wrapped paragraph whose last line is ``prev``."""
    if _BULLET_RE.match(line):
        return False
    if line[0].islower():
        return True
    return len(prev) >= 40 and not prev.endswith(_TERMINAL)


def clean_units(units: Iterable[tuple[str, str]], *, join_wrapped: bool = True) -> list[tuple[str, str]]:
    """Cleaned ``(kind, text)`` paragraphs: boilerplate dropped, credits dropped, captions marked."""
    out: list[tuple[str, str]] = []
    cur: list[str] = []

    def close() -> None:
        if cur:
            out.append(("body", " ".join(cur)))
            cur.clear()

    for kind, raw in units:
        if kind == "caption":
            close()
            caption = clean_caption(raw)
            if caption:
                out.append(("caption", caption))
            continue
        line = squash(raw)
        if not line:
            close()
            continue
        if cur and join_wrapped and _continues(cur[-1], line):
            cur.append(line)  # mid-sentence in hard-wrapped text: never boilerplate, whatever it looks like
            continue
        if is_credit(line):
            close()
            # The credit belongs to the picture whose caption is the short paragraph just before it.
            if out and out[-1][0] == "body" and out[-1][1].count(" ") < _CAPTION_MAX_WORDS:
                out[-1] = ("caption", out[-1][1])
            continue
        if boilerplate_family(line):
            continue
        caption = strip_credit(line)
        if caption:
            close()
            out.append(("caption", caption))
            continue
        close()
        cur.append(line)
    close()
    return out


def split_long(text: str, limit: int = MAX_SEGMENT_CHARS) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters, cut after the last sentence end in each window, else
    at the last whitespace, else (one endless token) at the limit itself; a short text is one piece."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit + 1]
        cut = 0
        for m in _SENTENCE_END_RE.finditer(window):
            cut = m.end()
        if cut < limit // 4:  # no sentence end in the last three quarters: whitespace will do
            spaces = [m.start() for m in _SPACE_RE.finditer(window)]
            cut = spaces[-1] + 1 if spaces and spaces[-1] > 0 else limit
        piece = text[start:start + cut].strip()
        if piece:
            pieces.append(piece)
        start += cut
    rest = text[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def doc_id(text: str) -> str:
    """Content hash of the cleaned text with whitespace collapsed (first 16 hex chars of sha256)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


@dataclass
class Draft:
    """What a reader found in one file or record, before cleaning and date precedence."""

    path: str
    units: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None
    date: dt.date | None = None
    date_source: str = "unknown"  # "record" | "feed" | "html-meta" when ``date`` is set
    source: str | None = None
    url: str | None = None
    join_wrapped: bool = True
    file_path: str | None = None  # the file name to look for a date in (path without "#N")


def build_document(draft: Draft, *, date: dt.date | None = None, source: str | None = None) -> Document | IngestFailure:
    """Clean a draft into a Document, applying date precedence: flag > record/feed/html-meta > file name."""
    paragraphs = clean_units(draft.units, join_wrapped=draft.join_wrapped)
    title = squash(draft.title) if draft.title else None
    # a title that reads as boilerplate (a byline or credit put in the title field) goes, unless it is all the
    # record holds: a headline-only record ("By Light IT Services Appraised at ...") is a headline, not a byline
    if title and paragraphs and (boilerplate_family(title) or is_credit(title)):
        title = None
    if title and len(title) > MAX_TITLE_CHARS:
        paragraphs.insert(0, ("body", title))
        title = None
    segments: list[Segment] = []
    seen: set[str] = set()
    if title:
        segments.append(Segment(0, "title", title))
        seen.add(title.casefold())
    for kind, text in paragraphs:
        key = text.casefold()
        if key in seen:  # extraction artefacts: the title repeated, a caption both in the figure and the body
            continue
        seen.add(key)
        seg_date = trailing_date(text) if kind == "caption" else None
        for piece in split_long(text):  # a paragraph too long for spaCy continues over several segments
            segments.append(Segment(len(segments), kind, piece, seg_date))
    if not any(s.kind != "title" for s in segments) and not title:
        return IngestFailure(draft.path, "no text left after removing boilerplate")
    if date is not None:
        doc_date, date_source = date, "flag"
    elif draft.date is not None:
        doc_date, date_source = draft.date, draft.date_source
    else:
        doc_date = filename_date(draft.file_path or draft.path)
        date_source = "filename" if doc_date else "unknown"
    segs = tuple(segments)
    return Document(
        doc_id=doc_id("\n\n".join(s.text for s in segs)),
        path=draft.path,
        segments=segs,
        title=title,
        date=doc_date,
        date_source=date_source,
        source=source or (squash(draft.source) if draft.source else None) or None,
        url=draft.url or None,
    )
