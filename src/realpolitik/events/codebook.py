"""CAMEO codes with Goldstein scores, quad classes and their PLOVER type/mode/context, loaded from data files."""
from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

import yaml

from realpolitik.errors import RealpolitikError

_DATA = "realpolitik.data.codebook"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code (a 2-digit root or a 3-/4-digit code)."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int  # GDELT QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str | None
    plover_mode: str | None
    plover_context: str | None


def _text(name: str) -> str:
    return resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code (roots included), keyed by code string ("01", "042", "1823")."""
    lines = [ln for ln in _text("cameo.tsv").splitlines() if ln and not ln.startswith("#")]
    out: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        out[row["code"]] = CameoCode(
            code=row["code"], name=row["name"], root=row["code"][:2], goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]), plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None, plover_context=row["plover_context"] or None)
    return out


def cameo(code: str) -> CameoCode:
    """The CAMEO code record; an unknown code raises RealpolitikError."""
    rec = cameo_codes().get(str(code).strip())
    if rec is None:
        raise RealpolitikError(f"unknown CAMEO event code {code!r} (expected e.g. '04', '042' or '1823')")
    return rec


@functools.lru_cache(maxsize=1)
def _plover_meta() -> dict[str, dict]:
    return yaml.safe_load(_text("plover.yaml"))


@functools.lru_cache(maxsize=1)
def plover_types() -> dict[str, tuple[str, ...]]:
    """PLOVER type -> its modes (from the CAMEO mapping, then later PLOVER mode names)."""
    modes: dict[str, list[str]] = {t: [] for t in _plover_meta()}
    for rec in cameo_codes().values():
        if rec.plover and rec.plover_mode and rec.plover_mode not in modes[rec.plover]:
            modes[rec.plover].append(rec.plover_mode)
    for typ, meta in _plover_meta().items():
        for mode in (meta.get("extra_modes") or {}):
            if mode not in modes[typ]:
                modes[typ].append(mode)
    return {t: tuple(m) for t, m in modes.items()}


def default_cameo(plover: str, mode: str | None = None) -> str:
    """The representative CAMEO code for a PLOVER type (and mode, when it has one of its own)."""
    typ = plover.strip().upper()
    meta = _plover_meta().get(typ)
    if meta is None:
        raise RealpolitikError(f"unknown PLOVER event type {plover!r} (expected one of {', '.join(_plover_meta())})")
    if mode:
        extra = meta.get("extra_modes") or {}
        if mode in extra:
            return str(extra[mode])
        # Otherwise the most general code mapped to this type+mode (shortest, then lowest).
        hits = sorted((len(r.code), r.code) for r in cameo_codes().values()
                      if r.plover == typ and r.plover_mode == mode and len(r.code) > 2)
        if hits:
            return hits[0][1]
    return str(meta["default"])


def quad_of_root(root: str) -> int:
    """GDELT QuadClass of a CAMEO root ("01".."20", or any code starting with it)."""
    r = str(root).strip()[:2]
    if not (len(r) == 2 and r.isdigit() and 1 <= int(r) <= 20):
        raise RealpolitikError(f"unknown CAMEO root {root!r} (expected '01' to '20')")
    n = int(r)
    return 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4
