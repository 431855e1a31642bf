"""Request parameters, validated once for the pages and the API: a bad value is a 422 with a message.

Every checker raises :class:`BadParameter` (a RealpolitikError) naming the parameter; the app turns it into
a 422 page or JSON. Values that reach the query layer are plain, checked Python values.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from realpolitik.errors import RealpolitikError
from realpolitik.store.query import parse_bound

MAX_TEXT = 200
PER_PAGE = (10, 25, 50, 100, 200)
BY = ("day", "week", "month", "quarter", "year")
LEVELS = ("actor", "country")
ACTOR_KINDS = ("state", "person", "institution", "igo", "ngo", "faction", "group")  # records.Actor.kind
_EVENT_ID = re.compile(r"^[0-9A-Za-z_\-]{4,64}$")
_ACTOR_ID = re.compile(r"^[\w:.\-]{1,160}$")


class BadParameter(RealpolitikError):
    """A request parameter that cannot be used; the message names it."""


class NotFound(RealpolitikError):
    """An event, actor or scenario that does not exist."""


def text(name: str, value: str | None, limit: int = MAX_TEXT) -> str | None:
    """A free-text parameter: stripped, at most ``limit`` characters, no control characters; None if empty."""
    if value is None:
        return None
    v = value.strip()
    if not v:
        return None
    if len(v) > limit:
        raise BadParameter(f"{name}: at most {limit} characters")
    if any(ord(c) < 32 for c in v):
        raise BadParameter(f"{name}: control characters are not allowed")
    return v


def date_bound(name: str, value: str | None, end: bool) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD (kept as given for the page's links), checked by the store's own parser."""
    v = text(name, value, 10)
    if v is None:
        return None
    if not re.fullmatch(r"\d{4}(-\d{1,2}(-\d{1,2})?)?", v):
        raise BadParameter(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    try:
        day = parse_bound(v, end, name)
    except RealpolitikError as exc:
        raise BadParameter(str(exc)) from None
    if not dt.date(1000, 1, 1) <= day <= dt.date(2999, 12, 31):
        raise BadParameter(f"{name}: {value!r} is out of range")
    return v


def window(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """A checked since/until pair (since not after until)."""
    lo, hi = date_bound("since", since, False), date_bound("until", until, True)
    if lo and hi and parse_bound(lo, False, "since") > parse_bound(hi, True, "until"):
        raise BadParameter(f"since {lo} is after until {hi}")
    return lo, hi


def choice(name: str, value: str | None, options: tuple[str, ...], default: str) -> str:
    v = (value or "").strip().lower() or default
    if v not in options:
        raise BadParameter(f"{name}: {value!r} is not one of {', '.join(options)}")
    return v


def root(value: str | None) -> str | None:
    v = text("root", value, 2)
    if v is None:
        return None
    if not v.isdigit() or not 1 <= int(v) <= 20:
        raise BadParameter(f"root: {value!r} is not a CAMEO root code (01-20)")
    return v.zfill(2)


def quad(value: str | None) -> int | None:
    v = text("quad", value, 1)
    if v is None:
        return None
    if v not in ("1", "2", "3", "4"):
        raise BadParameter(f"quad: {value!r} is not a quad class (1 verbal cooperation … 4 material conflict)")
    return int(v)


def integer(name: str, value: str | int | None, default: int, lo: int, hi: int) -> int:
    if value is None or (isinstance(value, str) and not value.strip()):
        return default
    try:
        n = int(str(value).strip())
    except ValueError:
        raise BadParameter(f"{name}: {value!r} is not a whole number") from None
    if not lo <= n <= hi:
        raise BadParameter(f"{name}: {n} is outside {lo}–{hi}")
    return n


def event_id(value: str) -> str:
    if not _EVENT_ID.match(value or ""):
        raise BadParameter(f"event id: {value!r} is not an event id")
    return value


def mention_id(value: str | None) -> str | None:
    """A mention id (same form as an event id), or None."""
    v = text("mention", value, 64)
    if v is not None and not _EVENT_ID.match(v):
        raise BadParameter(f"mention: {value!r} is not a mention id")
    return v


def actor_id(value: str) -> str:
    if not _ACTOR_ID.match(value or ""):
        raise BadParameter(f"actor id: {value!r} is not an actor id")
    return value


def kind(value: str | None) -> str | None:
    """An actor kind, or None for all."""
    return choice("kind", value, ACTOR_KINDS, "") if text("kind", value, 20) else None


def flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class EventFilters:
    """The /events filters, checked; ``query()`` gives the store's keyword arguments, ``params()`` the URL's."""

    actor: str | None = None
    dyad: tuple[str, str] | None = None
    dyad_text: str | None = None
    root: str | None = None
    quad: int | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    all: bool = False
    names: dict[str, str] = field(default_factory=dict)

    def query(self) -> dict[str, Any]:
        return {"actor": self.actor, "dyad": self.dyad, "root": self.root, "quad": self.quad, "since": self.since,
                "until": self.until, "text": self.q, "include_hypothetical": self.all}

    def params(self) -> dict[str, str]:
        out = {"actor": self.actor, "dyad": self.dyad_text, "root": self.root,
               "quad": str(self.quad) if self.quad else None, "since": self.since, "until": self.until, "q": self.q,
               "all": "1" if self.all else None}
        return {k: v for k, v in out.items() if v}

    @property
    def active(self) -> bool:
        return bool(self.params())


def event_filters(store, actor=None, dyad=None, root_=None, quad_=None, since=None, until=None, q=None,
                  all_=None) -> EventFilters:
    """Check the /events filters; a dyad's sides must be actors or countries (see analysis.actors.resolve_key)."""
    from realpolitik.analysis.actors import resolve_key

    lo, hi = window(since, until)
    pair = None
    names: dict[str, str] = {}
    d = text("dyad", dyad)
    if d:
        parts = [p.strip() for p in d.split(",")]
        if len(parts) != 2 or not all(parts):
            raise BadParameter(f"dyad: expected two actors like IRN,RUS, got {dyad!r}")
        try:
            (ka, na), (kb, nb) = resolve_key(store, parts[0]), resolve_key(store, parts[1])
        except RealpolitikError as exc:
            raise BadParameter(f"dyad: {exc}") from None
        pair = (ka, kb)
        names = {ka: na, kb: nb}
    who = text("actor", actor)
    if who:
        try:
            resolve_key(store, who)
        except RealpolitikError as exc:  # not a stored actor: still fine if it matches a name in the events
            if not store.count_events(actor=who, include_hypothetical=True):
                raise BadParameter(str(exc)) from None
    return EventFilters(actor=who, dyad=pair, dyad_text=d, root=root(root_), quad=quad(quad_),
                        since=lo, until=hi, q=text("q", q), all=flag(all_), names=names)
