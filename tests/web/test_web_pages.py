"""The pages, rendered by the server over the demo corpus (no browser: the HTML as sent)."""
from __future__ import annotations

import json
import re
from html import unescape

import pytest


def _figure(html: str, chart_id: str) -> dict:
    m = re.search(rf'<script type="application/json" id="{chart_id}-data">(.*?)</script>', html, re.S)
    assert m, f"no figure {chart_id}"
    return json.loads(m.group(1))


def test_dashboard_shows_counts_top_dyads_latest_events_and_the_iran_russia_line(client, store):
    html = client.get("/").text
    counts = store.counts()
    assert f'<div class="n">{counts["events_factual"]:,}</div>' in html
    assert "Iran – Russia" in html and 'href="/dyad/IRN/RUS"' in html
    fig = _figure(html, "dyad-chart")
    names = [t.get("name") for t in fig["data"]]
    assert "cc index Iran–Russia" in names and "verbal cooperation" in names
    # the line holds the monthly Iran–Russia counts the dyad analysis computes
    line = next(t for t in fig["data"] if t.get("name") == "cc index Iran–Russia")
    assert sum(map(int, line["text"])) == store.count_events(dyad=("IRN", "RUS"), since="2013-06", until="2016-12")
    assert html.count('class="open-event"') == 12  # the latest events, each linking to its page


def test_dyad_page_has_three_directions_and_a_clickable_chart(client):
    html = client.get("/dyad/IRN/RUS?by=quarter").text
    fig = _figure(html, "dyad-chart")
    assert {t["name"] for t in fig["data"] if t["name"].startswith("cc index")} == {
        "cc index Iran–Russia", "cc index Iran→Russia", "cc index Russia→Iran"}
    assert all(len(cd) == 4 for t in fig["data"] for cd in t["customdata"])
    assert 'data-events-url="/fragments/events?dyad=IRN%2CRUS"' in html
    assert "2015Q4" in json.dumps(fig)


def test_dyad_page_windows_to_the_articles_and_says_what_it_leaves_out(client):
    html = client.get("/dyad/IRN/RUS").text
    assert "dated outside the articles' publication period" in html
    everything = _figure(client.get("/dyad/IRN/RUS?span=all").text, "dyad-chart")
    assert min(everything["data"][0]["x"]) < "2013-01-01"


def test_period_fragment_lists_that_months_events(client, store):
    html = client.get("/fragments/events?dyad=IRN,RUS&since=2015-11-01&until=2015-11-30&label=2015-11").text
    n = store.count_events(dyad=("IRN", "RUS"), since="2015-11-01", until="2015-11-30")
    assert f"2015-11: {n} events" in html
    assert html.count('class="open-event"') == n


def test_events_page_filters_and_pages(client, store):
    html = client.get("/events?dyad=IRN,RUS&root=04&per_page=10").text
    n = store.count_events(dyad=("IRN", "RUS"), root="04")
    assert f"{n} match" in html and html.count('class="open-event"') == min(10, n)
    assert ('rel="next"' in html) == (n > 10)
    page2 = client.get("/events?dyad=IRN,RUS&root=04&per_page=10&page=2").text
    ids1 = set(re.findall(r'href="/event/(\w+)"', html))
    assert not ids1 & set(re.findall(r'href="/event/(\w+)"', page2))


def test_full_text_search_over_sentences(client, store):
    html = client.get('/events?q="S-300"').text
    rows = re.findall(r'<td class="sentence">(.*?)<div', html, re.S)
    assert rows and all("<mark>s-300</mark>" in unescape(r).lower() for r in rows)  # the match is marked
    assert len(rows) == store.count_events(text='"S-300"')


def test_event_page_highlights_the_sentence_and_its_spans(client, store):
    row = store.events(dyad=("IRN", "RUS"), plover="CONSULT", limit=1).iloc[0]
    html = client.get(f"/event/{row['event_id']}").text
    mark = re.search(r'<mark class="sentence" id="the-sentence">(.*?)</mark>', html, re.S).group(1)
    assert unescape(re.sub(r"<[^>]+>", "", mark)) == row["sentence"]
    trigger = re.search(r'<span class="span-trigger ">(.*?)</span>', mark).group(1)
    assert unescape(trigger) == row["trigger"]
    assert "How it was coded" in html and ("lexicon rule" in html or "learned sentence classifier" in html)


