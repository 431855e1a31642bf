"""Top-N pushdown: ``Store.events(limit=...)`` finds the first rows over the events table alone and joins only
them; the rows and their order must be exactly those of the whole query sliced."""
from __future__ import annotations

import itertools

import pytest
from store_records import build, ev

from realpolitik.store import Store
from realpolitik.store import store as store_module

_PAIRS = [("IRN", "RUS"), ("RUS", "USA"), ("USA", "IRN"), ("IRNMIL", "USA"), ("person:vladimir-putin", "IRN"),
          ("RUS", "igo:SCO")]
_CODES = [("040", 1, 1.0, "CONSULT"), ("051", 1, 3.4, "SUPPORT"), ("112", 3, -2.0, "ACCUSE"),
          ("181", 4, -9.0, "SEIZE"), ("057", 1, 8.0, "AGREE"), ("190", 4, -10.0, "ASSAULT")]


def _docs():
    """Documents sharing dates, one with 12 sentences (segment 10 sorts after 9, not after 1), one undated,
    events dated apart from their article, some hypothetical."""
    docs = []
    dates = ["2015-07-09", "2015-07-09", "2015-07-10", None, "2016-01-15", "2015-07-09"]
    cycle = itertools.count()
    for d, date in enumerate(dates):
        sentences = []
        for i in range(12 if d == 1 else 3 + d % 2):
            k = next(cycle)
            src, tgt = _PAIRS[k % len(_PAIRS)]
            code, quad, gold, plover = _CODES[(k // 2) % len(_CODES)]
            extra = {"date": "2014-03-01"} if k % 7 == 3 else {}
            sentences.append((f"Sentence {k} of document {d}: {src} and {tgt} number {k}.",
                              [ev(src, tgt, code, quad, gold, plover, hypothetical=k % 5 == 4, **extra)]))
        docs.append(build(f"doc{d}", date, sentences))
    return docs


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("top") / "top.duckdb", lock_timeout=5)
    store.add_many(_docs())
    return store


def _rows(df) -> list[tuple]:
    """Values only: a slice of a frame may infer another dtype for a column (all NULL there)."""
    return [tuple(None if v is None or v != v else v for v in r) for r in df.astype(object).itertuples(index=False)]


def _whole(store: Store, **kw):
    return store.events(**kw).reset_index(drop=True)


@pytest.mark.parametrize("filters", [{}, {"dyad": "IRN,RUS"}, {"actor": "putin"}, {"include_hypothetical": True},
                                     {"actor_id": "USA", "since": "2015"}, {"mentions": True}, {"root": "04"}])
@pytest.mark.parametrize("newest_first", [False, True])
def test_limit_and_offset_give_the_whole_query_sliced(big, filters, newest_first):
    whole = _whole(big, newest_first=newest_first, **filters)
    assert len(whole) > 0
    key = "mention_id" if filters.get("mentions") else "event_id"
    for limit, offset in [(1, 0), (2, 0), (3, 1), (5, 2), (7, 0), (4, 9), (50, 0), (3, len(whole) - 1),
                          (2, len(whole) + 3)]:
        got = big.events(limit=limit, offset=offset, newest_first=newest_first, **filters).reset_index(drop=True)
        want = whole.iloc[offset:offset + limit].reset_index(drop=True)
        assert list(got[key]) == list(want[key]), (limit, offset)
        assert list(got.columns) == list(want.columns) and _rows(got) == _rows(want), (limit, offset)


def test_the_pushdown_is_used_and_a_cut_through_a_document_keeps_its_sentence_order(big, monkeypatch):
    calls = []
    real = store_module._top_rows
    monkeypatch.setattr(store_module, "_top_rows", lambda *a, **k: calls.append(1) or real(*a, **k))
    whole = list(_whole(big, include_hypothetical=True, mentions=True, columns=["mention_id", "sentence_id"])["sentence_id"])
    assert whole.index("doc1:9:0") < whole.index("doc1:10:0")  # by segment position, not by the id's text
    for offset in range(len(whole)):
        got = big.events(include_hypothetical=True, mentions=True, limit=3, offset=offset,
                         columns=["mention_id", "sentence_id"])
        assert list(got["sentence_id"]) == whole[offset:offset + 3]
    assert len(calls) == len(whole), "the top-N path was not taken"


def test_columns_and_text_filter_still_work_with_a_limit(big):
    whole = _whole(big, text="number", columns=["event_id", "sentence"])
    got = big.events(text="number", columns=["event_id", "sentence"], limit=4, offset=1).reset_index(drop=True)
    assert _rows(got) == _rows(whole.iloc[1:5]) and len(got) == 4
    none = big.events(limit=0, columns=["event_id", "sentence"])
    assert none.empty and list(none.columns) == ["event_id", "sentence"]


@pytest.mark.parametrize("actor", ["putin", "PUTIN", "Vladimir Putin", "rusgov", "irn", "usa", "igo:SCO",
                                   "person:vladimir-putin", "put", "(putin", "o'brien", "Iranian military", "iran"])
@pytest.mark.parametrize("mentions", [False, True])
def test_actor_values_resolved_first_give_the_rows_of_the_per_row_tests(big, actor, mentions):
    """The actor filter finds the stored values it matches first, then tests equality: the same rows as
    lower() and the whole-word regular expression on every row."""
    import duckdb

    from realpolitik.store.query import build_event_count_query, build_event_query

    got = big.events(actor=actor, include_hypothetical=True, mentions=mentions, columns=["event_id"])
    sql, params = build_event_query(actor=actor, include_hypothetical=True, mentions=mentions, columns=["event_id"])
    with duckdb.connect(str(big.path), read_only=True) as con:
        want = [r[0] for r in con.execute(sql, params).fetchall()]
        assert "regexp_matches" in sql and "lower(e.source_name)" in sql  # the per-row form
        count_sql, count_params = build_event_count_query(actor=actor, include_hypothetical=True)
        count = con.execute(count_sql, count_params).fetchall()[0][0]
    assert list(got["event_id"]) == want
    if not mentions:
        assert big.count_events(actor=actor, include_hypothetical=True) == count
    if actor in ("putin", "irn"):
        assert want  # the test has rows to compare


def test_streamed_export_with_a_limit_takes_the_same_path_and_rows(big, monkeypatch):
    import pandas as pd

    calls = []
    real = store_module._top_rows
    monkeypatch.setattr(store_module, "_top_rows", lambda *a, **k: calls.append(1) or real(*a, **k))
    want = _whole(big, actor="iran", include_hypothetical=True).iloc[:5]
    got = pd.concat(list(big.event_chunks(2, actor="iran", include_hypothetical=True, limit=5)), ignore_index=True)
    assert calls and _rows(got) == _rows(want) and len(got) == 5


@pytest.mark.parametrize("filters", [{"dyad": "IRN,RUS"}, {"dyad": ("USA", "IRN"), "since": "2015-07-10"},
                                     {"actor": "putin"}, {"actor": "IRN", "include_hypothetical": True},
                                     {"actor_id": "USA", "root": "05"}, {"dyad": "RUS,USA", "mentions": True},
                                     {"actor": "Russia", "newest_first": True}, {"dyad": "IRN,RUS", "limit": 5000}])
def test_actor_and_dyad_queries_by_row_id_equal_the_plain_query(big, filters, monkeypatch):
    import duckdb

    from realpolitik.store.query import build_event_query

    plain: list = []

    def spy(con, query):  # the plain query (no row ids, no top-N) for the same filters, run on the same file
        sql, params, rowids = real(con, query)
        assert rowids is not None, "actor and dyad queries read their rows by row id"
        args = {k: query[k] for k in ("limit", "columns", "offset", "newest_first", "mentions") if k in query}
        rest = store_module._with_actor_values(con, {k: v for k, v in query.items() if k not in args},
                                               bool(query.get("mentions")))
        plain.append(con.execute(*build_event_query(**rest, **args)).fetchdf())
        return sql, params, rowids

    real = store_module._plan_event_sql
    monkeypatch.setattr(store_module, "_plan_event_sql", spy)
    got = big.events(**filters)
    assert len(got) > 0 and _rows(got) == _rows(plain[0])
    chunks = list(big.event_chunks(chunk_rows=2, **filters))  # streamed: same rows, same order, in pieces
    assert (len(chunks) > 1 or len(got) <= 2) and sum(map(len, chunks)) == len(got)
    import pandas as pd

    assert _rows(pd.concat(chunks, ignore_index=True)) == _rows(got)
    with big.session():  # the row-id table lives only while its query runs
        big.events(**filters)
        con = store_module._held_connections()[id(big)]
        assert not [r for r in con.execute("SHOW TABLES").fetchall() if r[0].startswith("_rows_")]
    assert isinstance(con, duckdb.DuckDBPyConnection)
