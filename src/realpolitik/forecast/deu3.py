"""Reader for the DEU III tab-separated format: one row per issue, p<actor>/s<actor> columns.

Conventions (they reproduce the published salience-weighted-mean baseline): a blank position means
the actor is absent; a blank salience counts as 0; the row without an issue id (per-actor GDP) is
kept as metadata, not read as an issue; `rp` is the reference point (status quo), `out` the outcome.
"""
from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

from realpolitik.errors import ScenarioError
from realpolitik.forecast.scenario import Scenario, Stakeholder

CAPABILITIES = ("nice", "equal", "gdp")
DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "scenarios"
_NOT_ACTORS = {"prnrnmc", "prnr", "prname", "proc", "proccde"}


@functools.lru_cache(maxsize=1)
def council_weights() -> dict[str, float]:
    """Council votes under the Treaty of Nice per DEU actor code (com/ep by convention, see data file)."""
    text = (DATA_DIR / "council_weights.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {r["actor"]: float(r["votes_nice"]) for r in rows}


def _float(raw: str | None) -> float | None:
    if raw is None or not raw.strip():
        return None
    try:
        return float(raw)
    except ValueError:
        return None


def load_deu3(path: str | Path, capability: str = "nice") -> list[Scenario]:
    """Read every issue of a DEU III file as a Scenario (issue_id = isnr, status_quo = rp, outcome = out)."""
    if capability not in CAPABILITIES:
        raise ScenarioError(f"unknown capability source '{capability}' (use {', '.join(CAPABILITIES)})")
    p = Path(path)
    if not p.is_file():
        raise ScenarioError(f"{p}: no such DEU III file")
    text = p.read_text(encoding="utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text), delimiter="\t")
    header = [h.strip() for h in reader.fieldnames or []]
    missing = [c for c in ("isnr",) if c not in header]
    actors = [h[1:] for h in header if h.startswith("p") and h not in _NOT_ACTORS and f"s{h[1:]}" in header]
    if missing or not actors:
        raise ScenarioError(f"{p}: not a DEU III file (need an 'isnr' column and p<actor>/s<actor> column pairs)")
    weights = council_weights()
    gdp: dict[str, float] = {}
    issues: list[Scenario] = []
    for lineno, row in enumerate(reader, start=2):
        row = {(k or "").strip(): v for k, v in row.items()}
        isnr = (row.get("isnr") or "").strip()
        if not isnr:
            # the per-actor GDP row added to DEU III by a third party
            gdp = {a: v for a in actors if (v := _float(row.get(f"p{a}"))) is not None}
            continue
        members = []
        for a in actors:
            pos = _float(row.get(f"p{a}"))
            if pos is None:
                continue
            if not 0 <= pos <= 100:
                raise ScenarioError(f"{p} line {lineno} ({isnr}): position of '{a}' is {pos:g}, outside 0-100")
            sal = _float(row.get(f"s{a}")) or 0.0
            if not 0 <= sal <= 100:
                raise ScenarioError(f"{p} line {lineno} ({isnr}): salience of '{a}' is {sal:g}, outside 0-100")
            if capability == "nice":
                cap = weights.get(a, 1.0)
            elif capability == "gdp":
                cap = gdp.get(a, 1.0)
            else:
                cap = 1.0
            members.append(Stakeholder(name=a, capability=cap, position=pos, salience=sal / 100.0))
        issues.append(Scenario(
            name=f"{row.get('prname') or ''} {isnr}".strip(), actors=tuple(members), issue_id=isnr,
            status_quo=_float(row.get("rp")), outcome=_float(row.get("out")),
            meta={"dossier": (row.get("prnr") or "").strip(), "procedure": (row.get("proc") or "").strip(),
                  "type": (row.get("type") or "").strip(), "voting": (row.get("counvte") or "").strip()}))
    if not issues:
        raise ScenarioError(f"{p}: no issues found")
    return issues
