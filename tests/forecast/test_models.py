"""Static models on small cases worked by hand."""
import numpy as np
import pytest

from realpolitik.forecast.models import compromise, nash, weighted_median


@pytest.mark.parametrize("pos,cap,sal,expected", [
    ([20, 80], [1, 1], [1, 1], 50.0),          # symmetric pair: the midpoint
    ([0, 100], [3, 1], [1, 1], 25.0),          # capability 3:1 pulls to 25
    ([0, 100], [1, 1], [0.2, 0.8], 80.0),      # salience 0.2:0.8 pulls to 80
    ([10, 50, 90], [1, 1, 1], [1, 1, 1], 50.0),
])
def test_compromise_is_weighted_mean(pos, cap, sal, expected):
    assert compromise(pos, cap, sal) == pytest.approx(expected)


@pytest.mark.parametrize("pos,cap,sal,expected", [
    ([10, 40, 90], [1, 1, 1], [1, 1, 1], 40.0),   # odd count: the middle actor
    ([20, 80], [1, 1], [1, 1], 50.0),             # exact tie: midpoint
    ([0, 30, 100], [5, 1, 1], [1, 1, 1], 0.0),    # dominant actor holds more than half
    ([0, 30, 100], [1, 1, 3], [1, 1, 1], 100.0),
])
def test_weighted_median(pos, cap, sal, expected):
    assert weighted_median(pos, cap, sal) == pytest.approx(expected)


def test_models_take_a_batch_axis():
    pos = np.array([[20, 80], [0, 100]], float)
    assert compromise(pos, np.ones(2), np.ones(2)).tolist() == pytest.approx([50.0, 50.0])


def test_nash_symmetric_pair_splits_the_difference():
    assert nash([20, 80], [1, 1], [1, 1]) == pytest.approx(50.0)


def test_nash_with_status_quo_between_actors_keeps_it():
    # any move from 50 hurts one of the two actors, so disagreement (the status quo) stands
    assert nash([20, 80], [1, 1], [1, 1], status_quo=50) == pytest.approx(50.0)


def test_nash_status_quo_outside_gives_interior_agreement():
    # both prefer the stretch (0, 80) to a status quo at 0; the agreement lies between their positions
    x = nash([40, 80], [1, 1], [1, 1], status_quo=0)
    assert 40 < x < 80
    assert nash([40, 80], [1, 3], [1, 1], status_quo=0) > x


def test_nash_stronger_actor_gets_more():
    assert nash([20, 80], [1, 3], [1, 1]) > 50
