"""Dev benchmark: actor resolution against the PLOVER gold actors (../shared/gold/plover_gsr_dev.jsonl).

For each gold source/target actor, find its text in the sentence, resolve that span (head = span.root)
and compare country and country+sector. Gold 'IGO'/'NGO' countries match our igo/ngo kinds; gold
sector codes are compared on their first three letters ('CVLkur' -> CVL); '***' gold sectors are skipped
for the sector score. Baseline in the same run: a demonym/country-name lookup with no sector.
Every figure is given on the whole gold and on its two halves, split once by a hash of the sentence id
(the same split as bench/fidelity.py): tune (whose errors developers may read: --show-errors lists them)
and check (nobody reads its errors: the figure that counts).
Usage: python bench/actors_dev.py [--show-errors] [--phoenix]   (--phoenix also loads ../shared Phoenix dictionaries)
"""
from __future__ import annotations

import hashlib
import json
import re
import sys
import time
from pathlib import Path

from realpolitik.actors import ActorResolver, load_kb
from realpolitik.actors.scan import scan
from realpolitik.nlp import load_nlp

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "plover_gsr_dev.jsonl"
OLD_CODES = {"ITL": "ITA"}  # gold uses a few pre-ISO codes


def half(item_id: str) -> str:
    """'tune' or 'check', fixed by a hash of the id (bench/fidelity.py's split)."""
    return "tune" if int(hashlib.sha1(item_id.encode()).hexdigest(), 16) % 2 == 0 else "check"


def find_span(doc, text: str):
    """The token span of ``text`` in ``doc`` (first occurrence), or None."""
    t = text.strip()
    if "..." in t:
        t = t.split("...")[0].strip()
    m = re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", doc.text) or \
        re.search(r"(?<!\w)" + re.escape(t) + r"(?!\w)", doc.text, re.I)
    i = m.start() if m else doc.text.find(t)
    if i < 0 or not t:
        return None
    return doc.char_span(i, i + len(t), alignment_mode="expand")


def gold_country(a: dict) -> str | None:
    c = a.get("country")
    return OLD_CODES.get(c, c)


def pred_country(ref) -> str | None:
    if ref is None:
        return None
    if ref.kind in ("igo", "ngo") or (ref.country is None and ref.code[:3] in ("IGO", "NGO", "IMG")):
        return "IGO" if ref.kind == "igo" or ref.code.startswith("IGO") else "NGO"
    return ref.country


def same_country(gold: str | None, pred: str | None) -> bool:
    if gold in ("IGO", "NGO"):
        return pred in ("IGO", "NGO")
    return gold == pred


def conflibert_coverage(nlp, kb, limit: int = 400) -> tuple[float, int] | None:
    """Share of the ConfliBERT gold source/target spans that resolve to any actor (no country gold there)."""
    path = GOLD.parent / "conflibert_quad_dev.jsonl"
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8")][:limit]
    rows = [r for r in rows if r.get("source_spans") or r.get("target_spans")]
    n = hit = 0
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows)):
        res = ActorResolver(kb=kb)
        for text in (row.get("source_spans") or []) + (row.get("target_spans") or []):
            span = find_span(doc, text)
            if span is None:
                continue
            n += 1
            hit += res.resolve(span, span.root) is not None
    return (hit / n if n else 0.0), n


def main(argv: list[str]) -> None:
    show = "--show-errors" in argv
    if not GOLD.is_file():
        print(f"gold file not found: {GOLD}")
        return
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8")]
    nlp = load_nlp()
    phoenix = sorted((GOLD.parents[1] / "dictionaries").glob("Phoenix.*.txt")) if "--phoenix" in argv else []
    kb = load_kb(phoenix_files=[p for p in phoenix if "discards" not in p.name])
    docs = list(nlp.pipe(r["text"] for r in rows))
    # per half: [actors, country ok, baseline ok, sector-scored, country+sector ok]
    tally = {h: [0, 0, 0, 0, 0] for h in ("tune", "check", "all")}
    found = calls = 0
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs):
        res = ActorResolver(kb=kb)
        for sent in doc.sents:
            res.learn(sent)
        h = half(str(row.get("id", "")))
        for side in ("source", "target"):
            for a in row.get(side) or []:
                span = find_span(doc, a["text"])
                ref = None
                if span is not None:
                    found += 1
                    calls += 1
                    ref = res.resolve(span, span.root)
                gc, pc = gold_country(a), pred_country(ref)
                ok = same_country(gc, pc)
                base = next((m.entry.country for m in scan(kb, list(span))
                             if m.kind in ("state", "demonym")), None) if span is not None else None
                gs = (a.get("sector") or None)
                sec_ok = None
                if gs != "***" and span is not None:
                    ps = ref.sector if ref is not None else None
                    sec_ok = ok and ((gs or "")[:3] == (ps or "")[:3])
                    if show and not sec_ok and h == "tune":
                        print(f"  {a['text']!r}: gold {gc}/{gs}  got {pc}/{ps} "
                              f"({ref.rule if ref else 'None'})  | {row['text'][:110]}")
                for key in (h, "all"):
                    t = tally[key]
                    t[0] += 1
                    t[1] += ok
                    t[2] += same_country(gc, base)
                    if sec_ok is not None:
                        t[3] += 1
                        t[4] += sec_ok
    elapsed = time.perf_counter() - t0
    coverage = conflibert_coverage(nlp, kb)
    n = tally["all"][0]
    print(f"gold actors: {n}, text found in sentence: {found}")
    for key in ("all", "tune", "check"):
        a, c_ok, base_ok, s_n, s_ok = tally[key]
        print(f"{key:5s} n={a:3d}  country {c_ok / a:.3f} ({c_ok}/{a})  country+sector {s_ok / s_n:.3f} "
              f"({s_ok}/{s_n}, '***' sectors skipped)  baseline country {base_ok / a:.3f}")
    if coverage is not None:
        print(f"ConfliBERT dev source/target spans resolved to some actor: {coverage[0]:.3f} of {coverage[1]}")
    print(f"learn+resolve time: {elapsed * 1000:.0f} ms for {len(docs)} sentences, {calls} resolve calls")


if __name__ == "__main__":
    main(sys.argv[1:])
