"""Central banks and economic ministries whose names carry no country (sentences written for these tests):
coded as Phoenix codes them (a central bank is the government's economic arm, ~GOVBUS)."""
from __future__ import annotations

import datetime as dt

import pytest

D1987 = dt.date(1987, 4, 2)


@pytest.mark.parametrize("text,words,code", [
    ("The Federal Reserve added reserves to the banking system through customer repurchase agreements.",
     "Federal Reserve", "USAGOVBUS"),
    ("Dealers said the Fed was unlikely to tighten credit before the trade figures.", "Fed", "USAGOVBUS"),
    ("The Bundesbank left its discount rate unchanged at three pct.", "Bundesbank", "DEUGOVBUS"),
    ("The Bank of Japan bought dollars in Tokyo to stem the rise of the yen.", "Bank of Japan", "JPNGOVBUS"),
    ("The Bank of England provided 250 mln stg of assistance to the money market.", "Bank of England",
     "GBRGOVBUS"),
    ("The Ministry of International Trade and Industry will ask chipmakers to cut output.",
     "Ministry of International Trade and Industry", "JPNGOV"),
    ("MITI said it would review the export curbs next month.", "MITI", "JPNGOV"),
    ("The Commodity Credit Corporation accepted a bid for 50,000 tonnes of wheat.",
     "Commodity Credit Corporation", "USAGOVAGR"),
])
def test_institutions_without_a_country_in_their_name(phrase, text, words, code):
    ref = phrase(text, words, date=D1987)
    assert ref is not None and ref.code == code and ref.sector == "GOV"


def test_a_central_bank_is_the_government_not_a_business(phrase):
    ref = phrase("Portugal's central bank cut its intervention rate.", "Portugal's central bank", date=D1987)
    assert ref is not None and (ref.country, ref.sector) == ("PRT", "GOV")


def test_a_central_bank_spokesman_speaks_for_it(phrase):
    ref = phrase("A Bundesbank spokesman declined to comment on the report.", "A Bundesbank spokesman",
                 date=D1987)
    assert ref is not None and ref.country == "DEU" and ref.sector == "GOV"


def test_an_unknown_department_is_its_countrys_government(learn):
    # Phoenix codes every DEPARTMENT_OF_... agent ~GOV: a department the KB lacks, in a story about Britain
    text = ("Ministers in London want more British pupils to learn languages. A Department for Education and "
            "Skills spokeswoman said the scheme had been ambitious.")
    doc, res = learn(text, date=dt.date(2005, 3, 10))
    sent = list(doc.sents)[1]
    refs = [r for r in res.mentions(sent) if r.text.startswith("Department")]
    assert refs and (refs[0].country, refs[0].sector) == ("GBR", "GOV")


def test_the_association_is_the_body_of_that_head_named_before(learn):
    text = ("The West German banks' association said interest rates should stay low. Given the limits of "
            "monetary policy, the association saw little point in a short-term stimulus.")
    doc, res = learn(text, date=D1987)
    refs = [r for r in res.mentions(list(doc.sents)[1]) if r.text == "the association"]
    assert refs and refs[0].country == "DEU" and refs[0].rule.startswith("learned:body:")


def test_the_association_with_no_body_named_before_is_nobody(learn):
    doc, res = learn("Ministers met on Monday. The association said nothing about the talks.", date=D1987)
    assert not [r for s in doc.sents for r in res.mentions(s) if "association" in r.text]


def test_the_company_named_in_an_earlier_segment_is_read_where_it_stands(nlp, kb):
    """A body logged in one segment ("The company, Acme Holdings,") and referred to in a later one ("The
    company said"): reading the logged mention again looks back from where it stands, not from the current
    segment (it used to find itself there and recurse until Python gave up)."""
    from realpolitik.actors.resolver import ActorResolver

    res = ActorResolver(kb=kb, date=D1987)
    segments = [nlp("The company, Acme Holdings, said on Monday it had agreed to a buyout."),
                nlp("The company said its board would meet in London.")]
    for doc in segments:
        for sent in doc.sents:
            res.learn(sent)
    sent = next(segments[1].sents)
    refs = res.mentions(sent)  # raised RecursionError
    assert not [r for r in refs if r.text == "The company" and r.rule.startswith("learned:body:")]
