#!/usr/bin/env python3
"""Real-news bench, fifth set: 150 random BBC/Reuters sentences nobody has tuned on, CAMEO-coded by hand.

The same bench as bench/realnews.py (same sentence splitting, record rebuilding, scoring levels and output;
see its docstring) on bench/gold/realnews5/gold.jsonl: seed 20261205, 75 BBC politics + 75 Reuters-21578
articles, none of the articles of the first four sets (bench/gold/realnews/ .. realnews4/), no Reuters story
that supplied an event judged by hand in bench/gold/judged/ (the `doc` of every judged event sheet), and none
of the judged sentences themselves, one random sentence each. BBC articles that supplied a judged event stay
in the pool (only 43 BBC files are in no set and no sheet: too few for 75) with their judged sentences left
out by sha (`realnews.later_set(..., sheets_by_sentence=)`). The gold was committed before any system run on
it (bench/gold/README.md). Its first look is the out-of-sample figure; every later run is in-sample for whoever
reads its errors.
Usage: python bench/realnews5.py [--errors {tune,check,all}] [--save PRED.jsonl] [--pred PRED.jsonl]
                                 [--rules-only]
       python bench/realnews5.py sample    (re-draw the sample; check the gold ids and every sentence's sha)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews  # noqa: E402
import realnews2  # noqa: E402
import realnews3  # noqa: E402
import realnews4  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "realnews5" / "gold.jsonl"
SEED, SETS = 20261205, (realnews.GOLD, realnews2.GOLD, realnews3.GOLD, realnews4.GOLD)
# Every judged event sheet made before this set (the actor sheets name no article).
JUDGED = realnews4.JUDGED + (HERE / "gold" / "judged" / "final-6397c24.jsonl",)
sample = realnews.later_set(SEED, SETS, sheets_by_sentence=JUDGED)

if __name__ == "__main__":
    realnews.main(gold_path=GOLD, draw_sample=sample, doc=__doc__)
