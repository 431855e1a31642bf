"""The knowledge-base model: frozen once built, extended only by deriving a new base."""
from __future__ import annotations

import ast
import datetime as dt
import pickle
from pathlib import Path

import pytest

import realpolitik.actors.kb as kb_module
from realpolitik.actors import extend_kb, load_kb
from realpolitik.actors.kb import Entry, FrozenKnowledgeBaseError, KnowledgeBase, norm


def _small() -> KnowledgeBase:
    kb = KnowledgeBase()
    state = Entry(actor_id="FRD", name="Freedonia", kind="state", country="FRD", code="FRD", demonym="Freedonian")
    kb.add_country(state)
    kb.add(state, ["Freedonia", "FRD"])
    return kb.freeze()


def test_the_shipped_kb_is_frozen(kb):
    assert kb.frozen
    with pytest.raises(FrozenKnowledgeBaseError):
        kb.add(Entry(actor_id="x", name="X", kind="group"), ["Xanadu Front"])
    with pytest.raises(TypeError):
        kb.index["xanadu front"] = ()  # type: ignore[index]
    with pytest.raises(FrozenKnowledgeBaseError):
        kb.max_tokens = 99


def test_entries_are_immutable(kb):
    e = kb.lookup(norm("Iran"))[0]
    with pytest.raises(AttributeError):
        e.code = "RUS"  # type: ignore[misc]
    assert "Iran" in e.aliases and isinstance(e.aliases, tuple)


def test_freeze_writes_the_collected_aliases_into_entries():
    kb = _small()
    state = kb.countries["FRD"]
    assert state.aliases == ("Freedonia", "FRD")
    assert kb.lookup("freedonia")[0] is state and kb.lookup_exact("FRD")[0] is state
    assert kb.demonym("FRD") == "Freedonian"


def test_derive_extends_a_copy_and_leaves_the_base_alone():
    base = _small()
    kb = base.derive()
    kb.add(kb.countries["FRD"], ["Fredonia"])
    kb.add(Entry(actor_id="grp:red-brigade", name="Red Brigade", kind="group", country="FRD", code="FRDREB"),
           ["Red Brigade"])
    kb.freeze()
    assert kb.countries["FRD"].aliases == ("Freedonia", "FRD", "Fredonia")
    assert kb.lookup("freedonia")[0] is kb.countries["FRD"]  # every table points at the new entry
    assert kb.lookup("red brigade") and not base.lookup("red brigade")
    assert base.countries["FRD"].aliases == ("Freedonia", "FRD") and not base.lookup("fredonia")


def test_derive_needs_a_frozen_base():
    with pytest.raises(ValueError):
        KnowledgeBase().derive()


def test_a_user_file_builds_a_new_kb(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - {name: Zorblax Front, kind: group, code: IRNREB}\n", encoding="utf-8")
    shipped = load_kb()
    extended = extend_kb(shipped, user_files=[path])
    assert extended is not shipped and extended.frozen
    assert extended.lookup("zorblax front")[0].code == "IRNREB"
    assert not shipped.lookup("zorblax front")
    assert load_kb(user_files=[path]).lookup("zorblax front")


def test_a_frozen_kb_pickles_frozen():
    kb = pickle.loads(pickle.dumps(_small()))
    assert kb.frozen and kb.lookup("freedonia")[0].name == "Freedonia"
    with pytest.raises(FrozenKnowledgeBaseError):
        kb.add(kb.countries["FRD"], ["Fredonia"])


def test_the_model_imports_no_loader():
    """kb.py is the model only: the loaders import it, never the other way round (no import circle)."""
    tree = ast.parse(Path(kb_module.__file__).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    imported += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m.startswith("realpolitik")]



def test_code_within_sees_a_gap_between_two_offices_inside_the_window():
    # a minister twice, with two years on the backbenches (no period on record: the entry's own code, LEG)
    # between, later a shadow minister: a window from the first office into the second holds the gap too,
    # so no single code holds over all of it, and only the country is asserted
    from realpolitik.actors.kb import Period

    e = Entry(actor_id="person:x", name="X", kind="person", country="GBR", code="GBRLEG",
              periods=(Period("GBRGOV", dt.date(1998, 7, 27), dt.date(1998, 12, 23)),
                       Period("GBRGOV", dt.date(1999, 10, 11), dt.date(2001, 1, 24)),
                       Period("GBROPP", dt.date(2005, 5, 10), dt.date(2007, 6, 1))))
    assert e.code_at(dt.date(1999, 5, 1)) == "GBRLEG"
    assert e.code_within(dt.date(1998, 9, 1), dt.date(2000, 6, 1)) == "GBR"
    assert e.code_within(dt.date(1999, 11, 1), dt.date(2000, 6, 1)) == "GBRGOV"  # inside one office
