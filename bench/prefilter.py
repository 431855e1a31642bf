#!/usr/bin/env python3
"""What the ingest pre-filter (realpolitik.prefilter) drops, and what that costs in events: nothing, or this
bench says which.

Every bench input is coded twice with the same Coder, in the same run: once as the coder alone does it
(``Coder.code_documents``: every document parsed in full) and once through the pre-filter
(``prefilter.code_filtered``: two parsing passes, documents that cannot hold an event not parsed further).
Coding one document does not depend on the others, so comparing the events of each document is exact:
``lost`` counts events of the full run missing from the filtered one (and ``added`` the reverse); both must be
0. For the gold sets it also counts dropped items that have gold events (what the dropped items would have
been worth had the coder found their events).

Inputs (each as its own bench builds them):
  plover    ../shared/gold/plover_gsr_dev.jsonl, one sentence a document (bench/fidelity.py)
  quad      ../shared/gold/conflibert_quad_dev.jsonl, one sentence a document (bench/fidelity.py --only quad)
  realnews  bench/gold/realnews/gold.jsonl sentences with title and context segments (bench/realnews.py)
  own_gold  bench/own_gold/articles/*.md (bench/own_gold.py)
  bbc       the first --bbc BBC politics articles (bench/throughput.py)
  reuters   the first --reuters Reuters-21578 stories, title and text (bench/throughput.py --reuters)
  headlines every k-th of the million Reuters headlines, title-only records (--headlines of them)
Seconds are wall time of each side on this (shared) machine: the load average is printed.

Usage: python bench/prefilter.py [--only plover,quad,...] [--bbc 100] [--reuters 300] [--headlines 2000]
                                 [--rules-only]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))
CORPORA = ("plover", "quad", "realnews", "own_gold", "bbc", "reuters", "headlines")


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def _sentences(rows: list[dict]) -> list:
    from realpolitik.api import sentence_document
    from realpolitik.ingest.dates import parse_date

    return [sentence_document(r["text"], title=r.get("title"), context=r.get("context"),
                              date=parse_date(r.get("date")), path=r["id"]) for r in rows]


def _records(records: list[dict], tmp: Path, name: str) -> list:
    from realpolitik.ingest import read_paths
    from realpolitik.records import Document

    path = tmp / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return [d for d in read_paths([str(path)]) if isinstance(d, Document)]


def inputs(name: str, args, tmp: Path) -> tuple[list, dict[str, int]] | None:
    """(documents, gold event count per document path) of one bench input, or None when it is absent."""
    from realpolitik.ingest import read_paths
    from realpolitik.records import Document

    if name == "plover":
        src = SHARED / "gold" / "plover_gsr_dev.jsonl"
        if not src.is_file():
            return None
        rows = _jsonl(src)
        return _sentences(rows), {r["id"]: 1 for r in rows if r.get("event")}
    if name == "quad":
        src = SHARED / "gold" / "conflibert_quad_dev.jsonl"
        if not src.is_file():
            return None
        rows = _jsonl(src)
        return _sentences(rows), {r["id"]: 1 for r in rows if r.get("label")}
    if name == "realnews":
        import realnews

        try:
            rows = realnews.load_gold()
        except (SystemExit, OSError):
            return None
        return _sentences(rows), {r["id"]: len(r["events"]) for r in rows if r["events"]}
    if name == "own_gold":
        files = sorted(str(p) for p in (ROOT / "bench" / "own_gold" / "articles").glob("*.md"))
        return [d for d in read_paths(files) if isinstance(d, Document)], {}
    if name == "bbc":
        files = sorted(str(p) for p in (SHARED / "corpora" / "bbc_politics").glob("*.txt"))[: args.bbc]
        return ([d for d in read_paths(files) if isinstance(d, Document)], {}) if files else None
    if name == "reuters":
        src = SHARED / "corpora" / "reuters21578.jsonl.gz"
        if not src.is_file():
            return None
        recs = []
        with gzip.open(src, "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("text"):
                    recs.append({"id": r["id"], "title": r.get("title"), "text": r["text"], "date": r.get("date")})
                    if len(recs) >= args.reuters:
                        break
        return _records(recs, tmp, "reuters"), {}
    if name == "headlines":
        src = SHARED / "corpora" / "reuters_headlines_2015_2016_1M.jsonl.gz"
        if not src.is_file():
            return None
        step, recs = max(1, 1_000_000 // args.headlines), []
        with gzip.open(src, "rt", encoding="utf-8") as f:
            for i, line in enumerate(f):
                if i % step == 0:
                    r = json.loads(line)
                    if r.get("title"):  # title-only records: coded as title segments
                        recs.append({"id": r["id"], "title": r["title"], "date": r.get("date")})
                        if len(recs) >= args.headlines:
                            break
        return _records(recs, tmp, "headlines"), {}
    raise ValueError(name)


def _events(coded) -> list[tuple]:
    return sorted((e.event_id, e.cameo, e.source.actor_id if e.source else "", e.target.actor_id if e.target else "",
                   e.hypothetical, e.negated) for e in coded.events)


def compare(coder, docs: list, gold: dict[str, int]) -> dict:
    from realpolitik.prefilter import code_filtered

    t0 = time.perf_counter()
    full = coder.code_documents(docs)
    t_full = time.perf_counter() - t0
    t0 = time.perf_counter()
    filtered, skipped = code_filtered(coder, docs)
    t_filtered = time.perf_counter() - t0
    lost = added = changed = 0
    dropped_gold = 0
    for d, a, b in zip(docs, full, filtered):
        ea, eb = _events(a), _events(b)
        if ea != eb:
            changed += 1
            lost += len([e for e in ea if e not in eb])
            added += len([e for e in eb if e not in ea])
            print(f"  CHANGED {d.path}: {len(ea)} events in full, {len(eb)} filtered", file=sys.stderr)
        if not b.sentences and gold.get(d.path):
            dropped_gold += gold[d.path]
    return {"docs": len(docs), "skipped": skipped, "events": sum(len(c.events) for c in full),
            "lost": lost, "added": added, "changed": changed, "dropped_gold": dropped_gold,
            "t_full": t_full, "t_filtered": t_filtered}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(CORPORA))
    ap.add_argument("--bbc", type=int, default=100)
    ap.add_argument("--reuters", type=int, default=300)
    ap.add_argument("--headlines", type=int, default=2000)
    ap.add_argument("--rules-only", action="store_true", help="the coder without its classifier")
    args = ap.parse_args()
    from realpolitik.api import build_coder

    coder = build_coder(classifier=None if args.rules_only else "default")
    print(f"classifier: {'off' if coder.classifier is None else 'on'}; load average {os.getloadavg()[0]:.1f}")
    print(f"{'input':<10} {'docs':>6} {'skipped':>8} {'events':>7} {'lost':>5} {'added':>6} {'gold in dropped':>15}"
          f" {'full s':>8} {'filtered s':>10} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as tmp_s:
        for name in args.only.split(","):
            got = inputs(name, args, Path(tmp_s))
            if got is None:
                print(f"{name:<10} skipped (input not found)")
                continue
            r = compare(coder, *got)
            print(f"{name:<10} {r['docs']:>6} {r['skipped']:>5} {100 * r['skipped'] / max(r['docs'], 1):>2.0f}%"
                  f" {r['events']:>7} {r['lost']:>5} {r['added']:>6} {r['dropped_gold']:>15} {r['t_full']:>8.1f}"
                  f" {r['t_filtered']:>10.1f} {r['t_full'] / max(r['t_filtered'], 1e-9):>6.2f}", flush=True)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
