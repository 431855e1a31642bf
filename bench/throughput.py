#!/usr/bin/env python3
"""Throughput of the full ingest (read, clean, parse, resolve actors, code, store) against spaCy's own
`nlp.pipe` over the same texts, in one run. Prints words/s of both and their ratio (ingest / spaCy).

Corpus: ../shared/corpora/bbc_politics/*.txt (417 articles) by default, or --reuters N stories.
Usage: python bench/throughput.py [--limit N] [--reuters N] [--repeat 2]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def corpus_files(args, tmp: Path) -> list[Path]:
    if args.reuters:
        src = SHARED / "corpora" / "reuters21578.jsonl.gz"
        out = tmp / "reuters.jsonl"
        n = 0
        with gzip.open(src, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as dst:
            for line in f:
                r = json.loads(line)
                if r.get("text"):
                    dst.write(json.dumps({"id": r["id"], "title": r.get("title"), "text": r["text"],
                                          "date": r.get("date")}) + "\n")
                    n += 1
                    if n >= args.reuters:
                        break
        return [out]
    files = sorted((SHARED / "corpora" / "bbc_politics").glob("*.txt"))
    return files[: args.limit] if args.limit else files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="first N BBC files only")
    ap.add_argument("--reuters", type=int, default=0, help="use the first N Reuters-21578 stories instead")
    ap.add_argument("--repeat", type=int, default=2, help="alternating runs of each side; best time kept")
    args = ap.parse_args()
    if not (SHARED / "corpora").is_dir():
        sys.exit("corpora not found (../shared/corpora beside the repo)")

    from realpolitik import api
    from realpolitik.ingest import read_paths
    from realpolitik.nlp import load_nlp

    with tempfile.TemporaryDirectory() as tmp_s:
        tmp = Path(tmp_s)
        files = corpus_files(args, tmp)
        docs = [d for d in read_paths([str(f) for f in files]) if hasattr(d, "segments")]
        texts = [s.text for d in docs for s in d.segments]
        words = sum(len(t.split()) for t in texts)
        nlp = load_nlp()
        api.default_classifier()  # load models before timing either side
        list(nlp.pipe(texts[:20]))

        # alternate the two sides and keep each one's best time: a busy machine slows both alike
        spacy_s = ingest_s = float("inf")
        for k in range(args.repeat):
            t0 = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=64):
                pass
            spacy_s = min(spacy_s, time.perf_counter() - t0)
            t0 = time.perf_counter()
            report = api.ingest([str(f) for f in files], db=tmp / f"bench{k}.duckdb", progress=False)
            ingest_s = min(ingest_s, time.perf_counter() - t0)

    print(f"documents: {len(docs)}  segments: {len(texts)}  words: {words}  events: {report.events}")
    print(f"spaCy nlp.pipe : {words / spacy_s:10.0f} words/s  ({spacy_s:.1f} s)")
    print(f"realpolitik ingest: {words / ingest_s:7.0f} words/s  ({ingest_s:.1f} s)")
    print(f"ratio ingest/spaCy: {spacy_s / ingest_s:.3f}")


if __name__ == "__main__":
    main()
