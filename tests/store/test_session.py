"""Store.session(): one read connection for many reads, released on exit."""
from __future__ import annotations

import threading

from realpolitik.store import Store


def test_reads_in_a_session_share_one_connection_and_release_it(store, monkeypatch, corpus):
    import realpolitik.store.store as mod

    opened = []
    real = mod.connect
    monkeypatch.setattr(mod, "connect", lambda *a, **k: opened.append(k.get("read_only")) or real(*a, **k))
    reader = Store(store.path, read_only=True)
    with reader.session():
        with reader.session():  # re-entrant
            assert reader.counts()["events"] == 7
        assert len(reader.events()) == 5 and reader.count_events(dyad="IRN,RUS") == 2
    assert opened == [True]
    # released: a writer can add a document now
    doc, sentences, actors = corpus[0]
    assert not store.add(doc, sentences, actors)  # already stored, but the file opened for writing


def test_sessions_are_per_thread(store):
    reader = Store(store.path, read_only=True)
    seen = []
    with reader.session():
        t = threading.Thread(target=lambda: seen.append(reader.counts()["events"]))
        t.start()
        t.join()
        seen.append(reader.counts()["events"])
    assert seen == [7, 7]
