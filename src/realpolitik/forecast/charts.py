"""Charts of forecasts (Plotly figures, no I/O except save_figures).

- forecast_figure: positions per round (eum, exchange) with integer rounds, or the actors on the scale
  (static models) with marker size by weight; scale ends labelled, status quo and outcome as reference
  lines, one distinct colour per actor and its name written next to it.
- variants_figure: base and variants on one axis, each with its outcome and Monte Carlo 90% interval.
- montecarlo_figure: histogram of Monte Carlo outcomes per variant with its 90% interval.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from realpolitik.forecast.result import ForecastResult

# 24 colours that stay distinct from each other (Plotly's Dark24 palette)
PALETTE = ("#2E91E5", "#E15F99", "#1CA71C", "#FB0D0D", "#DA16FF", "#222A2A", "#B68100", "#750D86", "#EB663B",
           "#511CFB", "#00A08B", "#FB00D1", "#FC0080", "#B2828D", "#6C7C32", "#778AAE", "#862A16", "#A777F1",
           "#620042", "#1616A7", "#DA60CA", "#6C4516", "#0D2A63", "#AF0038")
VARIANT_COLOURS = ("#444444", "#1CA71C", "#FB0D0D", "#2E91E5", "#B68100", "#750D86", "#00A08B")
SQ_STYLE = {"color": "#7f7f7f", "dash": "dot", "width": 2}
OUTCOME_STYLE = {"color": "#555555", "dash": "dash", "width": 1.5}


def _title(res: ForecastResult, title: str | None) -> str:
    if title:
        return title
    variant = f" - variant {res.variant}" if res.variant else ""
    name = res.scenario.split(" [")[0] if res.variant else res.scenario
    return f"{name}{variant} - {res.model} model: forecast {res.prediction:.1f}"


def _spread(values: list[float], gap: float) -> list[float]:
    """Label heights at least `gap` apart, each as near its line's end as the others allow."""
    order = np.argsort(values)
    out = np.array(values, float)
    placed = []
    for k in order:
        y = out[k]
        if placed and y < placed[-1] + gap:
            y = placed[-1] + gap
        placed.append(y)
        out[k] = y
    shift = (np.array(placed).mean() - np.array([values[k] for k in order]).mean())
    return list(out - shift)


def _reference_lines(fig, res: ForecastResult, horizontal: bool) -> None:
    add = fig.add_hline if horizontal else fig.add_vline
    pos = "top left" if horizontal else "top"
    if res.status_quo is not None:
        add(res.status_quo, line=SQ_STYLE, layer="below", annotation_text=f"status quo {res.status_quo:g}",
            annotation_position=pos if horizontal else "bottom", annotation_font_color="#555555")
    add(res.prediction, line=OUTCOME_STYLE, layer="below", annotation_text=f"forecast {res.prediction:.1f}",
        annotation_position="bottom left" if horizontal else pos)


def rounds_figure(res: ForecastResult, title: str | None = None):
    """Each actor's position per round; integer rounds; the forecast and status quo as lines beneath."""
    import plotly.graph_objects as go

    fig = go.Figure()
    pos = np.asarray(res.positions, float)
    rounds = list(range(len(pos)))
    last = rounds[-1]
    for k, name in enumerate(res.actors):
        colour = PALETTE[k % len(PALETTE)]
        fig.add_trace(go.Scatter(x=rounds, y=pos[:, k], mode="lines+markers", name=name,
                                 line={"color": colour, "width": 3}, marker={"size": 7}))
    if res.medians:
        fig.add_trace(go.Scatter(x=rounds, y=list(res.medians)[: len(rounds)], mode="lines", name="median voter",
                                 line={"dash": "dot", "color": "black", "width": 1.5}))
    span = res.scale[1] - res.scale[0]
    heights = _spread([float(v) for v in pos[-1]], gap=0.035 * span)
    for k, name in enumerate(res.actors):
        fig.add_annotation(x=last, y=heights[k], ax=0, ay=0, xanchor="left", xshift=10, showarrow=False,
                           text=f"{name} {pos[-1, k]:.0f}", font={"color": PALETTE[k % len(PALETTE)], "size": 12})
    _reference_lines(fig, res, horizontal=True)
    fig.update_xaxes(title="round", tickmode="array", tickvals=rounds, range=[-0.3, last + max(1.6, 0.25 * max(last, 1))])
    fig.update_yaxes(title="position on the scale", range=[res.scale[0] - 0.03 * span, res.scale[1] + 0.03 * span])
    _end_labels(fig, res, axis="y")
    fig.update_layout(title=_title(res, title), template="plotly_white", showlegend=False, height=620,
                      margin={"l": 90, "r": 40, "t": 70, "b": 60})
    return fig


