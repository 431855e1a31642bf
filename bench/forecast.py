"""Validation bench for the forecast models on DEU III (../shared/deu3/deu3_dev.tsv).

Prints the mean absolute error of every model and baseline against the real outcomes, the
cross-validated MAE of the fitted choices, and the Monte Carlo timing (30 actors x 1,000 EUM runs).
Run: /work/venv/bin/python bench/forecast.py [path/to/deu3.tsv]
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")  # the performance target is for one core

import itertools
import sys
import time
from pathlib import Path

import numpy as np

from realpolitik.forecast import load_deu3
from realpolitik.forecast.engine import predict_batch
from realpolitik.forecast.eum import run_eum

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "deu3" / "deu3_dev.tsv"
GRID = {"salience_power": [0.0, 0.25, 0.5, 0.75, 1.0], "capability_power": [0.0, 0.5, 1.0, 1.5]}
EXCHANGE_GRID = {"limit": ["outcome", "partner"], "trade_rounds": [1, 2, 3, 5]}


def predict_all(issues, model, **kw) -> np.ndarray:
    out = []
    for s in issues:
        cap, pos, sal = s.arrays()
        out.append(float(np.ravel(predict_batch(model, pos, cap, sal, s, **kw))[0]))
    return np.array(out)


def mae(pred: np.ndarray, y: np.ndarray) -> tuple[float, int]:
    ok = ~np.isnan(pred)
    return float(np.mean(np.abs(pred[ok] - y[ok]))), int(ok.sum())


def baselines(eq, y) -> dict[str, np.ndarray]:
    """Baselines with equal capability: salience-weighted mean, unweighted mean, median actor, reference point."""
    return {
        "baseline: salience-weighted mean": predict_all(eq, "compromise"),
        "baseline: unweighted mean": np.array([s.arrays()[1].mean() for s in eq]),
        "baseline: median actor": np.array([np.median(s.arrays()[1]) for s in eq]),
        "baseline: reference point (rp)": np.array([np.nan if s.status_quo is None else s.status_quo for s in eq]),
    }


def cv_compromise(issues, y) -> tuple[np.ndarray, list[dict]]:
    """Leave-one-dossier-out CV: pick the weight powers on the other dossiers, predict the held-out one."""
    combos = [dict(zip(GRID, v)) for v in itertools.product(*GRID.values())]
    table = np.stack([predict_all(issues, "compromise", params=c) for c in combos])  # (combo, issue)
    err = np.abs(table - y)
    groups = np.array([s.meta.get("dossier", s.issue_id) for s in issues])
    pred = np.empty(len(y))
    chosen = []
    for g in np.unique(groups):
        test = groups == g
        best = int(np.argmin(err[:, ~test].mean(1)))
        pred[test] = table[best, test]
        chosen.append(combos[best])
    return pred, chosen


def exchange_table(path: Path) -> tuple[list[dict], np.ndarray]:
    """Exchange-model predictions (Nice votes) for every setting in EXCHANGE_GRID: (settings, (setting, issue))."""
    from realpolitik.forecast import forecast

    combos = [dict(zip(EXCHANGE_GRID, v)) for v in itertools.product(*EXCHANGE_GRID.values())]
    rows = []
    for c in combos:
        res = [r for r in forecast(path, model="exchange", params=c) if r.outcome is not None]
        rows.append([r.prediction for r in res])
    return combos, np.array(rows)


def cv_pick(table: np.ndarray, y: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Leave-one-dossier-out: pick the setting with the lowest MAE on the other dossiers, predict the held-out one."""
    err = np.abs(table - y)
    pred = np.empty(len(y))
    for g in np.unique(groups):
        test = groups == g
        pred[test] = table[int(np.argmin(err[:, ~test].mean(1))), test]
    return pred


def dossier_bootstrap(a: np.ndarray, b: np.ndarray, y: np.ndarray, groups: np.ndarray, runs: int = 2000,
                      seed: int = 7) -> tuple[float, float]:
    """95% interval of MAE(a) - MAE(b), resampling whole dossiers (issues of one dossier are not independent)."""
    rng = np.random.default_rng(seed)
    names = np.unique(groups)
    idx = [np.nonzero(groups == g)[0] for g in names]
    diffs = []
    for _ in range(runs):
        pick = np.concatenate([idx[k] for k in rng.integers(0, len(names), len(names))])
        diffs.append(np.abs(a[pick] - y[pick]).mean() - np.abs(b[pick] - y[pick]).mean())
    lo, hi = np.percentile(diffs, [2.5, 97.5])
    return float(lo), float(hi)


