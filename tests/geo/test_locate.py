"""Event and actor locations on sentences we wrote, one rule each (see docs/geo.md)."""
from __future__ import annotations

import pytest

from realpolitik.api import code_text
from realpolitik.geo import distance_km, load_gazetteer


def located(text: str, date: str = "2015-07-10", cameo_root: str | None = None):
    """The events of ``text`` (rules only) that have an action location."""
    coded = code_text(text, date=date, classifier=None)
    evs = [e for e in coded.events if cameo_root is None or e.cameo_root == cameo_root]
    assert evs, [(s.text, s.events) for s in coded.sentences]
    return evs


def place(text: str, **kw):
    ev = located(text, **kw)[0]
    return ev.action_geo


def test_caption_city_qualified_by_country_has_coordinates():
    loc = place("Vladimir Putin meets Hassan Rouhani in Ufa, Russia, July 9, 2015.")
    assert (loc.name, loc.kind, loc.country, loc.adm1) == ("Ufa", "city", "RUS", "Bashkortostan")
    assert distance_km(loc.lat, loc.lon, 54.74, 55.97) < 5
    assert loc.precision == "city"
    assert loc.rule.startswith("prep:in") and loc.rule.endswith("+qualified")


def test_country():
    loc = place("Russian aircraft bombed rebel targets in Syria on Wednesday.", date="2015-10-01")
    assert (loc.kind, loc.country, loc.name) == ("country", "SYR", "Syria")
    assert loc.adm1 is None and loc.lat is not None


def test_near_a_city():
    loc = place("Syrian troops clashed with rebels near Aleppo on Tuesday.", date="2015-10-07")
    assert (loc.name, loc.country) == ("Aleppo", "SYR")
    assert loc.rule.split("+")[0].endswith(":near")  # on the verb or on "rebels": the parse may hang it either way


def test_site_takes_its_city_coordinates():
    loc = place("Iranian students protested against the United States at the University of Tehran on Friday.",
                date="2015-11-06")
    assert (loc.name, loc.kind, loc.country, loc.precision) == ("University of Tehran", "site", "IRN", "city")
    assert distance_km(loc.lat, loc.lon, 35.69, 51.42) < 20


def test_admin1_region():
    loc = place("Ukrainian forces shelled separatist positions in Crimea.", date="2015-02-01")
    assert (loc.kind, loc.country, loc.name) == ("admin1", "UKR", "Crimea")
    assert loc.adm1_code == "UA.11"


def test_visit_destination_as_event_noun():
    evs = located("Shoigu's visit to Tehran strengthened military ties with Iran.", date="2016-01-20", cameo_root="04")
    loc = evs[0].action_geo
    assert (loc.name, loc.country) == ("Tehran", "IRN") and loc.rule.startswith("visit:to")


def test_visit_to_a_state_is_in_that_state():
    loc = place("Turkish President Recep Tayyip Erdogan visited Russia on Monday.", date="2016-08-10")
    assert (loc.kind, loc.country) == ("country", "RUS")
    assert loc.rule.startswith("visit:")


def test_wire_dateline_places_a_statement():
    text = "MOSCOW, July 9 (Reuters) - Russia's foreign ministry criticised the United States on Thursday."
    evs = [e for e in located(text, date="2015-07-09") if e.cameo_root == "11"]
    loc = evs[0].action_geo
    assert (loc.name, loc.country, loc.rule) == ("Moscow", "RUS", "dateline")


def test_dateline_with_country_qualifier():
    from realpolitik.geo.locate import dateline

    loc = dateline("BEIRUT, Lebanon (AP) — Hezbollah said on Monday ...", load_gazetteer())
    assert (loc.name, loc.country) == ("Beirut", "LBN")
    assert dateline("Russia said on Monday it would respond.", load_gazetteer()) is None


@pytest.mark.parametrize("text,country,kind", [
    # the article's other places decide: Tbilisi makes "Georgia" the country
    ("Georgia's prime minister met NATO's secretary general in Tbilisi. "
     "Later the two leaders held talks in Georgia about joint exercises.", "GEO", "country"),
    # Atlanta makes it the US state
    ("Mexico's foreign minister arrived in Atlanta on Monday. On Tuesday Mexican officials met Canadian "
     "officials in Georgia.", "USA", "admin1"),
])
def test_ambiguous_region_settled_by_the_document(text, country, kind):
    coded = code_text(text, date="2015-10-06", classifier=None)
    last = [e for s in coded.sentences[1:] for e in s.events if e.action_geo is not None]
    assert last, [(s.text, [(e.cameo, e.action_geo) for e in s.events]) for s in coded.sentences]
    assert (last[0].action_geo.country, last[0].action_geo.kind) == (country, kind)
    assert last[0].action_geo.rule.endswith(("+document", "+sentence"))


def test_qualified_small_city_beats_the_famous_one():
    loc = place("Mexican and American officials held talks in Paris, Texas, on Monday.", date="2015-11-24")
    assert (loc.name, loc.country, loc.adm1) == ("Paris", "USA", "Texas")
    loc = place("Iranian and French diplomats held talks in Paris on Monday.", date="2015-11-24")
    assert loc.country == "FRA"


def test_actor_locations():
    ev = located("Protesters in Tehran stormed the Saudi embassy on Saturday.", date="2016-01-03")[0]
    assert (ev.source_geo.name, ev.source_geo.country) == ("Tehran", "IRN")
    assert ev.source_geo.rule.startswith("actor:prep:in")
    # the act has no place of its own: it happened where its doers were
    assert ev.action_geo.name == "Tehran" and ev.action_geo.rule.startswith("source-place")


def test_no_place_no_location():
    evs = located("Russia criticised the United States on Thursday.", date="2015-07-09")
    assert all(e.action_geo is None for e in evs)


def test_gazetteer_alternate_names_and_kb_sites():
    gaz = load_gazetteer()
    assert gaz.lookup("Kiev")[0].name == "Kyiv"
    assert gaz.lookup("Kremlin")[0].kind == "site" and gaz.lookup("Kremlin")[0].country == "RUS"
    assert gaz.lookup("White House")[0].country == "USA"
    assert gaz.lookup("Georgia")[0].kind == "country"  # no context: the country first


def test_a_famous_city_is_not_moved_to_a_small_namesake_by_context():
    loc = place("Iranian and American diplomats held talks in Geneva on Saturday.", date="2013-11-24")
    assert loc.country == "CHE"


def test_region_named_by_its_city_and_a_region_noun():
    loc = place("Ukrainian troops fought separatists in the Luhansk region.", date="2014-08-28")
    assert (loc.kind, loc.country) == ("admin1", "UKR") and "Luhansk" in loc.name


def test_withdrawal_from_a_place_happened_there():
    loc = place("Syrian rebels withdrew from Homs on Wednesday.", date="2014-05-07")
    assert (loc.name, loc.rule.split("+")[0]) == ("Homs", "prep:from")


def test_meeting_during_a_visit_is_at_the_destination():
    evs = located("Iran's foreign minister visited Moscow on Tuesday and met Sergei Lavrov.", date="2016-08-09",
                  cameo_root="04")
    locs = [e.action_geo for e in evs if e.action_geo is not None]
    assert locs and all(loc.name == "Moscow" and loc.country == "RUS" for loc in locs)


def test_site_named_by_a_common_noun_after_a_city():
    loc = place("Separatists shelled Ukrainian troops at Donetsk airport on Wednesday.", date="2015-01-21")
    assert (loc.kind, loc.country, loc.precision) == ("site", "UKR", "city")
