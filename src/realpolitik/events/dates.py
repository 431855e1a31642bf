"""When did an event happen? Resolve the date expression that governs a trigger against the article date.

Fast regular-expression rules find date phrases in the sentence; the dependency parse decides which of
them governs the trigger; ``dateparser`` is only a fallback for DATE entities the rules cannot read.
Conventions (weekdays, "last July", weeks, decades) are documented in docs/dates_modality.md.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from realpolitik.records import EventDate

__all__ = ["event_date", "find_dates", "DateMention", "PRECISIONS"]

PRECISIONS = ("day", "week", "month", "year", "unknown")

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}

# Month and weekday names are case-sensitive on purpose: "may" is a modal, "May" a month (or a person,
# which the entity check below rejects). Keywords are case-insensitive via scoped (?i:...) groups.
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
          r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)")
_MONTH_ABBR_OK = (r"(?P<month>January|February|March|April|May|June|July|August|September|October"
                  r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)")
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_WD = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_PREFIX = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_PART = r"(?:(?P<part>(?i:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of))[\s-]+)?"
_REL = r"(?:(?P<rel>(?i:last|next|this|coming|past))\s+)?"
_NUM = r"(?P<num>\d{1,3}|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty))"
_END = r"(?![\w-])"

# (kind, pattern) in priority order: on overlap the longer match wins, then the earlier pattern.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p)) for k, p in (
    ("iso", r"\b" + _YEAR + r"-(?P<mnum>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])\b"),
    ("slash", r"(?<![\d/.-])\b(?P<a>0?[1-9]|[12]\d|3[01])/(?P<b>0?[1-9]|[12]\d|3[01])/" + _YEAR + r"\b(?![/.-]\d)"),
    ("mdy", r"\b" + _WD_PREFIX + _MONTH_ABBR_OK + r"\s+" + _DAY + r",?\s+" + _YEAR + _END),
    ("dmy", r"\b" + _WD_PREFIX + r"(?:(?i:the)\s+)?" + _DAY + r"(?:\s+(?i:of))?\s+" + _MONTH_ABBR_OK
     + r",?\s+" + _YEAR + _END),
    ("md", r"\b" + _WD_PREFIX + _REL + _MONTH_ABBR_OK + r"\s+" + _DAY + r"(?![\w:%.,-]*\d)" + _END),
    ("dm", r"\b" + _WD_PREFIX + r"(?:(?i:the)\s+)?" + _DAY + r"(?:\s+(?i:of))?\s+" + _MONTH_ABBR_OK + _END),
    ("my", r"\b" + _PART + _MONTH + r",?\s+(?:(?i:of)\s+)?" + _YEAR + _END),
    ("month", r"\b" + _REL + _PART + _MONTH + r"(?![\w-])"),
    ("decade", r"\b(?:(?i:the)\s+)?" + _PART + r"(?P<decade>1[89]\d0|20\d0)'?s\b"),
    ("season", r"\b" + _PART + r"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+(?i:of))?\s+" + _YEAR + _END),
    ("year", r"(?<![\d/.-])\b" + _PART + _YEAR + r"(?:[-\u2013](?:\d{4}|\d\d)\b)?(?!\d|,\d|-\d|\s*%)" + _END),
    ("weekday", r"\b" + _REL + _WD + r"(?:\s+(?i:morning|afternoon|evening|night))?" + _END),
    ("deictic", r"\b(?P<deixis>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow"
     r"|earlier\s+today|later\s+today|this\s+(?:morning|afternoon|evening)|last\s+night))" + _END),
    ("unit", r"\b(?P<urel>(?i:last|this|next|earlier\s+this|later\s+this|early\s+this|late\s+this|over\s+the|the))"
     r"\s+(?P<unit>(?i:week|weekend|month|year))\b(?!\s*'s)"),
    ("ago", r"\b" + _NUM + r"\s+(?P<unit>(?i:days?|weeks?|months?|years?|decades?))\s+(?i:ago)\b"),
))

_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("digit",), "slash": ("digit",), "mdy": ("digit", "month"), "dmy": ("digit", "month"),
    "md": ("digit", "month"), "dm": ("digit", "month"), "my": ("digit", "month"), "month": ("month",),
    "decade": ("digit",), "season": ("digit",), "year": ("digit",), "weekday": ("day",), "deictic": (),
    "unit": (), "ago": ("ago",),
}
_DIGIT = re.compile(r"\d")
_MONTH_NAME = re.compile(r"January|February|March|April|May|June|July|August|September|October|November"
                         r"|December|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")

# Bare months, years and relative words that also occur outside dates need a cue word before them.
_CUE_WORDS = frozenset((
    "in", "on", "since", "until", "till", "by", "from", "during", "through", "before", "after", "of",
    "around", "as", "and", "to", "between", "throughout", "early", "mid", "late", "last", "next", "this",
    "at", "for", "'s",
))
_DETERMINERS = frozenset(("the", "its", "their", "his", "her", "our", "this", "that", "these", "those"))
_ABSOLUTE = frozenset(("iso", "slash", "mdy", "dmy", "my", "decade", "season", "year"))
_NON_DATE_ENTS = frozenset((
    "PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT", "MONEY",
    "PERCENT", "QUANTITY",
))
_NOMINAL_DEPS = frozenset(("compound", "amod", "nummod", "poss", "nmod", "appos", "det"))
_STOP_UP = frozenset(("relcl", "acl", "appos"))  # an event in a relative clause keeps its own time


@dataclass(frozen=True)
class DateMention:
    """A date phrase found in a sentence (char offsets relative to the sentence) and the token it modifies."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[tuple[str, str], ...]
    attach: int  # doc index of the governing token (-1 = none)
    nominal: bool  # modifies a noun ("the 2015 deal") rather than a clause
    since: bool  # introduced by "since"
    absolute: bool


