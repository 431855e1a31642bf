"""An office's brief is no actor ("Media" of the Culture, Media and Sport Secretary is not the media), and the
capitalised name of a public body is the body itself, not an unknown organisation owning the office."""
from __future__ import annotations

import pytest


def _mentions(learn, text):
    doc, res = learn(text)
    return [ref for sent in doc.sents for ref in res.mentions(sent)]


@pytest.mark.parametrize("text", [
    "Culture, Media and Sport Secretary Tessa Jowell said the BBC charter would be renewed.",
    "The Commons Culture, Media and Sport Committee criticised the plan.",
    "The Secretary of State for Culture, Media and Sport met British sport leaders in London.",
])
def test_a_portfolio_word_is_no_sector_actor(learn, text):
    assert not [ref for ref in _mentions(learn, text) if ref.text == "Media"]


def test_a_list_of_services_before_a_plural_noun_stays_actors(learn):
    refs = _mentions(learn, "Police and Army officers in Colombia arrested the men.")
    assert {ref.sector for ref in refs} >= {"COP", "MIL"}


@pytest.mark.parametrize("first", ["Sam Younger, chairman of the Electoral Commission,",
                                   "Electoral Commission chairman Sam Younger"])
def test_the_chair_of_a_named_public_commission_is_the_states(learn, first):
    text = (f"{first} said turnout in Britain had fallen. "
            "Mr Younger said postal votes in Britain were safe.")
    younger = [ref for ref in _mentions(learn, text) if ref.actor_id == "person:sam-younger"]
    assert younger and all(ref.code == "GBRGOV" for ref in younger)


def test_a_company_chairman_still_gets_no_sector(learn):
    text = "Nova chairman Bob Blair said the Canadian firm would cut jobs in Canada."
    blair = [ref for ref in _mentions(learn, text) if ref.kind == "person"]
    assert blair and blair[0].sector is None
