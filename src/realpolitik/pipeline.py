"""The ingest pipeline: read -> (pre-filter) -> parse and code (here or in worker processes) -> store.

``ingest`` reads Documents (realpolitik.ingest) lazily, drops those already stored, codes the new ones in
batches with one Coder (realpolitik.events), in this process or in ``workers`` forked processes, and writes
them through one store writer (realpolitik.store). The Dask ingest (realpolitik.distributed) reuses the same
pieces on a cluster. ``realpolitik.api`` re-exports what users call.
"""
from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from realpolitik.records import Coded, Document, IngestFailure

BATCH_DOCS = 64
# A task handed to a worker process holds up to 4 * BATCH_DOCS documents or about this many words, whichever
# comes first: ~17 news articles, or 256 headlines (a task of 16 headlines cost more in hand-over than in coding)
TASK_WORDS = 8000


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: int = 0
    skipped: int = 0  # already stored (same content hash)
    events: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # inputs read with a caveat (encoding guessed, bytes replaced)
    unparsed: int = 0  # added documents the pre-filter found could hold no event (stored, not parsed)


def build_coder(*, classifier: Any = "default", kb=None, verbs=()):
    """The Coder (spaCy pipeline, knowledge base, lexicon plus ``verbs`` dictionaries, classifier) that
    every command builds once."""
    from realpolitik.events.coder import Coder

    return Coder.build(classifier=classifier, kb=kb, verbs=tuple(str(v) for v in verbs))


def code_safely(coder: Any, docs: list[Document], *, prefilter: bool = False) -> list[Coded | IngestFailure]:
    """``coder.code_documents`` for a batch, in order; a document that cannot be coded becomes its own one-line
    failure (the batch is retried one document at a time to find it) and the others are coded as usual.
    ``prefilter``: documents that cannot hold an event are not parsed (realpolitik.prefilter)."""
    if prefilter:
        from realpolitik.prefilter import code_filtered

        def code(batch: list[Document]) -> list[Coded]:
            return code_filtered(coder, batch)[0]
    else:
        code = coder.code_documents
    try:
        return list(code(docs))
    except Exception:
        if len(docs) == 1:
            return [_coding_failure(docs[0])]
    out: list[Coded | IngestFailure] = []
    for d in docs:
        try:
            out.extend(code([d]))
        except Exception:
            out.append(_coding_failure(d))
    return out


def _coding_failure(doc: Document) -> IngestFailure:
    exc = sys.exc_info()[1]
    detail = str(exc).strip().splitlines()[0][:200] if exc is not None and str(exc).strip() else ""
    name = type(exc).__name__ if exc is not None else "error"
    return IngestFailure(doc.path, f"could not be coded ({name}{': ' + detail if detail else ''})")


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


def unparsed(coded: Coded) -> bool:
    """Whether the pre-filter skipped this document: it has text but no sentence (a parse gives one at least)."""
    return not coded.sentences and any(seg.text.strip() for seg in coded.document.segments)


def words_in(doc: Document) -> int:
    """Words in a document's segments (for the words/s of progress lines and benches)."""
    return sum(len(seg.text.split()) for seg in doc.segments)


def new_documents(records: Iterable[Document | IngestFailure], store: Any, report: IngestReport, size: int,
                  counts: dict[str, int], handed: set[str] | None = None) -> Iterator[list[Document]]:
    """Batches of up to ``size`` documents to code: read failures, notes, undated documents and documents
    already stored (or already handed out in this run) go to ``report``. ``counts["read"]`` counts records
    read, ``counts["inflight"]`` grows by each batch handed out (the consumer lowers it when it is stored).
    ``handed``: the doc_ids handed out and not yet known to ``store`` (a repeat read later is skipped); a
    consumer that passes it removes the ids ``store.existing`` knows from then on, so the set holds the
    documents in flight, not every document of the run."""
    if handed is None:
        handed = set()
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
    _freeze_built()  # built here (spawn) or inherited frozen (fork): the worker lives for one run


