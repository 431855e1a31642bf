"""Scenario files: parsing, validation errors, overrides and variants."""
from pathlib import Path

import pytest

from realpolitik.errors import ScenarioError
from realpolitik.forecast import apply_overrides, apply_variant, load_scenario

CSV = """actor,capability,position,salience,position_sd,notes
USA,80,20,0.5,5,sanctions lever
Iran,60,90,0.9,,home ground
China,50,40,0.3,,oil customer
"""

YAML = """
name: test issue
status_quo: 70
actors:
  - {actor: USA, capability: 80, position: 20, salience: 0.5}
  - {actor: Iran, capability: 60, position: 90, salience: 0.9}
variants:
  engaged: ["USA.salience=0.9", "USA.position=30"]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_csv_scenario_reads_actors_and_uncertainty(tmp_path):
    scn = load_scenario(write(tmp_path, "s.csv", CSV))
    assert scn.names == ["USA", "Iran", "China"]
    assert scn.actors[0].position_sd == 5 and scn.actors[0].notes == "sanctions lever"


def test_yaml_scenario_reads_status_quo_and_variants(tmp_path):
    scn = load_scenario(write(tmp_path, "s.yaml", YAML))
    assert scn.status_quo == 70 and "engaged" in scn.variants


def test_percent_saliences_are_rescaled(tmp_path):
    scn = load_scenario(write(tmp_path, "s.csv", CSV.replace("0.5,5", "50,5").replace("0.9,", "90,").replace("0.3,", "30,")))
    assert [a.salience for a in scn.actors] == pytest.approx([0.5, 0.9, 0.3])


@pytest.mark.parametrize("text,message", [
    ("actor,capability,position\nUSA,1,2\nIran,1,3\n", "missing column"),
    ("actor,capability,position,salience\nUSA,1,20,0.5\n", "at least two actors"),
    ("actor,capability,position,salience\nUSA,1,20,0.5\nIran,1,30,-0.2\n", "salience must be between"),
    ("actor,capability,position,salience\nUSA,1,120,0.5\nIran,1,30,0.2\n", "outside the scale"),
    ("actor,capability,position,salience\nUSA,x,20,0.5\nIran,1,30,0.2\n", "must be a number"),
    ("actor,capability,position,salience\nUSA,1,20,0.5\nUSA,1,30,0.2\n", "appears twice"),
])
def test_invalid_csv_raises_one_line_error(tmp_path, text, message):
    with pytest.raises(ScenarioError, match=message) as err:
        load_scenario(write(tmp_path, "bad.csv", text))
    assert "\n" not in str(err.value)


def test_override_changes_one_field(tmp_path):
    scn = apply_overrides(load_scenario(write(tmp_path, "s.csv", CSV)), ["USA.salience=0.9", "usa.position=80"])
    assert (scn.actors[0].salience, scn.actors[0].position) == (0.9, 80)


@pytest.mark.parametrize("override,message", [
    ("Russia.salience=0.5", "no actor 'Russia'"),
    ("USA.mood=3", "unknown field"),
    ("USA salience 0.9", "expected ACTOR.field=value"),
    ("USA.salience=2", "salience must be between"),
])
def test_bad_override_is_rejected(tmp_path, override, message):
    with pytest.raises(ScenarioError, match=message):
        apply_overrides(load_scenario(write(tmp_path, "s.csv", CSV)), [override])


def test_variant_applies_its_overrides(tmp_path):
    scn = apply_variant(load_scenario(write(tmp_path, "s.yaml", YAML)), "engaged")
    assert scn.actors[0].salience == 0.9 and scn.name.endswith("[engaged]")


def test_missing_file_is_a_scenario_error(tmp_path):
    with pytest.raises(ScenarioError, match="no such"):
        load_scenario(tmp_path / "nope.yaml")
