"""Stakeholder bargaining forecasts: scenario files and DEU III issues in, predicted outcomes out.

Models: compromise (weighted mean), weighted median, Nash bargaining, Bueno de Mesquita's expected
utility model (Scholz, Calbert & Smith 2011 reconstruction), the exchange model (Stokman & Van
Oosten 1994), the Council model for EU laws (power-index compromise clipped to the
qualified-majority core) and KTAB's probabilistic Condorcet election (pce). Every result carries the
reasons per actor (`ForecastResult.reasons`, `.challenges`, `.explanation`). See docs/forecast.md.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from realpolitik.errors import ScenarioError
from realpolitik.forecast.deu3 import load_deu3
from realpolitik.forecast.engine import MODELS, run_model
from realpolitik.forecast.eum import EUMParams, run_eum
from realpolitik.forecast.exchange import exchange_issues, exchange_params, exchange_positions
from realpolitik.forecast.models import compromise, nash, weighted_median
from realpolitik.forecast.result import (ActorReason, Challenge, ForecastResult, MonteCarlo, Move,
                                        predictions_frame)
from realpolitik.forecast.scenario import (AppliedEffect, Effect, Scenario, Stakeholder, Variant, apply_overrides,
                                           apply_variant, load_scenario)

FORMATS = ("auto", "scenario", "deu3")

__all__ = ["forecast", "load_scenario", "load_deu3", "apply_overrides", "apply_variant", "run_model",
           "run_eum", "EUMParams", "exchange_issues", "exchange_positions", "compromise", "weighted_median",
           "nash", "Scenario", "Stakeholder", "Variant", "Effect", "AppliedEffect", "ActorReason", "Challenge",
           "ForecastResult", "MonteCarlo", "Move", "predictions_frame", "MODELS", "FORMATS", "compare_variants",
           "SCENARIO_MODELS", "DEU_DEFAULT_MODEL", "default_model"]

# The default model for DEU III files: the lowest leave-one-dossier-out MAE in bench/forecast.py
DEU_DEFAULT_MODEL = "council"

# Models that apply to any scenario (council needs EU member states, exchange several issues of a dossier)
SCENARIO_MODELS = ("compromise", "median", "nash", "eum", "pce", "exchange")


def _detect(path: Path) -> str:
    if path.suffix.lower() in (".tsv", ".tab"):
        return "deu3"
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as fh:
            head = fh.readline()
    except OSError:
        return "scenario"
    return "deu3" if "\t" in head and "isnr" in head.split("\t") else "scenario"


def _adjust(scn: Scenario, variant: str | None, overrides, status_quo: float | None) -> Scenario:
    """One issue with a variant, overrides and a status quo applied (what forecast() does per issue)."""
    from dataclasses import replace

    if variant:
        scn = apply_variant(scn, variant)
    if overrides:
        scn = apply_overrides(scn, overrides)
    return replace(scn, status_quo=float(status_quo)) if status_quo is not None else scn


def forecast(source: str | Path | Scenario, *, fmt: str = "auto", model: str | None = None, rounds: int = 10,
             overrides: list[str] | tuple[str, ...] = (), variant: str | None = None, mc: int = 0,
             seed: int | None = None, status_quo: float | None = None, capability: str = "nice",
             params: dict[str, Any] | None = None) -> list[ForecastResult]:
    """Forecast every issue in a scenario file (one issue) or a DEU III file (many); one result per issue.

    Without a model: compromise for a scenario, DEU_DEFAULT_MODEL for a DEU III file.
    """
    if fmt not in FORMATS:
        raise ScenarioError(f"unknown format '{fmt}' (use {', '.join(FORMATS)})")
    if isinstance(source, Scenario):
        issues = [source]
        kind = "scenario"
    else:
        path = Path(source)
        if not path.is_file():
            raise ScenarioError(f"{path}: no such file")
        kind = _detect(path) if fmt == "auto" else fmt
        issues = load_deu3(path, capability=capability) if kind == "deu3" else [load_scenario(path)]
    model = model or default_model(kind)
    if model == "exchange":
        # trading links the issues of a dossier: apply variants and overrides first, then trade once
        issues = exchange_issues([_adjust(s, variant, overrides, status_quo) for s in issues],
                                 **exchange_params(params))
        variant, overrides, status_quo = None, (), None
    out = []
    for scn in issues:
        scn = _adjust(scn, variant, overrides, status_quo)
        if not scn.actors:
            # a DEU row where nobody stated a position: nothing to bargain over, the status quo
            # (or the scale midpoint) is the only defensible guess; keeps a batch from failing
            guess = scn.status_quo if scn.status_quo is not None else sum(scn.scale) / 2
            out.append(ForecastResult(scenario=scn.name, model=model, prediction=float(guess), actors=(),
                                      positions=((),), issue_id=scn.issue_id, outcome=scn.outcome,
                                      status_quo=scn.status_quo, params={"note": "no actor positions"}))
            continue
        out.append(run_model(scn, model=model, rounds=rounds, mc=mc, seed=seed, params=params))
    return out


def default_model(kind: str) -> str:
    """The model used when none is named: DEU_DEFAULT_MODEL for DEU III files ("deu3"), else compromise."""
    return DEU_DEFAULT_MODEL if kind == "deu3" else "compromise"


def compare_variants(source: str | Path | Scenario, *, model: str = "compromise", variants: list[str] | None = None,
                     rounds: int = 10, mc: int = 0, seed: int | None = None, params: dict[str, Any] | None = None,
                     keep_samples: bool = False) -> list[ForecastResult]:
    """One forecast of a single-issue scenario per variant: the base first, then each variant in file order
    (or those named). With `mc` every one gets the same Monte Carlo seed, so the distributions compare."""
    scn = source if isinstance(source, Scenario) else load_scenario(source)
    names = list(scn.variants) if variants is None else list(variants)
    out = []
    for name in [None, *names]:
        s = apply_variant(scn, name) if name else scn
        if model == "exchange":  # one issue: nothing to trade, the compromise of the positions
            s = exchange_issues([s], **exchange_params(params))[0]
        out.append(run_model(s, model=model, rounds=rounds, mc=mc, seed=seed, params=params,
                             keep_samples=keep_samples))
    return out