def _end_labels(fig, res: ForecastResult, axis: str) -> None:
    """The scale's end labels written at the ends of the position axis."""
    for end, value in enumerate(res.scale):
        text = f"<b>{res.scale_labels[end] or ('low end' if end == 0 else 'high end')}</b>"
        if axis == "y":
            fig.add_annotation(xref="paper", x=0.0, y=value, yref="y", text=text, showarrow=False, xanchor="left",
                               yshift=12 if end else -12, font={"size": 11, "color": "#333333"})
        else:
            fig.add_annotation(yref="paper", y=0, yanchor="top", yshift=-22, x=value, xref="x", text=text,
                               showarrow=False, xanchor="left" if end == 0 else "right",
                               font={"size": 11, "color": "#333333"})
    if axis == "x":
        fig.update_xaxes(title_standoff=28)


def scale_figure(res: ForecastResult, title: str | None = None):
    """Static models: each actor's position on the scale, marker area by its weight, name beside it."""
    import plotly.graph_objects as go

    fig = go.Figure()
    reasons = res.reasons or ()
    share = [r.share for r in reasons] if reasons else [1.0 / len(res.actors)] * len(res.actors)
    pos = list(res.positions[-1])
    order = sorted(range(len(res.actors)), key=lambda k: pos[k])
    biggest = max(share) or 1.0
    for row, k in enumerate(order):
        size = 10 + 30 * (share[k] / biggest) ** 0.5
        fig.add_trace(go.Scatter(x=[pos[k]], y=[row], mode="markers+text", name=res.actors[k],
                                 marker={"size": size, "color": PALETTE[k % len(PALETTE)], "opacity": 0.85},
                                 text=[f"{res.actors[k]} ({share[k]:.0%})"], textposition="middle right",
                                 textfont={"color": PALETTE[k % len(PALETTE)], "size": 12},
                                 hovertemplate=f"{res.actors[k]}: position %{{x:.1f}}, weight {share[k]:.1%}<extra></extra>"))
    _reference_lines(fig, res, horizontal=False)
    span = res.scale[1] - res.scale[0]
    ticks = list(np.linspace(res.scale[0], res.scale[1], 6))
    fig.update_xaxes(title="position on the scale (marker area: the actor's weight in this model)",
                     range=[res.scale[0] - 0.02 * span, res.scale[1] + 0.2 * span], tickvals=ticks,
                     ticktext=[f"{t:g}" for t in ticks])
    fig.update_yaxes(visible=False, range=[-1, len(order) + 0.5])
    _end_labels(fig, res, axis="x")
    fig.update_layout(title=_title(res, title), template="plotly_white", showlegend=False,
                      height=max(360, 48 * len(order) + 160), margin={"l": 30, "r": 30, "t": 70, "b": 110})
    return fig


def forecast_figure(res: ForecastResult, title: str | None = None):
    """Rounds chart when actors move (eum, exchange), else the actors on the scale."""
    return rounds_figure(res, title) if len(res.positions) > 1 else scale_figure(res, title)


def _variant_name(res: ForecastResult) -> str:
    return res.variant or "base"


