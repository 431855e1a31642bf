#!/usr/bin/env python3
"""Judged precision of real-news events: 60 seeded-random factual events of a BBC + Reuters ingest, read by hand.

Issue 9's "judge 60 random factual events of an ingest of those corpora". Three steps:
  ingest  — BBC politics (all 417 files) + 500 seeded-random Reuters-21578 stories with text into a DuckDB
            (default /tmp/realpolitik-judge.duckdb), with the real pipeline (api.ingest);
  sheet   — draw N (60) seeded-random factual events (not hypothetical, not negated) and write a judgement
            sheet (JSONL: event id, sentence, title, code, source, target + empty judgement fields) to fill in;
  score   — read a filled sheet (bench/gold/judged/*.jsonl) and print the shares.
Judgement fields per event (true/false; null = not applicable): real (a real event a CAMEO coder would code in
this sentence), root (CAMEO root right), code (exact code right), src_country, src_sector, tgt (target right:
country and sector, or rightly none), full (real and root, source and target all right), and note.
The corpora stay in ../shared; the sheet holds the sentence only outside the repo (committed judgements keep
event ids, codes and judgements, and the sentence's corpus id and offset, not its text).
Usage: python bench/judge_events.py ingest [--db F] [--seed 10] [--workers 1]
       python bench/judge_events.py sheet [--db F] [--seed 60] [--n 60] [-o sheet.jsonl]
       python bench/judge_events.py score bench/gold/judged/baseline.jsonl
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews_corpus as rc  # noqa: E402

DEFAULT_DB = Path(tempfile.gettempdir()) / "realpolitik-judge.duckdb"
N_REUTERS = 500
FIELDS = ("real", "root", "code", "src_country", "src_sector", "tgt", "full")


def reuters_sample(seed: int, n: int = N_REUTERS) -> list[str]:
    """Seeded-random Reuters-21578 story ids (stories with text), in corpus order."""
    ids = sorted(rc.reuters_stories(), key=lambda k: int(k.rsplit("-", 1)[1]))
    pick = set(random.Random(seed).sample(ids, n))
    return [i for i in ids if i in pick]


def ingest(db: Path, seed: int, workers: int = 1) -> None:
    from realpolitik import api

    root = rc.shared_dir()
    if root is None:
        sys.exit("judge_events: ../shared/corpora not found; nothing to ingest")
    stories = rc.reuters_stories()
    with tempfile.TemporaryDirectory() as tmp:
        jl = Path(tmp) / "reuters500.jsonl"
        with jl.open("w", encoding="utf-8") as fh:
            for i in reuters_sample(seed):
                s = stories[i]
                fh.write(json.dumps({"id": i, "date": s["date"], "title": s["title"], "text": s["text"]}) + "\n")
        bbc = sorted(str(p) for p in (root / "corpora" / rc.BBC).glob("*.txt"))
        rep = api.ingest(bbc + [str(jl)], db=db, progress=False, workers=workers)
    print(f"ingested into {db}: {rep.added} documents, {rep.events} events, {len(rep.failures)} failures")


def factual_events(db: Path):
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        cur = con.execute(
            "SELECT e.event_id, e.cameo, e.source_name, e.source_code, e.source_country, e.source_sector, "
            "e.target_name, e.target_code, e.target_country, e.target_sector, e.trigger, e.rule, "
            "s.text AS sentence, d.title, d.path FROM events e JOIN sentences s USING (sentence_id) "
            "JOIN documents d ON d.doc_id = e.doc_id "
            "WHERE NOT coalesce(e.is_hypothetical, false) AND NOT coalesce(e.is_negated, false) "
            "ORDER BY e.event_id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
    finally:
        con.close()


def doc_name(path: str, ingest_seed: int) -> str:
    """A BBC file name, or the Reuters-21578 record id behind a line of the temporary Reuters JSONL."""
    name = Path(str(path)).name
    if name.startswith("reuters500.jsonl#"):
        return reuters_sample(ingest_seed)[int(name.split("#")[1]) - 1]
    return name


def sheet(db: Path, seed: int, n: int, out: Path, ingest_seed: int = 10) -> None:
    rows = factual_events(db)
    pick = random.Random(seed).sample(range(len(rows)), min(n, len(rows)))
    with out.open("w", encoding="utf-8") as fh:
        for k, i in enumerate(pick):
            r = rows[i]
            line = {"n": k, "event_id": r["event_id"], "doc": doc_name(r["path"], ingest_seed), "title": r["title"] or "",
                    "sentence": r["sentence"], "cameo": r["cameo"], "trigger": r["trigger"], "rule": r["rule"],
                    "source": {"name": r["source_name"], "code": r["source_code"], "country": r["source_country"]},
                    "target": {"name": r["target_name"], "code": r["target_code"], "country": r["target_country"]}}
            line.update({f: None for f in FIELDS})
            line["note"] = ""
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(pick)} of {len(rows)} factual events written to {out}")


def score(path: Path) -> dict:
    """Shares of a judged sheet; source and target fields count only on real events."""
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    n = len(rows)
    if not n:
        sys.exit(f"judge_events: {path}: no judged rows")
    real = [r for r in rows if r.get("real")]
    out = {"events": n, "real": len(real)}
    for f in FIELDS[1:]:
        out[f] = sum(bool(r.get(f)) for r in real)
    out["full_country"] = sum(bool(r.get("root") and r.get("src_country") and r.get("tgt")) for r in real)
    print(f"{path.name}: {n} judged factual events")
    print(f"  real events                    {out['real']:3d}/{n} = {out['real'] / n:.2f}")
    for f, label in (("root", "CAMEO root right"), ("code", "exact code right"),
                     ("src_country", "source country right"), ("src_sector", "source sector right"),
                     ("tgt", "target right (or rightly none)"), ("full_country", "right at root+countries"),
                     ("full", "fully right (+ sectors)")):
        k = out[f]
        print(f"  {label:30s} {k:3d}/{n} = {k / n:.2f}   (of real: {k}/{len(real)})")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("ingest")
    a.add_argument("--db", type=Path, default=DEFAULT_DB)
    a.add_argument("--seed", type=int, default=10)
    a.add_argument("--workers", type=int, default=1, help="coding processes (api.ingest; same stored result)")
    b = sub.add_parser("sheet")
    b.add_argument("--db", type=Path, default=DEFAULT_DB)
    b.add_argument("--seed", type=int, default=60)
    b.add_argument("--n", type=int, default=60)
    b.add_argument("-o", "--out", type=Path, default=Path("judge_sheet.jsonl"))
    b.add_argument("--ingest-seed", type=int, default=10, help="the seed the ingest drew its Reuters stories with")
    c = sub.add_parser("score")
    c.add_argument("path", type=Path)
    args = ap.parse_args()
    if args.cmd == "ingest":
        ingest(args.db, args.seed, args.workers)
    elif args.cmd == "sheet":
        sheet(args.db, args.seed, args.n, args.out, args.ingest_seed)
    else:
        score(args.path)


if __name__ == "__main__":
    main()
