"""Write time against database size: seconds per batch of 64 coded documents stored into a synthetic database
already holding 0, 10k or 100k documents (bench/synthetic.py, 40 events each), through ``Store.add_many`` (a
connection per batch) and through one ``Store.writer()`` ingest session, flushed per batch or writing 512
documents per transaction as an ingest does (then the figure is the time per 64 of them).

    python bench/store_write.py --docs 0,10000,100000 --batches 8
    python bench/store_write.py --docs 100000 --optimize   # into a copy whose events Store.optimize rewrote

The documents are built directly as records (no NLP): 10 sentences of one event each between the synthetic
actors, dated 2000-2020, so new mentions meet stored ones to cluster with as in a real corpus.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import COUNTRIES, WORDS, build, optimized  # noqa: E402

from realpolitik.records import ActorRef, CodedSentence, Document, Event, EventDate, Segment  # noqa: E402


def coded_docs(n: int, seed: int) -> list[tuple[Document, list[CodedSentence], list]]:
    from realpolitik.events.codebook import cameo_codes

    rng = random.Random(seed)
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    out = []
    for d in range(n):
        doc_id = hashlib.sha1(f"bench-{seed}-{d}".encode()).hexdigest()[:16]
        pub = dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(7671))
        segments, sentences = [Segment(0, "title", f"Story {doc_id}")], []
        for i in range(10):
            a, b = (COUNTRIES[min(int(len(COUNTRIES) * rng.random() ** 3), len(COUNTRIES) - 1)] for _ in "ab")
            c = rng.choice(codes)
            text = (f"Officials of {a} discussed {rng.choice(WORDS)} and {rng.choice(WORDS)} with {b}, "
                    f"report {seed}-{d}-{i}.")
            sid = f"{doc_id}:{i + 1}:0"
            src, tgt = (ActorRef(x, x, x, x, None, "state", x, 0, 3, "synthetic") for x in (a, b))
            event = Event(hashlib.sha1(f"{sid}:0".encode()).hexdigest()[:16], doc_id, sid, text,
                          EventDate(pub, "day"), src, tgt, c.code, c.root, c.quad_class, c.goldstein,
                          c.plover or "", trigger="discussed", rule="synthetic")
            segments.append(Segment(i + 1, "body", text))
            sentences.append(CodedSentence(sid, i + 1, 0, text, 0, [src, tgt], [event]))
        doc = Document(doc_id, f"bench/{doc_id}.txt", tuple(segments), title=f"Story {doc_id}", date=pub,
                       date_source="record", source=f"Wire {d % 7}")
        out.append((doc, sentences, []))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", default="0,10000,100000", help="stored documents before the timed batches")
    ap.add_argument("--batches", type=int, default=8, help="timed batches of 64 documents per size and mode")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--modes", default="add_many,writer,writer512",
                    help="add_many: a connection per batch; writer: Store.writer() flushed per batch; writer512: "
                         "Store.writer() writing the 8 batches in one transaction (seconds per 64 documents)")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "realpolitik-bench-write")
    ap.add_argument("--optimize", action="store_true",
                    help="write into copies of the stored databases rewritten by Store.optimize (built once, cached)")
    args = ap.parse_args()
    from realpolitik.store import Store

    args.cache.mkdir(parents=True, exist_ok=True)
    docs = coded_docs(args.batch * args.batches, seed=7)
    batches = [docs[i:i + args.batch] for i in range(0, len(docs), args.batch)]
    print(f"{'stored docs':>11} {'mode':>9} {'median s/batch':>15} {'first':>7} {'last':>7}")
    for n_docs in (int(x) for x in args.docs.split(",")):
        template = args.cache / f"synthetic-{n_docs}.duckdb"
        if n_docs and not template.exists():
            t = time.perf_counter()
            build(template, n_docs * 40, mentions=True)
            print(f"  (built {template} in {time.perf_counter() - t:.0f} s)")
        if n_docs and args.optimize:
            template = optimized(template)
        for mode in args.modes.split(","):
            db = args.cache / f"run-{n_docs}-{mode}.duckdb"
            db.unlink(missing_ok=True)
            if n_docs:
                shutil.copyfile(template, db)
            store = Store(db)
            store.add_many(coded_docs(2, seed=1))  # create / open once: load the embedder before timing
            times = []
            if mode == "add_many":
                for b in batches:
                    t = time.perf_counter()
                    store.add_many(b)
                    times.append(time.perf_counter() - t)
            elif mode == "writer512":  # as an ingest writes: one transaction per 512 documents
                with store.writer(window=3600) as w:
                    t = time.perf_counter()
                    for b in batches:
                        w.add_many(b)
                    w.flush()
                    times = [(time.perf_counter() - t) / len(batches)] * len(batches)
            else:
                with store.writer() as w:
                    for b in batches:
                        t = time.perf_counter()
                        w.add_many(b)
                        w.flush()  # time the write itself, not the buffering
                        times.append(time.perf_counter() - t)
            print(f"{n_docs:>11,} {mode:>9} {statistics.median(times):>15.3f} {times[0]:>7.3f} {times[-1]:>7.3f}")
            db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
