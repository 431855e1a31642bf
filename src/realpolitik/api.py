"""The library functions the CLI wraps, one per command: ingest, code_text, code_jsonl, events, actors, demo.

This is where the stages meet: ingest yields Documents, nlp parses their segments in batches,
actors + events code them, store keeps them.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from realpolitik.records import Coded, Document, IngestFailure

BATCH_DOCS = 64


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: int = 0
    skipped: int = 0  # already stored (same content hash)
    events: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)


def default_classifier():
    """The shipped sentence classifier, or None when its weights are not installed (rules only)."""
    from realpolitik.events.coder import default_classifier as _default

    return _default()


def build_coder(*, classifier: Any = "default", kb=None):
    """The Coder (spaCy pipeline, knowledge base, classifier) that every command builds once."""
    from realpolitik.events.coder import Coder

    return Coder.build(classifier=classifier, kb=kb)


def code_documents(docs: list[Document], *, classifier: Any = "default", kb=None, coder=None) -> list[Coded]:
    """Parse every segment of the documents in one spaCy batch and code them document by document."""
    coder = coder if coder is not None else build_coder(classifier=classifier, kb=kb)
    return coder.code_documents(docs)


def document_from_text(text: str, *, date: dt.date | None = None, path: str = "<text>") -> Document:
    """A Document from raw text, cleaned as a .txt file would be (a text with nothing left is empty)."""
    from realpolitik.ingest import read_text

    doc = read_text(text, name=path, date=date)
    if isinstance(doc, IngestFailure):
        return Document(doc_id="", path=path, segments=(), date=date)
    return doc


def code_text(text: str, *, date: dt.date | str | None = None, classifier: Any = "default", kb=None,
              coder=None) -> Coded:
    """Code one text: sentences, actor mentions and events (nothing is stored)."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    doc = document_from_text(text, date=date)
    if not doc.segments:
        from realpolitik.errors import InputError

        raise InputError("<text>", "no text to code")
    return code_documents([doc], classifier=classifier, kb=kb, coder=coder)[0]


def _scored_actor(a) -> dict[str, Any] | None:
    """An actor as the scorer reads it: IGOs and NGOs carry their code's prefix ("IGO") as country."""
    if a is None:
        return None
    return {"country": a.country or (a.code[:3] if a.code else None), "sector": a.sector, "name": a.name,
            "code": a.code}


def prediction_line(item_id: str, coded: Coded) -> dict[str, Any]:
    """One line of the prediction JSONL that ../shared/eval/score_events.py reads (PLOVER events only)."""
    events = []
    for e in coded.events:
        if not e.plover:  # CAMEO codes with no PLOVER counterpart (e.g. plain statements)
            continue
        events.append({
            "plover": e.plover, "mode": e.plover_mode, "cameo": e.cameo, "quad_class": e.quad_class,
            "source": _scored_actor(e.source), "target": _scored_actor(e.target),
            "hypothetical": e.hypothetical, "negated": e.negated, "modality": list(e.modality),
            "date": e.date.date.isoformat() if e.date.date else None, "trigger": e.trigger, "rule": e.rule,
        })
    with_events = [s for s in coded.sentences if any(e.factual for e in s.events)]
    quad = (with_events or coded.sentences or [None])[0]
    return {"id": item_id, "quad": quad.quad if quad is not None else 0, "events": events}


