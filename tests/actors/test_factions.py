"""Factions: group nouns become faction actors of their country, with members and evidence."""
from __future__ import annotations

import pytest

IRAN_TEXT = (
    "Iran's hard-liners attacked the nuclear deal on Sunday. "
    "The moderate President Hassan Rouhani defended the accord in Tehran. "
    "The hard-line conservatives — the supreme leader, the IRGC — have opposed any talks. "
    "Reformist lawmaker Ali Motahari criticised them."
)


def faction(res, actor_id):
    return next(a for a in res.actors() if a.actor_id == actor_id)


@pytest.mark.parametrize("words,actor_id,code", [
    ("Iran's hard-liners", "faction:IRN:hard-liners", "IRNGOVRAD"),
    ("The hard-line conservatives", "faction:IRN:conservatives", "IRNGOVRAD"),
])
def test_faction_nouns_resolve_to_country_factions(phrase, words, actor_id, code):
    ref = phrase(IRAN_TEXT, words)
    assert (ref.kind, ref.actor_id, ref.code) == ("faction", actor_id, code)


def test_faction_without_country_in_phrase_takes_the_document_country(phrase):
    text = "Tehran rejected the offer. Hardliners in parliament cheered the decision."
    assert phrase(text, "Hardliners").country == "IRN"


def test_faction_sector_follows_the_role_noun(phrase):
    ref = phrase("Reformist lawmakers in Iran walked out.", "Reformist lawmakers in Iran")
    assert (ref.code, ref.actor_id) == ("IRNLEGREF", "faction:IRN:reformists")


def test_faction_adjective_before_a_title_makes_a_member(learn):
    _, res = learn(IRAN_TEXT)
    assert "person:hassan-rouhani" in faction(res, "faction:IRN:moderates").members


def test_dash_list_members(learn):
    _, res = learn(IRAN_TEXT)
    members = faction(res, "faction:IRN:conservatives").members
    assert {"office:IRN:supreme-leader", "inst:IRN:irgc"} <= set(members)


def test_faction_keeps_its_evidence_sentence(learn):
    _, res = learn(IRAN_TEXT)
    ev = faction(res, "faction:IRN:conservatives").evidence
    assert any("the IRGC" in e for e in ev)


@pytest.mark.parametrize("text,member", [
    ("Mohammad Khatami is a reformist. Tehran hosted the talks.", "person:mohammad-khatami"),
    ("Ali Motahari, a reformist, spoke in Tehran on Sunday.", "person:ali-motahari"),
])
def test_copula_and_apposition_membership(learn, text, member):
    _, res = learn(text)
    assert member in faction(res, "faction:IRN:reformists").members


def test_faction_attribute_is_reported(learn):
    _, res = learn(IRAN_TEXT)
    assert faction(res, "faction:IRN:hard-liners").attribute == "RAD"


def test_members_are_listed_among_the_actors(learn):
    _, res = learn(IRAN_TEXT)
    ids = {a.actor_id for a in res.actors()}
    assert set(faction(res, "faction:IRN:conservatives").members) <= ids


def test_faction_takes_its_country_from_members_led_by_clause(learn):
    # Russia is the most mentioned country, but the faction's leaders are Iranian
    text = ("Russia and Iran met in Moscow. Russia spoke first. "
            "The hard-line conservatives, led by Supreme Leader Ali Khamenei and the IRGC, turned to Russia for help.")
    doc, res = learn(text)
    f = next(a for a in res.actors() if a.kind == "faction")
    assert f.country == "IRN" and f.actor_id == "faction:IRN:conservatives"
    assert "person:ali-khamenei" in f.members
    assert any(m.startswith("inst:IRN") for m in f.members)


def test_faction_members_from_around_phrase(learn):
    doc, res = learn("The moderate pragmatists around President Hassan Rouhani want foreign investment.")
    f = next(a for a in res.actors() if a.kind == "faction")
    assert f.country == "IRN" and "person:hassan-rouhani" in f.members


def test_members_named_after_such_as_join_the_faction(learn):
    doc, res = learn("Iranian hard-liners such as Hossein Shariatmadari criticised the deal with Moscow.")
    assert "person:hossein-shariatmadari" in faction(res, "faction:IRN:hard-liners").members


def test_a_faction_adjective_on_a_faction_noun_makes_members_of_both(learn):
    # "hard-line conservatives around X": X is a conservative and a hard-liner
    _, res = learn("The hard-line conservatives around Supreme Leader Ali Khamenei want the money without the thaw.")
    assert "person:ali-khamenei" in faction(res, "faction:IRN:conservatives").members
    assert "person:ali-khamenei" in faction(res, "faction:IRN:hard-liners").members


@pytest.mark.parametrize("text,member", [
    ("Tehran voted on Friday. Ahmad Jannati, one of the hard-liners, called the vote flawed.", "person:ahmad-jannati"),
    ("Tehran voted on Friday. Mahmoud Ahmadinejad is among the hard-liners who oppose the deal.",
     "person:mahmoud-ahmadinejad"),
])
def test_one_of_and_among_the_faction_make_a_member(learn, text, member):
    _, res = learn(text)
    assert member in faction(res, "faction:IRN:hard-liners").members


def test_a_faction_with_no_country_takes_the_country_of_the_articles_other_camps(learn):
    # Russia is mentioned as much as Iran, so there is no domestic country; the article's camps are Iran's
    text = ("Iran's hard-liners look to Russia. Russia and Iran met in Moscow. "
            "Candidates backed by the reformists won every seat.")
    _, res = learn(text)
    assert faction(res, "faction:IRN:reformists").country == "IRN"
