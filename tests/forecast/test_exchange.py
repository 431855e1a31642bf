"""Exchange model on two-actor, two-issue dossiers worked by hand, and on DEU III when present."""
import numpy as np
import pytest

from realpolitik.errors import ScenarioError
from realpolitik.forecast import forecast, load_deu3
from realpolitik.forecast.exchange import exchange_issues, exchange_positions

# rows = issues (k, l), columns = actors (A, B); A cares about k, B about l
POS = np.array([[0.0, 100.0], [0.0, 100.0]])
SAL = np.array([[0.8, 0.2], [0.2, 0.8]])


def outcomes(pos, sal, cap=(1.0, 1.0)):
    w = sal * np.asarray(cap)
    return (pos * w).sum(1) / w.sum(1)


def test_opposite_saliences_trade_up_to_the_expected_outcome():
    # outcomes before: k 20, l 80. A concedes on l up to 80, B on k down to 20 (equal gain rate 1)
    new, trades = exchange_positions(POS, [1.0, 1.0], SAL)
    np.testing.assert_allclose(new, [[0.0, 20.0], [80.0, 100.0]])
    assert len(trades) == 1


def test_trade_moves_each_outcome_toward_the_actor_who_cares_more():
    new, _ = exchange_positions(POS, [1.0, 1.0], SAL)
    assert outcomes(new, SAL).tolist() == pytest.approx([4.0, 96.0])


def test_partner_limit_lets_an_actor_concede_all_the_way():
    new, _ = exchange_positions(POS, [1.0, 1.0], SAL, limit="partner")
    np.testing.assert_allclose(new, [[0.0, 0.0], [100.0, 100.0]], atol=1e-9)


def test_exchange_rate_gives_both_actors_the_same_gain():
    sal = np.array([[0.9, 0.3], [0.1, 0.5]])
    before = outcomes(POS, sal)
    new, [trade] = exchange_positions(POS, [1.0, 1.0], sal)
    shift = np.abs(outcomes(new, sal) - before)
    gain_a = sal[0, 0] * shift[0] - sal[1, 0] * shift[1]  # A gains on k, pays on l
    gain_b = sal[1, 1] * shift[1] - sal[0, 1] * shift[0]
    assert gain_a == pytest.approx(gain_b)
    assert gain_a == pytest.approx(trade.gain) and gain_a > 0


@pytest.mark.parametrize("sal", [
    [[0.6, 0.3], [0.6, 0.3]],   # same relative salience: nothing to gain from trading
    [[0.5, 0.5], [0.5, 0.5]],
])
def test_no_trade_without_a_difference_in_priorities(sal):
    new, trades = exchange_positions(POS, [1.0, 1.0], np.array(sal))
    assert trades == [] and new.tolist() == POS.tolist()


def test_no_trade_when_the_actors_agree_on_an_issue():
    pos = np.array([[0.0, 100.0], [50.0, 50.0]])
    new, trades = exchange_positions(pos, [1.0, 1.0], SAL)
    assert trades == [] and np.array_equal(new, pos)


def test_absent_actor_does_not_trade_on_that_issue():
    pos = np.array([[0.0, 100.0], [0.0, np.nan]])
    new, trades = exchange_positions(pos, [1.0, 1.0], SAL)
    assert trades == [] and np.isnan(new[1, 1])


@pytest.mark.parametrize("kwargs", [{"limit": "sideways"}, {"rounds": 0}])
def test_bad_settings_raise(kwargs):
    with pytest.raises(ScenarioError):
        exchange_positions(POS, [1.0, 1.0], SAL, **kwargs)


HEADER = "prnr\tprname\tisnr\tpde\tpfr\tsde\tsfr\trp\tout\n"


def tsv_file(tmp_path, dossiers):
    rows = [f"{d}\tcars\t{d}i{n}\t0\t100\t{sde}\t{sfr}\t\t\n"
            for n, (d, sde, sfr) in enumerate(zip(dossiers, (80, 20), (20, 80)), start=1)]
    p = tmp_path / "two.tsv"
    p.write_text(HEADER + "".join(rows), encoding="utf-8")
    return p


def test_issues_of_one_dossier_trade(tmp_path):
    res = forecast(tsv_file(tmp_path, ["d1", "d1"]), model="exchange", capability="equal")
    assert [r.prediction for r in res] == pytest.approx([4.0, 96.0])


def test_issues_of_different_dossiers_do_not_trade(tmp_path):
    res = forecast(tsv_file(tmp_path, ["d1", "d2"]), model="exchange", capability="equal")
    assert [r.prediction for r in res] == pytest.approx([20.0, 80.0])


def test_result_shows_who_traded_with_whom(tmp_path):
    first, _ = forecast(tsv_file(tmp_path, ["d1", "d1"]), model="exchange", capability="equal")
    assert first.positions == ((0.0, 100.0), pytest.approx((0.0, 20.0)))
    [move] = first.moves
    assert (move.actor, move.kind, move.offered_by) == ("fr", "exchange", "de (for d1i2)")


def test_unknown_parameter_is_refused(tmp_path):
    with pytest.raises(ScenarioError, match="unknown exchange parameter"):
        forecast(tsv_file(tmp_path, ["d1", "d1"]), model="exchange", params={"speed": 2})


def test_exchange_issues_keeps_single_issue_dossiers_unchanged(tmp_path):
    issues = load_deu3(tsv_file(tmp_path, ["d1", "d2"]), capability="equal")
    assert exchange_issues(issues) == issues


def test_dev_exchange_beats_salience_weighted_mean(shared_dir):
    path = shared_dir / "deu3" / "deu3_dev.tsv"
    if not path.exists():
        pytest.skip("deu3_dev.tsv not available")
    base = forecast(path, model="compromise", capability="equal")
    traded = forecast(path, model="exchange")
    err = lambda rs: np.mean([abs(r.prediction - r.outcome) for r in rs if r.outcome is not None])  # noqa: E731
    assert err(traded) < err(base)
