"""Forecast results: prediction, round-by-round positions, who moved and why, Monte Carlo summary; exports."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.forecast.scenario import AppliedEffect


@dataclass(frozen=True)
class Move:
    """One actor's change of position in one round, and the offer it accepted."""

    round: int
    actor: str
    before: float
    after: float
    kind: str  # confrontation | compromise | capitulation
    offered_by: str

    @property
    def reason(self) -> str:
        verb = {"confrontation": "lost a confrontation with", "compromise": "accepted a compromise from",
                "capitulation": "capitulated to"}.get(self.kind, self.kind)
        return f"{self.actor} {verb} {self.offered_by}: {self.before:.1f} -> {self.after:.1f}"


@dataclass(frozen=True)
class ActorReason:
    """One actor's part in a forecast: its inputs, its weight in the model and what the model did with it."""

    actor: str
    position: float  # input position (after the variant)
    capability: float
    salience: float
    weight: float  # the model's weight: capability x salience, a power index x salience, or P(position wins)
    share: float  # weight / total weight
    final: float  # position at the end (moves in eum / exchange; else the input)
    detail: str = ""  # model-specific: pivot, utility gain, moves
    notes: str = ""  # the scenario's reasoning for this actor
    source: str = ""


@dataclass(frozen=True)
class Challenge:
    """EUM, one round: `challenger` offers `target` a move, with the expected utilities behind it."""

    round: int
    challenger: str
    target: str
    eu_challenger: float  # E_ij: the challenger's expected utility of challenging the target
    eu_target: float  # E_ji: the target's expected utility of challenging back
    p_success: float  # probability the challenger wins the contest
    kind: str  # confrontation | compromise | capitulation
    offer: float  # where the target is asked to move (scale units)
    accepted: bool  # the target took this offer (the closest, or the strongest, of those it got)


@dataclass(frozen=True)
class MonteCarlo:
    """Distribution of the predicted outcome over input draws."""

    runs: int
    seed: int | None
    mean: float
    sd: float
    quantiles: dict[str, float]
    samples: tuple[float, ...] = ()


@dataclass(frozen=True)
class ForecastResult:
    """The forecast for one issue."""

    scenario: str
    model: str
    prediction: float
    actors: tuple[str, ...]
    positions: tuple[tuple[float, ...], ...]  # per round (round 0 = input), per actor
    medians: tuple[float, ...] = ()  # EUM: median voter position per round
    moves: tuple[Move, ...] = ()
    issue_id: str = ""
    outcome: float | None = None
    status_quo: float | None = None
    montecarlo: MonteCarlo | None = None
    params: dict[str, Any] = field(default_factory=dict)
    variant: str = ""
    effects: tuple[AppliedEffect, ...] = ()  # the variant's linkage effects, before -> after
    scale: tuple[float, float] = (0.0, 100.0)
    scale_labels: tuple[str, str] = ("", "")
    reasons: tuple[ActorReason, ...] = ()  # one per actor, in scenario order
    challenges: tuple[Challenge, ...] = ()  # eum: every offer made, per round
    explanation: str = ""  # model-level: the weights rule, the pivot, Nash's disagreement point and feasible set
    salience_scale: str = "0-1"

    @property
    def rounds(self) -> int:
        return len(self.positions) - 1

    def rounds_table(self):
        """Round-by-round positions as a DataFrame (one row per round, one column per actor)."""
        import pandas as pd

        df = pd.DataFrame(np.asarray(self.positions), columns=list(self.actors))
        df.insert(0, "round", range(len(df)))
        if self.medians:
            df["median_voter"] = list(self.medians)[: len(df)]
        return df

    def to_dict(self, samples: bool = False) -> dict[str, Any]:
        d = asdict(self)
        d["moves"] = [{**asdict(m), "reason": m.reason} for m in self.moves]
        d["effects"] = [{**asdict(e.effect), "text": e.effect.text, "before": e.before, "after": e.after}
                        for e in self.effects]
        if self.montecarlo is not None and not samples:
            d["montecarlo"].pop("samples")
        return d

    def to_json(self, path: str | Path | None = None) -> str:
        text = json.dumps(self.to_dict(), indent=2, default=float)
        if path is not None:
            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    def chart(self, title: str | None = None):
        """Plotly figure of this forecast (rounds for eum/exchange, the scale for static models)."""
        from realpolitik.forecast.charts import forecast_figure

        return forecast_figure(self, title=title)

    def save_chart(self, path: str | Path, extra: list | None = None) -> str:
        """Save the chart (and any `extra` figures below it) as .html, or .png where kaleido works."""
        from realpolitik.forecast.charts import save_figures

        return save_figures([self.chart(), *(extra or [])], path)


def predictions_frame(results: list[ForecastResult]):
    """One row per issue: isnr (the issue id) and prediction."""
    import pandas as pd

    return pd.DataFrame({"isnr": [r.issue_id or r.scenario for r in results],
                         "prediction": [round(float(r.prediction), 4) for r in results]})
