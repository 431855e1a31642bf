"""The weighted, directed actor network of factual events, as a networkx graph, and its exports."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.dyads import QUADS, _keys
from realpolitik.errors import RealpolitikError
from realpolitik.store import Store
from realpolitik.store.query import event_conditions

if TYPE_CHECKING:
    import networkx as nx

NETWORK_FORMATS = ("graphml", "gexf", "csv", "json")
EDGE_COLUMNS = ["source", "target", "source_name", "target_name", "events", *QUADS.values(), "cooperation",
                "conflict", "goldstein_mean"]


def network(store: Store, since: str | dt.date | None = None, until: str | dt.date | None = None,
            country: str | None = None, level: str = "actor", min_count: int = 1) -> nx.DiGraph:
    """Directed graph of factual events between actors (or countries, ``level="country"``).

    Nodes carry name, kind, country, sector and their event count; an edge source→target carries its event
    count (``weight``), the counts per quad class and the mean Goldstein score. ``country`` keeps the events
    with an actor of that country on either side (its ego network).
    """
    import networkx as nx

    src, tgt = _keys(level)
    where, params = event_conditions(since=since, until=until)
    if country:
        where.append("(e.source_country = ? OR e.target_country = ?)")
        params += [country.upper(), country.upper()]
    quads = ", ".join(f"count(*) FILTER (WHERE e.quad_class = {q}) AS {n}" for q, n in QUADS.items())
    edges = store.query(f"""
        SELECT {src} AS source, {tgt} AS target, count(*) AS events, {quads}, avg(e.goldstein) AS goldstein_mean
        FROM events e
        WHERE {' AND '.join(where)} AND {src} IS NOT NULL AND {tgt} IS NOT NULL AND {src} <> {tgt}
        GROUP BY ALL HAVING count(*) >= ? ORDER BY events DESC, source, target""", params + [int(min_count)])
    keys = sorted(set(edges["source"]) | set(edges["target"]))
    nodes = _node_table(store, keys, level)
    g = nx.DiGraph(level=level, since=str(since or ""), until=str(until or ""), country=country or "")
    for key in keys:
        g.add_node(key, **nodes.get(key, {"name": key}))
    for r in edges.to_dict(orient="records"):
        attrs = {n: int(r[n]) for n in QUADS.values()}
        g.add_edge(r["source"], r["target"], weight=int(r["events"]), events=int(r["events"]), **attrs,
                   cooperation=attrs["verbal_coop"] + attrs["material_coop"],
                   conflict=attrs["verbal_conflict"] + attrs["material_conflict"],
                   goldstein_mean=round(float(r["goldstein_mean"]), 4))
    for key in keys:
        g.nodes[key]["events"] = int(sum(d["events"] for *_, d in g.in_edges(key, data=True))
                                     + sum(d["events"] for *_, d in g.out_edges(key, data=True)))
    return g


def _node_table(store: Store, keys: list[str], level: str) -> dict[str, dict[str, Any]]:
    """Node attributes from the actor table (a country node takes its state actor's name)."""
    if not keys:
        return {}
    df = store.query("SELECT actor_id, name, kind, country, sector FROM actors WHERE actor_id IN "
                     "(SELECT unnest(?::VARCHAR[]))", [keys])
    out = {}
    for r in df.to_dict(orient="records"):
        out[r["actor_id"]] = {k: r[k] for k in ("name", "kind", "country", "sector") if isinstance(r[k], str) and r[k]}
    if level == "country":
        for k in keys:
            out.setdefault(k, {"name": k, "country": k, "kind": "state"})
            out[k]["kind"] = "country" if out[k].get("kind") == "state" else out[k].get("kind", "")
    return out


def edge_frame(g: nx.DiGraph):
    """The graph's edges as a DataFrame (one row per directed pair, heaviest first)."""
    import pandas as pd

    rows = [{"source": a, "target": b, "source_name": g.nodes[a].get("name", a),
             "target_name": g.nodes[b].get("name", b), **{c: d[c] for c in EDGE_COLUMNS[4:]}}
            for a, b, d in g.edges(data=True)]
    df = pd.DataFrame(rows, columns=EDGE_COLUMNS)
    return df.sort_values(["events", "source", "target"], ascending=[False, True, True], ignore_index=True)


def node_link(g: nx.DiGraph) -> dict[str, Any]:
    """JSON-ready node-link form: {graph, nodes: [{id, ...}], edges: [{source, target, ...}]}."""
    return {"graph": dict(g.graph), "directed": True,
            "nodes": [{"id": n, **d} for n, d in g.nodes(data=True)],
            "edges": [{"source": a, "target": b, **d} for a, b, d in g.edges(data=True)]}


def write_network(g: nx.DiGraph, fmt: str, out: str | Path | None = None) -> None:
    """Write the graph as graphml, gexf (Gephi), csv (edge list) or json (node-link) to ``out`` or stdout."""
    import networkx as nx

    fmt = fmt.lower()
    if fmt not in NETWORK_FORMATS:
        raise RealpolitikError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    if out is not None:
        from realpolitik.store.export import _check_out

        _check_out(out)
    if fmt in ("graphml", "gexf"):
        clean = g.copy()  # XML attributes cannot be empty or None
        clean.graph = {k: v for k, v in g.graph.items() if v not in (None, "")}
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        if out is None:
            writer(clean, sys.stdout.buffer)
            sys.stdout.flush()
        else:
            writer(clean, str(out))
        return
    if fmt == "csv":
        frame = edge_frame(g)
        if out is None:
            frame.to_csv(sys.stdout, index=False)
        else:
            frame.to_csv(out, index=False)
        return
    text = json.dumps(node_link(g), ensure_ascii=False, indent=1) + "\n"
    if out is None:
        sys.stdout.write(text)
    else:
        Path(out).write_text(text, encoding="utf-8")
