"""Helpers for the ingest tests: the fixture folder and a one-call reader for a single file."""
from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.ingest import read_paths
from realpolitik.records import Document, IngestFailure

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture()
def fixtures() -> Path:
    return FIXTURES


def read_all(*paths: Path | str, **kwargs) -> list[Document | IngestFailure]:
    return list(read_paths([str(p) for p in paths], **kwargs))


def only_doc(path: Path | str, **kwargs) -> Document:
    results = read_all(path, **kwargs)
    assert len(results) == 1, results
    assert isinstance(results[0], Document), results[0]
    return results[0]


def only_failure(path: Path | str, **kwargs) -> IngestFailure:
    results = read_all(path, **kwargs)
    assert len(results) == 1, results
    assert isinstance(results[0], IngestFailure), results[0]
    return results[0]
