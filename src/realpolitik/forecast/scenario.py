"""Scenario records and readers: stakeholders with capability, position and salience on one issue.

A scenario file is YAML (with a name, the scale, an optional status quo, actors and variants) or CSV
(one row per actor). Salience is 0-1 (0-100 is accepted and rescaled), positions lie on the scale.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from realpolitik.errors import ScenarioError

REQUIRED = ("actor", "capability", "position", "salience")
FIELDS = ("capability", "position", "salience")
# Uncertainty columns: *_sd is a normal standard deviation, *_range a uniform +/- half-width.
UNCERTAINTY = tuple(f"{f}_{kind}" for f in FIELDS for kind in ("sd", "range"))


@dataclass(frozen=True)
class Stakeholder:
    """One actor on one issue; *_sd / *_range describe input uncertainty for Monte Carlo."""

    name: str
    capability: float
    position: float
    salience: float  # 0-1
    notes: str = ""
    source: str = ""
    capability_sd: float = 0.0
    position_sd: float = 0.0
    salience_sd: float = 0.0
    capability_range: float = 0.0
    position_range: float = 0.0
    salience_range: float = 0.0


@dataclass(frozen=True)
class Scenario:
    """One issue: its stakeholders, scale, status quo and (for historical cases) the real outcome."""

    name: str
    actors: tuple[Stakeholder, ...]
    scale: tuple[float, float] = (0.0, 100.0)
    status_quo: float | None = None
    issue_id: str = ""
    outcome: float | None = None
    description: str = ""
    scale_labels: tuple[str, str] = ("", "")
    variants: dict[str, tuple[str, ...]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [a.name for a in self.actors]

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Capability, position and salience as float arrays (one entry per actor)."""
        cap = np.array([a.capability for a in self.actors], float)
        pos = np.array([a.position for a in self.actors], float)
        sal = np.array([a.salience for a in self.actors], float)
        return cap, pos, sal


# ------------------------------------------------------------------ validation


def _num(value: Any, where: str, column: str) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ScenarioError(f"{where}: '{column}' is empty")
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ScenarioError(f"{where}: '{column}' must be a number, got {value!r}") from None
    if not np.isfinite(out):
        raise ScenarioError(f"{where}: '{column}' must be a finite number, got {value!r}")
    return out


def make_stakeholder(row: dict[str, Any], where: str, scale: tuple[float, float],
                     percent_salience: bool = False) -> Stakeholder:
    """Build and check one actor from a mapping of column -> value."""
    name = str(row.get("actor") or row.get("name") or "").strip()
    if not name:
        raise ScenarioError(f"{where}: 'actor' is empty")
    where = f"{where} ({name})"
    cap = _num(row.get("capability"), where, "capability")
    pos = _num(row.get("position"), where, "position")
    sal = _num(row.get("salience"), where, "salience")
    if cap < 0:
        raise ScenarioError(f"{where}: capability must be >= 0, got {cap:g}")
    lo, hi = scale
    if not lo <= pos <= hi:
        raise ScenarioError(f"{where}: position {pos:g} is outside the scale {lo:g}-{hi:g}")
    if percent_salience:
        sal /= 100.0
    if not 0 <= sal <= 1:
        raise ScenarioError(f"{where}: salience must be between 0 and 1 (or 0-100 for the whole file), got {sal:g}")
    extra: dict[str, float] = {}
    for col in UNCERTAINTY:
        raw = row.get(col)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        val = _num(raw, where, col)
        if val < 0:
            raise ScenarioError(f"{where}: '{col}' must be >= 0, got {val:g}")
        if col.startswith("salience") and percent_salience:
            val /= 100.0
        extra[col] = val
    return Stakeholder(name=name, capability=cap, position=pos, salience=sal,
                       notes=str(row.get("notes") or "").strip(), source=str(row.get("source") or "").strip(),
                       **extra)


def check_scenario(scn: Scenario, where: str) -> Scenario:
    """Whole-scenario checks: at least two actors, unique names, some weight to bargain with."""
    if len(scn.actors) < 2:
        raise ScenarioError(f"{where}: a forecast needs at least two actors, found {len(scn.actors)}")
    seen: set[str] = set()
    for a in scn.actors:
        if a.name.lower() in seen:
            raise ScenarioError(f"{where}: actor '{a.name}' appears twice")
        seen.add(a.name.lower())
    cap, _, sal = scn.arrays()
    if not np.any(cap * sal > 0):
        raise ScenarioError(f"{where}: every actor has zero capability or zero salience")
    lo, hi = scn.scale
    if scn.status_quo is not None and not lo <= scn.status_quo <= hi:
        raise ScenarioError(f"{where}: status_quo {scn.status_quo:g} is outside the scale {lo:g}-{hi:g}")
    return scn


def _percent(values: list[Any]) -> bool:
    """A file whose saliences go above 1 is on a 0-100 scale (all of them, not a mix)."""
    nums = []
    for v in values:
        try:
            nums.append(float(v))
        except (TypeError, ValueError):
            continue
    return bool(nums) and max(nums) > 1


# ------------------------------------------------------------------ readers


def load_scenario(path: str | Path) -> Scenario:
    """Read a YAML (.yaml/.yml) or CSV scenario file and validate it."""
    p = Path(path)
    if not p.is_file():
        raise ScenarioError(f"{p}: no such scenario file")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ScenarioError(f"{p}: not a UTF-8 text file") from None
    if not text.strip():
        raise ScenarioError(f"{p}: the file is empty")
    if p.suffix.lower() in (".yaml", ".yml"):
        return parse_yaml(text, str(p))
    return parse_csv(text, str(p), name=p.stem)


