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
    notes: list[str] = field(default_factory=list)  # inputs read with a caveat (encoding guessed, bytes replaced)


def default_classifier():
    """The shipped sentence classifier, or None when its weights are not installed (rules only)."""
    from realpolitik.events.coder import default_classifier as _default

    return _default()


def build_coder(*, classifier: Any = "default", kb=None, verbs=()):
    """The Coder (spaCy pipeline, knowledge base, lexicon plus ``verbs`` dictionaries, classifier) that
    every command builds once."""
    from realpolitik.events.coder import Coder

    return Coder.build(classifier=classifier, kb=kb, verbs=tuple(str(v) for v in verbs))


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


def code_safely(coder: Any, docs: list[Document]) -> list[Coded | IngestFailure]:
    """``coder.code_documents`` for a batch, in order; a document that cannot be coded becomes its own one-line
    failure (the batch is retried one document at a time to find it) and the others are coded as usual."""
    try:
        return list(coder.code_documents(docs))
    except Exception:
        if len(docs) == 1:
            return [_coding_failure(docs[0])]
    out: list[Coded | IngestFailure] = []
    for d in docs:
        try:
            out.extend(coder.code_documents([d]))
        except Exception:
            out.append(_coding_failure(d))
    return out


def _coding_failure(doc: Document) -> IngestFailure:
    exc = sys.exc_info()[1]
    detail = str(exc).strip().splitlines()[0][:200] if exc is not None and str(exc).strip() else ""
    name = type(exc).__name__ if exc is not None else "error"
    return IngestFailure(doc.path, f"could not be coded ({name}{': ' + detail if detail else ''})")


def _jsonl_lines(src: Any, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) of a binary stream, each line read with a bounded buffer; an over-long line
    comes back as None (and is skipped to its end) so one huge record cannot exhaust memory."""
    lineno = 0
    while True:
        line = src.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = src.readline(1 << 20)
            yield lineno, None
            continue
        yield lineno, line


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
            for lineno, raw in _jsonl_lines(src, limit):
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


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass(frozen=True)
class CoderSpec:
    """How to build a Coder: what a worker process (or a Dask worker) needs to build its own, once.

    Picklable and hashable; the paths must be readable where the worker runs."""

    classifier: str | None = "default"  # "default" (the shipped one, if installed) or None (rules only)
    actors: tuple[str, ...] = ()
    phoenix: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()

    def build(self):
        kb = None
        if self.actors or self.phoenix:
            from realpolitik.actors import load_kb

            kb = load_kb(user_files=self.actors, phoenix_files=self.phoenix)
        return build_coder(classifier=self.classifier, kb=kb, verbs=self.verbs)


def default_workers() -> int:
    """Worker processes ``ingest --workers`` uses by default: the cores this process may run on."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class IngestProgress:
    """A snapshot of a running ingest, passed to ``ingest(progress=callback)`` after every write."""

    done: int  # input records handled (coded, already stored or failed)
    total: int | None  # records expected (an estimate for JSONL/CSV files; None for stdin)
    documents: int  # documents coded so far
    words: int  # words in them
    elapsed: float  # seconds since the ingest started
    final: bool = False