def test_event_page_lists_the_other_articles_mentions(client, store):
    """An event reported by two articles: each mention's page links the other's sentence."""
    row = store.query("SELECT event_id, num_articles FROM events WHERE num_articles > 1 ORDER BY event_id LIMIT 1")
    eid = row["event_id"].iloc[0]
    mentions = store.query("SELECT m.mention_id, s.text FROM event_mentions m JOIN sentences s USING (sentence_id) "
                           "WHERE m.event_id = ? ORDER BY m.mention_id", [eid])
    html = client.get(f"/event/{eid}").text
    part = html[html.index('id="mentions"'):]
    part = part[:part.index("Other events from this sentence")]
    shown = re.findall(rf'<a href="/event/{eid}\?mention=(\w+)">', part)
    representative = store.query("SELECT mention_id FROM events WHERE event_id = ?", [eid])["mention_id"].iloc[0]
    assert sorted(shown) == sorted(set(mentions["mention_id"]) - {representative})
    assert f"of {row['num_articles'].iloc[0]} articles" in " ".join(part.split())
    for other in shown:  # each mention's page: its own sentence, and the way back to the event
        back = client.get(f"/event/{eid}?mention={other}").text
        mark = re.search(r'<mark class="sentence" id="the-sentence">(.*?)</mark>', back, re.S).group(1)
        assert unescape(re.sub(r"<[^>]+>", "", mark)) == mentions.set_index("mention_id").loc[other, "text"]
        assert f'<a href="/event/{eid}">the event</a>' in back
    assert client.get(f"/event/{eid}?mention={representative}x").status_code == 404


def test_error_pages_name_the_database(client, demo_db):
    html = client.get("/events?since=nope").text
    assert f'read-only view of <span class="code">{demo_db.name}</span>' in html


def test_actor_page_roles_factions_partners(client):
    html = client.get("/actor/person:hassan-rouhani").text
    assert "President (2013-09-13" in html
    assert "Iranian pragmatists" in html and "The moderate pragmatists around President Hassan Rouhani" in html
    assert 'href="/actor/person:vladimir-putin"' in html and 'href="/dyad/person:hassan-rouhani/person:vladimir-putin"' in html
    assert _figure(html, "actor-chart")["data"]


def test_factions_pages(client):
    index = client.get("/factions").text
    assert 'href="/factions/IRN"' in index
    html = client.get("/factions/irn?by=year").text
    assert {"Iranian hard-liners", "Iranian pragmatists"} <= set(re.findall(r">(Iranian [a-z-]+)<", html))
    assert "Ali Khamenei" in html
    assert len(_figure(html, "faction-chart")["data"]) >= 4
    # each faction's events as source and as target (own, members'), as the balance counts them
    from realpolitik.analysis.factions import faction_balance
    from realpolitik.store import Store

    sums = faction_balance(Store(client.app.state.store.path, read_only=True), "IRN", freq="Y").groupby("faction_id")[["own_as_source", "own_as_target", "members_as_source", "members_as_target"]].sum()
    prag = sums.loc["faction:IRN:pragmatists"]
    row = html[html.index('href="/actor/faction:IRN:pragmatists"'):].split("</tr>")[0]
    assert f"{prag['own_as_source']} / {prag['own_as_target']}" in row
    assert f"{prag['members_as_source']} / {prag['members_as_target']}" in row and prag["members_as_source"] > 0


def test_network_page_links_actors(client):
    html = client.get("/network?country=SYR&level=country").text
    fig = _figure(html, "network-chart")
    nodes = fig["data"][-1]
    assert "SYR" in [cd[0] for cd in nodes["customdata"]]
    assert "data-actor-links" in html


def test_forecast_page_lists_and_runs_bundled_scenarios(client):
    listing = client.get("/forecast").text
    assert "bundled/iran_china_vs_russia.yaml" in listing
    html = client.get("/forecast?scenario=bundled/iran_china_vs_russia.yaml&variant=us_engages&model=eum&mc=200"
                      "&seed=3&rounds=5").text
    assert re.search(r'<div class="big" id="prediction">\d+\.\d</div>', html)
    assert "Who moved and why" in html and "Monte Carlo 200 runs (seed 3)" in html
    assert _figure(html, "forecast-chart") and _figure(html, "mc-chart")


def test_forecast_from_a_scenarios_folder(demo_db, tmp_path):
    from fastapi.testclient import TestClient

    from realpolitik.web import create_app

    (tmp_path / "port.yaml").write_text(
        "name: Port access\nscale: {min: 0, max: 100}\nstatus_quo: 40\nactors:\n"
        "  - {actor: Harbour board, capability: 60, position: 20, salience: 0.8}\n"
        "  - {actor: Navy, capability: 90, position: 90, salience: 0.5}\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a scenario", encoding="utf-8")
    with TestClient(create_app(demo_db, scenarios=tmp_path)) as c:
        keys = [s["key"] for s in c.get("/api/scenarios").json()]
        assert "folder/port.yaml" in keys and not any("notes" in k for k in keys)
        got = c.get("/api/forecast?scenario=folder/port.yaml").json()["result"]["prediction"]
        # compromise: capability x salience weighted mean of the positions
        assert got == pytest.approx((60 * 0.8 * 20 + 90 * 0.5 * 90) / (60 * 0.8 + 90 * 0.5))
