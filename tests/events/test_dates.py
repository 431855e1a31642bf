"""Event dates: the date phrase that governs a trigger, resolved against the article date."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.events.dates import event_date, find_dates
from realpolitik.events.modality import modality


def is_future(tok):
    return "future" in modality(tok).kinds

MON = dt.date(2015, 11, 23)  # a Monday
THU = dt.date(2016, 8, 18)  # a Thursday


def _date(nlp, text: str, trigger: str, anchor: dt.date | None):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return event_date(tok.sent, anchor, tok, is_future=is_future)


@pytest.mark.parametrize("text,trigger,expected", [
    ("Iran signed the accord on July 9, 2015.", "signed", dt.date(2015, 7, 9)),
    ("Iran signed the accord on 9 July 2015.", "signed", dt.date(2015, 7, 9)),
    ("Iran signed the accord on 2015-07-09 in Vienna.", "signed", dt.date(2015, 7, 9)),
    ("Iran signed the accord on Thursday, July 9, 2015.", "signed", dt.date(2015, 7, 9)),
    ("China attacked Vietnam on 17 February 1979.", "attacked", dt.date(1979, 2, 17)),
    ("Iran signed the accord on Sept. 9, 2015.", "signed", dt.date(2015, 9, 9)),
])
def test_explicit_dates_have_day_precision(nlp, text, trigger, expected):
    got = _date(nlp, text, trigger, THU)
    assert (got.date, got.precision, got.rule) == (expected, "day", "explicit-date")
    assert got.text and got.text in text


@pytest.mark.parametrize("text,expected", [
    ("Iran signed the accord on 9/7/2015.", dt.date(2015, 9, 7)),  # US order when both could be months
    ("Iran signed the accord on 25/7/2015.", dt.date(2015, 7, 25)),  # 25 cannot be a month
])
def test_slash_dates(nlp, text, expected):
    assert _date(nlp, text, "signed", THU).date == expected


@pytest.mark.parametrize("text,expected,precision,rule", [
    ("Iran signed the accord in July 2015.", dt.date(2015, 7, 1), "month", "month-year"),
    ("Iran signed the accord in 2013.", dt.date(2013, 1, 1), "year", "year"),
    ("Iran signed the accord in mid-2014.", dt.date(2014, 1, 1), "year", "year"),
    ("Iran signed the accord in the summer of 2014.", dt.date(2014, 1, 1), "year", "season-year"),
    ("Iran signed the accord in the 1990s.", dt.date(1990, 1, 1), "year", "decade"),
    ("Iran has backed Assad since 2005.", dt.date(2005, 1, 1), "year", "since"),
    ("Iran has fought the rebels since March 2011.", dt.date(2011, 3, 1), "month", "since"),
])
def test_absolute_months_years_and_spans(nlp, text, expected, precision, rule):
    verb = next(w for w in ("signed", "backed", "fought") if w in text)
    got = _date(nlp, text, verb, THU)
    assert (got.date, got.precision, got.rule) == (expected, precision, rule)


@pytest.mark.parametrize("anchor,text,expected", [
    (MON, "Russia bombed Aleppo on Monday.", MON),  # the article day itself
    (MON, "Russia bombed Aleppo on Friday.", dt.date(2015, 11, 20)),
    (MON, "Russia bombed Aleppo on Sunday night.", dt.date(2015, 11, 22)),
    (THU, "Russia bombed Aleppo on Monday.", dt.date(2016, 8, 15)),
    (THU, "Russia bombed Aleppo on Thursday.", THU),
    (THU, "Russia bombed Aleppo last Thursday.", dt.date(2016, 8, 11)),
    (MON, "Russia bombed Aleppo last Monday.", dt.date(2015, 11, 16)),
    (THU, "Russia bombed Aleppo Wednesday.", dt.date(2016, 8, 17)),
])
def test_weekdays_are_the_most_recent_one(nlp, anchor, text, expected):
    got = _date(nlp, text, "bombed", anchor)
    assert (got.date, got.precision) == (expected, "day")


@pytest.mark.parametrize("anchor,text,trigger,expected", [
    (THU, "Russia will bomb Aleppo on Monday.", "bomb", dt.date(2016, 8, 22)),
    (MON, "Putin said Russia would retaliate next Monday.", "retaliate", dt.date(2015, 11, 30)),
    (THU, "The ministers are going to meet on Friday.", "meet", dt.date(2016, 8, 19)),
])
def test_future_weekdays_look_forward(nlp, anchor, text, trigger, expected):
    assert _date(nlp, text, trigger, anchor).date == expected


@pytest.mark.parametrize("anchor,text,expected,precision", [
    (MON, "Turkey shot down the jet yesterday.", dt.date(2015, 11, 22), "day"),
    (MON, "Turkey shot down the jet today.", MON, "day"),
    (MON, "Turkey shot down the jet last night.", dt.date(2015, 11, 22), "day"),
    (MON, "Turkey shot down the jet five days ago.", dt.date(2015, 11, 18), "day"),
    (MON, "Turkey shot down the jet last week.", dt.date(2015, 11, 16), "week"),
    (THU, "Turkey shot down the jet last week.", dt.date(2016, 8, 8), "week"),
    (THU, "Turkey shot down the jet this week.", dt.date(2016, 8, 15), "week"),
    (THU, "Turkey shot down the jet two weeks ago.", dt.date(2016, 8, 1), "week"),
    (THU, "Turkey shot down the jet last month.", dt.date(2016, 7, 1), "month"),
    (MON, "Turkey shot down the jet last month.", dt.date(2015, 10, 1), "month"),
    (THU, "Turkey shot down the jet earlier this month.", dt.date(2016, 8, 1), "month"),
    (THU, "Turkey shot down the jet three months ago.", dt.date(2016, 5, 1), "month"),
    (THU, "Turkey shot down the jet last year.", dt.date(2015, 1, 1), "year"),
    (THU, "Turkey shot down the jet this year.", dt.date(2016, 1, 1), "year"),
    (THU, "Turkey shot down the jet earlier this year.", dt.date(2016, 1, 1), "year"),
    (THU, "Turkey shot down the jet two years ago.", dt.date(2014, 1, 1), "year"),
    (THU, "Turkey shot down the jet a decade ago.", dt.date(2006, 1, 1), "year"),
    (THU, "Turkey shot down the jet over the weekend.", dt.date(2016, 8, 13), "day"),
])
def test_relative_expressions(nlp, anchor, text, expected, precision):
    got = _date(nlp, text, "shot", anchor)
    assert (got.date, got.precision) == (expected, precision)


@pytest.mark.parametrize("anchor,text,expected", [
    (MON, "The talks collapsed last July.", dt.date(2015, 7, 1)),
    (THU, "The talks collapsed last July.", dt.date(2016, 7, 1)),  # strictly before the article's month
    (THU, "The talks collapsed last August.", dt.date(2015, 8, 1)),
    (THU, "The talks collapsed in late January.", dt.date(2016, 1, 1)),
    (MON, "The talks collapsed in late January.", dt.date(2015, 1, 1)),
    (THU, "The talks collapsed in August.", dt.date(2016, 8, 1)),  # the article's own month
    (THU, "The talks collapsed in September.", dt.date(2015, 9, 1)),  # not after the article month
])
def test_month_names_without_year(nlp, anchor, text, expected):
    got = _date(nlp, text, "collapsed", anchor)
    assert (got.date, got.precision) == (expected, "month")


@pytest.mark.parametrize("text,expected", [
    ("The two sides will hold talks in September.", dt.date(2016, 9, 1)),
    ("The two sides plan to hold talks in July.", dt.date(2017, 7, 1)),
    ("The two sides will hold talks in August.", dt.date(2016, 8, 1)),
])
def test_future_month_names_look_forward(nlp, text, expected):
    assert _date(nlp, text, "hold", THU).date == expected


@pytest.mark.parametrize("anchor,text,expected", [
    (THU, "Iran signed the accord on July 9.", dt.date(2016, 7, 9)),
    (THU, "Iran signed the accord on 9 September.", dt.date(2015, 9, 9)),
    (THU, "Iran signed the accord on the 18th of August.", THU),
])
def test_month_day_without_year(nlp, anchor, text, expected):
    got = _date(nlp, text, "signed", anchor)
    assert (got.date, got.precision, got.rule) == (expected, "day", "month-day")


def test_no_date_phrase_gives_the_article_date(nlp):
    got = _date(nlp, "Iran signed the accord in Vienna.", "signed", THU)
    assert got == type(got)(THU, "day", "", "article-date")


@pytest.mark.parametrize("text", [
    "Iran signed the accord on Monday.",
    "Iran signed the accord last year.",
    "Iran signed the accord in July.",
])
def test_relative_phrase_without_anchor_is_unknown(nlp, text):
    got = _date(nlp, text, "signed", None)
    assert (got.date, got.precision) == (None, "unknown")


def test_absolute_date_without_anchor_is_resolved(nlp):
    got = _date(nlp, "Iran signed the accord on Monday, July 13, 2015.", "signed", None)
    assert (got.date, got.precision) == (dt.date(2015, 7, 13), "day")


def test_two_events_with_two_dates(nlp):
    doc = nlp("Russia signed the deal last July and attacked Ukraine in 2013.")
    sent = next(doc.sents)
    signed, attacked = doc[1], doc[7]
    assert event_date(sent, MON, signed, is_future=is_future).date == dt.date(2015, 7, 1)
    assert event_date(sent, MON, attacked, is_future=is_future).date == dt.date(2013, 1, 1)


@pytest.mark.parametrize("trigger", ["said", "accept"])
def test_reporting_verb_and_its_content_share_the_date(nlp, trigger):
    got = _date(nlp, "Iran said on Friday it would not accept the proposal.", trigger, MON)
    assert got.date == dt.date(2015, 11, 20)


def test_date_of_a_noun_does_not_date_the_event(nlp):
    got = _date(nlp, "The United States withdrew from the 2015 accord.", "withdrew", THU)
    assert got.rule == "article-date"


def test_relative_clause_keeps_its_date(nlp):
    text = "Russia, which annexed Crimea in 2014, attacked the convoy."
    assert _date(nlp, text, "attacked", THU).rule == "article-date"
    assert _date(nlp, text, "annexed", THU).date == dt.date(2014, 1, 1)


@pytest.mark.parametrize("text", [
    "Theresa May met Angela Merkel in Berlin.",  # a name, not the month
    "Iran sent 2000 troops to Syria.",  # a count, not a year
    "Iran has cut production over the last year.",  # a duration
    "Russia may delay the delivery.",  # the modal, not the month
    "He told BBC Radio 4's Today programme that Iran had lied.",  # a programme
    "The book by Sunday Telegraph journalist Robert Peston angered Brown.",  # a newspaper
])
def test_non_dates_are_ignored(nlp, text):
    assert find_dates(next(nlp(text).sents)) == []


def test_datetime_anchor_is_accepted(nlp):
    got = _date(nlp, "Turkey shot down the jet yesterday.", "shot", dt.datetime(2015, 11, 24, 9, 30))
    assert got.date == dt.date(2015, 11, 23) and type(got.date) is dt.date


def test_date_hung_on_the_subject_dates_the_verb(nlp):
    got = _date(nlp, "Mr Blair on Sunday dismissed claims of broken promises.", "dismissed", dt.date(2005, 3, 10))
    assert got.date == dt.date(2005, 3, 6)


def test_participial_clause_shares_its_date(nlp):
    got = _date(nlp, "Speaking in Ankara on Tuesday, Erdogan said Turkey would not apologise.", "said", MON)
    assert got.date == dt.date(2015, 11, 17)


def test_date_of_reported_content_does_not_date_the_report(nlp):
    got = _date(nlp, "Erdogan said that Russian jets had violated Turkish airspace in 2012.", "said", MON)
    assert got.rule == "article-date"


def test_reported_content_gets_its_own_date(nlp):
    got = _date(nlp, "Erdogan said that Russian jets had violated Turkish airspace in 2012.", "violated", MON)
    assert got.date == dt.date(2012, 1, 1)


def test_caption_date_on_the_object_dates_the_event(nlp):
    text = "Russian President Vladimir Putin greets Chinese President Xi Jinping in Moscow, Russia, May 8, 2015."
    got = _date(nlp, text, "greets", MON)
    assert (got.date, got.precision) == (dt.date(2015, 5, 8), "day")


def test_participle_modifying_the_object_keeps_its_date(nlp):
    got = _date(nlp, "The United States withdrew from the accord signed in 2015.", "withdrew", THU)
    assert got.rule == "article-date"
