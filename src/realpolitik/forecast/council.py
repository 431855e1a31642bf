"""Council model for EU legislation: power-index compromise clipped to the Council's qualified-majority core.

Capabilities are Shapley-Shubik indices of the Council vote of the time (EU-15 pre-Nice weights, Nice
weights for EU-25/27, the Lisbon double majority for EU-28; equal shares under unanimity); the
Commission and the Parliament get the largest member's index. The forecast is the power x salience
weighted mean, moved into the interval between the two qualified-majority pivots of the member states
present. Under unanimity the same QMV core is used by default (on DEU III it beats the veto range, see
docs/forecast.md); `unanimity="veto"` clips to the range of the members instead, as formal theory says.
"""
from __future__ import annotations

import csv
import functools
import io
import math
from collections.abc import Iterable, Sequence

import numpy as np

from realpolitik.errors import ScenarioError
from realpolitik.forecast.deu3 import DATA_DIR, council_weights

ERAS = ("eu15", "eu25", "eu27", "eu28")
UNANIMITY = ("veto", "qmv")
INSTITUTIONS = ("com", "ep")
_JOINED_2004 = frozenset({"cy", "cz", "ee", "hu", "lv", "lt", "mt", "pl", "si", "sk"})
_QUOTA = {"eu25": (232, 321), "eu27": (255, 345)}  # Nice qualified majority (votes, total)


@functools.lru_cache(maxsize=1)
def _rules_table() -> dict[str, dict[str, float | None]]:
    text = (DATA_DIR / "council_rules.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#"))
    return {r["actor"]: {"pre_nice": float(r["votes_pre_nice"]) if r["votes_pre_nice"] else None,
                         "population": float(r["population_m"])} for r in rows}


def members(era: str) -> tuple[str, ...]:
    """Member-state codes of the Council in one era."""
    table = _rules_table()
    if era == "eu15":
        return tuple(a for a, r in table.items() if r["pre_nice"] is not None)
    if era == "eu25":
        return tuple(a for a in table if table[a]["pre_nice"] is not None or a in _JOINED_2004)
    if era == "eu27":
        return tuple(a for a in table if a != "cr")
    if era == "eu28":
        return tuple(table)
    raise ScenarioError(f"unknown Council era '{era}' (use {', '.join(ERAS)})")


def council_era(codes: Iterable[str]) -> str:
    """The smallest EU membership containing every member-state code given (the issue's actors)."""
    present = set(codes)
    if "cr" in present:
        return "eu28"
    if present & {"bu", "ro"}:
        return "eu27"
    if present & _JOINED_2004:
        return "eu25"
    return "eu15"


def shapley_shubik(votes: Sequence[int], quota: int) -> np.ndarray:
    """Exact Shapley-Shubik index of the weighted game [quota; votes], counting coalitions by size and weight."""
    w = np.asarray(votes, int)
    n, total = len(w), int(w.sum())
    share = np.array([math.factorial(k) * math.factorial(n - k - 1) / math.factorial(n) for k in range(n)])
    out = np.zeros(n)
    for i in range(n):
        count = np.zeros((n, total + 1))  # count[k, v]: coalitions of k other players with v votes
        count[0, 0] = 1.0
        for wj in np.delete(w, i):
            count[1:, wj:] += count[:-1, :total + 1 - wj].copy()
        # i is pivotal for a losing coalition that its votes make winning
        pivotal = count[:, max(quota - w[i], 0):quota].sum(1)
        out[i] = (pivotal * share).sum()
    return out / out.sum()


def double_majority_shapley(population: Sequence[float], states: float = 0.55,
                            people: float = 0.65) -> np.ndarray:
    """Exact Shapley-Shubik index when winning needs `states` of the members and `people` of the population."""
    pop = np.rint(np.asarray(population, float) * 10).astype(int)  # 0.1 million units keep the table small
    n, total = len(pop), int(pop.sum())
    need_n, need_p = math.ceil(states * n), math.ceil(people * total)
    share = np.array([math.factorial(k) * math.factorial(n - k - 1) / math.factorial(n) for k in range(n)])
    sizes = np.arange(n)[:, None]
    mass = np.arange(total + 1)[None, :]
    out = np.zeros(n)
    for i in range(n):
        count = np.zeros((n, total + 1))
        count[0, 0] = 1.0
        for pj in np.delete(pop, i):
            count[1:, pj:] += count[:-1, :total + 1 - pj].copy()
        losing = (sizes < need_n) | (mass < need_p)
        wins_with_i = (sizes + 1 >= need_n) & (mass + pop[i] >= need_p)
        out[i] = ((count * (losing & wins_with_i)).sum(1) * share).sum()
    return out / out.sum()


