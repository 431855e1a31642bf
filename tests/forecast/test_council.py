"""Council model: power indices, qualified-majority pivots and the clipped compromise, worked by hand."""
import numpy as np
import pytest

from realpolitik.errors import ScenarioError
from realpolitik.forecast import forecast, load_deu3
from realpolitik.forecast.council import (council_era, council_power, council_predict, double_majority_shapley,
                                          qualified_core, shapley_shubik)


@pytest.mark.parametrize("votes, quota, expected", [
    ([2, 1, 1], 3, [2 / 3, 1 / 6, 1 / 6]),  # the big player is pivotal unless it comes first
    ([1, 1, 1], 2, [1 / 3, 1 / 3, 1 / 3]),
    ([3, 1], 3, [1.0, 0.0]),  # a dummy player has no power
])
def test_shapley_shubik_small_games(votes, quota, expected):
    assert shapley_shubik(votes, quota).tolist() == pytest.approx(expected)


def test_shapley_shubik_of_the_eu15_council_matches_published_values():
    power = council_power("eu15")
    assert power["de"] == pytest.approx(0.1167, abs=5e-4)
    assert power["es"] == pytest.approx(0.0955, abs=5e-4)
    assert power["lu"] == pytest.approx(0.0207, abs=5e-4)


@pytest.mark.parametrize("population, expected", [
    ([8.0, 1.0, 1.0], [2 / 3, 1 / 6, 1 / 6]),  # two small states lack 65% of the people
    ([1.0, 1.0, 1.0], [1 / 3, 1 / 3, 1 / 3]),
])
def test_double_majority_needs_states_and_people(population, expected):
    assert double_majority_shapley(population).tolist() == pytest.approx(expected)


def test_unanimity_gives_every_member_the_same_power():
    power = council_power("eu27", unanimity=True)
    assert len(power) == 27 and len(set(power.values())) == 1


@pytest.mark.parametrize("codes, era", [
    ({"de", "fr", "com"}, "eu15"), ({"de", "pl"}, "eu25"), ({"ro", "uk"}, "eu27"), ({"cr", "ep"}, "eu28")])
def test_era_is_the_smallest_membership_with_every_state(codes, era):
    assert council_era(codes) == era


def test_qualified_core_spans_the_two_pivots():
    # five equal members, 70% needed: any four qualify, so the pivots are the 2nd and 4th positions
    lo, hi = qualified_core(np.array([[40.0, 0.0, 30.0, 10.0, 20.0]]), [(np.ones(5), 0.7)])
    assert (lo[0], hi[0]) == (10.0, 30.0)


# EU-15 big four have 10 votes each; 62/87 of their 40 votes needs three of them
NAMES = ["com", "de", "fr", "it", "uk"]
POS = np.array([100.0, 0.0, 0.0, 20.0, 40.0])
SAL = np.ones(5)


@pytest.mark.parametrize("voting, unanimity, expected", [
    ("QMV", "veto", 20.0),  # mean 32 lies above the QMV pivot at 20
    ("Unan", "veto", 32.0),  # every member can veto: anything between 0 and 40 stands
    ("Unan", "qmv", 20.0),
])
def test_compromise_is_clipped_to_the_council_core(voting, unanimity, expected):
    assert float(council_predict(POS, SAL, NAMES, voting, unanimity)) == pytest.approx(expected)


def test_batch_rows_are_forecast_independently():
    pos = np.stack([POS, np.array([0.0, 10.0, 10.0, 10.0, 10.0])])
    out = council_predict(pos, np.stack([SAL, SAL]), NAMES, "QMV")
    assert out.tolist() == pytest.approx([20.0, 10.0])


def test_actors_that_are_not_member_states_are_refused():
    with pytest.raises(ScenarioError, match="member states"):
        council_predict(np.array([0.0, 100.0]), np.ones(2), ["usa", "iran"])


@pytest.mark.parametrize("params, expected", [({}, [20.0, 20.0]), ({"unanimity": "veto"}, [20.0, 32.0])])
def test_council_model_runs_on_a_deu3_file(tmp_path, params, expected):
    header = "prnr\tisnr\tproc\tcounvte\tpcom\tpde\tpfr\tpit\tpuk\tscom\tsde\tsfr\tsit\tsuk\trp\tout\n"
    rows = ["d1\td1i1\tCOD\tQMV\t100\t0\t0\t20\t40\t100\t100\t100\t100\t100\t\t20\n",
            "d1\td1i2\tCNS\tUnan\t100\t0\t0\t20\t40\t100\t100\t100\t100\t100\t\t30\n"]
    path = tmp_path / "deu.tsv"
    path.write_text(header + "".join(rows))
    assert [r.prediction for r in forecast(path, model="council", params=params)] == pytest.approx(expected)


def test_council_model_beats_the_salience_weighted_mean_on_deu3(shared_dir):
    path = shared_dir / "deu3" / "deu3_dev.tsv"
    issues = [s for s in load_deu3(path, capability="equal") if s.outcome is not None]
    y = np.array([s.outcome for s in issues])
    mean = np.array([float((s.arrays()[1] * s.arrays()[2]).sum() / s.arrays()[2].sum()) for s in issues])
    council = np.array([float(council_predict(s.arrays()[1], s.arrays()[2], s.names, s.meta["voting"], "veto"))
                        for s in issues])
    assert np.abs(council - y).mean() < np.abs(mean - y).mean() - 0.5
