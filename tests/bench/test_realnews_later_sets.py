"""The real-news gold sets 1-6 are drawn by one parametrized entry (`bench/realnews.py --set N`): each later set
(bench/gold/realnews2-6) shares no article with the sets before it where the pool allowed (realnews4 none with
the judged event sheets either; realnews5 no Reuters story of them and none of their sentences; realnews6 the
same for all seven sheets, and its BBC half reuses earlier sets' articles by sentence only), every set's draw
re-draws from its seed, and the offsets rebuild the coded sentences (codes and quads are checked in
test_realnews_bench.py)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import realnews  # noqa: E402
import realnews_corpus as rc  # noqa: E402

SETS = sorted(realnews.SEEDS)


def _gold(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _articles(*paths: Path) -> set:
    return {(r["corpus"], r["doc"]) for p in paths for r in _gold(p)}


def _before(n: int) -> tuple[Path, ...]:
    return tuple(realnews.gold_file(k) for k in range(1, n))


def test_one_entry_names_six_sets_with_their_seeds_and_gold_files():
    assert realnews.SEEDS == {1: 20261201, 2: 20261202, 3: 20261203, 4: 20261204, 5: 20261205, 6: 20261207}
    assert realnews.gold_file(1) == BENCH / "gold" / "realnews" / "gold.jsonl" == realnews.GOLD
    assert all(realnews.gold_file(n) == BENCH / "gold" / f"realnews{n}" / "gold.jsonl" for n in SETS[1:])
    # No per-set wrapper scripts: the sets differ only by set_args.
    assert not [p.name for p in BENCH.glob("realnews[0-9].py")]
    assert all(realnews.set_sample(n).func is realnews.sample for n in SETS)
    with pytest.raises(ValueError):
        realnews.set_args(7)


@pytest.mark.parametrize("n", SETS)
def test_every_set_has_unique_ids_one_sentence_per_article_and_both_corpora_in_halves(n):
    gold = _gold(realnews.gold_file(n))
    size = 172 if n == 1 else 150
    assert len({r["id"] for r in gold}) == len({r["doc"] for r in gold}) == len(gold) == size
    assert sum(r["corpus"] == rc.BBC for r in gold) == sum(r["corpus"] == rc.REUTERS for r in gold) == size // 2


@pytest.mark.parametrize("n", SETS[1:5])
def test_sets_2_to_5_use_no_article_of_an_earlier_set(n):
    gold = _gold(realnews.gold_file(n))
    before = _articles(*_before(n))
    assert not [r["id"] for r in gold if (r["corpus"], r["doc"]) in before]
    assert _articles(*_before(n)) <= realnews.set_args(n)["exclude"]


def test_the_draws_exclude_exactly_the_earlier_sets_articles():
    assert realnews.set_args(2)["exclude"] == _articles(realnews.GOLD) and len(_articles(realnews.GOLD)) == 172
    assert realnews.set_args(3)["exclude"] == _articles(*_before(3)) and len(_articles(*_before(3))) == 322
    assert realnews.set_args(4)["exclude"] == _articles(*_before(4)) | realnews.articles_of(*realnews.SHEETS_4)
    assert not realnews.set_args(4)["skip"] and not realnews.set_args(5)["reuse"]


def test_judged_sheets_name_their_articles_by_corpus_and_the_fourth_set_uses_none_of_them():
    judged = realnews.articles_of(*realnews.SHEETS_4)
    # Sheets carry only `doc`: a BBC file name or a Reuters record id, both placed in their corpus.
    assert ("bbc_politics", "198.txt") in judged and ("reuters21578", "reuters21578-21568") in judged
    assert {c for c, _ in judged} == {rc.BBC, rc.REUTERS} and len(judged) > 150
    assert not judged & _articles(realnews.gold_file(4))


def _judged_sentences(*sheets: Path) -> set:
    return {(r["doc"], r["sentence_sha"]) for p in sheets for r in _gold(p)}


def test_the_fifth_set_uses_no_judged_reuters_story_and_no_judged_sentence():
    assert set(realnews.SHEETS_4) < set(realnews.SHEETS_5) and len(realnews.SHEETS_5) == 5
    gold = _gold(realnews.gold_file(5))
    judged = realnews.articles_of(*realnews.SHEETS_5)
    assert not [r["id"] for r in gold if r["corpus"] == rc.REUTERS and (r["corpus"], r["doc"]) in judged]
    assert not {(r["doc"], r["sha"]) for r in gold} & _judged_sentences(*realnews.SHEETS_5)
    assert realnews.set_args(5)["skip"] == _judged_sentences(*realnews.SHEETS_5)
    # Its BBC files come from the articles no set used, judged ones included (too few are left otherwise).
    assert [r for r in gold if r["corpus"] == rc.BBC and (r["corpus"], r["doc"]) in judged]


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
def test_a_judged_sentence_is_never_drawn_but_the_rest_of_its_article_is(nlp, monkeypatch):
    doc = "219.txt"  # a BBC file of the fifth draw with a judged sentence in it
    skip = frozenset(s for s in _judged_sentences(*realnews.SHEETS_5) if s[0] == doc)
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


# --- realnews6: the BBC pool ran short, so the earlier sets' articles were reused sentence by sentence ---

def test_the_sixth_set_leaves_out_all_seven_judged_sheets_and_every_earlier_sentence():
    assert realnews.SHEETS_6[:5] == realnews.SHEETS_5 and len(realnews.SHEETS_6) == 7
    assert all(p.exists() and not p.name.startswith("actors") for p in realnews.SHEETS_6)
    args = realnews.set_args(6)
    assert args["reuse"] == _articles(*_before(6))
    assert args["skip"] == realnews.sentences_of(*_before(6)) | _judged_sentences(*realnews.SHEETS_6)


def test_the_sixth_set_takes_every_unused_bbc_file_and_reuses_earlier_articles_only_by_sentence():
    gold = _gold(realnews.gold_file(6))
    earlier = _articles(*_before(6))
    judged = realnews.articles_of(*realnews.SHEETS_6)
    # Reuters: no article of any set or judged sheet.
    assert not [r["id"] for r in gold if r["corpus"] == rc.REUTERS and ((r["corpus"], r["doc"]) in earlier
                                                                       or (r["corpus"], r["doc"]) in judged)]
    # BBC: the 31 files no set used are all in; the other 44 come from earlier sets' articles.
    fresh = [r for r in gold if r["corpus"] == rc.BBC and (r["corpus"], r["doc"]) not in earlier]
    assert len(fresh) == 31 and len({d for c, d in earlier if c == rc.BBC}) == 386
    # No sentence of an earlier set or of a judged sheet.
    assert not {(r["doc"], r["sha"]) for r in gold} & realnews.sentences_of(*_before(6), *realnews.SHEETS_6)


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
    # Reuters had enough fresh stories: no reuse there.
    r = [d for c, d in drawn if c == rc.REUTERS]
    assert "reuters21578-1" not in r and len(r) == 3
    # A pool that is not short draws exactly as without `reuse` (the earlier sets re-draw unchanged).
    assert rc.draw(7, 2, 3, used, reuse=used) == rc.draw(7, 2, 3, used)


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
@pytest.mark.parametrize("n", SETS)
def test_every_sets_articles_re_draw_from_its_seed_in_gold_order(n):
    a = realnews.set_args(n)
    drawn = rc.draw(a["seed"], a["n_bbc"], a["n_reuters"], a.get("exclude", frozenset()),
                    a.get("reuse", frozenset()))
    assert drawn == [(r["corpus"], r["doc"]) for r in _gold(realnews.gold_file(n))]


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
@pytest.mark.parametrize("n", SETS)
def test_offsets_rebuild_the_coded_sentences(n):
    for r in _gold(realnews.gold_file(n)):
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        assert rc.text_hash(rec["text"]) == r["sha"], r["id"]


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
@pytest.mark.parametrize("n", SETS)
def test_every_sets_first_sentences_re_draw_from_its_seed(n, nlp, monkeypatch):
    # The sentence choice runs through the articles in order, so the first two articles give the first two
    # sentences (`python bench/realnews.py sample` re-draws all of them).
    gold = _gold(realnews.gold_file(n))
    draw = rc.draw
    monkeypatch.setattr(rc, "draw", lambda *a: draw(*a)[:2])
    drawn = realnews.set_sample(n)(nlp)
    assert [(d["id"], d["start"], d["end"]) for d in drawn] == [(r["id"], r["start"], r["end"]) for r in gold[:2]]