def event_date(sent: Span, anchor: dt.date | None, trigger: Token | None = None,
               is_future: Callable[[Token], bool] | None = None) -> EventDate:
    """The date of the event whose trigger is ``trigger`` (default: the sentence root), given the article date.

    ``is_future(token)`` says whether the clause a date phrase modifies looks forward ("will meet on Monday"
    is the next Monday); the coder passes its modality step's answer. Without it every clause looks back."""
    if trigger is None:
        trigger = sent.root
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()  # arithmetic below must stay on dates
    scored = []
    for m in find_dates(sent):
        score = _score(m, trigger, sent)
        if score is not None:
            scored.append((score, abs(m.start + sent.start_char - trigger.idx), m))
    scored.sort(key=lambda x: (x[0], x[1]))
    for _, _, m in scored:
        if anchor is None and not m.absolute:
            continue  # a relative phrase means nothing without the article date
        # direction comes from the tense of the clause the date modifies, not the trigger's
        future = _direction_matters(m) and is_future is not None and is_future(sent.doc[m.attach])
        resolved = _resolve(m, anchor, future)
        if resolved is not None:
            date, precision, rule = resolved
            return EventDate(date, precision, m.text, "since" if m.since else rule)
    if anchor is None:
        return EventDate(None, "unknown", "", "no-anchor")
    return EventDate(anchor, "day", "", "article-date")


