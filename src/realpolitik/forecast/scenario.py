"""Scenario records and readers: stakeholders with capability, position and salience on one issue.

A scenario file is YAML (with a name, the scale, an optional status quo, actors and variants) or CSV
(one row per actor). Salience is 0-1 (a file entirely on 0-100 is accepted, rescaled and said so),
positions lie on the scale. A variant is a set of overrides (an actor's own posture) and linkage
effects (what an outside actor's posture does to the capability, salience or position of the others),
each effect with a note and a source.
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
class Effect:
    """A linkage effect: one actor's field changed by a variant (`op` is *, +, - or =), with its reasoning."""

    actor: str
    field: str
    op: str
    value: float
    note: str
    source: str = ""

    @property
    def text(self) -> str:
        sign = {"*": "x", "+": "+", "-": "-", "=": "="}[self.op]
        return f"{self.actor}.{self.field} {sign}{self.value:g}"

    def apply(self, old: float) -> float:
        if self.op == "*":
            return old * self.value
        if self.op == "+":
            return old + self.value
        if self.op == "-":
            return old - self.value
        return self.value


@dataclass(frozen=True)
class AppliedEffect:
    """An effect as applied to one scenario: the value before and after."""

    effect: Effect
    before: float
    after: float


@dataclass(frozen=True)
class Variant:
    """A named alternative: overrides of actors' own posture ('ACTOR.field=value') and linkage effects."""

    name: str
    overrides: tuple[str, ...] = ()
    effects: tuple[Effect, ...] = ()
    description: str = ""
    by: str = ""  # the outside actor whose posture the variant describes (documentation only)


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
    variants: dict[str, Variant] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    variant: str = ""  # the variant applied, if any
    applied: tuple[AppliedEffect, ...] = ()  # its linkage effects, with values before and after
    salience_scale: str = "0-1"  # as read: "0-1", or "0-100" when the file's saliences were divided by 100

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


# Only ratios of capabilities matter and positions live on an analyst's scale: beyond this magnitude
# sums of weights overflow to inf, so such a number is an input mistake, not a measurement.
MAX_MAGNITUDE = 1e12


def _num(value: Any, where: str, column: str) -> float:
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ScenarioError(f"{where}: '{column}' is empty")
    if isinstance(value, bool):  # YAML true/false would otherwise read as 1/0
        raise ScenarioError(f"{where}: '{column}' must be a number, got {str(value).lower()}")
    try:
        out = float(value)
    except (TypeError, ValueError):
        raise ScenarioError(f"{where}: '{column}' must be a number, got {value!r}") from None
    if not np.isfinite(out):
        raise ScenarioError(f"{where}: '{column}' must be a finite number, got {value!r}")
    if abs(out) > MAX_MAGNITUDE:
        raise ScenarioError(f"{where}: '{column}' is {out:g}, too large (at most {MAX_MAGNITUDE:g}; "
                            "only ratios of capabilities matter, e.g. use 0-100)")
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


SALIENCE_SCALES = ("0-1", "0-100")


def _percent(rows: list[dict[str, Any]], where: str, declared: Any = None) -> bool:
    """Whether the file's saliences are on 0-100: as declared (`salience_scale`), else inferred.

    Inferred 0-100 when a salience is above 1; then every non-zero salience must be at least 1, because a
    file that mixes 0.5 and 60 has no single reading (dividing all by 100 would turn 0.5 into 0.005).
    """
    if declared is not None:
        text = str(declared).strip().replace(" ", "")
        if text in ("1", "0-1"):
            return False
        if text in ("100", "0-100"):
            return True
        raise ScenarioError(f"{where}: salience_scale must be 0-1 or 0-100, got {declared!r}")
    nums: list[tuple[float, str]] = []
    for r in rows:
        v = r.get("salience")
        if isinstance(v, bool):
            continue  # reported by make_stakeholder
        try:
            nums.append((float(v), str(r.get("actor") or r.get("name") or "?")))
        except (TypeError, ValueError):
            continue
    if not nums or max(v for v, _ in nums) <= 1:
        return False
    high = max(nums)
    low = [(v, a) for v, a in nums if 0 < v < 1]
    if low:
        raise ScenarioError(f"{where}: saliences mix the 0-1 and 0-100 scales ({high[1]} {high[0]:g}, "
                            f"{low[0][1]} {low[0][0]:g}): put them all on one scale or set salience_scale")
    return True


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
    pct = _percent(rows, where)
    actors = tuple(make_stakeholder(r, f"{where} row {i + 2}", (0.0, 100.0), pct) for i, r in enumerate(rows))
    return check_scenario(Scenario(name=name, actors=actors, salience_scale=SALIENCE_SCALES[pct]), where)


def parse_yaml(text: str, where: str) -> Scenario:
    """Parse a YAML scenario: name, description, scale, status_quo, actors (list of mappings), variants."""
    import yaml

    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ScenarioError(f"{where}{line}: not valid YAML ({problem}; a note containing ': ' needs quotes)"
                            if "mapping values" in str(problem) else f"{where}{line}: not valid YAML ({problem})") from None
    except RecursionError:
        raise ScenarioError(f"{where}: the YAML is nested too deeply to be a scenario") from None
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
    pct = _percent(rows, where, doc.get("salience_scale"))
    actors = tuple(make_stakeholder(r, f"{where} actor #{i + 1}", scale, pct) for i, r in enumerate(rows))
    sq = doc.get("status_quo")
    variants_doc = doc.get("variants") or {}
    if not isinstance(variants_doc, dict):
        raise ScenarioError(f"{where}: 'variants' must map a name to overrides and effects")
    variants = {str(k): parse_variant(str(k), v, f"{where} variant '{k}'", pct) for k, v in variants_doc.items()}
    scn = Scenario(name=str(doc.get("name") or Path(where).stem), actors=actors, scale=scale,
                   status_quo=None if sq is None else _num(sq, where, "status_quo"),
                   description=str(doc.get("description") or "").strip(), scale_labels=labels,
                   variants=variants, meta={k: v for k, v in doc.items() if k in ("issue", "date", "author")},
                   salience_scale=SALIENCE_SCALES[pct])
    scn = check_scenario(scn, where)
    for v in variants.values():  # a variant that names a missing actor fails when the file is read, not later
        apply_variant(scn, v.name, where=f"{where} variant '{v.name}'")
    return scn


