"""`realpolitik resolve` as a user types it."""
from __future__ import annotations

import json
import re

import typer
from typer.testing import CliRunner

from realpolitik.cli.resolve import register


def run(*args: str):
    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:  # keep "resolve" as a sub-command
        pass

    return CliRunner().invoke(app, ["resolve", *args])


def test_table_shows_code_id_and_rule():
    out = run("Russian troops entered Crimea.").output
    assert "RUSMIL" in out and "role+demonym" in out and "UKR" in out


def test_json_lines():
    res = run("The Kremlin denied it.", "--json")
    rows = [json.loads(line) for line in res.output.splitlines()]
    assert rows[0]["code"] == "RUSGOV" and rows[0]["rule"] == "capital-metonym"


def test_actor_file_option(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("actors:\n  - {name: Zed Quorum, kind: group, code: FRAREB}\n", encoding="utf-8")
    out = run("Zed Quorum claimed the attack.", "--actors", str(path), "--json").output
    assert json.loads(out.splitlines()[0])["code"] == "FRAREB"


def test_bad_date_is_a_one_line_error():
    res = run("Iran spoke.", "--date", "2015-13-40")
    assert res.exit_code != 0 and "--date" in str(res.exception or res.output)


def test_actors_kind_help_names_every_kind_an_actor_can_have():
    from realpolitik.actors.kb import FACTION, GROUP, IGO, INSTITUTION, NGO, PERSON, STATE
    from realpolitik.cli import query

    app = typer.Typer()
    query.register(app)

    @app.callback()
    def _root() -> None:
        pass

    out = CliRunner().invoke(app, ["actors", "--help"], env={"COLUMNS": "200"}).output
    listed = set(re.search(r"--kind\s+\S+\s+([a-z|]+)", out)[1].split("|"))
    assert {STATE, PERSON, INSTITUTION, IGO, NGO, FACTION, GROUP} <= listed