def timing(runs: int = 1000, n: int = 30, seed: int = 7) -> tuple[float, float]:
    """(wall, CPU) seconds for `runs` Monte Carlo draws of a 30-actor issue through 10 EUM rounds."""
    rng = np.random.default_rng(seed)
    pos, cap, sal = rng.uniform(0, 100, (runs, n)), rng.uniform(1, 30, (runs, n)), rng.uniform(0, 1, (runs, n))
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, runs, 250):
        run_eum(pos[i:i + 250], cap[i:i + 250], sal[i:i + 250], rounds=10)
    return time.perf_counter() - t0, time.process_time() - c0


def main(path: Path = DEFAULT) -> None:
    if not path.exists():
        sys.exit(f"bench/forecast.py: {path} not found (needs ../shared/deu3)")
    nice = [s for s in load_deu3(path, capability="nice") if s.outcome is not None]
    eq = [s for s in load_deu3(path, capability="equal") if s.outcome is not None]
    y = np.array([s.outcome for s in nice])
    rows: list[tuple[str, float, int]] = []
    for name, pred in baselines(eq, y).items():
        rows.append((name, *mae(pred, y)))
    for model, kw in [("compromise", {}), ("median", {}), ("nash", {}), ("nash", {"params": {"status_quo": None}}),
                      ("eum", {}), ("eum", {"params": {"risk": "neutral"}}),
                      ("eum", {"params": {"risk": "neutral", "outcome": "mean"}, "rounds": 1})]:
        label = f"{model} (Nice votes x salience)" + (f" {kw}" if kw else "")
        rows.append((label, *mae(predict_all(nice, model, **kw), y)))
    pred, chosen = cv_compromise(nice, y)
    rows.append(("compromise, weight powers fitted: leave-one-dossier-out CV", *mae(pred, y)))
    groups = np.array([s.meta.get("dossier", s.issue_id) for s in nice])
    combos, table = exchange_table(path)
    default = combos.index({"limit": "outcome", "trade_rounds": 1})
    rows.append(("exchange (Nice votes x salience; defaults limit=outcome, 1 round)", *mae(table[default], y)))
    rows.append(("exchange, limit and rounds chosen by leave-one-dossier-out CV", *mae(cv_pick(table, y, groups), y)))
    lo, hi = dossier_bootstrap(table[default], predict_all(eq, "compromise"), y, groups)
    council = np.stack([predict_all(nice, "council", params={"unanimity": u}) for u in ("qmv", "veto")])
    rows.append(("council: power-index compromise clipped to the Council QMV core (defaults)", *mae(council[0], y)))
    rows.append(("council, unanimity clipped to the members' range (--param unanimity=veto)", *mae(council[1], y)))
    rows.append(("council, unanimity handling chosen by leave-one-dossier-out CV", *mae(cv_pick(council, y, groups), y)))
    c_lo, c_hi = dossier_bootstrap(council[0], predict_all(eq, "compromise"), y, groups)
    common = {tuple(sorted(c.items())) for c in chosen}
    secs = timing()
    print(f"DEU III: {len(y)} issues with a known outcome, {len({s.meta['dossier'] for s in nice})} dossiers ({path.name})")
    print(f"{'model':<78} {'MAE':>7} {'n':>4}")
    for name, m, n in rows:
        print(f"{name:<78} {m:7.2f} {n:4d}")
    print(f"CV folds chose (salience_power, capability_power): {sorted(common)}")
    ref = rows[0][1]
    best = min(rows[4:], key=lambda r: r[1])
    print(f"best model vs salience-weighted mean: {best[0]} {best[1]:.2f} vs {ref:.2f} ({ref - best[1]:+.2f})")
    print(f"exchange (defaults) minus salience-weighted mean, 95% dossier-bootstrap interval: [{lo:+.2f}, {hi:+.2f}]")
    print(f"council (defaults) minus salience-weighted mean, 95% dossier-bootstrap interval: [{c_lo:+.2f}, {c_hi:+.2f}]")
    print(f"performance: 30 actors x 1,000 Monte Carlo runs of the EUM (10 rounds): {secs[0]:.2f} s wall, "
          f"{secs[1]:.2f} s CPU (target < 5 s)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
