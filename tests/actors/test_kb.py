"""The shipped knowledge base: aliases reach the right entries (no parsing involved)."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors.kb import norm


def first(kb, alias: str):
    entries = kb.lookup(norm(alias)) or kb.lookup_exact(alias)
    assert entries, f"{alias!r} is not in the knowledge base"
    return entries[0]


@pytest.mark.parametrize("alias,iso", [
    ("Iran", "IRN"), ("Saudi Arabia", "SAU"), ("Ivory Coast", "CIV"), ("North Korea", "PRK"),
    ("South Korea", "KOR"), ("Burma", "MMR"), ("Britain", "GBR"), ("U.S.", "USA"), ("UK", "GBR"),
    ("Russian Federation", "RUS"), ("DRC", "COD"), ("Kosovo", "XKX"),
])
def test_country_names(kb, alias, iso):
    e = first(kb, alias)
    assert (e.kind, e.country) == ("state", iso)


@pytest.mark.parametrize("alias,iso", [("Iranian", "IRN"), ("Serbian", "SRB"), ("Saudi", "SAU"),
                                       ("Burmese", "MMR"), ("Palestinian", "PSE"), ("Emirati", "ARE")])
def test_demonyms(kb, alias, iso):
    e = first(kb, alias)
    assert e.country == iso and e.kind == "demonym"


@pytest.mark.parametrize("alias,iso", [
    ("Tehran", "IRN"), ("Moscow", "RUS"), ("Washington", "USA"), ("Damascus", "SYR"), ("the Kremlin", "RUS"),
    ("the White House", "USA"), ("Whitehall", "GBR"), ("the Elysee", "FRA"), ("Downing Street", "GBR"),
    ("Beijing", "CHN"),
])
def test_metonyms_are_governments(kb, alias, iso):
    e = first(kb, alias)
    assert (e.kind, e.country, e.sector) == ("metonym", iso, "GOV")


@pytest.mark.parametrize("alias,iso", [("Crimea", "UKR"), ("Chechnya", "RUS"), ("Gaza", "PSE"),
                                       ("West Bank", "PSE"), ("Darfur", "SDN"), ("Golan Heights", "SYR")])
def test_regions_belong_to_a_country(kb, alias, iso):
    e = first(kb, alias)
    assert (e.kind, e.country) == ("region", iso)


def test_kurdistan_alone_is_not_a_country_region(kb):
    assert not [e for e in kb.lookup("kurdistan") if e.kind == "region"]


@pytest.mark.parametrize("alias,code", [
    ("UN", "IGOUNO"), ("UN Security Council", "IGOUNOGOV"), ("SCO", "IGOSCO"), ("NATO", "IGONAT"),
    ("European Union", "IGOEUR"), ("OPEC", "IGOOPC"), ("IAEA", "IGOUNOENR"), ("Arab League", "IGOARL"),
    ("African Union", "IGOAFU"), ("ASEAN", "IGOSEAASN"), ("World Bank", "IGOWBK"), ("IMF", "IGOIMF"),
])
def test_igos(kb, alias, code):
    e = first(kb, alias)
    assert e.kind == "igo" and e.code == code and e.country is None


@pytest.mark.parametrize("alias,code", [
    ("IRGC", "IRNMIL"), ("Quds Force", "IRNMIL"), ("Basij", "IRNMIL"), ("Pentagon", "USAMIL"),
    ("State Department", "USAGOV"), ("Foggy Bottom", "USAGOV"), ("Duma", "RUSLEG"), ("Majlis", "IRNLEG"),
    ("Guardian Council", "IRNGOV"), ("Assembly of Experts", "IRNGOV"), ("Hezbollah", "LBNREB"),
    ("Hamas", "PSEREB"), ("Taliban", "AFGREB"), ("Free Syrian Army", "SYRREB"), ("CIA", "USASPY"),
])
def test_institutions_and_groups(kb, alias, code):
    assert first(kb, alias).code == code


@pytest.mark.parametrize("alias", ["Amnesty International", "Human Rights Watch", "Red Cross"])
def test_ngos(kb, alias):
    assert first(kb, alias).kind == "ngo"


@pytest.mark.parametrize("word,sector", [
    ("minister", "GOV"), ("prime minister", "GOV"), ("supreme leader", "GOV"), ("troop", "MIL"),
    ("general", "MIL"), ("lawmaker", "LEG"), ("judge", "JUD"), ("cleric", "REL"), ("journalist", "MED"),
    ("rebel", "REB"), ("insurgent", "INS"), ("police", "COP"), ("student", "EDU"), ("refugee", "REF"),
    ("protester", "CVL"), ("opposition", "OPP"), ("businessman", "BUS"), ("spy", "SPY"),
])
def test_role_sectors(kb, word, sector):
    e = first(kb, word)
    assert (e.kind, e.sector) == ("role", sector)


@pytest.mark.parametrize("word,attr", [("hard-liner", "RAD"), ("reformist", "REF"), ("moderate", "MOD"),
                                       ("principlist", "RAD"), ("pragmatist", "MOD"), ("hawk", "RAD")])
def test_faction_attributes(kb, word, attr):
    e = first(kb, word)
    assert (e.kind, e.attribute) == ("faction", attr)


def test_leader_codes_follow_their_terms(kb):
    e = first(kb, "Barack Obama")
    assert e.code_at(dt.date(2010, 6, 1)) == "USAGOV"
    assert e.code_at(dt.date(2005, 6, 1)) == "USAELI"


def test_short_acronyms_are_case_sensitive(kb):
    assert kb.lookup_exact("US") and not kb.lookup_exact("us")
