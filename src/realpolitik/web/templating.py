"""Jinja2 filters and globals the templates share (number formats, quad classes, CAMEO names, links)."""
from __future__ import annotations

import math
from typing import Any
from urllib.parse import quote, urlencode

from realpolitik import __version__
from realpolitik.web.views import QUAD_NAMES


def _num(v: Any, digits: int = 2, sign: bool = True) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if isinstance(v, float):
        return f"{v:+.{digits}f}" if sign else f"{v:.{digits}f}"
    return f"{v:,}" if isinstance(v, int) else str(v)


def _tone(v: Any) -> str:
    """CSS class of a Goldstein score or cc index: cooperative, conflictual or neutral."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "tone-none"
    return "tone-coop" if v > 0.05 else "tone-conflict" if v < -0.05 else "tone-neutral"


def _cameo_name(code: str | None) -> str:
    from realpolitik.events.codebook import cameo_codes

    c = cameo_codes().get(code or "")
    return c.name if c else ""


def _highlight(text: str | None, q: str | None):
    """``text`` escaped, with the words of a search ``q`` marked (case-insensitive, as the search matches)."""
    import re

    from markupsafe import Markup, escape

    from realpolitik.store.query import search_words

    if not text:
        return ""
    words = search_words(q) if q else []
    if not words:
        return escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(Markup("<mark>") + escape(m.group(0)) + Markup("</mark>"))
        pos = m.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _url(path: str, **params: Any) -> str:
    """A path with the given query parameters (empty ones left out)."""
    clean = {k: v for k, v in params.items() if v not in (None, "", False)}
    return path + ("?" + urlencode(clean) if clean else "")


def _seg(value: str) -> str:
    """One path segment, escaped (actor ids hold ':')."""
    return quote(str(value), safe=":")


def setup(templates):
    env = templates.env
    env.filters.update(num=_num, tone=_tone, cameo_name=_cameo_name, seg=_seg, highlight=_highlight,
                       quad_name=lambda q: QUAD_NAMES.get(q, ""))
    env.globals.update(url=_url, version=__version__, quad_names=QUAD_NAMES)
    env.trim_blocks = True
    env.lstrip_blocks = True
    return templates
