#!/usr/bin/env python3
"""Real-news bench, second set: 150 random BBC/Reuters sentences nobody has tuned on, CAMEO-coded by hand.

The same bench as bench/realnews.py (same sentence splitting, record rebuilding, scoring levels and output;
see its docstring) on bench/gold/realnews2/gold.jsonl: seed 20261202, 75 BBC politics + 75 Reuters-21578
articles, none of the articles of the first set (bench/gold/realnews/gold.jsonl), one random sentence each.
The gold was committed before any system run on it (bench/gold/README.md). Its first look is the
out-of-sample figure; every later run is in-sample for whoever reads its errors.
Usage: python bench/realnews2.py [--errors {tune,check,all}] [--save PRED.jsonl] [--pred PRED.jsonl]
                                 [--rules-only]
       python bench/realnews2.py sample    (re-draw the sample; check the gold ids and every sentence's sha)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "realnews2" / "gold.jsonl"
SEED, N_BBC, N_REUTERS = 20261202, 75, 75


def first_set_articles() -> frozenset:
    """(corpus, doc) of every article of the first set, which this draw leaves out."""
    return frozenset((r["corpus"], r["doc"]) for r in (json.loads(x) for x in
                     realnews.GOLD.open(encoding="utf-8") if x.strip()))


def sample(nlp) -> list[dict]:
    return realnews.sample(nlp, seed=SEED, n_bbc=N_BBC, n_reuters=N_REUTERS, exclude=first_set_articles())


if __name__ == "__main__":
    realnews.main(gold_path=GOLD, draw_sample=sample, doc=__doc__)
