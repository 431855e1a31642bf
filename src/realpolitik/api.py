"""The library functions the CLI wraps, one per command: ingest, code_text, code_jsonl, events, actors, demo.

A thin facade: the ingest pipeline (read, code in workers, one writer) is ``realpolitik.pipeline``; this
module re-exports it and adds the commands that code without storing (``code_text``, ``code_jsonl``) and
read the store (``events``, ``actors``, ``demo``).
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from realpolitik.pipeline import (BATCH_DOCS, CoderSpec, IngestProgress, IngestReport, build_coder, code_safely,
                                  default_workers, estimate_records, ingest, new_documents, words_in)
from realpolitik.records import Coded, Document, IngestFailure

__all__ = [
    "BATCH_DOCS", "CoderSpec", "IngestProgress", "IngestReport", "JsonlReport", "actors", "build_coder",
    "code_documents", "code_jsonl", "code_safely", "code_text", "default_classifier", "default_workers", "demo",
    "demo_corpus", "document_from_text", "estimate_records", "events", "ingest", "new_documents",
    "prediction_line", "sentence_document", "words_in",
]


def default_classifier():
    """The shipped sentence classifier, or None when its weights are not installed (rules only)."""
    from realpolitik.events.coder import default_classifier as _default

    return _default()


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


def sentence_document(text: str, *, title: str | None = None, context: str | None = None,
                      date: dt.date | None = None, path: str = "<text>") -> Document:
    """A sentence to code inside its article: the title and the text before it are context segments,
    read to resolve actors ("the minister", "he", "the party") but not coded themselves."""
    from realpolitik.records import Segment

    body = document_from_text(text, date=date, path=path)
    segs = [t for t in (title, *(context or "").split("\n")) if t and t.strip()]
    segments = [Segment(i, "context", t.strip()) for i, t in enumerate(segs)]
    segments += [Segment(len(segments) + i, "body", s.text) for i, s in enumerate(body.segments)]
    return Document(doc_id=body.doc_id, path=path, segments=tuple(segments), title=title, date=date)


def prediction_line(item_id: str, coded: Coded) -> dict[str, Any]:
    """One line of the prediction JSONL that ../shared/eval/score_events.py reads: every event (plain
    statements, which have no PLOVER type, included) and the class of the first factual event (0: none)."""
    events = []
    for e in coded.events:
        events.append({
            "plover": e.plover, "mode": e.plover_mode, "cameo": e.cameo, "quad_class": e.quad_class,
            "source": _scored_actor(e.source), "target": _scored_actor(e.target),
            "hypothetical": e.hypothetical, "negated": e.negated, "modality": list(e.modality),
            "date": e.date.date.isoformat() if e.date.date else None, "trigger": e.trigger, "rule": e.rule,
        })
    with_events = [s for s in coded.sentences if any(e.factual for e in s.events)]
    return {"id": item_id, "quad": with_events[0].quad if with_events else 0, "events": events}


@dataclass
class JsonlReport:
    """What one ``code_jsonl`` run did: lines written, records that could not be coded, and warnings."""

    written: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    warnings: list[IngestFailure] = field(default_factory=list)


def _jsonl_record(raw: bytes | None, name: str, lineno: int, max_bytes: int
                  ) -> tuple[str, str, dt.date | None, str | None, str | None, str | None] | str:
    """(id, text, date, warning, title, context) of one prediction-input line, or the one-line reason it
    cannot be coded."""
    from realpolitik.ingest.dates import parse_date
    from realpolitik.ingest.decode import limit_text

    if raw is None:
        return f"record is over the {limit_text(max_bytes)} limit"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not valid UTF-8 (byte {exc.start + 1})"
    try:
        rec = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return f"not JSON ({getattr(exc, 'msg', 'nested too deeply')}, column {getattr(exc, 'colno', '?')})"
    if not isinstance(rec, dict):
        return f"a JSON {type(rec).__name__}, not an object with 'id' and 'text'"
    if rec.get("id") is None or isinstance(rec["id"], (dict, list)) or str(rec["id"]).strip() == "":
        return "no 'id' (each line needs an 'id' and a 'text')"
    if "text" not in rec or rec["text"] is None:
        return "no 'text'"
    if not isinstance(rec["text"], str):
        return f"'text' is a JSON {type(rec['text']).__name__}, not a string"
    raw_date, date, warning = rec.get("date"), None, None
    if raw_date not in (None, ""):
        date = parse_date(raw_date)
        if date is None:
            shown = str(raw_date)[:40]
            warning = f"date {shown!r} is not a date (YYYY-MM-DD); coded undated"
    title, context = (rec.get(k) if isinstance(rec.get(k), str) else None for k in ("title", "context"))
    return str(rec["id"]), rec["text"], date, warning, title, context


def code_jsonl(inp: str | Path | TextIO, out: str | Path | TextIO, *, classifier: Any = "default",
               batch: int = 64, kb=None, coder=None, max_bytes: int | None = None) -> JsonlReport:
    """Code a JSONL batch of {id, text, date?, title?, context?} lines into the scorer's prediction format.

    ``title`` and ``context`` (the article text before the sentence) resolve actors and are not coded.

    Every good record is coded and written in input order; a bad one (not JSON, no id or text, text not a
    string, over the size limit, not UTF-8) is reported with its line number and skipped; a bad date is a
    warning and the record is coded undated. A file ``out`` is written to a temporary file beside it and
    renamed at the end, so an interrupted run leaves the old output (or none) and ``out`` may be ``inp``.
    """
    import os
    import tempfile
    from contextlib import ExitStack

    from realpolitik.ingest import DEFAULT_MAX_BYTES
    from realpolitik.ingest.decode import bounded_lines

    limit = max_bytes or DEFAULT_MAX_BYTES
    coder = coder if coder is not None else build_coder(classifier=classifier, kb=kb)
    name = str(inp) if isinstance(inp, (str, Path)) else getattr(inp, "name", "<stdin>")
    report = JsonlReport()
    with ExitStack() as stack:
        if isinstance(inp, (str, Path)):
            src: Any = stack.enter_context(open(inp, "rb"))
        else:
            src = getattr(inp, "buffer", inp)
        tmp_path: str | None = None
        if isinstance(out, (str, Path)):
            out_path = Path(out)
            if out_path.is_dir():
                from realpolitik.errors import InputError

                raise InputError(str(out), "is a folder; give the output file's name")
            fd, tmp_path = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=out_path.parent or ".")
            dst: Any = stack.enter_context(os.fdopen(fd, "w", encoding="utf-8"))
        else:
            dst = out
        try:
            def flush(pending: list[tuple[str, Document]]) -> None:
                for (item_id, doc), coded in zip(pending, code_safely(coder, [d for _, d in pending])):
                    if isinstance(coded, IngestFailure):
                        report.failures.append(coded)
                        continue
                    dst.write(json.dumps(prediction_line(item_id, coded)) + "\n")
                    report.written += 1

            pending: list[tuple[str, Document]] = []
            for lineno, raw in enumerate(bounded_lines(src, limit), 1):
                if isinstance(raw, str):
                    raw = raw.encode("utf-8")
                if raw is not None and not raw.strip():
                    continue
                where = f"{name}: line {lineno}"
                rec = _jsonl_record(raw, name, lineno, limit)
                if isinstance(rec, str):
                    report.failures.append(IngestFailure(where, rec))
                    continue
                item_id, text, date, warning, title, context = rec
                if warning:
                    report.warnings.append(IngestFailure(where, warning))
                pending.append((item_id, sentence_document(text, title=title, context=context, date=date,
                                                           path=where)))
                if len(pending) >= batch:
                    flush(pending)
                    pending = []
            flush(pending)
            dst.flush()
        except BaseException:
            if tmp_path is not None:
                stack.close()
                Path(tmp_path).unlink(missing_ok=True)
            raise
    if tmp_path is not None:
        if report.written or not report.failures:
            os.replace(tmp_path, out)
        else:  # nothing could be coded: leave no empty output behind (and any old one untouched)
            Path(tmp_path).unlink(missing_ok=True)
    return report


def events(db: str | Path | None = None, **filters):
    """Stored events as a DataFrame (filters: actor, dyad, since, until, root, plover, include_hypothetical)."""
    from realpolitik.store import Store

    return Store(db, read_only=True).events(**filters)


def actors(db: str | Path | None = None, kind: str | None = None, country: str | None = None,
           limit: int | None = None):
    """Stored actors (states, people, institutions, IGOs, factions) with roles, members and evidence, most
    active first; ``kind``/``country`` filter, ``limit`` keeps the first rows."""
    from realpolitik.store import Store

    return Store(db, read_only=True).actors(kind=kind, country=country, limit=limit)


def demo_corpus() -> Path:
    """The bundled demo corpus folder."""
    return Path(__file__).parent / "data" / "demo"


def demo(db: str | Path | None = None, *, fresh: bool = True, force: bool = False
         ) -> tuple[IngestReport, dict[str, Any]]:
    """Ingest the bundled demo corpus into a fresh database and summarise it.

    An existing file at ``db`` is replaced only if it is an earlier demo database (or empty); anything else
    is refused unless ``force``, so a mistyped ``--db`` never deletes someone's event base."""
    from realpolitik.analysis import summary
    from realpolitik.store import Store
    from realpolitik.store.connection import connect

    db = Path(db or "realpolitik-demo.duckdb")
    files = [p for p in sorted(demo_corpus().iterdir()) if p.is_file() and p.name != "README.md"]
    if fresh:
        if db.exists() and not force and not _is_demo_database(db, {p.name for p in files}):
            from realpolitik.errors import RealpolitikError
            from realpolitik.terminal import printable

            raise RealpolitikError(f"{printable(db)} exists and is not a demo database; the demo would delete it "
                                   "(pass another --db, or add --force)")
        for p in (db, Path(str(db) + ".wal")):
            if p.exists():
                p.unlink()
    report = ingest([str(p) for p in files], db=db)
    con = connect(db)
    try:
        con.execute("INSERT OR REPLACE INTO meta VALUES ('demo', 'true')")
    finally:
        con.close()
    return report, summary(Store(db, read_only=True), pair=("IRN", "RUS"))


def _is_demo_database(db: Path, demo_names: set[str]) -> bool:
    """True when ``db`` is empty or was made by ``demo`` (its meta says so, or every document is a demo file)."""
    import duckdb

    if db.is_file() and db.stat().st_size == 0:
        return True
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return False
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if not tables:
            return True  # a DuckDB file with nothing in it
        if "meta" not in tables or "documents" not in tables:
            return False
        if con.execute("SELECT count(*) FROM meta WHERE key = 'demo'").fetchall()[0][0]:
            return True
        paths = [r[0] for r in con.execute("SELECT path FROM documents").fetchall()]
        return bool(paths) and all(Path(p).name in demo_names for p in paths)
    except duckdb.Error:
        return False
    finally:
        con.close()
