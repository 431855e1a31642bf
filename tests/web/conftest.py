"""Fixtures for the web tests: the demo corpus ingested once per session, the app and a client over it."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The bundled demo corpus, ingested as `realpolitik demo` does (the realistic fixture of the UI)."""
    from realpolitik import api

    db = tmp_path_factory.mktemp("web") / "demo.duckdb"
    api.demo(db)
    return db


@pytest.fixture(scope="session")
def app(demo_db):
    from realpolitik.web import create_app

    return create_app(demo_db)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def store(demo_db):
    from realpolitik.store import Store

    return Store(demo_db, read_only=True)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where screenshots go: $REALPOLITIK_TEST_ARTIFACTS, else build/test-artifacts (git-ignored)."""
    import os

    out = Path(os.environ.get("REALPOLITIK_TEST_ARTIFACTS") or REPO / "build" / "test-artifacts") / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    return out


def pytest_terminal_summary(terminalreporter):
    """Say in one line when the browser tests did not run (pytest -q hides skip reasons)."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "test_browser" in str(r.nodeid or r.location)]
    if skipped:
        terminalreporter.write_line("browser tests skipped: no chromium/chromedriver "
                                    "(apt-get install chromium chromium-driver)")
