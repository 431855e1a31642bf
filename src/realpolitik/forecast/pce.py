"""Probabilistic Condorcet election (PCE), the static core of KTAB's Spatial Model of Politics.

After Wise, Lester & Efird, "KTAB: the Spatial Model of Politics" (KAPSARC, 2015) and the KTAB source
(kmodel: scalarPCE, vProb, probCE). The options are the actors' positions. Actor k votes between options
i and j with strength w_k (u_k(i) - u_k(j)), w_k = capability x salience, u_k linear in distance; the
coalition for i against j is the sum of the positive votes. The probability that i beats j is
c(i:j) / (c(i:j) + c(j:i)) ("linear" victory probability) or with both strengths squared ("square"). The
probability that each option wins the whole contest comes from a Markov chain of challenges ("markov": a
uniformly chosen challenger replaces the current option with its victory probability; the stationary
distribution) or from the chance of beating every other option ("conditional": product of pairwise
probabilities, normalised). The forecast is the expected position: sum of P(option i wins) x_i.
This is a reading of the published description, not a line-by-line port of KTAB.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from realpolitik.errors import ScenarioError
from realpolitik.forecast.eum import MAX_ACTORS, win_probability

VICTORY = ("linear", "square")
CHAINS = ("markov", "conditional")


@dataclass(frozen=True)
class PCEParams:
    """victory: how coalition strengths become pairwise probabilities; chain: how pairs become a winner."""

    victory: str = "linear"
    chain: str = "markov"


def pce_params(params: dict) -> PCEParams:
    bad = set(params) - {"victory", "chain"}
    if bad:
        raise ScenarioError(f"unknown pce parameter(s) {', '.join(sorted(bad))} (use victory, chain)")
    prm = PCEParams(victory=str(params.get("victory", "linear")), chain=str(params.get("chain", "markov")))
    if prm.victory not in VICTORY:
        raise ScenarioError(f"unknown pce victory '{prm.victory}' (use {', '.join(VICTORY)})")
    if prm.chain not in CHAINS:
        raise ScenarioError(f"unknown pce chain '{prm.chain}' (use {', '.join(CHAINS)})")
    return prm


def pce_probabilities(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, prm: PCEParams | None = None,
                      scale: tuple[float, float] = (0.0, 100.0)) -> np.ndarray:
    """(batch, n) probability that each actor's position wins the probabilistic Condorcet election."""
    prm = prm or PCEParams()
    pos, cap, sal = (np.atleast_2d(np.asarray(a, float)) for a in (pos, cap, sal))
    cap, sal = np.broadcast_to(cap, pos.shape), np.broadcast_to(sal, pos.shape)
    b, n = pos.shape
    if n > MAX_ACTORS:
        raise ScenarioError(f"the pce model compares every pair of actors: at most {MAX_ACTORS:,} actors, got {n:,}")
    lo, hi = scale
    x = (pos - lo) / (hi - lo)
    w = cap / np.maximum(cap.sum(-1, keepdims=True), 1e-12) * sal
    w = np.where(w.sum(-1, keepdims=True) > 0, w, 1.0)
    p = win_probability(x, w)  # linear: positive votes for i / all votes between i and j
    if prm.victory == "square":
        with np.errstate(invalid="ignore", divide="ignore"):
            sq = p ** 2 / (p ** 2 + (1 - p) ** 2)
        p = np.where(np.isfinite(sq), sq, 0.5)
    eye = np.eye(n, dtype=bool)[None]
    if prm.chain == "conditional":
        logs = np.log(np.clip(np.where(eye, 1.0, p), 1e-300, 1.0)).sum(-1)
        logs -= logs.max(-1, keepdims=True)
        out = np.exp(logs)
        return out / out.sum(-1, keepdims=True)
    # Markov: from the current option j, a challenger i (uniform among the others) takes over with P(i beats j)
    trans = np.where(eye, 0.0, p.transpose(0, 2, 1)) / max(n - 1, 1)  # trans[b, j, i]
    trans[:, np.arange(n), np.arange(n)] = 1.0 - trans.sum(-1)
    for _ in range(40):  # trans ** (2 ** 40): the chain has self-loops, so it is aperiodic and settles
        trans = trans @ trans
    dist = trans.mean(1)  # from a uniform start
    return dist / dist.sum(-1, keepdims=True)


def pce(pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, prm: PCEParams | None = None,
        scale: tuple[float, float] = (0.0, 100.0)) -> np.ndarray:
    """Expected outcome of the probabilistic Condorcet election for each row of (batch, n) inputs."""
    single = np.ndim(pos) == 1
    probs = pce_probabilities(pos, cap, sal, prm, scale)
    out = (probs * np.atleast_2d(np.asarray(pos, float))).sum(-1)
    return out[0] if single else out


__all__ = ["PCEParams", "pce", "pce_probabilities", "pce_params", "VICTORY", "CHAINS"]
