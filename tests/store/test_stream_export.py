"""`export_events` streams large exports in chunks: the same bytes as the whole-frame export."""
from __future__ import annotations

import pandas as pd
import pytest

from realpolitik.store import export
from realpolitik.store.export import export_events, layout_columns


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "icews"])
def test_chunked_text_exports_equal_the_whole_frame(store, tmp_path, fmt):
    whole, chunked = tmp_path / f"whole.{fmt}", tmp_path / f"chunked.{fmt}"
    export(store.events(include_hypothetical=True, columns=layout_columns(fmt)), fmt, whole)
    export_events(store.path, fmt, chunked, chunk_rows=2, include_hypothetical=True)  # 7 events: 4 chunks
    assert chunked.read_text() == whole.read_text()
    assert len(whole.read_text().splitlines()) == 7 + (fmt != "jsonl")


def test_chunked_parquet_has_every_row_in_order(store, tmp_path):
    out = tmp_path / "e.parquet"
    export_events(store.path, "parquet", out, chunk_rows=2, include_hypothetical=True)
    back = pd.read_parquet(out)
    want = store.events(include_hypothetical=True)
    assert list(back["event_id"]) == list(want["event_id"])
    assert list(back.columns) == list(want.columns)
    assert [str(d) for d in back["event_date"]] == [d.strftime("%Y-%m-%d") for d in want["event_date"]]


def test_an_export_with_no_rows_writes_the_header(store, tmp_path):
    out = tmp_path / "none.csv"
    export_events(store.path, "csv", out, dyad=("USA", "igo:SCO"))
    assert out.read_text().splitlines()[0].startswith("event_id,")
    assert len(out.read_text().splitlines()) == 1
    export_events(store.path, "parquet", tmp_path / "none.parquet", dyad=("USA", "igo:SCO"))
    assert len(pd.read_parquet(tmp_path / "none.parquet")) == 0


def test_chunks_do_not_hold_the_whole_result(store):
    sizes = [len(c) for c in store.event_chunks(2, include_hypothetical=True)]
    assert sum(sizes) == 7
    assert len(sizes) == 4 and max(sizes) == 2
