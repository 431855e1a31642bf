"""The event query: output columns (named once, documented in docs/columns.md) and the filter SQL."""
from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from realpolitik.errors import StoreError


@dataclass(frozen=True)
class Column:
    """One column of `realpolitik events` output."""

    name: str
    sql: str
    meaning: str
    counterpart: str = ""  # GDELT 2.0 / ICEWS column an analyst would know


def _side(side: str, n: int, icews: str) -> list[Column]:
    s = f"e.{side}_"
    gdelt = f"Actor{n}"
    return [
        Column(f"{side}_name", s + "name", f"canonical name of the {side} actor",
               f"GDELT {gdelt}Name · ICEWS {icews} Name"),
        Column(f"{side}_actor_id", s + "actor_id", f"stable id of the {side} actor (key of `actors`)", ""),
        Column(f"{side}_code", s + "code", f"CAMEO actor code of the {side} (country + sector + attribute)",
               f"GDELT {gdelt}Code"),
        Column(f"{side}_country", s + "country", f"ISO 3166 alpha-3 country of the {side}; empty for IGOs",
               f"GDELT {gdelt}CountryCode · ICEWS {icews} Country"),
        Column(f"{side}_sector", s + "sector", f"CAMEO sector of the {side} (GOV, MIL, OPP, ...); empty = the state",
               f"GDELT {gdelt}Type1Code · ICEWS {icews} Sectors"),
        Column(f"{side}_kind", s + "kind", f"{side} actor kind: state, person, institution, igo, faction, group", ""),
        Column(f"{side}_text", s + "text", f"the {side} mention as written in the sentence", ""),
        Column(f"{side}_rule", s + "rule", f"why the {side} mention resolved to this actor", ""),
    ]


def _geo(side: str, gdelt: str, icews: bool) -> list[Column]:
    s = f"e.{side}_geo_"
    where = "the event took place" if side == "action" else f"the {side} actor is, when the text says"
    ic = (lambda name: f" · ICEWS {name}") if icews else (lambda name: "")
    return [
        Column(f"{side}_geo_name", s + "name", f"place where {where} (\"Ufa\", \"Syria\", \"University of Tehran\")",
               f"GDELT {gdelt}_FullName" + ic("City")),
        Column(f"{side}_geo_type", s + "type", "feature kind: country, admin1, city, site or region",
               f"GDELT {gdelt}_Type"),
        Column(f"{side}_geo_country", s + "country", "ISO3 country of the place",
               f"GDELT {gdelt}_CountryCode" + ic("Country")),
        Column(f"{side}_geo_adm1", s + "adm1", "first-level region of the place (\"Bashkortostan\")", ic("Province")[3:]),
        Column(f"{side}_geo_adm1_code", s + "adm1_code", "GeoNames admin1 code of that region (\"RU.08\")",
               f"GDELT {gdelt}_ADM1Code"),
        Column(f"{side}_geo_lat", s + "lat", "latitude (WGS84) of the place", f"GDELT {gdelt}_Lat" + ic("Latitude")),
        Column(f"{side}_geo_lon", s + "lon", "longitude (WGS84) of the place", f"GDELT {gdelt}_Long" + ic("Longitude")),
        Column(f"{side}_geo_precision", s + "precision",
               "what the coordinates stand for: city, admin1 or country (a site has its city's)", ""),
        Column(f"{side}_geo_feature_id", s + "feature_id", "GeoNames id of the place (the ISO3 for a country)",
               f"GDELT {gdelt}_FeatureID"),
        Column(f"{side}_geo_rule", s + "rule", "which rule placed it (see docs/geo.md)", ""),
    ]


