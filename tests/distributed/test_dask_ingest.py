"""`--dask`: partitions coded on a Dask LocalCluster (2 workers), Parquet parts loaded by the driver; the stored
tables equal those of a plain ingest, and a run after a kill loads finished parts, skips what they already
stored and discards half-written ones."""
from __future__ import annotations

import pytest

pytest.importorskip("distributed", reason="dask.distributed is not installed")

from stored_tables import stored_tables  # noqa: E402

from realpolitik import api  # noqa: E402

SPEC = api.CoderSpec(classifier=None)


def _files() -> list[str]:
    keep = ("2013-06-15", "2014-11-11", "2015-04-13", "2016-03-16", "wire.jsonl")
    return [str(p) for p in sorted(api.demo_corpus().iterdir()) if p.name.startswith(keep)]


@pytest.fixture(scope="module")
def plain(tmp_path_factory):
    db = tmp_path_factory.mktemp("plain") / "plain.duckdb"
    report = api.ingest(_files(), db=db, coder=SPEC, workers=1)
    return report, stored_tables(db)


@pytest.fixture(scope="module")
def cluster():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as c, \
            Client(c) as client:
        yield client


def test_dask_ingest_stores_what_a_plain_ingest_does(plain, cluster, tmp_path):
    from realpolitik.distributed import ingest

    report0, tables0 = plain
    assert report0.added >= 6 and report0.events > 50
    db = tmp_path / "dask.duckdb"
    seen = []
    report = ingest(_files(), scheduler=cluster, db=db, coder=SPEC, partition=2, progress=seen.append)
    assert (report.added, report.events, report.skipped) == (report0.added, report0.events, report0.skipped)
    assert stored_tables(db) == tables0
    assert not (tmp_path / "dask.duckdb.parts").exists()  # every part loaded, then deleted (and the folder)
    assert seen[-1].final and seen[-1].documents == report0.added
    again = ingest(_files(), scheduler=cluster, db=db, coder=SPEC, partition=2)
    assert (again.added, again.skipped) == (0, report0.added)


def test_dask_resume_loads_finished_parts_once_and_discards_half_written_ones(plain, cluster, tmp_path):
    from realpolitik.distributed import code_partition, ingest, load_part
    from realpolitik.ingest import read_paths
    from realpolitik.store import Store

    _, tables0 = plain
    db, parts = tmp_path / "resumed.duckdb", tmp_path / "parts"
    parts.mkdir()
    docs = [d for d in read_paths(_files()) if isinstance(d, api.Document)]
    # what a run killed at its worst moments leaves: a part loaded but not yet deleted (the kill came between
    # the commit and the unlink), a part written but not loaded, and a part half written
    loaded = code_partition(docs[:2], SPEC, str(parts))
    load_part(loaded, Store(db), api.IngestReport())
    code_partition(docs[:2], SPEC, str(parts))  # the same part again: its documents are stored
    code_partition(docs[2:4], SPEC, str(parts))
    half = parts / "0123abcd.parquet.deadbeef.tmp"
    half.write_bytes(b"PAR1 truncated")
    report = ingest(_files(), scheduler=cluster, db=db, parts=parts, coder=SPEC, partition=2)
    assert stored_tables(db) == tables0
    assert not half.exists() and not list(parts.iterdir())
    assert report.added == len({d.doc_id for d in docs}) - 2 and report.skipped == 2 + 4  # the part again, then the four read again


def test_dask_parts_stay_until_the_writer_has_stored_them(plain, cluster, tmp_path, monkeypatch):
    """A part handed to the ingest's writer is deleted only once the writer has written it to the file: a kill
    while its documents wait in memory leaves the part for the next run to load."""
    from realpolitik.distributed import ingest

    _, tables0 = plain
    monkeypatch.setenv("REALPOLITIK_WRITE_WINDOW", "3600")  # nothing written before the end (512 docs to wait)
    db, parts = tmp_path / "late.duckdb", tmp_path / "parts"
    seen = []

    def watch(p):
        if not p.final:
            seen.append((p.documents, len(list(parts.glob("*.parquet")))))

    report = ingest(_files(), scheduler=cluster, db=db, parts=parts, coder=SPEC, partition=2, progress=watch)
    assert len(seen) >= 3
    # after each load every part loaded so far is still on disk (the writer holds its documents)
    assert all(n_parts >= 1 for _, n_parts in seen) and seen[-1][1] == len(seen)
    assert not list(parts.iterdir()) and report.added == plain[0].added
    assert stored_tables(db) == tables0


def test_warm_coders_builds_each_workers_coder_once(cluster):
    from realpolitik import distributed

    distributed.warm_coders(cluster, SPEC)
    built = cluster.run(lambda: id(distributed._CODERS[SPEC][0]))
    assert len(built) == 2
    distributed.warm_coders(cluster, SPEC)  # again: the cached Coder, not a new one
    assert cluster.run(lambda: id(distributed._CODERS[SPEC][0])) == built
