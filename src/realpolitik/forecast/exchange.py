"""Exchange model (after Stokman & Van Oosten 1994): actors trade positions across issues of one dossier.

Actor i gives way on issue l, which it cares little about, to partner j; in return j gives way on
issue k, which i cares about. Outcomes are the compromise (capability x salience weighted mean); a
move of d on issue l by i shifts that outcome by c_i s_il d / W_l. The exchange rate makes both
gains equal, trades run in order of gain, and the forecast is the compromise of the traded positions.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from realpolitik.errors import ScenarioError
from realpolitik.forecast.scenario import Scenario

LIMITS = ("outcome", "partner")


@dataclass(frozen=True)
class Trade:
    """One exchange: `actor` moves on `gives_on`, `partner` moves on `gets_on`; both gain `gain`."""

    round: int
    actor: int
    partner: int
    gives_on: int
    gets_on: int
    actor_before: float
    actor_after: float
    partner_before: float
    partner_after: float
    gain: float


def _outcomes(x: np.ndarray, w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    tot = w.sum(1)
    safe = np.where(tot > 0, tot, 1.0)
    return (np.nan_to_num(x) * w).sum(1) / safe, tot


def _candidates(x: np.ndarray, c: np.ndarray, s: np.ndarray, limit: str) -> list[tuple]:
    """Every feasible trade (gain, i, j, k, l, shift on l, shift on k) at the current positions."""
    present = ~np.isnan(x)
    w = np.where(present, c * s, 0.0)
    out, tot = _outcomes(x, w)
    side = np.where(present, np.sign(np.nan_to_num(x) - out[:, None]), 0.0)
    found = []
    n_issues = x.shape[0]
    for k in range(n_issues):
        for l in range(n_issues):
            if k == l or tot[k] <= 0 or tot[l] <= 0:
                continue
            # i values k relative to l more than j does, and the two sit on opposite sides of both outcomes
            rel = s[k][:, None] * s[l][None, :] > s[l][:, None] * s[k][None, :] + 1e-12
            opposed = (side[k][:, None] * side[k][None, :] < 0) & (side[l][:, None] * side[l][None, :] < 0)
            for i, j in zip(*np.nonzero(rel & opposed)):
                if limit == "partner":
                    room_i, room_j = abs(x[l, i] - x[l, j]), abs(x[k, j] - x[k, i])
                else:  # nobody concedes past the expected outcome: beyond it the actor would argue the other side
                    room_i, room_j = abs(x[l, i] - out[l]), abs(x[k, j] - out[k])
                a_max = w[l, i] * room_i / tot[l]  # largest shift of outcome l that i can give
                b_max = w[k, j] * room_j / tot[k]  # largest shift of outcome k that j can give
                rate = (s[l, i] + s[l, j]) / (s[k, i] + s[k, j])  # b / a for equal gains
                a = min(a_max, b_max / rate)
                b = a * rate
                gain = s[k, i] * b - s[l, i] * a
                if gain > 1e-9:
                    found.append((gain, int(i), int(j), k, l, a, b))
    return found


def exchange_positions(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, rounds: int = 1,
                       limit: str = "outcome") -> tuple[np.ndarray, list[Trade]]:
    """Positions after trading, shape (issues, actors); NaN marks an actor absent from an issue.

    cap is (actors,) or (issues, actors); sal is 0-1. Each round trades at the round's starting
    positions, best gain first, and an actor takes part in at most one trade per issue per round.
    """
    if limit not in LIMITS:
        raise ScenarioError(f"unknown exchange limit '{limit}' (use {', '.join(LIMITS)})")
    if rounds < 1:
        raise ScenarioError(f"exchange rounds must be at least 1, got {rounds}")
    x = np.array(pos, float, copy=True)
    if x.ndim != 2:
        raise ScenarioError("exchange positions must be a 2-D array (issues, actors)")
    s = np.where(np.isnan(x), 0.0, np.asarray(sal, float))
    c = np.broadcast_to(np.asarray(cap, float), x.shape)
    trades: list[Trade] = []
    for r in range(1, rounds + 1):
        found = sorted(_candidates(x, c, s, limit), key=lambda t: -t[0])
        if not found:
            break
        w = np.where(np.isnan(x), 0.0, c * s)
        out, tot = _outcomes(x, w)
        new = x.copy()
        busy: set[tuple[int, int]] = set()
        for gain, i, j, k, l, a, b in found:
            if {(i, k), (i, l), (j, k), (j, l)} & busy:
                continue
            busy |= {(i, k), (i, l), (j, k), (j, l)}
            toward_i = out[l] if limit == "outcome" else x[l, j]
            toward_j = out[k] if limit == "outcome" else x[k, i]
            new[l, i] = x[l, i] + np.sign(toward_i - x[l, i]) * a * tot[l] / w[l, i]
            new[k, j] = x[k, j] + np.sign(toward_j - x[k, j]) * b * tot[k] / w[k, j]
            trades.append(Trade(r, i, j, l, k, float(x[l, i]), float(new[l, i]), float(x[k, j]),
                                float(new[k, j]), float(gain)))
        x = new
    return x, trades


def exchange_issues(issues: list[Scenario], rounds: int = 1, limit: str = "outcome") -> list[Scenario]:
    """Trade within each dossier (meta['dossier']); returns the issues with traded positions.

    Each returned issue keeps its input positions in meta['exchange_before'] and the trades that moved
    one of its actors in meta['exchange_moves'] as (round, actor, partner, partner's issue, before, after).
    """
    groups: dict[str, list[int]] = {}
    for n, scn in enumerate(issues):
        key = str(scn.meta.get("dossier") or "")
        groups.setdefault(key or f"\0{n}", []).append(n)
    result = list(issues)
    for members in groups.values():
        if len(members) < 2:
            continue
        names: list[str] = []
        for n in members:
            names += [a for a in issues[n].names if a not in names]
        col = {a: m for m, a in enumerate(names)}
        pos = np.full((len(members), len(names)), np.nan)
        sal = np.zeros_like(pos)
        cap = np.zeros_like(pos)
        for row, n in enumerate(members):
            for a in issues[n].actors:
                m = col[a.name]
                pos[row, m], sal[row, m], cap[row, m] = a.position, a.salience, a.capability
        traded, trades = exchange_positions(pos, cap, sal, rounds=rounds, limit=limit)
        for row, n in enumerate(members):
            scn = issues[n]
            moves: list[tuple[Any, ...]] = []
            for t in trades:
                if t.gives_on == row:
                    moves.append((t.round, names[t.actor], names[t.partner], issues[members[t.gets_on]].issue_id,
                                  t.actor_before, t.actor_after))
                if t.gets_on == row:
                    moves.append((t.round, names[t.partner], names[t.actor], issues[members[t.gives_on]].issue_id,
                                  t.partner_before, t.partner_after))
            actors = tuple(replace(a, position=float(traded[row, col[a.name]])) for a in scn.actors)
            meta = {**scn.meta, "exchange_before": tuple(a.position for a in scn.actors),
                    "exchange_moves": tuple(moves)}
            result[n] = replace(scn, actors=actors, meta=meta)
    return result


def exchange_params(params: dict[str, Any] | None) -> dict[str, Any]:
    """The exchange settings among model parameters: trade_rounds (default 1) and limit (default outcome)."""
    params = params or {}
    bad = set(params) - {"trade_rounds", "limit"}
    if bad:
        raise ScenarioError(f"unknown exchange parameter(s) {', '.join(sorted(bad))} (use trade_rounds, limit)")
    try:
        rounds = int(params.get("trade_rounds", 1))
    except (TypeError, ValueError):
        raise ScenarioError(f"trade_rounds must be an integer, got {params.get('trade_rounds')!r}") from None
    return {"rounds": rounds, "limit": str(params.get("limit", "outcome"))}


__all__ = ["Trade", "exchange_positions", "exchange_issues", "exchange_params", "LIMITS"]
