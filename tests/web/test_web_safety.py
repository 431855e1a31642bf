"""Safety: read-only database, validated parameters (422 with a message, never a 500), no path from a request
to the file system, nothing fetched from elsewhere, loopback by default."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BAD = [
    ("/events?since=last+week", "since: 'last week' is not a date"),
    ("/events?until=2015-13", "not a date"),
    ("/events?since=2016&until=2015", "since 2016 is after until 2015"),
    ("/events?root=99", "root: '99' is not a CAMEO root code"),
    ("/events?quad=7", "quad: '7' is not a quad class"),
    ("/events?page=0", "page: 0 is outside"),
    ("/events?page=99999", "past the last page"),
    ("/events?per_page=5000", "per_page: 5000 is outside"),
    ("/events?dyad=IRN", "dyad: expected two actors"),
    ("/events?dyad=IRN,Narnia", "'Narnia' is neither an actor"),
    ("/dyad/IRN/Narnia", "'Narnia' is neither an actor"),
    ("/dyad/IRN/RUS?by=fortnight", "by: 'fortnight' is not one of"),
    ("/factions/XQZ", "not an ISO 3166 alpha-3 code"),
    ("/network?level=galaxy", "level: 'galaxy' is not one of"),
    ("/network?min_events=abc", "min_events: 'abc' is not a whole number"),
    ("/forecast?scenario=bundled/iran_china_vs_russia.yaml&model=oracle", "model: 'oracle' is not one of"),
    ("/forecast?scenario=bundled/iran_china_vs_russia.yaml&mc=-1", "mc: -1 is outside"),
    ("/forecast?scenario=bundled/iran_china_vs_russia.yaml&variant=nope", "variant: 'nope' is not a variant"),
    ("/event/bad%20id", "is not an event id"),
    ("/event/0000000000000000?mention=a%20b", "mention: 'a b' is not a mention id"),
    ("/events?actor=Narnia", "'Narnia' is neither an actor in this database nor a country code"),
    ("/dyad/IRN/RUS?since=2015-02-30", "since: '2015-02-30' is not a date"),
    ("/dyad/IRN/RUS?span=forever", "span: 'forever' is not one of articles, all"),
    ("/factions/IRN?by=fortnight", "by: 'fortnight' is not one of"),
    ("/network?country=XQZ", "country: 'XQZ' is not an ISO 3166 alpha-3 code"),
    ("/network?since=2016&until=2015", "since 2016 is after until 2015"),
    ("/forecast?scenario=bundled/iran_china_vs_russia.yaml&model=eum&rounds=0", "rounds: 0 is outside 1–50"),
    ("/forecast?scenario=bundled/iran_china_vs_russia.yaml&seed=x", "seed: 'x' is not a whole number"),
]
PAGE_ONLY = [  # parameters of the pages alone (the API has no such view)
    ("/network?nodes=1", "nodes: 1 is outside 5–300"),
    ("/fragments/events?dyad=IRN,RUS&since=x", "since: 'x' is not a date"),
    ("/fragments/events?dyad=IRN", "dyad: expected two actors"),
]
API_ONLY = [
    ("/api/actors?kind=galaxy", "kind: 'galaxy' is not one of state, person"),
    ("/api/actors?limit=0", "limit: 0 is outside 1–5000"),
    ("/api/summary?n=abc", "n: 'abc' is not a whole number"),
    ("/api/forecast", "scenario: Field required"),
]


@pytest.mark.parametrize("path,message", BAD + PAGE_ONLY)
def test_bad_parameters_are_422_pages_with_a_message(client, path, message):
    r = client.get(path)
    assert r.status_code == 422, r.text
    assert message in re.search(r'<p id="message">(.*?)</p>', r.text, re.S).group(1).replace("&#39;", "'")


@pytest.mark.parametrize("path,message", BAD)
def test_bad_parameters_are_422_json_in_the_api(client, path, message):
    api = path.replace("/events", "/api/events", 1).replace("/dyad/", "/api/dyad/").replace(
        "/factions/", "/api/factions/").replace("/network", "/api/network").replace("/forecast", "/api/forecast")
    api = api.replace("/event/", "/api/events/")
    r = client.get(api)
    assert r.status_code == 422, (api, r.text)
    assert message in r.json()["detail"]


@pytest.mark.parametrize("path,message", API_ONLY)
def test_bad_api_only_parameters_are_422_json(client, path, message):
    r = client.get(path)
    assert r.status_code == 422, (path, r.text)
    assert message in r.json()["detail"]


def test_an_actor_filter_may_be_part_of_a_name(client):
    """Not a stored actor's whole name, yet on events: a filter, not an error."""
    r = client.get("/api/events", params={"actor": "Vladimir"})
    assert r.status_code == 200 and r.json()["total"] > 0


