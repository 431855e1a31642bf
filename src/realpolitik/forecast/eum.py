"""Bueno de Mesquita's expected-utility model, after the reconstruction by Scholz, Calbert & Smith (2011).

Each round: the median voter position from pairwise votes; each actor's probability of winning a
challenge against every other; utilities of success, failure and the status quo (with risk exponents);
the expected utility of challenging; offers (confrontation, compromise, capitulation); every actor
accepts the offer that moves it least. Arrays carry a leading batch axis so Monte Carlo draws run together.
Where published reconstructions disagree the choice is a field of `EUMParams` (see docs/forecast.md).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from realpolitik.errors import ScenarioError

NONE, CONFRONTATION, COMPROMISE, CAPITULATION = 0, 1, 2, 3
KINDS = {NONE: "none", CONFRONTATION: "confrontation", COMPROMISE: "compromise", CAPITULATION: "capitulation"}


@dataclass(frozen=True)
class EUMParams:
    """Choices where reconstructions differ.

    q: probability the status quo holds if i does not challenge (Scholz et al. use 1.0, others 0.5).
    t: probability, if it does not hold, that things get better for i (0.5 or 1.0 in the literature).
    risk: "bdm" computes risk exponents r_i from each actor's vulnerability (r in [0.5, 2]); "neutral" r_i = 1.
    risk_of: whose exponent prices j's challenge of i as seen by i: "challenger" (j's own, as in most Python
        reconstructions) or "perceiver" (i's, as in BDM's description of perceptions).
    accept: "closest" (the offer needing the smallest move, Scholz et al.) or "strongest" (highest proposer EU).
    outcome: the forecast read off the final round: "median" (median voter position, BDM) or "mean".
    """

    q: float = 1.0
    t: float = 1.0
    risk: str = "bdm"
    risk_of: str = "challenger"
    accept: str = "closest"
    outcome: str = "median"
    tol: float = 1e-6


# Every round holds about this many (batch, n, n) float arrays at once (votes, utilities, offers, ...).
_PAIR_ARRAYS = 32
MAX_BYTES = 2 * 1024 ** 3  # one EUM call may hold at most this much in pair arrays
MAX_ACTORS = int((MAX_BYTES / (_PAIR_ARRAYS * 8)) ** 0.5)  # 2,896 actors for a single run


def pair_memory(batch: int, n: int) -> int:
    """Bytes of pair arrays one EUM round holds for `batch` runs of `n` actors."""
    return _PAIR_ARRAYS * 8 * batch * n * n


def batch_size(n: int, wanted: int = 250) -> int:
    """How many Monte Carlo runs of `n` actors one EUM call can take within MAX_BYTES."""
    return max(1, min(wanted, MAX_BYTES // max(pair_memory(1, n), 1)))


@dataclass
class RoundTrace:
    """One round of batch row 0, for explanations: (n, n) arrays indexed [challenger i, target j]."""

    median: float  # on the 0-1 scale
    p_success: np.ndarray  # P(i beats j)
    eu_challenger: np.ndarray  # E_ij: i's expected utility of challenging j
    eu_target: np.ndarray  # E_ji as i perceives it: j's expected utility of challenging i
    kind: np.ndarray  # offer type from i to j (NONE, CONFRONTATION, COMPROMISE, CAPITULATION)
    offer: np.ndarray  # where i asks j to move (0-1 scale), NaN for no offer
    risk: np.ndarray | None  # r_i, or None when risk neutral


@dataclass
class EUMRun:
    """Round-by-round trace. positions: (batch, rounds+1, n) on the original scale; medians: (batch, rounds+1)."""

    positions: np.ndarray
    medians: np.ndarray
    offer_from: np.ndarray  # (batch, rounds, n) index of the actor whose offer was accepted, -1 none
    offer_kind: np.ndarray  # (batch, rounds, n) NONE / CONFRONTATION / COMPROMISE / CAPITULATION
    prediction: np.ndarray  # (batch,)
    rounds: int
    trace: list[RoundTrace] | None = None  # per round, batch row 0, when run_eum(trace=True)


def median_voter(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Position among the actors' that wins most pairwise votes; with linear utilities its vote total
    is a constant minus n * sum_i w_i |x_i - x_j|, so it is the weighted median among actor positions."""
    d = np.abs(x[:, :, None] - x[:, None, :])  # (b, i, j)
    cost = np.einsum("bi,bij->bj", w, d)
    return np.take_along_axis(x, np.argmin(cost, -1)[:, None], -1)[:, 0]