_EFFECT = re.compile(r"^\s*(?P<actor>.+?)\.(?P<field>capability|salience|position)\s*"
                     r"(?P<op>[*x×+=-])\s*(?P<value>[-+]?[0-9.eE+-]+)\s*$")


def parse_effect(item: Any, where: str, percent_salience: bool = False) -> Effect:
    """One linkage effect: {effect: 'ACTOR.field OP VALUE', note: ..., source: ...}; OP is *, x, +, - or =."""
    if not isinstance(item, dict) or not isinstance(item.get("effect"), str):
        raise ScenarioError(f"{where}: each effect must be a mapping with 'effect: ACTOR.field OP VALUE' "
                            "(e.g. 'Hard-liners.capability x1.5'), 'note' and 'source'")
    m = _EFFECT.match(item["effect"])
    if not m:
        raise ScenarioError(f"{where}: effect {item['effect']!r} must read ACTOR.field OP VALUE with field "
                            "capability, salience or position and OP one of x (multiply), +, -, = ")
    value = _num(m["value"], where, "effect value")
    note, source = str(item.get("note") or "").strip(), str(item.get("source") or "").strip()
    if not note or not source:
        raise ScenarioError(f"{where}: effect {item['effect']!r} needs a 'note' (why) and a 'source'")
    op = "*" if m["op"] in "*x×" else m["op"]
    if m["field"] == "salience" and percent_salience and op != "*":
        value /= 100.0
    return Effect(actor=m["actor"].strip(), field=m["field"], op=op, value=value, note=note, source=source)


def parse_variant(name: str, doc: Any, where: str, percent_salience: bool = False) -> Variant:
    """A variant: a list of 'ACTOR.field=value' overrides, or a mapping with set, effects, description, by."""
    if isinstance(doc, list):
        doc = {"set": doc}
    if not isinstance(doc, dict):
        raise ScenarioError(f"{where}: must be a list of 'ACTOR.field=value' strings or a mapping "
                            "with 'set' and/or 'effects'")
    unknown = set(doc) - {"set", "effects", "description", "by"}
    if unknown:
        raise ScenarioError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))} "
                            "(use set, effects, description, by)")
    items = doc.get("set") or []
    if not isinstance(items, list) or not all(isinstance(s, str) for s in items):
        raise ScenarioError(f"{where}: 'set' must be a list of 'ACTOR.field=value' strings")
    effects_doc = doc.get("effects") or []
    if not isinstance(effects_doc, list):
        raise ScenarioError(f"{where}: 'effects' must be a list")
    effects = tuple(parse_effect(e, f"{where} effect #{i + 1}", percent_salience) for i, e in enumerate(effects_doc))
    return Variant(name=name, overrides=tuple(items), effects=effects,
                   description=str(doc.get("description") or "").strip(), by=str(doc.get("by") or "").strip())


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


def apply_effects(scn: Scenario, effects: tuple[Effect, ...], where: str) -> tuple[Scenario, tuple[AppliedEffect, ...]]:
    """Apply linkage effects in order; a result off its range (salience 0-1, position on the scale,
    capability >= 0) is an error naming the effect, not a silent clip."""
    actors = list(scn.actors)
    index = {a.name.lower(): i for i, a in enumerate(actors)}
    done = []
    for e in effects:
        if e.actor.lower() not in index:
            raise ScenarioError(f"{where}: effect {e.text!r} names no actor of the scenario "
                                f"(actors: {', '.join(scn.names)})")
        i = index[e.actor.lower()]
        before = float(getattr(actors[i], e.field))
        after = e.apply(before)
        lo, hi = {"capability": (0.0, MAX_MAGNITUDE), "salience": (0.0, 1.0), "position": scn.scale}[e.field]
        if not lo <= after <= hi:
            raise ScenarioError(f"{where}: effect {e.text!r} takes {actors[i].name}'s {e.field} from {before:g} "
                                f"to {after:g}, outside {lo:g}-{hi:g}")
        actors[i] = replace(actors[i], **{e.field: after})
        done.append(AppliedEffect(effect=e, before=before, after=after))
    return replace(scn, actors=tuple(actors)), tuple(done)


def apply_variant(scn: Scenario, variant: str, where: str | None = None) -> Scenario:
    """Apply a named variant of the scenario: its overrides first, then its linkage effects in order."""
    if variant not in scn.variants:
        known = ", ".join(scn.variants) or "none defined"
        raise ScenarioError(f"{scn.name}: no variant '{variant}' (variants: {known})")
    v = scn.variants[variant]
    where = where or f"variant {variant}"
    out = apply_overrides(scn, v.overrides, where=where) if v.overrides else scn
    out, applied = apply_effects(out, v.effects, where)
    return replace(check_scenario(out, where), name=f"{scn.name} [{variant}]", variant=variant, applied=applied)
