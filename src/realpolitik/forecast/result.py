"""Forecast results: prediction, round-by-round positions, who moved and why, Monte Carlo summary; exports."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


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
        if self.montecarlo is not None and not samples:
            d["montecarlo"].pop("samples")
        return d

    def to_json(self, path: str | Path | None = None) -> str:
        text = json.dumps(self.to_dict(), indent=2, default=float)
        if path is not None:
            Path(path).write_text(text + "\n", encoding="utf-8")
        return text

    def chart(self, title: str | None = None):
        """Plotly figure: each actor's position per round, the predicted outcome as a dashed line."""
        import plotly.graph_objects as go

        fig = go.Figure()
        rounds = list(range(len(self.positions)))
        pos = np.asarray(self.positions)
        for k, name in enumerate(self.actors):
            fig.add_trace(go.Scatter(x=rounds, y=pos[:, k], mode="lines+markers", name=name))
        if self.medians:
            fig.add_trace(go.Scatter(x=rounds, y=list(self.medians)[: len(rounds)], mode="lines",
                                     name="median voter", line={"dash": "dot", "color": "black"}))
        fig.add_hline(y=self.prediction, line_dash="dash", annotation_text=f"forecast {self.prediction:.1f}")
        fig.update_layout(title=title or f"{self.scenario} - {self.model}", xaxis_title="round",
                          yaxis_title="position", template="plotly_white")
        return fig

    def save_chart(self, path: str | Path) -> str:
        """Save the chart as .html (always works) or .png (needs kaleido + Chrome); returns a status line."""
        p = Path(path)
        fig = self.chart()
        if p.suffix.lower() == ".png":
            try:
                fig.write_image(str(p))
            except Exception as exc:  # kaleido or its browser missing: fall back to HTML, say so once
                html = p.with_suffix(".html")
                fig.write_html(str(html), include_plotlyjs=True)
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                return f"PNG export unavailable ({first[:120]}); saved {html} instead"
            return f"saved {p}"
        fig.write_html(str(p), include_plotlyjs=True)
        return f"saved {p}"


def predictions_frame(results: list[ForecastResult]):
    """One row per issue: isnr (the issue id) and prediction."""
    import pandas as pd

    return pd.DataFrame({"isnr": [r.issue_id or r.scenario for r in results],
                         "prediction": [round(float(r.prediction), 4) for r in results]})
