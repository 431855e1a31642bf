#!/usr/bin/env python3
"""Real-news bench, third set: 150 random BBC/Reuters sentences nobody has tuned on, CAMEO-coded by hand.

The same bench as bench/realnews.py (same sentence splitting, record rebuilding, scoring levels and output;
see its docstring) on bench/gold/realnews3/gold.jsonl: seed 20261203, 75 BBC politics + 75 Reuters-21578
articles, none of the articles of the first two sets (bench/gold/realnews/, bench/gold/realnews2/), one random
sentence each. The gold was committed before any system run on it (bench/gold/README.md). Its first look is
the out-of-sample figure; every later run is in-sample for whoever reads its errors.
Usage: python bench/realnews3.py [--errors {tune,check,all}] [--save PRED.jsonl] [--pred PRED.jsonl]
                                 [--rules-only]
       python bench/realnews3.py sample    (re-draw the sample; check the gold ids and every sentence's sha)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews  # noqa: E402
import realnews2  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "realnews3" / "gold.jsonl"
SEED, N_BBC, N_REUTERS = 20261203, 75, 75


def earlier_sets_articles() -> frozenset:
    """(corpus, doc) of every article of the first two sets, which this draw leaves out."""
    return frozenset((r["corpus"], r["doc"]) for g in (realnews.GOLD, realnews2.GOLD)
                     for r in (json.loads(x) for x in g.open(encoding="utf-8") if x.strip()))


def sample(nlp) -> list[dict]:
    return realnews.sample(nlp, seed=SEED, n_bbc=N_BBC, n_reuters=N_REUTERS, exclude=earlier_sets_articles())


if __name__ == "__main__":
    realnews.main(gold_path=GOLD, draw_sample=sample, doc=__doc__)