def find_dates(sent: Span) -> list[DateMention]:
    """Every date phrase in the sentence, with the token it attaches to; cached on the Doc."""
    # weak, not Doc.user_data: user_data is serialised with the Doc and must stay plain
    per_doc = _CACHE.get(sent.doc)
    if per_doc is None:
        # DATE entities once per Doc: Span.ents rescans the whole document on every call
        per_doc = _CACHE[sent.doc] = {"ents": [(e.start_char, e.end_char, e.text) for e in sent.doc.ents
                                                if e.label_ == "DATE"]}
    key = (sent.start, sent.end)
    if key not in per_doc:
        per_doc[key] = _find(sent, per_doc["ents"])
    return per_doc[key]


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _find(sent: Span, date_ents: list[tuple[int, int, str]]) -> list[DateMention]:
    text = sent.text
    if not _MAYBE_DATE.search(text):
        return []  # most sentences: one cheap scan, no per-pattern work
    lower = text.lower()
    have = {"digit": _DIGIT.search(text) is not None, "month": _MONTH_NAME.search(text) is not None}
    raw: list[tuple[int, int, int, str, re.Match[str]]] = []
    for prio, (kind, pat) in enumerate(_PATTERNS):
        # skip patterns whose required words are absent: scanning all of them costs more than parsing dates
        if not all(have[n] if n in have else n in lower for n in _NEEDS[kind]):
            continue
        for m in pat.finditer(text):
            raw.append((m.start(), m.end(), prio, kind, m))
    raw.sort(key=lambda r: (-(r[1] - r[0]), r[2], r[0]))
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for start, end, _, kind, m in raw:
        if any(start < e and s < end for s, e in taken):
            continue
        span = sent.char_span(start, end, alignment_mode="expand")
        if span is None or not _valid(kind, m, span, text, start):
            continue
        taken.append((start, end))
        out.append(_mention(kind, m, span, text, start, end))
    out.extend(_fallback_ents(sent, text, taken, date_ents))
    out.sort(key=lambda d: d.start)
    return out


_MAYBE_DATE = re.compile(
    r"\d{4}|[A-Z][a-z]+day\b|January|February|March|April|May|June|July|August|September|October"
    r"|November|December|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s*\d"
    r"|(?i:yesterday|today|tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)"
    r"|\b(?:week|weekend|month|year)\b|\bago\b)"
)


def _valid(kind: str, m: re.Match[str], span: Span, text: str, start: int) -> bool:
    """Reject matches that are part of a name ("Theresa May") or bare numbers/months without a date cue."""
    date_ent = False
    for tok in span:
        if tok.ent_type_ in _NON_DATE_ENTS:
            return False
        date_ent = date_ent or tok.ent_type_ in ("DATE", "TIME")
    if kind in ("year", "month") and not (m.group("part") or (kind == "month" and m.group("rel"))):
        # bare "2000" may be a count ("2000 troops"), bare "May" a name: want a DATE entity or a cue
        prev = _prev_word(text, start)
        if prev in _CUE_WORDS:
            return True
        root = span.root
        if kind == "year" and root.dep_ == "nummod" and root.head.tag_ == "NNS" and prev not in _DETERMINERS:
            return False  # "sent 2000 troops"; "the 2015 elections" keeps its determiner
        return date_ent
    if kind in ("deictic", "unit", "weekday") and _looks_like_a_title(kind, m, text, start):
        return False
    if kind == "unit":
        urel = m.group("urel").lower()
        if urel in ("the", "over the"):
            return m.group("unit").lower() == "weekend"  # "the year" alone is not a date
        if urel == "last" and _prev_word(text, start) in ("the", "for", "over", "during", "in"):
            return False  # "over the last year" is a duration, not a point in time
    if kind == "ago" and _prev_word(text, start) in ("than",):
        return False
    return True


def _looks_like_a_title(kind: str, m: re.Match[str], text: str, start: int) -> bool:
    """Programme and paper names: "Radio 4's Today", "the Sunday Telegraph", "Sky News' Sunday with ..."."""
    before = text[:start].rstrip()
    if before.endswith(("'s", "'", "\u2019s", "\u2019")):
        return True
    if kind == "weekday":
        nxt = _NEXT_WORD.match(text, m.end())
        return bool(nxt and not m.group("rel") and nxt.group(1) not in _MONTH_WORDS
                    and _prev_word(text, start) not in ("on", "since", "until", "till", "from", "early", "late"))
    # a capitalised "Today" / "Last week" is a date only where a sentence or quotation starts
    return m.group(0)[:1].isupper() and bool(before) and before[-1] not in "\"\u201c\u2018(:\u2014-"


_NEXT_WORD = re.compile(r" ([A-Z][a-z]+)")
_MONTH_WORDS = frozenset(m.capitalize() for m in _MONTHS) | {"Morning", "Afternoon", "Evening", "Night"}


def _prev_word(text: str, start: int) -> str:
    """The lower-cased word just before ``start`` ("" at sentence start)."""
    m = _PREV.search(text[max(0, start - 30):start])  # a short window: the regex is anchored at the end
    return m.group(1).lower() if m else ""


