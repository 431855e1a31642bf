"""Nothing let in, nothing destroyed: user strings are printed inert, failure lines never wrap, and commands
refuse to overwrite a database or their own input without --force."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from realpolitik import api


def test_safe_escapes_markup_and_controls():
    from rich.console import Console

    from realpolitik.terminal import printable, safe

    console = Console(record=True, width=200, color_system=None)
    for name in ["[bold]x.txt", "a[/bar]b.txt", "red\x1b[31m.txt", "two\nlines.txt", "rtl\u202egnp.txt"]:
        console.print(f"failed {safe(name)}")
    shown = console.export_text().splitlines()
    assert shown == ["failed [bold]x.txt", "failed a[/bar]b.txt", "failed red\\x1b[31m.txt",
                     "failed two\\nlines.txt", "failed rtl\\u202egnp.txt"]
    assert printable("tab\there") == "tab\\there"


def test_hostile_file_names_reach_the_terminal_inert_and_on_one_line(tmp_path):
    """A real process with stderr a pipe: names with markup, ESC and newlines, and a path far past 80 columns."""
    folder = tmp_path / ("a-folder-with-a-long-name-" * 4)
    folder.mkdir()
    (folder / "b[").mkdir()  # "b[/bar].txt" as a path: a folder "b[" holding "bar].txt"
    names = ["[bold]x.txt", "b[/bar].txt", "c\x1b[31m.txt", "d\nnewline.txt"]
    for name in names:
        (folder / name).write_bytes(b"")  # empty: each gets a failure line naming it
    res = subprocess.run([sys.executable, "-m", "realpolitik", "ingest", str(folder), "--db",
                          str(tmp_path / "x.duckdb"), "--rules-only"], capture_output=True, text=True, timeout=300)
    assert res.returncode == 1
    assert "Traceback" not in res.stderr and "MarkupError" not in res.stderr
    failed = [line for line in res.stderr.splitlines() if line.startswith("failed ")]
    assert len(failed) == 4, res.stderr
    assert all(len(line) > 120 and line.endswith("file is empty") for line in failed)  # one line each, unwrapped
    text = "\n".join(failed)
    assert "[bold]x.txt" in text and "b[/bar].txt" in text and "c\\x1b[31m.txt" in text and "d\\nnewline.txt" in text
    assert "\x1b" not in res.stderr


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "news.duckdb"
    art = tmp_path / "2016-01-04-a.txt"
    art.write_text("Iran condemned Saudi Arabia on Monday.\n", encoding="utf-8")
    api.ingest([str(art)], db=path, classifier=None, progress=False)
    return path


def test_events_out_onto_the_database_is_refused(cli, db):
    before = db.read_bytes()
    code, out, err = cli(["events", "--db", str(db), "--format", "csv", "--out", str(db)])
    assert code == 2 and err.count("\n") == 1 and "--force" in err
    assert db.read_bytes() == before
    assert api.events(db, include_hypothetical=True).shape[0] >= 1


def test_events_out_onto_another_database_is_refused_and_force_overrides(cli, db, tmp_path):
    other = tmp_path / "other.duckdb"
    other.write_bytes(db.read_bytes())
    code, _, err = cli(["events", "--db", str(db), "--format", "csv", "--out", str(other)])
    assert code == 2 and "is a DuckDB database" in err
    code, _, err = cli(["events", "--db", str(db), "--format", "csv", "--out", str(other), "--force"])
    assert code == 0 and other.read_text(encoding="utf-8").startswith("event_id")


def test_code_jsonl_onto_its_input_is_refused(cli, tmp_path):
    inp = tmp_path / "in.jsonl"
    inp.write_text(json.dumps({"id": "a1", "text": "Russia condemned the United States."}) + "\n", encoding="utf-8")
    before = inp.read_bytes()
    code, _, err = cli(["code", "--jsonl", str(inp), "--out", str(inp), "--rules-only"])
    assert code == 2 and "also an input" in err and inp.read_bytes() == before
    # with --force the output replaces the input only once every record has been read and coded
    code, _, err = cli(["code", "--jsonl", str(inp), "--out", str(inp), "--rules-only", "--force"])
    assert code == 0 and json.loads(inp.read_text().splitlines()[0])["id"] == "a1"


def test_demo_refuses_to_delete_a_database_that_is_not_a_demo(cli, db):
    before = db.read_bytes()
    code, _, err = cli(["demo", "--db", str(db)])
    assert code == 2 and "not a demo database" in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_code_jsonl_codes_every_good_record_and_reports_each_bad_one(cli, tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": "Russia condemned the United States.", "date": "2016-01-05"}),
        json.dumps({"id": "a2", "text": "Iran met Russia on Monday.", "date": "121108"}),
        "this is not json",
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a4", "text": 5}),
        json.dumps([1, 2]),
        json.dumps({"id": "a5", "text": "Turkey accused Syria of shelling the border."}),
    ]
    inp = tmp_path / "in.jsonl"
    inp.write_bytes(("\n".join(lines) + "\n").encode() + b"\xff\xfe{}\n")
    out = tmp_path / "out.jsonl"
    code, _, err = cli(["code", "--jsonl", str(inp), "--out", str(out), "--rules-only"])
    assert code == 1
    written = [json.loads(line) for line in out.read_text().splitlines()]
    assert [w["id"] for w in written] == ["a1", "a2", "a5"]
    a2 = written[1]["events"]
    assert a2 and all(e["date"] is None for e in a2)  # coded, undated
    reported = {line.split(": line ")[1].split(":")[0]: line for line in err.splitlines() if ": line " in line}
    assert set(reported) == {"2", "3", "4", "5", "6", "8"}
    assert reported["2"].startswith("warning") and "'121108' is not a date" in reported["2"]
    assert "not JSON" in reported["3"] and "no 'text'" in reported["4"]
    assert "'text' is a JSON int" in reported["5"] and "JSON list" in reported["6"] and "UTF-8" in reported["8"]
    assert "expected JSON with 'id' and 'text'" not in err
