"""Exports: each format reads back to the same rows."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from realpolitik.errors import StoreError
from realpolitik.store import export

KEY = ["event_id", "event_date", "source_actor_id", "target_actor_id", "cameo_code", "quad_class", "goldstein",
       "is_hypothetical", "modality", "sentence"]


def _expected(store):
    df = store.events(include_hypothetical=True)
    df = df[KEY].copy()
    df["event_date"] = df["event_date"].dt.strftime("%Y-%m-%d")
    return df.reset_index(drop=True)


def _read_csv(path):
    df = pd.read_csv(path, dtype={"cameo_code": str, "modality": str}, keep_default_na=False)
    df["modality"] = df["modality"].astype(str)
    df["target_actor_id"] = df["target_actor_id"].replace("", None)
    return df


def _read_jsonl(path):
    return pd.DataFrame([json.loads(line) for line in path.read_text().splitlines()])


def _read_json(path):
    return pd.DataFrame(json.loads(path.read_text()))


def _read_parquet(path):
    df = pd.read_parquet(path)
    df["event_date"] = pd.to_datetime(df["event_date"]).dt.strftime("%Y-%m-%d")
    return df


@pytest.mark.parametrize("fmt,reader", [("csv", _read_csv), ("jsonl", _read_jsonl), ("json", _read_json),
                                        ("parquet", _read_parquet)])
def test_export_round_trip(store, tmp_path, fmt, reader):
    out = tmp_path / f"events.{fmt}"
    export(store.events(include_hypothetical=True), fmt, out)
    back = reader(out)[KEY].reset_index(drop=True)
    want = _expected(store)
    for col in KEY:
        assert list(back[col].astype(object).where(back[col].notna(), None)) == \
            list(want[col].astype(object).where(want[col].notna(), None)), col


def test_jsonl_to_stdout_has_one_record_per_event(store, capsys):
    export(store.events(), "jsonl")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert json.loads(lines[0])["event_date"] == "2015-06-20"


def test_table_shows_compact_columns_and_row_count(store, capsys):
    export(store.events(), "table")
    out = capsys.readouterr().out
    assert "source_name" in out and "doc_path" not in out
    assert "5 rows" in out


@pytest.mark.parametrize("fmt,out", [("xml", None), ("parquet", None)])
def test_bad_export_requests_raise_store_error(store, fmt, out):
    with pytest.raises(StoreError):
        export(store.events(), fmt, out)


def test_actor_table_is_compact_and_shortens_long_lists(tmp_path, capsys):
    from store_records import build

    from realpolitik.records import Actor
    from realpolitik.store import Store

    s = Store(tmp_path / "a.duckdb")
    zarif = Actor("person:javad-zarif", "Javad Zarif", "IRNGOV", "IRN", "GOV", "person",
                  aliases=("Zarif", "Mohammad Javad Zarif", "Mr Zarif", "Dr Zarif", "Javad Zarif's"),
                  evidence=("Foreign Minister Javad Zarif told reporters in Vienna ...",))
    s.add(*build("z", "2015-07-14", [("Zarif spoke.", [])], actors=[zarif]))
    export(s.actors(), "table")
    out = capsys.readouterr().out
    assert "evidence" not in out
    # aliases in a fixed (sorted) order, whatever order documents came in; "Javad Zarif's" is the name itself
    assert "Dr Zarif; Mohammad Javad Zarif; Mr Zarif (+1)" in out


@pytest.mark.parametrize("fmt,expected_lines", [("csv", 1), ("jsonl", 0), ("json", 1)])
def test_empty_result_exports_cleanly(store, tmp_path, fmt, expected_lines):
    out = tmp_path / f"empty.{fmt}"
    export(store.events(actor="nobody"), fmt, out)
    assert len(out.read_text().splitlines()) == expected_lines
