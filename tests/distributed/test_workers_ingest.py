"""`ingest(workers=2)`: parsing and coding in worker processes, one writer; the stored tables equal those of one
worker, whatever order the documents arrive and complete in."""
from __future__ import annotations

import pytest
from stored_tables import stored_tables

from realpolitik import api


def _demo_files() -> list[str]:
    return [str(p) for p in sorted(api.demo_corpus().iterdir()) if p.is_file() and p.name != "README.md"]


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory):
    db = tmp_path_factory.mktemp("w1") / "w1.duckdb"
    report = api.ingest(_demo_files(), db=db, coder=api.CoderSpec(classifier=None), workers=1)
    return report, stored_tables(db)


def test_two_workers_store_the_same_tables_as_one_in_any_order(one_worker, tmp_path):
    report1, tables1 = one_worker
    assert report1.added >= 15 and report1.events > 100 and not report1.failures
    seen = []
    db = tmp_path / "w2.duckdb"
    # the files in reverse: other batches, another order of completion and of writes
    report2 = api.ingest(list(reversed(_demo_files())), db=db, coder=api.CoderSpec(classifier=None), workers=2,
                         progress=seen.append)
    assert (report2.added, report2.events, report2.skipped) == (report1.added, report1.events, report1.skipped)
    tables2 = stored_tables(db)
    for table, rows in tables1.items():
        assert tables2[table] == rows, table
    # progress: after each write and a final snapshot with every document and its words
    assert seen[-1].final and seen[-1].documents == report1.added and seen[-1].words > 3000
    assert [p.done for p in seen] == sorted(p.done for p in seen)


def test_workers_skip_what_is_stored_and_repeats_within_the_run(tmp_path):
    import shutil

    from realpolitik.ingest import read_paths

    files = _demo_files()[:6]
    db = tmp_path / "again.duckdb"
    first = api.ingest(files[:3], db=db, coder=api.CoderSpec(classifier=None), workers=2)
    # the first three again (stored) and one text twice in this run, under two names (in flight when its
    # repeat is read): stored once
    copy = tmp_path / "copy-of-the-first.txt"
    shutil.copy(files[0], copy)  # one article (a .txt)
    again = api.ingest(files + [str(copy)], db=db, coder=api.CoderSpec(classifier=None), workers=2)
    distinct = {d.doc_id for d in read_paths(files)}
    assert first.added + again.added == len(distinct) and first.added >= 3
    assert again.skipped == first.added + 1, (first, again)


def _doc(text: str):
    from realpolitik.api import document_from_text

    return document_from_text(text, path=text[:12])


def test_tasks_for_workers_are_cut_by_words_and_keep_the_order():
    from realpolitik.pipeline import by_words

    short = [_doc(f"Iran and Russia met in Moscow on day {i}.") for i in range(10)]  # 9 words each
    long = _doc(" ".join(["Turkey closed its border with Syria."] * 30))  # 180 words
    tasks = list(by_words([short[:4], [long], short[4:]], max_docs=3, max_words=100))
    assert [d for t in tasks for d in t] == [*short[:4], long, *short[4:]]
    assert [len(t) for t in tasks] == [3, 1, 1, 3, 3]  # 3 documents at most; the long one alone
    assert all(sum(len(s.text.split()) for d in t for s in d.segments) <= 100 for t in tasks if len(t) > 1)


def test_the_in_run_id_set_holds_only_documents_in_flight():
    from realpolitik.pipeline import IngestReport, new_documents

    class Writer:  # what the ingest loop's writer answers: stored (or buffered) ids
        def __init__(self):
            self.stored: set[str] = set()

        def existing(self, ids):
            return {i for i in ids if i in self.stored}

    docs = [_doc(f"Iran and Russia met in Moscow on day {i}.") for i in range(40)]
    records = [*docs, docs[3]]  # the fourth document again, after it has been written
    writer, handed, report = Writer(), set(), IngestReport()
    sizes, out = [], []
    for batch in new_documents(records, writer, report, 8, {"read": 0, "inflight": 0}, handed):
        sizes.append(len(handed))
        out.extend(batch)
        writer.stored.update(d.doc_id for d in batch)  # written: the consumer lets go of the ids
        handed.difference_update(d.doc_id for d in batch)
    assert out == docs and report.skipped == 1
    assert max(sizes) <= 8 and not handed
