"""Forecast input that used to be misread or crash (issue 11, items 10 and 11)."""
import numpy as np
import pytest

from realpolitik.errors import ScenarioError
from realpolitik.forecast import forecast, load_scenario
from realpolitik.forecast.eum import run_eum


def write(tmp_path, text, name="s.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_mixed_salience_scales_are_refused(tmp_path):
    # one salience of 60 used to rescale the whole file, turning the other actor's 0.5 into 0.005
    p = write(tmp_path, "actor,capability,position,salience\nA,1,20,0.5\nB,1,80,60\n", "s.csv")
    with pytest.raises(ScenarioError, match="mix the 0-1 and 0-100 scales"):
        load_scenario(p)


def test_inferred_percent_scale_is_reported(tmp_path):
    p = write(tmp_path, "actor,capability,position,salience\nA,1,20,50\nB,1,80,60\n", "s.csv")
    [res] = forecast(p)
    assert res.salience_scale == "0-100"


def test_declared_salience_scale_wins(tmp_path):
    p = write(tmp_path, "salience_scale: 0-100\nactors:\n  - {actor: A, capability: 1, position: 20, salience: 0.5}\n"
                        "  - {actor: B, capability: 1, position: 80, salience: 1}\n")
    assert [a.salience for a in load_scenario(p).actors] == [0.005, 0.01]


def test_huge_capability_is_refused_not_inf(tmp_path):
    p = write(tmp_path, "actor,capability,position,salience\nA,1e308,20,0.5\nB,1e308,80,0.5\n", "s.csv")
    with pytest.raises(ScenarioError, match="too large"):
        forecast(p)


def test_yaml_true_is_not_a_number(tmp_path):
    p = write(tmp_path, "actors:\n  - {actor: A, capability: true, position: 20, salience: 0.5}\n"
                        "  - {actor: B, capability: 1, position: 80, salience: 0.5}\n")
    with pytest.raises(ScenarioError, match="must be a number, got true"):
        load_scenario(p)


def test_deeply_nested_yaml_is_one_line_error(tmp_path):
    p = write(tmp_path, "actors: " + "[" * 20000 + "]" * 20000 + "\n")
    with pytest.raises(ScenarioError, match="nested too deeply"):
        load_scenario(p)


def test_yaml_error_names_the_line(tmp_path):
    p = write(tmp_path, "name: x\nactors:\n  - actor: A\n    notes: it said: no\n")
    with pytest.raises(ScenarioError, match=r"s.yaml line 4: .*needs quotes"):
        load_scenario(p)


def test_eum_with_ten_thousand_actors_is_a_clear_error_not_memory_error():
    n = 10_000
    with pytest.raises(ScenarioError, match="at most 2,896 actors"):
        run_eum(np.linspace(0, 100, n), np.ones(n), np.full(n, 0.5))
