"""Trigger matcher on the dev gold: sentence-level PLOVER type P/R/F1 and quad accuracy.

Usage: python bench/triggers_dev.py [--shared ../shared] [--show N]
Two policies per sentence: "all" emits every match, "main" only the match on the root verb or the
one nearest to it. The baseline in the same run is "nothing coded" (quad 0, no PLOVER type).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from realpolitik.events.codebook import cameo
from realpolitik.events.triggers import TriggerMatch, match_sentence
from realpolitik.nlp import load_nlp

# ConfliBERT labels: 0 statement/appeal (01-02), 1 verbal coop (03-05), 2 material coop (06-08),
# 3 verbal conflict (09-13), 4 material conflict (14-20).
ROOT_TO_LABEL = {**{r: 0 for r in (1, 2)}, **{r: 1 for r in (3, 4, 5)}, **{r: 2 for r in (6, 7, 8)},
                 **{r: 3 for r in range(9, 14)}, **{r: 4 for r in range(14, 21)}}


def main_match(doc, matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """The match on the sentence root, else the one nearest to it in the tree, then in the text."""
    if not matches:
        return []
    root = next(iter(doc.sents)).root

    def depth(i: int) -> int:
        tok, d = doc[i], 0
        while tok.i != tok.head.i and tok.i != root.i:
            tok, d = tok.head, d + 1
        return d

    return [min(matches, key=lambda m: (depth(m.head), abs(m.head - root.i)))]


def plover_of(ms: list[TriggerMatch]) -> set[str]:
    return {p for p in (cameo(m.cameo).plover for m in ms) if p}


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def run(shared: Path, show: int) -> None:
    nlp = load_nlp()
    plover = [json.loads(ln) for ln in open(shared / "gold/plover_gsr_dev.jsonl", encoding="utf-8")]
    quad = [json.loads(ln) for ln in open(shared / "gold/conflibert_quad_dev.jsonl", encoding="utf-8")]
    counts = {k: [0, 0, 0] for k in ("all", "main")}
    misses: list[str] = []
    for row, doc in zip(plover, nlp.pipe(r["text"] for r in plover)):
        ms = match_sentence(doc[:])
        for pol, sel in (("all", ms), ("main", main_match(doc, ms))):
            types = plover_of(sel)
            hit = row["event"] in types
            c = counts[pol]
            c[0] += hit
            c[1] += len(types - {row["event"]})
            c[2] += not hit
            if pol == "main" and not hit:
                misses.append(f"{row['event']:9} got {sorted(types)} {[m.rule for m in sel]} | {row['text'][:110]}")
    qcorrect = Counter()
    confusion = [[0] * 5 for _ in range(5)]
    for row, doc in zip(quad, nlp.pipe(r["text"] for r in quad)):
        ms = match_sentence(doc[:])
        for pol, sel in (("all", ms), ("main", main_match(doc, ms))):
            pred = ROOT_TO_LABEL[int(sel[0].cameo[:2])] if sel else 0
            qcorrect[pol] += pred == row["label"]
            if pol == "main":
                confusion[row["label"]][pred] += 1
        qcorrect["baseline"] += row["label"] == 0
    for line in misses[:show]:
        print(line)
    print("\nquad confusion (rows gold 0-4, cols predicted, policy main):")
    for k, r in enumerate(confusion):
        print(f"  {k}: {r}")
    print(f"\nPLOVER dev ({len(plover)} sentences) — sentence-level type")
    for pol, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        print(f"  {pol:5} P={p:.3f} R={r:.3f} F1={f:.3f} (tp={tp} fp={fp} fn={fn})")
    print("  baseline (nothing coded) P=0.000 R=0.000 F1=0.000")
    print(f"ConfliBERT quad dev ({len(quad)} sentences) — accuracy")
    for pol in ("all", "main", "baseline"):
        print(f"  {pol:8} {qcorrect[pol] / len(quad):.3f}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared")
    ap.add_argument("--show", type=int, default=0, help="print the first N PLOVER misses (policy main)")
    args = ap.parse_args()
    run(args.shared, args.show)