@pytest.mark.parametrize("path", ["/event/0000000000000000", "/actor/person:nobody", "/api/actors/person:nobody",
                                  "/no/such/page", "/api/nothing"])
def test_unknown_things_are_404(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("name", ["../../../../etc/passwd", "/etc/passwd", "bundled/../../../pyproject.toml",
                                  "iran_china_vs_russia.yaml", "folder/x.yaml", "%2e%2e/%2e%2e/etc/hosts"])
def test_scenario_names_never_reach_the_file_system(client, monkeypatch, name):
    import builtins
    import pathlib

    opened = []
    real_open, real_read = builtins.open, pathlib.Path.read_text
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    monkeypatch.setattr(pathlib.Path, "read_text", lambda self, *a, **k: opened.append(str(self)) or real_read(self, *a, **k))
    r = client.get("/api/forecast", params={"scenario": name})
    assert r.status_code == 404 and "is not one of the listed scenarios" in r.json()["detail"]
    assert not [f for f in opened if "passwd" in f or "hosts" in f or "pyproject" in f]


_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_param = st.one_of(st.none(), _text, st.sampled_from(["", "0", "-1", "1", "20", "99", "2015", "2015-02-30",
                                                     "IRN", "IRN,RUS", "nan", "1e9", "%00", "../x", "'; DROP"]))
ENDPOINTS = {
    "/api/events": ["actor", "dyad", "root", "quad", "since", "until", "q", "all", "page", "per_page"],
    "/events": ["actor", "dyad", "root", "quad", "since", "until", "q", "page"],
    "/api/dyad/IRN/RUS": ["by", "since", "until", "span"],
    "/api/network": ["since", "until", "country", "level", "min_events"],
    "/network": ["country", "level", "min_events", "nodes"],
    "/api/factions/IRN": ["by"],
    "/forecast": ["scenario", "variant", "model", "mc", "seed", "rounds"],
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(path=st.sampled_from(sorted(ENDPOINTS)), data=st.data())
def test_no_parameter_makes_a_500(client, path, data):
    params = {k: v for k in ENDPOINTS[path] if (v := data.draw(_param, label=k)) is not None}
    if path == "/forecast" and "mc" in params:  # keep Monte Carlo cheap: mc is validated the same at any size
        params["mc"] = params["mc"][:2]
    r = client.get(path, params=params)
    assert r.status_code in (200, 404, 422), (path, params, r.status_code, r.text[:300])


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(a=_text.filter(lambda s: s.strip() and "/" not in s), b=_text.filter(lambda s: s.strip() and "/" not in s))
def test_no_path_makes_a_500(client, a, b):
    from urllib.parse import quote

    for path in (f"/dyad/{quote(a)}/{quote(b)}", f"/actor/{quote(a)}", f"/event/{quote(a)}", f"/factions/{quote(a)}"):
        assert client.get(path).status_code in (200, 404, 422), path


def test_the_database_is_opened_read_only_and_not_held(app, client, demo_db):
    import duckdb

    assert app.state.store.read_only
    client.get("/")
    # between requests the app holds no connection: a writer (an ingest) can open the file
    con = duckdb.connect(str(demo_db))
    con.close()
    assert client.get("/events").status_code == 200


def test_pages_reach_nothing_outside_the_server(client, store):
    eid = store.events(limit=1)["event_id"].iloc[0]
    for path in ("/", "/dyad/IRN/RUS", "/events", f"/event/{eid}", "/actor/IRN", "/factions/IRN", "/network",
                 "/forecast?scenario=bundled/iran_china_vs_russia.yaml&mc=50"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assets = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', r.text)
        assert assets and all(a.startswith("/") or a.startswith("data:") for a in assets), (path, assets)


def test_plotly_is_served_from_the_installed_package(client):
    from importlib import resources

    r = client.get("/vendor/plotly.min.js")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/javascript")
    assert r.content == resources.files("plotly").joinpath("package_data", "plotly.min.js").read_bytes()


def test_a_missing_database_fails_before_serving(tmp_path):
    from realpolitik.errors import RealpolitikError
    from realpolitik.web import create_app

    with pytest.raises(RealpolitikError, match="no database"):
        create_app(tmp_path / "none.duckdb")


@pytest.mark.parametrize("host,loopback", [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                           ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False)])
def test_loopback(host, loopback):
    from realpolitik.web import is_loopback

    assert is_loopback(host) is loopback


def test_serve_warns_when_not_on_loopback(demo_db, monkeypatch, capsys):
    import uvicorn

    from realpolitik.web import serve

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    serve(demo_db, host="0.0.0.0", port=8123)
    err = capsys.readouterr().err
    assert "warning: serving on 0.0.0.0" in err and calls == [{"host": "0.0.0.0", "port": 8123, "log_level": "warning"}]
    serve(demo_db)
    assert "warning" not in capsys.readouterr().err and calls[-1]["host"] == "127.0.0.1"
