"""How many events each path of the coder produced, for the benches (issue 9: "say in the bench how many
events each path produced"). A rule string starts with its path: `lex:` realpolitik's lexicon, `pv:` an
imported PETRARCH2 (or --verbs) dictionary pattern, `model:` the sentence classifier."""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable


def path_counts(events: Iterable[dict]) -> str:
    """'factual events by path: lex 47, pv 10, model 1' over event dicts with `rule` and `factual` (or the
    `hypothetical`/`negated` flags of the prediction format)."""
    counts: Counter[str] = Counter()
    for e in events:
        factual = e.get("factual", not (e.get("hypothetical") or e.get("negated")))
        if factual:
            counts[str(e.get("rule") or "?").split(":")[0]] += 1
    return "factual events by path: " + (", ".join(f"{k} {v}" for k, v in counts.most_common()) or "none")
