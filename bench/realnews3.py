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

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews  # noqa: E402
import realnews2  # noqa: E402

GOLD = Path(__file__).resolve().parent / "gold" / "realnews3" / "gold.jsonl"
SEED, EARLIER = 20261203, (realnews.GOLD, realnews2.GOLD)
sample = realnews.later_set(SEED, EARLIER)

if __name__ == "__main__":
    realnews.main(gold_path=GOLD, draw_sample=sample, doc=__doc__)
