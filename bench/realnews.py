#!/usr/bin/env python3
"""Real-news benches: six sets of random BBC/Reuters sentences (not filtered for events), CAMEO-coded by hand.

Set 1 (bench/gold/realnews/gold.jsonl): 172 sentences, seed 20261201. Sets 2-6 (bench/gold/realnewsN/):
150 each (75 BBC + 75 Reuters), seeds 20261202-20261205 and 20261207, each drawn leaving out the sets before it
(and, from set 4 on, the articles or sentences of the judged event sheets; see set_sample and
bench/gold/README.md). Each gold file was made before any system run on it and holds corpus ids and offsets;
the sentences, their titles and the article text before them are rebuilt from
../shared/corpora at run time (the bench skips when ../shared is absent). Each sentence goes to the system as
one line {id, text, title, context, date} through realpolitik.api.code_jsonl, and the output is scored:
  event-level P/R/F1 over factual events, at
    (a) root            CAMEO root
    (b) root+src        root + source country
    (c) root+src+tgt    root + source and target country (no target = no target)
    (d) code            exact CAMEO code (first 3 digits)
    (e) code+actors     exact code + source and target actor (country + sector)
  empty ok   — share of sentences with no factual gold event that get no factual event
  quad       — accuracy of the line's `quad` against the gold quad, and of answering 0 everywhere
  flagged    — gold future/hypothetical/negated events whose root+source the system stored as a fact
for BBC, Reuters and both, on the tune and check halves (a fixed hash of the id) and on all.
Actors compare by country; an IGO/NGO by its first six code letters (IGOUNO); an actor the system found but
could not place counts as '?', which matches nothing. Identical (code, source, target) events of one sentence
count once on both sides. A set's first look is its out-of-sample figure; every later run is in-sample for
whoever reads its errors.
Usage: python bench/realnews.py [--set N] [--errors {tune,check,all}] [--save PRED.jsonl] [--pred PRED.jsonl]
                                [--rules-only]
       python bench/realnews.py [--set N] sample   (re-draw set N's sample; check its ids and every sha)
The lead tunes on the tune half only: `--errors` lists tune-half sentences unless told otherwise.
"""
from __future__ import annotations

import argparse
import functools
import io
import json
import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realnews_corpus as rc  # noqa: E402
from paths import path_counts  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold" / "realnews" / "gold.jsonl"
SEED, N_BBC, N_REUTERS = 20261201, 86, 86
LEVELS = ("root", "root+src", "root+src+tgt", "code", "code+actors")
NONSTATE = ("IGO", "NGO", "MNC")


def sample(nlp, seed: int = SEED, n_bbc: int = N_BBC, n_reuters: int = N_REUTERS,
           exclude: frozenset = frozenset(), skip: frozenset = frozenset(),
           reuse: frozenset = frozenset()) -> list[dict]:
    """The seeded draw: one random sentence from each of n_bbc BBC and n_reuters Reuters articles (86 + 86),
    none of the (corpus, doc) articles in `exclude` (but those in `reuse` when a corpus runs short, see
    rc.draw), none of the (doc, sentence sha) sentences in `skip`."""
    rng = random.Random(seed)
    out = []
    for corpus, doc in rc.draw(seed, n_bbc, n_reuters, exclude, reuse):
        a = rc.article(corpus, doc)
        spans = [(st, en) for st, en in rc.split_sentences(nlp, a["text"], a["body_start"])
                 if not skip or (doc, rc.text_hash(a["text"][st:en])) not in skip]
        st, en = spans[rng.randrange(len(spans))]
        short = doc.replace(".txt", "") if corpus == rc.BBC else doc.rsplit("-", 1)[1]
        out.append({"id": f"{'bbc' if corpus == rc.BBC else 'reu'}-{short}-{st}", "corpus": corpus, "doc": doc,
                    "start": st, "end": en})
    return out


def articles_of(*paths: Path) -> frozenset:
    """(corpus, doc) of every article a gold file (`corpus` + `doc`) or judged sheet (`doc` only: a BBC file
    name or a Reuters record id) uses; the later sets' draws leave these out."""
    out = set()
    for path in paths:
        for r in (json.loads(x) for x in path.open(encoding="utf-8") if x.strip()):
            out.add((r.get("corpus") or (rc.BBC if r["doc"].endswith(".txt") else rc.REUTERS), r["doc"]))
    return frozenset(out)


