#!/usr/bin/env python3
"""Train the argument model (source/target among a trigger's candidate noun phrases) on the dev gold.

Data: ../shared/gold/conflibert_quad_dev.jsonl (`source_spans`/`target_spans`; the trigger is the lexicon
trigger nearest the gold spans in the parse, else the root verb) and ../shared/gold/plover_gsr_dev.jsonl
(the `markup`: (SRC: ...), (TAR: ...), (SRC/TAR: ...), (EVT: ...); the trigger is the EVT the lexicon
matches nearest the gold, else the first EVT). A candidate is a positive for a gold span when it is headed
by the span's head (else the smallest candidate containing that head), or coordinated with it inside the span.

Reports 5-fold cross-validated span accuracy (source, target, both) of the model against the hand rules
(`coder.rule_actors`' own alternatives, and the same plus its nearest-mention fallbacks) on the same folds, then
trains on everything and writes src/realpolitik/data/models/arguments.npz.

A prediction matches a gold span when its head lies in the span or the span's head lies in the predicted
phrase; a role is right when every gold span is matched and every prediction matches (no gold span and no
prediction is right too). "model+resolve" keeps only predictions the resolver can place, as the coder does.
Usage: python bench/train_arguments.py [--folds 5] [--seed 13] [--no-write] [--C 0.5] [--errors N]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fidelity import SHARED, load  # noqa: E402  (the one reader of the gold files)


# ---------------------------------------------------------------- gold spans -> characters

_TAG = re.compile(r"\((SRC/TAR|SRC|TAR|EVT|[A-Z]+):\s*")


def parse_markup(markup: str) -> tuple[str, list[tuple[str, int, int]]]:
    """Plain text of a PLOVER markup string and its (tag, start, end) character spans (nesting allowed)."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    stack: list[tuple[str, int]] = []
    i = 0
    pos = 0
    while i < len(markup):
        m = _TAG.match(markup, i)
        if m:
            stack.append((m.group(1), pos))
            i = m.end()
            continue
        ch = markup[i]
        if ch == ")" and stack:
            tag, start = stack.pop()
            end = pos
            while end > start and out[end - 1] == " ":
                end -= 1
            spans.append((tag, start, end))
            i += 1
            continue
        out.append(ch)
        pos += 1
        i += 1
    text = "".join(out)
    # collapse the doubled spaces left by "( EVT: return )": keep offsets by mapping
    keep = [k for k, c in enumerate(text) if not (c == " " and k + 1 < len(text) and text[k + 1] == " ")]
    remap = {k: n for n, k in enumerate(keep)}

    def rm(k: int) -> int:
        while k not in remap and k < len(text):
            k += 1
        return remap.get(k, len(keep))

    return "".join(text[k] for k in keep), [(t, rm(s), rm(e)) for t, s, e in spans if e > s]


def find_span(text: str, span: str) -> tuple[int, int] | None:
    """Character offsets of a (re-tokenised) gold span in the sentence, ignoring whitespace."""
    keep = [k for k, c in enumerate(text) if not c.isspace()]
    squeezed = "".join(text[k] for k in keep)
    needle = re.sub(r"\s+", "", span)
    at = squeezed.find(needle)
    if at < 0 or not needle:
        return None
    return keep[at], keep[at + len(needle) - 1] + 1


# ---------------------------------------------------------------- examples


@dataclass
class GoldArg:
    role: str  # "source" | "target"
    start: int  # char offsets in the doc
    end: int
    head: int  # doc token index of the span's head


@dataclass
class Example:
    """One trigger of one gold sentence, with everything the model and the rules need."""

    id: str
    dataset: str
    sent: object  # spacy Span
    match: object  # TriggerMatch (or a stand-in for a root verb)
    cands: list
    refs: dict
    rule_sources: set[int]
    rule_targets: set[int]
    fallback_sources: set[int]
    fallback_targets: set[int]
    gold: list[GoldArg]
    labels: dict[int, str] = field(default_factory=dict)  # candidate head -> role
    cache: list | None = None  # (candidate, features, label) per candidate, see pairs()