def parse_csv(text: str, where: str, name: str = "scenario") -> Scenario:
    """Parse CSV text with columns actor, capability, position, salience [, notes, source, *_sd, *_range]."""
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ScenarioError(f"{where}: missing column(s) {', '.join(missing)} (need {', '.join(REQUIRED)})")
    rows = [{(k or "").strip().lower(): (v.strip() if isinstance(v, str) else v) for k, v in r.items()}
            for r in reader]
    rows = [r for r in rows if any(v for v in r.values())]
    pct = _percent([r.get("salience") for r in rows])
    actors = tuple(make_stakeholder(r, f"{where} row {i + 2}", (0.0, 100.0), pct) for i, r in enumerate(rows))
    return check_scenario(Scenario(name=name, actors=actors), where)


def parse_yaml(text: str, where: str) -> Scenario:
    """Parse a YAML scenario: name, description, scale, status_quo, actors (list of mappings), variants."""
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{where}: not valid YAML ({str(exc).splitlines()[0]})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("actors"), list):
        raise ScenarioError(f"{where}: expected a mapping with an 'actors' list")
    scale_doc = doc.get("scale") or {}
    if not isinstance(scale_doc, dict):
        raise ScenarioError(f"{where}: 'scale' must be a mapping with min, max (and optional labels)")
    scale = (_num(scale_doc.get("min", 0), where, "scale.min"), _num(scale_doc.get("max", 100), where, "scale.max"))
    if scale[1] <= scale[0]:
        raise ScenarioError(f"{where}: scale max must be above scale min")
    labels = (str(scale_doc.get("low_label", "")), str(scale_doc.get("high_label", "")))
    rows = doc["actors"]
    for i, r in enumerate(rows):
        if not isinstance(r, dict):
            raise ScenarioError(f"{where}: actor #{i + 1} must be a mapping")
        missing = [c for c in REQUIRED if c not in r and not (c == "actor" and "name" in r)]
        if missing:
            raise ScenarioError(f"{where}: actor #{i + 1} is missing {', '.join(missing)}")
    pct = _percent([r.get("salience") for r in rows])
    actors = tuple(make_stakeholder(r, f"{where} actor #{i + 1}", scale, pct) for i, r in enumerate(rows))
    sq = doc.get("status_quo")
    variants_doc = doc.get("variants") or {}
    if not isinstance(variants_doc, dict):
        raise ScenarioError(f"{where}: 'variants' must map a name to a list of overrides")
    variants = {}
    for k, v in variants_doc.items():
        items = v.get("set", []) if isinstance(v, dict) else v
        if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
            raise ScenarioError(f"{where}: variant '{k}' must be a list of 'ACTOR.field=value' strings")
        variants[str(k)] = tuple(items)
    scn = Scenario(name=str(doc.get("name") or Path(where).stem), actors=actors, scale=scale,
                   status_quo=None if sq is None else _num(sq, where, "status_quo"),
                   description=str(doc.get("description") or "").strip(), scale_labels=labels,
                   variants=variants, meta={k: v for k, v in doc.items() if k in ("issue", "date", "author")})
    return check_scenario(scn, where)


# ------------------------------------------------------------------ overrides

_OVERRIDE = re.compile(r"^\s*(?P<actor>[^=]+?)\.(?P<field>[a-z_]+)\s*=\s*(?P<value>.+?)\s*$")


def apply_overrides(scn: Scenario, overrides: list[str] | tuple[str, ...], where: str = "--set") -> Scenario:
    """Apply 'ACTOR.field=value' overrides (fields: capability, position, salience, *_sd, *_range)."""
    actors = list(scn.actors)
    index = {a.name.lower(): i for i, a in enumerate(actors)}
    for item in overrides:
        m = _OVERRIDE.match(item)
        if not m:
            raise ScenarioError(f"{where} {item!r}: expected ACTOR.field=value, e.g. USA.salience=0.9")
        name, fld, raw = m["actor"].strip(), m["field"], m["value"]
        if fld not in FIELDS + UNCERTAINTY:
            raise ScenarioError(f"{where} {item!r}: unknown field '{fld}' (use {', '.join(FIELDS)})")
        if name.lower() not in index:
            raise ScenarioError(f"{where} {item!r}: no actor '{name}' (actors: {', '.join(scn.names)})")
        i = index[name.lower()]
        row = {"actor": actors[i].name, **{f: getattr(actors[i], f) for f in FIELDS + UNCERTAINTY},
               "notes": actors[i].notes, "source": actors[i].source}
        row[fld] = raw
        actors[i] = make_stakeholder(row, f"{where} {item!r}", scn.scale)
    return check_scenario(replace(scn, actors=tuple(actors)), where)


def apply_variant(scn: Scenario, variant: str) -> Scenario:
    """Apply a named variant defined in the scenario file's 'variants' section."""
    if variant not in scn.variants:
        known = ", ".join(scn.variants) or "none defined"
        raise ScenarioError(f"{scn.name}: no variant '{variant}' (variants: {known})")
    out = apply_overrides(scn, scn.variants[variant], where=f"variant {variant}")
    return replace(out, name=f"{scn.name} [{variant}]")
