"""Shared helpers of the real-news benches: locate ../shared, read its corpora, cut sentences by offsets.

The corpora's text never enters the repo: gold files hold (corpus, file or record id, start, end) and these
helpers rebuild the sentence, its article title and the text before it from ../shared at run time.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import random
import re
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = "bbc_politics"
REUTERS = "reuters21578"


def shared_dir() -> Path | None:
    """../shared beside the repo (or $REALPOLITIK_SHARED); None when absent."""
    cands = [os.environ.get("REALPOLITIK_SHARED", ""), REPO.parent / "shared", REPO.parents[1] / "shared"]
    for c in cands:
        if c and (Path(c) / "corpora").is_dir():
            return Path(c)
    return None


def flat(text: str) -> str:
    """Whitespace-normalised text (Reuters stories carry hard line breaks and indents)."""
    return re.sub(r"\s+", " ", text).strip()


def text_hash(text: str) -> str:
    """A short hash of the normalised sentence, so a gold line can check it rebuilt the right text."""
    return hashlib.sha1(flat(text).encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def bbc_articles() -> dict[str, dict]:
    """file name -> {title, text (the whole file), body_start (offset after the title line)}."""
    root = shared_dir()
    out: dict[str, dict] = {}
    if root is None:
        return out
    for p in sorted((root / "corpora" / BBC).glob("*.txt")):
        text = p.read_text(encoding="utf-8", errors="replace")
        first, _, _ = text.partition("\n")
        out[p.name] = {"title": first.strip(), "text": text, "body_start": len(first) + 1, "date": None}
    return out


@lru_cache(maxsize=1)
def reuters_stories() -> dict[str, dict]:
    """record id -> {title, text, body_start=0, date, places} for Reuters-21578 stories that have text."""
    root = shared_dir()
    out: dict[str, dict] = {}
    if root is None:
        return out
    with gzip.open(root / "corpora" / f"{REUTERS}.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if (r.get("text") or "").strip():
                out[r["id"]] = {"title": (r.get("title") or "").strip(), "text": r["text"], "body_start": 0,
                                "date": r.get("date"), "places": r.get("places") or []}
    return out


def article(corpus: str, doc: str) -> dict:
    return (bbc_articles() if corpus == BBC else reuters_stories())[doc]


def sentence_record(corpus: str, doc: str, start: int, end: int) -> dict:
    """{text, title, context, date} of one gold sentence, rebuilt from the corpus."""
    a = article(corpus, doc)
    return {"text": flat(a["text"][start:end]), "title": flat(a["title"]),
            "context": flat(a["text"][a["body_start"]:start]), "date": a["date"]}


def split_sentences(nlp, text: str, body_start: int) -> list[tuple[int, int]]:
    """Character spans of the body's sentences (spaCy's splitter on a same-length whitespace-flattened copy)."""
    body = re.sub(r"\s", " ", text[body_start:])
    doc = nlp(body)
    spans = []
    for s in doc.sents:
        st = s.start_char + (len(s.text) - len(s.text.lstrip()))
        en = s.start_char + len(s.text.rstrip())
        if en - st >= 3 and re.search(r"[A-Za-z]", body[st:en]):
            spans.append((body_start + st, body_start + en))
    return spans


def draw(seed: int, n_bbc: int, n_reuters: int, exclude: frozenset = frozenset(),
         reuse: frozenset = frozenset()) -> list[tuple[str, str]]:
    """Seeded random articles: (corpus, doc id), n_bbc BBC files and n_reuters Reuters stories with text,
    none of the (corpus, doc id) pairs in `exclude`. When a corpus has fewer than n such articles, all of them
    are taken and the rest drawn from its articles in `reuse` (realnews6: only 31 BBC files are in no set)."""
    rng = random.Random(seed)
    out = []
    for corpus, docs, n in ((BBC, sorted(bbc_articles()), n_bbc),
                            (REUTERS, sorted(reuters_stories(), key=lambda k: int(k.rsplit("-", 1)[1])), n_reuters)):
        fresh = [d for d in docs if (corpus, d) not in exclude]
        if len(fresh) >= n or not reuse:
            out += [(corpus, d) for d in rng.sample(fresh, n)]
            continue
        again = [d for d in docs if (corpus, d) in reuse and (corpus, d) in exclude]
        out += [(corpus, d) for d in rng.sample(fresh, len(fresh)) + rng.sample(again, n - len(fresh))]
    return out


def split_half(item_id: str) -> str:
    """'tune' or 'check', fixed once by a hash of the id."""
    return "tune" if int(hashlib.sha1(item_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"