_PREV = re.compile(r"('s|[\w-]+)\W*$")


def _mention(kind: str, m: re.Match[str], span: Span, text: str, start: int, end: int) -> DateMention:
    root = span.root
    attach, nominal = _attachment(root)
    groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
    return DateMention(
        start=start, end=end, text=m.group(0), kind=kind, groups=groups, attach=attach, nominal=nominal,
        since=_prev_word(text, start) == "since", absolute=kind in _ABSOLUTE,
    )


def _attachment(root: Token) -> tuple[int, bool]:
    """The token a date phrase modifies: through its preposition ("on Monday") or directly ("Monday")."""
    tok = root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head  # "between 2005 and 2010": the second year hangs on the first
    if tok.dep_ in ("pobj", "pcomp") and tok.head.dep_ in ("prep", "agent") and tok.head.head.i != tok.head.i:
        gov = tok.head.head
        if gov.dep_ in ("nsubj", "nsubjpass") and gov.head.i > tok.i:
            return gov.head.i, False  # "Mr Blair on Sunday dismissed ...": people have no dates, events do
        return _lift(gov, tok.head.i), False
    if tok.head.i == tok.i:
        return tok.i, False  # the date is the clause root ("Monday was calm")
    if tok.dep_ in _NOMINAL_DEPS:
        return tok.head.i, True
    return _lift(tok.head, tok.i), False


def _lift(head: Token, first: int) -> int:
    """Re-attach "said on Friday it would ..." to "said": the parser often hangs the date on the clause after it."""
    if head.dep_ not in ("ccomp", "advcl") or head.head.i > first:
        return head.i
    for c in head.children:
        if c.dep_ in ("nsubj", "nsubjpass", "mark") and c.i > first:
            return head.head.i  # the date sits between the governing verb and the clause's subject
    return head.i


def _fallback_ents(sent: Span, text: str, taken: list[tuple[int, int]],
                   date_ents: list[tuple[int, int, str]]) -> list[DateMention]:
    """DATE entities the rules did not read; resolved by dateparser only if they look like a calendar date."""
    out = []
    for ent_start, ent_end, ent_text in date_ents:
        start, end = ent_start - sent.start_char, ent_end - sent.start_char
        if start < 0 or end > len(text) or any(start < e and s < end for s, e in taken):
            continue
        if not _DATEISH.search(ent_text):
            continue
        span = sent.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        attach, nominal = _attachment(span.root)
        out.append(DateMention(start, end, ent_text, "dateparser", (), attach, nominal,
                               _prev_word(text, start) == "since", absolute=bool(_YEARISH.search(ent_text))))
    return out


_DATEISH = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|"
                      r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d")


_YEARISH = re.compile(r"\b(?:1[89]|20)\d\d\b")


# ------------------------------------------------------------------ which date governs the trigger


def _score(m: DateMention, trigger: Token, sent: Span) -> int | None:
    """Lower is better: the trigger's own modifier, then its governing clauses, then its sub-clauses."""
    if m.attach < 0:
        return None
    doc = sent.doc
    attach = doc[m.attach]
    if attach.i == trigger.i:
        return 0
    if m.nominal:
        return None  # "withdrew from the 2015 deal": the year belongs to the deal, not the withdrawal
    # governing clauses: the trigger inherits the time of the clause it is embedded in
    tok, depth = trigger, 0
    while tok.head.i != tok.i and tok.dep_ not in _STOP_UP:
        tok, depth = tok.head, depth + 1
        if tok.i == attach.i:
            return depth
    # coordinated verbs and participial clauses without their own subject share the trigger's time
    # ("Speaking on Monday, Blair said"); other sub-clauses (reported speech, "agreed to meet on Monday")
    # have their own
    tok, depth = attach, 0
    while tok.head.i != tok.i and tok.dep_ in ("conj", "advcl") and not _own_subject_or_mark(tok):
        tok, depth = tok.head, depth + 1
        if tok.i == trigger.i:
            return 10 + depth
    if trigger.is_ancestor(attach):
        # a date hung on one of the trigger's own noun phrases ("meets Rouhani in Ufa, July 9, 2015")
        # is the event's; one inside a sub-clause (reported speech, "agreed to meet on Monday") is not
        return 5 if _noun_path(attach, trigger) else None
    # elsewhere in the sentence, unless inside a relative clause or apposition
    tok = attach
    while tok.head.i != tok.i:
        if tok.dep_ in _STOP_UP:
            return None
        tok = tok.head
    return 50


