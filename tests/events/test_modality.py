"""Modality and negation of one event trigger, from its auxiliaries, governors and clause."""
from __future__ import annotations

import pytest

from realpolitik.events.modality import Modality, modality


def _mod(nlp, text: str, trigger: str) -> Modality:
    doc = nlp(text)
    return modality(next(t for t in doc if t.text == trigger))


@pytest.mark.parametrize("text,trigger", [
    ("Russia signed the treaty with Iran.", "signed"),
    ("Turkey has shot down a Russian jet.", "shot"),
    ("Iran is enriching uranium at Natanz.", "enriching"),
    ("Russia managed to deliver the missiles.", "deliver"),
    ("Iran began to withdraw its advisers.", "withdraw"),
])
def test_plain_statements_are_factual(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert m.factual and m.kinds == ()


@pytest.mark.parametrize("text,trigger", [
    ("Russia could limit its collaboration with Iran.", "limit"),
    ("Russia may delay the delivery.", "delay"),
    ("Russia might veto the resolution.", "veto"),
    ("Russia can veto the resolution.", "veto"),
    ("Russia could have limited its collaboration.", "limited"),  # past modal: counterfactual
    ("Russia would have signed the treaty.", "signed"),
])
def test_modal(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "modal" in m.kinds and m.hypothetical


@pytest.mark.parametrize("text,trigger", [
    ("Russia did not sign the treaty.", "sign"),
    ("Russia didn't sign the treaty.", "sign"),
    ("Iran has never recognised Israel.", "recognised"),
    ("Iran no longer supports the rebels.", "supports"),
    ("No country has recognised the new government.", "recognised"),
    ("The envoys reached no agreement.", "reached"),
    ("Russia refused to withdraw its troops.", "withdraw"),
    ("Russia failed to pay the debt.", "pay"),
    ("Iran declined to attend the talks.", "attend"),
    ("Turkey refrained from retaliating.", "retaliating"),
    ("The army left without firing a shot.", "firing"),
])
def test_negated(nlp, text, trigger):
    assert _mod(nlp, text, trigger).negated


@pytest.mark.parametrize("text,trigger", [
    ("Russia refused to withdraw its troops.", "refused"),
    ("Iran threatened to close the strait.", "threatened"),
    ("Russia not only condemned the strike but also expelled the envoy.", "condemned"),
])
def test_governing_event_itself_is_factual(nlp, text, trigger):
    assert _mod(nlp, text, trigger).factual


@pytest.mark.parametrize("text,trigger", [
    ("Iran will sign the deal.", "sign"),
    ("Iran shall sign the deal.", "sign"),
    ("Iran is going to sign the deal.", "sign"),
    ("Iran plans to sign the deal.", "sign"),
    ("Iran intends to sign the deal.", "sign"),
    ("Iran is about to sign the deal.", "sign"),
    ("Iran is expected to sign the deal.", "sign"),
    ("Iran aims to sign the deal.", "sign"),
    ("Iran threatened to close the strait.", "close"),
    ("Iran agreed to ship its uranium to Russia.", "ship"),
    ("Iran said it would sign the deal.", "sign"),
    ("Iran's plan to build a reactor alarmed Israel.", "build"),
    # the model lemmatises "hopes / hoped" as "hop" and "slated" as "slat" (modality._lemma reads them as the
    # hope or schedule they are): what they govern has not happened
    ("Britain hopes to sign an agreement with Iran.", "sign"),
    ("Russia hoped to meet the Iranian president.", "meet"),
    ("The Iranian president is slated to visit Moscow next week.", "visit"),
    # "poised" is lemmatised as the verb "poise": the passive "is poised to" is still a readiness, not an act
    ("Iran is poised to sign a trade deal with Russia.", "sign"),
    ("Russian troops were poised to cross the border.", "cross"),
])
def test_future_and_intention(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "future" in m.kinds and m.hypothetical


@pytest.mark.parametrize("text,trigger", [
    ("Washington should engage Tehran.", "engage"),
    ("Iran must promise to stop enrichment.", "promise"),
    ("Russia ought to help the inspectors.", "help"),
    ("Iran has to sign the deal.", "sign"),
    ("The United States urged Russia to withdraw its troops.", "withdraw"),
    ("The council called on Israel to halt construction.", "halt"),
    ("Germany demanded that Russia release the prisoners.", "release"),
])
def test_prescriptive(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "prescriptive" in m.kinds and m.hypothetical


@pytest.mark.parametrize("text,trigger", [
    ("If Iran signs the deal, sanctions will be lifted.", "signs"),  # the condition
    ("If Iran signs the deal, sanctions will be lifted.", "lifted"),  # the consequence
    ("Russia will retaliate unless Turkey apologises.", "apologises"),
    ("Russia will retaliate unless Turkey apologises.", "retaliate"),
])
def test_conditional(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "conditional" in m.kinds and m.hypothetical


@pytest.mark.parametrize("text,trigger", [
    ("Will Iran sign the deal?", "sign"),
    ("Did Russia bomb the hospital?", "bomb"),
    ("Should Washington engage Tehran?", "engage"),
    ("The minister asked whether Iran would sign the deal.", "sign"),
])
def test_question(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "question" in m.kinds and m.hypothetical


def test_wh_question_presupposes_the_event(nlp):
    assert "question" not in _mod(nlp, "Who attacked the convoy?", "attacked").kinds


def test_statement_before_a_question_is_not_a_question(nlp):
    assert "question" not in _mod(nlp, "Russia bombed the town. Will Turkey respond?", "bombed").kinds


@pytest.mark.parametrize("text,trigger", [
    ("Perhaps Iran will sign the deal.", "sign"),
    ("Russia possibly supplied the missiles.", "supplied"),
    ("Russia allegedly supplied the missiles.", "supplied"),
    ("Russia is likely to veto the resolution.", "veto"),
    ("Analysts believe Russia supplied the missiles.", "supplied"),
    ("Russia must have known about the attack.", "known"),  # epistemic must, not obligation
])
def test_speculative(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "speculative" in m.kinds and m.hypothetical


def test_reportedly_is_attributed_but_factual(nlp):
    m = _mod(nlp, "Russia reportedly supplied the missiles.", "supplied")
    assert m.kinds == ("reported",) and not m.hypothetical and m.factual


def test_would_not_accept_is_negated_future_under_a_factual_report(nlp):
    doc = nlp("Iran said it would not accept the offer.")
    said, accept = modality(doc[1]), modality(doc[5])
    assert said.factual
    assert accept.negated and "future" in accept.kinds


def test_signed_but_may_delay(nlp):
    doc = nlp("Russia signed the deal but may delay delivery.")
    signed, delay = modality(doc[1]), modality(doc[6])
    assert signed.factual
    assert delay.kinds == ("modal",) and not delay.negated


@pytest.mark.parametrize("text,trigger,negated,kinds", [
    ("Iran will sign and ratify the treaty.", "ratify", False, ("future",)),
    ("Russia did not sign or ratify the treaty.", "ratify", True, ()),
    ("Russia did not sign the treaty but ratified the protocol.", "ratified", False, ()),
])
def test_coordinated_verbs_share_auxiliaries_only_when_bare(nlp, text, trigger, negated, kinds):
    m = _mod(nlp, text, trigger)
    assert (m.negated, m.kinds) == (negated, kinds)


@pytest.mark.parametrize("text,trigger,kind", [
    ("Iran may hold talks with Saudi Arabia.", "talks", "modal"),
    ("The planned talks were postponed.", "talks", "future"),
    ("The alleged attack drew condemnation.", "attack", "speculative"),
])
def test_event_nouns(nlp, text, trigger, kind):
    assert kind in _mod(nlp, text, trigger).kinds


def test_no_talks_is_negated(nlp):
    assert _mod(nlp, "There were no talks between the two sides.", "talks").negated


def test_modality_record():
    m = Modality(negated=False, kinds=("reported",))
    assert m.factual and not m.hypothetical
    assert Modality(negated=True).hypothetical is False and not Modality(negated=True).factual
    assert Modality(kinds=("future",)).hypothetical


def test_even_if_does_not_make_the_main_clause_conditional(nlp):
    m = _mod(nlp, "Voters understood the policy, even if they did not agree with it.", "understood")
    assert "conditional" not in m.kinds


def test_asked_if_is_a_question_not_a_condition(nlp):
    m = _mod(nlp, "The envoy asked if Russia would deliver the missiles.", "deliver")
    assert "question" in m.kinds and "conditional" not in m.kinds


@pytest.mark.parametrize("text,trigger,expected", [
    ("Iran insisted that it had complied with the deal.", "complied", ()),
    ("Germany insisted that Russia release the prisoners.", "release", ("prescriptive",)),
    ("The report suggests that Russia supplied the missiles.", "supplied", ("speculative",)),
])
def test_that_clauses_of_insist_and_suggest(nlp, text, trigger, expected):
    assert _mod(nlp, text, trigger).kinds == expected


@pytest.mark.parametrize("text,trigger,expected", [
    ("Russia is said to have supplied the missiles.", "supplied", ("reported",)),
    ("Russia is believed to have supplied the missiles.", "supplied", ("speculative",)),
    ("Russia denied that its jets bombed the hospital.", "bombed", ("speculative",)),
    ("Turkey accused Russia of bombing the villages.", "bombing", ("speculative",)),
    ("Russia will send troops to protect the base.", "protect", ("future",)),  # purpose of a future act
    ("Russia opened a bridge to allow aid into the region.", "allow", ()),  # purpose of a done act: as told
    ("Russia may plan to attack the town.", "attack", ("future", "modal")),  # governor's modal carries down
    ("The council called for talks.", "talks", ("prescriptive",)),
    ("Iran had to sign the deal.", "sign", ()),  # past obligation implies it was signed
    ("The sanctions forced Iran to sign the deal.", "sign", ()),
])
def test_governor_classes(nlp, text, trigger, expected):
    assert _mod(nlp, text, trigger).kinds == expected


def test_a_causatives_bare_infinitive_happens_as_its_governor(nlp):
    future = _mod(nlp, "The scheme would let Russia buy Iranian oil.", "buy")
    assert "future" in future.kinds or "modal" in future.kinds
    assert not future.factual
    done = _mod(nlp, "The deal let Russia buy Iranian oil.", "buy")
    assert done.factual


@pytest.mark.parametrize("text,trigger,factual", [
    ("The envoy will say that Iran attacked the convoy.", "attacked", False),  # a speech yet to be given
    ("The envoy could say that Iran attacked the convoy.", "attacked", False),
    ("The envoy said that Iran attacked the convoy.", "attacked", True),
])
def test_what_a_future_speech_says_is_not_yet_said(nlp, text, trigger, factual):
    assert _mod(nlp, text, trigger).factual is factual


@pytest.mark.parametrize("text,factual", [
    # the parser coordinates "protecting" with the infinitive it does not share its markers with: still inside
    # what the speech yet to be given will say
    ('Mr Kennedy will also say that the Liberal Democrats want to "rebuild Britain\'s standing in the world" '
     'by ending poverty, and protecting human rights.', False),
    ('Mr Kennedy also said that the Liberal Democrats had "rebuilt Britain\'s standing in the world" '
     'by ending poverty, and protecting human rights.', True),
])
def test_an_act_deep_in_a_future_speech_is_not_yet_said(nlp, text, factual):
    assert _mod(nlp, text, "protecting").factual is factual


@pytest.mark.parametrize("text,trigger,factual", [
    ("Iran wants to weaken Turkey by attacking its allies.", "attacking", False),  # the means of a wish
    ("Iran will weaken Turkey by attacking its allies.", "attacking", False),
    ("Iran weakened Turkey by attacking its allies.", "attacking", True),  # the means of a done act
])
def test_the_means_shares_its_acts_modality(nlp, text, trigger, factual):
    assert _mod(nlp, text, trigger).factual is factual


@pytest.mark.parametrize("text,trigger,question", [
    ("The envoy questioned how Iran would fund the militia.", "fund", True),  # asked about, not told
    ("The envoy asked why Iran had attacked the convoy.", "attacked", True),
    ("The envoy explained how Iran had attacked the convoy.", "attacked", False),  # told
])
def test_a_wh_clause_of_a_question_verb_is_asked(nlp, text, trigger, question):
    assert ("question" in _mod(nlp, text, trigger).kinds) is question


@pytest.mark.parametrize("text,factual", [
    # a readiness stated is an intent expressed as it is said, though the copula carries "would"
    ("The Omani foreign minister said he would be ready to host a meeting between Iran and Saudi Arabia.", True),
    ("Jordan would be willing to host talks between Israel and Syria if Syria agreed.", True),
    # "could" is a possibility, and a refusal of readiness is no intent
    ("Jordan could be ready to host talks between Israel and Syria.", False),
    ("Jordan would not be willing to host talks between Israel and Syria.", False),
])
def test_a_stated_readiness_is_an_intent_expressed_now(text, factual):
    from realpolitik.api import code_text

    evs = [e for s in code_text(text, classifier=None).sentences for e in s.events if e.cameo.startswith("03")]
    assert evs and any(e.factual for e in evs) is factual


@pytest.mark.parametrize("text,trigger", [
    ("The US envoy is meeting British officials tomorrow.", "meeting"),
    ("Iran and Russia are holding talks on Friday.", "holding"),  # the weekday hangs off the object
    ("The minister visits Paris next week.", "visits"),
    ("The envoy is meeting Iranian officials in the coming days.", "meeting"),
    ("The president meets his Russian counterpart later this month.", "meets"),
])
def test_a_present_tense_with_a_time_ahead_is_an_arrangement_not_a_fact(nlp, text, trigger):
    m = _mod(nlp, text, trigger)
    assert "future" in m.kinds and m.hypothetical


@pytest.mark.parametrize("text,trigger", [
    ("The minister is meeting officials today.", "meeting"),  # now
    ("Blair visits Paris on Friday.", "visits"),  # a headline's present may tell the past
    ("Iran and Russia held talks on Friday.", "held"),
    ("Iran was meeting officials on Friday.", "meeting"),
])
def test_a_present_or_past_act_told_with_no_time_ahead_stays_factual(nlp, text, trigger):
    assert _mod(nlp, text, trigger).factual
