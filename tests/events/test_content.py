"""Reported speech coded by its content (events/content.py and the coder's speech steps): a said-clause or a
run-on quotation that finds fault, praises or prescribes is the speaker's criticism (111), praise (051) or
appeal/demand (02x/10x) of the actor it is about; a plain comment stays a statement (010)."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text
from realpolitik.events.content import approving, content_clause, failing

ANCHOR = dt.date(2015, 11, 23)


def coded(text: str):
    return [e for e in code_text(text, date=ANCHOR, classifier=None).events if e.factual]


def acts(text: str):
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in coded(text)]


def _tok(nlp, text: str, word: str):
    doc = nlp(text)
    return next(t for t in doc if t.text == word)


# ---------------------------------------------------------------- the content clause


def test_a_quotation_parsed_as_the_object_still_has_its_clause(nlp):
    # the parser may hang '"There is ... evidence that Y is wrong"' on "said" as its object: the reported
    # clause is then the one that object noun opens (the parse is built by hand: parsers differ here)
    from spacy.tokens import Doc

    words = ["Norway", "said", ":", '"', "evidence", "that", "Iceland", "is", "wrong", '"']
    doc = Doc(nlp.vocab, words=words, heads=[1, 1, 1, 1, 1, 7, 7, 4, 7, 1],
              deps=["nsubj", "ROOT", "punct", "punct", "dobj", "mark", "nsubj", "acl", "acomp", "punct"],
              pos=["PROPN", "VERB", "PUNCT", "PUNCT", "NOUN", "SCONJ", "PROPN", "AUX", "ADJ", "PUNCT"],
              lemmas=["Norway", "say", ":", '"', "evidence", "that", "Iceland", "be", "wrong", '"'])
    assert content_clause(doc[1]).i == 7
    # no quotation opened: an object is no clause ("said the words")
    plain = Doc(nlp.vocab, words=["Norway", "said", "evidence", "that", "Iceland", "is", "wrong"],
                heads=[1, 1, 1, 5, 5, 2, 5], deps=["nsubj", "ROOT", "dobj", "mark", "nsubj", "acl", "acomp"],
                pos=["PROPN", "VERB", "NOUN", "SCONJ", "PROPN", "AUX", "ADJ"])
    assert content_clause(plain[1]) is None
    told = _tok(nlp, "The Danish minister told reporters the scheme was finished.", "told")
    assert content_clause(told) is not None and content_clause(told).lemma_ == "finish"


@pytest.mark.parametrize("text,word", [
    ("The Bolivian president has agreed to step down, the speaker of parliament said.", "agreed"),
    ("Chile agreed to hold talks with Peru, the foreign ministry announced on Monday.", "agreed"),
    ("Japan has agreed to a truce with China, says the army chief", "agreed"),
])
def test_a_clause_that_a_later_verb_reports_reports_nothing(nlp, text, word):
    # "agreed" is what "said" reports: the verb it is the complement of is its attribution, not its content
    assert content_clause(_tok(nlp, text, word)) is None


def test_a_verb_hung_on_the_clause_before_it_reports_that_clause(nlp):
    added = _tok(nlp, "The scheme is finished, the Danish minister added.", "added")
    assert content_clause(added) is not None and content_clause(added).lemma_ == "finish"


@pytest.mark.parametrize("text,code,dyad", [
    ("The Bolivian president has agreed to step down, the speaker of parliament said.", "0341", ("BOL", None)),
    ("Canada and Mexico have agreed to start trade negotiations, the two governments announced on Monday.",
     "036", ("CAN", "MEX")),
])
def test_agreeing_to_act_told_by_someone_else_stays_intent(text, code, dyad):
    # the statement sense of "agree" ("agreed (that) X was so") needs a clause of its own; an attribution
    # after it is no such clause
    assert (code, *dyad) in acts(text)


def test_a_quotation_opened_on_the_object_is_coded_by_what_it_finds_wrong():
    assert acts('Norway\'s fisheries minister said: "There is now clear evidence that Iceland\'s quota '
                'policy is unsustainable."') == [("111", "NOR", "ISL")]


# ---------------------------------------------------------------- failing told by a phrase


@pytest.mark.parametrize("text,word,told", [
    ("The government broke its promises on rail fares.", "broke", True),
    ("The ministers have run out of ideas.", "run", True),
    ("The regulator turned a blind eye to the abuses.", "turned", True),
    ("The regulator sold out the pensioners.", "sold", True),
    ("The workers broke the record for steel output.", "broke", False),
    ("The ministers ran out of the building.", "ran", False),
    ("The government did not break its promises.", "break", False),
])
def test_failing_phrases(nlp, text, word, told):
    assert failing(_tok(nlp, text, word)) is told


@pytest.mark.parametrize("text,dyad", [
    ("The Irish prime minister said Britain had broken its promises on the border.", ("IRL", "GBR")),
    ("Spain's foreign minister said Morocco had turned a blind eye to the smugglers.", ("ESP", "MAR")),
])
def test_a_said_clause_that_tells_a_failure_is_criticism_of_who_failed(text, dyad):
    assert acts(text) == [("111", *dyad)]


# ---------------------------------------------------------------- praise


@pytest.mark.parametrize("text,word,subject", [
    ("The chancellor had been right to call the summit.", "been", "chancellor"),
    ("The envoy did a superb job in Geneva.", "did", "envoy"),
    ("The envoy did a good job in Geneva.", "did", "envoy"),
    ("The envoy's plan was good.", "was", None),  # a mild word alone is a plain comment
    ("The mediators deserve credit for the deal.", "deserve", "mediators"),
    ("The envoy did not do a superb job.", "do", None),
    ("It was right to wait.", "was", None),
    ("The envoy did a quick job.", "did", None),
])
def test_approving_clauses(nlp, text, word, subject):
    got = approving(_tok(nlp, text, word))
    assert (got.text if got is not None else None) == subject


@pytest.mark.parametrize("text,dyad", [
    ("The Polish president said the German chancellor had been right to call the summit.", ("POL", "DEU")),
    ("The Dutch prime minister said Belgium deserved credit for the compromise.", ("NLD", "BEL")),
])
def test_a_said_clause_that_praises_a_named_actor_is_praise(text, dyad):
    assert acts(text) == [("051", *dyad)]


def test_praise_of_nobody_named_is_a_plain_statement():
    assert acts("The Austrian chancellor said it was right to wait for the report.") == [("010", "AUT", None)]


# ---------------------------------------------------------------- run-on quotations


QUOTED = ('Jacques Chirac told reporters in Paris on Monday: "We will not give way on farm subsidies."\n\n'
          '"Silvio Berlusconi has broken every promise he made to his partners."\n\n'
          '"Angela Merkel should apologise to the Dutch."\n\n'
          '"Tony Blair did a superb job in Brussels."\n\n'
          '"It was a long night."')


def test_a_run_on_quotation_is_coded_by_what_it_says():
    got = {e.sentence.strip('"'): (e.cameo, e.source.country, e.target.country if e.target else None)
           for e in coded(QUOTED) if e.rule.startswith("quote:continued")}
    assert got["Silvio Berlusconi has broken every promise he made to his partners."] == ("111", "FRA", "ITA")
    assert got["Angela Merkel should apologise to the Dutch."][:3] == ("020", "FRA", "DEU")
    assert got["Tony Blair did a superb job in Brussels."] == ("051", "FRA", "GBR")
    assert got["It was a long night."] == ("010", "FRA", None)  # nothing substantive said: a statement


def test_a_said_act_ruled_out_is_no_threat():
    # "said it would not cut aid": no threat of the speaker's (the act itself stays, negated)
    assert not any(code[:2] == "13" for code, _, _ in acts("Norway said it would not cut aid to Malawi."))
    assert not any(code[:2] == "13" for code, _, _ in acts("Norway said Sweden would not attack the rebels."))
    assert any(code[:2] == "13" for code, _, _ in acts("Norway said it would cut aid to Malawi."))


# ---------------------------------------------------------------- a reported act keeps its own sense


@pytest.mark.parametrize("text,want", [
    # the complement of an EARLIER statement verb is what that verb reports, not a report of it
    ("Officials said Iran and Russia agreed on Monday to expand trade.", ("030", "IRN", "RUS")),
    ("The Chilean foreign ministry announced that Bolivia had agreed to withdraw its troops.", "BOL"),
    # agreeing that one's own side will or should act is an agreement (03x), not a view (010)
    ("Turkey and Greece agreed they would hold talks in May.", ("036", "TUR", "GRC")),
    ("Iran and Russia agreed that their countries should cooperate on energy.", "IRN"),
])
def test_an_act_inside_a_report_is_coded_as_that_act(text, want):
    got = acts(text)
    if isinstance(want, tuple):
        assert want in got
    else:
        assert any(code[:2] == "03" and src == want for code, src, _ in got)
    assert not any(code[:2] == "01" for code, _, _ in got)


@pytest.mark.parametrize("text", [
    "The Peruvian minister agreed that public spending would rise more slowly.",  # a view of how things go
    "Iran agreed that Russia should withdraw its troops.",  # a view of another side's act (Iran's appeal)
])
def test_agreeing_with_a_view_is_no_agreement_to_act(text):
    assert not any(code[:2] == "03" for code, _, _ in acts(text))


@pytest.mark.parametrize("text,word,hung", [
    ('"Peru is wrong," the Chilean spokesman added.', "added", True),
    ("Peru is wrong, the Chilean spokesman added.", "added", True),
    ("Officials said Peru had agreed to the plan.", "agreed", False),
    ("Officials said that Peru had agreed to the plan.", "agreed", False),
])
def test_a_verb_hangs_on_the_clause_before_it_only_after_a_break(nlp, text, word, hung):
    from realpolitik.events.triggers import reported_clause

    assert (reported_clause(_tok(nlp, text, word)) is not None) is hung


# ---------------------------------------------------------------- attitudes, failings, feelings and warnings

# (sentence, an event it must yield: code, source country, target country)
ATTITUDES = [
    # light verbs with an attitude noun, and psych verbs, keep their code and target
    ("The Chilean foreign minister expressed anger at Bolivia's maritime claim.", ("111", "CHL", "BOL")),
    ("Canada's foreign minister voiced concern over Indonesia's treatment of journalists.", ("012", "CAN", "IDN")),
    ("The Portuguese prime minister renewed calls for Spain to release the fishermen.", ("020", "PRT", "ESP")),
    ("The Austrian decision to close the border angered Hungary.", ("110", "HUN", "AUT")),
    ("The Slovenian government was dismayed by Croatia's decision to leave the court.", ("110", "SVN", "HRV")),
    # failing told with "lose": criticism of the one who lost
    ("The Danish minister said the Norwegian government had lost all credibility.", ("111", "DNK", "NOR")),
    # a pejorative name given by a verb of naming
    ("The Bolivian president called the Peruvian president a traitor.", ("111", "BOL", "PER")),
    # a claim found untrue is denied
    ("Tehran said Riyadh's accusations were baseless.", ("016", "IRN", None)),
    # a lack told with "no" is a failing of the one who lacks
    ("The Dutch prime minister said Luxembourg had no right to block the shipments.", ("111", "NLD", "LUX")),
    # "Y is to blame": the speaker blames Y
    ("The Dutch prime minister said Luxembourg was to blame for the crisis.", ("112", "NLD", "LUX")),
    # criticism drawn from someone is theirs, of whoever drew it
    ("The Italian government drew criticism from Austria over its budget.", ("111", "AUT", "ITA")),
    ("Iran's missile test sparked condemnation from France.", ("111", "FRA", "IRN")),
    # a fault named anywhere in the said-clause, owned by a named actor, is criticism of that actor
    ("The Irish minister said Britain's incompetence had cost lives.", ("111", "IRL", "GBR")),
    # "made a mistake" is failing
    ("The Irish minister said the British government had made a mistake.", ("111", "IRL", "GBR")),
    # a warning that finds fault is criticism of whoever is at fault, else of the one warned; of force, a threat
    ("The Danish minister warned that Finland's border policy had backfired.", ("111", "DNK", "FIN")),
    ("The Danish minister warned Finland that its border policy was a mistake.", ("111", "DNK", "FIN")),
    ("The Danish minister warned Finland that any attack would be met with force.", ("130", "DNK", "FIN")),
]


@pytest.mark.parametrize("text,want", ATTITUDES)
def test_attitudes_are_coded_with_their_target(text, want):
    assert want in acts(text)


@pytest.mark.parametrize("text,want", [
    # a reported act that is itself a failing is the speaker's criticism of its doer, not the doer's act
    ("The Greek minister said Albania had undermined the talks.", ("111", "GRC", "ALB")),
    ("The Lithuanian president said Belarus had sabotaged the agreement.", ("111", "LTU", "BLR")),
    # the one a psych verb offends, a pronoun in the said-clause, is the speaker
    ("The Finnish foreign minister said he was dismayed by Estonia's decision.", ("110", "FIN", "EST")),
    # a said-clause that holds only a negated act and a word of failing: criticism, not a bare statement
    ("The Iranian president said Israel had failed to respect the ceasefire.", ("111", "IRN", "ISR")),
])
def test_a_failing_or_an_offence_told_as_speech(text, want):
    assert want in acts(text)
    assert not any(a[0] == "010" for a in acts(text))


@pytest.mark.parametrize("text", [
    # "had no plans to attack" denies an intent: no criticism of the one who has none
    "The Dutch prime minister said Luxembourg had no plans to attack Belgium.",
    # a fault of one's own criticises no one
    "The Irish minister said his own mistakes had cost lives.",
])
def test_no_criticism_without_a_fault_of_another(text):
    assert not any(a[0][:2] == "11" for a in acts(text))


@pytest.mark.parametrize("text,want", [
    # a passive psych verb with no by-agent is told from the one who feels it (no swap)
    ("The Egyptian foreign minister said he was disappointed with Ethiopia's decision.", ("110", "EGY", "ETH")),
    # with a by-agent, or active, the cause is the subject or the agent: swapped
    ("The Sudanese decision to join the talks pleased Egypt.", ("051", "EGY", "SDN")),
    # the state told as an adjective: the subject feels it about the object of its preposition
    ("Egypt is angry with Ethiopia.", ("110", "EGY", "ETH")),
])
def test_feelings_are_told_from_the_one_who_feels_them(text, want):
    assert want in acts(text)
    assert not any(a[1] == want[2] and a[2] == want[1] for a in acts(text))