def _noun_path(tok: Token, trigger: Token) -> bool:
    """Is ``tok`` a noun reached from ``trigger`` through noun-phrase relations only (no clause boundary)?"""
    if tok.pos_ not in ("NOUN", "PROPN", "PRON", "NUM"):
        return False
    while tok.i != trigger.i:
        if tok.dep_ not in _NP_DEPS or tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


_NP_DEPS = frozenset(("dobj", "pobj", "prep", "appos", "nsubj", "nsubjpass", "attr", "conj", "dative", "agent",
                      "oprd", "npadvmod"))


def _own_subject_or_mark(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for c in tok.children)


def _direction_matters(m: DateMention) -> bool:
    return m.kind in ("md", "dm", "month", "weekday", "dateparser") or (m.kind == "unit" and dict(m.groups).get(
        "unit", "").lower() == "weekend")


# ------------------------------------------------------------------ resolution


def _resolve(m: DateMention, anchor: dt.date | None, future: bool) -> tuple[dt.date, str, str] | None:
    """(date, precision, rule) for a mention, or None when it cannot be resolved."""
    g = dict(m.groups)
    try:
        fn = _RESOLVERS[m.kind]
        return fn(g, anchor, future) if m.kind != "dateparser" else _dateparser(m.text, anchor, future)
    except (ValueError, OverflowError):
        return None  # "February 30", out-of-range arithmetic


def _month(g: dict[str, str]) -> int:
    return _MONTHS[g["month"].rstrip(".").lower()]


def _iso(g, anchor, future):
    return dt.date(int(g["year"]), int(g["mnum"]), int(g["day"])), "day", "explicit-date"


def _slash(g, anchor, future):
    a, b = int(g["a"]), int(g["b"])
    month, day = (b, a) if a > 12 else (a, b)  # US month/day unless the first number cannot be a month
    return dt.date(int(g["year"]), month, day), "day", "explicit-date"


def _full(g, anchor, future):
    return dt.date(int(g["year"]), _month(g), int(g["day"])), "day", "explicit-date"


def _month_day(g, anchor, future):
    if anchor is None:
        return None
    month, day = _month(g), int(g["day"])
    rel = (g.get("rel") or "").lower()
    year = anchor.year
    if rel in ("next", "coming") or (future and rel != "last"):
        if (month, day) < (anchor.month, anchor.day) or (rel in ("next", "coming") and (month, day) == (anchor.month, anchor.day)):
            year += 1
    elif (month, day) > (anchor.month, anchor.day) or (rel == "last" and (month, day) == (anchor.month, anchor.day)):
        year -= 1
    return dt.date(year, month, day), "day", "month-day"


def _month_year(g, anchor, future):
    return dt.date(int(g["year"]), _month(g), 1), "month", "month-year"


def _bare_month(g, anchor, future):
    if anchor is None:
        return None
    month = _month(g)
    rel = (g.get("rel") or "").lower()
    year = anchor.year
    if rel == "last" or rel == "past":
        year -= month >= anchor.month  # strictly before the article's month
        return dt.date(year, month, 1), "month", "last-month-name"
    if rel in ("next", "coming"):
        year += month <= anchor.month
        return dt.date(year, month, 1), "month", "next-month-name"
    if rel == "this":
        return dt.date(year, month, 1), "month", "this-month-name"
    if future:
        year += month < anchor.month
    else:
        year -= month > anchor.month  # the most recent such month not after the article's month
    return dt.date(year, month, 1), "month", "month-name"


def _decade(g, anchor, future):
    return dt.date(int(g["decade"]), 1, 1), "year", "decade"


