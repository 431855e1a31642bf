"""HTML: main text via trafilatura, captions and metadata (date, title, outlet, URL) via lxml."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from realpolitik.ingest.clean import squash
from realpolitik.ingest.dates import parse_date

if TYPE_CHECKING:  # lxml is imported when a page is parsed: `realpolitik code` and plain text never need it
    from lxml import html as lhtml

# <meta> names/properties that carry the publication date, most trusted first.
_META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "article.published",
    "pubdate", "publishdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date",
    "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
    "og:published_time", "article:modified_time",
)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CAPTION_XPATH = (
    "//figcaption | //*[@itemprop='caption'] | "
    "//*[contains(concat(' ', normalize-space(@class), ' '), ' wp-caption-text ')]"
)
# Inside a caption: elements that hold the photo credit rather than the caption.
_CREDIT_CLASS_RE = re.compile(r"credit|copyright|photographer|byline|attribution|source", re.I)
_NOT_ARTICLE = {"nav", "aside", "footer", "header", "form"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "td", "th", "dd", "dt", "dl", "figure", "figcaption", "header",
    "footer", "aside", "nav", "br", "hr", "address", "center",
}
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "button", "select", "textarea")
_MIN_TRAFILATURA_CHARS = 200


@dataclass
class HtmlParts:
    """What an HTML page or fragment yields: text units for cleaning plus metadata."""

    units: list[tuple[str, str]] = field(default_factory=list)
    title: str | None = None
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None


def parse(markup: str) -> lhtml.HtmlElement | None:
    """An lxml tree for a page or a fragment; None if lxml finds nothing in it."""
    from lxml import etree
    from lxml import html as lhtml

    markup = _XML_DECL_RE.sub("", markup, count=1)  # lxml refuses str input with an encoding declaration
    try:
        return lhtml.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def extract_page(markup: str) -> HtmlParts:
    """A full page: metadata and captions with lxml, then the main text with trafilatura."""
    tree = parse(markup)
    if tree is None:
        return HtmlParts()
    parts = HtmlParts()
    _metadata(tree, parts)
    captions = _captions(tree)
    paragraphs = _trafilatura(tree, markup, need_meta=parts.date is None, parts=parts)
    if not paragraphs:
        fallback = parse(markup)
        paragraphs = _block_text(fallback) if fallback is not None else []
    if parts.title and paragraphs and squash(paragraphs[0]).casefold() == parts.title.casefold():
        paragraphs = paragraphs[1:]  # trafilatura repeats the <h1>
    parts.units = _merge(paragraphs, captions)
    return parts


def extract_fragment(markup: str) -> HtmlParts:
    """An HTML fragment (feed entry, JSON field): block text and captions without trafilatura."""
    tree = parse(markup)
    parts = HtmlParts()
    if tree is None:
        return parts
    captions = _captions(tree)
    parts.units = _merge(_block_text(tree, skip_captions=True), captions)
    return parts


# ---------------------------------------------------------------- metadata


def _metadata(tree: lhtml.HtmlElement, parts: HtmlParts) -> None:
    metas: dict[str, str] = {}
    for m in tree.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        content = m.get("content")
        if key and content and key not in metas:
            metas[key] = content.strip()
    ld = _json_ld(tree)
    for key in _META_DATE_KEYS:
        if key in metas and (found := parse_date(metas[key])):
            parts.date = found
            break
    if parts.date is None and ld.get("datePublished"):
        parts.date = parse_date(ld["datePublished"])
    if parts.date is None and ld.get("dateCreated"):
        parts.date = parse_date(ld["dateCreated"])
    if parts.date is None:
        parts.date = _time_element(tree)
    h1 = [squash(h.text_content()) for h in tree.iter("h1")]
    title = h1[0] if len(h1) == 1 and h1[0] else metas.get("og:title") or ld.get("headline")
    if not title:
        node = tree.find(".//title")
        title = node.text_content() if node is not None else None
    parts.title = squash(title) if title else None
    parts.source = metas.get("og:site_name") or ld.get("publisher")
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    parts.url = metas.get("og:url") or (canonical[0] if canonical else None)


def _json_ld(tree: lhtml.HtmlElement) -> dict[str, str]:
    """First datePublished / dateCreated / headline / publisher name found in any JSON-LD block."""
    found: dict[str, str] = {}

    def walk(node: Any, depth: int = 0) -> None:
        if depth > 6:
            return
        if isinstance(node, list):
            for item in node:
                walk(item, depth + 1)
        elif isinstance(node, dict):
            for key in ("datePublished", "dateCreated", "headline"):
                if isinstance(node.get(key), str) and key not in found:
                    found[key] = node[key]
            pub = node.get("publisher")
            if isinstance(pub, dict) and isinstance(pub.get("name"), str) and "publisher" not in found:
                found["publisher"] = pub["name"]
            for value in node.values():
                if isinstance(value, (dict, list)):
                    walk(value, depth + 1)

    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            walk(json.loads(script.text or ""))
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common; the other date sources still apply
    return found


def _time_element(tree: lhtml.HtmlElement) -> dt.date | None:
    """The <time datetime> marked as publication time, else the first one in the article."""
    times = tree.xpath("//time[@datetime]")
    preferred = [
        t for t in times
        if t.get("itemprop") == "datePublished" or t.get("pubdate") is not None
        or "publish" in (t.get("class") or "").lower()
    ]
    in_article = [t for t in times if t.xpath("ancestor::article or ancestor::main")]
    for t in preferred + in_article + times:
        found = parse_date(t.get("datetime"))
        if found:
            return found
    return None


# ---------------------------------------------------------------- text


def _caption_text(node: lhtml.HtmlElement) -> str:
    """Caption text without nested credit elements (<span class="credit">, <cite>, <small>); lines kept."""
    pieces: list[str] = []

    def walk(el: lhtml.HtmlElement, top: bool) -> None:
        skip = not top and (el.tag in ("cite", "small") or _CREDIT_CLASS_RE.search(el.get("class") or ""))
        if not skip:
            if el.text:
                pieces.append(el.text)
            for child in el:
                if isinstance(child.tag, str):
                    if child.tag in _BLOCK_TAGS:
                        pieces.append("\n")  # <br>Credit line: keep lines apart so the credit can be dropped
                    walk(child, False)
                if child.tail:
                    pieces.append(child.tail)

    walk(node, True)
    return "\n".join(line for line in (squash(p) for p in "".join(pieces).split("\n")) if line)


def _captions(tree: lhtml.HtmlElement) -> list[tuple[str | None, str]]:
    """(text of the paragraph before the picture, caption text) for captions outside nav/aside/footer."""
    out: list[tuple[str | None, str]] = []
    seen: set[str] = set()
    for node in tree.xpath(_CAPTION_XPATH):
        if any(a.tag in _NOT_ARTICLE for a in node.iterancestors()):
            continue
        text = _caption_text(node)
        if not text or text in seen:
            continue
        seen.add(text)
        before = node.xpath("preceding::p[1]")
        anchor = squash(before[0].text_content()) if before else None
        out.append((anchor, text))
    return out


def _merge(paragraphs: list[str], captions: list[tuple[str | None, str]]) -> list[tuple[str, str]]:
    """Units in reading order: each caption goes after the paragraph that precedes its picture."""
    keys = [squash(p)[:80] for p in paragraphs]
    after: dict[int, list[str]] = {}
    for anchor, text in captions:
        index = -1
        if anchor:
            head = anchor[:80]
            index = next((i for i, k in enumerate(keys) if k and (k == head or k.startswith(head[:40]))), -1)
        after.setdefault(index, []).append(text)
    units: list[tuple[str, str]] = [("caption", t) for t in after.get(-1, [])]
    for i, para in enumerate(paragraphs):
        units.append(("line", para))
        units.append(("line", ""))
        units.extend(("caption", t) for t in after.get(i, []))
    return units


def _trafilatura(tree: lhtml.HtmlElement, markup: str, *, need_meta: bool, parts: HtmlParts) -> list[str]:
    """Main-text paragraphs by trafilatura: the fast mode first, the full one if that finds too little."""
    import trafilatura  # lazy: importing it costs ~0.4 s, and plain text never needs it

    result = None
    for fast in (True, False):
        if not fast:
            tree = parse(markup)  # trafilatura mutates the tree it is given
            if tree is None:
                break
        try:
            result = trafilatura.bare_extraction(
                tree, fast=fast, include_comments=False, include_tables=False,
                include_images=False, with_metadata=need_meta, deduplicate=False,
            )
        except Exception:  # trafilatura can fail on pathological markup; the lxml fallback takes over
            result = None
        if result is not None and len(result.text or "") >= _MIN_TRAFILATURA_CHARS:
            break
    if result is None or len(result.text or "") < _MIN_TRAFILATURA_CHARS:
        return []  # too little to trust (often the nav menu): the caller falls back to the page's blocks
    if need_meta and parts.date is None and result.date:
        parts.date = parse_date(result.date)
    return [line for line in result.text.split("\n") if line.strip()]


def _block_text(tree: lhtml.HtmlElement, *, skip_captions: bool = False) -> list[str]:
    """Paragraphs from block elements, skipping scripts, navigation and (optionally) captions."""
    for el in tree.xpath("|".join(f"//{tag}" for tag in _DROP_TAGS)):
        el.drop_tree()
    drop = "//nav|//aside|//footer|//form" + ("|//figcaption" if skip_captions else "")
    for el in tree.xpath(drop):
        if el.getparent() is not None:
            el.drop_tree()
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            if el.tag != "br":
                el.text = "\n" + (el.text or "")
    body = tree.find("body")
    text = (body if body is not None else tree).text_content()
    return [line for line in (squash(t) for t in text.split("\n")) if line]