def estimate_records(paths: Iterable[str]) -> int:
    """How many records ``read_paths`` will yield, without parsing: a JSONL file counts its non-empty lines,
    a CSV its lines after the header, any other file one (a feed or JSON array may hold more)."""
    from realpolitik.ingest.paths import expand_paths, format_of

    total = 0
    for item in expand_paths(paths):
        if isinstance(item, IngestFailure):
            total += 1
            continue
        fmt = format_of(item)
        if fmt not in ("jsonl", "csv", "tsv") or item.endswith(".gz"):
            total += 1
            continue
        lines, last = 0, b"\n"
        try:
            with open(item, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    lines += chunk.count(b"\n")
                    last = chunk[-1:]
        except OSError:
            total += 1
            continue
        lines += last != b"\n"
        total += max(1, lines - (fmt != "jsonl"))
    return total


def words_in(doc: Document) -> int:
    """Words in a document's segments (for the words/s of progress lines and benches)."""
    return sum(len(seg.text.split()) for seg in doc.segments)


def new_documents(records: Iterable[Document | IngestFailure], store: Any, report: IngestReport, size: int,
                  counts: dict[str, int]) -> Iterator[list[Document]]:
    """Batches of up to ``size`` documents to code: read failures, notes, undated documents and documents
    already stored (or already handed out in this run) go to ``report``. ``counts["read"]`` counts records
    read, ``counts["inflight"]`` grows by each batch handed out (the consumer lowers it when it is stored)."""
    handed: set[str] = set()  # doc_ids handed out in this run (a repeat read later is skipped)
    for batch in _batches(records, size):
        counts["read"] += len(batch)
        ids = [r.doc_id for r in batch if not isinstance(r, IngestFailure)]
        seen = store.existing([i for i in ids if i not in handed]) | (handed & set(ids))
        docs: list[Document] = []
        for rec in batch:
            if isinstance(rec, IngestFailure):
                report.failures.append(rec)
                continue
            report.notes.extend(rec.notes)
            if rec.doc_id in seen:
                report.skipped += 1
                continue
            seen.add(rec.doc_id)
            handed.add(rec.doc_id)
            docs.append(rec)
            if rec.date is None:
                report.undated.append(rec.path)
        if docs:
            counts["inflight"] += len(docs)
            yield docs


# --------------------------------------------------------------------------- worker processes

_WORKER_CODER: Any = None


def _init_worker(source: Any) -> None:
    """Worker initializer: build (or, forked, inherit) the Coder once; exit when the parent dies."""
    global _WORKER_CODER
    import os
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    parent = os.getppid()
    try:  # Linux: die with the parent (an ingest killed with kill -9 leaves no orphan coding on)
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass

    def watch() -> None:  # elsewhere (and as a backstop): poll for the parent
        import time

        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()
    _WORKER_CODER = source.build() if isinstance(source, CoderSpec) else source


def _code_in_worker(docs: list[Document]) -> list[Coded | IngestFailure]:
    return code_safely(_WORKER_CODER, docs)


def _worker_context(source: Any):
    """fork where it exists (the parent's Coder is inherited, not rebuilt nor pickled); else spawn with a
    CoderSpec that each worker builds."""
    import multiprocessing as mp

    if "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    if not isinstance(source, CoderSpec):
        from realpolitik.errors import RealpolitikError

        raise RealpolitikError("workers > 1 without fork needs a CoderSpec (this platform cannot fork)")
    return mp.get_context("spawn")


def _coded_batches(batches: Iterable[list[Document]], *, coder: Any, workers: int
                   ) -> Iterator[tuple[list[Document], list[Coded | IngestFailure]]]:
    """(documents, their results) for each batch, coded here (one worker) or in ``workers`` processes,
    in the order they complete. At most two batches per worker are in flight, so memory stays bounded."""
    if workers <= 1:
        for docs in batches:
            yield docs, code_safely(coder, docs)
        return
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    from realpolitik.errors import RealpolitikError

    pool = ProcessPoolExecutor(workers, mp_context=_worker_context(coder), initializer=_init_worker,
                               initargs=(coder,))
    inflight: set = set()
    try:
        def finished(block: bool) -> Iterator[tuple[list[Document], list[Coded | IngestFailure]]]:
            nonlocal inflight
            done, inflight = wait(inflight, return_when=FIRST_COMPLETED, timeout=None if block else 0)
            for fut in done:
                yield docs_of.pop(fut), fut.result()

        docs_of: dict = {}
        for docs in batches:
            fut = pool.submit(_code_in_worker, docs)
            docs_of[fut] = docs
            inflight.add(fut)
            yield from finished(block=len(inflight) >= 2 * workers)
        while inflight:
            yield from finished(block=True)
    except BrokenProcessPool:
        raise RealpolitikError("a worker process died (out of memory?); everything written so far is stored: "
                               "run the same ingest again to resume (or use fewer --workers)") from None
    finally:
        for fut in inflight:
            fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- ingest

def ingest(paths: Iterable[str] = (), *, db: str | Path | None = None, date: dt.date | None = None,
           source: str | None = None, columns: dict[str, str] | None = None, stdin: TextIO | None = None,
           progress: bool | Any = None, classifier: Any = "default", max_bytes: int | None = None,
           stdin_format: str | None = None, kb=None, coder=None, workers: int = 1) -> IngestReport:
    """Read, clean, code and store articles; bad files are reported and the rest go on.

    ``coder`` is a built Coder or a :class:`CoderSpec` (default: built from ``classifier`` and ``kb``).
    ``workers`` > 1 parses and codes in that many processes while this one reads and is the only writer; the
    stored result is the same as with one (ids are content hashes, actor merging and event clustering do not
    depend on the order documents arrive in). ``progress`` is a callable given an :class:`IngestProgress`
    after every write and at the end (True/False/None: no reporting; the CLI draws the bar).
    """
    import time

    from realpolitik.ingest import read_paths, read_stdin
    from realpolitik.store import Store
    from realpolitik.store.writer import WriterStopped
    from realpolitik.terminal import printable

    started = time.monotonic()
    report = IngestReport()
    kwargs: dict[str, Any] = {"date": date, "source": source}
    if columns:
        kwargs["columns"] = columns
    if max_bytes:
        kwargs["max_bytes"] = max_bytes
    paths = list(paths)
    records: Iterable[Document | IngestFailure] = (
        read_stdin(stdin, fmt=stdin_format, **kwargs) if stdin is not None else read_paths(paths, **kwargs))
    callback = progress if callable(progress) else None
    total = estimate_records(paths) if callback is not None and stdin is None else None
    # one writer per ingest: stored hashes loaded once, large writes, readers waited out (store/writer.py)
    store = Store(db).writer(on_wait=lambda message: print(printable(message), file=sys.stderr, flush=True))
    workers = max(1, int(workers or 1))
    if coder is None:
        coder = build_coder(classifier=classifier, kb=kb)
    elif isinstance(coder, CoderSpec) and workers == 1:
        coder = coder.build()
    if workers > 1 and isinstance(coder, CoderSpec) and _worker_context(coder).get_start_method() == "fork":
        coder = coder.build()  # built once here, inherited by every forked worker
    state = {"read": 0, "inflight": 0, "docs": 0, "words": 0}
    task = max(1, BATCH_DOCS // 4) if workers > 1 else BATCH_DOCS

    def tell(final: bool = False) -> None:
        if callback is not None:
            callback(IngestProgress(done=state["read"] - state["inflight"], total=total, documents=state["docs"],
                                    words=state["words"], elapsed=time.monotonic() - started, final=final))

    pending: list[Coded] = []

    def write() -> None:
        report.added += store.add_many([(c.document, c.sentences, c.actors) for c in pending])
        report.events += sum(len(c.events) for c in pending)
        pending.clear()

    for docs, results in _coded_batches(new_documents(records, store, report, task, state), coder=coder,
                                        workers=workers):
        state["inflight"] -= len(docs)
        for doc, r in zip(docs, results):
            if isinstance(r, IngestFailure):
                report.failures.append(r)
                continue
            pending.append(r)
            state["docs"] += 1
            state["words"] += words_in(doc)
        if len(pending) >= BATCH_DOCS or workers == 1:
            write()
        tell()
    write()
    try:
        store.close()
    except WriterStopped as exc:  # the file stayed locked: what was stored stays, the report says what was not
        report.failures.append(IngestFailure(exc.path, exc.reason))
    report.added = store.added
    tell(final=True)
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