def variants_figure(results: list[ForecastResult], title: str | None = None):
    """Base and variants on one axis: each outcome with its Monte Carlo 90% interval where computed."""
    import plotly.graph_objects as go

    fig = go.Figure()
    first = results[0]
    for row, res in enumerate(results):
        colour = VARIANT_COLOURS[row % len(VARIANT_COLOURS)]
        err = {}
        if res.montecarlo is not None:
            q = res.montecarlo.quantiles
            err = {"error_x": {"type": "data", "symmetric": False, "array": [q["p95"] - res.prediction],
                               "arrayminus": [res.prediction - q["p5"]], "thickness": 3, "width": 10,
                               "color": colour}}
        interval = (f" (90%: {res.montecarlo.quantiles['p5']:.1f}-{res.montecarlo.quantiles['p95']:.1f})"
                    if res.montecarlo is not None else "")
        fig.add_trace(go.Scatter(x=[res.prediction], y=[_variant_name(res)], mode="markers+text",
                                 marker={"size": 16, "color": colour, "symbol": "diamond"},
                                 text=[f"{res.prediction:.1f}{interval}"], textposition="top center",
                                 textfont={"color": colour, "size": 13}, name=_variant_name(res), **err))
    if first.status_quo is not None:
        fig.add_vline(first.status_quo, line=SQ_STYLE, layer="below", annotation_text=f"status quo {first.status_quo:g}",
                      annotation_position="bottom")
    fig.update_xaxes(title="forecast outcome (bar: Monte Carlo 90% interval)", range=list(first.scale))
    fig.update_yaxes(type="category", autorange="reversed")
    _end_labels(fig, first, axis="x")
    fig.update_layout(title=title or f"Variants compared - {first.model} model", template="plotly_white",
                      showlegend=False, height=160 + 90 * len(results), margin={"l": 110, "r": 30, "t": 60, "b": 110})
    return fig


def montecarlo_figure(results: list[ForecastResult], title: str | None = None):
    """Histogram of the Monte Carlo outcomes per variant (needs samples), its 90% interval shaded."""
    import plotly.graph_objects as go

    fig = go.Figure()
    first = results[0]
    for row, res in enumerate(results):
        mc = res.montecarlo
        if mc is None or not mc.samples:
            continue
        colour = VARIANT_COLOURS[row % len(VARIANT_COLOURS)]
        q = mc.quantiles
        fig.add_trace(go.Histogram(x=list(mc.samples), name=f"{_variant_name(res)}: 90% {q['p5']:.1f}-{q['p95']:.1f}",
                                   marker_color=colour, opacity=0.45, xbins={"size": (first.scale[1] - first.scale[0]) / 100},
                                   histnorm="percent"))
        fig.add_vrect(x0=q["p5"], x1=q["p95"], fillcolor=colour, opacity=0.08, line_width=0, layer="below")
        for v in (q["p5"], q["p95"]):
            fig.add_vline(v, line={"color": colour, "dash": "dot", "width": 1.5})
    runs = next((r.montecarlo.runs for r in results if r.montecarlo), 0)
    fig.update_xaxes(title="forecast outcome", range=list(first.scale))
    fig.update_yaxes(title="% of runs")
    _end_labels(fig, first, axis="x")
    fig.update_layout(title=title or f"Monte Carlo: {runs} runs per variant over the input uncertainty - {first.model} model",
                      template="plotly_white", barmode="overlay", height=460,
                      legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
                      margin={"l": 60, "r": 30, "t": 90, "b": 110})
    return fig


def save_figures(figs: list, path: str | Path) -> str:
    """Write the figures to one .html page (plotly.js inlined once: works offline), or the first to .png
    where kaleido and a browser are installed (else the page, said so). Returns a status line."""
    p = Path(path)
    if p.suffix.lower() == ".png":
        try:
            figs[0].write_image(str(p))
            return f"saved {p}"
        except Exception as exc:  # kaleido or its browser missing: fall back to HTML, say so once
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            html = p.with_suffix(".html")
            save_figures(figs, html)
            return f"PNG export unavailable ({first[:120]}); saved {html} instead"
    parts = [f.to_html(full_html=False, include_plotlyjs=(i == 0)) for i, f in enumerate(figs)]
    p.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>realpolitik forecast</title></head>"
                 "<body style='font-family:sans-serif;max-width:1100px;margin:auto'>" + "\n".join(parts)
                 + "</body></html>\n", encoding="utf-8")
    return f"saved {p}"


__all__ = ["forecast_figure", "rounds_figure", "scale_figure", "variants_figure", "montecarlo_figure",
           "save_figures", "PALETTE"]
