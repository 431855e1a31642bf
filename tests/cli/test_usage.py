"""Usage errors are click's usage line plus one error line, exit 2 — never a traceback; help shows words."""
from __future__ import annotations

import pytest

from realpolitik import api


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("usage") / "u.duckdb"
    art = path.parent / "2016-01-04-a.txt"
    art.write_text("Iran condemned Saudi Arabia on Monday.\n", encoding="utf-8")
    api.ingest([str(art)], db=path, classifier=None, progress=False)
    return path


@pytest.mark.parametrize(("argv", "needle"), [
    (["--bogus"], "No such option: --bogus"),
    (["nope"], "No such command 'nope'"),
    (["events", "--limit", "abc"], "--limit"),
    (["events", "--dyad", "IRN"], "--dyad takes two actors"),
    (["events", "--dyad", "garbage"], "--dyad takes two actors"),
    (["events", "--dyad", "IRN,"], "--dyad takes two actors"),
    (["forecast"], "Missing argument 'FILE'"),
    (["code", "--rules-only", "--jsonl"], "--jsonl"),
])
def test_usage_error_is_usage_line_and_one_error_line(cli, db, argv, needle):
    argv = argv + (["--db", str(db)] if argv[0] == "events" else [])
    code, out, err = cli(argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 2, err
    assert lines[0].startswith("Usage: realpolitik")
    assert lines[1].startswith("realpolitik: error: ") and needle in lines[1]


def test_huge_limit_means_no_limit(cli, db):
    code, out, err = cli(["events", "--db", str(db), "--limit", "99999999999999999999999", "--format",
                                  "jsonl", "--all"])
    assert (code, err) == (0, "")
    assert "Saudi" in out or "SAU" in out


def test_bad_lock_timeout_is_one_line(cli, db, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_LOCK_TIMEOUT", "abc")
    code, out, err = cli(["events", "--db", str(db)])
    assert code == 2
    assert err.strip() == "realpolitik: error: REALPOLITIK_LOCK_TIMEOUT='abc' is not a number of seconds (e.g. 30)"


@pytest.mark.parametrize("command", ["code", "ingest", "events", "resolve", "forecast", "demo", "stakeholders"])
def test_help_shows_no_python_types(cli, command):
    code, out, err = cli([command, "--help"])
    assert code == 0
    for python_type in ("<bool>", "<list[", "<str>", "<int>", "<Path>", "<float>"):
        assert python_type not in out, out
    assert "{" not in next(line for line in out.splitlines() if "Usage:" in line)


def test_help_shows_flags_as_flags_and_values_as_words(cli):
    _, out, _ = cli(["code", "--help"])
    assert "Usage: realpolitik code [OPTIONS] [TEXT]" in out
    assert "DATE" in next(line for line in out.splitlines() if "--date" in line)
    explain = next(line for line in out.splitlines() if "--explain" in line)
    assert explain.split("--explain", 1)[1].split()[0] == "Show"  # the help text follows the flag directly
