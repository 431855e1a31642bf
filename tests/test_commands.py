"""The commands as users type them (typer's CliRunner), end to end on short articles we wrote."""
from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from realpolitik.cli import _register_all, app

_register_all()
runner = CliRunner()

ARTICLE = """Iran and Russia deepen military ties

Russian Defense Minister Sergei Shoigu arrived in Tehran on Monday for talks with Iranian officials.
Iran and Russia signed a military cooperation agreement during the visit.
Russia could limit its cooperation with Iran if the sanctions return, analysts said.
"""


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "2015-01-20-shoigu-tehran.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "broken.json").write_text('{"text": "Iran protested.", ', encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def test_ingest_reports_bad_files_and_goes_on(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--rules-only"])
    assert res.exit_code == 1
    assert "1 documents added" in res.stdout
    assert "broken.json" in res.stderr and "empty.txt" in res.stderr


def test_reingest_adds_nothing(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(corpus / "2015-01-20-shoigu-tehran.txt"), "--db", str(db), "--rules-only"])
    before = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--all"]).stdout
    res = runner.invoke(app, ["ingest", str(corpus / "2015-01-20-shoigu-tehran.txt"), "--db", str(db), "--rules-only"])
    assert res.exit_code == 0 and "0 documents added, 1 already stored" in res.stdout
    assert runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--all"]).stdout == before


def test_events_csv_has_the_documented_columns(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(corpus / "2015-01-20-shoigu-tehran.txt"), "--db", str(db), "--rules-only"])
    res = runner.invoke(app, ["events", "--db", str(db), "--format", "csv", "--dyad", "IRN,RUS"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert rows
    for col in ("event_id", "doc_id", "sentence", "event_date", "source_country", "source_sector", "target_country",
                "cameo_code", "cameo_root", "quad_class", "goldstein", "plover_type", "is_hypothetical", "is_negated"):
        assert col in rows[0], col
    assert all({r["source_country"], r["target_country"]} == {"IRN", "RUS"} for r in rows)
    assert all(r["event_date"].startswith("2015-01") for r in rows)


def test_hypothetical_events_only_with_all(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(corpus / "2015-01-20-shoigu-tehran.txt"), "--db", str(db), "--rules-only"])
    facts = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"]).stdout.splitlines()
    every = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl", "--all"]).stdout.splitlines()
    assert len(every) > len(facts)
    limit = [json.loads(l) for l in every if json.loads(l)["trigger"].startswith("limit")]
    assert limit and all(r["is_hypothetical"] for r in limit) and "modal" in limit[0]["modality"]
    assert not any(json.loads(l)["trigger"].startswith("limit") for l in facts)


def test_code_jsonl_writes_the_scorer_format(tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a1", "text": "Russia condemned the United States.", "date": "2016-01-05"}) + "\n"
                   + json.dumps({"id": "a2", "text": "The weather was mild."}) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["code", "--jsonl", str(inp), "--out", str(out), "--rules-only"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(l) for l in out.read_text().splitlines()]
    assert [l["id"] for l in lines] == ["a1", "a2"]
    ev = lines[0]["events"][0]
    assert ev["plover"] == "ACCUSE" and ev["source"]["country"] == "RUS" and ev["target"]["country"] == "USA"
    assert lines[1]["events"] == []


def test_code_explain_shows_rule_and_spans():
    res = runner.invoke(app, ["code", "Russia condemned the United States.", "--explain", "--rules-only"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    ev = out["sentences"][0]["events"][0]
    assert ev["rule"] and ev["trigger_span"] == [7, 16] and ev["source"]["why"]


def test_bad_date_is_one_line_error():
    import subprocess
    import sys

    res = subprocess.run([sys.executable, "-m", "realpolitik", "code", "Iran protested.", "--date", "July"],
                         capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "--date" in res.stderr


def test_console_script_exit_status_says_files_failed(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    res = subprocess.run([sys.executable, "-m", "realpolitik", "ingest", str(bad), "--db", str(tmp_path / "x.duckdb"),
                          "--rules-only"], capture_output=True, text=True)
    assert res.returncode == 1
    assert "bad.txt" in res.stderr and "binary" in res.stderr


def test_user_actor_file_extends_coding_in_ingest(tmp_path):
    actors = tmp_path / "actors.yaml"
    actors.write_text("actors:\n  - name: Black Banner Brigade\n    code: SYRREB\n    kind: group\n", encoding="utf-8")
    art = tmp_path / "2016-02-01-brigade.txt"
    art.write_text("The Black Banner Brigade attacked Syrian troops near Aleppo.\n", encoding="utf-8")
    db = tmp_path / "t.duckdb"
    res = runner.invoke(app, ["ingest", str(art), "--db", str(db), "--rules-only", "--actors", str(actors)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["events", "--db", str(db), "--format", "csv"]).stdout)))
    attack = [r for r in rows if r["cameo_root"] in ("18", "19")]
    assert attack and (attack[0]["source_country"], attack[0]["source_sector"]) == ("SYR", "REB")
    assert attack[0]["target_sector"] == "MIL"


@pytest.mark.parametrize("args", [
    ["events", "--format", "csv", "--out", "{tmp}"],                     # a folder, not a file
    ["code", "--jsonl", "{tmp}/missing.jsonl", "--rules-only"],           # a missing input
    ["stakeholders", "--top", "0"],
])
def test_user_errors_are_one_line_with_exit_2(tmp_path, args):
    import subprocess
    import sys

    db = tmp_path / "e.duckdb"
    art = tmp_path / "2016-01-04-a.txt"
    art.write_text("Iran condemned Saudi Arabia.\n", encoding="utf-8")
    runner.invoke(app, ["ingest", str(art), "--db", str(db), "--rules-only"])
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if argv[0] in ("events", "stakeholders"):
        argv += ["--db", str(db)]
    res = subprocess.run([sys.executable, "-m", "realpolitik", *argv], capture_output=True, text=True)
    assert res.returncode == 2, res.stderr
    assert res.stderr.startswith("realpolitik: error:") and res.stderr.strip().count("\n") == 0


def test_actors_filters_by_country_and_kind_with_a_limit(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(corpus / "2015-01-20-shoigu-tehran.txt"), "--db", str(db), "--rules-only"])
    res = runner.invoke(app, ["actors", "--db", str(db), "--country", "RUS", "--kind", "person", "--limit", "5",
                              "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert 1 <= len(rows) <= 5
    assert all(r["country"] == "RUS" and r["kind"] == "person" for r in rows)
    assert any(r["name"] == "Sergei Shoigu" for r in rows)
    one = runner.invoke(app, ["actors", "--db", str(db), "--limit", "1", "--format", "jsonl"])
    assert len([x for x in one.stdout.splitlines() if x.strip()]) == 1


def test_optimize_keeps_every_event_and_refuses_a_missing_database(corpus, tmp_path):
    db = tmp_path / "t.duckdb"
    runner.invoke(app, ["ingest", str(corpus / "2015-01-20-shoigu-tehran.txt"), "--db", str(db), "--rules-only"])
    before = runner.invoke(app, ["events", "--db", str(db), "--all", "--format", "jsonl"]).stdout
    assert before.strip()
    res = runner.invoke(app, ["optimize", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert f"{len(before.splitlines())} events rewritten" in res.stdout
    assert runner.invoke(app, ["events", "--db", str(db), "--all", "--format", "jsonl"]).stdout == before
    missing = tmp_path / "none.duckdb"
    res = runner.invoke(app, ["optimize", "--db", str(missing)])
    assert res.exit_code != 0 and not missing.exists()
