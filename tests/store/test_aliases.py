"""The actors table's aliases are names of that actor, not the words around its mentions (issue 10):
no days, titles, amounts or other organisations in a person's or a state's aliases."""
from __future__ import annotations

import json

import pytest

from realpolitik import api
from realpolitik.store.rows import name_alias

BLAIR = ("Tony Blair", "person", "person:tony-blair")


@pytest.mark.parametrize("text,alias", [
    ("Blair", "Blair"), ("Mr Blair", "Mr Blair"), ("Mr. Blair's", "Mr. Blair"),
    ("Wednesday Mr Blair", None),            # a day the tagger joined to the name
    ("Prime Minister Tony Blair", None),     # a title: kept as a role, not a name
    ("BBC Tony Blair", None),                # another actor's name in front
    ("Blair government", None), ("Mr", None), ("he", None)])
def test_a_persons_aliases_are_forms_of_their_name(text, alias):
    assert name_alias(text, *BLAIR) == alias


def test_a_learned_fuller_name_is_an_alias_but_not_one_with_an_acronym_in_front():
    assert name_alias("Mohammad Javad Zarif", "Javad Zarif", "person", "p:z", fuller=True) == "Mohammad Javad Zarif"
    assert name_alias("BBC Javad Zarif", "Javad Zarif", "person", "p:z", fuller=True) is None
    assert name_alias("Mohammad Javad Zarif", "Javad Zarif", "person", "p:z") is None  # a mention's words


def test_hyphenated_names_and_particles():
    assert name_alias("Kilroy -Silk", "Robert Kilroy-Silk", "person", "person:robert-kilroy-silk") == "Kilroy-Silk"
    assert name_alias("House of Commons", "Parliament", "institution", "inst:GBR:parliament") == "House of Commons"
    assert name_alias("next week's Commons", "Parliament", "institution", "inst:GBR:parliament") is None
    assert name_alias("Tory leader", "Conservative Party", "institution", "party:GBR:conservative") is None


def test_a_role_phrase_read_through_an_organisation_is_not_its_name():
    # "the Labour Assembly Government" resolves to the governing party through the role word "Government"
    assert name_alias("Labour Assembly Government", "Labour Party", "institution", "party:GBR:labour",
                      "role+institution") is None
    assert name_alias("Labour Party", "Labour", "institution", "party:GBR:labour", "institution") == "Labour Party"


def test_states_keep_their_names_and_generic_actors_keep_none():
    assert name_alias("Britain", "United Kingdom", "state", "GBR", "country") == "Britain"
    assert name_alias("London", "United Kingdom", "state", "GBR", "capital-metonym") is None
    assert name_alias("25.25 mln U.S.", "United States", "state", "USA", "country") is None
    assert name_alias("ACLI Metals (London", "United Kingdom", "state", "GBR", "country") is None
    assert name_alias("Downing Street", "British government", "group", "GBRGOV", "capital-metonym") is None


ARTICLE = """Blair defends school plans

Prime Minister Tony Blair on Wednesday defended his plans for schools in England.
On Wednesday Mr Blair told MPs in the House of Commons that the reforms would go ahead.
Conservative leader Michael Howard said the plans would fail. Mr Howard said Britain needed better teachers.
A Downing Street spokesman said ministers would publish the plans in 2005.
"""


def test_an_ingested_article_gives_clean_aliases(tmp_path):
    src = tmp_path / "2004-11-17-schools.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "a.duckdb"
    api.ingest([str(src)], db=db, classifier=None, progress=False)
    rows = {r["actor_id"]: r for r in api.actors(db).to_dict(orient="records")}

    def aliases(actor_id):
        v = rows[actor_id]["aliases"]
        return set(json.loads(v) if isinstance(v, str) else v)

    assert aliases("person:tony-blair") <= {"Blair", "Mr Blair"}
    assert "Mr Blair" in aliases("person:tony-blair")
    assert aliases("person:michael-howard") <= {"Howard", "Mr Howard"}
    assert not any(a.lower().startswith(("wednesday", "on ", "prime", "conservative")) for actor in rows
                   for a in aliases(actor))
    gov = [a for actor, r in rows.items() if r["code"] == "GBRGOV" and ":" not in actor for a in aliases(actor)]
    assert gov == []
