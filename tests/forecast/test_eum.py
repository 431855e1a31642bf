"""Expected-utility model: hand-checked small cases and the fast vote-share formula."""
import numpy as np
import pytest

from realpolitik.forecast.eum import (CAPITULATION, EUMParams, _win_probability_brute, median_voter, run_eum,
                                      win_probability)


def test_median_voter_is_weighted_median_among_positions():
    x = np.array([[0.1, 0.4, 0.9]])
    assert median_voter(x, np.array([[1.0, 1.0, 1.0]]))[0] == pytest.approx(0.4)
    assert median_voter(x, np.array([[1.0, 1.0, 5.0]]))[0] == pytest.approx(0.9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_fast_win_probability_matches_vote_tensor(seed):
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 6, (4, 9)) / 5.0  # ties on purpose
    w = rng.uniform(0, 1, (4, 9))
    np.testing.assert_allclose(win_probability(x, w), _win_probability_brute(x, w), atol=1e-10)


def test_win_probability_two_actors_is_capability_share():
    # with two actors each votes for itself: P(i beats j) = w_i / (w_i + w_j)
    p = win_probability(np.array([[0.0, 1.0]]), np.array([[3.0, 1.0]]))
    assert p[0, 0, 1] == pytest.approx(0.75)
    assert p[0, 1, 0] == pytest.approx(0.25)


def test_symmetric_pair_with_equal_power_does_not_move():
    run = run_eum([0, 100], [1, 1], [1, 1])
    np.testing.assert_allclose(run.positions[0, -1], [0, 100])


def test_dominant_actor_wins():
    run = run_eum([10, 60, 90], [10, 1, 1], [1, 1, 1], rounds=5)
    assert run.prediction[0] == pytest.approx(10)
    np.testing.assert_allclose(run.positions[0, -1], [10, 10, 10], atol=1.0)  # compromises converge


def test_three_actor_case_converges_on_centre_with_capitulation():
    run = run_eum([0, 100, 60], [1, 1, 1], [1, 1, 1])
    np.testing.assert_allclose(run.positions[0, 1], [60, 60, 60])
    assert run.offer_kind[0, 0, 0] == CAPITULATION


@pytest.mark.parametrize("params", [EUMParams(), EUMParams(risk="neutral"), EUMParams(risk_of="perceiver"),
                                    EUMParams(q=0.5, t=0.5), EUMParams(accept="strongest", outcome="mean")])
def test_prediction_stays_on_scale(params):
    rng = np.random.default_rng(3)
    run = run_eum(rng.uniform(0, 100, (5, 8)), rng.uniform(1, 10, (5, 8)), rng.uniform(0, 1, (5, 8)), params=params)
    assert np.all((run.prediction >= 0) & (run.prediction <= 100))
