"""The overview `realpolitik demo` prints: counts, top dyads, one dyad's monthly line, most active actors."""
from __future__ import annotations

import math
from typing import Any

from realpolitik.analysis.dyads import active_actors, dyad_timeline, top_dyads
from realpolitik.store import Store, records

SPARK = "▁▂▃▄▅▆▇█"


def summary(store: Store, pair: tuple[str, str] = ("IRN", "RUS"), n: int = 5) -> dict[str, Any]:
    """A JSON-ready overview of the store: counts, top ``n`` dyads and actors, the ``pair`` monthly timeline."""
    counts = store.counts()
    timeline = dyad_timeline(store, pair[0], pair[1], freq="M")
    return {
        "db": str(store.path),
        "documents": counts["documents"],
        "sentences": counts["sentences"],
        "actors": counts["actors"],
        "events": counts["events"],
        "events_factual": counts["events_factual"],
        "events_flagged": counts["events_flagged"],
        "top_dyads": records(top_dyads(store, n=n)),
        "pair": list(pair),
        "timeline": records(timeline[["period", "events", "cooperation", "conflict", "goldstein_mean",
                                      "cc_index"]]),
        "active_actors": records(active_actors(store, n=n)),
    }


def sparkline(values: list[float | None]) -> str:
    """One block character per value, scaled to the largest; gaps (None/NaN) are spaces."""
    nums = [v for v in values if v is not None and not math.isnan(v)]
    top = max(nums, default=0)
    out = []
    for v in values:
        if v is None or math.isnan(v):
            out.append(" ")
        elif top <= 0:
            out.append(SPARK[0])
        else:
            out.append(SPARK[min(len(SPARK) - 1, int(v / top * (len(SPARK) - 1) + 0.5))])
    return "".join(out)


def _bar(value: float | None, width: int = 10) -> str:
    """A centred bar for a value in [-1, 1]: conflict grows left (red), cooperation right (green)."""
    if value is None or math.isnan(value):
        return " " * width + "│" + " " * width
    cells = round(abs(value) * width)
    if value < 0:
        return " " * (width - cells) + f"[red]{'█' * cells}[/red]│" + " " * width
    return " " * width + f"│[green]{'█' * cells}[/green]" + " " * (width - cells)


def _fmt(v: Any, digits: int = 2) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:+.{digits}f}" if isinstance(v, float) else str(v)


def render_summary(s: dict[str, Any], console: Any = None) -> None:
    """Print a summary() dict with rich: counts, tables, and a bar per month for the pair's line."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    console.print(f"[bold]{s['documents']}[/bold] documents · [bold]{s['sentences']}[/bold] sentences · "
                  f"[bold]{s['actors']}[/bold] actors · [bold]{s['events']}[/bold] events "
                  f"([green]{s['events_factual']} factual[/green], "
                  f"[yellow]{s['events_flagged']} hypothetical or negated[/yellow])   [dim]{s['db']}[/dim]")

    dyads = Table(title="Top dyads (factual events, both directions)", title_justify="left")
    for col, just in (("dyad", "left"), ("events", "right"), ("coop", "right"), ("conflict", "right"),
                      ("mean Goldstein", "right")):
        dyads.add_column(col, justify=just)
    for d in s["top_dyads"]:
        dyads.add_row(f"{d['name_a']} – {d['name_b']}", str(d["events"]), str(d["cooperation"]),
                      str(d["conflict"]), _fmt(d["goldstein_mean"]))
    console.print(dyads)

    a, b = s["pair"]
    line = s["timeline"]
    title = f"{a}–{b} by month   {sparkline([float(r['events']) for r in line])}"
    months = Table(title=title, title_justify="left")
    for col, just in (("month", "left"), ("events", "right"), ("coop", "right"), ("conflict", "right"),
                      ("mean Goldstein", "right"), ("conflict ← cc index → cooperation", "left")):
        months.add_column(col, justify=just)
    for r in line:
        months.add_row(r["period"], str(r["events"]), str(r["cooperation"]), str(r["conflict"]),
                       _fmt(r["goldstein_mean"]), _bar(r["cc_index"]) + f" {_fmt(r['cc_index'])}")
    if not line:
        months.add_row("–", "0", "0", "0", "–", "no factual events for this pair")
    console.print(months)

    actors = Table(title="Most active actors", title_justify="left")
    for col, just in (("actor", "left"), ("kind", "left"), ("events", "right"), ("as source", "right"),
                      ("as target", "right"), ("mean Goldstein", "right")):
        actors.add_column(col, justify=just)
    for r in s["active_actors"]:
        actors.add_row(r["name"], r["kind"] or "", str(r["events"]), str(r["as_source"]), str(r["as_target"]),
                       _fmt(r["goldstein_mean"]))
    console.print(actors)
