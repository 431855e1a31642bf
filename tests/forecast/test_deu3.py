"""DEU III reader on a small inline file, and the published baseline on ../shared when present."""
import numpy as np
import pytest

from realpolitik.errors import ScenarioError
from realpolitik.forecast import forecast, load_deu3

HEADER = "prnr\tprname\tisnr\tproc\tpcom\tpep\tpde\tpfr\tpmt\tscom\tsep\tsde\tsfr\tsmt\trp\tout\n"
TSV = (HEADER
       + "\t\t\t\t4.1\t4.1\t2.8\t2.1\t0.01\t\t\t\t\t\t\t\n"       # the per-actor GDP row, no isnr
       + "d1\tdocs\td1i1\tCOD\t100\t0\t100\t0\t\t50\t50\t50\t50\t\t0\t100\n"
       + "d1\tdocs\td1i2\tCOD\t0\t\t100\t100\t50\t80\t\t20\t\t60\t\t50\n")


@pytest.fixture
def tsv(tmp_path):
    p = tmp_path / "deu.tsv"
    p.write_text(TSV, encoding="utf-8")
    return p


def test_gdp_row_is_not_an_issue_and_blank_position_means_absent(tsv):
    issues = load_deu3(tsv, capability="equal")
    assert [i.issue_id for i in issues] == ["d1i1", "d1i2"]
    assert issues[1].names == ["com", "de", "fr", "mt"]


def test_blank_salience_counts_as_zero(tsv):
    fr = {a.name: a for a in load_deu3(tsv)[1].actors}["fr"]
    assert fr.salience == 0.0


def test_nice_capabilities_use_council_votes(tsv):
    caps = {a.name: a.capability for a in load_deu3(tsv, capability="nice")[0].actors}
    assert caps["de"] == 29 and caps["fr"] == 29


def test_reference_point_and_outcome_are_read(tsv):
    first = load_deu3(tsv)[0]
    assert (first.status_quo, first.outcome) == (0, 100)


def test_forecast_gives_one_result_per_issue(tsv):
    res = forecast(tsv, model="compromise", capability="equal")
    # issue 2: com 0 (s .8), de 100 (s .2), mt 50 (s .6), fr weight 0 -> (0*.8 + 100*.2 + 50*.6)/1.6
    assert res[1].prediction == pytest.approx(50 / 1.6)


def test_not_a_deu_file(tmp_path):
    p = tmp_path / "x.tsv"
    p.write_text("a\tb\n1\t2\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="not a DEU III file"):
        load_deu3(p)


def test_dev_salience_weighted_mean_matches_published_figure(shared_dir):
    path = shared_dir / "deu3" / "deu3_dev.tsv"
    if not path.exists():
        pytest.skip("deu3_dev.tsv not available")
    res = forecast(path, model="compromise", capability="equal")
    err = [abs(r.prediction - r.outcome) for r in res if r.outcome is not None]
    assert np.mean(err) == pytest.approx(22.96, abs=0.01)


@pytest.mark.parametrize("model", ["compromise", "median", "nash", "eum"])
def test_issue_with_one_or_no_actor_does_not_stop_a_batch(tmp_path, model):
    p = tmp_path / "few.tsv"
    p.write_text("isnr\tpcom\tpde\tscom\tsde\trp\tout\ni1\t30\t\t50\t\t\t40\ni2\t\t\t\t\t20\t0\n", encoding="utf-8")
    res = forecast(p, model=model)
    assert [r.prediction for r in res] == pytest.approx([30.0, 20.0])
