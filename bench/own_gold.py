#!/usr/bin/env python3
"""Event coding on our own held-out gold: two long analysis articles, hand-coded per sentence.

Ingests bench/own_gold/articles/*.md with the real pipeline (api.ingest) into a temporary DuckDB and
scores the stored events against bench/own_gold/events.jsonl, sentence by sentence, with the levels of
../shared/eval/score_events.py generalised to sentences with zero or several gold events:
  type         — each PLOVER type of the sentence's factual gold events is found (other types are FPs)
  type+source  — ... by an event whose source is one of the gold sources of that type (or any gold actor)
  type+dyad    — ... whose target also matches a gold target of that type (when gold names one)
Actors compare by country, or by actor code when an actor has no country (IGOs: IGONAT, IGOARL).
"flagged" gold lines name a type the sentence mentions only hypothetically or negated; the flag score is
the share of those the system did not store as a fact.
Usage: python bench/own_gold.py [--rules-only] [--errors]
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from paths import path_counts  # noqa: E402

ROOT = Path(__file__).resolve().parent / "own_gold"


def norm_text(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def load_gold() -> tuple[dict, dict, list]:
    """(file, sentence) -> list of gold events; -> flagged types; sentence order."""
    facts: dict[tuple[str, str], list[dict]] = defaultdict(list)
    flags: dict[tuple[str, str], set[str]] = defaultdict(set)
    order: list[tuple[str, str]] = []
    for line in (ROOT / "events.jsonl").open(encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        key = (r["file"], r["sentence"])
        if key not in order:
            order.append(key)
        if "plover" in r:
            facts[key].append(r)
        elif "flagged" in r:
            flags[key].add(r["flagged"])
    return facts, flags, order


def actor_key(country, code) -> str:
    if isinstance(country, str) and country:
        return country
    return code if isinstance(code, str) and code else ""


def predictions(rules_only: bool) -> dict[tuple[str, str], list[dict]]:
    """Stored events per system sentence, keyed (file name, sentence text)."""
    from realpolitik import api

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "own.duckdb"
        files = sorted(str(p) for p in (ROOT / "articles").glob("*.md"))
        api.ingest(files, db=db, progress=False, classifier=None if rules_only else "default")
        df = api.events(db, include_hypothetical=True)
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in df.to_dict("records"):
        out[(Path(r["doc_path"]).name, r["sentence"])].append({
            "plover": r["plover_type"] or "", "cameo": r["cameo_code"], "trigger": r["trigger"],
            "source": actor_key(r["source_country"], r["source_code"]),
            "target": actor_key(r["target_country"], r["target_code"]),
            "factual": not r["is_hypothetical"] and not r["is_negated"], "rule": r["rule"]})
    return out


def align(pred: dict, order: list) -> dict[tuple[str, str], list[dict]]:
    """System sentences -> the gold sentence they overlap (segmentation may differ slightly)."""
    by_gold: dict[tuple[str, str], list[dict]] = defaultdict(list)
    gold_norm = {k: norm_text(k[1]) for k in order}
    for (fname, sent), evs in pred.items():
        ns = norm_text(sent)
        cands = [k for k in order if k[0] == fname and (ns in gold_norm[k] or gold_norm[k] in ns)]
        if not cands:
            words = set(sent.lower().split())
            best = max((k for k in order if k[0] == fname),
                       key=lambda k: len(words & set(k[1].lower().split())), default=None)
            cands = [best] if best else []
        for k in cands[:1]:
            by_gold[k].extend(evs)
    return by_gold


def score(facts, flags, order, by_gold, show_errors: bool = False) -> dict:
    counts = {lvl: [0, 0, 0] for lvl in ("type", "type+source", "type+dyad")}
    flag_ok = flag_n = 0
    for key in order:
        gold = facts.get(key, [])
        evs = [e for e in by_gold.get(key, []) if e["factual"] and e["plover"]]
        gold_types = {g["plover"] for g in gold}
        pred_types = {e["plover"] for e in evs}
        actors = {a for g in gold for a in (g["source"], g["target"]) if a}
        errs = []
        for t in gold_types:
            srcs = {g["source"] for g in gold if g["plover"] == t} | actors
            tgts = {g["target"] for g in gold if g["plover"] == t and g["target"]}
            typed = [e for e in evs if e["plover"] == t]
            hits = {"type": bool(typed),
                    "type+source": any(e["source"] in srcs for e in typed),
                    "type+dyad": any(e["source"] in srcs and (not tgts or e["target"] in tgts | actors)
                                     for e in typed)}
            for lvl, hit in hits.items():
                c = counts[lvl]
                c[0] += hit
                c[2] += not hit
                c[1] += bool(typed) and not hit
            if not hits["type+dyad"]:
                errs.append(f"  MISS {t} gold {sorted(srcs)}->{sorted(tgts)}; got "
                            + ", ".join(f"{e['source']}->{e['target']}" for e in typed))
        for t in pred_types - gold_types:
            for c in counts.values():
                c[1] += 1
            errs.append(f"  FP   {t}: " + "; ".join(f"{e['source']}->{e['target']} [{e['trigger']}] {e['rule']}"
                                                  for e in evs if e["plover"] == t))
        for t in flags.get(key, set()) - gold_types:
            flag_n += 1
            flag_ok += t not in pred_types
            if t in pred_types:
                errs.append(f"  FLAG {t} stored as fact")
        if show_errors and errs:
            print(f"[{key[0][:10]}] {key[1][:150]}")
            print("\n".join(errs))
    out = {}
    for lvl, (tp, fp, fn) in counts.items():
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[lvl] = {"precision": round(p, 3), "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
    out["flagged"] = {"correct": flag_ok, "n": flag_n, "share": round(flag_ok / flag_n, 3) if flag_n else 0.0}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rules-only", action="store_true", help="no sentence classifier")
    ap.add_argument("--errors", action="store_true", help="list misses, false positives and flag errors")
    args = ap.parse_args()
    facts, flags, order = load_gold()
    pred = predictions(args.rules_only)
    res = score(facts, flags, order, align(pred, order), args.errors)
    print(summary("own gold", args.rules_only, facts, order, res))
    print(path_counts(e for evs in pred.values() for e in evs))


def summary(label: str, rules_only: bool, facts: dict, order: list, res: dict) -> str:
    """The one-line result of a run (also used by bench/realnews_longform.py)."""
    config = "rules" if rules_only else "rules+clf"
    n_ev = sum(len(v) for v in facts.values())
    return (f"{label} ({len(order)} sentences, {n_ev} gold events) [{config}]  " + "  ".join(
        f"{lvl} F1={res[lvl]['f1']:.3f} (P={res[lvl]['precision']:.3f} R={res[lvl]['recall']:.3f})"
        for lvl in ("type", "type+source", "type+dyad"))
        + f"  flagged not-fact {res['flagged']['correct']}/{res['flagged']['n']} = {res['flagged']['share']:.2f}")


if __name__ == "__main__":
    main()
