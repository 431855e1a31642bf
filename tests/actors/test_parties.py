"""Political parties with period-dependent GOV/OPP codes; ambiguous short names need the document's country.

Sentences written for these tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from realpolitik.actors.kb import norm

D2005, D2012, D2016 = dt.date(2005, 3, 1), dt.date(2012, 3, 1), dt.date(2016, 3, 1)
PARTIES = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "data" / "actors" / "parties.yaml"


@pytest.mark.parametrize("text,words,day,actor_id,code", [
    ("The Tories attacked the budget.", "The Tories", D2005, "party:GBR:conservative", "GBROPPPTY"),
    ("The Tories defended the budget.", "The Tories", D2012, "party:GBR:conservative", "GBRGOVPTY"),
    ("The Lib Dems voted against the war.", "The Lib Dems", D2005, "party:GBR:liberal-democrats", "GBROPPPTY"),
    ("The Lib Dems backed the coalition's budget.", "The Lib Dems", D2012, "party:GBR:liberal-democrats",
     "GBRGOVPTY"),
    ("The SNP demanded a referendum.", "The SNP", D2005, "party:GBR:snp", "GBROPPPTY"),
    ("UKIP won a seat in Brussels.", "UKIP", D2005, "party:GBR:ukip", "GBROPPPTY"),
    ("Plaid Cymru opposed the plan.", "Plaid Cymru", D2005, "party:GBR:plaid-cymru", "GBROPPPTY"),
    ("The CDU and the CSU agreed a manifesto.", "The CDU", D2012, "party:DEU:cdu", "DEUGOVPTY"),
    ("The SPD rejected the budget.", "The SPD", D2012, "party:DEU:spd", "DEUOPPPTY"),
    ("The AKP tabled a bill.", "The AKP", D2016, "inst:TUR:akp", "TURGOVPTY"),
    ("The CHP walked out of parliament.", "The CHP", D2016, "party:TUR:chp", "TUROPPPTY"),
    ("The BJP won the state election.", "The BJP", D2012, "party:IND:bjp", "INDOPPPTY"),
    ("The BJP won the state election.", "The BJP", D2016, "party:IND:bjp", "INDGOVPTY"),
    ("The LDP chose a new leader.", "The LDP", dt.date(2010, 6, 1), "party:JPN:ldp", "JPNOPPPTY"),
    ("United Russia won the Duma election.", "United Russia", D2016, "party:RUS:united-russia", "RUSGOVPTY"),
    ("Likud left the talks.", "Likud", dt.date(2022, 1, 10), "inst:ISR:likud", "ISROPPPTY"),
])
def test_parties_by_document_date(phrase, text, words, day, actor_id, code):
    ref = phrase(text, words, date=day)
    assert ref is not None and (ref.actor_id, ref.code) == (actor_id, code)


def test_an_undated_document_reads_the_current_status(kb):
    assert kb.by_id["party:GBR:labour"].code_at(None) == "GBRGOVPTY"  # in government since 2024


def test_before_the_recorded_span_a_party_is_only_a_party(kb):
    assert kb.by_id["party:GBR:labour"].code_at(dt.date(1970, 1, 1)) == "GBRPTY"


@pytest.mark.parametrize("name,countries", [
    ("Labour", {"GBR", "NLD", "IRL", "MLT", "ISR"}), ("Liberals", {"CAN", "AUS", "SWE"}),
    ("Socialists", {"FRA", "ESP", "BEL", "PRT"}), ("Congress", {"IND"}), ("Tories", {"GBR", "CAN"}),
])
def test_ambiguous_names_need_the_country(kb, name, countries):
    assert countries <= {e.country for e in kb.needs_country[norm(name)]}
    assert kb.country_reading(norm(name), "GBR" if "GBR" in countries else sorted(countries)[0]) is not None
    assert kb.country_reading(norm(name), "BRA") is None


def test_labour_matches_no_country_without_context(kb):
    assert not kb.lookup("labour") and not kb.lookup("labour party")


def test_tory_mp_is_british(phrase):
    ref = phrase("Tory MP John Whitfield said the plan was dead.", "Tory MP John Whitfield", date=D2005)
    assert ref.kind == "person" and ref.country == "GBR"


def test_tory_mp_is_a_british_legislator(phrase):
    # an MP is coded as a legislator (LEG) whatever the party; the party gives the country
    ref = phrase("Tory MP John Whitfield said the plan was dead.", "Tory MP John Whitfield", date=D2005)
    assert (ref.country, ref.sector) == ("GBR", "LEG")


@pytest.mark.parametrize("day,sector", [(D2005, "OPP"), (D2012, "GOV")])
def test_a_party_leader_follows_the_party_status_at_the_document_date(phrase, day, sector):
    ref = phrase("Tory leader John Whitfield said the plan was dead.", "Tory leader John Whitfield", date=day)
    assert (ref.country, ref.sector, ref.rule) == ("GBR", sector, "title:Tory leader")


def test_a_party_name_alone_gives_a_member_the_party_status(phrase):
    # "Conservative" names parties of several countries: the article's country (Britain, London) decides
    text = "Britain's parliament debated the bill in London. Conservative John Whitfield said the plan was dead."
    ref = phrase(text, "Conservative John Whitfield", date=D2005)
    assert (ref.country, ref.sector) == ("GBR", "OPP")


def test_an_ambiguous_party_name_without_a_country_is_named_but_unplaced(phrase):
    ref = phrase("Voters said the Labour Party had lost its way.", "the Labour Party", date=D2005)
    assert ref is not None and ref.country is None and ref.name == "Labour Party"
    assert ref.rule == "no-country-reading"


def test_a_party_whose_own_name_gives_its_country_is_that_countrys(phrase):
    # the knowledge base lists "Freedom Party" only for other countries; the name itself says Sri Lanka
    ref = phrase("Members of the Sri Lanka Freedom Party walked out of the debate.", "Freedom Party",
                 date=D2005)
    assert ref is not None and (ref.country, ref.sector) == ("LKA", "PTY")
    assert ref.rule == "country-in-name:LKA"


def test_the_party_is_the_party_last_mentioned(phrase):
    text = "Britain's Liberal Democrats met in London. The party said taxes would rise."
    ref = phrase(text, "The party", date=D2005)
    assert (ref.actor_id, ref.rule) == ("party:GBR:liberal-democrats", "learned:party")


def test_a_shadow_minister_is_the_opposition(phrase):
    ref = phrase("The shadow home secretary, John Whitfield, said the plan was dead.", "John Whitfield",
                 date=D2005)
    assert (ref.country, ref.sector) == ("GBR", "OPP")


def test_labour_in_a_uk_article(phrase):
    text = "Britain's opposition parties met in London. Labour said the tax would hurt families."
    ref = phrase(text, "Labour", date=dt.date(2012, 3, 1))
    assert ref is not None and ref.actor_id == "party:GBR:labour" and ref.code == "GBROPPPTY"


def test_congress_in_an_indian_article(phrase):
    text = "India's opposition met in Delhi. Congress accused the BJP of stifling debate."
    ref = phrase(text, "Congress", date=D2016)
    assert ref is not None and ref.actor_id == "inst:IND:congress"


def _spans():
    doc = yaml.safe_load(PARTIES.read_text(encoding="utf-8"))
    for iso, block in doc.items():
        for rec in block["parties"]:
            yield iso, rec


def test_governing_spans_are_ordered_and_closed_before_the_next():
    for iso, rec in _spans():
        spans = rec.get("government") or []
        for (s1, e1), (s2, _) in zip(spans, spans[1:]):
            assert e1 is not None and s1 < e1 <= s2, (iso, rec["name"])
        for s, e in spans:
            assert e is None or s < e, (iso, rec["name"])


def test_periods_cover_the_recorded_span_without_overlap(kb):
    for iso, rec in _spans():
        e = kb.by_id[rec.get("id") or f"party:{iso}:{rec['key']}"]
        for p, q in zip(e.periods, e.periods[1:]):
            assert p.end is not None and q.start == p.end + dt.timedelta(days=1), e.actor_id
        assert all(p.code in (f"{iso}GOVPTY", f"{iso}OPPPTY") for p in e.periods)


def test_the_conservative_party_is_no_russian_faction(phrase):
    text = "The Conservative Party said Moscow was wrong."
    ref = phrase(text, "The Conservative Party", date=D2005)
    assert ref is None or ref.kind != "faction"
