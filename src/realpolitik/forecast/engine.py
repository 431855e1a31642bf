"""Run a model on a scenario: one deterministic forecast, the reasons per actor, an optional Monte Carlo."""
from __future__ import annotations

from typing import Any

import numpy as np

from realpolitik.errors import ScenarioError
from realpolitik.forecast import models
from realpolitik.forecast.council import council_predict
from realpolitik.forecast.eum import KINDS, NONE, EUMParams, batch_size, run_eum
from realpolitik.forecast.exchange import exchange_params
from realpolitik.forecast.pce import pce, pce_params
from realpolitik.forecast.result import ForecastResult, MonteCarlo, Move
from realpolitik.forecast.scenario import Scenario

MODELS = ("compromise", "median", "nash", "eum", "exchange", "council", "pce")
DISAGREEMENT = ("worst", "status_quo")
# The EUM's per-round challenges are kept for explanation up to this many actors (n^2 offers a round;
# beyond it they are unreadable and their trace would cost more memory than the run itself).
EXPLAIN_MAX_ACTORS = 60


def nash_point(params: dict[str, Any], scn: Scenario) -> float | None:
    """Nash's disagreement point: an explicit status_quo parameter, the scenario's status quo when
    disagreement=status_quo, else None (each actor's worst point: bargaining under the threat of breakdown)."""
    if params.get("status_quo") is not None:
        return float(params["status_quo"])
    how = str(params.get("disagreement", "worst"))
    if how not in DISAGREEMENT:
        raise ScenarioError(f"unknown nash disagreement '{how}' (use {', '.join(DISAGREEMENT)})")
    return scn.status_quo if how == "status_quo" else None


def predict_batch(model: str, pos: np.ndarray, cap: np.ndarray, sal: np.ndarray, scn: Scenario,
                  rounds: int = 10, params: dict[str, Any] | None = None) -> np.ndarray:
    """Predicted outcome for each row of (batch, n) inputs."""
    params = params or {}
    if model == "compromise":
        bad = set(params) - {"salience_power", "capability_power"}
        if bad:
            raise ScenarioError(f"unknown compromise parameter(s) {', '.join(sorted(bad))} "
                                "(use salience_power, capability_power)")
        return models.compromise(pos, cap, sal, float(params.get("salience_power", 1.0)),
                                 float(params.get("capability_power", 1.0)))
    if model == "median":
        _no_unknown(params, (), model)
        return models.weighted_median(pos, cap, sal)
    if model == "exchange":
        # positions were traded across the dossier beforehand (exchange.exchange_issues); what is left is the compromise
        exchange_params(params)
        return models.compromise(pos, cap, sal)
    if model == "council":
        bad = set(params) - {"voting", "unanimity"}
        if bad:
            raise ScenarioError(f"unknown council parameter(s) {', '.join(sorted(bad))} (use voting, unanimity)")
        return council_predict(pos, sal, scn.names, str(params.get("voting", scn.meta.get("voting") or "qmv")),
                               str(params.get("unanimity", "qmv")))
    if model == "nash":
        _no_unknown(params, ("status_quo", "utility", "disagreement"), model)
        return models.nash(pos, cap, sal, status_quo=nash_point(params, scn), scale=scn.scale,
                           utility=params.get("utility", "quadratic"))
    if model == "eum":
        return run_eum(pos, cap, sal, rounds=rounds, params=eum_params(params), scale=scn.scale).prediction
    if model == "pce":
        return pce(pos, cap, sal, pce_params(params), scale=scn.scale)
    raise ScenarioError(f"unknown model '{model}' (use {', '.join(MODELS)})")


def _no_unknown(params: dict[str, Any], allowed: tuple[str, ...], model: str) -> None:
    bad = set(params) - set(allowed)
    if bad:
        takes = f"takes {', '.join(allowed)}" if allowed else "takes no parameters"
        raise ScenarioError(f"unknown {model} parameter(s) {', '.join(sorted(bad))} ({model} {takes})")


def eum_params(params: dict[str, Any]) -> EUMParams:
    fields = set(EUMParams.__dataclass_fields__)
    bad = set(params) - fields - {"status_quo", "utility"}
    if bad:
        raise ScenarioError(f"unknown model parameter(s) {', '.join(sorted(bad))} (EUM takes {', '.join(sorted(fields))})")
    return EUMParams(**{k: v for k, v in params.items() if k in fields})


