"""Adding coded documents: counts, idempotent re-adds, actor merging, atomic batches."""
from __future__ import annotations

import datetime as dt

import pytest

from store_records import build, ev
from realpolitik.records import Actor
from realpolitik.store import Store


def test_counts_after_adding_the_corpus(store):
    c = store.counts()
    assert (c["documents"], c["sentences"], c["events"]) == (3, 7, 7)
    assert (c["events_factual"], c["events_flagged"]) == (5, 2)


def test_add_returns_false_for_a_stored_document(store, corpus):
    assert store.add(*corpus[0]) is False


@pytest.mark.parametrize("table", ["documents", "segments", "sentences", "actors", "mentions", "events"])
def test_re_adding_changes_no_table(store, corpus, table):
    before = store.counts()[table]
    assert store.add_many(corpus) == 0
    assert store.counts()[table] == before


def test_add_many_counts_only_new_documents(store, corpus):
    fresh = build("d4", "2016-02-01", [("Iran hosted Russian envoys.", [ev("IRN", "RUS", "042", 1, 1.9, "CONSULT")])])
    # d1 is stored already and d4 appears twice in the batch: one new document.
    assert store.add_many([corpus[0], fresh, fresh]) == 1
    assert store.counts()["documents"] == 4
    assert store.has("d4")


def test_has_is_false_without_a_database(tmp_path):
    assert Store(tmp_path / "none.duckdb").has("d1") is False


def test_every_referenced_actor_has_a_row(store):
    actors = set(store.actors()["actor_id"])
    used = set(store.events(include_hypothetical=True)[["source_actor_id", "target_actor_id"]].stack())
    assert used <= actors


def test_actor_rows_merge_across_documents(tmp_path):
    s = Store(tmp_path / "m.duckdb")
    a1 = Actor("person:ali-khamenei", "Ali Khamenei", "IRNGOV", "IRN", "GOV", "person",
               aliases=("Khamenei",), roles=("Supreme Leader",))
    a2 = Actor("person:ali-khamenei", "Ali Khamenei", "IRNGOV", "IRN", "GOV", "person",
               aliases=("Sayyed Khamenei", "Khamenei", "Ayatollah Khamenei"), evidence=("Supreme Leader Ali Khamenei warned ...",))
    s.add(*build("k1", "2015-05-01", [("Khamenei spoke.", [])], actors=[a1]))
    s.add(*build("k2", "2014-03-01", [("Ayatollah Khamenei spoke.", [])], actors=[a2]))
    row = s.actors().set_index("actor_id").loc["person:ali-khamenei"]
    assert row["aliases"] == ["Khamenei", "Sayyed Khamenei"]  # sorted; a title is a role, not a name
    assert row["roles"] == ["Supreme Leader"]
    assert len(row["evidence"]) == 1
    assert (row["first_seen"].date(), row["last_seen"].date()) == (dt.date(2014, 3, 1), dt.date(2015, 5, 1))


def test_actor_merge_keeps_rows_referenced_by_events(store):
    # Putin is referenced by an event of d1; a later document widens his dates through an UPDATE.
    later = build("d9", "2017-03-03", [("Putin met Iran.", [ev("person:vladimir-putin", "IRN", "040", 1, 1.0,
                                                                "CONSULT")])])
    assert store.add(*later)
    row = store.actors().set_index("actor_id").loc["person:vladimir-putin"]
    assert row["last_seen"].date() == dt.date(2017, 3, 3)
    assert row["events"] == 2


def test_a_failed_batch_writes_nothing(store, monkeypatch):
    import realpolitik.store.store as mod

    real = mod._insert

    def crash(con, table, rows):
        if table == "event_mentions":  # the last table of a batch
            raise RuntimeError("disk full")
        real(con, table, rows)

    monkeypatch.setattr(mod, "_insert", crash)
    fresh = build("d5", "2016-03-01", [("Iran and Russia agreed.", [ev("IRN", "RUS", "057", 1, 8.0, "AGREE")])])
    before = store.counts()
    with pytest.raises(RuntimeError):
        store.add(*fresh)
    assert store.counts() == before
    assert not store.has("d5")
    monkeypatch.setattr(mod, "_insert", real)
    assert store.add(*fresh) is True


def test_existing_returns_the_stored_subset(store):
    assert store.existing(["d1", "d3", "d7"]) == {"d1", "d3"}


def test_read_only_store_refuses_writes(store, corpus):
    from realpolitik.errors import StoreError

    with pytest.raises(StoreError, match="read-only"):
        Store(store.path, read_only=True).add(*build("d8", "2016-01-01", [("Iran spoke.", [])]))


@pytest.mark.parametrize("text,alias", [("Putin", "Putin"), ("Putin's", "Putin"), ("Tehran’s", "Tehran"),
                                        ("he", None), ("His", None), ("two presidents", None),
                                        ("the  Kremlin", "the Kremlin")])
def test_alias_from_a_mention(text, alias):
    from realpolitik.store.rows import alias_of

    assert alias_of(text) == alias


def test_has_sees_documents_added_after_its_snapshot(store):
    assert store.has("d1") and not store.has("d6")
    store.add(*build("d6", "2016-04-01", [("Iran spoke.", [])]))
    assert store.has("d6")


def test_an_event_id_shared_by_two_new_documents_is_stored_once(tmp_path):
    import dataclasses

    a = build("a1", "2016-01-01", [("Iran met Russia.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT")])])
    b = build("b1", "2016-01-02", [("Russia met Iran.", [ev("RUS", "IRN", "040", 1, 1.0, "CONSULT")])])
    clash = a[1][0].events[0].event_id
    b[1][0].events[0] = dataclasses.replace(b[1][0].events[0], event_id=clash)
    s = Store(tmp_path / "clash.duckdb")
    assert s.add_many([a, b]) == 2
    assert s.counts()["events"] == 1


def test_an_undated_article_is_seen_at_its_latest_factual_event_not_at_a_since_year(tmp_path):
    import dataclasses

    from realpolitik.records import EventDate

    doc, coded, actors = build("u1", None, [
        ("Iran has had a parliament since 1906.", [ev("IRN", None, "010", 0, 0.0, "OTHER", date="1906-01-01")]),
        ("Iran met Russia on 5 March 2003.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT", date="2003-03-05")]),
        ("Iran may meet Russia in 2010.", [ev("IRN", "RUS", "040", 1, 1.0, "CONSULT", date="2010-01-01",
                                              hypothetical=True)]),
    ])
    first = coded[0].events[0]
    coded[0].events[0] = dataclasses.replace(first, date=EventDate(first.date.date, "year", "since 1906", "since"))
    s = Store(tmp_path / "u.duckdb")
    s.add(doc, coded, actors)
    row = s.actors().set_index("actor_id").loc["IRN"]
    assert (row["first_seen"].date(), row["last_seen"].date()) == (dt.date(2003, 3, 5), dt.date(2003, 3, 5))
