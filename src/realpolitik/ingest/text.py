"""Plain text and Markdown: title detection, front matter, markup stripped down to paragraphs."""
from __future__ import annotations

import re

import yaml

from realpolitik.ingest.clean import Draft, squash
from realpolitik.ingest.dates import parse_date

_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)
_MD_HEADING_RE = re.compile(r"#{1,6}\s+(.*?)\s*#*\s*")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_MD_BULLET_RE = re.compile(r"(?:[-*+]|\d{1,3}[.)])\s+")
_MD_RULE_RE = re.compile(r"(?:[-*_]\s*){3,}")
_TITLE_END = tuple(".,;:")
# A headline does not end on these; a hard-wrapped first line often does.
_DANGLING = frozenset("a an the of to in on for with by at from and or but that as its their his her".split())
_HTML_HINT_RE = re.compile(r"<(?:p|div|br|figure|span|a|h[1-6]|li|article)\b[^>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True when a text field holds HTML markup (feeds and JSON exports often do)."""
    return "<" in text and _HTML_HINT_RE.search(text[:20000]) is not None


def _title_line(lines: list[str]) -> str | None:
    """The first line if it reads like a headline: short, not a sentence, set apart from the body."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    line = squash(lines[first])
    if len(line) > 200 or len(line.split()) > 25 or line.endswith(_TITLE_END):
        return None
    if line.rsplit(" ", 1)[-1].lower() in _DANGLING:
        return None
    following = lines[first + 1] if first + 1 < len(lines) else ""
    if following.strip() and following.strip()[0].islower():
        return None  # the first line of a hard-wrapped paragraph, not a headline
    has_blank = any(not line.strip() for line in lines[first + 1:])
    if not following.strip() or not has_blank:
        lines[first] = ""
        return line
    return None


def text_draft(text: str, path: str, *, detect_title: bool = True) -> Draft:
    """A plain-text article: optional headline on the first line, paragraphs separated by blank lines."""
    lines = text.split("\n")
    title = _title_line(lines) if detect_title else None
    return Draft(path=path, units=[("line", line) for line in lines], title=title)


def markdown_draft(text: str, path: str) -> Draft:
    """A Markdown article: front matter (title/date/source/url), a leading "# " heading as title."""
    meta: dict = {}
    m = _FRONT_MATTER_RE.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
            meta = loaded if isinstance(loaded, dict) else {}
        except yaml.YAMLError:
            meta = {}  # not front matter after all: keep going with the body
        text = text[m.end():]
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    units: list[tuple[str, str]] = []
    fenced = False
    for raw in text.split("\n"):
        line = raw.strip()
        if line.startswith("```"):
            fenced = not fenced
            continue
        if fenced or line.startswith("<!--"):
            continue
        heading = _MD_HEADING_RE.fullmatch(line)
        if heading:
            if title is None and raw.startswith("# ") and not any(u[1] for u in units):
                title = heading.group(1)
            else:
                units += [("line", ""), ("line", _inline(heading.group(1))), ("line", "")]
            continue
        image = _MD_IMAGE_RE.fullmatch(line)
        if image:
            if len(image.group(1).split()) >= 4:  # a real caption, not alt text like "photo"
                units.append(("caption", image.group(1)))
            continue
        if _MD_RULE_RE.fullmatch(line):
            units.append(("line", ""))
            continue
        line = line.lstrip(">").strip()
        bullet = _MD_BULLET_RE.match(line)
        if bullet:
            units.append(("line", ""))
            line = line[bullet.end():]
        units.append(("line", _inline(line)))
    draft = Draft(path=path, units=units, title=title)
    if meta:
        draft.date = parse_date(meta.get("date") or meta.get("published"))
        draft.date_source = "record" if draft.date else "unknown"
        draft.source = _str(meta.get("source") or meta.get("publisher"))
        draft.url = _str(meta.get("url") or meta.get("link"))
    return draft


def _inline(text: str) -> str:
    text = _MD_IMAGE_RE.sub(r"\1", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    return _MD_EMPHASIS_RE.sub(r"\2", text)


def _str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
