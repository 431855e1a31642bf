"""Historical states as CAMEO codes them, picked by the document date (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors.kb import norm

Y1985, Y1988, Y1995, Y1999, Y2010, Y2015 = (dt.date(y, 6, 1) for y in (1985, 1988, 1995, 1999, 2010, 2015))


@pytest.mark.parametrize("text,words,day,code", [
    ("The Soviet Union deployed new missiles in Europe.", "The Soviet Union", Y1985, "USR"),
    ("The USSR boycotted the Games.", "The USSR", Y1985, "USR"),
    ("Soviet troops left the valley.", "Soviet troops", Y1988, "USRMIL"),
    ("Moscow rejected the proposal at once.", "Moscow", Y1985, "USRGOV"),
    ("Moscow rejected the proposal at once.", "Moscow", Y1995, "RUSGOV"),
    ("Russia recalled its ambassador.", "Russia", Y1985, "USR"),
    ("Russia recalled its ambassador.", "Russia", Y1995, "RUS"),
    ("Russian diplomats left the talks.", "Russian diplomats", Y1985, "USRGOV"),
    ("Russian diplomats left the talks.", "Russian diplomats", Y2015, "RUSGOV"),
    # a name of a state that is gone still denotes it in a later article
    ("The Soviet Union never recognised the annexation, the minister recalled.", "The Soviet Union", Y2015, "USR"),
    ("East German border guards opened the crossing.", "East German border guards", Y1988, "DDRCOP"),
    ("West Germany offered credits.", "West Germany", Y1988, "DEU"),
    ("Czechoslovakia expelled two diplomats.", "Czechoslovakia", Y1988, "CSK"),
    ("Prague denied the report.", "Prague", Y1988, "CSKGOV"),
    ("Prague denied the report.", "Prague", Y2010, "CZEGOV"),
    ("Belgrade rejected the ultimatum.", "Belgrade", Y1999, "YUGGOV"),
    ("Belgrade rejected the ultimatum.", "Belgrade", Y2010, "SRBGOV"),
    ("Yugoslav troops withdrew from the province.", "Yugoslav troops", Y1999, "YUGMIL"),
])
def test_historical_states_by_document_date(phrase, text, words, day, code):
    ref = phrase(text, words, date=day)
    assert ref is not None and ref.code == code


@pytest.mark.parametrize("name", ["Serbia and Montenegro", "Bosnia and Herzegovina"])
def test_a_state_named_with_and_is_one_state(phrase, name):
    ref = phrase(f"{name} signed the accord.", name, date=dt.date(2004, 5, 1))
    assert ref.text == name


@pytest.mark.parametrize("day,code", [(dt.date(1987, 12, 8), "USRGOV"), (Y2010, "RUSELI")])
def test_a_soviet_leader_is_soviet_in_office_and_russian_after(phrase, day, code):
    ref = phrase("Mikhail Gorbachev spoke to reporters.", "Mikhail Gorbachev", date=day)
    assert ref.actor_id == "person:mikhail-gorbachev" and ref.code == code


@pytest.mark.parametrize("text,words,day,code", [
    # died in office before the state ended: his state's code in any later article, never Russia's
    ("Brezhnev sent the troops in, the historian wrote.", "Brezhnev", Y1988, "USRGOV"),
    ("Brezhnev sent the troops in, the historian wrote.", "Brezhnev", Y2010, "USRGOV"),
    ("Konstantin Chernenko was buried by the Kremlin wall.", "Konstantin Chernenko", Y1988, "USRGOV"),
    # out of office while his state still existed: an elite of it, not of the successor
    ("Erich Honecker was questioned by prosecutors.", "Erich Honecker", dt.date(1990, 6, 1), "DDRELI"),
    ("Erich Honecker was questioned by prosecutors.", "Erich Honecker", dt.date(1993, 1, 10), "DEUELI"),
])
def test_leaders_of_historical_states_keep_the_state_of_their_time(phrase, text, words, day, code):
    assert phrase(text, words, date=day).code == code


def test_a_gdr_leader_is_not_west_german(phrase):
    assert phrase("Erich Honecker gave a speech.", "Erich Honecker", date=Y1985).code == "DDRGOV"


def test_undated_documents_read_names_as_today(phrase):
    assert phrase("Moscow rejected the proposal at once.", "Moscow").code == "RUSGOV"


def test_names_of_historical_states_denote_no_modern_state(kb):
    for code in ("USR", "DDR", "CSK", "YUG", "SCG"):
        for alias in kb.countries[code].aliases:
            modern = [e for e in (*kb.lookup(norm(alias)), *kb.lookup_exact(alias))
                      if e.kind == "state" and e.country != code]
            assert not modern, f"{alias!r} also names {modern[0].country}"


def test_dated_views_are_cached_and_frozen(kb):
    view = kb.as_of(Y1985)
    assert view is kb.as_of(dt.date(1986, 1, 1)) and view.frozen
    assert kb.as_of(Y2015) is kb and kb.lookup("moscow")[0].country == "RUS"