EVENT_COLUMNS: list[Column] = [
    Column("event_id", "e.event_id", "stable id of the event", "GDELT GlobalEventID · ICEWS Event ID"),
    Column("event_date", "e.date", "date the event happened (may differ from the article date)",
           "GDELT SQLDATE · ICEWS Event Date"),
    Column("date_precision", "e.date_precision", "precision of event_date: day, month, year or unknown", ""),
    Column("date_text", "e.date_text", "phrase that fixed the date (\"last July\"); empty = article date", ""),
    Column("date_rule", "e.date_rule", "rule that produced event_date", ""),
    *_side("source", 1, "Source"),
    *_side("target", 2, "Target"),
    Column("cameo_code", "e.cameo", "CAMEO event code (3-4 digits, leading zero kept)",
           "GDELT EventCode · ICEWS CAMEO Code"),
    Column("cameo_name", "e.cameo_name", "CAMEO event name of the code (\"Make a visit\")", "ICEWS Event Text"),
    Column("cameo_base", "left(e.cameo, 3)", "CAMEO base code (first three digits)", "GDELT EventBaseCode"),
    Column("cameo_root", "e.cameo_root", "CAMEO root code (first two digits)", "GDELT EventRootCode"),
    Column("quad_class", "e.quad_class",
           "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
           "GDELT QuadClass"),
    Column("goldstein", "e.goldstein", "Goldstein scale of the CAMEO code, -10 (conflict) to +10 (cooperation)",
           "GDELT GoldsteinScale · ICEWS Intensity"),
    Column("plover_type", "e.plover", "PLOVER event type (CONSULT, AGREE, ASSAULT, ...)", "POLECAT Event Type"),
    Column("plover_mode", "e.plover_mode", "PLOVER mode of the event type, if any", "POLECAT Event Mode"),
    Column("is_hypothetical", "e.is_hypothetical",
           "true if modal, conditional, future, prescriptive, a question or speculative", ""),
    Column("is_negated", "e.is_negated", "true if the sentence says the event did not happen", ""),
    Column("modality", "e.modality", "comma list of modality kinds (modal, future, conditional, ...)", ""),
    Column("trigger", "e.trigger", "the word(s) that triggered the event code"),
    Column("rule", "e.rule", "which coding rule or model fired", ""),
    Column("segment_kind", "e.segment_kind", "part of the article: title, body or caption", ""),
    Column("sentence", "e.sentence_text", "the sentence the event was coded from"),
    Column("sentence_id", "e.sentence_id", "doc_id:segment:sentence", "ICEWS Story ID + Sentence Number"),
    Column("doc_id", "e.doc_id", "content hash of the article (key of `documents`)", "ICEWS Story ID"),
    Column("doc_path", "d.path", "file the article came from (path#n for the n-th record of a JSONL/CSV/feed)"),
    Column("doc_title", "d.title", "article title", ""),
    Column("doc_date", "d.pub_date", "article publication date"),
    Column("publisher", "d.source", "publisher or outlet", "ICEWS Publisher"),
    Column("url", "d.url", "article URL, if known", "GDELT SOURCEURL"),
    Column("date_added", "d.ingested_at", "when the article was stored (UTC)", "GDELT DATEADDED"),
    *_geo("action", "ActionGeo", True),
    *_geo("source", "Actor1Geo", False),
    *_geo("target", "Actor2Geo", False),
]

# How each event (one per happening) was reported; not in mention rows (--mentions).
CLUSTER_COLUMNS: list[Column] = [
    Column("num_mentions", "e.num_mentions", "sentences that report this event, across all articles",
           "GDELT NumMentions"),
    Column("num_sources", "e.num_sources", "distinct publishers that report it (an article with no known publisher "
           "counts as its own)", "GDELT NumSources"),
    Column("num_articles", "e.num_articles", "distinct articles that report it", "GDELT NumArticles"),
    Column("is_root_event", "e.is_root_event", "true if a title, lead (first two sentences) or caption reports it",
           "GDELT IsRootEvent"),
    Column("first_seen", "e.first_seen", "earliest publication date of an article reporting it", ""),
    Column("last_seen", "e.last_seen", "latest publication date of an article reporting it", ""),
]
MENTION_ONLY_COLUMNS: list[Column] = [
    Column("mention_id", "e.mention_id", "stable id of the mention (with --mentions; an event's id is the smallest "
           "of its mentions')", "GDELT MentionIdentifier"),
    Column("is_root", "e.is_root", "true if the mention is in a title, lead or caption", ""),
]
EVENT_COLUMNS.extend(CLUSTER_COLUMNS)
EVENT_COLUMN_NAMES = [c.name for c in EVENT_COLUMNS]
_CLUSTER_NAMES = {c.name for c in CLUSTER_COLUMNS}
MENTION_COLUMN_NAMES = [c.name for c in MENTION_ONLY_COLUMNS] + [c for c in EVENT_COLUMN_NAMES
                                                                  if c not in _CLUSTER_NAMES]
