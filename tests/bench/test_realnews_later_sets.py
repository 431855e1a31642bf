"""The later real-news gold sets (bench/gold/realnews2-5) share no article with the sets before them (realnews4
none with the judged event sheets either; realnews5 no Reuters story of them and none of their sentences), are
drawn by one shared function, and rebuild their sentences (their codes and quads are checked with the first
set's in test_realnews_bench.py)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import realnews  # noqa: E402
import realnews2  # noqa: E402
import realnews3  # noqa: E402
import realnews4  # noqa: E402
import realnews5  # noqa: E402
import realnews_corpus as rc  # noqa: E402


def _gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _articles(*paths: Path) -> set:
    return {(r["corpus"], r["doc"]) for p in paths for r in _gold(p)}


SETS = {"realnews2": (realnews2.GOLD, (realnews.GOLD,)),
        "realnews3": (realnews3.GOLD, (realnews.GOLD, realnews2.GOLD)),
        "realnews4": (realnews4.GOLD, (realnews.GOLD, realnews2.GOLD, realnews3.GOLD)),
        "realnews5": (realnews5.GOLD, (realnews.GOLD, realnews2.GOLD, realnews3.GOLD, realnews4.GOLD))}


@pytest.mark.parametrize("name", sorted(SETS))
def test_150_sentences_75_per_corpus_none_from_an_article_of_an_earlier_set(name):
    path, earlier = SETS[name]
    gold = _gold(path)
    assert len({r["id"] for r in gold}) == len(gold) == 150
    assert sum(r["corpus"] == rc.BBC for r in gold) == sum(r["corpus"] == rc.REUTERS for r in gold) == 75
    before = _articles(*earlier)
    assert not [r["id"] for r in gold if (r["corpus"], r["doc"]) in before]


def test_the_benches_exclude_exactly_the_earlier_sets_articles():
    assert realnews2.EARLIER == (realnews.GOLD,) and len(realnews.articles_of(*realnews2.EARLIER)) == 172
    assert realnews.articles_of(*realnews3.EARLIER) == _articles(realnews.GOLD, realnews2.GOLD)
    assert len(realnews.articles_of(*realnews3.EARLIER)) == 322
    assert realnews4.EARLIER[:3] == (realnews.GOLD, realnews2.GOLD, realnews3.GOLD)


def test_judged_sheets_name_their_articles_by_corpus_and_the_fourth_set_uses_none_of_them():
    judged = realnews.articles_of(*realnews4.JUDGED)
    # Sheets carry only `doc`: a BBC file name or a Reuters record id, both placed in their corpus.
    assert ("bbc_politics", "198.txt") in judged and ("reuters21578", "reuters21578-21568") in judged
    assert {c for c, _ in judged} == {rc.BBC, rc.REUTERS} and len(judged) > 150
    assert not judged & _articles(realnews4.GOLD)
    assert realnews.articles_of(*realnews4.EARLIER) == judged | _articles(*SETS["realnews4"][1])


def test_the_later_sets_share_one_draw():
    # One seeded draw function, parametrised by seed and earlier sets (no copy per set).
    assert realnews2.sample.__code__ is realnews3.sample.__code__ is realnews4.sample.__code__
    assert realnews5.sample.__code__ is realnews4.sample.__code__
    assert (realnews2.SEED, realnews3.SEED, realnews4.SEED, realnews5.SEED) == (20261202, 20261203, 20261204,
                                                                                 20261205)


def _judged_sentences(*sheets: Path) -> set:
    return {(r["doc"], r["sentence_sha"]) for p in sheets for r in _gold(p)}


def test_the_fifth_set_uses_no_judged_reuters_story_and_no_judged_sentence():
    assert set(realnews4.JUDGED) < set(realnews5.JUDGED) and len(realnews5.JUDGED) == 5
    gold = _gold(realnews5.GOLD)
    judged = realnews.articles_of(*realnews5.JUDGED)
    assert not [r["id"] for r in gold if r["corpus"] == rc.REUTERS and (r["corpus"], r["doc"]) in judged]
    assert not {(r["doc"], r["sha"]) for r in gold} & _judged_sentences(*realnews5.JUDGED)
    # Its BBC files come from the articles no set used, judged ones included (too few are left otherwise).
    assert [r for r in gold if r["corpus"] == rc.BBC and (r["corpus"], r["doc"]) in judged]


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
def test_a_judged_sentence_is_never_drawn_but_the_rest_of_its_article_is(nlp, monkeypatch):
    doc = "219.txt"  # a BBC file of the fifth draw with a judged sentence in it
    skip = frozenset(s for s in _judged_sentences(*realnews5.JUDGED) if s[0] == doc)
    a = rc.article(rc.BBC, doc)
    spans = rc.split_sentences(nlp, a["text"], a["body_start"])
    shas = [rc.text_hash(a["text"][st:en]) for st, en in spans]
    judged_at = next(i for i, h in enumerate(shas) if (doc, h) in skip)
    seed = next(s for s in range(10_000) if random.Random(s).randrange(len(spans)) == judged_at)
    monkeypatch.setattr(rc, "draw", lambda *_: [(rc.BBC, doc)])
    plain = realnews.sample(nlp, seed=seed, n_bbc=1, n_reuters=0)
    assert (plain[0]["start"], plain[0]["end"]) == spans[judged_at]  # the seed would draw the judged sentence
    kept = realnews.sample(nlp, seed=seed, n_bbc=1, n_reuters=0, skip=skip)
    assert (kept[0]["start"], kept[0]["end"]) in spans and (kept[0]["start"], kept[0]["end"]) != spans[judged_at]


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
@pytest.mark.parametrize("name", sorted(SETS))
def test_offsets_rebuild_the_coded_sentences(name):
    for r in _gold(SETS[name][0]):
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        assert rc.text_hash(rec["text"]) == r["sha"], r["id"]


# --- realnews6: the BBC pool ran short, so the earlier sets' articles were reused sentence by sentence ---

GOLD6 = realnews.gold_file(6)
BEFORE6 = tuple(realnews.gold_file(k) for k in range(1, 6))


def test_the_sixth_set_is_drawn_with_its_seed_from_the_five_sets_and_all_seven_judged_sheets():
    assert realnews.SEEDS[6] == 20261207 and GOLD6 == BENCH / "gold" / "realnews6" / "gold.jsonl"
    assert realnews.SHEETS_6[:5] == realnews5.JUDGED and len(realnews.SHEETS_6) == 7
    assert all(p.exists() and not p.name.startswith("actors") for p in realnews.SHEETS_6)
    assert realnews.set_sample(6).__code__ is realnews4.sample.__code__


def test_the_sixth_set_takes_every_unused_bbc_file_and_reuses_earlier_articles_only_by_sentence():
    gold = _gold(GOLD6)
    assert len({r["id"] for r in gold}) == len(gold) == 150 and len({r["doc"] for r in gold}) == 150
    assert sum(r["corpus"] == rc.BBC for r in gold) == sum(r["corpus"] == rc.REUTERS for r in gold) == 75
    earlier = _articles(*BEFORE6)
    judged = realnews.articles_of(*realnews.SHEETS_6)
    # Reuters: no article of any set or judged sheet.
    assert not [r["id"] for r in gold if r["corpus"] == rc.REUTERS and ((r["corpus"], r["doc"]) in earlier
                                                                       or (r["corpus"], r["doc"]) in judged)]
    # BBC: the 31 files no set used are all in; the other 44 come from earlier sets' articles.
    fresh = [r for r in gold if r["corpus"] == rc.BBC and (r["corpus"], r["doc"]) not in earlier]
    assert len(fresh) == 31 and len({d for c, d in earlier if c == rc.BBC}) == 386
    # No sentence of an earlier set or of a judged sheet.
    assert not {(r["doc"], r["sha"]) for r in gold} & realnews.sentences_of(*BEFORE6, *realnews.SHEETS_6)


def test_a_short_pool_takes_all_its_fresh_articles_then_fills_from_reuse(monkeypatch):
    bbc = {f"{i:03d}.txt": {} for i in range(1, 11)}
    reu = {f"reuters21578-{i}": {} for i in range(1, 21)}
    monkeypatch.setattr(rc, "bbc_articles", lambda: bbc)
    monkeypatch.setattr(rc, "reuters_stories", lambda: reu)
    used = frozenset((rc.BBC, f"{i:03d}.txt") for i in range(1, 9)) | {(rc.REUTERS, "reuters21578-1")}
    with pytest.raises(ValueError):  # two fresh BBC files cannot give four
        rc.draw(7, 4, 3, used)
    drawn = rc.draw(7, 4, 3, used, reuse=used)
    b = [d for c, d in drawn if c == rc.BBC]
    assert len(b) == len(set(b)) == 4 and {"009.txt", "010.txt"} <= set(b)
    # Reuters had enough fresh stories: no reuse there, and the draw is the plain one.
    r = [d for c, d in drawn if c == rc.REUTERS]
    assert "reuters21578-1" not in r and len(r) == 3
    # A pool that is not short draws exactly as without `reuse` (the earlier sets re-draw unchanged).
    assert rc.draw(7, 2, 3, used, reuse=used) == rc.draw(7, 2, 3, used)


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
def test_offsets_rebuild_the_sixth_sets_sentences():
    for r in _gold(GOLD6):
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        assert rc.text_hash(rec["text"]) == r["sha"], r["id"]
