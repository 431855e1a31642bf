"""Quotations that go on past the sentence that says who speaks.

News prose attributes a quotation once and lets it run on: ``Mr Blair told a news conference: "It will be
a report that's brutally frank. ¶ "It's an ambitious project we have set ourselves."`` The second
sentence has no speech verb and no speaker, yet a coder reads it as Blair's statement (CAMEO 010), as the
hand-coded real-news sets do (their notes say "quotation continued, speaker from context").

:func:`continues_quote` tells, from a sentence's own text, whether it is wholly inside a quotation that
no speech verb of its own attributes: it opens with a quotation mark and nothing outside the quoted part
says who speaks, or it closes a quotation opened before it ("... that's the extra £1,400.\""). The coder
carries the last attributed speaker over such sentences (``Coder.code_segments``) and codes a sentence
that continues a quotation and yields no factual event as that speaker's statement
(``coder.quoted_statement``). Only double quotation marks count: BBC and Reuters headlines use single
ones as scare quotes.
"""
from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span

OPENING = frozenset('"“')
CLOSING = frozenset('"”')
MARKS = OPENING | CLOSING


def opens_inside(text: str) -> bool:
    """Does the sentence start inside a quotation: it opens with a quotation mark, or it closes one that
    an earlier sentence opened ('... that's the extra £1,400."', an odd number of marks, the last at the end)?"""
    marks = [ch for ch in text if ch in MARKS]
    return bool(marks) and (text.lstrip()[:1] in OPENING or (len(marks) % 2 == 1 and text.rstrip()[-1:] in CLOSING))


def quoted_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges of the sentence that lie inside quotation marks; a quotation the sentence closes
    without opening starts at 0, one it opens without closing runs to its end."""
    marks = [i for i, ch in enumerate(text) if ch in MARKS]
    if not marks:
        return []
    if text.lstrip()[:1] not in OPENING and len(marks) % 2 == 1 and text.rstrip()[-1:] in CLOSING:
        marks = [0, *marks]
    return [(marks[i], marks[i + 1] if i + 1 < len(marks) else len(text)) for i in range(0, len(marks), 2)]


def continues_quote(sent: Span, speech_lemmas: Collection[str]) -> bool:
    """Is the sentence inside a quotation begun earlier (or opened by it) and attributed by no speech verb
    of its own outside the quotation ("..., he said.", "Mr X said: ...")?"""
    if not opens_inside(sent.text):
        return False
    regions = quoted_regions(sent.text)
    base = sent.start_char

    def inside(tok) -> bool:
        at = tok.idx - base
        return any(lo <= at < hi for lo, hi in regions)

    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words or not any(inside(t) for t in words):
        return False
    return not any(t.lemma_.lower() in speech_lemmas and t.pos_ in {"VERB", "AUX"} and not inside(t) for t in words)
