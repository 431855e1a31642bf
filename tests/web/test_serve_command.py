"""`realpolitik serve` and `realpolitik demo --serve` as typed: the app they start, on which address."""
from __future__ import annotations

import shutil

import pytest
from typer.testing import CliRunner

from realpolitik.cli import _register_all, app

_register_all()


@pytest.fixture
def started(monkeypatch):
    """Capture what uvicorn would run instead of serving forever."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **kw: calls.append((asgi, kw)))
    return calls


def test_serve_command(demo_db, started, tmp_path):
    res = CliRunner().invoke(app, ["serve", "--db", str(demo_db), "--port", "8765", "--scenarios", str(tmp_path)])
    assert res.exit_code == 0, res.output
    asgi, kw = started[0]
    assert kw["host"] == "127.0.0.1" and kw["port"] == 8765
    assert asgi.state.store.path == demo_db and asgi.state.store.read_only
    assert f"serving {demo_db}" in res.stderr and "warning" not in res.stderr


def test_demo_serve_builds_then_serves(demo_db, started, tmp_path, monkeypatch):
    from realpolitik import api
    from realpolitik.analysis import summary
    from realpolitik.store import Store

    def demo(db, **kw):  # the real ingest is exercised by the demo_db fixture; here: what --serve does after it
        shutil.copyfile(demo_db, db)
        return api.IngestReport(added=19), summary(Store(db, read_only=True), pair=("IRN", "RUS"))

    monkeypatch.setattr(api, "demo", demo)
    target = tmp_path / "d.duckdb"
    res = CliRunner().invoke(app, ["demo", "--serve", "--db", str(target), "--host", "0.0.0.0"])
    assert res.exit_code == 0, res.output
    assert "IRN–RUS by month" in res.stdout
    asgi, kw = started[0]
    assert asgi.state.store.path == target and kw["host"] == "0.0.0.0"
    assert "warning: serving on 0.0.0.0" in res.stderr


def test_serve_refuses_a_missing_database(tmp_path, started):
    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code != 0 and "no database" in str(res.exception) and not started