def sentences_of(*paths: Path) -> frozenset:
    """(doc, sentence sha) of every sentence a gold file (`sha`) or judged sheet (`sentence_sha`) holds."""
    return frozenset((r["doc"], r.get("sentence_sha") or r["sha"]) for p in paths
                     for r in (json.loads(x) for x in p.open(encoding="utf-8") if x.strip()))


def later_set(seed: int, earlier: tuple[Path, ...], n_bbc: int = 75, n_reuters: int = 75,
              sheets_by_sentence: tuple[Path, ...] = (), reuse_earlier: bool = False) -> dict:
    """`sample`'s arguments for a later set (2-6): this seed and sizes, none of the articles of the `earlier`
    gold files / judged sheets. `sheets_by_sentence`: judged sheets whose Reuters stories are left out whole but
    whose BBC files stay in the pool with only their judged sentences left out (realnews5: after four sets and
    the sheets, 43 BBC files were left, too few for 75). `reuse_earlier`: a corpus with too few articles outside
    `earlier` takes all of them and fills up from the earlier sets' articles, none of the earlier sets'
    sentences (realnews6: 31 BBC files were in no set)."""
    return {"seed": seed, "n_bbc": n_bbc, "n_reuters": n_reuters,
            "exclude": articles_of(*earlier) | {a for a in articles_of(*sheets_by_sentence) if a[0] == rc.REUTERS},
            "skip": sentences_of(*sheets_by_sentence) | (sentences_of(*earlier) if reuse_earlier else frozenset()),
            "reuse": articles_of(*earlier) if reuse_earlier else frozenset()}


def gold_file(n: int) -> Path:
    """bench/gold/realnews/gold.jsonl for set 1, bench/gold/realnewsN/gold.jsonl for set N."""
    return HERE / "gold" / ("realnews" if n == 1 else f"realnews{n}") / "gold.jsonl"


def judged_sheets(*names: str) -> tuple[Path, ...]:
    return tuple(HERE / "gold" / "judged" / f"{n}.jsonl" for n in names)


# The judged event sheets in the order they were made (the actor sheets name no article).
SHEETS_4 = judged_sheets("baseline-4461bb9", "final-1718594", "final-9fbd8be", "final-946bcb9")
SHEETS_5 = SHEETS_4 + judged_sheets("final-6397c24")
SHEETS_6 = SHEETS_5 + judged_sheets("r1-460068e", "final-2f03fd6")
SEEDS = {1: SEED, 2: 20261202, 3: 20261203, 4: 20261204, 5: 20261205, 6: 20261207}


def set_args(n: int) -> dict:
    """`sample`'s arguments for set n (1..6): each later set leaves out the sets before it; set 4 the articles
    of the judged sheets made before it too, set 5 their Reuters stories and judged sentences, set 6 the same
    for all seven sheets and reuses earlier BBC articles by sentence (bench/gold/README.md)."""
    before = tuple(gold_file(k) for k in range(1, n))
    if n == 1:
        return {"seed": SEED, "n_bbc": N_BBC, "n_reuters": N_REUTERS}
    if n in (2, 3):
        return later_set(SEEDS[n], before)
    if n == 4:
        return later_set(SEEDS[n], before + SHEETS_4)
    if n == 5:
        return later_set(SEEDS[n], before, sheets_by_sentence=SHEETS_5)
    if n == 6:
        return later_set(SEEDS[n], before, sheets_by_sentence=SHEETS_6, reuse_earlier=True)
    raise ValueError(f"realnews: no set {n} (1..{max(SEEDS)})")


def set_sample(n: int):
    """Set n's seeded draw: `set_sample(n)(nlp)` lists its sentences {id, corpus, doc, start, end}."""
    return functools.partial(sample, **set_args(n))


def load_gold(gold: Path = GOLD) -> list[dict]:
    rows = [json.loads(line) for line in gold.open(encoding="utf-8") if line.strip()]
    for r in rows:
        rec = rc.sentence_record(r["corpus"], r["doc"], r["start"], r["end"])
        if rc.text_hash(rec["text"]) != r["sha"]:
            raise SystemExit(f"realnews: {gold.name}: {r['id']}: the corpus text at {r['start']}:{r['end']} "
                             "is not the sentence that was coded (is ../shared the same?)")
        r.update(rec)
    return rows


def gold_actor(code: str) -> str:
    if not code:
        return ""
    return code[:6] if code[:3] in NONSTATE else code[:3]


def pred_actor(a: dict | None) -> str:
    if not a:
        return ""
    country, code = a.get("country") or "", a.get("code") or ""
    if code[:3] in NONSTATE:
        return code[:6]
    return country[:3] if country else "?"