def win_probability(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """P[b,i,j]: share of third-party votes v_k = w_k(|x_k-x_j| - |x_k-x_i|) that back i against j.

    sum_k |v_k| equals sum_k w_k min(L, 2|x_k - m|) (L = |x_i - x_j|, m their midpoint), which sorted
    prefix sums give in O(n^2 log n) instead of the O(n^3) vote tensor.
    """
    b, n = x.shape
    d = np.abs(x[:, :, None] - x[:, None, :])
    lin = np.einsum("bk,bkj->bj", w, d)
    net = lin[:, None, :] - lin[:, :, None]  # sum_k v[k,i,j]
    order = np.argsort(x, -1)
    xs = np.take_along_axis(x, order, -1)
    ws = np.take_along_axis(w, order, -1)
    zero = np.zeros((b, 1))
    cw = np.concatenate([zero, np.cumsum(ws, -1)], -1)
    cwx = np.concatenate([zero, np.cumsum(ws * xs, -1)], -1)
    # one global searchsorted: shift each batch row into its own interval (x lies in [0, 1])
    shift = 4.0 * np.arange(b)
    flat = (xs + shift[:, None]).ravel()
    lo = np.minimum(x[:, :, None], x[:, None, :])
    hi = np.maximum(x[:, :, None], x[:, None, :])
    mid = 0.5 * (lo + hi)

    def rank(v: np.ndarray, side: str) -> np.ndarray:
        extra = (None,) * (v.ndim - 1)
        idx = np.searchsorted(flat, (v + shift[(slice(None),) + extra]).ravel(), side=side).reshape(v.shape)
        return idx - (n * np.arange(b))[(slice(None),) + extra]

    # lo and hi are actor positions, so their ranks come from n queries per row, not n^2
    r_left, r_right = rank(x, "left"), rank(x, "right")
    i_lo = x[:, :, None] <= x[:, None, :]
    ia = np.where(i_lo, r_left[:, :, None], r_left[:, None, :])
    ib = np.where(i_lo, r_right[:, None, :], r_right[:, :, None])
    im = rank(mid, "left")

    def take(c: np.ndarray, idx: np.ndarray) -> np.ndarray:
        return np.take_along_axis(c, idx.reshape(b, -1), -1).reshape(idx.shape)

    wa, wm, wb = take(cw, ia), take(cw, im), take(cw, ib)
    xa, xm, xb = take(cwx, ia), take(cwx, im), take(cwx, ib)
    inside = mid * (wm - wa) - (xm - xa) + (xb - xm) - mid * (wb - wm)
    outside = 0.5 * (hi - lo) * (cw[:, -1][:, None, None] - (wb - wa))
    total = 2.0 * (inside + outside)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = 0.5 * (total + net) / total
    return np.where(total > 1e-12, np.clip(p, 0.0, 1.0), 0.5)


def _win_probability_brute(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Reference O(n^3) version of win_probability, kept for tests."""
    d = np.abs(x[:, :, None] - x[:, None, :])
    v = w[:, :, None, None] * (d[:, :, None, :] - d[:, :, :, None])
    total = np.abs(v).sum(1)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = np.clip(v, 0, None).sum(1) / total
    return np.where(total > 1e-12, p, 0.5)


def _utilities(x: np.ndarray, med: np.ndarray, r: np.ndarray | None, s: np.ndarray, p: np.ndarray,
               q: float, t: float) -> np.ndarray:
    """E[b,i,j]: expected utility for i of challenging j, with exponent r[b,i,j] pricing i's utilities."""
    d = np.abs(x[:, :, None] - x[:, None, :])
    dm = np.abs(x - med[:, None])[:, :, None]
    bases = (0.5 - 0.5 * d, 0.5 + 0.5 * d, np.full_like(d, 0.5),
             np.clip(0.5 - 0.25 * (dm - d), 0, 1), np.clip(0.5 + 0.25 * (dm - d), 0, 1))
    if r is None:  # risk neutral: skip the (slow) powers
        u_s, u_f, u_sq, u_b, u_w = (2 - 4 * base for base in bases)
    else:
        u_s, u_f, u_sq, u_b, u_w = (2 - 4 * base ** r for base in bases)
    sj = s[:, None, :]
    e = sj * (p * u_s + (1 - p) * u_f) + (1 - sj) * u_s - q * u_sq - (1 - q) * (t * u_b + (1 - t) * u_w)
    n = x.shape[1]
    return e * (1 - np.eye(n))[None]


def _risk(x: np.ndarray, med: np.ndarray, s: np.ndarray, p: np.ndarray, q: float, t: float) -> np.ndarray:
    """r_i in [0.5, 2] from vulnerability: how much the others expect to gain by challenging i."""
    e = _utilities(x, med, None, s, p, q, t)
    threat = e.sum(1)  # sum_j E[j, i]
    hi, lo = threat.max(-1, keepdims=True), threat.min(-1, keepdims=True)
    span = np.where(hi - lo > 1e-12, hi - lo, 1.0)
    big_r = np.where(hi - lo > 1e-12, (2 * threat - hi - lo) / span, 0.0)
    return (1 - big_r / 3) / (1 + big_r / 3)


def eum_round(x: np.ndarray, cap: np.ndarray, sal: np.ndarray, prm: EUMParams, trace: bool = False):
    """One round on a 0-1 scale; returns new positions, the median, accepted offer sources and kinds
    (and, with `trace`, a RoundTrace of batch row 0)."""
    w = cap * sal
    med = median_voter(x, w)
    p = win_probability(x, w)
    n = x.shape[1]
    r = _risk(x, med, sal, p, prm.q, prm.t) if prm.risk == "bdm" else None
    e_own = _utilities(x, med, None if r is None else r[:, :, None], sal, p, prm.q, prm.t)
    if prm.risk_of == "perceiver" and r is not None:
        # i prices j's challenge with its own exponent: E^i_ji evaluated with r_i
        e_other = _utilities(x, med, r[:, None, :], sal, p, prm.q, prm.t)
        e_ji = np.swapaxes(e_other, 1, 2)
    else:
        e_ji = np.swapaxes(e_own, 1, 2)
    e_ij = e_own
    # offers from i (row) to j (column): where j should move
    xi = np.broadcast_to(x[:, :, None], p.shape)
    xj = np.broadcast_to(x[:, None, :], p.shape)
    kind = np.full(p.shape, NONE)
    conf = (e_ij > 0) & (e_ji > 0) & (e_ij > e_ji)
    comp = (e_ij > 0) & (e_ji < 0) & (e_ij > -e_ji)
    capit = (e_ij > 0) & (e_ji < 0) & (e_ij <= -e_ji)
    kind[conf], kind[comp], kind[capit] = CONFRONTATION, COMPROMISE, CAPITULATION
    with np.errstate(divide="ignore", invalid="ignore"):
        frac = np.where(comp, np.abs(e_ji / e_ij), 1.0)
    offer = np.where(kind != NONE, xj + frac * (xi - xj), np.nan)
    offer[:, np.arange(n), np.arange(n)] = np.nan
    if prm.accept == "strongest":
        score = np.where(np.isnan(offer), -np.inf, e_ij)
        best = np.argmax(score, 1)
    else:
        score = np.where(np.isnan(offer), np.inf, np.abs(offer - xj))
        best = np.argmin(score, 1)
    has = np.isfinite(np.take_along_axis(score, best[:, None, :], 1)[:, 0, :])
    new = np.where(has, np.take_along_axis(offer, best[:, None, :], 1)[:, 0, :], x)
    src = np.where(has, best, -1)
    knd = np.where(has, np.take_along_axis(kind, best[:, None, :], 1)[:, 0, :], NONE)
    if trace:
        rt = RoundTrace(median=float(med[0]), p_success=p[0].copy(), eu_challenger=e_ij[0].copy(),
                        eu_target=e_ji[0].copy(), kind=kind[0].copy(), offer=offer[0].copy(),
                        risk=None if r is None else r[0].copy())
        return new, med, src, knd, rt
    return new, med, src, knd


def run_eum(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, rounds: int = 10,
            params: EUMParams | None = None, scale: tuple[float, float] = (0.0, 100.0),
            trace: bool = False) -> EUMRun:
    """Run the model for up to `rounds` rounds (stops early once no position moves) on (batch, n) inputs.

    Raises ScenarioError when the pair arrays would exceed MAX_BYTES (the model compares every pair of
    actors, so memory grows with the square of their number).
    """
    prm = params or EUMParams()
    pos, cap, sal = (np.atleast_2d(np.asarray(a, float)) for a in (pos, cap, sal))
    b_, n_ = pos.shape
    if pair_memory(b_, n_) > MAX_BYTES:
        need = pair_memory(b_, n_) / 1024 ** 3
        raise ScenarioError(f"the expected-utility model compares every pair of actors: {b_} run(s) of {n_:,} "
                            f"actors would need about {need:.0f} GiB; it takes at most {MAX_ACTORS:,} actors "
                            "(group minor actors into blocs)")
    cap, sal = np.broadcast_to(cap, pos.shape), np.broadcast_to(sal, pos.shape)
    lo, hi = scale
    x = (pos - lo) / (hi - lo)
    # capabilities are relative: normalise so the scale of the input does not matter
    cap = cap / np.maximum(cap.sum(-1, keepdims=True), 1e-12)
    hist, meds, srcs, kinds = [x], [], [], []
    traces: list[RoundTrace] = []
    for _ in range(rounds):
        if trace:
            new, med, src, knd, rt = eum_round(x, cap, sal, prm, trace=True)
            traces.append(rt)
        else:
            new, med, src, knd = eum_round(x, cap, sal, prm)
        meds.append(med)
        srcs.append(src)
        kinds.append(knd)
        moved = np.abs(new - x).max() > prm.tol
        x = new
        hist.append(x)
        if not moved:
            break
    w = cap * sal
    meds.append(median_voter(x, w))
    positions = np.stack(hist, 1)
    medians = np.stack(meds, 1)
    if prm.outcome == "mean":
        ws = np.where(w.sum(-1, keepdims=True) > 0, w, 1.0)
        pred = (ws * x).sum(-1) / ws.sum(-1)
    else:
        pred = medians[:, -1]
    n_rounds = len(srcs)
    b, n = pos.shape
    return EUMRun(positions=lo + positions * (hi - lo), medians=lo + medians * (hi - lo),
                  offer_from=np.stack(srcs, 1) if srcs else np.zeros((b, 0, n), int),
                  offer_kind=np.stack(kinds, 1) if kinds else np.zeros((b, 0, n), int),
                  prediction=lo + pred * (hi - lo), rounds=n_rounds, trace=traces if trace else None)
