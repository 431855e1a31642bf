"""A country's factions seen from the event base: their members and their events over time.

A faction's events are those with the faction itself as source or target ("the hard-liners accused
Washington") and, counted apart, those of its members (people the text tied to it: "the pragmatists
around President Hassan Rouhani"). A member of two factions counts for both.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.dyads import freq_code, period_columns
from realpolitik.store import Store
from realpolitik.store.query import event_conditions

if TYPE_CHECKING:
    import pandas as pd

BALANCE_COLUMNS = ["period", "period_start", "faction_id", "faction", "own_as_source", "own_as_target",
                   "members_as_source", "members_as_target", "events", "cooperation", "conflict",
                   "goldstein_mean"]


def factions(store: Store, country: str) -> list[dict[str, Any]]:
    """The faction actors of ``country`` with their members (id and name), evidence sentences and dates."""
    df = store.query("SELECT actor_id, name, code, attribute, members, evidence, first_seen, last_seen FROM actors "
                     "WHERE kind = 'faction' AND country = ? ORDER BY actor_id", [country.upper()])
    rows = df.to_dict(orient="records")
    ids = sorted({m for r in rows for m in _list(r["members"])})
    names = {}
    if ids:
        names = dict(store.query("SELECT actor_id, name FROM actors WHERE actor_id IN (SELECT unnest(?::VARCHAR[]))",
                                 [ids]).itertuples(index=False, name=None))
    out = []
    for r in rows:
        out.append({
            "actor_id": r["actor_id"], "name": r["name"], "code": r["code"], "attribute": r["attribute"],
            "members": [{"actor_id": m, "name": names.get(m, m)} for m in _list(r["members"])],
            "evidence": _list(r["evidence"]),
            "first_seen": _day(r["first_seen"]), "last_seen": _day(r["last_seen"]),
        })
    return out


def _list(value: Any) -> list[str]:
    return json.loads(value) if isinstance(value, str) and value else []


def _day(value: Any) -> str | None:
    return value.date().isoformat() if hasattr(value, "date") and value == value else None


def faction_balance(store: Store, country: str, freq: str = "M", since: str | dt.date | None = None,
                    until: str | dt.date | None = None, members: list[dict[str, Any]] | None = None) -> pd.DataFrame:
    """Per period and faction: its own events as source/target, its members' events, cooperation vs conflict.

    Periods run from the first to the last event of any faction of the country (zeros between).
    ``members`` is what :func:`factions` returned, if already at hand.
    """
    import pandas as pd

    code, unit = freq_code(freq)
    found = members if members is not None else factions(store, country)
    # (actor as it appears in events, faction, own or member)
    links = [(f["actor_id"], f["actor_id"], "own") for f in found]
    links += [(m["actor_id"], f["actor_id"], "members") for f in found for m in f["members"]]
    if not links:
        return pd.DataFrame({c: [] for c in BALANCE_COLUMNS})
    where, params = event_conditions(since=since, until=until)
    link_sql = "SELECT * FROM (VALUES " + ", ".join(["(?, ?, ?)"] * len(links)) + ") AS l(actor_id, faction_id, via)"
    link_params = [x for link in links for x in link]
    sql = f"""
        WITH l AS ({link_sql}),
        sides AS (
            SELECT e.date, e.quad_class, e.goldstein, e.source_actor_id AS actor_id, 'source' AS side FROM events e
            WHERE {' AND '.join(where)} AND e.date IS NOT NULL
            UNION ALL
            SELECT e.date, e.quad_class, e.goldstein, e.target_actor_id, 'target' FROM events e
            WHERE {' AND '.join(where)} AND e.date IS NOT NULL
        )
        SELECT date_trunc('{unit}', s.date)::DATE AS period_start, l.faction_id,
               count(*) FILTER (WHERE l.via = 'own' AND s.side = 'source') AS own_as_source,
               count(*) FILTER (WHERE l.via = 'own' AND s.side = 'target') AS own_as_target,
               count(*) FILTER (WHERE l.via = 'members' AND s.side = 'source') AS members_as_source,
               count(*) FILTER (WHERE l.via = 'members' AND s.side = 'target') AS members_as_target,
               count(*) FILTER (WHERE s.quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE s.quad_class IN (3, 4)) AS conflict,
               sum(s.goldstein) AS goldstein_sum
        FROM sides s JOIN l ON l.actor_id = s.actor_id
        GROUP BY ALL"""
    raw = store.query(sql, link_params + params + params)
    if raw.empty:
        return pd.DataFrame({c: [] for c in BALANCE_COLUMNS})
    raw["period"] = pd.PeriodIndex(pd.to_datetime(raw["period_start"]), freq=code)
    full = pd.period_range(raw["period"].min(), raw["period"].max(), freq=code)
    names = {f["actor_id"]: f["name"] for f in found}
    counts = ["own_as_source", "own_as_target", "members_as_source", "members_as_target", "cooperation", "conflict"]
    out = []
    for fid in names:
        part = raw[raw["faction_id"] == fid].set_index("period")[[*counts, "goldstein_sum"]]
        part = part.reindex(full, fill_value=0)
        part = part.astype({c: "int64" for c in counts})
        events = part[counts[:4]].sum(axis=1)
        part.insert(0, "faction", names[fid])
        part.insert(0, "faction_id", fid)
        part["events"] = events
        part["goldstein_mean"] = part["goldstein_sum"].astype(float) / events.where(events > 0)
        part["period"], part["period_start"], _ = period_columns(part.index)
        out.append(part.reset_index(drop=True)[BALANCE_COLUMNS])
    return pd.concat(out, ignore_index=True)

