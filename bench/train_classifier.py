"""Cross-validate the sentence classifier on the dev gold, then train on all of it and write the shipped weights.

Usage: python bench/train_classifier.py [--shared ../shared] [--no-write] [--folds 5] [--seed 13] [key=value ...]
Extra key=value pairs override classifier hyper-parameters (e.g. C_quad=1 embed_weight=0.1).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import StratifiedKFold

from realpolitik.events.classifier import DEFAULTS, PLOVER_QUAD, SentenceClassifier, model_path

REPO = Path(__file__).resolve().parents[1]


def _read(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _parse_hyper(pairs: list[str]) -> dict:
    out = {}
    for pair in pairs:
        key, _, val = pair.partition("=")
        if key not in DEFAULTS:
            sys.exit(f"unknown hyper-parameter {key!r}; known: {', '.join(DEFAULTS)}")
        out[key] = json.loads(val) if val not in ("balanced",) else val
        if val == "None":
            out[key] = None
    return out


def cross_validate(pt, py, qt, qy, folds: int, seed: int, hyper: dict) -> dict[str, float]:
    """Stratified k-fold over both data sets at once: fold i of PLOVER and fold i of quad are held out together."""
    skp = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(pt, py))
    skq = list(StratifiedKFold(folds, shuffle=True, random_state=seed).split(qt, qy))
    p_pred = np.empty(len(pt), dtype=object)
    q_pred = np.empty(len(qt), dtype=int)
    train_secs = []
    for (ptr, pte), (qtr, qte) in zip(skp, skq):
        t0 = time.perf_counter()
        model = SentenceClassifier.train([pt[i] for i in ptr], [py[i] for i in ptr],
                                         [qt[i] for i in qtr], [qy[i] for i in qtr], **hyper)
        train_secs.append(time.perf_counter() - t0)
        for i, pred in zip(pte, model.predict([pt[i] for i in pte])):
            p_pred[i] = pred.plover
        for i, pred in zip(qte, model.predict([qt[i] for i in qte])):
            q_pred[i] = pred.quad
    p_true = np.array(py, dtype=object)
    return {
        "plover_acc": accuracy_score(p_true, p_pred), "plover_f1": f1_score(p_true, p_pred, average="macro"),
        "quad_acc": accuracy_score(qy, q_pred), "quad_f1": f1_score(qy, q_pred, average="macro"),
        "train_secs": float(np.mean(train_secs)),
    }


def cross_data(pt, py, qt, qy, hyper: dict) -> tuple[float, int]:
    """Quad accuracy on the PLOVER sentences (mapped to quad) of a quad head trained on ConfliBERT alone."""
    model = SentenceClassifier.train(pt, py, qt, qy, **{**hyper, "augment_quad": False})
    pairs = [(t, PLOVER_QUAD[y]) for t, y in zip(pt, py) if y in PLOVER_QUAD]
    preds = model.predict([t for t, _ in pairs])
    return float(np.mean([p.quad == y for p, (_, y) in zip(preds, pairs)])), len(pairs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--no-write", action="store_true", help="only cross-validate")
    ap.add_argument("--out", type=Path, default=model_path())
    ap.add_argument("hyper", nargs="*", help="key=value overrides of the classifier defaults")
    args = ap.parse_args()
    hyper = _parse_hyper(args.hyper)

    plover = _read(args.shared / "gold" / "plover_gsr_dev.jsonl")
    quad = _read(args.shared / "gold" / "conflibert_quad_dev.jsonl")
    pt, py = [r["text"] for r in plover], [r["event"] for r in plover]
    qt, qy = [r["text"] for r in quad], [int(r["label"]) for r in quad]

    # PLOVER types with 2-4 examples trigger sklearn's "least populated class" warning on every split.
    warnings.filterwarnings("ignore", message="The least populated class")
    m = cross_validate(pt, py, qt, qy, args.folds, args.seed, hyper)
    print(f"hyper: {json.dumps({**DEFAULTS, **hyper})}")
    print(f"{args.folds}-fold CV (seed {args.seed}):")
    print(f"  PLOVER type ({len(pt)} sentences, {len(set(py))} types): "
          f"accuracy {m['plover_acc']:.3f}  macro-F1 {m['plover_f1']:.3f}")
    print(f"  quad class ({len(qt)} sentences): accuracy {m['quad_acc']:.3f}  macro-F1 {m['quad_f1']:.3f}")
    print(f"  mean training time per fold: {m['train_secs']:.1f}s")
    acc, n = cross_data(pt, py, qt, qy, hyper)
    print(f"cross-data: quad head trained on ConfliBERT only, on {n} PLOVER sentences mapped to quad: "
          f"accuracy {acc:.3f}")
    if args.no_write:
        return
    model = SentenceClassifier.train(pt, py, qt, qy, **hyper)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
