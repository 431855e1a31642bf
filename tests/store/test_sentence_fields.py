"""Each event and mention row carries its sentence's text and position (schema 6): the events query reads them
from the rows instead of joining ``sentences``, and gives the rows the join gave."""
from __future__ import annotations

import duckdb
import pandas as pd

from realpolitik.store import SCHEMA_VERSION, Store
from realpolitik.store.query import build_event_query
from realpolitik.store.schema import SENTENCE_FIELDS

_COPIED = ", ".join(name for name, _ in SENTENCE_FIELDS)


def _copies(path) -> list[tuple]:
    """Per event and mention row: (table, id, its copied fields, the sentence's own fields)."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [r for table, key in (("events", "event_id"), ("event_mentions", "mention_id")) for r in con.execute(
            f"SELECT '{table}', e.{key}, e.sentence_text, e.sentence_segment, e.sentence_index, s.text, s.segment_idx, "
            f"s.sentence_idx FROM {table} e LEFT JOIN sentences s USING (sentence_id) ORDER BY 2").fetchall()]
    finally:
        con.close()


def _joined(store: Store, **filters) -> pd.DataFrame:
    """The events query as it was before schema 6: the sentence and its position from the sentences table."""
    sql, params = build_event_query(**filters)
    sql = (sql.replace("e.sentence_text AS", "s.text AS").replace(" JOIN sentences s ON s.sentence_id = e.sentence_id", "")
           .replace("JOIN documents d ON", "JOIN sentences s ON s.sentence_id = e.sentence_id JOIN documents d ON")
           .replace("e.sentence_segment, e.sentence_index", "s.segment_idx, s.sentence_idx"))
    return store.query(sql, params)


def test_written_rows_carry_their_sentence(store):
    rows = _copies(store.path)
    assert len(rows) == 14  # 7 events and their 7 mentions
    assert all(r[2:5] == r[5:8] and r[2] for r in rows)


def test_events_query_without_the_sentence_join_gives_the_joined_rows(store):
    for filters in ({}, {"include_hypothetical": True}, {"dyad": ("IRN", "RUS")}, {"actor": "putin"},
                    {"mentions": True}, {"limit": 3, "newest_first": True}):
        sql, _ = build_event_query(**filters)
        assert " sentences s" not in sql
        pd.testing.assert_frame_equal(store.events(**filters), _joined(store, **filters))


def test_sentences_are_joined_for_a_text_search_and_the_sentence_number(store):
    assert " JOIN sentences s" in build_event_query(text="tanker", include_hypothetical=True)[0]
    assert list(store.events(text="tanker", include_hypothetical=True)["sentence"]) == ["Iran did not attack the tanker."]
    whole = store.events(columns=["event_id", "sentence_number", "sentence"])
    assert list(whole["sentence_number"]) == [3, 1, 2, 1, 2]  # the seizure (2015-06-20) is the 3rd of d2
    # a limited query reads its rows by key (top-N pushdown), the sentences' too
    pd.testing.assert_frame_equal(store.events(limit=2, columns=["event_id", "sentence_number", "sentence"]),
                                  whole.head(2))


def test_schema_5_file_gets_the_sentence_fields_from_its_sentences(store):
    before = store.events(include_hypothetical=True)
    con = duckdb.connect(str(store.path))
    for table in ("events", "event_mentions"):
        for name, _ in SENTENCE_FIELDS:
            con.execute(f"ALTER TABLE {table} DROP COLUMN {name}")
    con.execute("UPDATE meta SET value = '5' WHERE key = 'schema_version'")
    con.close()
    pd.testing.assert_frame_equal(Store(store.path, read_only=True).events(include_hypothetical=True), before)
    rows = _copies(store.path)
    assert len(rows) == 14 and all(r[2:5] == r[5:8] for r in rows)
    con = duckdb.connect(str(store.path), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]
    finally:
        con.close()