# Asked for by name only (the ICEWS export): not part of the default row, as they cost a subquery.
EXTRA_COLUMNS: list[Column] = [
    Column("sentence_number", "(SELECT count(*) FROM sentences s2 WHERE s2.doc_id = s.doc_id AND "
           "(s2.segment_idx < s.segment_idx OR (s2.segment_idx = s.segment_idx AND s2.sentence_idx <= s.sentence_idx)))",
           "1-based position of the sentence in its article", "ICEWS Sentence Number"),
]
# What `--format table` shows when the caller does not pick columns: the full row is too wide.
TABLE_COLUMNS = ["event_date", "source_name", "cameo_code", "plover_type", "goldstein", "target_name",
                 "num_mentions", "num_articles", "is_hypothetical", "trigger"]
MENTION_TABLE_COLUMNS = ["event_id", "event_date", "source_name", "cameo_code", "target_name", "publisher",
                         "trigger"]

# The same for `realpolitik actors --format table`: evidence sentences are for csv/jsonl.
ACTOR_TABLE_COLUMNS = ["actor_id", "name", "kind", "country", "sector", "roles", "members", "aliases", "first_seen",
                       "last_seen", "mentions", "events"]

_FROM = "FROM events e JOIN documents d ON d.doc_id = e.doc_id"
# Joined only for what the event rows do not carry (a text search, the ICEWS sentence number): each row holds its
# sentence's text and position (schema.SENTENCE_FIELDS), and every row has its sentence (a foreign key).
_SENTENCES = " JOIN sentences s ON s.sentence_id = e.sentence_id"
_USES_SENTENCES = re.compile(r"(?<![\w.])s\.")  # SQL naming ``sentences s`` (a false alarm only costs the join)


def parse_bound(value: str | dt.date | None, end: bool, flag: str) -> dt.date | None:
    """A --since/--until bound: a date, or "YYYY", "YYYY-MM", "YYYY-MM-DD" (until takes the period's last day)."""
    if value is None or isinstance(value, dt.date):
        return value.date() if isinstance(value, dt.datetime) else value
    text = str(value).strip()
    try:
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 1:
            return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return dt.date(parts[0], parts[1], last if end else 1)
        if len(parts) == 3:
            return dt.date(*parts)
    except ValueError:
        pass
    raise StoreError(f"{flag}: {text!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")


def parse_pair(dyad: str | tuple[str, str] | list[str]) -> tuple[str, str]:
    parts = [p.strip() for p in dyad.split(",")] if isinstance(dyad, str) else [str(p).strip() for p in dyad]
    if len(parts) != 2 or not all(parts):
        raise StoreError(f"--dyad: expected two actors like IRN,RUS, got {dyad!r}")
    return parts[0], parts[1]


def _side_match(side: str, fields: tuple[str, ...]) -> str:
    return "(" + " OR ".join(f"lower(e.{side}_{f}) = lower(?)" for f in fields) + ")"


_DYAD_FIELDS = ("country", "actor_id", "code")


def side_is(side: str, key: str) -> tuple[str, list[Any]]:
    """SQL (over ``events e``) true when the ``side`` (source/target) actor is ``key``: its country, id or code.

    A country code needs only the country column: a state's id and code are its ISO3, and every actor of the
    country carries it (one equality instead of three over every row: 2x faster at 10M events).
    """
    if _is_country(key):
        return f"e.{side}_country = ?", [key.strip().upper()]
    return _side_match(side, _DYAD_FIELDS), [key] * len(_DYAD_FIELDS)


