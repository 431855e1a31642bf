"""Sectors from the words (issue 10, "every person placed by what the text says — or honestly unknown"):
agent nouns imported from Phoenix give their CAMEO sector, a title that names no organisation gives none
(not the government by default), and a country's workforce is labour, not its forces.

Every sentence here was written for these tests."""
from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from .mentions import mention as _mention

D2005 = dt.date(2005, 3, 1)
UK = "Britain's economy grew. In London, British ministers met. "  # an article about Britain


def mention(learn, text, words, date=D2005):
    return _mention(learn, text, words, date)


@pytest.mark.parametrize("text,words,code", [
    # agent nouns from Phoenix (agents.yaml, scripts/build_agents.py): words roles.yaml does not list
    ("A columnist, Tom Jarvis, attacked the plan.", "Tom Jarvis", "GBRMED"),
    ("British lawyers challenged the ruling.", "British lawyers", "GBRJUD"),
    ("Brazilian laborers walked out on Monday.", "Brazilian laborers", "BRALAB"),
    ("Turkish kidnappers freed the engineer.", "Turkish kidnappers", "TURCRM"),
    ("A Kenyan surgeon, Paul Otieno, criticised the ministry.", "Paul Otieno", "KENHLH"),
    ("Polish defectors spoke to reporters.", "Polish defectors", "POLOPP"),
    # a state, or a word that is the government's when bare, still gives the government
    ("An Iranian adviser, Ali Rezai, said the talks would go on.", "Ali Rezai", "IRNGOV"),
    ("Officials said the talks would go on.", "Officials", "GBRGOV"),
    ("An adviser, Tom Jarvis, said the plan was sound.", "Tom Jarvis", "GBRGOV"),
])
def test_the_words_give_the_sector(learn, text, words, code):
    ref = mention(learn, UK + text, words)
    assert ref is not None and ref.code == code, ref


def test_the_hand_written_roles_win_over_the_imported_agents(kb):
    # Phoenix files SPOKESPERSON under media; roles.yaml makes a spokesman his organisation's
    assert next(e for e in kb.lookup("spokesman") if e.kind == "role").sector == "inherit"
    assert next(e for e in kb.lookup("lawyer") if e.kind == "role").sector == "JUD"


@pytest.mark.parametrize("text,words", [
    ("Chairman Bob Wilkes said the vote was fair.", "Bob Wilkes"),
    ("Director Ann Hale said the figures were sound.", "Ann Hale"),
])
def test_a_job_title_that_names_no_organisation_gives_no_sector(learn, text, words):
    # whose chairman? companies, parties and clubs have them: the country may come from the article, the
    # sector not (capitalised or not: "chairman X" already was a job)
    ref = mention(learn, UK + text, words)
    assert ref is not None and ref.sector is None and ref.code == "GBR", ref


def test_a_countrys_labour_force_is_labour_not_its_forces(learn):
    ref = mention(learn, "Brazil's labour force is on strike for higher pay.", "labour force")
    assert ref is not None and ref.code == "BRALAB", ref


def test_a_politician_is_of_a_party_not_the_government(learn):
    # Phoenix: POLITICIAN [~PTY]; a party named with him gives the party's status instead
    ref = mention(learn, UK + "A politician, Bill Brownlow, said the plan was sound.", "Bill Brownlow")
    assert ref is not None and ref.sector == "PTY", ref


def test_agents_yaml_is_what_the_script_builds(shared_dir):
    source = shared_dir / "dictionaries" / "Phoenix.agents.txt"
    if not source.is_file():
        pytest.skip("no Phoenix dictionary in ../shared")
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("build_agents", root / "scripts" / "build_agents.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (root / "src" / "realpolitik" / "data" / "actors" / "agents.yaml").read_text(encoding="utf-8")
    assert module.render(module.build(source)) == shipped


# ---------------------------------------------------------------- a name after the group noun that says what it is
@pytest.mark.parametrize("text,words,code,name", [
    ("Britain is angry. Civil rights group Liberty said it was delighted.", "Liberty",
     "GBRHRI", "Liberty"),
    ("Britain is angry. The union Unison said the plan would cost jobs.", "Unison",
     "GBRLAB", "Unison"),
])
def test_an_unknown_name_after_its_group_noun_is_that_group(learn, text, words, code, name):
    from tests.actors.mentions import mention

    ref = mention(learn, text, words, None)
    assert ref is not None and ref.code == code and ref.name == name and ref.actor_id.startswith("org:")


def test_a_named_group_with_no_country_evidence_stays_unplaced(learn):
    from tests.actors.mentions import mention

    ref = mention(learn, "Civil rights group Liberty said it was delighted.", "Liberty", None)
    assert ref is None or not ref.country
