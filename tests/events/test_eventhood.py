"""Which actors are economic, read from the phrase a mention sits in (realpolitik.events.eventhood).

The coder's use of it (commerce, media, a passive's own subject) is tested step by step in test_steps.py.
"""
from __future__ import annotations

import pytest

from realpolitik.events import eventhood as E
from realpolitik.records import ActorRef


def ref(sent, word: str, sector=None, code=None, country="USA") -> ActorRef:
    start = sent.text.index(word)
    return ActorRef(name=word, actor_id=word, code=code or country, country=country, sector=sector, kind="state",
                    text=word, start=start, end=start + len(word), rule="test")


@pytest.mark.parametrize("text, word", [
    ("American Vision Centers Inc said its president had resigned.", "American"),  # a designator
    ("The New York-based subsidiary will market the software.", "New York"),  # a business noun
    ("British economist John Smith said rates would fall.", "British"),  # a market commentator
    ("Dutch chemicals maker Akzo said profits rose.", "Dutch"),
])
def test_a_state_read_from_a_company_or_analyst_phrase_is_economic(nlp, text, word):
    sent = next(nlp(text).sents)
    assert E.economic(sent, ref(sent, word))


@pytest.mark.parametrize("text, word", [
    ("American officials said the talks would resume.", "American"),
    ("The American central bank said rates would fall.", "American"),  # a public body
    ("The Finnish Board of Navigation said the ports were closed.", "Finnish"),
    ("French President Jacques Chirac said he would visit Algiers.", "French"),
])
def test_officials_and_public_bodies_are_not_economic(nlp, text, word):
    sent = next(nlp(text).sents)
    assert not E.economic(sent, ref(sent, word))


def test_the_resolvers_sector_decides_when_it_gives_one(nlp):
    sent = next(nlp("The company's spokesman said the plant would close.").sents)
    assert E.economic(sent, ref(sent, "spokesman", sector="BUS"))
    assert not E.economic(sent, ref(sent, "spokesman", sector="GOV"))  # a placed government is trusted


def test_phrase_head_climbs_out_of_a_name(nlp):
    sent = next(nlp("American Vision Centers Inc said its president had resigned.").sents)
    head = E.phrase_head(sent, ref(sent, "American"))
    assert head is not None and head.text == "Inc"


@pytest.mark.parametrize("text, verb, expected", [
    ("The minister said 2006 offers a chance.", "offers", True),  # a date does nothing
    ("The minister said the tariffs cut into exports.", "cut", True),  # nor does a measure
    ("The minister said John Smith offers a chance.", "offers", False),  # a person's name, even unplaced
    ("The minister said the French offer a chance.", "offer", False),  # a nationality
])
def test_no_agent_reads_the_subjects_entity_kind(nlp, text, verb, expected):
    sent = next(nlp(text).sents)
    tok = next(t for t in sent if t.text == verb)
    speaker = ref(sent, "minister", sector="GOV")
    assert E.no_agent(sent, tok, [speaker], []) is expected


@pytest.mark.parametrize("text, verb, word, expected", [
    # a market quantity as the subject: whoever's figure it is, what it does is no act
    ("This week's Ontario government auction of treasury bills yielded an average 6.2 pct, the ministry said.",
     "yielded", "Ontario government", True),
    # the subject's own head is a placed actor: an act ("the fund" the resolver placed is the IMF, not money)
    ("Greece asked the IMF for help and the fund lent Greece 30 billion euros.", "lent", "fund", False),
    # an actor as subject, a figure only as object: the act stands (commerce is judged elsewhere)
    ("The Ontario government cut interest rates on Monday.", "cut", "Ontario government", False),
])
def test_a_figure_as_subject_is_no_doer(nlp, text, verb, word, expected):
    sent = next(nlp(text).sents)
    tok = next(t for t in sent if t.text == verb)
    assert E.figure_subject(sent, tok, [ref(sent, word, sector="GOV", country="CAN")]) is expected


def test_a_figures_doing_codes_no_event(nlp):
    from realpolitik.api import code_text

    coded = code_text("This week's Ontario government auction of 90 mln dlrs of treasury bills yielded an average "
                      "6.2 pct, up from 6.1 pct last week.", classifier=None)
    assert [e for s in coded.sentences for e in s.events] == []


@pytest.mark.parametrize("text", [
    "The Tokyo Commodity Exchange for Industry said it will allow five more members to become brokers.",
    "The New York Stock Exchange said it would allow four more firms to trade options.",
])
def test_an_exchanges_membership_news_is_no_event(text):
    # a named exchange is a market operator, not its city's government: its rules for members are business
    from realpolitik.api import code_text

    assert [e for e in code_text(text, classifier=None).events if e.factual] == []


def test_a_named_exchange_is_economic_and_a_ministry_is_not(nlp):
    sent = next(nlp("The Tokyo Stock Exchange said the ministry would act.").sents)
    assert E.economic(sent, ref(sent, "Tokyo", country="JPN"))
    assert not E.economic(sent, ref(sent, "ministry", country="JPN"))
