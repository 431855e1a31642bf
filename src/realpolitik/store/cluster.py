"""One event per happening: coded mentions of the same real-world event, across sentences and articles,
are joined into one event (GDELT's events vs. mentions).

Two mentions are **linked** when all of these hold (``linked``):
- same dyad: the same two sides (by country, or by actor for IGOs and domestic pairs); both directions when
  either code is symmetric (meet, negotiate, sign, cooperate, clash — the lexicon's ``symmetric``) or for
  a visit told from the host's side (042 / 043);
- compatible codes: the same CAMEO root, and the same factual status (a hypothetical or negated mention
  never joins a fact);
- dates within a window set by their precision: two day dates at most a day apart (wire stories appear the
  day after), week dates within 7 days, coarser dates only with the same month or year at the same precision;
  undated mentions only within one article;
- no conflicting place: two action locations in different countries, or two cities 50 km apart, are two
  happenings;
- similar sentences: wordllama cosine similarity at least ``SIM_SAME_CODE`` (the same code, or one the parent
  of the other) or ``SIM_SAME_ROOT`` (only the root shared) for meetings, agreements and material acts, and
  ``SIM_VERBAL`` (near-identical reports) for other verbal acts and acts with no target; within one
  sentence only a symmetric act told both ways ("A and B met").

An event is a connected group of linked mentions, so the result depends only on the set of mentions, not on
the order the articles came in; ingesting more articles can only join mentions to events (or merge two
events a new mention links), never split one. Its ``event_id`` is the smallest ``mention_id`` of its
mentions, and its row is rebuilt from them: counts, first/last seen, and the representative mention (a
title, lead or caption first, then the most precise date, then the earliest article) whose fields the
event row carries.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import duckdb
import numpy as np

from realpolitik.store import values

SIM_SAME_CODE = 0.50  # hand-set on sentences we wrote (paraphrases 0.56-0.80; see docs/columns.md)
SIM_SAME_ROOT = 0.75
# Statements, appeals, praise, demands, criticism ... (verbal acts other than meetings and agreements), and
# acts with no target: a speaker says many such things in a day; only near-identical reports are one.
SIM_VERBAL = 0.85
HAPPENING_CODES = ("04", "057", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20")
MAX_CITY_KM = 50.0
LEAD_SENTENCES = 2  # the first sentences of the first body paragraph are its lead (GDELT's IsRootEvent)
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}
_MIRRORS = {("042", "043"), ("043", "042")}


@functools.lru_cache(maxsize=1)
def symmetric_codes() -> frozenset[str]:
    """CAMEO codes the trigger lexicon marks symmetric ("A and B met": both directions)."""
    from realpolitik.events.triggers import lexicon

    return frozenset(e.cameo for entries in lexicon().values() for e in entries if e.symmetric)


def side_key(country: Any, actor_id: Any, code: Any) -> str:
    """A side of the dyad: its country, else its actor (IGOs, unplaced groups); '-' for no actor."""
    return str(country or actor_id or code or "-")


def cluster_key(row: dict[str, Any]) -> str:
    """Mentions that may be one happening share this key: root, unordered dyad, factual status."""
    a = side_key(row.get("source_country"), row.get("source_actor_id"), row.get("source_code"))
    b = side_key(row.get("target_country"), row.get("target_actor_id"), row.get("target_code"))
    if a == b:  # a domestic pair (government vs. rebels) is told apart by actor codes
        a, b = str(row.get("source_code") or a), str(row.get("target_code") or b)
    flags = ("H" if row.get("is_hypothetical") else "") + ("N" if row.get("is_negated") else "")
    lo, hi = sorted((a, b))
    return f"{row.get('cameo_root')}|{lo}|{hi}|{flags}"


@dataclass
class Mention:
    """What linking needs to know about one stored mention."""

    mention_id: str
    event_id: str
    doc_id: str
    sentence_id: str
    key: str
    direction: tuple[str, str]
    cameo: str
    date: dt.date | None
    precision: str
    country: str | None  # action_geo_country
    city: tuple[float, float] | None  # action point when it is a city or site
    text: str
    vec: np.ndarray | None = None


def _date_window(a: Mention, b: Mention) -> bool:
    if a.date is None or b.date is None:
        return a.doc_id == b.doc_id
    pa_, pb = a.precision, b.precision
    gap = abs((a.date - b.date).days)
    if pa_ == "day" and pb == "day":
        return gap <= 1
    if {pa_, pb} <= {"day", "week"}:
        return gap <= 7
    if pa_ != pb:
        return False
    if pa_ == "month":
        return (a.date.year, a.date.month) == (b.date.year, b.date.month)
    if pa_ == "year":
        return a.date.year == b.date.year
    return a.doc_id == b.doc_id


class _Reach:
    """The mentions of one cluster key indexed by what ``_date_window`` compares: ``of(m)`` is every mention whose
    date ``m``'s can reach (its own article's, those a week either side of a day or week date, of the same month
    or year), in pool order — all that ``similarity_needed`` can link, without testing every pair of the key
    (quadratic in a batch: 275k pairs for 100 BBC articles)."""

    def __init__(self, ms: list[Mention]) -> None:
        self.ms = ms
        self.by_doc: dict[str, list[int]] = defaultdict(list)
        self.near: list[tuple[int, int]] = []  # (day number, index) of day and week dates
        self.by_month: dict[tuple[int, int], list[int]] = defaultdict(list)
        self.by_year: dict[int, list[int]] = defaultdict(list)
        for i, m in enumerate(ms):
            self.by_doc[m.doc_id].append(i)
            if m.date is None:
                continue
            if m.precision in ("day", "week"):
                self.near.append((m.date.toordinal(), i))
            elif m.precision == "month":
                self.by_month[(m.date.year, m.date.month)].append(i)
            elif m.precision == "year":
                self.by_year[m.date.year].append(i)
        self.near.sort()

    def of(self, m: Mention) -> list[Mention]:
        found = set(self.by_doc.get(m.doc_id, ()))
        if m.date is not None:
            if m.precision in ("day", "week"):
                day = m.date.toordinal()
                lo = bisect.bisect_left(self.near, (day - 7, -1))
                hi = bisect.bisect_right(self.near, (day + 7, len(self.ms)))
                found.update(i for _, i in self.near[lo:hi])
            elif m.precision == "month":
                found.update(self.by_month.get((m.date.year, m.date.month), ()))
            elif m.precision == "year":
                found.update(self.by_year.get(m.date.year, ()))
        return [self.ms[i] for i in sorted(found)]


def _km(p: tuple[float, float], q: tuple[float, float]) -> float:
    la1, la2 = math.radians(p[0]), math.radians(q[0])
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(math.radians(q[1] - p[1]) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def similarity_needed(a: Mention, b: Mention) -> float | None:
    """The sentence similarity two mentions need to be linked, 0 when they are linked without it, None when no
    similarity links them (every rule of the module docstring but the similarity itself, which costs an
    embedding: ``assign`` embeds only the mentions some pair needs)."""
    if a.key != b.key:
        return None
    if a.direction != b.direction:
        sym = symmetric_codes()
        if not (a.cameo in sym or b.cameo in sym or (a.cameo[:3], b.cameo[:3]) in _MIRRORS):
            return None
    if not _date_window(a, b):
        return None
    if a.country and b.country and a.country != b.country:
        return None
    if a.city and b.city and _km(a.city, b.city) > MAX_CITY_KM:
        return None
    close = a.cameo.startswith(b.cameo) or b.cameo.startswith(a.cameo)
    if a.sentence_id == b.sentence_id:
        return 0.0 if close and a.direction != b.direction else None  # "A and B met": one meeting told both ways
    verbal = not (a.cameo.startswith(HAPPENING_CODES) and b.cameo.startswith(HAPPENING_CODES))
    if verbal or "-" in a.direction or "-" in b.direction:
        return SIM_VERBAL
    return SIM_SAME_CODE if close else SIM_SAME_ROOT


def linked(a: Mention, b: Mention) -> bool:
    """Whether two mentions tell the same happening (the rules in the module docstring)."""
    need = similarity_needed(a, b)
    if need is None:
        return False
    return need == 0.0 or float(a.vec @ b.vec) >= need


def date_span(m: Mention) -> tuple[dt.date, dt.date] | None:
    """The dates a mention linked to ``m`` can have (``_date_window``): a week either side of a day or week date,
    the month of a month date, the year of a year date; None when only its own article can hold one."""
    if m.date is None or m.precision not in ("day", "week", "month", "year"):
        return None
    d = m.date
    if m.precision in ("day", "week"):
        return d - dt.timedelta(days=7), d + dt.timedelta(days=7)
    if m.precision == "month":
        nxt = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return d.replace(day=1), nxt - dt.timedelta(days=1)
    return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)


_MENTION_COLS = """m.mention_id, m.event_id, m.doc_id, m.sentence_id, m.cluster_key, m.source_country,
       m.source_actor_id, m.source_code, m.target_country, m.target_actor_id, m.target_code, m.cameo, m.date,
       m.date_precision, m.action_geo_country, m.action_geo_type, m.action_geo_lat, m.action_geo_lon"""


def _in_list(values: list[str]) -> str:
    """A SQL list of string literals: ``col IN (...)`` on a key column is a primary-key index lookup, whose cost
    does not grow with the table (a join against a registered table scans it)."""
    return "(" + ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) + ")"


def _texts(con: duckdb.DuckDBPyConnection, sentence_ids: list[str], chunk: int = 2000) -> dict[str, str]:
    ids = sorted(set(sentence_ids))
    out: dict[str, str] = {}
    for i in range(0, len(ids), chunk):
        out.update(con.execute(f"SELECT sentence_id, text FROM sentences WHERE sentence_id IN "
                               f"{_in_list(ids[i:i + chunk])}").fetchall())
    return out


def _mention(r: tuple) -> Mention:
    (mid, eid, doc, sid, key, sc, sa, scode, tc, ta, tcode, cameo, date, prec, gc, gtype, lat, lon, *rest) = r
    text = rest[0] if rest else ""
    city = (lat, lon) if gtype in ("city", "site") and lat is not None else None
    return Mention(mid, eid, doc, sid, key, (side_key(sc, sa, scode), side_key(tc, ta, tcode)), cameo, date,
                   prec or "unknown", gc, city, text or "")


def _embed(mentions: list[Mention]) -> None:
    from realpolitik.events.embed import embed

    todo = [m for m in mentions if m.vec is None]
    if not todo:
        return
    vecs = embed([m.text for m in todo])
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    vecs = vecs / np.where(norms == 0, 1, norms)
    for m, v in zip(todo, vecs):
        m.vec = v


def _ids(con: duckdb.DuckDBPyConnection, name: str, ids: list[str]):
    """A temporary table ``name`` of the distinct ``ids`` (column ``v``), for the queries of a ``with`` block."""
    return values.temp_table(con, name, [("v", "VARCHAR")], [sorted(set(ids))])


def assign(con: duckdb.DuckDBPyConnection, new_ids: list[str]) -> int:
    """Join the just-inserted mentions ``new_ids`` to stored events (or make new ones) and rebuild the
    events they touch. Runs inside the writer's transaction; returns how many events were rebuilt."""
    if not new_ids:
        return 0
    ids = sorted(set(new_ids))
    new = [_mention(r) for i in range(0, len(ids), 2000) for r in con.execute(
        f"SELECT {_MENTION_COLS} FROM event_mentions m WHERE m.mention_id IN {_in_list(ids[i:i + 2000])}").fetchall()]
    new_set = {m.mention_id for m in new}
    # stored candidates: the same key, dated where a new mention's date window reaches (``date_span``); undated
    # mentions link only within their own article, and the articles of new mentions are new
    spans: dict[str, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for m in new:
        span = date_span(m)
        if span is not None:
            spans[m.key].append(span)
    probe: list[tuple[str, dt.date, dt.date]] = []
    for key, ranges in spans.items():  # overlapping windows merged: fewer probe rows
        ranges.sort()
        lo, hi = ranges[0]
        for a, b in ranges[1:]:
            if a > hi + dt.timedelta(days=1):
                probe.append((key, lo, hi))
                lo, hi = a, b
            else:
                hi = max(hi, b)
        probe.append((key, lo, hi))
    cands: list[Mention] = []
    if probe:
        # row ids first (three narrow columns scanned), then those rows only (DuckDB fetches by row id)
        with values.temp_table(con, "_keys", [("k", "VARCHAR"), ("lo", "DATE"), ("hi", "DATE")], list(zip(*probe))):
            rows = con.execute("SELECT DISTINCT m.rowid, m.mention_id FROM event_mentions m JOIN _keys k "
                               "ON m.cluster_key = k.k WHERE m.date BETWEEN k.lo AND k.hi").fetchall()
        with values.temp_table(con, "_rid", [("r", "BIGINT")], [sorted(r for r, mid in rows if mid not in new_set)]):
            cands = [_mention(r) for r in con.execute(
                f"SELECT {_MENTION_COLS} FROM event_mentions m WHERE m.rowid IN (SELECT r FROM _rid)").fetchall()]
    # union-find over event ids: stored mentions start in their stored events, new ones alone
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    pool: dict[str, list[Mention]] = defaultdict(list)
    for m in cands + new:
        pool[m.key].append(m)
    reach = {key: _Reach(ms) for key, ms in pool.items()}
    # every rule but similarity first; then embed only the mentions of the pairs that need it
    pairs: list[tuple[Mention, Mention, float]] = []
    for m in new:
        find(m.event_id)
        for c in reach[m.key].of(m):
            if c.mention_id != m.mention_id:
                need = similarity_needed(m, c)
                if need is not None:
                    pairs.append((m, c, need))
    wanted = {id(x): x for m, c, need in pairs if need > 0 for x in (m, c)}
    missing = [x for x in wanted.values() if not x.text]
    if missing:
        texts = _texts(con, [x.sentence_id for x in missing])
        for x in missing:
            x.text = texts.get(x.sentence_id, "")
    _embed(list(wanted.values()))
    for m, c, need in pairs:
        if need == 0.0 or float(m.vec @ c.vec) >= need:
            union(m.event_id, c.event_id)
    # the final id of each touched group: the smallest member id (stored event ids already are)
    touched: dict[str, set[str]] = defaultdict(set)
    for m in new:
        touched[find(m.event_id)].add(m.event_id)
    for c in cands:
        root = find(c.event_id)
        if root in touched:
            touched[root].add(c.event_id)
    remap = []
    for root, olds in touched.items():
        target = min(olds)  # union keeps the smallest as root; stated for clarity
        for old in olds:
            remap.append((old, target))
    merged = [(a, b) for a, b in remap if a != b]
    if merged:  # mentions of events merged into another take its id (a scan: only when events merge)
        with values.temp_table(con, "_remap", [("old", "VARCHAR"), ("new", "VARCHAR")], list(zip(*merged))):
            con.execute("UPDATE event_mentions SET event_id = r.new FROM _remap r WHERE event_mentions.event_id = r.old")
    finals = sorted({b for _, b in remap})
    rebuild(con, finals, gone=[a for a, _ in merged])
    return len(finals)


def rebuild(con: duckdb.DuckDBPyConnection, event_ids: list[str], gone: list[str] = ()) -> None:
    """(Re)write the ``events`` rows of these events from their mentions; ``gone``: events merged away, whose
    rows are deleted in the same pass."""
    from realpolitik.store.schema import columns

    if not event_ids:
        return
    with _ids(con, "_gone", [*event_ids, *gone]), _ids(con, "_ev", event_ids):
        con.execute("DELETE FROM events WHERE event_id IN (SELECT v FROM _gone)")
        # the row ids of their mentions first (one narrow column scanned), then only those rows are read whole
        mrid = sorted(r[0] for r in con.execute(
            "SELECT rowid FROM event_mentions WHERE event_id IN (SELECT v FROM _ev)").fetchall())
    with values.temp_table(con, "_mrid", [("r", "BIGINT")], [mrid]):
        shared = [c for c in columns("events") if c in set(columns("event_mentions")) and c != "event_id"]
        picked = ", ".join(f'r."{c}"' for c in shared)
        names = ", ".join(f'"{c}"' for c in shared)
        con.execute(f"""
            INSERT INTO events (event_id, {names}, num_mentions, num_sources, num_articles, first_seen, last_seen,
                                is_root_event)
            WITH m AS (
              SELECT m.*, coalesce(d.source, d.doc_id) AS publisher_key,
                     coalesce(d.pub_date, m.date) AS seen,
                     row_number() OVER (PARTITION BY m.event_id ORDER BY m.is_root DESC,
                        CASE m.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2
                             WHEN 'year' THEN 3 ELSE 4 END,
                        (m.date_rule = 'article-date'), coalesce(d.pub_date, m.date) NULLS LAST, m.mention_id) AS pick
              FROM event_mentions m JOIN documents d ON d.doc_id = m.doc_id
              WHERE m.rowid IN (SELECT r FROM _mrid)),
            agg AS (
              SELECT event_id, count(DISTINCT sentence_id) AS num_mentions, count(DISTINCT publisher_key) AS num_sources,
                     count(DISTINCT doc_id) AS num_articles, min(seen) AS first_seen, max(seen) AS last_seen,
                     bool_or(is_root) AS is_root_event
              FROM m GROUP BY event_id)
            SELECT r.event_id, {picked}, a.num_mentions, a.num_sources, a.num_articles, a.first_seen, a.last_seen,
                   a.is_root_event
            FROM m r JOIN agg a USING (event_id) WHERE r.pick = 1""")


def recluster(con: duckdb.DuckDBPyConnection, chunk: int = 20_000) -> None:
    """Cluster every stored mention afresh (after a schema upgrade, or new thresholds); any order gives the
    same events, chunks only bound memory."""
    con.execute("UPDATE event_mentions SET event_id = mention_id WHERE event_id <> mention_id")
    con.execute("DELETE FROM events")
    ids = [r[0] for r in con.execute("SELECT mention_id FROM event_mentions ORDER BY date NULLS LAST, mention_id")
           .fetchall()]
    for i in range(0, len(ids), chunk):
        assign(con, ids[i:i + chunk])


def is_root(segment_kind: str, segment_position: int, sentence_index: int) -> bool:
    """A mention in a title, a caption or the lead (first sentences of the first body paragraph)."""
    if segment_kind in ("title", "caption"):
        return True
    return segment_kind == "body" and segment_position == 0 and sentence_index < LEAD_SENTENCES
