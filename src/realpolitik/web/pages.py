"""The HTML pages: each handler checks its parameters, asks views.py for the data, renders a template."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from realpolitik.web import params as P
from realpolitik.web import views

router = APIRouter(include_in_schema=False)


def _page(request: Request, template: str, **context) -> HTMLResponse:
    state = request.app.state
    return state.templates.TemplateResponse(request, template, {"db": state.store.path.name, **context})


@router.get("/", response_class=HTMLResponse)
@views.reading
def dashboard(request: Request):
    from realpolitik.analysis.charts import dyad_figure

    data = views.dashboard(request.app.state.store)
    chart = None
    if data["pair"] is not None:
        chart = views.figure_json(dyad_figure(data["series"], each_way=False))
    return _page(request, "dashboard.html", **data, chart=chart)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
@views.reading
def dyad(request: Request, a: str, b: str, by: Optional[str] = None, since: Optional[str] = None,
         until: Optional[str] = None, span: Optional[str] = None):
    from realpolitik.analysis.charts import dyad_figure

    by_ = P.choice("by", by, P.BY, "month")
    lo, hi = P.window(since, until)
    everything = P.choice("span", span, ("articles", "all"), "articles") == "all"
    data = views.dyad(request.app.state.store, P.text("a", a), P.text("b", b), by_, lo, hi, everything)
    chart = views.figure_json(dyad_figure(data["series"])) if not data["series"].empty else None
    return _page(request, "dyad.html", **data, chart=chart, periods=P.BY)


def _filters(request: Request, actor, dyad, root, quad, since, until, q, all_) -> P.EventFilters:
    return P.event_filters(request.app.state.store, actor=actor, dyad=dyad, root_=root, quad_=quad, since=since,
                           until=until, q=q, all_=all_)


@router.get("/events", response_class=HTMLResponse)
@views.reading
def events(request: Request, actor: Optional[str] = None, dyad: Optional[str] = None, root: Optional[str] = None,
           quad: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
           q: Optional[str] = None, all: Optional[str] = None, page: Optional[str] = None,
           per_page: Optional[str] = None):
    filters = _filters(request, actor, dyad, root, quad, since, until, q, all)
    size = P.integer("per_page", per_page, 50, 10, 200)
    data = views.events(request.app.state.store, filters, P.integer("page", page, 1, 1, 10**7), size)
    return _page(request, "events.html", **data, filters=filters, per_page_options=P.PER_PAGE)


@router.get("/fragments/events", response_class=HTMLResponse)
@views.reading
def events_fragment(request: Request, dyad: Optional[str] = None, actor: Optional[str] = None,
                    since: Optional[str] = None, until: Optional[str] = None, label: Optional[str] = None):
    """The events of one period of a chart, as an HTML fragment the page's script inserts."""
    filters = _filters(request, actor, dyad, None, None, since, until, None, None)
    data = views.events(request.app.state.store, filters, 1, 100)
    return _page(request, "_period_events.html", **data, filters=filters, label=P.text("label", label, 40))


@router.get("/event/{event_id}", response_class=HTMLResponse)
@views.reading
def event(request: Request, event_id: str, mention: Optional[str] = None):
    data = views.event(request.app.state.store, P.event_id(event_id), P.mention_id(mention))
    return _page(request, "event.html", **data)


@router.get("/actor/{actor_id}", response_class=HTMLResponse)
@views.reading
def actor(request: Request, actor_id: str):
    from realpolitik.analysis.charts import actor_figure

    data = views.actor(request.app.state.store, P.actor_id(actor_id))
    chart = views.figure_json(actor_figure(data["timeline"])) if not data["timeline"].empty else None
    return _page(request, "actor.html", **data, chart=chart)


@router.get("/factions", response_class=HTMLResponse)
@views.reading
def faction_index(request: Request):
    return _page(request, "factions_index.html", countries=views.faction_countries(request.app.state.store))


@router.get("/factions/{country}", response_class=HTMLResponse)
@views.reading
def factions(request: Request, country: str, by: Optional[str] = None):
    from realpolitik.analysis.charts import faction_figure

    by_ = P.choice("by", by, P.BY, "month")
    data = views.factions(request.app.state.store, country, by_)
    chart = views.figure_json(faction_figure(data["balance"])) if not data["balance"].empty else None
    return _page(request, "factions.html", **data, by=by_, chart=chart, periods=P.BY)


@router.get("/network", response_class=HTMLResponse)
@views.reading
def network(request: Request, since: Optional[str] = None, until: Optional[str] = None,
            country: Optional[str] = None, level: Optional[str] = None, min_events: Optional[str] = None,
            nodes: Optional[str] = None):
    from realpolitik.analysis.charts import network_figure
    from realpolitik.analysis.network import edge_frame
    from realpolitik.store import records

    lo, hi = P.window(since, until)
    level_ = P.choice("level", level, P.LEVELS, "actor")
    minimum = P.integer("min_events", min_events, 1, 1, 10**6)
    shown = P.integer("nodes", nodes, 60, 5, 300)
    g = views.network(request.app.state.store, lo, hi, P.text("country", country, 3), level_, minimum)
    chart = views.figure_json(network_figure(g, max_nodes=shown)) if g.number_of_nodes() else None
    return _page(request, "network.html", chart=chart, ties=records(edge_frame(g).head(30)), nodes=g.number_of_nodes(),
                 edges=g.number_of_edges(), since=lo, until=hi, country=(country or "").upper(), level=level_,
                 min_events=minimum, shown=min(shown, g.number_of_nodes()), max_nodes=shown)


@router.get("/forecast", response_class=HTMLResponse)
def forecast(request: Request, scenario: Optional[str] = None, variant: Optional[str] = None,
             model: Optional[str] = None, mc: Optional[str] = None, seed: Optional[str] = None,
             rounds: Optional[str] = None):
    from realpolitik.forecast import MODELS
    from realpolitik.web.forecasting import MAX_MC, MAX_ROUNDS, run

    scenarios = request.app.state.scenarios
    chosen = P.text("scenario", scenario, 300)
    model_ = P.choice("model", model, MODELS, "compromise")
    runs = P.integer("mc", mc, 0, 0, MAX_MC)
    seed_ = P.integer("seed", seed, 7, 0, 2**31 - 1)
    rounds_ = P.integer("rounds", rounds, 10, 1, MAX_ROUNDS)
    context = {"scenarios": scenarios, "models": MODELS, "chosen": chosen, "variant": P.text("variant", variant, 80),
               "model": model_, "mc": runs, "seed": seed_, "rounds": rounds_, "max_mc": MAX_MC, "out": None}
    if chosen:
        from realpolitik.forecast.charts import forecast_figure, montecarlo_figure

        out = run(scenarios, chosen, context["variant"], model_, rounds_, runs, seed_)
        context["out"] = out
        context["chart"] = views.figure_json(forecast_figure(out["result"]))
        context["mc_chart"] = (views.figure_json(montecarlo_figure(out["results"]))
                               if runs and out["result"].montecarlo is not None else None)
    return _page(request, "forecast.html", **context)
