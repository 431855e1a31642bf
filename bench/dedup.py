#!/usr/bin/env python3
"""Event clustering on Reuters-21578 (many wire stories of the same 1987 happenings).

Ingests the first N articles of ../shared/corpora/reuters21578.jsonl.gz (corpus order, default 3000) into a
fresh database with the real pipeline and reports:
  - mentions (coded event rows) and events (happenings) after clustering, and how many events have more
    than one mention / more than one article;
  - cost: time spent clustering (store/cluster.py, timed inside the same ingest) against the rest of the
    ingest, as a ratio measured in one run;
  - precision of merged clusters: a seeded sample of 40 events with mentions from at least two sentences is
    written to bench/dedup/sample.jsonl (ids and offsets only, no corpus text); bench/dedup/judgements.jsonl
    holds a person's verdict for each (same happening or not, read from the sentences); `--judge` prints the
    sample's sentences for judging, and the score is the share judged the same happening.
Usage: python bench/dedup.py [--docs 3000] [--judge] [--db PATH]
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent / "dedup"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "reuters21578.jsonl.gz"


def _subset(n: int, folder: Path) -> Path:
    out = folder / "reuters.jsonl"
    with gzip.open(CORPUS, "rt", encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            rec = json.loads(line)
            rec["source"] = "Reuters"
            dst.write(json.dumps(rec) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--db", help="reuse (or keep) this database instead of a temporary one")
    ap.add_argument("--judge", action="store_true", help="print the sampled clusters' sentences for judging")
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"bench/dedup: {CORPUS} not found (../shared beside the repo)")

    from realpolitik import api
    from realpolitik.store import Store, cluster

    tmp = Path(tempfile.mkdtemp(prefix="dedup-"))
    db = Path(args.db) if args.db else tmp / "reuters.duckdb"
    spent = [0.0]
    if not db.exists():
        real = cluster.assign

        def timed(con, ids):
            t = time.perf_counter()
            try:
                return real(con, ids)
            finally:
                spent[0] += time.perf_counter() - t

        cluster.assign = timed
        src = _subset(args.docs, tmp)
        t0 = time.perf_counter()
        report = api.ingest([str(src)], db=db, progress=False)
        total = time.perf_counter() - t0
        cluster.assign = real
        print(f"ingested {report.added} articles in {total:.0f} s; clustering {spent[0]:.1f} s = "
              f"{spent[0] / (total - spent[0]):.3f} of the rest of the ingest (one run, loaded 2-core machine)")
    store = Store(db, read_only=True)
    c = store.query("SELECT (SELECT count(*) FROM event_mentions) AS mentions, (SELECT count(*) FROM events) AS events,"
                    " (SELECT count(*) FROM events WHERE num_mentions > 1) AS multi,"
                    " (SELECT count(*) FROM events WHERE num_articles > 1) AS multi_doc").iloc[0]
    print(f"mentions (before clustering) {c.mentions}, events (after) {c.events} = {c.events / c.mentions:.3f}; "
          f"{c.multi} events with >1 mention, {c.multi_doc} with >1 article")
    merged = store.query("SELECT event_id FROM events WHERE num_mentions > 1 ORDER BY event_id")["event_id"].tolist()
    rng = random.Random(args.seed)
    sample = sorted(rng.sample(merged, min(40, len(merged))))
    HERE.mkdir(exist_ok=True)
    rows = store.query(
        "SELECT m.event_id, m.mention_id, m.sentence_id, m.doc_id, m.cameo, m.source_actor_id, m.target_actor_id,"
        " m.date, m.trigger_start, m.trigger_end, d.path, s.text FROM event_mentions m JOIN sentences s USING"
        " (sentence_id) JOIN documents d ON d.doc_id = m.doc_id WHERE m.event_id IN (SELECT unnest(?)) "
        "ORDER BY m.event_id, m.date, m.mention_id", [sample])
    with open(HERE / "sample.jsonl", "w", encoding="utf-8") as fh:
        for eid, g in rows.groupby("event_id", sort=True):
            fh.write(json.dumps({"event_id": eid, "mentions": [
                {"mention_id": r.mention_id, "record": r.path.rsplit("#", 1)[-1], "sentence_id": r.sentence_id,
                 "cameo": r.cameo, "source": r.source_actor_id, "target": r.target_actor_id,
                 "date": str(r.date)[:10], "trigger": [int(r.trigger_start), int(r.trigger_end)]}
                for r in g.itertuples()]}) + "\n")
            if args.judge:
                print(f"\n== {eid}")
                for r in g.itertuples():
                    print(f"  [{r.cameo} {r.source_actor_id}->{r.target_actor_id} {str(r.date)[:10]} "
                          f"#{r.path.rsplit('#', 1)[-1]}] {r.text[:300]}")
    judged_path = HERE / "judgements.jsonl"
    if judged_path.exists():
        judged = {j["event_id"]: j for j in map(json.loads, judged_path.read_text(encoding="utf-8").splitlines())}
        hits = [judged[e]["same"] for e in sample if e in judged]
        if hits:
            print(f"precision of merged clusters (judged by hand): {sum(hits) / len(hits):.3f} "
                  f"({sum(hits)}/{len(hits)} the same happening)")
    print(f"database: {db}")


if __name__ == "__main__":
    main()
