"""realpolitik/cache.py: costly shipped objects kept as pickles keyed by their sources, safely invalidated."""
from __future__ import annotations

import dataclasses
import pickle

from realpolitik import cache


def _fields(entry) -> dict:
    return {f.name: repr(getattr(entry, f.name)) for f in dataclasses.fields(entry)}


def _counting_build(calls: list[int], value):
    def build():
        calls.append(1)
        return value
    return build


def test_built_once_then_loaded_and_rebuilt_when_a_source_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "data"
    src.mkdir()
    (src / "a.yaml").write_text("x: 1\n")
    calls: list[int] = []
    first = cache.cached("thing", _counting_build(calls, {"x": 1}), [src])
    second = cache.cached("thing", _counting_build(calls, {"x": 999}), [src])
    assert first == second == {"x": 1} and len(calls) == 1  # the second came from the file
    (src / "a.yaml").write_text("x: 2\n")  # same size, other content: a new key
    third = cache.cached("thing", _counting_build(calls, {"x": 2}), [src])
    assert third == {"x": 2} and len(calls) == 2
    (src / "b.yaml").write_text("")  # a new file in a source folder: a new key too
    assert cache.cached("thing", _counting_build(calls, "b"), [src]) == "b" and len(calls) == 3


def test_corrupt_or_truncated_file_is_rebuilt_and_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("REALPOLITIK_CACHE", str(tmp_path / "cache"))
    src = tmp_path / "f.txt"
    src.write_text("v")
    calls: list[int] = []
    cache.cached("thing", _counting_build(calls, [1, 2, 3]), [src])
    path = cache.path_for("thing", [src])
    path.write_bytes(path.read_bytes()[:5])
    assert cache.cached("thing", _counting_build(calls, [1, 2, 3]), [src]) == [1, 2, 3] and len(calls) == 2
    assert pickle.loads(path.read_bytes()) == [1, 2, 3]


def test_unwritable_cache_folder_still_builds(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("REALPOLITIK_CACHE", str(blocker / "sub"))
    calls: list[int] = []
    assert cache.cached("thing", _counting_build(calls, 7), [blocker]) == 7
    assert cache.cached("thing", _counting_build(calls, 7), [blocker]) == 7 and len(calls) == 2


def test_shipped_lexicon_and_kb_from_the_cache_equal_fresh_builds(tmp_path, monkeypatch):
    from realpolitik.actors.load import build_builtin, builtin_kb
    from realpolitik.events import triggers

    monkeypatch.setenv("REALPOLITIK_CACHE", str(tmp_path))
    triggers.load_lexicon.cache_clear()
    builtin_kb.cache_clear()
    try:
        fresh = triggers.Lexicon.load()
        triggers.load_lexicon()  # builds and stores
        triggers.load_lexicon.cache_clear()
        loaded = triggers.load_lexicon()  # from the file
        assert sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pickle")) == ["lexicon"]
        assert loaded.entries == fresh.entries
        kb = build_builtin()
        builtin_kb()
        builtin_kb.cache_clear()
        again = builtin_kb()
        assert again.by_id.keys() == kb.by_id.keys()
        assert {k: [e.actor_id for e in v] for k, v in again.index.items()} == \
            {k: [e.actor_id for e in v] for k, v in kb.index.items()}
        # entries compare by identity: compare their fields
        for actor_id in ("RUS", "IRNGOV", "person:vladimir-putin"):
            if actor_id in kb.by_id:
                assert _fields(again.by_id[actor_id]) == _fields(kb.by_id[actor_id])
    finally:
        triggers.load_lexicon.cache_clear()
        builtin_kb.cache_clear()


def test_shipped_gazetteer_overlay_from_the_cache_answers_as_a_fresh_build(tmp_path, monkeypatch):
    from realpolitik.geo import gazetteer as gz

    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path)  # the GeoNames index file stays where it is
    gz.load_gazetteer.cache_clear()
    try:
        fresh = gz.Gazetteer()
        gz.load_gazetteer()  # builds the overlay and stores it
        gz.load_gazetteer.cache_clear()
        loaded = gz.load_gazetteer()  # from the file
        assert [p.name.split("-")[1] for p in tmp_path.glob("gazetteer-overlay-*.pickle")] == ["overlay"]
        assert loaded.countries == fresh.countries and loaded.admin1 == fresh.admin1
        assert dict(loaded._kb_places) == dict(fresh._kb_places)
        for name in ("the Kremlin", "White House", "Gaza", "Donbas", "Crimea", "Moscow", "Isfahan", "Ufa",
                     "Golan Heights", "Downing Street", "Paris", "Georgia", "Springfield", "no such place"):
            assert loaded.lookup(name) == fresh.lookup(name), name
        for iso3 in sorted(fresh.countries):
            assert loaded.capital(iso3) == fresh.capital(iso3), iso3
        assert loaded.capital("RUS").name == "Moscow"
    finally:
        gz.load_gazetteer.cache_clear()
