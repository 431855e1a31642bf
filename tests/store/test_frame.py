"""Store.events builds its DataFrame from Arrow column by column; it must be the frame DuckDB's fetchdf gives."""
from __future__ import annotations

import pandas as pd
import pytest

from realpolitik.store.store import _event_sql, _frame

_TYPES = """SELECT * FROM (VALUES
  (1::INTEGER, 1::INTEGER, 'a', NULL::VARCHAR, true, true, DATE '2020-01-01', NULL::DATE, 1.5::DOUBLE,
   TIMESTAMP '2020-01-01 10:00:00', NULL::INTEGER, NULL::BOOLEAN, 7::BIGINT, NULL::BIGINT),
  (2, NULL, NULL, NULL, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 8, 9))
  t(i, inull, s, snull, b, bnull, d, dnull, f, ts, iallnull, ballnull, big, bignull)"""


@pytest.mark.parametrize("where", ["", " WHERE false", " WHERE i = 2"])
def test_every_stored_type_with_and_without_nulls(store, where):
    with store._reader() as con:
        pd.testing.assert_frame_equal(_frame(con, _TYPES + where, []), con.execute(_TYPES + where).fetchdf(),
                                      check_exact=True)


@pytest.mark.parametrize("filters", [{}, {"include_hypothetical": True}, {"dyad": ("IRN", "RUS")}, {"mentions": True},
                                     {"limit": 0}, {"text": "tanker", "include_hypothetical": True},
                                     {"columns": ["event_id", "sentence_number"]}, {"actor": "putin"}])
def test_event_frames_are_fetchdf_frames(store, filters):
    with store._reader() as con, _event_sql(con, filters) as (sql, params):
        pd.testing.assert_frame_equal(_frame(con, sql, params), con.execute(sql, params).fetchdf(), check_exact=True)


def test_a_type_it_does_not_convert_goes_through_fetchdf(store):
    sql = "SELECT [1, 2] AS l, 1.5::DECIMAL(4, 2) AS m"
    with store._reader() as con:
        pd.testing.assert_frame_equal(_frame(con, sql, []), con.execute(sql).fetchdf())
