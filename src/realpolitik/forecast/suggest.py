"""Suggest the stakeholders of a scenario from the event base: who is active, how much, and where it leans.

One row per real actor: a state, its government (ISO3 + GOV) and its head of government (a person whose
role is President or Prime Minister of that state) are merged, unless the text distinguishes them - many
events between the person and the state or government (see SEPARATE_SHARE) - or the analyst keeps them
apart (`keep`). Salience is proposed from the actor's share of events, capability from its share of events
as the acting side, and, when two poles are given (e.g. low USA, high RUS), a first position from the
actor's cooperation-conflict balance with each pole in the window. Every proposal is written into the
actor's notes with its evidence; the analyst checks it before running the forecast.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from realpolitik.errors import ScenarioError

HEAD_ROLES = ("president", "prime minister", "premier", "chancellor")
# A head of government stays a row of its own when at least this share of its events (and 2 or more) are
# with its own state or government: the text then treats them as different actors. Hand-set, not fitted.
SEPARATE_SHARE = 0.25
PRIOR_EVENTS = 2.0  # pseudo-events of neutral relations: a balance from few events is shrunk toward 0
COOPERATION, CONFLICT = (1, 2), (3, 4)  # CAMEO quad classes


@dataclass(frozen=True)
class PoleBalance:
    """An actor's relations with one pole in the window: cooperative and conflictual events, the balance."""

    pole: str
    cooperation: int
    conflict: int
    balance: float  # (cooperation - conflict) / (cooperation + conflict + PRIOR_EVENTS), in (-1, 1); 1 = own pole


@dataclass(frozen=True)
class Suggestion:
    """One actor the event base suggests, with the evidence for it and the proposed inputs."""

    actor_id: str
    name: str
    country: str | None
    events: int
    as_source: int
    as_target: int
    mean_goldstein: float
    salience: float  # proposal: share of the most active actor's events, floored at 0.2
    capability: float = 0.0  # proposal: 100 x share of the most active actor's events as source, floored at 10
    position: float | None = None  # proposal from the pole balances (None without poles)
    merged: tuple[str, ...] = ()  # other actor ids folded into this row (government, head of government)
    merged_names: tuple[str, ...] = ()
    poles: tuple[PoleBalance, ...] = field(default_factory=tuple)  # (low pole, high pole)


def _head_of(roles) -> bool:
    for r in roles if isinstance(roles, (list, tuple)) else []:
        text = str(r).strip().lower()
        if any(text.startswith(h) for h in HEAD_ROLES):
            return True
    return False


def actor_groups(events, actors, keep: tuple[str, ...] = ()) -> dict[str, str]:
    """actor id -> the id of the row it is merged into (states absorb their government and head of government)."""
    keep_l = {k.lower() for k in keep}
    ids = set(events["source_actor_id"].dropna()) | set(events["target_actor_id"].dropna())
    info = {r.actor_id: r for r in actors.itertuples(index=False)}
    states = {i for i in ids if i in info and str(info[i].kind) == "state"}
    states |= {i[:3] for i in ids if isinstance(i, str) and len(i) == 6 and i.endswith("GOV")}
    out: dict[str, str] = {}
    for i in ids:
        if not isinstance(i, str):
            continue
        a = info.get(i)
        if i.lower() in keep_l or (a is not None and str(a.name).lower() in keep_l):
            continue
        if len(i) == 6 and i.endswith("GOV") and i[:3] in states:
            out[i] = i[:3]
        elif a is not None and str(a.kind) == "person" and isinstance(a.country, str) and a.country in states \
                and _head_of(a.roles):
            out[i] = a.country
    # the text distinguishes a head of government from its state when they act on each other often
    src, tgt = events["source_actor_id"], events["target_actor_id"]
    for person, state in list(out.items()):
        if not person.startswith("person:"):
            continue
        own = {state, f"{state}GOV"}
        mine = (src == person) | (tgt == person)
        between = ((src == person) & tgt.isin(own)) | ((tgt == person) & src.isin(own))
        if between.sum() >= 2 and between.sum() >= SEPARATE_SHARE * mine.sum():
            del out[person]
    return out


def _country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    return getattr(found, "common_name", None) or getattr(found, "name", code) if found else code


def _balance(df, rows_of, pole: str, own_country: str | None) -> PoleBalance:
    if own_country == pole:
        return PoleBalance(pole, 0, 0, 1.0)
    src_pole = df["source_country"] == pole
    tgt_pole = df["target_country"] == pole
    rel = df[(rows_of["source"] & tgt_pole) | (rows_of["target"] & src_pole)]
    coop = int(rel["quad_class"].isin(COOPERATION).sum())
    conf = int(rel["quad_class"].isin(CONFLICT).sum())
    return PoleBalance(pole, coop, conf, round((coop - conf) / (coop + conf + PRIOR_EVENTS), 3))


