"""Ingest on a Dask cluster: ``realpolitik ingest --dask ADDRESS`` (or ``--dask local``).

The driver (this process) reads the inputs and drops what is already stored, as ``pipeline.ingest`` does,
and cuts the new documents into partitions. A Dask worker codes a partition with its own Coder (built once per
worker process from a :class:`~realpolitik.pipeline.CoderSpec`, then cached) and writes the coded records — what
``Store.add_many`` takes — as one Parquet part in the parts folder, under a temporary name renamed when
complete. The driver loads each finished part into DuckDB (the only writer) and deletes it.

Idempotent by content hash: a part is named by the hash of its documents' ids (themselves content hashes), and
its documents are written only if not stored, so a part loaded twice adds nothing. A killed run leaves
finished parts (loaded when the next run starts, their stored documents skipped) and perhaps half-written
ones (``*.tmp``, discarded); documents in neither are read and coded again. The result is the same as one
uninterrupted ``api.ingest``: ids do not depend on partitions, actor merging and event clustering do not
depend on the order parts arrive in.

The parts folder must be visible to the driver and to every worker (a shared filesystem on a cluster); so
must any ``--actors``/``--phoenix``/``--verbs`` file. Parts hold pickled records: only load parts your own
workers wrote (the folder is the run's own scratch space).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import threading
import time
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from realpolitik.pipeline import (BATCH_DOCS, CoderSpec, IngestProgress, IngestReport, by_words, code_safely,
                                  estimate_records, new_documents, unparsed, words_in)
from realpolitik.records import Document, IngestFailure

# A partition holds up to PARTITION_DOCS documents or about PARTITION_WORDS words, whichever comes first: ~10
# news articles (a few seconds of coding: the last ones do not leave a worker idle long) or 256 headlines (a
# partition of 16 headlines cost more in scheduling, Parquet and loading than in coding)
PARTITION_DOCS = 4 * BATCH_DOCS
PARTITION_WORDS = 4000
PART_SUFFIX = ".parquet"

__all__ = ["ingest", "code_partition", "load_part", "warm_coders", "PARTITION_DOCS", "PARTITION_WORDS"]

# ----------------------------------------------------------------------------- on a worker

_CODERS: dict[CoderSpec, tuple[Any, threading.Lock]] = {}
_CODERS_LOCK = threading.Lock()


def _coder(spec: CoderSpec) -> tuple[Any, threading.Lock]:
    """This worker process's Coder for ``spec``, built on first use (one per process, shared by its threads
    one at a time)."""
    with _CODERS_LOCK:
        if spec not in _CODERS:
            _CODERS[spec] = (spec.build(), threading.Lock())
            import gc
            import multiprocessing

            if multiprocessing.parent_process() is not None:  # a worker process (not threads of the driver)
                gc.freeze()  # the Coder stays for the worker's life: full collections need not walk it
        return _CODERS[spec]


def _build(spec: CoderSpec) -> None:
    _coder(spec)


def warm_coders(client, spec: CoderSpec) -> None:
    """Build ``spec``'s Coder now on every worker the client sees (one task pinned to each), so that a timed run
    or a first partition does not wait for it. An ingest does not need this: each worker builds its Coder with
    its first partition and keeps it."""
    futures = [client.submit(_build, spec, workers=[w], allow_other_workers=False, pure=False)
               for w in client.scheduler_info()["workers"]]
    client.gather(futures)


def part_name(doc_ids: Iterable[str]) -> str:
    """A part's name: the hash of its documents' ids (content hashes), whatever their order."""
    return hashlib.sha256("\n".join(sorted(doc_ids)).encode()).hexdigest()[:32]


def code_partition(docs: list[Document], spec: CoderSpec, parts: str, prefilter: bool = True) -> str:
    """Code ``docs`` and write them as one Parquet part in ``parts``; returns the part's path. The part appears
    under its final name only once complete (written to a ``.tmp`` file, then renamed)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    coder, lock = _coder(spec)
    with lock:
        results = code_safely(coder, docs, prefilter=prefilter)
    rows: dict[str, list] = {"doc_id": [], "path": [], "words": [], "events": [], "failure": [], "record": []}
    for doc, r in zip(docs, results):
        failed = isinstance(r, IngestFailure)
        rows["doc_id"].append(doc.doc_id)
        rows["path"].append(r.path if failed else doc.path)
        rows["words"].append(words_in(doc))
        rows["events"].append(0 if failed else len(r.events))
        rows["failure"].append(r.reason if failed else None)
        rows["record"].append(None if failed else pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL))
    table = pa.table(rows, schema=pa.schema([("doc_id", pa.string()), ("path", pa.string()),
                                             ("words", pa.int64()), ("events", pa.int64()),
                                             ("failure", pa.string()), ("record", pa.binary())]))
    final = Path(parts) / (part_name(d.doc_id for d in docs) + PART_SUFFIX)
    tmp = final.with_name(f"{final.name}.{uuid.uuid4().hex[:8]}.tmp")
    pq.write_table(table, tmp)
    os.replace(tmp, final)
    return str(final)


