"""Dyad analysis over factual events: monthly timelines, top dyads and the actor network."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from realpolitik.errors import RealpolitikError
from realpolitik.store import Store
from realpolitik.store.query import parse_bound

if TYPE_CHECKING:
    import pandas as pd

QUADS = {1: "verbal_coop", 2: "material_coop", 3: "verbal_conflict", 4: "material_conflict"}
_FREQS = {"D": "D", "W": "W", "M": "M", "Q": "Q", "Y": "Y", "A": "Y"}
FACTUAL = "NOT is_hypothetical AND NOT is_negated"

TIMELINE_COLUMNS = ["period", "period_start", "events", "a_to_b", "b_to_a", *QUADS.values(), "cooperation",
                    "conflict", "goldstein_sum", "goldstein_mean", "cc_index"]


class Edge(NamedTuple):
    """An undirected edge of the actor network."""

    a: str
    b: str
    count: int
    mean_goldstein: float


def _side_is(df: pd.DataFrame, side: str, key: str) -> pd.Series:
    key = key.lower()
    hit = None
    for field in ("country", "actor_id", "code"):
        col = df[f"{side}_{field}"].fillna("").str.lower() == key
        hit = col if hit is None else hit | col
    return hit


def dyad_timeline(store: Store, a: str, b: str, freq: str = "M", since: str | dt.date | None = None,
                  until: str | dt.date | None = None) -> pd.DataFrame:
    """Per period: factual a<->b events by quad class, Goldstein sum/mean and the cooperation-conflict index.

    cc_index = (cooperation - conflict) / events, in [-1, 1]; NaN for a period without events.
    Periods between the first and last event are all present (zero counts).
    """
    import pandas as pd

    code = _FREQS.get(freq.upper())
    if code is None:
        raise RealpolitikError(f"unknown frequency {freq!r}; use D, W, M, Q or Y")
    cols = ["event_date", "source_country", "source_actor_id", "source_code", "target_country",
            "target_actor_id", "target_code", "quad_class", "goldstein"]
    df = store.events(dyad=(a, b), since=since, until=until, columns=cols)
    df = df[df["event_date"].notna()].copy()
    if df.empty:
        return pd.DataFrame({c: [] for c in TIMELINE_COLUMNS})
    df["period"] = pd.to_datetime(df["event_date"]).dt.to_period(code)
    df["a_to_b"] = _side_is(df, "source", a) & _side_is(df, "target", b)
    df["b_to_a"] = _side_is(df, "source", b) & _side_is(df, "target", a)
    for q, name in QUADS.items():
        df[name] = df["quad_class"] == q
    g = df.groupby("period")
    out = pd.DataFrame({
        "events": g.size(),
        "a_to_b": g["a_to_b"].sum(),
        "b_to_a": g["b_to_a"].sum(),
        **{name: g[name].sum() for name in QUADS.values()},
        "goldstein_sum": g["goldstein"].sum(),
    })
    lo, hi = df["period"].min(), df["period"].max()
    if since is not None and until is not None:  # the window asked for, not just the months with events
        lo = min(lo, pd.Period(parse_bound(since, False, "since"), freq=code))
        hi = max(hi, pd.Period(parse_bound(until, True, "until"), freq=code))
    full = pd.period_range(lo, hi, freq=code)
    out = out.reindex(full, fill_value=0)
    out = out.astype({c: "int64" for c in out.columns if c != "goldstein_sum"})
    out["cooperation"] = out["verbal_coop"] + out["material_coop"]
    out["conflict"] = out["verbal_conflict"] + out["material_conflict"]
    nonzero = out["events"].where(out["events"] > 0)
    out["goldstein_mean"] = out["goldstein_sum"] / nonzero
    out["cc_index"] = (out["cooperation"] - out["conflict"]) / nonzero
    out["period_start"] = [p.start_time.date() for p in out.index]
    out["period"] = [str(p) for p in out.index]
    return out.reset_index(drop=True)[TIMELINE_COLUMNS]


def _keys(level: str) -> tuple[str, str]:
    if level == "country":
        return "coalesce(source_country, source_actor_id)", "coalesce(target_country, target_actor_id)"
    if level == "actor":
        return "source_actor_id", "target_actor_id"
    raise RealpolitikError(f"unknown level {level!r}; use country or actor")


def top_dyads(store: Store, n: int | None = 10, level: str = "country", directed: bool = False) -> pd.DataFrame:
    """The most frequent factual dyads (by country, or by actor), undirected unless ``directed``."""
    src, tgt = _keys(level)
    a, b = (src, tgt) if directed else (f"least({src}, {tgt})", f"greatest({src}, {tgt})")
    sql = f"""
        WITH pairs AS (
            SELECT {a} AS actor_a, {b} AS actor_b, quad_class, goldstein FROM events
            WHERE {FACTUAL} AND source_actor_id IS NOT NULL AND target_actor_id IS NOT NULL
        )
        SELECT actor_a, coalesce(na.name, actor_a) AS name_a, actor_b, coalesce(nb.name, actor_b) AS name_b,
               count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               avg(goldstein) AS goldstein_mean
        FROM pairs
        LEFT JOIN actors na ON na.actor_id = actor_a
        LEFT JOIN actors nb ON nb.actor_id = actor_b
        WHERE actor_a <> actor_b
        GROUP BY ALL
        ORDER BY events DESC, actor_a, actor_b
    """
    if n is not None:
        sql += f" LIMIT {int(n)}"
    return store.query(sql)


def actor_network(store: Store, level: str = "country", min_count: int = 1) -> list[Edge]:
    """Undirected edges (a, b, count, mean Goldstein) between actors with factual events, heaviest first."""
    df = top_dyads(store, n=None, level=level)
    return [Edge(r.actor_a, r.actor_b, int(r.events), float(r.goldstein_mean))
            for r in df.itertuples(index=False) if r.events >= min_count]


def active_actors(store: Store, n: int | None = 10, level: str = "actor") -> pd.DataFrame:
    """Actors (or countries) in the most factual events, as source or target."""
    src, tgt = _keys(level)
    sql = f"""
        WITH sides AS (
            SELECT {src} AS key, 'source' AS side, goldstein FROM events WHERE {FACTUAL} AND {src} IS NOT NULL
            UNION ALL
            SELECT {tgt}, 'target', goldstein FROM events WHERE {FACTUAL} AND {tgt} IS NOT NULL
        )
        SELECT key AS actor_id, coalesce(a.name, key) AS name, a.country, a.kind,
               count(*) AS events,
               count(*) FILTER (WHERE side = 'source') AS as_source,
               count(*) FILTER (WHERE side = 'target') AS as_target,
               avg(goldstein) AS goldstein_mean
        FROM sides LEFT JOIN actors a ON a.actor_id = key
        GROUP BY ALL
        ORDER BY events DESC, key
    """
    if n is not None:
        sql += f" LIMIT {int(n)}"
    return store.query(sql)
