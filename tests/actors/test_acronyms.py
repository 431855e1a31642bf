"""Acronyms an article defines ("Name Of Body (NOB)") denote that body in that article, whatever the knowledge
base files under the letters (issue 10, "unknown rather than wrong": a Sri Lankan oil company's CPC is not the
Communist Party of China, and its mentions make no story Chinese).

Every sentence here was written for these tests."""
from __future__ import annotations

import datetime as dt

from .mentions import mention as _mention

D1987 = dt.date(1987, 6, 2)
OIL = ("Ceylon Petroleum Corp (CPC) will renew its crude contract with Abu Dhabi, CPC officials said. "
       "CPC said shipments would begin in June. CPC also said the company had agreed terms with a Kuwaiti "
       "supplier. ")


def mention(learn, text, words, date=D1987):
    return _mention(learn, text, words, date)


def test_an_acronym_the_article_defines_is_that_body_not_the_knowledge_bases(learn):
    ref = mention(learn, OIL, "CPC")
    assert ref is not None and ref.country != "CHN" and ref.actor_id == "inst:LKA:ceylon-petroleum-corp", ref


def test_its_mentions_do_not_make_the_article_about_another_country(learn):
    # four CPCs would make China the domestic country, and "the company" Chinese
    ref = mention(learn, OIL, "company")
    assert ref is None or ref.country != "CHN", ref


def test_a_defined_acronym_of_a_known_body_is_that_body(learn):
    text = "The Communist Party of China (CPC) opened its congress. The CPC said growth would hold."
    ref = mention(learn, text, "CPC")
    assert ref is not None and ref.code.startswith("CHN"), ref


def test_an_acronym_the_knowledge_base_lacks_becomes_a_named_body_of_its_country(learn):
    text = "Iraq National Oil Co (INOC) told buyers the port was closed. INOC said it would reopen in May."
    ref = mention(learn, text, "INOC")
    assert ref is not None and ref.country == "IRQ" and ref.actor_id == "inst:IRQ:iraq-national-oil-co", ref


def test_a_parenthesis_whose_initials_do_not_spell_it_defines_nothing(learn):
    text = "Ceylon Petroleum Corp (ANC) met buyers. The ANC said the talks failed in South Africa."
    ref = mention(learn, text, "ANC")
    assert ref is not None and ref.country == "ZAF", ref


def test_another_spelling_of_the_knowledge_bases_body_keeps_it(learn):
    # the knowledge base's OPEC shares the name's words: the same body, spelt otherwise
    text = "The Organisation of Petroleum-Exporting Countries (OPEC) met in Vienna. OPEC said output would fall."
    ref = mention(learn, text, "OPEC")
    assert ref is not None and ref.code == "IGOOPC", ref
