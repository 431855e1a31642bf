"""Terminal renderings (rich) of the dyad, faction and network analyses for `--format table`."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from realpolitik.analysis.summary import _bar, _fmt, _runs
from realpolitik.store import records
from realpolitik.terminal import safe  # names come from the user's articles: never Rich markup

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

CC_NOTE = "cc = (cooperation − conflict) / events, −1 all conflict … +1 all cooperation; Goldstein −10 … +10"


def render_dyad(directions: pd.DataFrame, console: Any) -> None:
    """One row per period: events each way, both directions' counts by quad class, Goldstein mean, cc index
    together and per direction (the full columns are in --format csv/json/parquet)."""
    from rich.table import Table

    labels = list(dict.fromkeys(directions["direction"]))
    if not labels:
        console.print("[dim]no factual events between them[/dim]")
        return
    both, ab, ba = (records(directions[directions["direction"] == lab]) for lab in labels)
    table = Table(title=f"{safe(labels[0])}: {sum(r['events'] for r in both)} factual events "
                        f"(→ {safe(labels[1])} {sum(r['events'] for r in ab)}, "
                        f"← {safe(labels[2])} {sum(r['events'] for r in ba)})",
                  title_justify="left", caption=CC_NOTE, caption_justify="left")
    for col in ("period", "events", "→", "←", "v.coop", "m.coop", "v.confl", "m.confl", "Goldst.", "cc", "cc →",
                "cc ←"):
        table.add_column(col, justify="left" if col == "period" else "right", no_wrap=True)
    table.add_column("conflict│coop", no_wrap=True)
    for run in _runs([{**r, "i": i} for i, r in enumerate(both)]):
        r = run[0]
        if r["events"] == 0:
            label = r["period"] if len(run) == 1 else f"{r['period']}…{run[-1]['period']}"
            table.add_row(label, "0", *[""] * 10, "[dim]no events[/dim]")
            continue
        x, y = ab[r["i"]], ba[r["i"]]
        table.add_row(r["period"], str(r["events"]), str(x["events"]), str(y["events"]), str(r["verbal_coop"]),
                      str(r["material_coop"]), str(r["verbal_conflict"]), str(r["material_conflict"]),
                      _fmt(r["goldstein_mean"]), _fmt(r["cc_index"]), _fmt(x["cc_index"]), _fmt(y["cc_index"]),
                      _bar(r["cc_index"]))
    console.print(table)


def render_factions(found: list[dict[str, Any]], balance: pd.DataFrame, console: Any) -> None:
    """Each faction with its members and evidence count, then events per period and faction."""
    from rich.table import Table

    if not found:
        console.print("[dim]no faction actors of this country in the database[/dim]")
        return
    who = Table(title="Factions and their members", title_justify="left")
    for col in ("faction", "id", "members", "evidence", "own events", "members' events"):
        who.add_column(col, justify="right" if "events" in col or col == "evidence" else "left")
    totals = balance.groupby("faction_id")[["own_as_source", "own_as_target", "members_as_source",
                                            "members_as_target"]].sum() if not balance.empty else None
    for f in found:
        t = totals.loc[f["actor_id"]] if totals is not None and f["actor_id"] in totals.index else None
        own = "0" if t is None else str(int(t["own_as_source"] + t["own_as_target"]))
        mem = "0" if t is None else str(int(t["members_as_source"] + t["members_as_target"]))
        who.add_row(safe(f["name"]), safe(f["actor_id"]), safe(", ".join(m["name"] for m in f["members"]) or "–"),
                    str(len(f["evidence"])), own, mem)
    console.print(who)
    if balance.empty:
        console.print("[dim]no dated factual events of these factions or their members[/dim]")
        return
    names = list(dict.fromkeys(balance["faction"]))
    wide = balance.pivot_table(index="period", columns="faction", values="events", aggfunc="sum", sort=True)
    table = Table(title="Events per period (own + members', as source or target)", title_justify="left")
    table.add_column("period", no_wrap=True)
    for n in names:
        table.add_column(safe(n), justify="right")
    for period, row in wide.iterrows():
        if row.sum() == 0:
            continue
        table.add_row(str(period), *[str(int(row[n])) if row[n] else "·" for n in names])
    console.print(table)


def render_network(g: nx.DiGraph, console: Any, top: int = 25) -> None:
    """Node and edge counts, then the heaviest directed ties."""
    from rich.table import Table

    from realpolitik.analysis.network import edge_frame

    console.print(f"[bold]{g.number_of_nodes()}[/bold] actors · [bold]{g.number_of_edges()}[/bold] directed ties "
                  f"· {sum(d['events'] for *_, d in g.edges(data=True))} factual events"
                  + (f" · country {safe(g.graph['country'])}" if g.graph.get("country") else ""))
    frame = edge_frame(g).head(top)
    table = Table(title=f"Heaviest ties (top {len(frame)}; --format graphml|gexf|csv|json for all)",
                  title_justify="left")
    for col in ("source", "target", "events", "v.coop", "m.coop", "v.confl", "m.confl", "Goldstein"):
        table.add_column(col, justify="left" if col in ("source", "target") else "right")
    for r in records(frame):
        table.add_row(safe(r["source_name"]), safe(r["target_name"]), str(r["events"]), str(r["verbal_coop"]),
                      str(r["material_coop"]), str(r["verbal_conflict"]), str(r["material_conflict"]),
                      _fmt(r["goldstein_mean"]))
    console.print(table)
