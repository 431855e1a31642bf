"""Plotly figures of the analyses, shared by the CLI (--chart) and the web pages, and one way to save them."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.dyads import QUADS

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    import plotly.graph_objects as go

QUAD_LABELS = {"verbal_coop": "verbal cooperation", "material_coop": "material cooperation",
               "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}
QUAD_COLORS = {"verbal_coop": "#7fb3d5", "material_coop": "#1f7a4d", "verbal_conflict": "#f0a35e",
               "material_conflict": "#c0392b"}
LINE_COLORS = ["#1f2d3d", "#2e86c1", "#d35400", "#8e44ad", "#16a085", "#b7950b", "#c0392b", "#7f8c8d"]
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def _layout(fig: go.Figure, title: str | None, height: int) -> go.Figure:
    fig.update_layout(title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 15}} if title else None,
                      template="plotly_white", height=height, font={"family": FONT, "size": 12},
                      margin={"l": 56, "r": 16, "t": 48 if title else 16, "b": 40}, hovermode="closest",
                      legend={"orientation": "h", "y": -0.12, "x": 0}, bargap=0.15)
    return fig


def dyad_figure(directions: pd.DataFrame, title: str | None = None, each_way: bool = True) -> go.Figure:
    """The dyad chart: cc index (top) over stacked quad-class counts of both directions (bottom).

    The both-directions line bridges empty periods (markers sized by events mark the periods that have
    some); ``each_way`` adds each direction's index as a dotted line. Every point carries ``customdata`` =
    [period, period_start, period_end, direction] so a click can list that period's events.
    """
    from plotly.subplots import make_subplots
    import plotly.graph_objects as go

    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[0.55, 0.45])
    labels = list(dict.fromkeys(directions["direction"]))
    for k, label in enumerate(labels if each_way else labels[:1]):
        d = directions[directions["direction"] == label]
        custom = list(zip(d["period"], map(str, d["period_start"]), map(str, d["period_end"]), d["direction"]))
        fig.add_trace(go.Scatter(
            x=list(d["period_start"]), y=list(d["cc_index"]), name=f"cc index {label}", mode="lines+markers",
            connectgaps=k == 0, customdata=custom,
            line={"color": LINE_COLORS[k % len(LINE_COLORS)], "width": 2.5 if k == 0 else 1.2,
                  "dash": "solid" if k == 0 else "dot"},
            marker={"size": [_size(n, k) for n in d["events"]], "line": {"width": 1, "color": "#fff"}},
            hovertemplate="%{customdata[0]} · %{customdata[3]}<br>cc index %{y:+.2f}<br>%{text} events"
                          "<extra></extra>", text=list(d["events"])), row=1, col=1)
    both = directions[directions["direction"] == labels[0]] if labels else directions
    custom = list(zip(both["period"], map(str, both["period_start"]), map(str, both["period_end"]),
                      both["direction"]))
    for name in QUADS.values():
        fig.add_trace(go.Bar(x=list(both["period_start"]), y=list(both[name]), name=QUAD_LABELS[name],
                             marker_color=QUAD_COLORS[name], customdata=custom,
                             hovertemplate="%{customdata[0]}: %{y} " + QUAD_LABELS[name] + "<extra></extra>"),
                      row=2, col=1)
    fig.update_layout(barmode="stack", legend={"traceorder": "normal"})
    fig.update_yaxes(title_text="cc index", range=[-1.15, 1.15], zeroline=True, zerolinecolor="#999", row=1, col=1)
    fig.update_yaxes(title_text="events", row=2, col=1)
    return _layout(fig, title, 520)


def _size(n: int, k: int) -> int:
    return 0 if not n else min(16, 6 + int(n ** 0.5 * 2)) if k == 0 else 5


def faction_figure(balance: pd.DataFrame, title: str | None = None) -> go.Figure:
    """Each faction's events per period (its own and its members', as source or target), side by side."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for k, (name, d) in enumerate(balance.groupby("faction", sort=False)):
        fig.add_trace(go.Bar(
            x=list(d["period_start"]), y=list(d["events"]), name=name, marker_color=LINE_COLORS[k % len(LINE_COLORS)],
            customdata=list(zip(d["period"], d["own_as_source"] + d["own_as_target"],
                                d["members_as_source"] + d["members_as_target"], d["cooperation"], d["conflict"])),
            hovertemplate=f"<b>{name}</b> %{{customdata[0]}}<br>%{{y}} events: %{{customdata[1]}} own, "
                          "%{customdata[2]} by members<br>%{customdata[3]} cooperation · %{customdata[4]} conflict"
                          "<extra></extra>"))
    fig.update_layout(barmode="group", bargap=0.2, bargroupgap=0.05)
    fig.update_yaxes(title_text="events (own + members')", rangemode="tozero")
    return _layout(fig, title, 380)


