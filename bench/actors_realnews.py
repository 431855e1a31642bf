#!/usr/bin/env python3
"""Actors on real news, judged by hand (issue 10): the top 50 actors of a BBC + Reuters ingest, and the sources
of the 60 judged events of bench/judge_events.py.

  sheet  — the top N (50) actors by events of the judge ingest (bench/judge_events.py ingest) as a JSONL
           sheet: actor id, name, kind, code, country, sector, events, a few aliases and roles, and empty
           judgement fields: country (right country, or rightly none), sector (right sector), junk (not a
           real actor: a common word, a date-polluted name, two actors merged), full (country and sector
           right and not junk), note;
  score  — the shares of a judged actors sheet (bench/gold/judged/actors-*.jsonl): junk entries, country and
           sector right, people fully right; and, from a judged events sheet, the sources: right country
           where the text gave evidence, and wrong countries guessed where it gave none.
Usage: python bench/actors_realnews.py sheet [--db F] [--n 50] [-o actors_sheet.jsonl]
       python bench/actors_realnews.py score bench/gold/judged/actors-4461bb9.jsonl
                                             [--events bench/gold/judged/baseline-4461bb9.jsonl]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judge_events import DEFAULT_DB  # noqa: E402

FIELDS = ("country", "sector", "junk", "full")


def top_actors(db: Path, n: int) -> list[dict]:
    from realpolitik import api

    df = api.actors(db).sort_values(["events", "actor_id"], ascending=[False, True]).head(n)
    out = []
    for r in df.to_dict("records"):
        def listed(v, k):
            try:
                items = json.loads(v) if isinstance(v, str) else list(v or [])
            except ValueError:
                items = [v]
            return [str(x) if not isinstance(x, dict) else str(x.get("role") or x.get("name") or x)
                    for x in items][:k]
        out.append({"actor_id": r["actor_id"], "name": r["name"], "kind": r["kind"], "code": r["code"],
                    "country": r["country"] if isinstance(r["country"], str) else None,
                    "sector": r["sector"] if isinstance(r["sector"], str) else None, "events": int(r["events"]),
                    "aliases": listed(r.get("aliases"), 8), "roles": listed(r.get("roles"), 3)})
    return out


def sheet(db: Path, n: int, out: Path) -> None:
    rows = top_actors(db, n)
    with out.open("w", encoding="utf-8") as fh:
        for k, r in enumerate(rows):
            fh.write(json.dumps({"rank": k + 1, **r, **{f: None for f in FIELDS}, "note": ""},
                                ensure_ascii=False) + "\n")
    print(f"{len(rows)} actors written to {out}")


def share(k: int, n: int) -> str:
    return f"{k}/{n} = {k / n:.2f}" if n else f"{k}/0"


def score(path: Path, events: Path | None) -> None:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    people = [r for r in rows if r.get("kind") == "person" and not r.get("junk")]
    print(f"{path.name}: top {len(rows)} actors by events")
    print(f"  junk entries            {sum(bool(r.get('junk')) for r in rows)}")
    print(f"  country right           {share(sum(bool(r.get('country')) for r in rows), len(rows))}")
    print(f"  sector right            {share(sum(bool(r.get('sector')) for r in rows), len(rows))}")
    print(f"  fully right             {share(sum(bool(r.get('full')) for r in rows), len(rows))}")
    print(f"  people fully right      {share(sum(bool(r.get('full')) for r in people), len(people))}"
          "   (people that are not junk)")
    if events:
        ev = [json.loads(line) for line in events.open(encoding="utf-8") if line.strip()]
        real = [r for r in ev if r.get("real")]
        with_src = [r for r in real if (r.get("source") or {}).get("name")]
        evid = [r for r in with_src if r.get("src_evidence")]
        print(f"{events.name}: sources of {len(ev)} judged events ({len(real)} real, {len(with_src)} with a source)")
        print(f"  source country right             {share(sum(bool(r.get('src_country')) for r in with_src), len(with_src))}")
        print(f"  ... where the text gave evidence {share(sum(bool(r.get('src_country')) for r in evid), len(evid))}")
        print(f"  source with no country           "
              f"{share(sum(not (r.get('source') or {}).get('country') for r in with_src), len(with_src))}")
        print(f"  wrong country guessed without evidence (all {len(ev)} events): "
              f"{sum(bool(r.get('src_wrong_guess')) for r in ev)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("sheet")
    a.add_argument("--db", type=Path, default=DEFAULT_DB)
    a.add_argument("--n", type=int, default=50)
    a.add_argument("-o", "--out", type=Path, default=Path("actors_sheet.jsonl"))
    b = sub.add_parser("score")
    b.add_argument("path", type=Path)
    b.add_argument("--events", type=Path, help="a judged events sheet of bench/judge_events.py")
    args = ap.parse_args()
    if args.cmd == "sheet":
        sheet(args.db, args.n, args.out)
    else:
        score(args.path, args.events)


if __name__ == "__main__":
    main()
