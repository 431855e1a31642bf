"""The ingest pre-filter (realpolitik.prefilter): a document no token of which could fire the coder is stored
without being parsed, and every event is the same as when everything is parsed."""
from __future__ import annotations

import json

import duckdb
import pytest

from realpolitik import pipeline
from realpolitik.api import build_coder
from realpolitik.records import Document, Segment

# headlines we wrote: events the coder finds, and lines with no trigger it could fire
EVENTFUL = [
    "Russia imposes sanctions on Turkish goods after jet downing",
    "Iran and Saudi Arabia cut diplomatic ties",
    "Protesters clash with police in Kiev",
]
EMPTY = [
    "Riverside 81, Lakeview 77",
    "Quarterly earnings calendar for the week ahead",
    "Weather outlook: sunny spells and light showers",
    "Net asset value of the Global Equity Fund",
]


def _events(coded) -> list[tuple]:
    return sorted((e.event_id, e.cameo, e.source.actor_id, e.target.actor_id if e.target else "")
                  for e in coded.events)


@pytest.fixture(scope="module")
def coder():
    return build_coder(classifier="default")


def test_drops_only_documents_without_events(coder):
    from realpolitik.prefilter import code_filtered

    docs = [Document(doc_id=str(i), path=f"h{i}", segments=(Segment(0, "title", h),), title=h)
            for i, h in enumerate(EVENTFUL + EMPTY)]
    full = coder.code_documents(docs)
    filtered, skipped = code_filtered(coder, docs)
    assert [_events(c) for c in filtered] == [_events(c) for c in full]
    assert all(c.events for c in full[: len(EVENTFUL)])  # titles are coded as sentences
    assert skipped == len(EMPTY)
    assert [bool(c.sentences) for c in filtered] == [True] * len(EVENTFUL) + [False] * len(EMPTY)
    # a kept document is parsed as in one pass: the same sentences and mentions
    for a, b in zip(full[: len(EVENTFUL)], filtered):
        assert [(s.text, [m.actor_id for m in s.mentions]) for s in a.sentences] == \
               [(s.text, [m.actor_id for m in s.mentions]) for s in b.sentences]


def test_context_segments_do_not_keep_a_document(coder):
    from realpolitik.prefilter import PreFilter

    flt = PreFilter.for_coder(coder)
    assert flt is PreFilter.for_coder(coder)  # built once per coder
    first = [name for name in coder.nlp.pipe_names if name in ("tok2vec", "tagger")]
    with coder.nlp.select_pipes(enable=first):
        ctx, body = coder.nlp(EVENTFUL[0]), coder.nlp(EMPTY[0])
    segs = (Segment(0, "context", EVENTFUL[0]), Segment(1, "body", EMPTY[0]))
    assert not flt.keeps(segs, [ctx, body])
    assert flt.keeps((Segment(0, "body", EVENTFUL[0]),), [ctx])


def _rows(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {t} ORDER BY ALL").fetchall()
                if t == "documents" else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("documents", "segments", "event_mentions", "events")}
    finally:
        con.close()


def test_ingest_with_and_without_the_filter_stores_the_same_events(tmp_path):
    src = tmp_path / "headlines.jsonl"
    lines = [{"id": f"h{i}", "title": h, "date": "2016-01-04"} for i, h in enumerate(EVENTFUL + EMPTY)]
    src.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    spec = pipeline.CoderSpec(classifier=None)
    on = pipeline.ingest([str(src)], db=tmp_path / "on.duckdb", coder=spec)
    off = pipeline.ingest([str(src)], db=tmp_path / "off.duckdb", coder=spec, prefilter=False)
    assert on.added == off.added == len(lines)
    assert on.events == off.events > 0  # title-only records are coded
    assert on.unparsed == len(EMPTY) and off.unparsed == 0
    assert _rows(tmp_path / "on.duckdb") == _rows(tmp_path / "off.duckdb")
    # what the filter skips has no sentences stored (nothing was parsed into sentences); its text stays
    con = duckdb.connect(str(tmp_path / "on.duckdb"), read_only=True)
    try:
        unparsed = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                               "(SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)").fetchone()[0]
        texts = {r[0] for r in con.execute("SELECT text FROM segments").fetchall()}
    finally:
        con.close()
    assert unparsed == len(EMPTY) and set(EMPTY) <= texts