def _season(g, anchor, future):
    return dt.date(int(g["year"]), 1, 1), "year", "season-year"


def _year(g, anchor, future):
    return dt.date(int(g["year"]), 1, 1), "year", "year"


def _weekday(g, anchor, future):
    if anchor is None:
        return None
    wd = _WEEKDAYS[g["weekday"].lower()]
    rel = (g.get("rel") or "").lower()
    back = (anchor.weekday() - wd) % 7  # days back to the most recent such weekday, 0 = the article day
    ahead = (wd - anchor.weekday()) % 7
    if rel in ("last", "past"):
        return anchor - dt.timedelta(days=back or 7), "day", "last-weekday"
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=ahead or 7), "day", "next-weekday"
    if future:
        return anchor + dt.timedelta(days=ahead), "day", "weekday-future"
    return anchor - dt.timedelta(days=back), "day", "weekday"


_DEICTIC = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "earlier today": 0, "later today": 0,
            "this morning": 0, "this afternoon": 0, "this evening": 0, "last night": -1,
            "the day before yesterday": -2}


def _deictic(g, anchor, future):
    if anchor is None:
        return None
    word = " ".join(g["deixis"].lower().split())
    return anchor + dt.timedelta(days=_DEICTIC[word]), "day", word.replace(" ", "-")


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _add_months(d: dt.date, n: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + n
    return dt.date(idx // 12, idx % 12 + 1, 1)


def _unit(g, anchor, future):
    if anchor is None:
        return None
    rel = " ".join(g["urel"].lower().split())
    unit = g["unit"].lower()
    step = {"last": -1, "next": 1}.get(rel, 0)
    tag = {"last": "last", "next": "next"}.get(rel, "this")
    if unit == "week":
        return _monday(anchor) + dt.timedelta(weeks=step), "week", f"{tag}-week"
    if unit == "month":
        return _add_months(anchor, step), "month", f"{tag}-month"
    if unit == "year":
        return dt.date(anchor.year + step, 1, 1), "year", f"{tag}-year"
    # weekend: the Saturday before the article date (after it when "next" or future tense)
    back = (anchor.weekday() - 5) % 7
    if rel == "next" or (future and rel != "last"):
        return anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7), "day", "weekend"
    return anchor - dt.timedelta(days=back or 7), "day", "weekend"


def _ago(g, anchor, future):
    if anchor is None:
        return None
    raw = g["num"].lower()
    n = int(raw) if raw.isdigit() else _NUMBERS[raw]
    unit = g["unit"].lower().rstrip("s")
    if unit == "day":
        return anchor - dt.timedelta(days=n), "day", "ago"
    if unit == "week":
        return _monday(anchor - dt.timedelta(weeks=n)), "week", "ago"
    if unit == "month":
        return _add_months(anchor, -n), "month", "ago"
    years = n * (10 if unit == "decade" else 1)
    return dt.date(anchor.year - years, 1, 1), "year", "ago"


_RESOLVERS = {
    "iso": _iso, "slash": _slash, "mdy": _full, "dmy": _full, "md": _month_day, "dm": _month_day, "my": _month_year,
    "month": _bare_month, "decade": _decade, "season": _season, "year": _year, "weekday": _weekday,
    "deictic": _deictic, "unit": _unit, "ago": _ago, "dateparser": None,
}


@functools.lru_cache(maxsize=4096)
def _dateparser(text: str, anchor: dt.date | None, future: bool) -> tuple[dt.date, str, str] | None:
    """Last resort for DATE entities the rules cannot read; slow, hence cached and rarely reached."""
    from dateparser.date import DateDataParser

    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if anchor is not None:
        settings["RELATIVE_BASE"] = dt.datetime(anchor.year, anchor.month, anchor.day)
    data = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    period = data.period if data.period in ("day", "week", "month", "year") else "day"
    d = data.date_obj.date()
    if period == "month":
        d = d.replace(day=1)
    elif period == "year":
        d = d.replace(month=1, day=1)
    elif period == "week":
        d = _monday(d)
    return d, period, "dateparser"
