"""The `forecast` command run as a user types it."""
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from realpolitik.cli.forecast import register

IRAN = Path(__file__).resolve().parents[2] / "src/realpolitik/data/scenarios/iran_china_vs_russia.yaml"


@pytest.fixture(scope="module")
def app():
    a = typer.Typer()
    register(a)

    @a.callback()
    def _root() -> None:  # keep "forecast" as a subcommand even when it is the only one
        pass

    return a


def run(app, *args):
    return CliRunner().invoke(app, ["forecast", *map(str, args)])


@pytest.mark.parametrize("model", ["compromise", "median", "nash", "eum"])
def test_iran_example_runs_with_each_model(app, model):
    res = run(app, IRAN, "--model", model)
    assert res.exit_code == 0, res.output
    assert "predicted outcome" in res.output


def test_eum_prints_who_moved_and_why(app):
    res = run(app, IRAN, "--model", "eum", "--rounds", "3")
    assert "round 1:" in res.output


def test_override_moves_the_compromise(app, tmp_path):
    base, changed = tmp_path / "a.json", tmp_path / "b.json"
    run(app, IRAN, "--out", base)
    run(app, IRAN, "--set", "USA.salience=1", "--set", "USA.position=0", "--out", changed)
    assert json.loads(changed.read_text())["prediction"] < json.loads(base.read_text())["prediction"]


def test_monte_carlo_is_reproducible_with_a_seed(app, tmp_path):
    outs = []
    for name in ("a.json", "b.json"):
        run(app, IRAN, "--model", "eum", "--mc", 50, "--seed", 7, "--out", tmp_path / name)
        outs.append(json.loads((tmp_path / name).read_text())["montecarlo"])
    assert outs[0] == outs[1] and outs[0]["sd"] > 0


def test_rounds_csv_and_html_chart(app, tmp_path):
    res = run(app, IRAN, "--model", "eum", "--out", tmp_path / "r.csv", "--chart", tmp_path / "c.html")
    assert res.exit_code == 0, res.output
    assert (tmp_path / "r.csv").read_text().startswith("round,")
    assert (tmp_path / "c.html").stat().st_size > 1000


def test_deu3_file_writes_isnr_and_prediction(app, tmp_path):
    tsv = tmp_path / "d.tsv"
    tsv.write_text("isnr\tpcom\tpde\tscom\tsde\tout\ni1\t0\t100\t50\t50\t60\ni2\t20\t40\t10\t30\t30\n")
    res = run(app, tsv, "--format", "deu3", "--capability", "equal", "--model", "compromise", "--out", tmp_path / "p.csv")
    assert res.exit_code == 0, res.output
    lines = (tmp_path / "p.csv").read_text().splitlines()
    assert lines[0] == "isnr,prediction" and lines[1] == "i1,50.0"


def test_deu3_file_defaults_to_the_model_chosen_out_of_sample(app, tmp_path):
    from realpolitik.forecast import DEU_DEFAULT_MODEL

    tsv = tmp_path / "d.tsv"
    tsv.write_text("isnr\tpcom\tpde\tpfr\tscom\tsde\tsfr\tout\ni1\t0\t100\t90\t50\t50\t50\t60\n"
                   "i2\t50\t0\t10\t50\t50\t50\t20\n")
    res = run(app, tsv)
    assert res.exit_code == 0, res.output
    assert f"with the {DEU_DEFAULT_MODEL} model (the DEU III default)" in res.output


def test_unknown_model_is_a_scenario_error(app):
    from realpolitik.errors import ScenarioError

    res = run(app, IRAN, "--model", "oracle")
    assert isinstance(res.exception, ScenarioError)
