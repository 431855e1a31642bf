"""Static bargaining models: compromise (weighted mean), weighted median, Nash bargaining solution.

Every function takes arrays of shape (..., n_actors) and returns shape (...), so one call scores a
whole batch of Monte Carlo draws. Weights are capability x salience throughout.
"""
from __future__ import annotations

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


def nash(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, status_quo: float | None = None,
         scale: tuple[float, float] = (0.0, 100.0), utility: str = "quadratic", grid: int = 1001) -> np.ndarray:
    """Asymmetric Nash bargaining solution: argmax of sum w_i log(U_i(x) - U_i(d)) over the scale.

    d is the status quo; without one, each actor's disagreement value is its worst point on the scale.
    If no outcome leaves every actor with weight better off than d, the status quo stands.
    Salience enters as bargaining power (an exponent) because rescaling a utility cancels in the argmax.
    """
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
    best = xs[np.argmax(obj, -1)]
    none = ~feasible.any(-1)
    fallback = status_quo if status_quo is not None else compromise(pos, cap, sal)
    return np.where(none, fallback, best)
