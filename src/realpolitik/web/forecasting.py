"""The /forecast page's scenarios: the bundled ones and those of a --scenarios folder, looked up by name.

A request names a scenario; the name is looked up in the listing made at start-up, so no path from a
request ever reaches the file system.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.errors import RealpolitikError
from realpolitik.web.params import BadParameter, NotFound

SUFFIXES = (".yaml", ".yml", ".csv")
MAX_MC = 5000
MAX_ROUNDS = 50


@dataclass(frozen=True)
class ScenarioFile:
    key: str  # what a request names: "bundled/iran_china_vs_russia.yaml", "mine/x.yaml"
    path: Path
    name: str
    description: str
    variants: tuple[tuple[str, str], ...]  # (name, description)
    scale: tuple[float, float]
    scale_labels: tuple[str, str]
    actors: int


def bundled_dir() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / "scenarios"


def list_scenarios(extra: Path | None = None) -> dict[str, ScenarioFile]:
    """Every readable scenario file of the bundled folder and of ``extra`` (files that do not parse as a
    scenario, such as the Council's weight tables, are left out)."""
    from realpolitik.forecast import load_scenario

    out: dict[str, ScenarioFile] = {}
    folders = [("bundled", bundled_dir())] + ([("folder", extra)] if extra is not None else [])
    for label, folder in folders:
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix.lower() not in SUFFIXES:
                continue
            try:
                scn = load_scenario(path)
            except RealpolitikError:
                continue
            key = f"{label}/{path.name}"
            out[key] = ScenarioFile(
                key=key, path=path, name=scn.name, description=scn.description or "",
                variants=tuple((v, getattr(scn.variants[v], "description", "") or "") for v in scn.variants),
                scale=tuple(scn.scale), scale_labels=tuple(scn.scale_labels), actors=len(scn.actors))
    return out


def run(scenarios: dict[str, ScenarioFile], key: str, variant: str | None, model: str, rounds: int,
        mc: int, seed: int | None) -> dict[str, Any]:
    """Forecast one scenario (and its base, when a variant is chosen) with realpolitik.forecast."""
    from realpolitik.forecast import MODELS, compare_variants

    scn = scenarios.get(key)
    if scn is None:
        raise NotFound(f"scenario: {key!r} is not one of the listed scenarios")
    if model not in MODELS:
        raise BadParameter(f"model: {model!r} is not one of {', '.join(MODELS)}")
    if variant and variant not in dict(scn.variants):
        raise BadParameter(f"variant: {variant!r} is not a variant of {scn.name}")
    results = compare_variants(scn.path, model=model, variants=[variant] if variant else [], rounds=rounds,
                               mc=mc, seed=seed, keep_samples=mc > 0)
    return {"scenario": scn, "model": model, "variant": variant, "results": results, "result": results[-1],
            "base": results[0] if variant else None}