# ----------------------------------------------------------------------------- on the driver

class Loaded(NamedTuple):
    """What loading one part did, for the progress line and the bookkeeping of the driver."""

    records: int  # rows in the part (documents and failures)
    documents: int  # documents coded
    words: int
    doc_ids: list[str]


def load_part(part: str | Path, store, report: IngestReport, delete: bool = True) -> Loaded:
    """Hand a finished part's records to ``store`` (a Store or the ingest's writer; documents already stored
    are skipped) and, with ``delete``, delete it: the driver deletes its parts only once the writer has
    written them to the file, so that a kill before that leaves the part to be loaded by the next run."""
    import pyarrow.parquet as pq

    part = Path(part)
    table = pq.read_table(part).to_pydict()
    coded, words = [], 0
    for doc_id, path, n_words, failure, record in zip(table["doc_id"], table["path"], table["words"],
                                                       table["failure"], table["record"]):
        if failure is not None:
            report.failures.append(IngestFailure(path, failure))
            continue
        coded.append(pickle.loads(record))
        words += n_words
    stored = store.existing([c.document.doc_id for c in coded])
    fresh = [c for c in coded if c.document.doc_id not in stored]
    report.skipped += len(coded) - len(fresh)  # loaded by an earlier (killed) run
    report.added += store.add_many([(c.document, c.sentences, c.actors) for c in fresh])
    report.events += sum(len(c.events) for c in fresh)
    report.unparsed += sum(1 for c in fresh if unparsed(c))
    if delete:
        part.unlink()
    return Loaded(len(table["doc_id"]), len(coded), words, list(table["doc_id"]))


def _part(fut) -> str:
    """A finished task's part, or one line saying why the task failed (what is stored stays)."""
    try:
        return fut.result()
    except Exception as exc:
        from realpolitik.errors import RealpolitikError

        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        raise RealpolitikError(f"a Dask task failed ({type(exc).__name__}{': ' + detail if detail else ''}); "
                               "everything loaded so far is stored: run the same ingest again to resume") from None


def _client(scheduler: Any, workers: int | None, processes: bool):
    """(client, cluster we started or None) for an address, 'local', a Cluster or a Client."""
    from distributed import Client, LocalCluster

    if isinstance(scheduler, Client):
        return scheduler, None
    if scheduler == "local":
        import logging

        from realpolitik.pipeline import default_workers

        cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1, processes=processes,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    return Client(scheduler), None