def pred_full(a: dict | None) -> str:
    if not a:
        return ""
    code = a.get("code") or ""
    if code[:3] in NONSTATE:
        return code[:6]
    country = a.get("country") or ""
    return (country[:3] + (a.get("sector") or "")) if country else "?"


def keys(ev: list[tuple[str, str, str, str, str]], level: str) -> Counter:
    """Multiset of the level's keys for (code, src, tgt, src_full, tgt_full) events, deduplicated on triples."""
    seen = {e for e in ev}
    k: Counter = Counter()
    for code, s, t, sf, tf in seen:
        k[{"root": (code[:2],), "root+src": (code[:2], s), "root+src+tgt": (code[:2], s, t), "code": (code[:3],),
           "code+actors": (code[:3], sf, tf)}[level]] += 1
    return k


def gold_events(r: dict, factual: bool = True) -> list[tuple]:
    return [(e["cameo"], gold_actor(e["source"]), gold_actor(e["target"]), e["source"][:6] if e["source"][:3]
             in NONSTATE else e["source"], e["target"][:6] if e["target"][:3] in NONSTATE else e["target"])
            for e in r["events"] if bool(e["factual"]) == factual]


def is_factual(e: dict) -> bool:
    if "factual" in e:
        return bool(e["factual"])
    return not e.get("hypothetical") and not e.get("negated")


def pred_events(p: dict) -> list[tuple]:
    return [(str(e.get("cameo") or "")[:3], pred_actor(e.get("source")), pred_actor(e.get("target")),
             pred_full(e.get("source")), pred_full(e.get("target")))
            for e in p.get("events", []) if is_factual(e) and e.get("cameo")]


def run_system(gold: list[dict], rules_only: bool) -> dict[str, dict]:
    from realpolitik import api

    lines = "".join(json.dumps({"id": r["id"], "text": r["text"], "title": r["title"], "context": r["context"],
                                "date": r["date"]}) + "\n" for r in gold)
    out = io.StringIO()
    api.code_jsonl(io.StringIO(lines), out, **({"classifier": None} if rules_only else {}))
    return {p["id"]: p for p in (json.loads(x) for x in out.getvalue().splitlines() if x.strip())}


def score(rows: list[dict], preds: dict[str, dict]) -> dict:
    c = {lvl: [0, 0, 0] for lvl in LEVELS}
    empty = empty_ok = quad_ok = base_ok = flag_n = flag_bad = 0
    for r in rows:
        p = preds.get(r["id"], {"events": [], "quad": 0})
        g, s = gold_events(r), pred_events(p)
        for lvl in LEVELS:
            gk, sk = keys(g, lvl), keys(s, lvl)
            tp = sum((gk & sk).values())
            c[lvl][0] += tp
            c[lvl][1] += sum(sk.values()) - tp
            c[lvl][2] += sum(gk.values()) - tp
        if not g:
            empty += 1
            empty_ok += not s
        quad_ok += int(p.get("quad") or 0) == r["quad"]
        base_ok += r["quad"] == 0
        stored = {(e[0][:2], e[1]) for e in s}
        for e in gold_events(r, factual=False):
            flag_n += 1
            flag_bad += (e[0][:2], e[1]) in stored
    out: dict = {"n": len(rows)}
    for lvl, (tp, fp, fn) in c.items():
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc_ = tp / (tp + fn) if tp + fn else 0.0
        out[lvl] = {"p": pr, "r": rc_, "f1": 2 * pr * rc_ / (pr + rc_) if pr + rc_ else 0.0, "tp": tp, "fp": fp,
                    "fn": fn}
    out["empty_ok"] = (empty_ok, empty)
    out["quad"] = quad_ok / len(rows) if rows else 0.0
    out["quad_baseline"] = base_ok / len(rows) if rows else 0.0
    out["flagged_as_fact"] = (flag_bad, flag_n)
    return out


def fmt(name: str, s: dict) -> str:
    e_ok, e_n = s["empty_ok"]
    fb, fn = s["flagged_as_fact"]
    return (f"{name:15s} n={s['n']:3d}  " + "  ".join(f"{lvl} {s[lvl]['f1']:.2f}" for lvl in LEVELS)
            + f"  | empty ok {e_ok}/{e_n}={e_ok / e_n if e_n else 0:.2f}"
            + f"  quad {s['quad']:.2f} (all-0 {s['quad_baseline']:.2f})  flagged-as-fact {fb}/{fn}")