@functools.lru_cache(maxsize=1024)
def _is_country(key: str) -> bool:
    import pycountry

    k = key.strip()
    return len(k) == 3 and k.isalpha() and pycountry.countries.get(alpha_3=k.upper()) is not None


def directed_dyad(a: str, b: str) -> tuple[str, list[Any]]:
    """SQL (over ``events e``) true for events from ``a`` to ``b``, with its parameters."""
    src, p1 = side_is("source", a)
    tgt, p2 = side_is("target", b)
    return f"({src} AND {tgt})", p1 + p2


def actor_words(actor: str) -> str:
    """The regular expression an actor name matches on (lowercased, whole words: "putin" finds "Vladimir Putin")."""
    return r"(^|\W)" + re.escape(actor.strip().lower()) + r"($|\W)"


ACTOR_FIELDS = ("actor_id", "code", "country", "name")


def build_actor_values_query(actor: str, mentions: bool = False) -> tuple[str, list[Any]]:
    """SQL + parameters of ``(field, value)``: the distinct stored source/target values that ``actor`` matches
    (an id, code or country in any case, a name on whole words); the rows go to
    ``event_conditions(actor_values=...)``, which then tests equality, not a function of every row."""
    table = "event_mentions" if mentions else "events"
    parts, params = [], []
    for field in ACTOR_FIELDS:
        test = "regexp_matches(lower(v), ?)" if field == "name" else "lower(v) = lower(?)"
        parts.append(f"SELECT '{field}' AS field, v FROM (SELECT source_{field} AS v FROM {table} GROUP BY 1 UNION "
                     f"SELECT target_{field} FROM {table} GROUP BY 1) WHERE {test}")
        params.append(actor_words(actor) if field == "name" else actor)
    return " UNION ALL ".join(parts) + " ORDER BY 1, 2", params


def search_words(text: str) -> list[str]:
    """Search words of a ``q`` query; "double quotes" keep a phrase together."""
    return [w for phrase, word in re.findall(r'"([^"]+)"|(\S+)', text) if (w := (phrase or word).strip())]


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


QUADS = (1, 2, 3, 4)


