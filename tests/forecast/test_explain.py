"""Reasons per actor for every model, EUM challenges, Nash's disagreement point, the CLI's --explain."""
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from realpolitik.cli.forecast import register
from realpolitik.forecast import forecast, load_scenario, run_model
from realpolitik.forecast.scenario import Scenario, Stakeholder

IRAN_2015 = Path(__file__).resolve().parents[2] / "src/realpolitik/data/scenarios/iran_2015_china_vs_russia.yaml"


def three(sq=None):
    return Scenario(name="t", status_quo=sq, actors=(Stakeholder("Left", 30, 10, 1.0, notes="left note"),
                                                     Stakeholder("Centre", 40, 50, 0.5),
                                                     Stakeholder("Right", 30, 90, 1.0)))


def test_compromise_reasons_are_capability_salience_shares_whose_pulls_balance():
    res = run_model(three(), "compromise")
    assert [round(r.share, 3) for r in res.reasons] == [0.375, 0.25, 0.375]
    pulls = sum(r.share * (r.position - res.prediction) for r in res.reasons)
    assert pulls == pytest.approx(0.0, abs=1e-9) and res.reasons[0].notes == "left note"


def test_median_names_the_pivot():
    scn = Scenario(name="t", actors=(Stakeholder("A", 10, 10, 1), Stakeholder("B", 45, 50, 1), Stakeholder("C", 45, 90, 1)))
    res = run_model(scn, "median")
    assert res.prediction == 50 and res.reasons[1].detail.startswith("pivot")


def test_nash_with_status_quo_between_actors_explains_why_it_stands():
    res = run_model(three(sq=50), "nash", params={"disagreement": "status_quo"})
    assert res.prediction == 50
    assert "Pareto-optimal" in res.explanation and "Left" in res.explanation and "Right" in res.explanation


def test_nash_default_bargains_under_breakdown_and_moves_with_weights():
    scn = three(sq=50)
    res = run_model(scn, "nash")
    assert "feasible set" in res.explanation and res.prediction == pytest.approx(50, abs=0.2)
    heavier = Scenario(name="t", status_quo=50, actors=scn.actors[:2] + (Stakeholder("Right", 60, 90, 1.0),))
    assert run_model(heavier, "nash").prediction > 55


def test_eum_challenges_carry_utilities_probabilities_and_the_accepted_offer():
    [res] = forecast(IRAN_2015, model="eum", rounds=3, variant="us_confronts")
    taken = [c for c in res.challenges if c.accepted]
    assert taken and all(c.eu_challenger > 0 and 0 <= c.p_success <= 1 for c in res.challenges)
    moved = {(m.round, m.actor, m.offered_by) for m in res.moves}
    assert moved <= {(c.round, c.target, c.challenger) for c in taken}
    assert {c.kind for c in res.challenges} <= {"confrontation", "compromise", "capitulation"}


@pytest.mark.parametrize("model", ["compromise", "median", "nash", "eum", "pce"])
def test_every_model_gives_one_reason_per_actor(model):
    [res] = forecast(IRAN_2015, model=model)
    assert len(res.reasons) == len(res.actors) and res.explanation
    assert sum(r.share for r in res.reasons) == pytest.approx(1.0)


@pytest.fixture(scope="module")
def app():
    a = typer.Typer()
    register(a)

    @a.callback()
    def _root() -> None:
        pass

    return a


def test_explain_shows_effects_reasons_notes_and_challenges(app, tmp_path):
    res = CliRunner().invoke(app, ["forecast", str(IRAN_2015), "--variant", "us_confronts", "--model", "eum",
                                   "--rounds", "2", "--explain"], terminal_width=200)
    assert res.exit_code == 0, res.output
    out = res.output
    assert "variant us_confronts" in out  # the header used to swallow "[us_confronts]" as markup
    assert "Hard-line conservatives.capability x1.5: 25 -> 37.5" in out
    assert "E ch" in out and "capitulation" in out and "Khatam al-Anbiya" in out and "predicted outcome" in out


def test_markup_in_names_is_printed_literally(app, tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text("name: '[bold]issue'\nactors:\n  - {actor: '[red]A', capability: 1, position: 20, salience: 0.5}\n"
                 "  - {actor: B, capability: 1, position: 80, salience: 0.5}\nvariants:\n  '[x]': ['B.position=70']\n",
                 encoding="utf-8")
    res = CliRunner().invoke(app, ["forecast", str(p), "--variant", "[x]"], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert "[bold]issue" in res.output and "[red]A" in res.output and "variant [x]" in res.output


def test_compare_prints_every_model_and_variant(app):
    res = CliRunner().invoke(app, ["forecast", str(IRAN_2015), "--compare"], terminal_width=200)
    assert res.exit_code == 0, res.output
    assert "us_confronts" in res.output and "pce" in res.output and "eum" in res.output
