"""The real-news bench's gold files are well formed and its scorer counts what it says it counts."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from realpolitik.events.codebook import cameo_codes, quad_of_root

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))
import realnews  # noqa: E402
import realnews_corpus as rc  # noqa: E402

SETS = {n: [json.loads(line) for line in realnews.gold_file(n).open(encoding="utf-8") if line.strip()]
        for n in sorted(realnews.SEEDS)}
GOLD = SETS[1]


@pytest.mark.parametrize("n", sorted(SETS))
def test_gold_codes_are_cameo_codes_and_quads_follow_the_first_factual_event(n):
    gold, codes = SETS[n], cameo_codes()
    for r in gold:
        for e in r["events"]:
            assert e["cameo"] in codes, (r["id"], e["cameo"])
            assert e["factual"] or e["modality"] in {"future", "hypothetical", "negated"}
        facts = [e for e in r["events"] if e["factual"]]
        want = 0 if not facts or facts[0]["cameo"].startswith("01") else quad_of_root(facts[0]["cameo"])
        assert r["quad"] == want, r["id"]


@pytest.mark.parametrize("n", sorted(SETS))
def test_gold_lines_hold_ids_offsets_and_shas_not_the_corpus_text(n):
    for r in SETS[n]:
        assert set(r) - {"note"} == {"id", "corpus", "doc", "start", "end", "sha", "quad", "events"}, r["id"]
        short = r["doc"].replace(".txt", "") if r["corpus"] == rc.BBC else r["doc"].rsplit("-", 1)[1]
        assert r["id"] == f"{'bbc' if r['corpus'] == rc.BBC else 'reu'}-{short}-{r['start']}"
        assert 0 <= r["start"] < r["end"] and len(r["sha"]) == 12 and int(r["sha"], 16) >= 0


def test_gold_ids_are_unique_and_both_corpora_are_half_the_sample():
    assert len({r["id"] for r in GOLD}) == len(GOLD) >= 160
    assert sum(r["corpus"] == rc.BBC for r in GOLD) == sum(r["corpus"] == rc.REUTERS for r in GOLD)


def _row(events, quad=0):
    return {"id": "x", "corpus": rc.BBC, "quad": quad, "events": events}


def _ev(code, src, tgt="", factual=True):
    return {"cameo": code, "source": src, "target": tgt, "factual": factual}


def test_scorer_levels_separate_root_country_and_exact_code():
    gold = [_row([_ev("111", "GBROPP", "GBRGOV")], quad=3)]
    pred = {"x": {"quad": 3, "events": [{"cameo": "112", "source": {"country": "GBR", "code": "GBROPP"},
                                         "target": {"country": "USA", "code": "USAGOV"}}]}}
    s = realnews.score(gold, pred)
    assert s["root"]["tp"] == 1 and s["root+src"]["tp"] == 1
    assert s["root+src+tgt"]["tp"] == 0 and s["code"]["tp"] == 0
    assert s["quad"] == 1.0


def test_unplaced_actor_matches_nothing_and_flagged_event_stored_as_fact_is_counted():
    gold = [_row([_ev("130", "GBROPP", "GBRGOV"), _ev("120", "GBROPP", "GBRGOV", factual=False)], quad=3)]
    pred = {"x": {"quad": 3, "events": [
        {"cameo": "130", "source": {"country": None, "code": "GOV"}, "target": None},
        {"cameo": "120", "source": {"country": "GBR", "code": "GBROPP"}, "target": None, "hypothetical": False}]}}
    s = realnews.score(gold, pred)
    assert s["root+src"]["tp"] == 0 and s["root"]["tp"] == 1 and s["root"]["fp"] == 1
    assert s["flagged_as_fact"] == (1, 1)


def test_empty_sentences_count_only_factual_system_events():
    gold = [_row([])]
    hypothetical = {"x": {"quad": 0, "events": [{"cameo": "190", "source": {"country": "RUS"}, "hypothetical": True}]}}
    assert realnews.score(gold, hypothetical)["empty_ok"] == (1, 1)
    factual = {"x": {"quad": 4, "events": [{"cameo": "190", "source": {"country": "RUS"}}]}}
    assert realnews.score(gold, factual)["empty_ok"] == (0, 1)


@pytest.mark.skipif(rc.shared_dir() is None, reason="../shared/corpora not present")
def test_gold_offsets_rebuild_the_coded_sentences():
    for r in GOLD:
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        assert rc.text_hash(rec["text"]) == r["sha"], r["id"]
