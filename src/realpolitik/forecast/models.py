"""Static bargaining models: compromise (weighted mean), weighted median, Nash bargaining solution.

Every function takes arrays of shape (..., n_actors) and returns shape (...), so one call scores a
whole batch of Monte Carlo draws. Weights are capability x salience throughout.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def _weights(cap: np.ndarray, sal: np.ndarray) -> np.ndarray:
    w = np.asarray(cap, float) * np.asarray(sal, float)
    # an issue where nobody cares at all still has an answer: fall back to equal weights
    empty = w.sum(-1, keepdims=True) <= 0
    return np.where(empty, 1.0, w)


def compromise(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, salience_power: float = 1.0,
               capability_power: float = 1.0) -> np.ndarray:
    """Capability x salience weighted mean of positions (the 'compromise model').

    The powers generalise the weights to cap**b * sal**a (a = b = 1 is the classic model); with a < 1
    actors who reported zero salience keep a small say (a floor of 0.001 before the power).
    """
    pos = np.asarray(pos, float)
    sal = np.asarray(sal, float)
    if salience_power != 1.0:
        sal = (sal + 1e-3) ** salience_power
    w = _weights(np.asarray(cap, float) ** capability_power, sal)
    return (w * pos).sum(-1) / w.sum(-1)


def weighted_median(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray) -> np.ndarray:
    """Position where half the capability x salience weight lies on each side (midpoint on an exact tie)."""
    pos = np.asarray(pos, float)
    w = np.broadcast_to(_weights(cap, sal), pos.shape)
    order = np.argsort(pos, axis=-1, kind="stable")
    x = np.take_along_axis(pos, order, -1)
    cw = np.cumsum(np.take_along_axis(w, order, -1), -1)
    half = cw[..., -1:] / 2.0
    k = (cw < half - 1e-12).sum(-1, keepdims=True)  # first index reaching half the weight
    lo = np.take_along_axis(x, k, -1)[..., 0]
    exact = np.isclose(np.take_along_axis(cw, k, -1), half)[..., 0]
    k2 = np.minimum(k + 1, x.shape[-1] - 1)
    hi = np.take_along_axis(x, k2, -1)[..., 0]
    return np.where(exact & (k2[..., 0] > k[..., 0]), (lo + hi) / 2.0, lo)


def _nash_grid(pos, cap, sal, status_quo, scale, utility, grid):
    """The Nash objective on a grid: (xs, objective, feasible mask, weights, gains, base)."""
    pos = np.asarray(pos, float)
    w = _weights(cap, sal)
    w = np.broadcast_to(w, pos.shape)
    xs = np.linspace(scale[0], scale[1], grid)
    power = 2.0 if utility == "quadratic" else 1.0
    util = -np.abs(xs - pos[..., None]) ** power  # (..., n, grid)
    if status_quo is None:
        worst = -np.maximum(np.abs(pos - scale[0]), np.abs(pos - scale[1])) ** power
        base = worst[..., None]
    else:
        base = (-np.abs(status_quo - pos) ** power)[..., None]
    gain = util - base
    active = (w > 0)[..., None]
    feasible = np.all((gain > 1e-12) | ~active, axis=-2)  # (..., grid)
    with np.errstate(divide="ignore", invalid="ignore"):
        obj = (w[..., None] * np.log(np.where(gain > 0, gain, np.nan))).sum(-2, where=np.broadcast_to(active, gain.shape))
    obj = np.where(feasible, obj, -np.inf)
    return xs, obj, feasible, w, gain, base


def nash(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, status_quo: float | None = None,
         scale: tuple[float, float] = (0.0, 100.0), utility: str = "quadratic", grid: int = 1001) -> np.ndarray:
    """Asymmetric Nash bargaining solution: argmax of sum w_i log(U_i(x) - U_i(d)) over the scale.

    d is the status quo; without one, each actor's disagreement value is its worst point on the scale.
    If no outcome leaves every actor with weight better off than d, the status quo stands.
    Salience enters as bargaining power (an exponent) because rescaling a utility cancels in the argmax.
    """
    pos = np.asarray(pos, float)
    xs, obj, feasible, _, _, _ = _nash_grid(pos, cap, sal, status_quo, scale, utility, grid)
    best = xs[np.argmax(obj, -1)]
    none = ~feasible.any(-1)
    fallback = status_quo if status_quo is not None else compromise(pos, cap, sal)
    return np.where(none, fallback, best)


@dataclass(frozen=True)
class NashDetail:
    """Why the Nash solution is where it is: the disagreement point, the feasible set, each actor's gain."""

    solution: float
    disagreement: str  # "status quo X" or "each actor's worst point on the scale"
    feasible: tuple[float, float] | None  # outcomes better than d for every actor with weight; None if empty
    gains: tuple[float, ...]  # U_i(solution) - U_i(d) per actor
    blockers: tuple[tuple[str, str], ...] = ()  # when empty: an actor on each side of the status quo

    @property
    def text(self) -> str:
        if self.feasible is None:
            low, high = self.blockers if len(self.blockers) == 2 else (("?", ""), ("?", ""))
            return (f"disagreement point: {self.disagreement}. No outcome is better than it for every actor with "
                    f"weight: {low[0]} ({low[1]}) loses from any move up, {high[0]} ({high[1]}) from any move "
                    "down, so the status quo is Pareto-optimal and, every actor being a veto player in Nash "
                    "bargaining, it stands. Use --param disagreement=worst for bargaining under the threat of "
                    "breakdown (the default).")
        lo, hi = self.feasible
        return (f"disagreement point: {self.disagreement}; feasible set (better than it for every actor with "
                f"weight): {lo:.1f}-{hi:.1f}; solution {self.solution:.1f} maximises the sum of "
                "weight x log(utility gain)")


def nash_detail(pos, cap, sal, names, status_quo: float | None = None, scale=(0.0, 100.0),
                utility: str = "quadratic", grid: int = 1001) -> NashDetail:
    """The Nash solution of one issue with its disagreement point, feasible set and per-actor gains."""
    pos = np.asarray(pos, float)
    xs, obj, feasible, w, gain, _ = _nash_grid(pos, cap, sal, status_quo, scale, utility, grid)
    sol = float(nash(pos, cap, sal, status_quo, scale, utility, grid))
    k = int(np.argmin(np.abs(xs - sol)))
    d = f"status quo {status_quo:g}" if status_quo is not None else "each actor's worst point on the scale"
    if not feasible.any():
        active = [i for i in range(len(pos)) if w[i] > 0]
        below = [i for i in active if pos[i] < status_quo - 1e-9] if status_quo is not None else []
        above = [i for i in active if pos[i] > status_quo + 1e-9] if status_quo is not None else []
        blockers = ()
        if below and above:
            b, a = max(below, key=lambda i: w[i]), max(above, key=lambda i: w[i])
            blockers = ((str(names[b]), f"at {pos[b]:g}"), (str(names[a]), f"at {pos[a]:g}"))
        return NashDetail(sol, d, None, tuple(float(g) for g in gain[:, k]), blockers)
    ok = xs[feasible]
    return NashDetail(sol, d, (float(ok.min()), float(ok.max())), tuple(float(g) for g in gain[:, k]))