def code_jsonl(inp: str | Path | TextIO, out: str | Path | TextIO, *, classifier: Any = "default",
               batch: int = 64, kb=None, coder=None) -> int:
    """Code a JSONL batch of {id, text, date?} lines into the scorer's prediction format; returns lines written.

    A malformed line stops the run with its line number before anything is written for its batch."""
    from contextlib import ExitStack

    from realpolitik.errors import InputError

    coder = coder if coder is not None else build_coder(classifier=classifier, kb=kb)
    name = str(inp) if isinstance(inp, (str, Path)) else "<stdin>"
    n = 0
    with ExitStack() as stack:
        src = stack.enter_context(open(inp, encoding="utf-8")) if isinstance(inp, (str, Path)) else inp
        dst = None  # opened at the first write, so a bad first line leaves no empty output file behind

        def flush(pending: list[tuple[str, Document]]) -> int:
            nonlocal dst
            if not pending:
                return 0
            coded = coder.code_documents([d for _, d in pending])
            if dst is None:
                dst = stack.enter_context(open(out, "w", encoding="utf-8")) if isinstance(out, (str, Path)) else out
            for (item_id, _), c in zip(pending, coded):
                dst.write(json.dumps(prediction_line(item_id, c)) + "\n")
            return len(pending)

        pending: list[tuple[str, Document]] = []
        for lineno, line in enumerate(src, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                item_id, text = str(rec["id"]), rec["text"]
                date = dt.date.fromisoformat(rec["date"][:10]) if rec.get("date") else None
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(name, f"line {lineno}: expected JSON with 'id' and 'text' ({exc})") from exc
            pending.append((item_id, document_from_text(text, date=date, path=f"{name}#{lineno}")))
            if len(pending) >= batch:
                n += flush(pending)
                pending = []
        n += flush(pending)
    return n


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(paths: Iterable[str] = (), *, db: str | Path | None = None, date: dt.date | None = None,
           source: str | None = None, columns: dict[str, str] | None = None, stdin: TextIO | None = None,
           progress: bool | None = None, classifier: Any = "default", max_bytes: int | None = None,
           stdin_format: str | None = None, kb=None, coder=None) -> IngestReport:
    """Read, clean, code and store articles; bad files are reported and the rest go on."""
    from tqdm import tqdm

    from realpolitik.ingest import read_paths, read_stdin
    from realpolitik.store import Store

    report = IngestReport()
    kwargs: dict[str, Any] = {"date": date, "source": source}
    if columns:
        kwargs["columns"] = columns
    if max_bytes:
        kwargs["max_bytes"] = max_bytes
    records: Iterable[Document | IngestFailure] = (
        read_stdin(stdin, fmt=stdin_format, **kwargs) if stdin is not None else read_paths(list(paths), **kwargs))
    store = Store(db)
    coder = coder if coder is not None else build_coder(classifier=classifier, kb=kb)
    bar = tqdm(desc="ingest", unit="doc", disable=progress is False if progress is not None else None,
               file=sys.stderr, leave=False)
    try:
        for batch in _batches(records, BATCH_DOCS):
            docs: list[Document] = []
            seen = store.existing([r.doc_id for r in batch if not isinstance(r, IngestFailure)])
            for rec in batch:
                if isinstance(rec, IngestFailure):
                    report.failures.append(rec)
                    continue
                if rec.doc_id in seen:
                    report.skipped += 1
                    continue
                seen.add(rec.doc_id)
                docs.append(rec)
                if rec.date is None:
                    report.undated.append(rec.path)
            if docs:
                coded = coder.code_documents(docs)
                report.added += store.add_many([(c.document, c.sentences, c.actors) for c in coded])
                report.events += sum(len(c.events) for c in coded)
            bar.update(len(batch))
    finally:
        bar.close()
    return report


def events(db: str | Path | None = None, **filters):
    """Stored events as a DataFrame (filters: actor, dyad, since, until, root, plover, include_hypothetical)."""
    from realpolitik.store import Store

    return Store(db, read_only=True).events(**filters)


def actors(db: str | Path | None = None, kind: str | None = None):
    """Stored actors (states, people, institutions, IGOs, factions) with roles, members and evidence."""
    from realpolitik.store import Store

    return Store(db, read_only=True).actors(kind=kind)


def demo_corpus() -> Path:
    """The bundled demo corpus folder."""
    return Path(__file__).parent / "data" / "demo"


def demo(db: str | Path | None = None, *, fresh: bool = True) -> tuple[IngestReport, dict[str, Any]]:
    """Ingest the bundled demo corpus into a fresh database and summarise it."""
    from realpolitik.analysis import summary
    from realpolitik.store import Store

    db = Path(db or "realpolitik-demo.duckdb")
    if fresh:
        for p in (db, Path(str(db) + ".wal")):
            if p.exists():
                p.unlink()
    files = [str(p) for p in sorted(demo_corpus().iterdir()) if p.is_file() and p.name != "README.md"]
    report = ingest(files, db=db)
    return report, summary(Store(db, read_only=True), pair=("IRN", "RUS"))
