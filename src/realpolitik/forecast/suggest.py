"""Suggest the stakeholders of a scenario from the event base: who is active, and how much.

The event base can say who acts on an issue and how often (a rough guide to salience); it cannot say
where each actor stands on the analyst's scale. So the suggestion is a scenario skeleton: actors ranked
by factual events, a salience proposal from their share of events, capability and position left for the
analyst, and notes recording the evidence (event counts, cooperation/conflict balance).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml

from realpolitik.errors import ScenarioError


@dataclass(frozen=True)
class Suggestion:
    """One actor the event base suggests, with the evidence for it."""

    actor_id: str
    name: str
    country: str | None
    events: int
    as_source: int
    as_target: int
    mean_goldstein: float
    salience: float  # proposal: share of the most active actor's events, floored at 0.2


def suggest_stakeholders(db: str | Path | None = None, *, country: str | None = None, top: int = 10,
                         since: str | dt.date | None = None, until: str | dt.date | None = None) -> list[Suggestion]:
    """The `top` most active actors in factual events (optionally those of or dealing with `country`)."""
    from realpolitik.store import Store

    if top < 1:
        raise ScenarioError(f"--top must be at least 1 (got {top})")
    df = Store(db, read_only=True).events(since=since, until=until)
    if country:
        c = country.upper()
        df = df[(df["source_country"] == c) | (df["target_country"] == c)]
    if df.empty:
        raise ScenarioError("no factual events match: ingest articles first or widen --country/--since/--until")
    rows: dict[str, dict] = {}
    for side in ("source", "target"):
        for r in df[[f"{side}_actor_id", f"{side}_name", f"{side}_country", "goldstein"]].itertuples(index=False):
            aid, name, ctry, gold = r
            if not isinstance(aid, str) or not aid:
                continue
            row = rows.setdefault(aid, {"name": name, "country": ctry, "source": 0, "target": 0, "gold": []})
            row[side] += 1
            row["gold"].append(float(gold))
    ranked = sorted(rows.items(), key=lambda kv: -(kv[1]["source"] + kv[1]["target"]))[:top]
    most = max(v["source"] + v["target"] for _, v in ranked)
    return [Suggestion(aid, v["name"], v["country"] if isinstance(v["country"], str) else None,
                       v["source"] + v["target"], v["source"], v["target"],
                       round(sum(v["gold"]) / len(v["gold"]), 2),
                       round(max(0.2, (v["source"] + v["target"]) / most), 2))
            for aid, v in ranked]


def scenario_skeleton(suggestions: list[Suggestion], *, issue: str = "EDIT: the issue at stake") -> str:
    """A scenario YAML for `realpolitik forecast` with positions and capabilities left for the analyst."""
    actors = []
    for s in suggestions:
        actors.append({
            "actor": s.name, "capability": None, "position": None, "salience": s.salience,
            "notes": (f"Suggested from the event base: {s.events} factual events ({s.as_source} as source, "
                      f"{s.as_target} as target), mean Goldstein {s.mean_goldstein:+.2f}. Salience proposed from "
                      f"its share of events; set capability and position."),
            "source": f"realpolitik event base, actor {s.actor_id}",
        })
    doc = {"name": issue, "issue": issue, "scale": {"min": 0, "max": 100}, "status_quo": None, "actors": actors}
    header = ("# Scenario skeleton suggested by `realpolitik stakeholders` from the event base.\n"
              "# Fill in every capability and position (the event base cannot tell where an actor stands),\n"
              "# review the proposed saliences, then run: realpolitik forecast THIS_FILE\n")
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
