"""The later real-news gold sets (bench/gold/realnews2, realnews3) share no article with the sets before them and
rebuild their sentences (their codes and quads are checked with the first set's in test_realnews_bench.py)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import realnews  # noqa: E402
import realnews2  # noqa: E402
import realnews3  # noqa: E402
import realnews_corpus as rc  # noqa: E402


def _gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _articles(*paths: Path) -> set:
    return {(r["corpus"], r["doc"]) for p in paths for r in _gold(p)}


SETS = {"realnews2": (realnews2.GOLD, (realnews.GOLD,)), "realnews3": (realnews3.GOLD, (realnews.GOLD, realnews2.GOLD))}


@pytest.mark.parametrize("name", sorted(SETS))
def test_150_sentences_75_per_corpus_none_from_an_article_of_an_earlier_set(name):
    path, earlier = SETS[name]
    gold = _gold(path)
    assert len({r["id"] for r in gold}) == len(gold) == 150
    assert sum(r["corpus"] == rc.BBC for r in gold) == sum(r["corpus"] == rc.REUTERS for r in gold) == 75
    before = _articles(*earlier)
    assert not [r["id"] for r in gold if (r["corpus"], r["doc"]) in before]


def test_the_benches_exclude_exactly_the_earlier_sets_articles():
    assert realnews2.first_set_articles() == _articles(realnews.GOLD) and len(_articles(realnews.GOLD)) == 172
    assert realnews3.earlier_sets_articles() == _articles(realnews.GOLD, realnews2.GOLD)
    assert len(realnews3.earlier_sets_articles()) == 322


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
@pytest.mark.parametrize("name", sorted(SETS))
def test_offsets_rebuild_the_coded_sentences(name):
    for r in _gold(SETS[name][0]):
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        assert rc.text_hash(rec["text"]) == r["sha"], r["id"]
