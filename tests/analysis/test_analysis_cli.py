"""`realpolitik summary`, `dyad`, `network` and `factions` as users type them."""
from __future__ import annotations

import csv
import io
import json
import sys

import networkx as nx
import pandas as pd
import pytest
from typer.testing import CliRunner

from realpolitik.cli import _register_all, app

_register_all()
runner = CliRunner()


def run(*args):
    res = runner.invoke(app, [str(a) for a in args])
    assert res.exit_code == 0, res.output + repr(res.exception)
    return res.stdout


def test_summary_json_defaults_to_the_top_dyad(worked):
    s = json.loads(run("summary", "--db", worked.path, "--format", "json"))
    assert s["pair"] == ["IRN", "RUS"] and s["documents"] == 3
    assert [r["events"] for r in s["timeline"]] == [3, 0, 2]


def test_summary_table_with_a_chosen_pair(worked):
    out = run("summary", "--db", worked.path, "--pair", "Iran,United States")
    assert "IRN–USA by month" in out and "Most active actors" in out


def test_dyad_table_names_the_directions(worked):
    out = run("dyad", "iran", "russia", "--db", worked.path)
    assert "Iran–Russia: 5 factual events (→ Iran→Russia 2, ← Russia→Iran 3)" in out
    assert "2015-02" in out and "no events" in out and "cc = (cooperation − conflict) / events" in out


def test_dyad_csv_has_every_direction(worked):
    rows = list(csv.DictReader(io.StringIO(run("dyad", "IRN", "RUS", "--db", worked.path, "--format", "csv"))))
    assert [r["direction"] for r in rows] == ["Iran–Russia"] * 3 + ["Iran→Russia"] * 3 + ["Russia→Iran"] * 3
    jan = rows[0]
    assert (jan["period"], jan["events"], jan["goldstein_sum"], jan["period_end"]) == ("2015-01", "3", "6.0",
                                                                                       "2015-01-31")


def test_dyad_parquet_by_quarter_and_chart(worked, tmp_path):
    run("dyad", "IRN", "RUS", "--db", worked.path, "--by", "quarter", "--format", "parquet", "--out",
        tmp_path / "d.parquet", "--chart", tmp_path / "d.html")
    df = pd.read_parquet(tmp_path / "d.parquet")
    assert list(df["period"]) == ["2015Q1"] * 3 and list(df["events"]) == [5, 2, 3]
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "cc index Iran" in html and "Plotly.newPlot" in html


def test_network_graphml_to_stdout_and_gexf_file(worked, tmp_path):
    g = nx.read_graphml(io.BytesIO(run("network", "--db", worked.path, "--level", "country",
                                       "--format", "graphml").encode()))
    assert int(g.edges["USA", "IRN"]["events"]) == 1
    run("network", "--db", worked.path, "--country", "usa", "--format", "gexf", "--out", tmp_path / "n.gexf")
    assert set(nx.read_gexf(tmp_path / "n.gexf").edges) == {("IRN", "USA"), ("USA", "IRN")}


def test_network_table(worked):
    out = run("network", "--db", worked.path, "--since", "2015-03")
    assert "directed ties" in out and "Vladimir Putin" in out


def test_factions_table_and_csv(factional):
    out = run("factions", "--country", "IRN", "--db", factional.path)
    assert "Iranian pragmatists" in out and "Hassan Rouhani" in out and "2016-03" in out
    rows = list(csv.DictReader(io.StringIO(run("factions", "--country", "irn", "--db", factional.path,
                                               "--by", "year", "--format", "csv"))))
    assert [(r["faction"], r["events"]) for r in rows] == [("Iranian hard-liners", "1"), ("Iranian pragmatists", "4")]


@pytest.mark.parametrize("args,needle", [
    (["dyad", "IRN", "Narnia"], "'Narnia' is neither an actor"),
    (["dyad", "IRN", "RUS", "--by", "fortnight"], "unknown period 'fortnight'"),
    (["dyad", "IRN", "RUS", "--since", "last week"], "is not a date"),
    (["factions", "--country", "XX1"], "not an ISO 3166 alpha-3 code"),
    (["network", "--format", "dot"], "unknown network format"),
    (["summary", "--format", "csv"], "summary prints table or json"),
])
def test_bad_input_is_one_line_without_traceback(worked, args, needle, monkeypatch, capsys):
    from realpolitik.cli import main

    monkeypatch.setattr(sys, "argv", ["realpolitik", *args, "--db", str(worked.path)])
    with pytest.raises(SystemExit) as exit_:
        main()  # the entry point a user runs: error rendering included
    err = capsys.readouterr().err
    assert exit_.value.code == 2, err
    assert needle in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_out_never_overwrites_the_database(worked):
    res = runner.invoke(app, ["dyad", "IRN", "RUS", "--db", str(worked.path), "--format", "csv",
                              "--out", str(worked.path)])
    assert res.exit_code != 0 and "is also an input of this command" in str(res.exception)


def test_names_are_printed_inert(tmp_path):
    from store_records import ACTORS, build, ev

    from realpolitik.store import Store

    ACTORS["person:markup"] = ("[bold red]Mallory[/bold red]", "IRNGOV", "IRN", "GOV", "person")
    try:
        store = Store(tmp_path / "m.duckdb")
        store.add(*build("m", "2016-01-05", [("Mallory met Putin.", [ev("person:markup", "person:vladimir-putin",
                                                                           "040", 1, 1.0, "CONSULT")])]))
    finally:
        del ACTORS["person:markup"]
    out = run("network", "--db", store.path)
    assert "[bold red]Mallory[/bold red]" in out
