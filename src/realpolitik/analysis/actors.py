"""One actor seen from the event base: who it is, its factions, its partners and its events over time.

Also the names and validation of the keys a dyad or filter takes (a country, an actor id or a code).
"""
from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.dyads import QUADS, freq_code, period_columns
from realpolitik.errors import RealpolitikError
from realpolitik.store import Store, records
from realpolitik.store.query import event_conditions

if TYPE_CHECKING:
    import pandas as pd

_LISTS = ("aliases", "roles", "members", "evidence")


def country_name(iso3: str) -> str | None:
    """The common English name of an ISO 3166 alpha-3 code, or None if it is not one."""
    import pycountry

    c = pycountry.countries.get(alpha_3=iso3.upper()) if len(iso3) == 3 else None
    return None if c is None else getattr(c, "common_name", None) or c.name


def check_country(code: str) -> str:
    """``code`` as an upper-case ISO3 country code, or a one-line error."""
    iso = (code or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", iso) or country_name(iso) is None:
        raise RealpolitikError(f"country: {code!r} is not an ISO 3166 alpha-3 code (e.g. IRN, RUS, USA)")
    return iso


def resolve_key(store: Store, key: str) -> tuple[str, str]:
    """(key as the filters take it, display name) for a dyad side: an actor id, a code, a name or alias of a
    stored actor, or an ISO3 country ("IRN", "rusgov", "Iran", "Putin", "CHN").

    Raises a one-line error for anything else, so a typo is not silently an empty result.
    """
    k = (key or "").strip()
    if not k or len(k) > 120 or "\n" in k:
        raise RealpolitikError(f"actor: {key!r} is not an actor id, code, name or country code")
    df = store.query(
        "SELECT actor_id, name, code, CASE WHEN lower(actor_id) = lower($1) THEN 0 WHEN lower(code) = lower($1) "
        "THEN 1 WHEN lower(name) = lower($1) THEN 2 ELSE 3 END AS rank FROM actors WHERE lower(actor_id) = lower($1) "
        "OR lower(code) = lower($1) OR lower(name) = lower($1) OR contains(lower(aliases), lower($2)) "
        "ORDER BY rank, kind = 'state' DESC, actor_id LIMIT 1", [k, json.dumps(k)])
    if not df.empty:
        r = df.iloc[0]
        return (r["code"] if r["rank"] == 1 else r["actor_id"]), r["name"]
    iso = _country_code(k)
    if iso is None:
        raise RealpolitikError(f"actor: {key!r} is neither an actor in this database nor a country code")
    return iso, country_name(iso) or iso


def _country_code(text: str) -> str | None:
    """ISO3 of a country code or English name pycountry knows ("irn", "Iran", "United States")."""
    import pycountry

    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return None


def actor_record(store: Store, actor_id: str) -> dict[str, Any] | None:
    """The actor's row (list fields decoded, dates as ISO text), or None if it is not stored."""
    df = store.query("SELECT * FROM actors WHERE actor_id = ?", [actor_id])
    if df.empty:
        return None
    rec = records(df)[0]
    for col in _LISTS:
        rec[col] = json.loads(rec[col]) if rec.get(col) else []
    return rec


def memberships(store: Store, actor: dict[str, Any]) -> list[dict[str, Any]]:
    """Factions that list the actor as a member, each with the evidence sentences that name the actor."""
    aid = actor["actor_id"]
    df = store.query("SELECT actor_id, name, evidence, members FROM actors WHERE kind = 'faction' "
                     "AND members LIKE ? ORDER BY actor_id", [f'%"{aid}"%'])
    names = [n for n in [actor.get("name"), *actor.get("aliases", [])] if n]
    surname = actor["name"].split()[-1] if actor.get("kind") == "person" and actor.get("name") else None
    out = []
    for r in df.to_dict(orient="records"):
        if aid not in json.loads(r["members"] or "[]"):
            continue
        evidence = json.loads(r["evidence"] or "[]")
        naming = [s for s in evidence if any(n in s for n in names) or (surname and surname in s)]
        out.append({"actor_id": r["actor_id"], "name": r["name"], "evidence": naming or evidence})
    return out


def partners(store: Store, actor_id: str, n: int | None = 15) -> pd.DataFrame:
    """The actors this one has factual events with, most events first: counts each way, coop/conflict, Goldstein."""
    where, params = event_conditions(actor_id=actor_id)
    sql = f"""
        WITH mine AS (
            SELECT CASE WHEN e.source_actor_id = ? THEN e.target_actor_id ELSE e.source_actor_id END AS partner,
                   e.source_actor_id = ? AS outgoing, e.quad_class, e.goldstein
            FROM events e WHERE {' AND '.join(where)}
        )
        SELECT partner AS actor_id, coalesce(a.name, partner) AS name, a.kind, a.country, count(*) AS events,
               count(*) FILTER (WHERE outgoing) AS to_partner, count(*) FILTER (WHERE NOT outgoing) AS from_partner,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, avg(goldstein) AS goldstein_mean
        FROM mine LEFT JOIN actors a ON a.actor_id = partner
        WHERE partner IS NOT NULL AND partner <> ?
        GROUP BY ALL ORDER BY events DESC, partner"""
    if n is not None:
        sql += f" LIMIT {int(n)}"
    return store.query(sql, [actor_id, actor_id, *params, actor_id])


def actor_timeline(store: Store, actor_id: str, freq: str = "M") -> pd.DataFrame:
    """Per period (first to last event): the actor's factual events as source and target, and per quad class."""
    import pandas as pd

    code, unit = freq_code(freq)
    where, params = event_conditions(actor_id=actor_id)
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {name}" for q, name in QUADS.items())
    raw = store.query(
        f"SELECT date_trunc('{unit}', e.date)::DATE AS period_start, count(*) AS events, "
        f"count(*) FILTER (WHERE e.source_actor_id = ?) AS as_source, "
        f"count(*) FILTER (WHERE e.target_actor_id = ?) AS as_target, {quads} "
        f"FROM events e WHERE {' AND '.join(where)} AND e.date IS NOT NULL GROUP BY 1", [actor_id, actor_id, *params])
    cols = ["events", "as_source", "as_target", *QUADS.values()]
    if raw.empty:
        return pd.DataFrame({c: [] for c in ["period", "period_start", *cols]})
    raw.index = pd.PeriodIndex(pd.to_datetime(raw["period_start"]), freq=code)
    full = pd.period_range(raw.index.min(), raw.index.max(), freq=code)
    out = raw[cols].reindex(full, fill_value=0).astype("int64")
    labels, starts, _ = period_columns(full)
    out.insert(0, "period_start", starts)
    out.insert(0, "period", labels)
    return out.reset_index(drop=True)


def actor_profile(store: Store, actor_id: str, n_partners: int = 15, freq: str = "M") -> dict[str, Any] | None:
    """Everything the actor page shows: the record, faction memberships (or, for a faction, its members),
    partners and the timeline; None if the actor is not stored."""
    rec = actor_record(store, actor_id)
    if rec is None:
        return None
    members = []
    if rec["members"]:
        names = dict(store.query("SELECT actor_id, name FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [rec["members"]]).itertuples(index=False, name=None))
        members = [{"actor_id": m, "name": names.get(m, m)} for m in rec["members"]]
    return {
        "actor": rec,
        "country_name": country_name(rec["country"]) if rec.get("country") else None,
        "factions": memberships(store, rec),
        "members": members,
        "partners": records(partners(store, actor_id, n_partners)),
        "timeline": actor_timeline(store, actor_id, freq),
        "events": store.count_events(actor_id=actor_id),
        "events_flagged": store.count_events(actor_id=actor_id, include_hypothetical=True)
        - store.count_events(actor_id=actor_id),
    }
