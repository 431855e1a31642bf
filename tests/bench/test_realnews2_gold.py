"""The second real-news gold (bench/gold/realnews2) shares no article with the first and rebuilds its sentences
(its codes and quads are checked with the first set's in test_realnews_bench.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import realnews2  # noqa: E402
import realnews_corpus as rc  # noqa: E402

GOLD = [json.loads(line) for line in realnews2.GOLD.open(encoding="utf-8") if line.strip()]


def test_150_sentences_75_per_corpus_none_from_an_article_of_the_first_set():
    assert len({r["id"] for r in GOLD}) == len(GOLD) == 150
    assert sum(r["corpus"] == rc.BBC for r in GOLD) == sum(r["corpus"] == rc.REUTERS for r in GOLD) == 75
    first = realnews2.first_set_articles()
    assert len(first) == 172
    assert not [r["id"] for r in GOLD if (r["corpus"], r["doc"]) in first]


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
def test_offsets_rebuild_the_coded_sentences():
    for r in GOLD:
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        assert rc.text_hash(rec["text"]) == r["sha"], r["id"]