def show_errors(rows: list[dict], preds: dict[str, dict]) -> None:
    for r in rows:
        p = preds.get(r["id"], {"events": [], "quad": 0})
        g, s = set(gold_events(r)), set(pred_events(p))
        gk = {(e[0], e[1], e[2]) for e in g}
        sk = {(e[0], e[1], e[2]) for e in s}
        if gk == sk and int(p.get("quad") or 0) == r["quad"]:
            continue
        print(f"[{r['id']}] {r['text'][:200]}")
        print(f"   title: {r['title'][:100]}")
        for e in sorted(gk - sk):
            print(f"   MISS {e[0]} {e[1] or '-'} -> {e[2] or '-'}")
        for e in sorted(sk - gk):
            print(f"   FP   {e[0]} {e[1] or '-'} -> {e[2] or '-'}")
        for e in r["events"]:
            if not e["factual"]:
                print(f"   (gold {e.get('modality')}: {e['cameo']} {e['source']} -> {e['target'] or '-'})")
        if int(p.get("quad") or 0) != r["quad"]:
            print(f"   quad gold {r['quad']} got {p.get('quad')}")
        if r.get("note"):
            print(f"   note: {r['note']}")


def check_sample(n: int, nlp) -> bool:
    """Re-draw set n and compare it with its gold: ids in order, and every sentence's sha."""
    path = gold_file(n)
    drawn = [d["id"] for d in set_sample(n)(nlp)]
    gold_ids = [json.loads(line)["id"] for line in path.open(encoding="utf-8") if line.strip()]
    same = drawn == gold_ids
    print(f"set {n}: {len(drawn)} drawn; {'identical to' if same else 'DIFFERENT from'} the gold ids; "
          f"{len(load_gold(path))} gold sentences rebuilt from the corpora, every sha checked")
    return same


def main() -> None:
    """The bench on set N's gold (`--set N`, default 1), or `sample`: re-draw and check set N (all sets)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", nargs="?", default="score", choices=("score", "sample"))
    ap.add_argument("--set", type=int, choices=sorted(SEEDS),
                    help="which gold set (1..6; default 1; `sample` without it checks every set)")
    ap.add_argument("--errors", nargs="?", const="tune", choices=("tune", "check", "all"),
                    help="list per-sentence differences (default: the tune half only)")
    ap.add_argument("--save", type=Path, help="write the system's prediction lines here")
    ap.add_argument("--pred", type=Path, help="score these prediction lines instead of running the system")
    ap.add_argument("--rules-only", action="store_true", help="no sentence classifier")
    args = ap.parse_args()
    if rc.shared_dir() is None:
        print("realnews: ../shared/corpora not found; skipped")
        return
    if args.cmd == "sample":
        from realpolitik.nlp import load_nlp

        nlp = load_nlp(disable=("ner",))
        ok = [check_sample(n, nlp) for n in ([args.set] if args.set else sorted(SEEDS))]
        if not all(ok):
            raise SystemExit(1)
        return
    gold_path = gold_file(args.set or 1)
    print(f"realnews set {args.set or 1}: {gold_path.relative_to(HERE.parent)}")
    gold = load_gold(gold_path)
    if args.pred:
        preds = {p["id"]: p for p in (json.loads(x) for x in args.pred.open(encoding="utf-8") if x.strip())}
    else:
        preds = run_system(gold, args.rules_only)
    if args.save:
        with args.save.open("w", encoding="utf-8") as fh:
            for r in gold:
                fh.write(json.dumps(preds.get(r["id"], {"id": r["id"], "events": [], "quad": 0})) + "\n")
    if args.errors:
        show_errors([r for r in gold if args.errors == "all" or rc.split_half(r["id"]) == args.errors], preds)
    print(path_counts(e for p in preds.values() for e in p.get("events", []) if is_factual(e)))
    print("levels: F1 at " + ", ".join(LEVELS))
    for half in ("tune", "check", "all"):
        rows_h = [r for r in gold if half == "all" or rc.split_half(r["id"]) == half]
        for corpus, label in ((rc.BBC, "bbc"), (rc.REUTERS, "reuters"), (None, "both")):
            rows = [r for r in rows_h if corpus is None or r["corpus"] == corpus]
            print(fmt(f"{half}/{label}", score(rows, preds)))
    s = score(gold, preds)
    print("all/both detail: " + "  ".join(f"{lvl} P={s[lvl]['p']:.2f} R={s[lvl]['r']:.2f} "
                                          f"(tp {s[lvl]['tp']} fp {s[lvl]['fp']} fn {s[lvl]['fn']})"
                                          for lvl in LEVELS[:3]))


if __name__ == "__main__":
    main()
