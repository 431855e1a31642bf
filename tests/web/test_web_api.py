"""The JSON API under /api/: the same numbers as the library, documented by /openapi.json."""
from __future__ import annotations

import pytest


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/dyad/{a}/{b}", "/api/actors", "/api/actors/{actor_id}",
                 "/api/network", "/api/factions/{country}", "/api/forecast", "/api/scenarios", "/api/summary"):
        assert path in spec["paths"], path
    params = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "dyad", "root", "quad", "since", "until", "q", "page", "per_page"} <= params
    assert not any(p.startswith("/dyad") or p == "/" for p in spec["paths"])  # pages stay out of the API spec


def test_events_pagination_and_total(client, store):
    got = client.get("/api/events?dyad=IRN,RUS&per_page=10&page=2").json()
    assert got["total"] == store.count_events(dyad=("IRN", "RUS"))
    assert got["page"] == 2 and len(got["events"]) == 10
    first = client.get("/api/events?dyad=IRN,RUS&per_page=10").json()["events"]
    assert first[0]["event_date"] >= got["events"][0]["event_date"]  # newest first
    assert got["filters"] == {"dyad": "IRN,RUS"}


def test_include_flagged_events(client, store):
    assert client.get("/api/events?all=1").json()["total"] == store.counts()["events"]
    assert client.get("/api/events").json()["total"] == store.counts()["events_factual"]


def test_dyad_series_match_the_analysis(client, store):
    from realpolitik.analysis import dyad_timeline

    got = client.get("/api/dyad/IRN/RUS?by=year&span=all").json()
    assert (got["name_a"], got["name_b"]) == ("Iran", "Russia")
    both = [r for r in got["series"] if r["direction"] == "Iran–Russia"]
    want = dyad_timeline(store, "IRN", "RUS", freq="Y")
    assert [r["events"] for r in both] == list(want["events"])
    ab = sum(r["events"] for r in got["series"] if r["direction"] == "Iran→Russia")
    assert ab == int(want["a_to_b"].sum())
    assert got["totals"][0]["events"] == store.count_events(dyad=("IRN", "RUS"), since="1000")


def test_event_detail_json(client, store):
    eid = store.events(dyad=("IRN", "RUS"), limit=1)["event_id"].iloc[0]
    got = client.get(f"/api/events/{eid}").json()
    assert got["event"]["event_id"] == eid
    marked = [p for seg in got["document"] for p in seg["pieces"] if p["sentence"]]
    assert len(marked) == 1 and marked[0]["text"] == got["event"]["sentence"]


def test_actor_and_actors(client):
    kinds = {a["kind"] for a in client.get("/api/actors?kind=faction").json()}
    assert kinds == {"faction"}
    rouhani = client.get("/api/actors/person:hassan-rouhani").json()
    assert rouhani["actor"]["name"] == "Hassan Rouhani"
    assert "faction:IRN:pragmatists" in {f["actor_id"] for f in rouhani["factions"]}
    assert rouhani["partners"][0]["actor_id"] == "person:vladimir-putin"


def test_network_json(client):
    g = client.get("/api/network?level=country&country=SYR").json()
    edges = {(e["source"], e["target"]): e for e in g["edges"]}
    assert edges[("RUS", "SYR")]["events"] >= 1
    assert g["edges"] and all("SYR" in (e["source"], e["target"]) for e in g["edges"])


def test_factions_json(client):
    got = client.get("/api/factions/IRN?by=year").json()
    assert got["country"] == "IRN"
    assert {r["faction_id"] for r in got["balance"]} == {f["actor_id"] for f in got["factions"]}


@pytest.mark.parametrize("model", ["compromise", "eum"])
def test_forecast_json(client, model):
    got = client.get(f"/api/forecast?scenario=bundled/iran_china_vs_russia.yaml&model={model}&mc=100&seed=1").json()
    res = got["result"]
    assert res["model"] == model and 0 <= res["prediction"] <= 100
    assert res["montecarlo"]["runs"] == 100 and "samples" not in res["montecarlo"]
