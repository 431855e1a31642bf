#!/usr/bin/env python3
"""Event actors whose country came only from a fallback, on a seeded sample of Reuters-21578 stories.

Issue 10's "none is a guessed wrong country where the text gave no evidence": codes N seeded-random Reuters
stories (title + text, with their date) through the real coder and looks at every factual event's source and
target. A country is a *fallback* when the rule that placed it is the article's domestic country
("doc-country"), the sentence's or the previous sentence's only country ("sentence-country", ...) rather than
words around the actor or a knowledge-base fact. A fallback country that none of the story's Reuters
``places`` tags names is counted as a *suspect guess* (a proxy for "wrong without evidence": the tags are the
Reuters editors', not ours; a story tagged "japan" whose source got USA from a fallback is suspect).
Two samples: ``--seed 1`` (tune: read the printed rows) and ``--seed 2`` (check: report the counts only).
The corpus text stays in ../shared; nothing is written to the repo.
Usage: python bench/actors_fallback.py [--seed 1] [--n 200] [--show]
"""
from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews_corpus as rc  # noqa: E402

FALLBACK = ("doc-country", "sentence-country", "previous-sentence-country", "sentence-place")
# Reuters place tags that are not a country name the knowledge base reads
PLACE_ISO = {"usa": "USA", "uk": "GBR", "west-germany": "DEU", "east-germany": "DDR", "ussr": "USR",
             "south-korea": "KOR", "north-korea": "PRK", "taiwan": "TWN", "hong-kong": "HKG", "uae": "ARE",
             "ivory-coast": "CIV", "czechoslovakia": "CSK", "yugoslavia": "YUG", "iran": "IRN", "syria": "SYR",
             "bolivia": "BOL", "venezuela": "VEN", "vietnam": "VNM", "tanzania": "TZA", "russia": "RUS",
             "netherlands-antilles": "ANT", "zaire": "COD", "burma": "MMR", "ussr-": "USR"}


def sample(seed: int, n: int) -> list[str]:
    ids = sorted(rc.reuters_stories(), key=lambda k: int(k.rsplit("-", 1)[1]))
    pick = set(random.Random(seed).sample(ids, n))
    return [i for i in ids if i in pick]


def place_isos(kb, places: list[str]) -> set[str]:
    out = set()
    for p in places:
        iso = PLACE_ISO.get(p)
        if iso is None:
            hits = kb.lookup(p.replace("-", " ")) if hasattr(kb, "lookup") else []
            iso = next((e.country for e in hits if e.country), None)
        if iso:
            out.add(iso)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--show", action="store_true", help="print every fallback row (tune sample only)")
    args = ap.parse_args(argv)
    if rc.shared_dir() is None:
        print("actors_fallback: ../shared/corpora not found; nothing to measure")
        return 0
    from realpolitik import api
    from realpolitik.actors import load_kb

    import json
    import tempfile

    from realpolitik.ingest import Document, read_paths

    kb = load_kb()
    stories = rc.reuters_stories()
    ids = sample(args.seed, args.n)
    with tempfile.TemporaryDirectory() as tmp:
        jl = Path(tmp) / "reuters.jsonl"
        with jl.open("w", encoding="utf-8") as fh:  # the ingest's own reader, as `realpolitik ingest` reads it
            for i in ids:
                s = stories[i]
                fh.write(json.dumps({"id": i, "date": s["date"], "title": s["title"], "text": s["text"]}) + "\n")
        docs = [d for d in read_paths([str(jl)]) if isinstance(d, Document)]
    meta = {d.doc_id: place_isos(kb, stories[i].get("places") or []) for d, i in zip(docs, ids)}
    names = {d.doc_id: i for d, i in zip(docs, ids)}
    coded = api.code_documents(docs)
    c: Counter[str] = Counter()
    rows = []
    for d, cd in zip(docs, coded):
        for sent in cd.sentences:
            for e in sent.events:
                if not e.factual:
                    continue
                for side, a in (("source", e.source), ("target", e.target)):
                    if a is None:
                        continue
                    c[f"{side}s"] += 1
                    if not a.country:
                        c[f"{side}s no country"] += 1
                        continue
                    if any(f in (a.rule or "") for f in FALLBACK):
                        c[f"{side}s fallback"] += 1
                        if meta[d.doc_id] and a.country not in meta[d.doc_id]:
                            c[f"{side}s fallback suspect"] += 1
                            rows.append((names[d.doc_id], side, a.text, a.code, a.rule, sorted(meta[d.doc_id])))
    print(f"seed {args.seed}, {len(docs)} Reuters stories: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    if args.show:
        for r in rows:
            print("  ", *r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