@dataclass(frozen=True)
class RootTrigger:
    """A stand-in TriggerMatch for a sentence whose event the lexicon does not know (root verb)."""

    head: int
    start: int
    end: int
    cameo: str = "000"
    rule: str = "root"
    target_preps: tuple = ()
    target_dobj: bool = True
    symmetric: bool = False
    nominal: bool = False
    complement: int | None = None
    modal_absorbed: bool = False
    family: str | None = None


def span_head(doc, start: int, end: int) -> int | None:
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start and not t.is_punct]
    if not toks:
        return None
    ids = {t.i for t in toks}
    tops = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    nouny = [t for t in tops if t.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"}]
    return (nouny or tops)[0].i


def tree_distance(a, b) -> int:
    from realpolitik.events.arguments import dep_path

    up, down = dep_path(a, b)
    return len(up) + len(down)


def mention_heads(refs, sent) -> set[int]:
    """The last token of each mention (fallback actors come from mentions, not from heads)."""
    out = set()
    for r in refs:
        lo, hi = sent.start_char + r.start, sent.start_char + max(r.end, r.start + 1)
        toks = [t for t in sent if lo <= t.idx < hi]
        if toks:
            out.add(toks[-1].i)
    return out


def rule_choice(match, tok, resolver, sent, mentions) -> tuple[set[int], set[int], set[int], set[int]]:
    """The tokens the rules' own alternatives resolve through (the model's `rule_*` features), and the
    heads of what `coder.rule_actors` returns with its nearest-mention fallbacks."""
    from types import SimpleNamespace

    from realpolitik.events import coder, roles

    rec = SimpleNamespace(sent=sent, mentions=mentions)
    cand = SimpleNamespace(args=roles.arguments(match, tok), tok=tok, match=match,
                           code=SimpleNamespace(root=match.cameo[:2]))
    used_s, used_t = [], []
    sources, targets, rule = coder.rule_actors(rec, cand, resolver, used_s, used_t)
    rs, rt = {t.i for t in used_s}, {t.i for t in used_t}
    fs = mention_heads(sources, sent) if "+fallback-source" in rule else set(rs)
    ft = set(rt) if rt else mention_heads(targets, sent)
    return rs, rt, fs, ft


def choose_trigger(sent, matches, gold: list[GoldArg], evt_spans: list[tuple[int, int]] | None):
    """The lexicon trigger nearest the gold arguments (inside an EVT span for PLOVER), else a root verb."""
    doc = sent.doc
    heads = [doc[g.head] for g in gold]
    pool = list(matches)
    if evt_spans is not None:
        inside = [m for m in pool if any(s <= doc[m.head].idx < e for s, e in evt_spans)]
        pool = inside or pool
        if not inside and evt_spans:
            s, e = evt_spans[0]
            toks = [t for t in sent if s <= t.idx < e]
            verbs = [t for t in toks if t.pos_ in {"VERB", "NOUN", "AUX"}] or toks
            if verbs:
                t = verbs[-1] if verbs[-1].pos_ == "VERB" else verbs[0]
                return RootTrigger(t.i, t.i, t.i + 1, nominal=t.pos_ == "NOUN")
    if pool:
        return min(pool, key=lambda m: (sum(tree_distance(doc[m.head], h) for h in heads), m.head))
    root = sent.root
    return RootTrigger(root.i, root.i, root.i + 1, nominal=root.pos_ in {"NOUN", "PROPN"})


def label_candidates(doc, cands, gold: list[GoldArg]) -> dict[int, str]:
    from realpolitik.events.arguments import _coordinated

    labels: dict[int, str] = {}
    for g in sorted(gold, key=lambda g: g.role != "source"):  # a SRC/TAR party is a source
        exact = [c for c in cands if c.head == g.head]
        hit = exact or sorted((c for c in cands if c.start <= g.head < c.end), key=lambda c: c.end - c.start)[:1]
        for c in hit:
            labels.setdefault(c.head, g.role)
        for c in cands:
            t = doc[c.head]
            if g.start <= t.idx < g.end and _coordinated(t, doc[g.head]):
                labels.setdefault(c.head, g.role)
    return labels


def build_examples(shared: Path = SHARED, log=print) -> list[Example]:
    from realpolitik.actors import ActorResolver
    from realpolitik.actors import load_kb
    from realpolitik.events import arguments, triggers
    from realpolitik.nlp import load_nlp

    nlp = load_nlp()
    kb = load_kb()
    items = []  # (id, dataset, text, gold char spans [(role, s, e)], evt spans or None)
    for r in load(shared / "gold" / "conflibert_quad_dev.jsonl"):
        spans = [("source", s) for s in r.get("source_spans") or []] + [("target", s) for s in r.get("target_spans") or []]
        if not spans:
            continue
        found = []
        for role, s in spans:
            at = find_span(r["text"], s)
            if at is not None:
                found.append((role, *at))
        if found:
            items.append((r["id"], "conflibert", r["text"], found, None))
    for r in load(shared / "gold" / "plover_gsr_dev.jsonl"):
        text, spans = parse_markup(r["markup"])
        gold = []
        for tag, s, e in spans:
            if tag in ("SRC", "SRC/TAR"):
                gold.append(("source", s, e))
            elif tag == "TAR":
                gold.append(("target", s, e))
        evts = [(s, e) for tag, s, e in spans if tag == "EVT"]
        if gold:
            items.append((r["id"], "plover", text, gold, evts))
    t0 = time.perf_counter()
    docs = list(nlp.pipe([it[2] for it in items], batch_size=64))
    log(f"parsed {len(docs)} gold sentences in {time.perf_counter() - t0:.0f}s")
    out: list[Example] = []
    for (item_id, dataset, _, spans, evts), doc in zip(items, docs):
        gold = []
        for role, s, e in spans:
            h = span_head(doc, s, e)
            if h is not None:
                gold.append(GoldArg(role, s, e, h))
        if not gold:
            continue
        # the sentence holding most gold heads (the parser may split a gold sentence)
        sents = list(doc.sents)
        sent = max(sents, key=lambda x: sum(x.start <= g.head < x.end for g in gold))
        resolver = ActorResolver(kb=kb)
        resolver.prepare([doc])
        for s in sents:
            resolver.learn(s)
        matches = triggers.match_sentence(sent)
        match = choose_trigger(sent, matches, [g for g in gold if sent.start <= g.head < sent.end] or gold, evts)
        tok = doc[match.head]
        cands = arguments.candidates(sent)
        refs = arguments.resolve_candidates(resolver, sent, cands)
        mentions = list(resolver.mentions(sent))
        rs, rt, fs, ft = rule_choice(match, tok, resolver, sent, mentions)
        ex = Example(item_id, dataset, sent, match, cands, refs, rs, rt, fs, ft, gold)
        ex.labels = label_candidates(doc, [c for c in cands if c.head != match.head], gold)
        out.append(ex)
    return out


def pairs(ex: Example):
    """(candidate, features, label) for each candidate of an example but the trigger itself (cached)."""
    from realpolitik.events.arguments import pair_features

    if ex.cache is None:
        ex.cache = [(c, pair_features(ex.sent, ex.match, c, ex.cands, ex.refs.get(c.head), ex.rule_sources,
                                      ex.rule_targets), ex.labels.get(c.head, "none"))
                    for c in ex.cands if c.head != ex.match.head]
    return ex.cache


def score_example(model, ex: Example):
    """The model's Scored candidates for an example, from the cached features (same as model.score)."""
    from realpolitik.events.arguments import Scored

    ps = pairs(ex)
    if not ps:
        return []
    prob = model.proba([f for _, f, _ in ps])
    return [Scored(c, float(a), float(b), float(d)) for (c, _, _), (a, b, d) in zip(ps, prob)]


# ---------------------------------------------------------------- scoring


def _matches(ex: Example, head: int, g: GoldArg) -> bool:
    doc = ex.sent.doc
    t = doc[head]
    if g.start <= t.idx < g.end:
        return True
    cand = next((c for c in ex.cands if c.head == head), None)
    return cand is not None and cand.start <= g.head < cand.end


def role_right(ex: Example, role: str, pred: set[int]) -> bool:
    golds = [g for g in ex.gold if g.role == role]
    if not golds:
        return not pred
    if not pred:
        return False
    return (all(any(_matches(ex, h, g) for h in pred) for g in golds)
            and all(any(_matches(ex, h, g) for g in golds) for h in pred))


def placeable(ex: Example, head: int) -> bool:
    """What the coder can keep: a candidate the resolver places, or a named person/organisation."""
    tok = ex.sent.doc[head]
    return ex.refs.get(head) is not None or tok.ent_type_ in {"PERSON", "ORG", "NORP"}


def evaluate(examples: list[Example], preds: dict[str, dict[str, tuple[set[int], set[int]]]]):
    """Accuracy per system: source, target, both; overall and per data set."""
    rows = {}
    for system, by_id in preds.items():
        for subset in ("all", "conflibert", "plover"):
            exs = [e for e in examples if subset == "all" or e.dataset == subset]
            s = t = b = 0
            for e in exs:
                ps, pt = by_id[e.id]
                rs, rt = role_right(e, "source", ps), role_right(e, "target", pt)
                s += rs
                t += rt
                b += rs and rt
            n = len(exs) or 1
            rows[(system, subset)] = (s / n, t / n, b / n, len(exs))
    return rows


# The gold holds only triggers with annotated arguments, so under CV the lowest thresholds tend to win;
# targets are then chosen among phrases that name an actor, much as the rules' nearest-mention fallback
# did. Agentless passives keep their own, higher, unfitted source threshold (see arguments.DECODE_DEFAULTS).
GRID = {"source": (0.1, 0.15, 0.2, 0.3, 0.4), "target": (0.05, 0.1, 0.15, 0.2, 0.3)}


def _fold_of(examples: list[Example], folds: int, seed: int) -> dict[str, int]:
    ids = sorted({e.id for e in examples})
    random.Random(seed).shuffle(ids)
    return {i: k % folds for k, i in enumerate(ids)}


def _train(examples: list[Example], C: float, decode_params=None, info=None):
    from realpolitik.events.arguments import ArgumentModel

    feats, labels = [], []
    for e in examples:
        for _, f, y in pairs(e):
            feats.append(f)
            labels.append(y)
    return ArgumentModel.train(feats, labels, C=C, decode_params=decode_params, info=info)


def train_model(examples: list[Example], decode_params=None, C: float = 0.5):
    """An argument model fitted on these examples (used by bench/fidelity.py for its folds)."""
    return _train(examples, C, decode_params)


def _decoded(e: Example, scored, params) -> tuple[set[int], set[int]]:
    """Decoded and resolved as the coder does (`coder.resolve_by_model`): targets among the phrases that
    name an actor, an apposition naming a head resolved through its possessor, unplaceable sources dropped."""
    from realpolitik.events.arguments import decode, phrase_actor

    actors = {c.head for c in e.cands if placeable(e, c.head)}
    src, tgt = decode(e.sent, scored, params, e.sent.doc[e.match.head], actors)

    def heads(chosen) -> set[int]:
        out = set()
        for c in chosen:
            if not placeable(e, c.head):
                continue
            ref = phrase_actor(e.sent, c, e.refs)
            out.add(next((h for h, r in e.refs.items() if r is ref and h != c.head), c.head)
                    if ref is not None else c.head)
        return out

    return heads(src), heads(tgt)


def fit_thresholds(examples: list[Example], C: float, folds: int = 3, seed: int = 5) -> dict[str, float]:
    """Decoder thresholds that maximise both-right accuracy (after resolution) under an inner CV."""
    from realpolitik.events.arguments import DECODE_DEFAULTS

    fold_of = _fold_of(examples, folds, seed)
    scored = {}
    for k in range(folds):
        model = _train([e for e in examples if fold_of[e.id] != k], C)
        for e in examples:
            if fold_of[e.id] == k:
                scored[e.id] = score_example(model, e)
    best, best_acc = dict(DECODE_DEFAULTS), -1.0
    for ts in GRID["source"]:
        for tt in GRID["target"]:
            params = {**DECODE_DEFAULTS, "source": ts, "target": tt}
            acc = 0
            for e in examples:
                ps, pt = _decoded(e, scored[e.id], params)
                acc += role_right(e, "source", ps) + role_right(e, "target", pt)
            if acc > best_acc:
                best, best_acc = params, acc
    return best


def cross_validate(examples: list[Example], folds: int, seed: int, C: float, tune: bool = True):
    """Outer K-fold: each fold is scored by a model (and decoder thresholds) fitted on the other folds."""
    fold_of = _fold_of(examples, folds, seed)
    preds: dict[str, dict] = {"model": {}, "model+resolve": {}, "rules": {}, "rules+fallbacks": {}}
    scored_all, chosen = {}, []
    for k in range(folds):
        train = [e for e in examples if fold_of[e.id] != k]
        test = [e for e in examples if fold_of[e.id] == k]
        params = fit_thresholds(train, C) if tune else None
        chosen.append(params)
        model = _train(train, C, params)
        for e in test:
            scored = score_example(model, e)
            scored_all[e.id] = scored
            src, tgt = model.decode(e.sent, scored, e.sent.doc[e.match.head])
            ps, pt = {c.head for c in src}, {c.head for c in tgt}
            preds["model"][e.id] = (ps, pt)
            preds["model+resolve"][e.id] = _decoded(e, scored, model.decode_params)
    for e in examples:
        preds["rules"][e.id] = (e.rule_sources, e.rule_targets)
        preds["rules+fallbacks"][e.id] = (e.fallback_sources, e.fallback_targets)
    return preds, scored_all, chosen


def show_errors(examples, preds, scored_all, n: int) -> None:
    doc_words = lambda e, hs: [e.sent.doc[h].text for h in sorted(hs)]  # noqa: E731
    shown = 0
    for e in examples:
        ps, pt = preds["model"][e.id]
        if role_right(e, "source", ps) and role_right(e, "target", pt):
            continue
        gold = [(g.role[0], e.sent.doc.text[g.start:g.end]) for g in e.gold]
        print(f"- {e.id} trig={e.sent.doc[e.match.head].text}({e.match.cameo}) {e.sent.text[:160]}")
        print(f"    gold {gold}  model S={doc_words(e, ps)} T={doc_words(e, pt)}  "
              f"rules S={doc_words(e, e.rule_sources)} T={doc_words(e, e.rule_targets)}")
        shown += 1
        if shown >= n:
            break


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--no-write", action="store_true", help="only cross-validate")
    ap.add_argument("--errors", type=int, default=0, help="print this many model errors (CV predictions)")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    if not (args.shared / "gold" / "plover_gsr_dev.jsonl").exists():
        sys.exit(f"gold data not found under {args.shared}/gold (../shared beside the repo)")
    from realpolitik.events.arguments import model_path

    examples = build_examples(args.shared)
    n_pairs = sum(1 for e in examples for _ in pairs(e))
    n_pos = sum(1 for e in examples for _, _, y in pairs(e) if y != "none")
    print(f"{len(examples)} examples ({sum(e.dataset == 'conflibert' for e in examples)} ConfliBERT, "
          f"{sum(e.dataset == 'plover' for e in examples)} PLOVER), {n_pairs} candidate pairs, {n_pos} positive; "
          f"{sum(e.match.rule == 'root' for e in examples)} with a root-verb trigger")
    t0 = time.perf_counter()
    preds, scored, chosen = cross_validate(examples, args.folds, args.seed, args.C)
    print(f"cross-validation took {time.perf_counter() - t0:.0f}s; decoder thresholds per fold (inner 3-fold CV): "
          + "; ".join(f"src {p['source']} tgt {p['target']}" for p in chosen))
    rows = evaluate(examples, preds)
    print(f"{args.folds}-fold cross-validated span accuracy (seed {args.seed}; source / target / both):")
    for subset in ("all", "conflibert", "plover"):
        for system in preds:
            s, t, b, n = rows[(system, subset)]
            print(f"  {subset:10} n={n:4}  {system:16} source {s:.3f}  target {t:.3f}  both {b:.3f}")
    if args.errors:
        show_errors(examples, preds, scored, args.errors)
    if args.no_write:
        return
    s, t, b, n = rows[("model+resolve", "all")]
    rs, rt, rb, _ = rows[("rules", "all")]
    params = fit_thresholds(examples, args.C)
    info = {"trained_on": f"{len(examples)} gold triggers ({n_pairs} pairs): ConfliBERT dev spans + PLOVER dev markup",
            "cv": f"{args.folds}-fold span accuracy model+resolve {s:.3f}/{t:.3f}/{b:.3f} vs rules {rs:.3f}/{rt:.3f}/{rb:.3f}",
            "C": args.C}
    model = _train(examples, args.C, params, info)
    out = args.out or model_path()
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB, {len(model.vocab)} features)")


if __name__ == "__main__":
    main()
