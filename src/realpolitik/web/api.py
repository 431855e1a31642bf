"""The JSON API under /api/ (documented by /openapi.json): the same checks and views as the pages."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Query, Request

from realpolitik.web import params as P
from realpolitik.web import views

router = APIRouter(prefix="/api")

SINCE = Query(None, description="Events on or after YYYY, YYYY-MM or YYYY-MM-DD.")
UNTIL = Query(None, description="Events up to the end of YYYY, YYYY-MM or YYYY-MM-DD.")
BY = Query(None, description="Period: day, week, month (default), quarter or year.")


@router.get("/summary", summary="Counts, top dyads, the top dyad's monthly index, most active actors")
@views.reading
def summary(request: Request, n: Optional[str] = Query(None, description="How many dyads and actors (default 5).")
            ) -> dict[str, Any]:
    from realpolitik.analysis import summary as summarise

    return views.plain(summarise(request.app.state.store, n=P.integer("n", n, 5, 1, 100)))


@router.get("/events", summary="Filtered, paginated events, newest first")
@views.reading
def events(request: Request,
           actor: Optional[str] = Query(None, description="Actor id, code, country or name, on either side."),
           dyad: Optional[str] = Query(None, description="Two actors or countries, e.g. IRN,RUS (both directions)."),
           root: Optional[str] = Query(None, description="CAMEO root code 01-20."),
           quad: Optional[str] = Query(None, description="Quad class 1-4."),
           since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
           q: Optional[str] = Query(None, description='Words the sentence must contain; "quoted phrase" whole.'),
           all: Optional[str] = Query(None, description="1 to include hypothetical and negated events."),
           page: Optional[str] = Query(None, description="Page number, from 1."),
           per_page: Optional[str] = Query(None, description="Events per page, 10-200 (default 50).")) -> dict[str, Any]:
    filters = P.event_filters(request.app.state.store, actor=actor, dyad=dyad, root_=root, quad_=quad, since=since,
                              until=until, q=q, all_=all)
    data = views.events(request.app.state.store, filters, P.integer("page", page, 1, 1, 10**7),
                        P.integer("per_page", per_page, 50, 10, 200))
    return views.plain({**data, "filters": filters.params()})


@router.get("/events/{event_id}", summary="One event: fields, how it was coded, its document with marked spans")
@views.reading
def event(request: Request, event_id: str,
          mention: Optional[str] = Query(None, description="One of the event's mention ids: show that mention.")
          ) -> dict[str, Any]:
    return views.plain(views.event(request.app.state.store, P.event_id(event_id), P.mention_id(mention)))


@router.get("/dyad/{a}/{b}", summary="A dyad's series per period: both directions and each direction")
@views.reading
def dyad(request: Request, a: str, b: str, by: Optional[str] = BY, since: Optional[str] = SINCE,
         until: Optional[str] = UNTIL,
         span: Optional[str] = Query(None, description="Without since/until: 'articles' (default: the months the "
                                                       "articles were published) or 'all' (every dated event).")
         ) -> dict[str, Any]:
    lo, hi = P.window(since, until)
    everything = P.choice("span", span, ("articles", "all"), "articles") == "all"
    return views.plain(views.dyad(request.app.state.store, P.text("a", a), P.text("b", b),
                                  P.choice("by", by, P.BY, "month"), lo, hi, everything))


@router.get("/actors", summary="Stored actors with roles, members and event counts")
@views.reading
def actors(request: Request,
           kind: Optional[str] = Query(None, description="state, person, institution, igo, ngo, faction or group."),
           limit: Optional[str] = Query(None, description="At most this many (default 100, up to 5000).")
           ) -> list[dict[str, Any]]:
    from realpolitik.store import records

    df = request.app.state.store.actors(kind=P.kind(kind))
    return views.plain(records(df.head(P.integer("limit", limit, 100, 1, 5000))))


@router.get("/actors/{actor_id}", summary="One actor: record, faction memberships, partners, events over time")
@views.reading
def actor(request: Request, actor_id: str) -> dict[str, Any]:
    return views.plain(views.actor(request.app.state.store, P.actor_id(actor_id)))


@router.get("/network", summary="The directed actor network as node-link JSON")
@views.reading
def network(request: Request, since: Optional[str] = SINCE, until: Optional[str] = UNTIL,
            country: Optional[str] = Query(None, description="ISO3: events with an actor of this country."),
            level: Optional[str] = Query(None, description="actor (default) or country."),
            min_events: Optional[str] = Query(None, description="Drop ties with fewer events (default 1).")
            ) -> dict[str, Any]:
    from realpolitik.analysis.network import node_link

    lo, hi = P.window(since, until)
    g = views.network(request.app.state.store, lo, hi, P.text("country", country, 3),
                      P.choice("level", level, P.LEVELS, "actor"), P.integer("min_events", min_events, 1, 1, 10**6))
    return views.plain(node_link(g))


@router.get("/factions/{country}", summary="A country's factions, members and balance over time")
@views.reading
def factions(request: Request, country: str, by: Optional[str] = BY) -> dict[str, Any]:
    return views.plain(views.factions(request.app.state.store, country, P.choice("by", by, P.BY, "month")))


@router.get("/scenarios", summary="Scenarios the forecast page can run (bundled and --scenarios)")
def scenarios(request: Request) -> list[dict[str, Any]]:
    return [{"key": s.key, "name": s.name, "description": s.description, "actors": s.actors,
             "variants": [v for v, _ in s.variants], "scale": list(s.scale), "scale_labels": list(s.scale_labels)}
            for s in request.app.state.scenarios.values()]


@router.get("/forecast", summary="Run a scenario: outcome, rounds, who moved and why, Monte Carlo")
def forecast(request: Request, scenario: str = Query(..., description="A key from /api/scenarios."),
             variant: Optional[str] = Query(None, description="A variant of the scenario."),
             model: Optional[str] = Query(None, description="compromise (default), median, nash, eum, ..."),
             mc: Optional[str] = Query(None, description="Monte Carlo runs, 0-5000 (default 0)."),
             seed: Optional[str] = Query(None, description="Random seed (default 7)."),
             rounds: Optional[str] = Query(None, description="Bargaining rounds for eum, 1-50 (default 10).")
             ) -> dict[str, Any]:
    from realpolitik.forecast import MODELS
    from realpolitik.web.forecasting import MAX_MC, MAX_ROUNDS, run

    out = run(request.app.state.scenarios, P.text("scenario", scenario, 300), P.text("variant", variant, 80),
              P.choice("model", model, MODELS, "compromise"), P.integer("rounds", rounds, 10, 1, MAX_ROUNDS),
              P.integer("mc", mc, 0, 0, MAX_MC), P.integer("seed", seed, 7, 0, 2**31 - 1))
    return views.plain({"scenario": out["scenario"].key, "model": out["model"], "variant": out["variant"],
                        "result": out["result"].to_dict(samples=False),
                        "base": out["base"].to_dict(samples=False) if out["base"] else None})
