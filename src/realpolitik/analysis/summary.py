"""The overview `realpolitik demo` prints: counts, top dyads, one dyad's monthly line, most active actors."""
from __future__ import annotations

import calendar
import datetime as dt
import math
from typing import Any

from realpolitik.analysis.dyads import TIMELINE_COLUMNS, active_actors, dyad_timeline, top_dyads
from realpolitik.store import Store, records

SPARK = "▁▂▃▄▅▆▇█"


def summary(store: Store, pair: tuple[str, str] | None = None, n: int = 5,
            since: str | dt.date | None = None, until: str | dt.date | None = None) -> dict[str, Any]:
    """A JSON-ready overview of the store: counts, top ``n`` dyads and actors, the ``pair`` monthly timeline.

    ``pair`` defaults to the top dyad. Given since/until restrict the dyads, actors and timeline; otherwise the
    timeline spans the articles' publication months: events an article recalls from decades back would
    stretch it over hundreds of empty months.
    """
    counts = store.counts()
    dyads = top_dyads(store, n=n, since=since, until=until)
    if pair is None and not dyads.empty:
        pair = (dyads.iloc[0]["actor_a"], dyads.iloc[0]["actor_b"])
    actors = active_actors(store, n=n, since=since, until=until)
    if since is None or until is None:
        first, last = publication_window(store)
        since, until = since or first, until or last
    timeline = (dyad_timeline(store, pair[0], pair[1], freq="M", since=since, until=until) if pair
                else _no_timeline())
    return {
        "db": str(store.path),
        "documents": counts["documents"],
        "sentences": counts["sentences"],
        "actors": counts["actors"],
        "events": counts["events"],
        "events_factual": counts["events_factual"],
        "events_flagged": counts["events_flagged"],
        "top_dyads": records(dyads),
        "pair": list(pair) if pair else [],
        "since": since.isoformat() if isinstance(since, dt.date) else since,
        "until": until.isoformat() if isinstance(until, dt.date) else until,
        "timeline": records(timeline[["period", "events", "cooperation", "conflict", "goldstein_mean",
                                      "cc_index"]]),
        "active_actors": records(actors),
    }


def publication_window(store: Store) -> tuple[dt.date | None, dt.date | None]:
    """First day of the first and last day of the last month in which the stored articles were published."""
    first, last = store.query("SELECT min(pub_date), max(pub_date) FROM documents").iloc[0]
    return (None if first is None or first != first else first.date().replace(day=1),
            None if last is None or last != last else _month_end(last.date()))


def _no_timeline():
    import pandas as pd

    return pd.DataFrame({c: [] for c in TIMELINE_COLUMNS})


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


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


def _bar(value: float | None, width: int = 6) -> str:
    """A centred bar for a value in [-1, 1]: conflict grows left (red), cooperation right (green)."""
    if value is None or math.isnan(value):
        return " " * width + "│" + " " * width
    cells = round(abs(value) * width)
    if value < 0:
        return " " * (width - cells) + f"[red]{'█' * cells}[/red]│" + " " * width
    return " " * width + f"│[green]{'█' * cells}[/green]" + " " * (width - cells)


def _runs(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Months grouped so that consecutive empty months form one run (shown as one row)."""
    runs: list[list[dict[str, Any]]] = []
    for r in line:
        if runs and r["events"] == 0 and runs[-1][0]["events"] == 0:
            runs[-1].append(r)
        else:
            runs.append([r])
    return runs


def _fmt(v: Any, digits: int = 2) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:+.{digits}f}" if isinstance(v, float) else str(v)


def render_summary(s: dict[str, Any], console: Any = None) -> None:
    """Print a summary() dict with rich: counts, tables, and a bar per month for the pair's line."""
    from rich.console import Console
    from rich.table import Table

    from realpolitik.terminal import safe  # names and paths come from the user's articles

    console = console or Console()
    console.print(f"[bold]{s['documents']}[/bold] documents · [bold]{s['sentences']}[/bold] sentences · "
                  f"[bold]{s['actors']}[/bold] actors · [bold]{s['events']}[/bold] events: "
                  f"[green]{s['events_factual']} factual[/green], "
                  f"[yellow]{s['events_flagged']} hypothetical or negated[/yellow]")
    console.print(f"[dim]{safe(s['db'])} · Goldstein = mean Goldstein score (−10 to +10); "
                  "cc = (cooperation − conflict) / events[/dim]")

    dyads = Table(title="Top dyads (factual events, both directions)", title_justify="left")
    for col, just in (("dyad", "left"), ("events", "right"), ("coop", "right"), ("conflict", "right"),
                      ("Goldstein", "right")):
        dyads.add_column(col, justify=just)
    for d in s["top_dyads"]:
        dyads.add_row(safe(f"{d['name_a']} – {d['name_b']}"), str(d["events"]), str(d["cooperation"]),
                      str(d["conflict"]), _fmt(d["goldstein_mean"]))
    console.print(dyads if s["top_dyads"] else "[dim]Top dyads: no factual events between two actors yet[/dim]")

    a, b = (safe(x) for x in (s["pair"] or ("", "")))
    line = s["timeline"]
    span = f" {s['since'][:7]} to {s['until'][:7]}" if s.get("since") and s.get("until") else ""
    title = f"{a}–{b} by month{span}   {sparkline([float(r['events']) for r in line][-72:])}"
    months = Table(title=title, title_justify="left")
    for col, just in (("month", "left"), ("events", "right"), ("coop", "right"), ("confl", "right"),
                      ("Goldstein", "right"), ("cc", "right")):
        months.add_column(col, justify=just, no_wrap=True)
    months.add_column("conflict│coop", no_wrap=True)
    for rows in _runs(line):
        r = rows[0]
        if r["events"] == 0:
            label = r["period"] if len(rows) == 1 else f"{r['period']}…{rows[-1]['period']}"
            months.add_row(label, "0", "", "", "", "", "[dim]no events[/dim]")
            continue
        months.add_row(r["period"], str(r["events"]), str(r["cooperation"]), str(r["conflict"]),
                       _fmt(r["goldstein_mean"]), _fmt(r["cc_index"]), _bar(r["cc_index"]))
    if line:
        console.print(months)
    elif s["pair"]:
        console.print(f"[dim]{a}–{b} by month: no factual events between them{span}[/dim]")
    else:
        console.print("[dim]By month: no dyad with factual events yet[/dim]")

    actors = Table(title="Most active actors", title_justify="left")
    for col, just in (("actor", "left"), ("kind", "left"), ("events", "right"), ("as source", "right"),
                      ("as target", "right"), ("Goldstein", "right")):
        actors.add_column(col, justify=just)
    for r in s["active_actors"]:
        actors.add_row(safe(r["name"]), safe(r["kind"] or ""), str(r["events"]), str(r["as_source"]), str(r["as_target"]),
                       _fmt(r["goldstein_mean"]))
    console.print(actors if s["active_actors"] else "[dim]Most active actors: none yet[/dim]")