def ingest(paths: Iterable[str], *, scheduler: Any = "local", parts: str | Path | None = None,
           db: str | Path | None = None, coder: CoderSpec | None = None, workers: int | None = None,
           processes: bool = True, partition: int | None = None, progress: Any = None,
           date=None, source: str | None = None, columns: dict[str, str] | None = None,
           max_bytes: int | None = None, prefilter: bool = True) -> IngestReport:
    """``api.ingest`` with the coding done on a Dask cluster (see the module docstring).

    ``scheduler``: a scheduler address ("tcp://host:8786"), "local" for a ``distributed.LocalCluster`` of
    ``workers`` single-threaded workers (``processes=False``: threads of this process), or a ``Client``.
    ``parts``: the folder for Parquet parts (default: the database's path + ".parts").
    ``partition``: documents per partition (default: up to PARTITION_DOCS documents or about PARTITION_WORDS
    words).
    """
    from distributed import as_completed

    from realpolitik.ingest import read_paths
    from realpolitik.store import Store
    from realpolitik.store.writer import WriterStopped
    from realpolitik.terminal import printable

    started = time.monotonic()
    spec = coder if coder is not None else CoderSpec()
    if not isinstance(spec, CoderSpec):
        raise TypeError("the Dask ingest builds its Coders on the workers: pass a CoderSpec, not a Coder")
    store = Store(db)
    folder = (Path(parts) if parts is not None else Path(str(store.path) + ".parts")).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    report = IngestReport()
    paths = list(paths)
    callback = progress if callable(progress) else None
    total = estimate_records(paths) if callback is not None else None
    done = {"docs": 0, "words": 0}
    counts = {"read": 0, "inflight": 0}
    # the one writer of this ingest (store/writer.py): stored ids loaded once, large transactions
    writer = store.writer(on_wait=lambda message: print(printable(message), file=sys.stderr, flush=True))
    handed: set[str] = set()  # doc_ids handed out and not yet given to the writer
    unwritten: list[Path] = []  # parts loaded into the writer, deleted once it has written them

    def tell(final: bool = False) -> None:
        if callback is not None:
            callback(IngestProgress(done=counts["read"] - counts["inflight"], total=total, documents=done["docs"],
                                    words=done["words"], elapsed=time.monotonic() - started, final=final))

    def written() -> None:
        if not writer.pending:
            for part in unwritten:
                part.unlink(missing_ok=True)
            unwritten.clear()

    def loaded(part: str | Path, ours: bool = True) -> None:
        got = load_part(part, writer, report, delete=False)
        unwritten.append(Path(part))
        handed.difference_update(got.doc_ids)  # the writer knows them now
        done["docs"] += got.documents
        done["words"] += got.words
        if ours:
            counts["inflight"] -= got.records
        written()

    # what a killed run left behind: half-written parts go, finished ones are loaded
    for tmp in folder.glob(f"*{PART_SUFFIX}.*.tmp"):
        tmp.unlink(missing_ok=True)
    kwargs: dict[str, Any] = {"date": date, "source": source}
    if columns:
        kwargs["columns"] = columns
    if max_bytes:
        kwargs["max_bytes"] = max_bytes
    ok = False
    try:
        for part in sorted(folder.glob(f"*{PART_SUFFIX}")):
            loaded(part, ours=False)
        records = read_paths(paths, **kwargs)
        batches: Iterable[list[Document]] = new_documents(records, writer, report,
                                                          partition or BATCH_DOCS, counts, handed)
        if not partition:
            batches = by_words(batches, PARTITION_DOCS, PARTITION_WORDS)
        client, cluster = _client(scheduler, workers, processes)
        try:
            limit = 2 * max(1, sum(client.nthreads().values()))
            running = as_completed()
            for docs in batches:
                running.add(client.submit(code_partition, docs, spec, str(folder), prefilter, pure=False))
                while running.count() >= limit:
                    loaded(_part(next(running)))
                    tell()
            for fut in running:
                loaded(_part(fut))
                tell()
        finally:
            if cluster is not None:
                client.close()
                cluster.close()
        ok = True
    finally:
        pending, writes = writer.pending, writer.writes
        try:
            writer.close(on_error=not ok)
        except WriterStopped as exc:  # the file stayed locked: the parts not written stay for the next run
            report.failures.append(IngestFailure(exc.path, exc.reason))
        else:
            if not pending or writer.writes > writes:  # (after an error the writer may have given them up)
                written()
    report.added = writer.added
    if parts is None and not any(folder.iterdir()):
        folder.rmdir()  # the default scratch folder goes when it is empty
    tell(final=True)
    return report
