"""Dyad analysis over factual events: timelines per period and direction, top dyads and active actors.

The cooperation–conflict index of a period is ``cc = (cooperation − conflict) / events`` where cooperation
counts quad classes 1–2 (verbal and material cooperation), conflict quad classes 3–4 and events all
factual events of the dyad in the period (every CAMEO code has a quad class, so events = cooperation +
conflict): +1 is all cooperation, −1 all conflict, 0 a balance; a period without events has no index.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from realpolitik.errors import RealpolitikError
from realpolitik.store import Store
from realpolitik.store.query import directed_dyad, event_conditions, parse_bound

if TYPE_CHECKING:
    import pandas as pd

QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
# --by / freq: pandas period code and DuckDB date_trunc unit
_FREQS = {"D": ("D", "day"), "W": ("W", "week"), "M": ("M", "month"), "Q": ("Q", "quarter"),
          "Y": ("Y", "year"), "A": ("Y", "year")}
BY = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
FACTUAL = "NOT e.is_hypothetical AND NOT e.is_negated"

TIMELINE_COLUMNS = ["period", "period_start", "period_end", "events", "a_to_b", "b_to_a", *QUADS.values(), "cooperation",
                    "conflict", "goldstein_sum", "goldstein_mean", "cc_index"]
DIRECTION_COLUMNS = ["direction", "period", "period_start", "period_end", "events", *QUADS.values(), "cooperation", "conflict",
                     "goldstein_sum", "goldstein_mean", "cc_index"]
_COUNTS = ["events", *QUADS.values()]


class Edge(NamedTuple):
    """An undirected edge of the actor network."""

    a: str
    b: str
    count: int
    mean_goldstein: float


def freq_code(freq: str) -> tuple[str, str]:
    """(pandas period code, DuckDB date_trunc unit) for D/W/M/Q/Y or day/week/month/quarter/year."""
    key = BY.get(str(freq).lower(), str(freq).upper())
    if key not in _FREQS:
        raise RealpolitikError(f"unknown period {freq!r}; use day, week, month, quarter or year")
    return _FREQS[key]


def _period_counts(store: Store, a: str, b: str, unit: str, since, until) -> pd.DataFrame:
    """Per (period start, direction 'ab'/'ba'): factual event counts per quad class and the Goldstein sum."""
    where, params = event_conditions(dyad=(a, b), since=since, until=until)
    ab, ab_params = directed_dyad(a, b)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {name}" for q, name in QUADS.items())
    sql = (f"SELECT date_trunc('{unit}', e.date)::DATE AS period_start, "
           f"CASE WHEN {ab} THEN 'ab' ELSE 'ba' END AS dir, count(*) AS events, {quads}, "
           f"sum(e.goldstein) AS goldstein_sum FROM events e WHERE {' AND '.join(where)} AND e.date IS NOT NULL "
           "GROUP BY ALL")
    return store.query(sql, ab_params + params)


def _finish(df: pd.DataFrame, code: str, lo, hi) -> pd.DataFrame:
    """Counts per period -> every period from lo to hi (zeros between), with the derived columns."""
    import pandas as pd

    full = pd.period_range(lo, hi, freq=code)
    df = df.reindex(full, fill_value=0)
    df = df.astype({c: "int64" for c in df.columns if c != "goldstein_sum"})
    df["goldstein_sum"] = df["goldstein_sum"].astype(float)
    df["cooperation"] = df["verbal_coop"] + df["material_coop"]
    df["conflict"] = df["verbal_conflict"] + df["material_conflict"]
    nonzero = df["events"].where(df["events"] > 0)
    df["goldstein_mean"] = df["goldstein_sum"] / nonzero
    df["cc_index"] = (df["cooperation"] - df["conflict"]) / nonzero
    df["period"], df["period_start"], df["period_end"] = period_columns(df.index)
    return df.reset_index(drop=True)


def period_columns(index) -> tuple[list[str], list[dt.date], list[dt.date]]:
    """Labels ("2015-11", "2015Q4", "2015-11-02/2015-11-08"), first days and last days of a PeriodIndex."""
    return list(index.astype(str)), list(index.start_time.date), list(index.end_time.date)


def _series(store: Store, a: str, b: str, freq: str, since, until):
    """(counts per period and direction, pandas code, first period, last period) or None without events."""
    import pandas as pd

    code, unit = freq_code(freq)
    raw = _period_counts(store, a, b, unit, since, until)
    if raw.empty:
        return None
    raw["period"] = pd.PeriodIndex(pd.to_datetime(raw["period_start"]), freq=code)
    lo, hi = raw["period"].min(), raw["period"].max()
    if since is not None and until is not None:  # the window asked for, not just the periods with events
        lo = min(lo, pd.Period(parse_bound(since, False, "since"), freq=code))
        hi = max(hi, pd.Period(parse_bound(until, True, "until"), freq=code))
    return raw, code, lo, hi


def dyad_timeline(store: Store, a: str, b: str, freq: str = "M", since: str | dt.date | None = None,
                  until: str | dt.date | None = None) -> pd.DataFrame:
    """Per period: factual a<->b events by quad class and direction, Goldstein sum/mean and the cc index.

    ``a``/``b`` are countries (ISO3), actor ids or codes. cc_index = (cooperation - conflict) / events, in
    [-1, 1]; NaN for a period without events. Periods between the first and last event are all present.
    """
    import pandas as pd

    got = _series(store, a, b, freq, since, until)
    if got is None:
        return pd.DataFrame({c: [] for c in TIMELINE_COLUMNS})
    raw, code, lo, hi = got
    both = raw.groupby("period")[[*_COUNTS, "goldstein_sum"]].sum()
    for d, col in (("ab", "a_to_b"), ("ba", "b_to_a")):
        both[col] = raw[raw["dir"] == d].groupby("period")["events"].sum()
    both = both.fillna({"a_to_b": 0, "b_to_a": 0})
    return _finish(both, code, lo, hi)[TIMELINE_COLUMNS]


def dyad_directions(store: Store, a: str, b: str, freq: str = "M", since: str | dt.date | None = None,
                    until: str | dt.date | None = None, names: tuple[str, str] | None = None) -> pd.DataFrame:
    """The dyad's timeline three times, in long form: both directions, then a→b, then b→a.

    ``direction`` holds "A–B", "A→B" and "B→A" with the pair's ``names`` (default: the keys as given);
    every direction covers the same periods, so the three lines line up.
    """
    import pandas as pd

    na, nb = names or (a, b)
    labels = {"both": f"{na}–{nb}", "ab": f"{na}→{nb}", "ba": f"{nb}→{na}"}
    got = _series(store, a, b, freq, since, until)
    if got is None:
        return pd.DataFrame({c: [] for c in DIRECTION_COLUMNS})
    raw, code, lo, hi = got
    cols = [*_COUNTS, "goldstein_sum"]
    parts = {"both": raw.groupby("period")[cols].sum()}
    for d in ("ab", "ba"):
        parts[d] = raw[raw["dir"] == d].groupby("period")[cols].sum()
    out = []
    for d, counts in parts.items():
        frame = _finish(counts, code, lo, hi)
        frame.insert(0, "direction", labels[d])
        out.append(frame[DIRECTION_COLUMNS])
    return pd.concat(out, ignore_index=True)


def _keys(level: str) -> tuple[str, str]:
    if level == "country":
        return "coalesce(e.source_country, e.source_actor_id)", "coalesce(e.target_country, e.target_actor_id)"
    if level == "actor":
        return "e.source_actor_id", "e.target_actor_id"
    raise RealpolitikError(f"unknown level {level!r}; use country or actor")


def _window(since, until) -> tuple[str, list[Any]]:
    """' AND ...' restricting events e to [since, until] (factual only), with parameters."""
    where, params = event_conditions(since=since, until=until)
    return " AND ".join(where), params


def top_dyads(store: Store, n: int | None = 10, level: str = "country", directed: bool = False,
              since: str | dt.date | None = None, until: str | dt.date | None = None) -> pd.DataFrame:
    """The most frequent factual dyads (by country, or by actor), undirected unless ``directed``."""
    src, tgt = _keys(level)
    window, params = _window(since, until)
    a, b = ("ks", "kt") if directed else ("least(ks, kt)", "greatest(ks, kt)")
    # Group by the two keys as they are first (few groups), fold the directions on that small result:
    # twice as fast as computing least/greatest over every event.
    sql = f"""
        WITH keyed AS (
            SELECT {src} AS ks, {tgt} AS kt, count(*) AS n,
                   count(*) FILTER (WHERE e.quad_class IN (1, 2)) AS coop,
                   count(*) FILTER (WHERE e.quad_class IN (3, 4)) AS conf, sum(e.goldstein) AS g
            FROM events e
            WHERE {window} AND e.source_actor_id IS NOT NULL AND e.target_actor_id IS NOT NULL
            GROUP BY ALL
        ), pairs AS (
            SELECT {a} AS actor_a, {b} AS actor_b, sum(n) AS events, sum(coop) AS cooperation,
                   sum(conf) AS conflict, sum(g) / sum(n) AS goldstein_mean
            FROM keyed WHERE ks <> kt GROUP BY ALL
        )
        SELECT actor_a, coalesce(na.name, actor_a) AS name_a, actor_b, coalesce(nb.name, actor_b) AS name_b,
               CAST(events AS BIGINT) AS events, CAST(cooperation AS BIGINT) AS cooperation,
               CAST(conflict AS BIGINT) AS conflict, goldstein_mean
        FROM pairs
        LEFT JOIN actors na ON na.actor_id = actor_a
        LEFT JOIN actors nb ON nb.actor_id = actor_b
        ORDER BY events DESC, actor_a, actor_b
    """
    if n is not None:
        sql += f" LIMIT {int(n)}"
    return store.query(sql, params)


def actor_network(store: Store, level: str = "country", min_count: int = 1) -> list[Edge]:
    """Undirected edges (a, b, count, mean Goldstein) between actors with factual events, heaviest first."""
    df = top_dyads(store, n=None, level=level)
    return [Edge(r.actor_a, r.actor_b, int(r.events), float(r.goldstein_mean))
            for r in df.itertuples(index=False) if r.events >= min_count]


def active_actors(store: Store, n: int | None = 10, level: str = "actor", since: str | dt.date | None = None,
                  until: str | dt.date | None = None) -> pd.DataFrame:
    """Actors (or countries) in the most factual events, as source or target."""
    src, tgt = _keys(level)
    window, params = _window(since, until)
    sql = f"""
        WITH s AS (SELECT {src} AS key, count(*) AS n, sum(e.goldstein) AS g FROM events e
                   WHERE {window} AND {src} IS NOT NULL GROUP BY 1),
             t AS (SELECT {tgt} AS key, count(*) AS n, sum(e.goldstein) AS g FROM events e
                   WHERE {window} AND {tgt} IS NOT NULL GROUP BY 1),
             sides AS (SELECT coalesce(s.key, t.key) AS key, coalesce(s.n, 0) AS as_source,
                              coalesce(t.n, 0) AS as_target, coalesce(s.g, 0) + coalesce(t.g, 0) AS g
                       FROM s FULL JOIN t ON s.key = t.key)
        SELECT key AS actor_id, coalesce(a.name, key) AS name, a.country, a.kind,
               CAST(as_source + as_target AS BIGINT) AS events, CAST(as_source AS BIGINT) AS as_source,
               CAST(as_target AS BIGINT) AS as_target, g / (as_source + as_target) AS goldstein_mean
        FROM sides LEFT JOIN actors a ON a.actor_id = key
        ORDER BY events DESC, key
    """
    if n is not None:
        sql += f" LIMIT {int(n)}"
    return store.query(sql, params + params)
