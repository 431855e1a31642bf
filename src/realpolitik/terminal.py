"""Showing user-supplied strings (file names, actor names, sentences) on a terminal without letting them in.

A file name may hold Rich markup (``[bold]x.txt``, ``[/bar]``), newlines, ESC sequences or bidi overrides.
``printable`` turns every control or direction-changing character into a visible escape (``\\n``, ``\\x1b``),
so one record stays on one line and nothing reaches the terminal raw; ``safe`` also escapes Rich markup, for
strings printed through a Rich console or table. Every stage may import this (like ``errors``).
"""
from __future__ import annotations

import re

# C0 controls (newline and tab included: a failure line stays one line), DEL, C1 controls, and the Unicode
# bidi embeddings/overrides/isolates and line/paragraph separators that reorder or break what is shown.
_UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape_char(m: re.Match[str]) -> str:
    ch = m.group(0)
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(value: object) -> str:
    """``str(value)`` with control and bidi characters shown as escapes (for plain, non-Rich output)."""
    return _UNPRINTABLE_RE.sub(_escape_char, str(value))


def safe(value: object) -> str:
    """``printable(value)`` with Rich markup escaped: print it through a Rich console or table as it is."""
    from rich.markup import escape

    return escape(printable(value))