def sample_inputs(scn: Scenario, runs: int, seed: int | None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Draw (runs, n) capability, position, salience: normal for *_sd, uniform for *_range, clipped to range."""
    rng = np.random.default_rng(seed)
    n = len(scn.actors)
    out = []
    for fld, lo, hi in (("capability", 0.0, np.inf), ("position", *scn.scale), ("salience", 0.0, 1.0)):
        base = np.array([getattr(a, fld) for a in scn.actors], float)
        sd = np.array([getattr(a, f"{fld}_sd") for a in scn.actors], float)
        half = np.array([getattr(a, f"{fld}_range") for a in scn.actors], float)
        draw = base + rng.normal(size=(runs, n)) * sd + rng.uniform(-1, 1, size=(runs, n)) * half
        out.append(np.clip(draw, lo, hi))
    return out[0], out[1], out[2]


def _chunk(model: str, n: int) -> int:
    """Monte Carlo rows per call: pair models (eum, pce) and nash's grid are bounded in memory."""
    if model in ("eum", "pce"):
        return batch_size(n)
    if model == "nash":
        return max(1, min(250, 50_000_000 // max(n * 1001, 1)))
    return 250


def run_model(scn: Scenario, model: str = "compromise", rounds: int = 10, mc: int = 0, seed: int | None = None,
              params: dict[str, Any] | None = None, keep_samples: bool = False) -> ForecastResult:
    """Forecast one scenario with the reasons per actor; `mc` > 0 adds a Monte Carlo over the input ranges."""
    from realpolitik.forecast.explain import explain

    if model not in MODELS:
        raise ScenarioError(f"unknown model '{model}' (use {', '.join(MODELS)})")
    if rounds < 1:
        raise ScenarioError(f"--rounds must be at least 1, got {rounds}")
    if mc < 0:
        raise ScenarioError(f"--mc must be positive, got {mc}")
    params = dict(params or {})
    cap, pos, sal = scn.arrays()
    names = tuple(scn.names)
    moves: list[Move] = []
    medians: tuple[float, ...] = ()
    run = None
    if model == "eum":
        run = run_eum(pos, cap, sal, rounds=rounds, params=eum_params(params), scale=scn.scale,
                      trace=len(names) <= EXPLAIN_MAX_ACTORS)
        positions = tuple(tuple(float(v) for v in row) for row in run.positions[0])
        medians = tuple(float(v) for v in run.medians[0])
        for r in range(run.rounds):
            for k in range(len(names)):
                kind, src = int(run.offer_kind[0, r, k]), int(run.offer_from[0, r, k])
                before, after = run.positions[0, r, k], run.positions[0, r + 1, k]
                if kind != NONE and abs(after - before) > 1e-9:
                    moves.append(Move(round=r + 1, actor=names[k], before=float(before), after=float(after),
                                      kind=KINDS[kind], offered_by=names[src]))
        prediction = float(run.prediction[0])
    elif model == "exchange" and "exchange_before" in scn.meta:
        prediction = float(predict_batch(model, pos, cap, sal, scn, rounds, params))
        positions = (tuple(float(v) for v in scn.meta["exchange_before"]), tuple(float(v) for v in pos))
        moves = [Move(round=r, actor=a, before=float(b), after=float(x), kind="exchange", offered_by=f"{p} (for {k})")
                 for r, a, p, k, b, x in scn.meta["exchange_moves"]]
    else:
        prediction = float(predict_batch(model, pos, cap, sal, scn, rounds, params))
        # static models: actors do not move; the table shows the input positions and the outcome row
        positions = (tuple(float(v) for v in pos),)
    mc_result = None
    if mc:
        mcap, mpos, msal = sample_inputs(scn, mc, seed)
        step = _chunk(model, len(names))
        preds = np.concatenate([predict_batch(model, mpos[i:i + step], mcap[i:i + step], msal[i:i + step], scn,
                                              rounds, params) for i in range(0, mc, step)])
        qs = {f"p{q}": float(np.percentile(preds, q)) for q in (5, 25, 50, 75, 95)}
        mc_result = MonteCarlo(runs=mc, seed=seed, mean=float(preds.mean()), sd=float(preds.std()),
                               quantiles=qs, samples=tuple(float(v) for v in preds) if keep_samples else ())
    why = explain(scn, model, prediction, positions, moves, params, run)
    return ForecastResult(scenario=scn.name, model=model, prediction=prediction, actors=names,
                          positions=positions, medians=medians, moves=tuple(moves), issue_id=scn.issue_id,
                          outcome=scn.outcome, status_quo=scn.status_quo, montecarlo=mc_result,
                          params={"rounds": rounds, **params}, variant=scn.variant, effects=scn.applied,
                          scale=scn.scale, scale_labels=scn.scale_labels, reasons=why.reasons,
                          challenges=why.challenges, explanation=why.text, salience_scale=scn.salience_scale)
