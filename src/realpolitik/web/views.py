"""What each page shows, as plain data: the pages render it with Jinja2, the API returns it as JSON.

Only calls into the query layer (realpolitik.store, realpolitik.analysis, realpolitik.forecast): no SQL here.
"""
from __future__ import annotations

import json
import math
from typing import Any

from realpolitik.analysis.actors import actor_profile, check_country, resolve_key
from realpolitik.analysis.dyads import active_actors, dyad_directions, top_dyads
from realpolitik.analysis.summary import publication_window
from realpolitik.errors import RealpolitikError
from realpolitik.store import Store, records
from realpolitik.web.params import BadParameter, EventFilters, NotFound

LIST_COLUMNS = ["event_id", "event_date", "date_precision", "source_name", "source_actor_id", "source_country",
                "cameo_code", "cameo_root", "quad_class", "goldstein", "plover_type", "target_name", "target_actor_id",
                "target_country", "trigger", "is_hypothetical", "is_negated", "modality", "sentence", "doc_title",
                "publisher"]
QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def reading(handler):
    """Run a request handler inside one read-only database session (one connection for all its queries)."""
    import functools

    @functools.wraps(handler)  # FastAPI reads the handler's own signature through __wrapped__
    def run(*args, **kwargs):
        with kwargs["request"].app.state.store.session():
            return handler(*args, **kwargs)
    return run


def figure_json(fig) -> str:
    """A Plotly figure as the JSON the page's script draws, safe inside <script type="application/json">
    (<, > and & escaped as in Jinja's tojson, so no text from an article can close the element)."""
    return fig.to_json().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def dashboard(store: Store, n: int = 10, latest: int = 12) -> dict[str, Any]:
    """Counts, top dyads, most active actors, the latest events and the top dyad's monthly series."""
    counts = store.counts()
    dyads = records(top_dyads(store, n=n))
    data: dict[str, Any] = {
        "counts": counts, "top_dyads": dyads, "active_actors": records(active_actors(store, n=n)),
        "latest": records(store.events(limit=latest, newest_first=True, columns=LIST_COLUMNS)),
        "pair": None, "series": [],
    }
    if dyads:
        top = dyads[0]
        since, until = publication_window(store)
        data["pair"] = {"a": top["actor_a"], "b": top["actor_b"], "name_a": top["name_a"], "name_b": top["name_b"]}
        data["series"] = dyad_directions(store, top["actor_a"], top["actor_b"], since=since, until=until,
                                         names=(top["name_a"], top["name_b"]))
    return data


def dyad(store: Store, a: str, b: str, by: str, since: str | None, until: str | None,
         everything: bool = False) -> dict[str, Any]:
    """The pair (resolved), its series in long form and the totals per direction.

    Without since/until the series spans the articles' publication months (an article recalling a 1990 deal
    would stretch it over decades of empty periods) unless ``everything``; ``outside`` counts what that leaves out.
    """
    try:
        (ka, na), (kb, nb) = resolve_key(store, a), resolve_key(store, b)
    except RealpolitikError as exc:
        raise BadParameter(str(exc)) from None
    window = (since, until)
    if since is None and until is None and not everything:
        window = publication_window(store)
    series = dyad_directions(store, ka, kb, freq=by, since=window[0], until=window[1], names=(na, nb))
    totals = []
    for label, part in series.groupby("direction", sort=False):
        ev = int(part["events"].sum())
        coop, conf = int(part["cooperation"].sum()), int(part["conflict"].sum())
        gsum = float(part["goldstein_sum"].sum())
        totals.append({"direction": label, "events": ev, "cooperation": coop, "conflict": conf,
                       "goldstein_mean": gsum / ev if ev else None, "cc_index": (coop - conf) / ev if ev else None})
    outside = 0
    if window != (since, until):
        outside = store.count_events(dyad=(ka, kb)) - sum(t["events"] for t in totals[:1])
    return {"a": ka, "b": kb, "name_a": na, "name_b": nb, "by": by, "since": since, "until": until,
            "window": [str(w) if w else None for w in window], "outside": outside, "series": series,
            "totals": totals}


def events(store: Store, filters: EventFilters, page: int, per_page: int) -> dict[str, Any]:
    """One page of the filtered events, newest first, and the total."""
    total = store.count_events(**filters.query())
    pages = max(1, math.ceil(total / per_page))
    if page > pages and total:
        raise BadParameter(f"page: {page} is past the last page ({pages})")
    rows = store.events(**filters.query(), limit=per_page, offset=(page - 1) * per_page, newest_first=True,
                        columns=LIST_COLUMNS)
    return {"total": total, "page": page, "pages": pages, "per_page": per_page, "events": records(rows)}


def actor(store: Store, actor_id: str, latest: int = 10) -> dict[str, Any]:
    """The actor's profile and its latest events."""
    profile = actor_profile(store, actor_id)
    if profile is None:
        raise NotFound(f"no actor {actor_id!r} in this database")
    profile["latest"] = records(store.events(actor_id=actor_id, newest_first=True, limit=latest, columns=LIST_COLUMNS))
    return profile


def event(store: Store, event_id: str, mention: str | None = None) -> dict[str, Any]:
    from realpolitik.analysis.event_detail import event_detail

    detail = event_detail(store, event_id, mention)
    if detail is None:
        raise NotFound(f"no event {event_id!r} in this database" if not mention else
                       f"no mention {mention!r} of event {event_id!r} in this database")
    return detail


def factions(store: Store, country: str, by: str) -> dict[str, Any]:
    from realpolitik.analysis.factions import faction_balance, factions as members_of

    try:
        iso = check_country(country)
    except RealpolitikError as exc:
        raise BadParameter(str(exc)) from None
    found = members_of(store, iso)
    balance = faction_balance(store, iso, freq=by, members=found)
    sides = ["own_as_source", "own_as_target", "members_as_source", "members_as_target"]
    totals = balance.groupby("faction_id")[sides].sum() if not balance.empty else None
    for f in found:  # each faction's events as source and as target, its own and its members'
        got = totals.loc[f["actor_id"]] if totals is not None and f["actor_id"] in totals.index else None
        f.update({c: int(got[c]) if got is not None else 0 for c in sides})
    return {"country": iso, "factions": found, "balance": balance}


def faction_countries(store: Store) -> list[dict[str, Any]]:
    """Countries with faction actors, for the factions index."""
    from realpolitik.analysis.actors import country_name

    df = store.actors(kind="faction")
    out = []
    for iso, part in df.groupby("country"):
        out.append({"country": iso, "name": country_name(iso) or iso, "factions": list(part["name"])})
    return out


def network(store: Store, since, until, country, level: str, min_events: int):
    from realpolitik.analysis.network import network as build

    iso = None
    if country:
        try:
            iso = check_country(country)
        except RealpolitikError as exc:
            raise BadParameter(str(exc)) from None
    return build(store, since=since, until=until, country=iso, level=level, min_count=min_events)


def plain(value: Any) -> Any:
    """JSON-ready: DataFrames as records, NaN as None (for the API)."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return records(value)
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return json.loads(json.dumps(value, default=str)) if not isinstance(value, (str, int, float, bool, type(None))) \
        else value
