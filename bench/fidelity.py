#!/usr/bin/env python3
"""Event-coding fidelity on the dev gold, scored with ../shared/eval's scorers.

Runs `realpolitik code --jsonl` logic over ../shared/gold/plover_gsr_dev.jsonl (PLOVER type,
type+source, type+dyad) and ../shared/gold/conflibert_quad_dev.jsonl (quad-class accuracy), in two
configurations measured in the same run:
  rules      — the dictionary/dependency coder alone (no learned component);
  rules+clf  — with the sentence classifier, CROSS-VALIDATED: for each of K folds the classifier is
               trained on the other folds only, so no sentence is coded by a model that saw it;
  +args      — with the learned argument model (events/arguments.py), cross-validated the same way
               (trained on the argument gold minus the fold: bench/train_arguments.py). The shipped
               coder is rules+clf (Coder.build keeps the argument model off unless asked for).
The shipped model is trained on all of the gold and is never scored here.

Every figure is reported on the whole gold and on its two halves, split once by a hash of the id:
  tune   — the half whose sentence-level errors developers may look at (`--errors` lists them);
  check  — the half nobody looks at: the figure that counts (hand rules and lexicons are fitted
           parameters; a rule written after reading a sentence's error makes that sentence in-sample).
Usage: python bench/fidelity.py [--folds 5] [--out DIR] [--only plover|quad] [--rules-only] [--no-args] [--errors]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from paths import path_counts  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PLOVER = SHARED / "gold" / "plover_gsr_dev.jsonl"
QUAD = SHARED / "gold" / "conflibert_quad_dev.jsonl"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def half(item_id: str) -> str:
    """'tune' or 'check', fixed by a hash of the id (the split never changes)."""
    return "tune" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def write_inputs(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({"id": r["id"], "text": r["text"], "date": r.get("date")}) + "\n")


def code_rows(rows: list[dict], out: Path, classifier, arguments=None) -> None:
    from realpolitik.api import code_jsonl
    from realpolitik.events.coder import Coder

    coder = Coder.build(classifier=classifier, arguments=arguments)
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        write_inputs(rows, inp)
        with out.open("a", encoding="utf-8") as dst:
            code_jsonl(inp, dst, coder=coder)


_ARG_EXAMPLES: list = []


def argument_model(held_ids: set[str]):
    """An argument model trained on the argument gold minus the held-out sentences (decoder thresholds
    are the shipped model's, fitted by bench/train_arguments.py under cross-validation on all of it)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import train_arguments as ta
    from realpolitik.events.arguments import DECODE_DEFAULTS, load_default

    if not _ARG_EXAMPLES:
        _ARG_EXAMPLES.extend(ta.build_examples(SHARED, log=lambda *a: None))
    shipped = load_default()
    params = shipped.decode_params if shipped is not None else DECODE_DEFAULTS
    return ta.train_model([e for e in _ARG_EXAMPLES if e.id not in held_ids], params)


def folds(rows: list[dict], k: int, seed: int = 13) -> list[list[dict]]:
    rows = rows[:]
    random.Random(seed).shuffle(rows)
    return [rows[i::k] for i in range(k)]


def cross_validated(task: str, rows: list[dict], other: list[dict], k: int, out: Path, *, clf: bool = True,
                    args: bool = False) -> None:
    """Code each fold with a classifier (and/or argument model) trained on the other folds (+ all of the
    other task's data)."""
    from realpolitik.events.classifier import SentenceClassifier

    parts = folds(rows, k)
    for i, held in enumerate(parts):
        train = [r for j, p in enumerate(parts) if j != i for r in p]
        arguments = argument_model({r["id"] for r in held}) if args else None
        if not clf:
            code_rows(held, out, None, arguments)
            continue
        if task == "plover":
            model = SentenceClassifier.train([r["text"] for r in train], [r["event"] for r in train],
                                             [r["text"] for r in other], [r["label"] for r in other])
        else:
            model = SentenceClassifier.train([r["text"] for r in other], [r["event"] for r in other],
                                             [r["text"] for r in train], [r["label"] for r in train])
        code_rows(held, out, model, arguments)


def score(scorer: str, gold: Path, pred: Path) -> dict:
    res = subprocess.run([sys.executable, str(SHARED / "eval" / scorer), str(gold), str(pred), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(res.stdout)


def score_halves(scorer: str, rows: list[dict], gold: Path, pred: Path, out_dir: Path) -> dict[str, dict]:
    """Scores on all of the gold and on its tune and check halves (the scorer ignores ids it is not given)."""
    out = {"all": score(scorer, gold, pred)}
    for name in ("tune", "check"):
        sub = out_dir / f"{gold.stem}.{name}.jsonl"
        with sub.open("w", encoding="utf-8") as f:
            for r in rows:
                if half(r["id"]) == name:
                    f.write(json.dumps(r) + "\n")
        out[name] = score(scorer, sub, pred)
    return out


def tune_errors(rows: list[dict], pred: Path) -> None:
    """Sentence-level differences on the TUNE half only (never print the check half's)."""
    preds = {r["id"]: r for r in load(pred)}
    for g in rows:
        if half(g["id"]) != "tune":
            continue
        p = preds.get(g["id"], {})
        evs = [e for e in p.get("events", []) if not e.get("hypothetical") and not e.get("negated") and e.get("plover")]
        if "event" in g:
            got = {(e["plover"], (e.get("source") or {}).get("country"), (e.get("target") or {}).get("country"))
                   for e in evs}
            want = (g["event"], [a["country"] for a in g["source"]], [a["country"] for a in g["target"]])
            if not any(t == g["event"] for t, _, _ in got) or not got:
                print(f"[tune] {g['id']}: gold {want} got {sorted(got, key=str)}\n    {g['text']}")
        elif p.get("quad") != g.get("label"):
            print(f"[tune] {g['id']}: gold quad {g['label']} got {p.get('quad')}\n    {g['text']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="keep prediction files here")
    ap.add_argument("--only", choices=["plover", "quad"], default=None)
    ap.add_argument("--rules-only", action="store_true", help="skip the cross-validated classifier runs")
    ap.add_argument("--errors", action="store_true", help="list sentence-level errors of the tune half only")
    ap.add_argument("--no-args", action="store_true", help="skip the runs with the cross-validated argument model")
    args = ap.parse_args()
    if not PLOVER.exists():
        sys.exit(f"gold data not found at {PLOVER} (../shared beside the repo)")
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="rp-fidelity-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    plover, quad = load(PLOVER), load(QUAD)
    results: dict[str, dict] = {}
    configs = ["rules"] + ([] if args.no_args else ["rules+args(cv)"])
    if not args.rules_only:
        configs += ["rules+clf(cv)"] + ([] if args.no_args else ["rules+clf+args(cv)"])
    for config in configs:
        for task, rows, gold, scorer in (("plover", plover, PLOVER, "score_events.py"),
                                         ("quad", quad, QUAD, "score_quad.py")):
            if args.only and task != args.only:
                continue
            pred = out_dir / f"{task}-{config.replace('+', '_').replace('(cv)', '_cv')}.jsonl"
            pred.unlink(missing_ok=True)
            t0 = time.perf_counter()
            if config == "rules":
                code_rows(rows, pred, None)
            else:
                cross_validated(task, rows, quad if task == "plover" else plover, args.folds, pred,
                                clf="clf" in config, args="args" in config)
            secs = time.perf_counter() - t0
            results[f"{task}/{config}"] = {"scores": score_halves(scorer, rows, gold, pred, out_dir),
                                           "seconds": round(secs, 1),
                                           "paths": path_counts(e for r in load(pred) for e in r.get("events", []))}
            if args.errors:
                tune_errors(rows, pred)
    print(f"predictions in {out_dir}")
    for key, val in results.items():
        task, config = key.split("/")
        for part, s in val["scores"].items():
            if task == "plover":
                line = "  ".join(f"{lvl} F1={s[lvl]['f1']:.3f} (P={s[lvl]['precision']:.3f} R={s[lvl]['recall']:.3f})"
                                 for lvl in ("type", "type+source", "type+dyad"))
                print(f"PLOVER {part:5} [{config}] {line}  [{val['seconds']}s]")
                if part == "all":
                    print(f"PLOVER       [{config}] {val['paths']}")
            else:
                print(f"quad   {part:5} [{config}] n={s['n']} accuracy={s['accuracy']:.3f} "
                      f"macro-F1={s['macro_f1']:.3f}  [{val['seconds']}s]")
                if part == "all":
                    print(f"quad         [{config}] {val['paths']}")


if __name__ == "__main__":
    main()
