#!/usr/bin/env python3
"""Held-out long-form check set: two long Iran–Russia analyses (2015–16) written and hand-coded for this bench.

bench/gold/longform2/ holds the articles (with a caption, a "(Recommended: …)" teaser and a paywall line
each, as real pages have) and events.jsonl in bench/own_gold's format, plus `cameo` (three digits) and `key`
per event. They were committed before the system was run on them. This is a check set: the coder's owner
does not read its sentence-level errors (`--errors` is for the gold's owner).
Scores: bench/own_gold.py's type / type+source / type+dyad F1 and flagged-not-fact share on this set, and
  key events found — key gold events matched by a factual stored event of the same PLOVER type in the same
  sentence, with the same source (type+source) and also the same target (type+dyad), actors by country
  (or IGO code) as own_gold compares them.
Usage: python bench/realnews_longform.py [--rules-only] [--errors]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import own_gold  # noqa: E402

ROOT = Path(__file__).resolve().parent / "gold" / "longform2"


def key_events(by_gold: dict, show: bool) -> dict:
    """Key gold events found at type+source and type+dyad, per article and in all."""
    per: dict[str, list[int]] = {}
    for line in (ROOT / "events.jsonl").open(encoding="utf-8"):
        g = json.loads(line)
        if not g.get("key"):
            continue
        evs = [e for e in by_gold.get((g["file"], g["sentence"]), []) if e["factual"] and e["plover"] == g["plover"]]
        src = any(e["source"] == g["source"] for e in evs)
        dyad = any(e["source"] == g["source"] and e["target"] == g["target"] for e in evs)
        c = per.setdefault(g["file"], [0, 0, 0])
        c[0] += 1
        c[1] += src
        c[2] += dyad
        if show and not dyad:
            got = ", ".join(f"{e['source']}->{e['target']}" for e in evs) or "nothing of that type"
            print(f"  KEY MISS [{g['file'][:10]}] {g['plover']} {g['source']}->{g['target']}: got {got}"
                  f"  | {g['sentence'][:110]}")
    return per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules-only", action="store_true", help="no sentence classifier")
    ap.add_argument("--errors", action="store_true", help="list misses (for the gold's owner: a check set)")
    args = ap.parse_args()
    own_gold.ROOT = ROOT
    facts, flags, order = own_gold.load_gold()
    by_gold = own_gold.align(own_gold.predictions(args.rules_only), order)
    res = own_gold.score(facts, flags, order, by_gold, args.errors)
    per = key_events(by_gold, args.errors)
    print(own_gold.summary("longform2", args.rules_only, facts, order, res))
    tot = [sum(c[i] for c in per.values()) for i in range(3)]
    for f, (n, s, d) in sorted(per.items()):
        print(f"  key events {f}: type+source {s}/{n}, type+dyad {d}/{n}")
    print(f"  key events all: type+source {tot[1]}/{tot[0]}, type+dyad {tot[2]}/{tot[0]}")


if __name__ == "__main__":
    main()