def event_conditions(actor: str | None = None, dyad: str | tuple[str, str] | None = None,
                     since: str | dt.date | None = None, until: str | dt.date | None = None,
                     root: str | None = None, plover: str | None = None, quad: int | None = None,
                     text: str | None = None, include_hypothetical: bool = False,
                     actor_id: str | None = None,
                     actor_values: dict[str, tuple[str, ...]] | None = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions over ``events e`` (``text`` also over ``sentences s``) and their bound parameters.

    ``actor`` matches an id, code, country or name on either side, ``actor_id`` that one actor exactly;
    ``text`` keeps events whose sentence contains every word (case-insensitive; "quoted phrases" whole).
    ``actor_values``: field -> the stored values ``actor`` matches (:func:`build_actor_values_query`), tested by
    equality instead of ``lower()`` and a regular expression on every row (the same rows, 4x faster at 10M).
    """
    where: list[str] = []
    params: list[Any] = []
    if actor_id:
        where.append("(e.source_actor_id = ? OR e.target_actor_id = ?)")
        params += [actor_id, actor_id]
    if actor:
        # ids and codes match exactly; a name matches on whole words ("putin" finds "Vladimir Putin").
        fields = ("actor_id", "code", "country")
        if actor_values is None:
            sides = [f"({_side_match(side, fields)} OR regexp_matches(lower(e.{side}_name), ?))"
                     for side in ("source", "target")]
            params += [actor] * 3 + [actor_words(actor)] + [actor] * 3 + [actor_words(actor)]
        else:
            tests = [f"e.{side}_{f} IN {_literals(actor_values[f])}" for side in ("source", "target")
                     for f in ACTOR_FIELDS if actor_values.get(f)]
            sides = ["(" + (" OR ".join(tests) or "FALSE") + ")", "FALSE"]
        where.append(f"({sides[0]} OR {sides[1]})")
    if dyad:
        a, b = parse_pair(dyad)
        ab, p1 = directed_dyad(a, b)
        ba, p2 = directed_dyad(b, a)
        where.append(f"({ab} OR {ba})")
        params += p1 + p2
    lo, hi = parse_bound(since, False, "--since"), parse_bound(until, True, "--until")
    if lo:
        where.append("e.date >= ?")
        params.append(lo)
    if hi:
        where.append("e.date <= ?")
        params.append(hi)
    if root:
        r = str(root).strip()
        if not r.isdigit() or not 1 <= int(r) <= 20:
            raise StoreError(f"--root: {root!r} is not a CAMEO root code (01-20)")
        where.append("e.cameo_root = ?")
        params.append(r.zfill(2))
    if plover:
        where.append("upper(e.plover) = upper(?)")
        params.append(plover.strip())
    if quad is not None:
        if str(quad).strip() not in {str(q) for q in QUADS}:
            raise StoreError(f"--quad: {quad!r} is not a quad class (1-4)")
        where.append("e.quad_class = ?")
        params.append(int(quad))
    if text and text.strip():
        for word in search_words(text):
            where.append("s.text ILIKE ? ESCAPE '\\'")
            params.append(_like(word))
    if not include_hypothetical:
        where.append("NOT e.is_hypothetical AND NOT e.is_negated")
    return where, params


def build_event_query(actor: str | None = None, dyad: str | tuple[str, str] | None = None,
                      since: str | dt.date | None = None, until: str | dt.date | None = None,
                      root: str | None = None, plover: str | None = None, include_hypothetical: bool = False,
                      limit: int | None = None, columns: list[str] | None = None, quad: int | None = None,
                      text: str | None = None, offset: int | None = None, newest_first: bool = False,
                      event_id: str | None = None, actor_id: str | None = None,
                      mentions: bool = False, within: Rows | None = None,
                      actor_values: dict[str, tuple[str, ...]] | None = None,
                      rows_table: str | None = None) -> tuple[str, list[Any]]:
    """SQL + parameters for the events query (``mentions``: over event mentions); values are bound parameters.

    ``within``: only these rows (found by :func:`build_top_query`), each table read through its key;
    ``rows_table``: a registered table whose column ``r`` holds the row ids of the matching rows
    (:func:`build_rowid_query`): the wide rows are then read by row id instead of filtered in a scan."""
    wanted = columns or (MENTION_COLUMN_NAMES if mentions else EVENT_COLUMN_NAMES)
    by_name = {c.name: c for c in (*EVENT_COLUMNS, *EXTRA_COLUMNS, *(MENTION_ONLY_COLUMNS if mentions else ()))}
    if mentions:
        for c in CLUSTER_COLUMNS:
            by_name.pop(c.name)
    unknown = [c for c in wanted if c not in by_name]
    if unknown:
        raise StoreError(f"unknown event column(s): {', '.join(unknown)}; see docs/columns.md")
    select = ", ".join(f'{by_name[c].sql} AS "{c}"' for c in wanted)
    where, params = event_conditions(actor=actor, dyad=dyad, since=since, until=until, root=root, plover=plover,
                                     quad=quad, text=text, include_hypothetical=include_hypothetical,
                                     actor_id=actor_id, actor_values=actor_values)
    if event_id is not None:
        where.append("e.event_id = ?")
        params.append(event_id)
    if rows_table is not None:
        where.insert(0, f"e.rowid IN (SELECT r FROM {rows_table})")
    joins_sentences = any(_USES_SENTENCES.search(text) for text in [*(by_name[c].sql for c in wanted), *where])
    if within is not None:
        where += [f"e.rowid IN ({', '.join(str(int(r)) for r in within.rowids) or 'NULL'})",
                  f"d.doc_id IN {_literals(within.doc_ids)}"]
        if joins_sentences:
            where.append(f"s.sentence_id IN {_literals(within.sentence_ids)}")
    sql = f"SELECT {select} {_FROM.replace('FROM events e', 'FROM event_mentions e') if mentions else _FROM}"
    if joins_sentences:
        sql += _SENTENCES
    if where:
        sql += " WHERE " + " AND ".join(where)
    order = "e.date DESC NULLS LAST, e.doc_id DESC" if newest_first else "e.date NULLS LAST, e.doc_id"
    sql += f" ORDER BY {order}, e.sentence_segment, e.sentence_index, e.{'mention_id' if mentions else 'event_id'}"
    if limit is not None:
        if int(limit) < 0:
            raise StoreError(f"--limit must be 0 or more, got {limit}")
        sql += f" LIMIT {min(int(limit), 2**63 - 1)}"  # a limit past any table's size is no limit
    if offset:
        if int(offset) < 0:
            raise StoreError(f"offset must be 0 or more, got {offset}")
        sql += f" OFFSET {int(offset)}"
    return sql, params


@dataclass(frozen=True)
class Rows:
    """Rows of ``events`` (or ``event_mentions``) by row id, with the sentences and documents they join."""

    rowids: tuple[int, ...]
    sentence_ids: tuple[str, ...]
    doc_ids: tuple[str, ...]


# Top-N pushdown (Store.events with a limit): the first ``offset + limit`` rows are found over the events
# table alone, then only they are joined. Deeper pages read the whole match set.
TOP_ROWS = 2000


def _literals(values: tuple[str, ...] | list[str]) -> str:
    return "(" + (", ".join("'" + str(v).replace("'", "''") + "'" for v in sorted(set(values))) or "NULL") + ")"


def build_top_query(n: int, newest_first: bool = False, mentions: bool = False, **filters: Any) -> tuple[str, list[Any]]:
    """SQL + parameters of the first ``n`` rows of the events query in its order's leading keys (date, doc_id),
    over the events table alone: ``(rowid, sentence_id, doc_id, date)``. The rows that tie with the last one on
    those keys come from :func:`build_tie_query`; the exact order (sentence position) is the events query's."""
    table = "event_mentions" if mentions else "events"
    where, params = event_conditions(**filters)
    order = "e.date DESC NULLS LAST, e.doc_id DESC" if newest_first else "e.date NULLS LAST, e.doc_id"
    sql = f"SELECT e.rowid, e.sentence_id, e.doc_id, e.date FROM {table} e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + f" ORDER BY {order} LIMIT {int(n)}", params


def build_rowid_query(mentions: bool = False, **filters: Any) -> tuple[str, list[Any]]:
    """SQL + parameters of the row ids of the rows matching the filters (no ``text``: it needs the sentences),
    over the events table alone: the filter reads a few narrow columns, not the whole rows."""
    table = "event_mentions" if mentions else "events"
    where, params = event_conditions(**filters)
    sql = f"SELECT e.rowid FROM {table} e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY 1", params


def build_tie_query(date: dt.date | None, doc_id: str, mentions: bool = False, **filters: Any) -> tuple[str, list[Any]]:
    """SQL + parameters of the rows matching the filters with this date and doc_id (same columns)."""
    table = "event_mentions" if mentions else "events"
    where, params = event_conditions(**filters)
    where += ["e.doc_id = ?", "e.date IS NOT DISTINCT FROM ?"]
    return (f"SELECT e.rowid, e.sentence_id, e.doc_id, e.date FROM {table} e WHERE " + " AND ".join(where),
            params + [doc_id, date])


def build_event_count_query(**filters: Any) -> tuple[str, list[Any]]:
    """SQL + parameters counting the events that match ``event_conditions(**filters)``."""
    where, params = event_conditions(**filters)
    sql = "SELECT count(*) FROM events e"
    if filters.get("text"):
        sql += " JOIN sentences s ON s.sentence_id = e.sentence_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params
