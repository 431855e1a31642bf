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


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    d = tmp_path_factory.mktemp("suggest")
    (d / "2016-01-04-deal.txt").write_text(TEXT, encoding="utf-8")
    path = d / "t.duckdb"
    api.ingest([str(d / "2016-01-04-deal.txt")], db=path, classifier=None, progress=False)
    return path


def test_most_active_actor_first_with_full_salience(db):
    sugg = suggest_stakeholders(db)
    assert sugg[0].actor_id == "IRN" and sugg[0].salience == 1.0
    assert sugg[0].events == sugg[0].as_source + sugg[0].as_target
    assert all(0.2 <= s.salience <= 1.0 for s in sugg)
    # the hypothetical "could limit" event is not counted
    russia = next(s for s in sugg if s.actor_id == "RUS")
    assert (russia.as_source, russia.as_target) == (1, 2)  # signed (symmetric: both ways), praised by Iran


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
