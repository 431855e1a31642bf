#!/usr/bin/env python3
"""Real-news bench, fourth set: 150 random BBC/Reuters sentences nobody has tuned on, CAMEO-coded by hand.

The same bench as bench/realnews.py (same sentence splitting, record rebuilding, scoring levels and output;
see its docstring) on bench/gold/realnews4/gold.jsonl: seed 20261204, 75 BBC politics + 75 Reuters-21578
articles, none of the articles of the first three sets (bench/gold/realnews/, realnews2/, realnews3/) nor of
the events judged by hand in bench/gold/judged/ (the `doc` of every judged event sheet), one random sentence
each. The gold was committed before any system run on it (bench/gold/README.md). Its first look is the
out-of-sample figure; every later run is in-sample for whoever reads its errors.
Usage: python bench/realnews4.py [--errors {tune,check,all}] [--save PRED.jsonl] [--pred PRED.jsonl]
                                 [--rules-only]
       python bench/realnews4.py sample    (re-draw the sample; check the gold ids and every sentence's sha)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews  # noqa: E402
import realnews2  # noqa: E402
import realnews3  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "realnews4" / "gold.jsonl"
# The judged event sheets made before this set (the actor sheets name no article).
JUDGED = tuple(HERE / "gold" / "judged" / f for f in ("baseline-4461bb9.jsonl", "final-1718594.jsonl",
                                                      "final-9fbd8be.jsonl", "final-946bcb9.jsonl"))
SEED, EARLIER = 20261204, (realnews.GOLD, realnews2.GOLD, realnews3.GOLD) + JUDGED
sample = realnews.later_set(SEED, EARLIER)

if __name__ == "__main__":
    realnews.main(gold_path=GOLD, draw_sample=sample, doc=__doc__)
