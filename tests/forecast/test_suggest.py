"""Stakeholders suggested from the event base: ranked by factual events, salience from their share."""
from __future__ import annotations

import pytest
import yaml

from realpolitik import api
from realpolitik.errors import ScenarioError
from realpolitik.forecast.suggest import scenario_skeleton, suggest_stakeholders

TEXT = """Russia and Iran sign arms deal

Russia signed an arms agreement with Iran on Monday.
Iran praised Russia.
Iran condemned Saudi Arabia.
Saudi Arabia accused Iran of meddling.
Russia could limit its cooperation with Iran.
"""


def ingest_one(tmp_path_factory, name: str, text: str):
    """A database holding one article written to a file whose name carries its date."""
    d = tmp_path_factory.mktemp("suggest")
    (d / name).write_text(text, encoding="utf-8")
    api.ingest([str(d / name)], db=d / "t.duckdb", classifier=None, progress=False)
    return d / "t.duckdb"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_one(tmp_path_factory, "2016-01-04-deal.txt", TEXT)


def test_most_active_actor_first_with_full_salience(db):
    sugg = suggest_stakeholders(db)
    assert sugg[0].actor_id == "IRN" and sugg[0].salience == 1.0
    assert sugg[0].events == sugg[0].as_source + sugg[0].as_target
    assert all(0.2 <= s.salience <= 1.0 for s in sugg)
    # the hypothetical "could limit" event is not counted
    russia = next(s for s in sugg if s.actor_id == "RUS")
    # the headline's "sign" and the body's "signed" tell one signing (both ways: one event); Iran praised Russia
    assert (russia.as_source, russia.as_target) == (1, 1)


def test_country_filter_keeps_actors_dealing_with_it(db):
    ids = {s.actor_id for s in suggest_stakeholders(db, country="SAU")}
    assert ids == {"SAU", "IRN"}


def test_skeleton_is_a_scenario_the_analyst_must_complete(db, tmp_path):
    from realpolitik.forecast import load_scenario

    path = tmp_path / "s.yaml"
    path.write_text(scenario_skeleton(suggest_stakeholders(db)), encoding="utf-8")
    data = yaml.safe_load(path.read_text())
    assert all(a["position"] is None and "factual events" in a["notes"] for a in data["actors"])
    with pytest.raises(ScenarioError, match="empty"):
        load_scenario(path)


def test_empty_selection_is_a_clear_error(db):
    with pytest.raises(ScenarioError, match="no factual events"):
        suggest_stakeholders(db, country="JPN")


MERGE_TEXT = """Iran turns to Moscow

Iranian President Hassan Rouhani met Russia's president in Tehran on Monday.
Iran signed an arms agreement with Russia.
The Iranian government praised Russia for its support.
Rouhani thanked Russia for its help.
Iran condemned the United States.
Iran accused the United States of breaking its promises.
Supreme Leader Ali Khamenei criticised the United States.
"""


@pytest.fixture(scope="module")
def merge_db(tmp_path_factory):
    return ingest_one(tmp_path_factory, "2015-11-23-moscow.txt", MERGE_TEXT)


def test_state_government_and_head_of_government_are_one_row(merge_db):
    sugg = suggest_stakeholders(merge_db, country="IRN", poles=("USA", "RUS"))
    ids = [s.actor_id for s in sugg]
    assert "IRNGOV" not in ids and "person:hassan-rouhani" not in ids
    iran = next(s for s in sugg if s.actor_id == "IRN")
    assert {"IRNGOV", "person:hassan-rouhani"} <= set(iran.merged)
    assert iran.events == iran.as_source + iran.as_target and iran.events >= 5
    # the Supreme Leader is not the head of government: his own row
    assert "person:ali-khamenei" in ids


def test_position_from_cooperation_with_one_pole_and_conflict_with_the_other(merge_db):
    sugg = {s.actor_id: s for s in suggest_stakeholders(merge_db, country="IRN", poles=("USA", "RUS"))}
    iran = sugg["IRN"]
    low, high = iran.poles
    assert (low.pole, high.pole) == ("USA", "RUS")
    assert high.cooperation >= 3 and low.conflict >= 2 and high.balance > 0 > low.balance
    assert iran.position > 75  # toward the Russia end of a USA-RUS scale
    assert sugg["RUS"].poles[1].balance == 1.0  # a pole sits at its own end


def test_keep_separates_an_actor(merge_db):
    ids = [s.actor_id for s in suggest_stakeholders(merge_db, country="IRN", keep=("Hassan Rouhani",))]
    assert "person:hassan-rouhani" in ids


def test_proposed_scenario_runs(merge_db, tmp_path):
    from realpolitik.forecast import forecast

    path = tmp_path / "p.yaml"
    path.write_text(scenario_skeleton(suggest_stakeholders(merge_db, country="IRN", poles=("USA", "RUS")),
                                      poles=("USA", "RUS")), encoding="utf-8")
    [res] = forecast(path, model="compromise")
    assert 50 < res.prediction <= 100 and res.scale_labels == ("aligned with USA", "aligned with RUS")
    assert all("Check every number" in r.notes for r in res.reasons)


def test_bad_poles_are_refused(merge_db):
    with pytest.raises(ScenarioError, match="two different ISO3"):
        suggest_stakeholders(merge_db, poles=("USA", "USA"))