def actor_figure(timeline: pd.DataFrame, title: str | None = None) -> go.Figure:
    """An actor's factual events per period, stacked by quad class."""
    import plotly.graph_objects as go

    fig = go.Figure()
    for name in QUADS.values():
        fig.add_trace(go.Bar(x=list(timeline["period_start"]), y=list(timeline[name]), name=QUAD_LABELS[name],
                             marker_color=QUAD_COLORS[name], customdata=list(timeline["period"]),
                             hovertemplate="%{customdata}: %{y} " + QUAD_LABELS[name] + "<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title_text="events")
    return _layout(fig, title, 300)


WIDE = 1.7  # the drawing is about 1.7 times wider than high: the main group is stretched to fill it


def _layout_components(h: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions: the largest component (Kamada–Kawai) filling a WIDE x 1 frame, the small ones stacked at
    its right."""
    import networkx as nx

    comps = sorted(nx.connected_components(h), key=lambda c: (-len(c), sorted(c)[0]))
    pos: dict[str, tuple[float, float]] = {}
    big = h.subgraph(comps[0])
    main = nx.kamada_kawai_layout(big) if len(comps[0]) > 2 else nx.spring_layout(big, seed=seed)
    xs, ys = [p[0] for p in main.values()], [p[1] for p in main.values()]
    wx, wy = max(max(xs) - min(xs), 1e-9), max(max(ys) - min(ys), 1e-9)
    for n, (x, y) in main.items():
        pos[n] = (WIDE * (x - min(xs)) / wx, (y - min(ys)) / wy)
    y = 1.0
    for comp in comps[1:]:
        sub = nx.spring_layout(h.subgraph(comp), seed=seed) if len(comp) > 1 else {next(iter(comp)): (0.0, 0.0)}
        for n, (px, py) in sub.items():
            pos[n] = (WIDE + 0.2 + 0.06 * px, y + 0.04 * py)
        y -= 0.11
    return pos


def network_figure(g: nx.DiGraph, max_nodes: int = 60, seed: int = 7, labels: int = 25) -> go.Figure:
    """The actor network: node size = events, tie colour = mean Goldstein, the busiest ``labels`` named.

    Only the ``max_nodes`` busiest actors are drawn (a bigger graph is a hairball on screen; the export has
    all), and of those only the ones tied to another drawn actor; the largest connected group fills the
    frame, smaller groups stand at its right.
    """
    import plotly.graph_objects as go

    keep = sorted(g.nodes, key=lambda n: (-g.nodes[n].get("events", 0), n))[:max_nodes]
    h = g.subgraph(keep)
    if h.number_of_edges():  # an actor whose ties all go to actors not drawn would float alone: left out
        h = h.subgraph([n for n in h.nodes if h.degree(n)])
    fig = go.Figure()
    if not h.number_of_nodes():
        return _layout(fig, None, 560)
    pos = _layout_components(h.to_undirected(), seed)
    groups: dict[str, list[tuple[str, str, dict[str, Any]]]] = {"cooperative": [], "mixed": [], "conflictual": []}
    for a, b, d in h.edges(data=True):
        mean = d.get("goldstein_mean", 0.0)
        groups["cooperative" if mean > 1 else "conflictual" if mean < -1 else "mixed"].append((a, b, d))
    colors = {"cooperative": "rgba(31,122,77,0.45)", "mixed": "rgba(120,120,120,0.35)",
              "conflictual": "rgba(192,57,43,0.6)"}
    ranges = {"cooperative": "> 1", "mixed": "−1 to 1", "conflictual": "< −1"}
    for label, edges in groups.items():
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b, _ in edges:
            xs += [pos[a][0], pos[b][0], None]
            ys += [pos[a][1], pos[b][1], None]
        fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"width": 1.4, "color": colors[label]},
                                 hoverinfo="skip", name=f"{label} ties (mean Goldstein {ranges[label]})"))
    nodes = list(h.nodes)
    ev = [h.nodes[n].get("events", 0) for n in nodes]
    named = set(sorted(nodes, key=lambda n: -h.nodes[n].get("events", 0))[:labels])
    fig.add_trace(go.Scatter(
        x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text", name="actors (click: page)",
        text=[h.nodes[n].get("name", n) if n in named else "" for n in nodes], textposition="top center",
        textfont={"size": 10, "color": "#374151"},
        customdata=[[n, h.nodes[n].get("name", n), h.nodes[n].get("kind", ""), h.nodes[n].get("country", ""),
                     h.nodes[n].get("events", 0)] for n in nodes],
        marker={"size": [7 + 24 * (v / max(ev)) ** 0.5 for v in ev], "color": [_kind_color(h.nodes[n]) for n in nodes],
                "line": {"width": 1, "color": "#fff"}},
        hovertemplate="<b>%{customdata[1]}</b><br>%{customdata[2]} %{customdata[3]}<br>%{customdata[4]} events"
                      "<extra></extra>"))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, None, 680)


_KIND_COLORS = {"state": "#1f2d3d", "country": "#1f2d3d", "person": "#2e86c1", "institution": "#8e44ad",
                "group": "#7f8c8d", "igo": "#d35400", "faction": "#b7950b", "ngo": "#16a085"}


def _kind_color(node: dict[str, Any]) -> str:
    return _KIND_COLORS.get(node.get("kind", ""), "#95a5a6")


def save_figure(fig: go.Figure, path: str | Path) -> str:
    """Save as .html (self-contained, Plotly's JS inside) or .png (needs kaleido and a browser); a status line."""
    p = Path(path)
    if p.suffix.lower() == ".png":
        try:
            fig.write_image(str(p))
            return f"saved {p}"
        except Exception as exc:  # kaleido or its browser missing: fall back to HTML and say so
            html = p.with_suffix(".html")
            fig.write_html(str(html), include_plotlyjs=True)
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            return f"PNG export unavailable ({first[:120]}); saved {html} instead"
    if p.suffix.lower() not in (".html", ".htm"):
        from realpolitik.errors import RealpolitikError

        raise RealpolitikError(f"--chart {path}: use a .html or .png file name")
    fig.write_html(str(p), include_plotlyjs=True)
    return f"saved {p}"