def _freeze_built() -> bool:
    """Move every object built so far (the Coder: spaCy, knowledge base, lexicon, classifier) out of the
    garbage collector's reach for the run (``gc.freeze``): full collections then skip them (on 2,000
    headlines, three full collections took 2.8 s with the Coder tracked, 0.8 s without), and forked workers
    do not copy the pages the collector would touch. Returns whether it froze (not if already frozen)."""
    import gc

    if gc.get_freeze_count():
        return False
    gc.freeze()
    return True


def _code_in_worker(docs: list[Document], prefilter: bool) -> list[Coded | IngestFailure]:
    return code_safely(_WORKER_CODER, docs, prefilter=prefilter)


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


def by_words(batches: Iterable[list[Document]], max_docs: int, max_words: int = TASK_WORDS
             ) -> Iterator[list[Document]]:
    """The documents of ``batches`` regrouped into lists of up to ``max_docs`` documents and about
    ``max_words`` words (a document longer than that is a list of its own), in order."""
    out: list[Document] = []
    words = 0
    for batch in batches:
        for doc in batch:
            n = words_in(doc)
            if out and (len(out) >= max_docs or words + n > max_words):
                yield out
                out, words = [], 0
            out.append(doc)
            words += n
    if out:
        yield out


def _coded_batches(batches: Iterable[list[Document]], *, coder: Any, workers: int, prefilter: bool = False
                   ) -> Iterator[tuple[list[Document], list[Coded | IngestFailure]]]:
    """(documents, their results) for each batch, coded here (one worker) or in ``workers`` processes,
    in the order they complete. At most two batches per worker are in flight, so memory stays bounded."""
    if workers <= 1:
        for docs in batches:
            yield docs, code_safely(coder, docs, prefilter=prefilter)
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
            fut = pool.submit(_code_in_worker, docs, prefilter)
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
           stdin_format: str | None = None, kb=None, coder=None, workers: int = 1,
           prefilter: bool = True) -> IngestReport:
    """Read, clean, code and store articles; bad files are reported and the rest go on.

    ``coder`` is a built Coder or a :class:`CoderSpec` (default: built from ``classifier`` and ``kb``).
    ``workers`` > 1 parses and codes in that many processes while this one reads and is the only writer; the
    stored result is the same as with one (ids are content hashes, actor merging and event clustering do not
    depend on the order documents arrive in). ``progress`` is a callable given an :class:`IngestProgress`
    after every write and at the end (True/False/None: no reporting; the CLI draws the bar). ``prefilter``
    (default on): a document that cannot hold an event is stored without being parsed (realpolitik.prefilter;
    the events stored are the same either way).
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
    frozen = _freeze_built()
    state = {"read": 0, "inflight": 0, "docs": 0, "words": 0}
    handed: set[str] = set()  # doc_ids in flight (handed out, not yet given to the writer)
    batches: Iterable[list[Document]] = new_documents(records, store, report, BATCH_DOCS, state, handed)
    if workers > 1:
        batches = by_words(batches, 4 * BATCH_DOCS)

    def tell(final: bool = False) -> None:
        if callback is not None:
            callback(IngestProgress(done=state["read"] - state["inflight"], total=total, documents=state["docs"],
                                    words=state["words"], elapsed=time.monotonic() - started, final=final))

    pending: list[Coded] = []

    def write() -> None:
        report.added += store.add_many([(c.document, c.sentences, c.actors) for c in pending])
        handed.difference_update(c.document.doc_id for c in pending)  # the writer knows them now
        report.events += sum(len(c.events) for c in pending)
        report.unparsed += sum(1 for c in pending if unparsed(c))
        pending.clear()

    try:
        for docs, results in _coded_batches(batches, coder=coder, workers=workers, prefilter=prefilter):
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
    finally:
        if frozen:
            import gc

            gc.unfreeze()
    try:
        store.close()
    except WriterStopped as exc:  # the file stayed locked: what was stored stays, the report says what was not
        report.failures.append(IngestFailure(exc.path, exc.reason))
    report.added = store.added
    tell(final=True)
    return report
