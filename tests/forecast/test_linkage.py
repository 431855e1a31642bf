"""Linkage effects in variants, and the bundled 2015 scenario's direction under every model."""
from pathlib import Path

import pytest

from realpolitik.errors import ScenarioError
from realpolitik.forecast import SCENARIO_MODELS, apply_variant, compare_variants, load_scenario

DATA = Path(__file__).resolve().parents[2] / "src/realpolitik/data/scenarios"
IRAN_2015 = DATA / "iran_2015_china_vs_russia.yaml"
IRAN_2025 = DATA / "iran_china_vs_russia.yaml"

BASE = """
name: linkage test
scale: {min: 0, max: 100, low_label: open, high_label: closed}
status_quo: 50
actors:
  - {actor: Hawks, capability: 40, position: 90, salience: 0.8}
  - {actor: Doves, capability: 60, position: 10, salience: 0.6}
  - {actor: Outsider, capability: 50, position: 20, salience: 0.2}
variants:
  pressure:
    by: Outsider
    set: ["Outsider.salience=0.5"]
    effects:
{effects}
"""


def scenario(tmp_path, effects: str) -> Path:
    p = tmp_path / "s.yaml"
    p.write_text(BASE.replace("{effects}", effects), encoding="utf-8")
    return p


GOOD = """      - effect: Hawks.capability x1.5
        note: pressure vindicates the hawks
        source: a speech
      - effect: Doves.salience -0.2
        note: the doves lose heart
        source: a poll
      - effect: Hawks.position = 95
        note: they harden
        source: a statement
"""


def test_effects_change_inside_actors_and_record_before_and_after(tmp_path):
    scn = apply_variant(load_scenario(scenario(tmp_path, GOOD)), "pressure")
    hawks, doves, out = scn.actors
    assert (hawks.capability, hawks.position, doves.salience, out.salience) == (60, 95, pytest.approx(0.4), 0.5)
    assert [(a.effect.text, a.before, a.after) for a in scn.applied][:1] == [("Hawks.capability x1.5", 40, 60)]
    assert scn.variants["pressure"].by == "Outsider" and scn.variant == "pressure"


@pytest.mark.parametrize("effect,message", [
    ("Nobody.capability x2", "names no actor"),
    ("Doves.salience +0.5", "outside 0-1"),
    ("Hawks.position +20", "outside 0-100"),
    ("Hawks.mood x2", "ACTOR.field OP VALUE"),
    ("Hawks.capability / 2", "ACTOR.field OP VALUE"),
])
def test_bad_effect_is_one_line_naming_file_and_variant(tmp_path, effect, message):
    text = f"      - effect: {effect}\n        note: why\n        source: where\n"
    with pytest.raises(ScenarioError, match=message) as err:
        load_scenario(scenario(tmp_path, text))
    assert "s.yaml" in str(err.value) and "pressure" in str(err.value) and "\n" not in str(err.value)


def test_effect_without_note_or_source_is_refused(tmp_path):
    with pytest.raises(ScenarioError, match="needs a 'note'"):
        load_scenario(scenario(tmp_path, "      - effect: Hawks.capability x2\n        note: why\n"))


def test_variant_mapping_keeps_overrides_and_effects_apart():
    scn = load_scenario(IRAN_2025)
    assert scn.variants["us_engages"].overrides[0] == "USA.salience=0.8"
    assert scn.variants["us_confronts"].effects and scn.variants["us_confronts"].by == "USA"


def _outcomes(path, model):
    res = compare_variants(path, model=model, variants=["us_engages", "us_confronts"])
    return [r.prediction for r in res]


@pytest.mark.parametrize("model", SCENARIO_MODELS)
def test_2015_direction_confronts_nearer_russia_than_base_nearer_than_engages(model):
    base, engages, confronts = _outcomes(IRAN_2015, model)
    assert confronts > base > engages, (model, base, engages, confronts)


@pytest.mark.parametrize("model", SCENARIO_MODELS)
def test_2025_direction_holds_too(model):
    base, engages, confronts = _outcomes(IRAN_2025, model)
    assert confronts > base > engages


def test_2015_scenario_has_the_seed_actors_and_reasons_for_every_number():
    scn = load_scenario(IRAN_2015)
    assert len(scn.actors) == 10 and scn.status_quo is not None and all(scn.scale_labels)
    assert all(len(a.notes) > 100 and a.source for a in scn.actors)
    for v in ("us_engages", "us_confronts"):
        assert len(scn.variants[v].effects) >= 5 and all(e.note and e.source for e in scn.variants[v].effects)