@functools.lru_cache(maxsize=None)
def council_power(era: str, unanimity: bool = False) -> dict[str, float]:
    """Each member's share of Council power: Shapley-Shubik under QMV, equal shares under unanimity."""
    codes = members(era)
    if unanimity:
        return {a: 1.0 / len(codes) for a in codes}
    table = _rules_table()
    if era == "eu15":
        index = shapley_shubik([int(table[a]["pre_nice"]) for a in codes], 62)
    elif era == "eu28":
        index = double_majority_shapley([table[a]["population"] for a in codes])
    else:
        nice = council_weights()
        index = shapley_shubik([int(nice[a]) for a in codes], _QUOTA[era][0])
    return dict(zip(codes, (float(v) for v in index)))


def _criteria(era: str, names: Sequence[str]) -> list[tuple[np.ndarray, float]]:
    """(weight per actor, share of the present members' total needed) for every condition of a qualified majority."""
    codes = set(members(era))
    is_member = np.array([a in codes for a in names], float)
    if era == "eu28":
        pop = np.array([_rules_table()[a]["population"] if a in codes else 0.0 for a in names])
        return [(is_member, 0.55), (pop, 0.65)]
    if era == "eu15":
        votes = np.array([_rules_table()[a]["pre_nice"] if a in codes else 0.0 for a in names], float)
        return [(votes, 62 / 87)]
    nice = council_weights()
    votes = np.array([nice[a] if a in codes else 0.0 for a in names], float)
    return [(votes, _QUOTA[era][0] / _QUOTA[era][1])]


def qualified_core(pos: np.ndarray, criteria: list[tuple[np.ndarray, float]]) -> tuple[np.ndarray, np.ndarray]:
    """(lo, hi) pivots for each row of (batch, n) positions: the members at or right of lo (left of hi) qualify."""
    pos = np.atleast_2d(np.asarray(pos, float))
    order = np.argsort(pos, axis=-1, kind="stable")
    x = np.take_along_axis(pos, order, -1)
    from_left = np.ones(x.shape, bool)
    from_right = np.ones(x.shape, bool)
    for weight, share in criteria:
        w = np.take_along_axis(np.broadcast_to(weight, pos.shape), order, -1)
        need = share * w.sum(-1, keepdims=True) - 1e-9
        from_left &= np.cumsum(w, -1) >= need
        from_right &= np.cumsum(w[..., ::-1], -1)[..., ::-1] >= need
    n = x.shape[-1]
    lo_k = np.where(from_right, np.arange(n), -1).max(-1)
    hi_k = np.where(from_left, np.arange(n), n).min(-1)
    rows = np.arange(x.shape[0])
    return x[rows, np.clip(lo_k, 0, n - 1)], x[rows, np.clip(hi_k, 0, n - 1)]


def council_detail(pos: np.ndarray, sal: np.ndarray, names: Sequence[str], voting: str = "qmv",
                   unanimity: str = "qmv") -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(capability per actor, weighted mean, core lo, core hi, forecast) for (batch, n) inputs."""
    if unanimity not in UNANIMITY:
        raise ScenarioError(f"unknown unanimity handling '{unanimity}' (use {', '.join(UNANIMITY)})")
    names = [str(a).lower() for a in names]
    era = council_era(names)
    codes = set(members(era))
    if not codes & set(names):
        raise ScenarioError("the council model needs EU member states as actors (DEU III codes such as de, fr)")
    unanimous = voting.strip().lower().startswith("unan")
    power = council_power(era, unanimous)
    top = max(power.values())
    # by convention the Commission and the Parliament weigh as much as the strongest member state
    cap = np.array([power.get(a, top if a in INSTITUTIONS else 0.0) for a in names])
    pos = np.atleast_2d(np.asarray(pos, float))
    w = cap * np.atleast_2d(np.asarray(sal, float))
    w = np.where(w.sum(-1, keepdims=True) > 0, w, 1.0)  # nobody cares: every actor counts the same
    mean = (w * pos).sum(-1) / w.sum(-1)
    if unanimous and unanimity == "veto":
        # every member can veto: the core is everything between the extreme members
        member_pos = np.where([a in codes for a in names], pos, np.nan)
        lo, hi = np.nanmin(member_pos, -1), np.nanmax(member_pos, -1)
    else:
        lo, hi = qualified_core(pos, _criteria(era, names))
    return cap, mean, lo, hi, np.clip(mean, lo, hi)


def council_predict(pos: np.ndarray, sal: np.ndarray, names: Sequence[str], voting: str = "qmv",
                    unanimity: str = "qmv") -> np.ndarray:
    """Council-model forecast for (n,) or (batch, n) positions and saliences of DEU-coded actors."""
    out = council_detail(pos, sal, names, voting, unanimity)[-1]
    return out[0] if np.ndim(pos) == 1 else out


__all__ = ["ERAS", "UNANIMITY", "members", "council_era", "shapley_shubik", "double_majority_shapley",
           "council_power", "qualified_core", "council_predict", "council_detail"]
