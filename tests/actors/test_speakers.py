"""Who speaks: a pronoun never stands for a name in the words it reports, "he ... he" stays one person, a
pronoun after "the spokesman said" is the spokesman, and "the Tory leader" is the party's leader the article
named, not the party (own sentences)."""
from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def pronoun(learn):
    """pronoun(text, k, date=None) -> the ActorRef (or None) of the k-th he/she token of ``text``."""

    def _pronoun(text: str, k: int = 0, date: dt.date | None = None):
        doc, res = learn(text, date=date)
        toks = [t for t in doc if t.lower_ in ("he", "she")]
        return res.resolve(doc[toks[k].i:toks[k].i + 1], toks[k])

    return _pronoun


@pytest.mark.parametrize("report", [
    "Mr Ardley's government was a bossy, interfering government, he added.",
    "\"Mr Ardley's government is a bossy, interfering government,\" he added.",
    "Mr Ardley has failed to tackle these problems, he claimed.",
    "Asked if Mr Ardley could return to the cabinet, he replied that the future was open.",
    "After meeting Mr Ardley, he said the talks had been useful.",
])
def test_a_pronoun_does_not_stand_for_a_name_in_the_clause_it_reports(pronoun, report):
    # the speaker c-commands what he reports: Ardley, named inside it, cannot be "he"
    text = ("Tom Ardley has had the chance to fix the railways and failed, Simon Pelham has said. "
            "Mr Pelham spoke at a rally in Leeds. " + report)
    assert pronoun(text).actor_id == "person:simon-pelham"


@pytest.mark.parametrize("text", [
    "Simon Pelham met Tom Ardley on Monday. Mr Pelham said he would resign.",  # inside the clause, not its reporter
    "Tom Ardley met Simon Pelham on Monday. After Mr Pelham arrived, he said the talks had been useful.",
])
def test_a_name_the_pronoun_does_not_command_still_may_be_the_antecedent(pronoun, text):
    # (a finite clause with its own subject: "After Mr Pelham arrived, he ..." may be Pelham)
    assert pronoun(text).actor_id == "person:simon-pelham"


def test_a_second_pronoun_continues_the_first(pronoun):
    # the first "he" is Norris (the subject before); the second is the same man, not Ardley, whose name sits
    # between them as a possessor in the first one's clause
    text = ("Peter Norris, MP for Wantage, has defected. Prime Minister Tom Ardley declared himself delighted. "
            "Mr Norris, who has clashed with his leaders in the past, served as a minister. "
            "In a letter he wrote that the party had lost its way. "
            "While saying he admired Mr Ardley's leadership, he bitterly criticised the party's stance on Europe.")
    assert pronoun(text, 1).actor_id == "person:peter-norris"
    assert pronoun(text, 2).actor_id == "person:peter-norris"


def test_a_pronoun_after_a_spokesman_is_not_the_man_he_spoke_of(pronoun):
    # "He added" is the spokesman (unplaced here), not Norris, of whom the spokesman spoke
    text = ("Peter Norris, MP for Wantage, has defected. A spokesman for the party said Mr Norris's views were "
            "very different from those of the party. He added that it was not surprising.")
    ref = pronoun(text)
    assert ref is None or ref.actor_id != "person:peter-norris"


def test_a_role_subject_takes_the_gender_its_own_clause_gives(pronoun):
    # "the minister ... his meeting" is a man: "she" skips him for the woman named after him
    text = ("Mr James Humbert says the strategy shows frustration. "
            "The minister will recall his meeting with Sharon Stoker, the Leeds woman who shouted at him. "
            "\"You never listen,\" she told the minister.")
    assert pronoun(text).actor_id == "person:sharon-stoker"


@pytest.mark.parametrize("date", [dt.date(2005, 1, 10), None])
def test_the_tory_leader_is_the_leader_the_article_named(phrase, pronoun, date):
    # Michael Howard led the Conservatives 2003-2005 (people_uk.yaml: Leader of the Opposition, party member)
    text = ("Michael Howard has backed stem cell research. The issue was a feature of the US election, where "
            "George Bush opposed it. But the Tory leader argued there was a moral case for science. "
            "\"We have a duty to offer hope,\" he said.")
    ref = phrase(text, "Tory leader", date=date)
    assert ref.actor_id == "person:michael-howard" and ref.kind == "person"
    assert pronoun(text, date=date).actor_id == "person:michael-howard"  # not Bush, the relative clause's subject


def test_a_titled_party_figure_is_learned_from_the_title(phrase):
    text = ("Tory health spokesman Anna Veltmann opened the debate. Tony Blair answered. "
            "Later the Tory spokesman said the party was ready.")
    assert phrase(text, "Tory spokesman", date=dt.date(2005, 1, 10)).actor_id == "person:anna-veltmann"


def test_the_party_leader_with_no_leader_named_is_the_party(phrase):
    text = "Tony Blair spoke first. Then the Tory leader argued there was a moral case for science."
    ref = phrase(text, "Tory leader", date=dt.date(2005, 1, 10))
    assert ref.actor_id == "party:GBR:conservative"