def suggest_stakeholders(db: str | Path | None = None, *, country: str | None = None, top: int = 10,
                         since: str | dt.date | None = None, until: str | dt.date | None = None,
                         poles: tuple[str, str] | None = None, scale: tuple[float, float] = (0.0, 100.0),
                         keep: tuple[str, ...] = ()) -> list[Suggestion]:
    """The `top` most active real actors in factual events (optionally those of or dealing with `country`).

    With `poles` (low, high: ISO3 codes) each actor gets a first position: the scale's midpoint plus a
    quarter of its span times (balance with the high pole - balance with the low pole).
    """
    from realpolitik.store import Store

    if top < 1:
        raise ScenarioError(f"--top must be at least 1 (got {top})")
    if poles is not None:
        poles = (poles[0].strip().upper(), poles[1].strip().upper())
        if poles[0] == poles[1] or not all(len(p) == 3 and p.isalpha() for p in poles):
            raise ScenarioError(f"poles must be two different ISO3 country codes, got {poles[0]!r} and {poles[1]!r}")
    store = Store(db, read_only=True)
    df = store.events(since=since, until=until)
    window = df
    if country:
        c = country.upper()
        df = df[(df["source_country"] == c) | (df["target_country"] == c)]
    if df.empty:
        raise ScenarioError("no factual events match: ingest articles first or widen --country/--since/--until")
    groups = actor_groups(window, store.actors(), keep)
    df, window = df.copy(), window.copy()
    for frame in (df, window):
        for side in ("source", "target"):
            frame[f"{side}_row"] = [groups.get(a, a) if isinstance(a, str) else None for a in frame[f"{side}_actor_id"]]
    names: dict[str, str] = {}
    for side in ("source", "target"):
        for aid, name in zip(window[f"{side}_actor_id"], window[f"{side}_name"]):
            if isinstance(aid, str) and isinstance(name, str) and name:
                names.setdefault(aid, name)
    counts: dict[str, dict] = {}
    for side in ("source", "target"):
        for rid, ctry, gold in zip(df[f"{side}_row"], df[f"{side}_country"], df["goldstein"]):
            if not isinstance(rid, str) or not rid:
                continue
            row = counts.setdefault(rid, {"country": ctry, "source": 0, "target": 0, "gold": []})
            row[side] += 1
            row["gold"].append(float(gold))
    for rid in counts:
        if rid not in names and len(rid) == 3 and rid.isupper():
            names[rid] = _country_name(rid)
    ranked = sorted(counts.items(), key=lambda kv: (-(kv[1]["source"] + kv[1]["target"]), kv[0]))[:top]
    most = max(v["source"] + v["target"] for _, v in ranked)
    most_src = max(max(v["source"] for _, v in ranked), 1)
    lo, hi = scale
    out = []
    for rid, v in ranked:
        ctry = v["country"] if isinstance(v["country"], str) else None
        members = tuple(sorted(a for a, r in groups.items() if r == rid))
        balances: tuple[PoleBalance, ...] = ()
        position = None
        if poles is not None:
            # relations with a pole are read from every event of the window, not only those with `country`
            rows_of = {"source": window["source_row"] == rid, "target": window["target_row"] == rid}
            balances = tuple(_balance(window, rows_of, p, ctry) for p in poles)
            position = round(min(hi, max(lo, (lo + hi) / 2 + (hi - lo) / 4 * (balances[1].balance - balances[0].balance))), 1)
        out.append(Suggestion(
            actor_id=rid, name=str(names.get(rid, rid)), country=ctry, events=v["source"] + v["target"],
            as_source=v["source"], as_target=v["target"], mean_goldstein=round(sum(v["gold"]) / len(v["gold"]), 2),
            salience=round(max(0.2, (v["source"] + v["target"]) / most), 2),
            capability=round(max(10.0, 100.0 * v["source"] / most_src), 0), position=position, merged=members,
            merged_names=tuple(str(names.get(a, a)) for a in members), poles=balances))
    return out


def _notes(s: Suggestion) -> str:
    text = (f"Suggested from the event base: {s.events} factual events ({s.as_source} as source, {s.as_target} "
            f"as target), mean Goldstein {s.mean_goldstein:+.2f}.")
    if s.merged:
        text += f" Merged into this row: {', '.join(s.merged_names)}."
    text += (" Salience proposed from its share of events, capability from its share of events as the acting "
             "side.")
    if s.poles:
        low, high = s.poles
        parts = []
        for b in (low, high):
            parts.append(f"with {b.pole}: its own pole" if b.balance == 1.0 and not (b.cooperation or b.conflict)
                         else f"with {b.pole}: {b.cooperation} cooperative, {b.conflict} conflictual (balance {b.balance:+.2f})")
        text += f" Position {s.position:g} from the balance of relations, {'; '.join(parts)}."
    else:
        text += " Set the position (or give poles: --low-pole/--high-pole)."
    return text + " Check every number before forecasting."


def scenario_skeleton(suggestions: list[Suggestion], *, issue: str = "EDIT: the issue at stake",
                      poles: tuple[str, str] | None = None, scale: tuple[float, float] = (0.0, 100.0)) -> str:
    """A scenario YAML for `realpolitik forecast`: runnable when positions were proposed (poles given)."""
    actors = []
    for s in suggestions:
        actors.append({
            "actor": s.name, "capability": s.capability, "position": s.position, "salience": s.salience,
            "notes": _notes(s), "source": f"realpolitik event base, actor {s.actor_id}"
                                         + (f" (+ {', '.join(s.merged)})" if s.merged else ""),
        })
    sc: dict = {"min": scale[0], "max": scale[1]}
    if poles:
        sc["low_label"] = f"aligned with {poles[0].upper()}"
        sc["high_label"] = f"aligned with {poles[1].upper()}"
    doc = {"name": issue, "issue": issue, "scale": sc, "actors": actors}
    if poles:
        header = ("# Scenario proposed by `realpolitik stakeholders` from the event base: capabilities, saliences\n"
                  "# and positions are first estimates from event counts and the balance of cooperation and\n"
                  "# conflict with the two poles (docs/forecast.md). Check each one, then run:\n"
                  "#   realpolitik forecast THIS_FILE --explain\n")
    else:
        header = ("# Scenario skeleton suggested by `realpolitik stakeholders` from the event base.\n"
                  "# Set every position (the event base cannot place an actor without poles: --low-pole/--high-pole),\n"
                  "# review the proposed capabilities and saliences, then run: realpolitik forecast THIS_FILE\n")
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
