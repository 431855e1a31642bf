"""Why a forecast is where it is: each actor's weight in the outcome and, for the EUM, every challenge.

One function per model family, all returning an `Explanation` (reasons per actor, EUM challenges, one
model-level sentence); `run_model` attaches it to the ForecastResult. No printing here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from realpolitik.forecast import models
from realpolitik.forecast.eum import KINDS, NONE, EUMRun
from realpolitik.forecast.result import ActorReason, Challenge, Move
from realpolitik.forecast.scenario import Scenario


@dataclass(frozen=True)
class Explanation:
    reasons: tuple[ActorReason, ...]
    challenges: tuple[Challenge, ...]
    text: str


def _shares(w: np.ndarray) -> np.ndarray:
    tot = w.sum()
    return w / tot if tot > 0 else np.full(len(w), 1.0 / max(len(w), 1))


def short_label(label: str, default: str) -> str:
    """A scale label without its parenthesised gloss: 'China model (economic opening...)' -> 'China model'."""
    return label.split("(")[0].strip() or default


def _side(x: float, outcome: float, scn: Scenario) -> str:
    if abs(x - outcome) < 0.05:
        return "at the outcome"
    if x < outcome:
        return f"toward {short_label(scn.scale_labels[0], 'the low end')}"
    return f"toward {short_label(scn.scale_labels[1], 'the high end')}"


def _reasons(scn: Scenario, weight: np.ndarray, final: list[float] | np.ndarray, details: list[str]):
    share = _shares(np.asarray(weight, float))
    return tuple(ActorReason(actor=a.name, position=a.position, capability=a.capability, salience=a.salience,
                             weight=float(weight[k]), share=float(share[k]), final=float(final[k]),
                             detail=details[k], notes=a.notes, source=a.source)
                 for k, a in enumerate(scn.actors))


def _weighted(scn: Scenario, prediction: float, params: dict[str, Any], final) -> Explanation:
    cap, pos, sal = scn.arrays()
    a, b = float(params.get("salience_power", 1.0)), float(params.get("capability_power", 1.0))
    s = (sal + 1e-3) ** a if a != 1.0 else sal
    w = cap ** b * s
    share = _shares(w)
    details = [f"pull {share[k] * (pos[k] - prediction):+.1f} {_side(pos[k], prediction, scn)}"
               for k in range(len(pos))]
    rule = "capability x salience" if (a, b) == (1.0, 1.0) else f"capability^{b:g} x salience^{a:g}"
    return Explanation(_reasons(scn, w, final, details), (),
                       f"the outcome is the mean of the positions weighted by {rule}; each actor's pull, "
                       "share x (position - outcome), balances the others' at the outcome")


def _median(scn: Scenario, prediction: float) -> Explanation:
    cap, pos, sal = scn.arrays()
    w = cap * sal
    share = _shares(w)
    below, above = share[pos < prediction - 1e-9].sum(), share[pos > prediction + 1e-9].sum()
    details = []
    for k in range(len(pos)):
        if abs(pos[k] - prediction) < 1e-9:
            details.append("pivot: the weight on each side of its position is under half")
        else:
            details.append("below the median" if pos[k] < prediction else "above the median")
    return Explanation(_reasons(scn, w, pos, details), (),
                       f"the outcome is the weighted median: {below:.0%} of the capability x salience lies "
                       f"below {prediction:.1f}, {above:.0%} above")


def _nash(scn: Scenario, prediction: float, params: dict[str, Any]) -> Explanation:
    from realpolitik.forecast.engine import nash_point

    cap, pos, sal = scn.arrays()
    det = models.nash_detail(pos, cap, sal, scn.names, status_quo=nash_point(params, scn), scale=scn.scale,
                             utility=str(params.get("utility", "quadratic")))
    w = cap * sal
    details = [f"bargaining power; utility gain over the disagreement point {g:+.0f}" for g in det.gains]
    return Explanation(_reasons(scn, w, pos, details), (), det.text)


def _council(scn: Scenario, prediction: float, params: dict[str, Any]) -> Explanation:
    from realpolitik.forecast.council import council_detail

    _, pos, sal = scn.arrays()
    cap, mean, lo, hi, _ = council_detail(pos, sal, scn.names, str(params.get("voting", scn.meta.get("voting") or "qmv")),
                                          str(params.get("unanimity", "qmv")))
    w = cap * sal
    details = [f"Council power index {c:.3f}" for c in cap]
    return Explanation(_reasons(scn, w, pos, details), (),
                       f"power x salience weighted mean {float(mean[0]):.1f}, clipped to the qualified-majority "
                       f"core {float(lo[0]):.1f}-{float(hi[0]):.1f}")


def _pce(scn: Scenario, prediction: float, params: dict[str, Any]) -> Explanation:
    from realpolitik.forecast.pce import pce_params, pce_probabilities

    cap, pos, sal = scn.arrays()
    prm = pce_params(params)
    p = pce_probabilities(pos, cap, sal, prm, scn.scale)[0]
    w = cap * sal
    details = [f"P(its position wins the Condorcet contest) {p[k]:.2f}; capability x salience share "
               f"{_shares(w)[k]:.2f}" for k in range(len(pos))]
    return Explanation(_reasons(scn, p, pos, details), (),
                       f"the outcome is the expected winning position: each actor's position weighted by the "
                       f"probability that it beats the others in pairwise votes ({prm.victory} victory "
                       f"probabilities, {prm.chain} chain)")


def _eum(scn: Scenario, prediction: float, run: EUMRun, moves: list[Move]) -> Explanation:
    cap, pos, sal = scn.arrays()
    names = scn.names
    lo, hi = scn.scale
    w = cap / max(cap.sum(), 1e-12) * sal
    final = run.positions[0, -1]
    challenges = []
    for r, tr in enumerate(run.trace or []):
        for i in range(len(names)):
            for j in range(len(names)):
                kind = int(tr.kind[i, j])
                if i == j or kind == NONE:
                    continue
                accepted = int(run.offer_from[0, r, j]) == i and int(run.offer_kind[0, r, j]) != NONE
                challenges.append(Challenge(round=r + 1, challenger=names[i], target=names[j],
                                            eu_challenger=float(tr.eu_challenger[i, j]),
                                            eu_target=float(tr.eu_target[i, j]),
                                            p_success=float(tr.p_success[i, j]), kind=KINDS[kind],
                                            offer=float(lo + tr.offer[i, j] * (hi - lo)), accepted=accepted))
    by_actor: dict[str, list[Move]] = {}
    for m in moves:
        by_actor.setdefault(m.actor, []).append(m)
    first = (run.trace or [None])[0]
    details = []
    for k, name in enumerate(names):
        ms = by_actor.get(name, [])
        if not ms:
            text = "did not move"
        else:
            last = ms[-1]
            text = (f"{pos[k]:.1f} -> {final[k]:.1f} in {len(ms)} move(s); last: {last.kind} "
                    f"from {last.offered_by} (round {last.round})")
        if first is not None and first.risk is not None:
            # r = 2 for the actor the others least expect to gain from challenging, 0.5 for the most exposed
            text += f"; risk exponent r {first.risk[k]:.2f} in round 1"
        details.append(text)
    text = (f"after {run.rounds} round(s) of challenges the forecast is the median voter position "
            f"{prediction:.1f} (the position that wins most pairwise votes, weighted by capability share x salience)")
    return Explanation(_reasons(scn, w, final, details), tuple(challenges), text)


def explain(scn: Scenario, model: str, prediction: float, positions, moves: list[Move], params: dict[str, Any],
            run: EUMRun | None = None) -> Explanation:
    """The reasons per actor for one forecast of one scenario."""
    final = np.asarray(positions[-1], float)
    if model == "eum" and run is not None:
        return _eum(scn, prediction, run, moves)
    if model == "median":
        return _median(scn, prediction)
    if model == "nash":
        return _nash(scn, prediction, params)
    if model == "council":
        return _council(scn, prediction, params)
    if model == "pce":
        return _pce(scn, prediction, params)
    exp = _weighted(scn, prediction, params if model == "compromise" else {}, final)
    if model == "exchange" and moves:
        return Explanation(exp.reasons, (), exp.text.replace("the outcome is", "after trading across the "
                                                             "dossier's issues, the outcome is"))
    return exp


__all__ = ["Explanation", "explain"]
