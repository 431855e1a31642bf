"""`realpolitik code` reaches its text without importing what it does not use before the first sentence is
coded (Rich, plain click, the DuckDB store), and the commands that do use them still work and still print
errors as one line."""
import json
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = """
import os, sys
import realpolitik.nlp.model as model

def stop():  # the code command's first step: report what the CLI has imported to get there, and stop
    print(sorted(m for m in ("rich", "click", "duckdb", "realpolitik.store") if m in sys.modules))
    sys.stdout.flush()
    os._exit(0)

model.import_spacy = stop
from realpolitik.cli import main
main(["code", "Kenya's president dissolved parliament on Tuesday."])
"""


def _run(*args: str, script: str | None = None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", script] if script else [sys.executable, "-m", "realpolitik", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"})


def test_code_imports_no_rich_click_or_store_before_coding():
    assert _run(script=SCRIPT).stdout.strip() == "[]"


def test_usage_errors_and_exits_still_reach_the_user_as_before(tmp_path):
    bad = _run("code", "--date", "2015-13-45", "Iran condemned Israel.")
    assert bad.returncode == 2 and bad.stderr.strip().splitlines() == [
        "realpolitik: error: --date: '2015-13-45' is not a date in YYYY-MM-DD form"]
    unknown = _run("code", "--no-such-flag", "x")
    assert unknown.returncode == 2 and "No such option" in unknown.stderr and "Traceback" not in unknown.stderr
    assert _run("code", "--help").returncode == 0
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text('{"id": "a", "text": "Iran condemned Israel."}\nnot json\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run = _run("code", "--rules-only", "--jsonl", str(jsonl), "--out", str(out))
    # the Rich console, made on first use, prints the failure and the summary; the exit status says it failed
    assert run.returncode == 1 and "failed" in run.stderr and "1 lines written" in run.stderr
    assert json.loads(out.read_text(encoding="utf-8").splitlines()[0])["id"] == "a"
