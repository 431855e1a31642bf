"""NGOs, agencies and other named bodies: imported from the Phoenix dictionaries (scripts/build_orgs.py), or
named by the text with the sector its words give; the MSP role (own sentences)."""
from __future__ import annotations

import csv
import datetime as dt
import importlib.util
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "data" / "actors"
DAY = dt.date(2005, 3, 1)


@pytest.mark.parametrize("text,words,code,kind,country", [
    ("Friends of the Earth said the plan was wrong.", "Friends of the Earth", "NGOENV", "ngo", None),
    ("The Earth Trust said the forest was lost.", "The Earth Trust", "NGOENV", "ngo", None),
    ("The US Agency for International Development said aid was sent.", "The US Agency for International "
     "Development", "USAGOVDEV", "institution", "USA"),
    ("US Immigration and Customs Enforcement said two men were held.",
     "US Immigration and Customs Enforcement", "USAGOV", "institution", "USA"),
    ("The Bread for the World Institute said aid was short.", "The Bread for the World Institute",
     "NGOUSA", "ngo", "USA"),
])
def test_phoenix_bodies_resolve(phrase, text, words, code, kind, country):
    ref = phrase(text, words, date=DAY)
    assert ref is not None and ref.code.startswith(code) and ref.kind == kind and ref.country == country


def test_curated_entries_win_over_imported_ones(kb):
    assert [e.actor_id for e in kb.lookup("amnesty international")] == ["ngo:AI"]


def test_one_phoenix_block_of_several_agencies_is_several_actors(kb):
    # Phoenix files FEMA, the TSA and the Border Patrol under the Department of Homeland Security's code
    ids = {e.actor_id for name in ("federal emergency management agency", "us border patrol",
                                   "united states border patrol", "transportation security administration")
           for e in kb.lookup(name)}
    assert len(ids) == 3
    usaid = {e.actor_id for name in ("usaid", "us agency for international development") for e in kb.lookup(name)}
    assert len(usaid) == 1  # an acronym and its name are one


def test_no_person_or_office_is_imported_as_a_body(kb):
    for name in ("mr assad", "assad", "united states ambassador to the un"):
        assert not [e for e in kb.lookup(name) if e.source == "phoenix"]


def test_orgs_csv_is_what_the_script_builds(shared_dir):
    d = shared_dir / "dictionaries"
    if not (d / "Phoenix.International.actors.txt").is_file():
        pytest.skip("no Phoenix dictionaries in ../shared")
    spec = importlib.util.spec_from_file_location("build_orgs", DATA.parents[3] / "scripts" / "build_orgs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with (DATA / "phoenix_orgs.csv").open(encoding="utf-8") as fh:
        shipped = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert module.build(d / "Phoenix.International.actors.txt", d / "Phoenix.Countries.actors.txt") == shipped


def test_the_article_inside_a_names_of_phrase_is_part_of_the_name(phrase):
    ref = phrase("The Organization of the Islamic Conference condemned the attack.",
                 "Organization of the Islamic Conference")
    assert ref is not None and ref.actor_id == "igo:OIC"


def test_a_name_with_a_sector_word_is_that_body(phrase):
    # unknown to the knowledge base: named by the text, sector from "police"; the country only from an
    # article that is about one country
    ref = phrase("The Police Federation criticised the plan.", "Police Federation", date=DAY)
    assert ref.kind == "institution" and ref.sector == "COP" and ref.country is None
    assert ref.actor_id == "unplaced:police-federation" and ref.code == ""  # no country: no code to read one from
    ref = phrase("Tony Blair met Michael Howard in London. The Police Federation criticised the plan.",
                 "Police Federation", date=DAY)
    assert ref.code == "GBRCOP" and ref.rule.endswith("doc-country:GBR")


@pytest.mark.parametrize("text,words", [
    ("The Wellington Trust criticised the plan.", "Wellington Trust"),  # no sector noun
    ("National Beverage Corp agreed to buy the firm.", "National Beverage Corp"),  # a company, not a body
])
def test_a_name_without_a_sector_word_and_a_body_head_is_not_made_a_body(phrase, text, words):
    ref = phrase(text, words, date=DAY)
    assert ref is None or not ref.rule.startswith("named-body")


@pytest.mark.parametrize("title", ["Green MSP", "SNP MSP", "MSP"])
def test_an_msp_is_a_scottish_legislator(phrase, title):
    ref = phrase(f"{title} Mark Ruskell said the plan was flawed.", "Mark Ruskell", date=DAY)
    assert ref.code == "GBRLEG"
