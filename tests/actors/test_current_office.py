"""A former title does not unseat the office the knowledge base says a person holds at the document date, and
a job title takes the sector its own words name."""
from __future__ import annotations

import datetime as dt


def _person(learn, text, date=None):
    doc, res = learn(text, date=date)
    return next(ref for sent in doc.sents for ref in res.mentions(sent) if ref.kind == "person")


def test_a_former_minister_who_sits_as_a_backbencher_is_no_former_office_holder(learn):
    # Robin Cook resigned as Leader of the House in 2003 and sat as a backbench MP until 2005
    ref = _person(learn, "Former foreign secretary Robin Cook said the war in Iraq was wrong.", dt.date(2005, 2, 10))
    assert ref.code == "GBRLEG" and not ref.former


def test_a_former_title_with_no_current_office_is_still_former(learn):
    ref = _person(learn, "Former foreign secretary Robin Cook said the war in Iraq was wrong.", dt.date(2010, 2, 10))
    assert ref.former


def test_a_job_title_takes_the_sector_its_words_name(learn):
    ref = _person(learn, "Association of Chief Police Officers president Chris Fox said the plan was unworkable.")
    assert ref.sector == "COP"


def test_a_union_general_secretary_is_no_general(learn):
    ref = _person(learn, "National Union of Teachers general secretary Steve Sinnott said schools needed cash.")
    assert ref.sector != "MIL"
