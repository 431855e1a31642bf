"""The coder on sentences we wrote: structure, modality, dates, provenance."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.api import code_text

ANCHOR = dt.date(2015, 11, 23)  # a Monday


def events_of(text: str, date: dt.date = ANCHOR, factual_only: bool = False):
    coded = code_text(text, date=date, classifier=None)
    return [e for e in coded.events if e.factual or not factual_only]


def dyads(events):
    return {(e.source.country if e.source else None, e.target.country if e.target else None) for e in events}


def test_active_voice_with_titled_people():
    evs = events_of("Russian President Vladimir Putin met Iranian President Hassan Rouhani in Tehran.")
    consult = [e for e in evs if e.cameo_root == "04"]
    assert consult, evs
    assert ("RUS", "IRN") in dyads(consult)
    assert consult[0].source.sector == "GOV"


def test_passive_voice_swaps_source_and_target():
    evs = events_of("Iranian diplomats were expelled by Saudi Arabia.")
    assert ("SAU", "IRN") in dyads(evs)
    assert all(e.source.country != "IRN" for e in evs)


def test_coordinated_subjects_of_symmetric_verb_give_one_event_between_them():
    evs = events_of("Iran and Russia signed a barter agreement.")
    assert dyads(evs) == {("IRN", "RUS")}
    assert {e.plover for e in evs} == {"AGREE"}


def test_nominal_event_with_possessor_and_target():
    # Shoigu is introduced with his title first; the later surname resolves to him (RUS)
    evs = events_of("Russian Defense Minister Sergei Shoigu arrived in Moscow. Shoigu's visit to Tehran came a week later.")
    visit = [e for e in evs if e.cameo.startswith("04") and e.target is not None and e.target.country == "IRN"]
    assert visit and visit[0].source.country == "RUS"


def test_caption_event_takes_its_own_date():
    text = "Russian President Vladimir Putin meets Iranian President Hassan Rouhani in Ufa, Russia, July 9, 2015."
    evs = events_of(text)
    assert evs and evs[0].date.date == dt.date(2015, 7, 9)
    assert evs[0].date.precision == "day"


@pytest.mark.parametrize("text", [
    "Russia could limit its cooperation with Iran.",
    "Washington should impose new sanctions on Tehran.",
    "If Iran violates the deal, the United States will impose sanctions on Iran.",
])
def test_hypothetical_statements_are_flagged_not_facts(text):
    evs = events_of(text)
    assert evs, "the event should still be coded"
    assert all(e.hypothetical for e in evs)
    assert events_of(text, factual_only=True) == []


def test_negated_event_is_flagged():
    evs = events_of("Moscow did not condemn Tehran's missile test.")
    assert evs and all(e.negated for e in evs)


def test_relative_date_resolves_against_article_date():
    evs = events_of("Iran and Russia signed a military agreement last July.")
    assert evs and evs[0].date.date.year == 2015 and evs[0].date.date.month == 7
    assert evs[0].date.precision == "month"


def test_weekday_resolves_to_last_such_day():
    evs = events_of("Iranian Foreign Minister Mohammad Javad Zarif met Russian Foreign Minister Sergei Lavrov "
                    "on Thursday.")
    assert evs and evs[0].date.date == dt.date(2015, 11, 19)


def test_event_is_tied_to_sentence_and_trigger_span():
    text = "Iran condemned Saudi Arabia. Russia praised Iran."
    coded = code_text(text, date=ANCHOR, classifier=None)
    praise = [e for e in coded.events if e.source.country == "RUS"]
    assert praise and praise[0].sentence == "Russia praised Iran."
    assert praise[0].sentence[praise[0].trigger_start:praise[0].trigger_end] == "praised"
    assert praise[0].sentence_id.startswith(coded.document.doc_id)


def test_reported_speech_is_coded_by_its_content():
    evs = events_of("Russian Foreign Minister Sergei Lavrov said on Monday that Moscow would deliver "
                    "S-300 missiles to Iran.")
    # the statement's content is coded (Moscow's intent to deliver), so the bare "said" is not an event too
    assert [e for e in evs if e.cameo_root == "01"] == []
    reported = [e for e in evs if e.cameo_root != "01"]
    assert reported and (reported[0].source.country, reported[0].target.country) == ("RUS", "IRN")
    assert all(e.date.date == dt.date(2015, 11, 23) for e in evs)


def test_a_statement_with_nothing_coded_inside_stays_a_statement():
    evs = events_of("Russian Foreign Minister Sergei Lavrov said the weather in Moscow was cold.")
    assert [(e.cameo, e.source.name) for e in evs] == [("010", "Sergei Lavrov")]


@pytest.mark.parametrize("text,code,dyad", [
    ("Netanyahu said Israel would strike Iran's nuclear sites.", "138", ("ISR", "IRN")),   # X said Y would attack
    ("Russian Foreign Minister Sergei Lavrov said Turkey would pay a heavy price.", "130", ("RUS", "TUR")),
    ("The Saudi foreign minister said Iran must stop interfering in Yemen.", "100", ("SAU", "IRN")),
    ("Khamenei has stated that the Americans must lift all sanctions first.", "105", ("IRN", "USA")),
    ("Putin said the United States had violated the agreement.", "128", ("USA", None)),  # the reported act
])
def test_the_speakers_act_is_what_is_said(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert any(e.cameo.startswith(code) and (e.source.country, e.target.country if e.target else None) == dyad
               for e in evs), [(e.cameo, e.source.country, e.target and e.target.country) for e in evs]


def test_a_must_with_no_speaker_is_a_prescription_not_a_demand():
    evs = events_of("Iran must halt enrichment.")
    assert evs and all(e.hypothetical for e in evs)


def test_media_reporting_a_meeting_are_not_its_source():
    evs = events_of("Iranian media reported that Iranian Foreign Minister Mohammad Javad Zarif met "
                    "Russian Foreign Minister Sergei Lavrov in Moscow on Tuesday.")
    assert evs and all(e.source.sector != "MED" for e in evs)
    assert dyads(e for e in evs if e.cameo_root == "04") == {("IRN", "RUS")}


@pytest.mark.parametrize("text,code,dyad", [
    ("Iran's defence minister went to Moscow last week.", "042", ("IRN", "RUS")),
    ("A Russian delegation made its way to Tehran on Sunday.", "042", ("RUS", "IRN")),
    ("Iran's defence minister went to Moscow last week.", "043", ("RUS", "IRN")),  # Moscow hosts the visit
    ("Moscow cancelled the delivery of the S-300 missiles to Iran.", "1622", ("RUS", "IRN")),
    ("Iran won Russia's backing for its bid.", "051", ("RUS", "IRN")),  # the backer endorses
    ("Iran and Russia failed to reach agreement on the price of gas.", "12", ("IRN", "RUS")),
    ("The nuclear deal between Iran and Russia came into force in January.", "057", ("IRN", "RUS")),
    ("Israel will withdraw its troops unless Hamas stops the rocket fire.", "13", ("ISR", "PSE")),  # ultimatum
    ("Putin signed a decree that will ban imports of Turkish food.", "163", ("RUS", "TUR")),  # the measure
])
def test_event_classes_of_long_analyses(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert any(e.cameo.startswith(code) and (e.source.country, e.target.country if e.target else None) == dyad
               for e in evs), [(e.cameo, e.source.country, e.target and e.target.country) for e in evs]


def test_apposition_names_the_acting_person():
    evs = events_of("Iran's deputy oil minister, Abbas Shahri Moghaddam, signed a barter deal with Russian "
                    "officials last July.")
    signer = [e for e in evs if e.source.kind == "person"]
    assert signer and signer[0].source.name == "Abbas Shahri Moghaddam" and signer[0].source.country == "IRN"
    assert signer[0].target.country == "RUS"


def test_coordinated_verbs_share_their_subject():
    evs = events_of("Iran condemned the attack and recalled its ambassador from Saudi Arabia.")
    recall = [e for e in evs if e.cameo == "161"]
    assert recall and recall[0].source.country == "IRN" and recall[0].target.country == "SAU"
    assert "inherited-subject" in recall[0].rule
    assert any(e.cameo_root == "11" and e.source.country == "IRN" for e in evs)


def test_unplaced_speaker_borrows_no_actor_from_the_reported_clause():
    evs = events_of("Russia could limit its collaboration with Iran, officials said.")
    assert not any(e.cameo_root == "01" and e.source.country == "IRN" for e in evs)
    limit = [e for e in evs if e.cameo.startswith("16")]
    assert limit and limit[0].hypothetical and (limit[0].source.country, limit[0].target.country) == ("RUS", "IRN")


def test_copula_with_event_noun_is_no_event():
    assert events_of("The rivalry between Iran and Saudi Arabia was a cold war.", factual_only=True) == []


def test_decree_relative_clause_takes_the_decrees_issuer():
    evs = events_of("Russian President Vladimir Putin signed a decree that bans flights to Egypt.")
    ban = [e for e in evs if e.cameo == "163"]
    assert ban and ban[0].source.country == "RUS" and ban[0].target.country == "EGY"
    assert not any(e.plover == "AGREE" for e in evs)  # signing a decree is no agreement


def test_coordinated_clauses_with_their_own_subjects_both_survive_with_the_classifier():
    coded = code_text("Iran condemned the attack on its embassy, and Saudi Arabia accused Iran of meddling.",
                      date=ANCHOR)
    roots = {(e.source.country, e.cameo_root) for e in coded.events if e.factual}
    assert ("IRN", "11") in roots and ("SAU", "11") in roots


def test_a_statement_needs_a_speaker_we_can_place():
    # a company's statement is no political event; the same words from a government are a statement
    assert events_of("Meridian Diagnostics Inc said it has developed a rapid test.") == []
    assert [e.cameo for e in events_of("The Kremlin said it has developed a rapid test.")] == ["010"]


def test_a_setting_phrase_does_not_make_the_subject_its_doer():
    evs = events_of("After talks with Russia, Iranian Foreign Minister Mohammad Javad Zarif flew home.")
    assert not any(e.cameo_root == "04" and e.source.country == "IRN" and e.rule.startswith("lex:talk")
                   and "verb-subject" in e.rule for e in evs)


def test_agreeing_that_something_is_so_is_a_statement():
    # no intent to cooperate (03x): a statement coded by its clause as "said" is (here a criticism, 111)
    evs = events_of("Russian Foreign Minister Sergei Lavrov agreed the sanctions were illegal.")
    said = events_of("Russian Foreign Minister Sergei Lavrov said the sanctions were illegal.")
    assert [e.cameo for e in evs] == [e.cameo for e in said] and evs and evs[0].cameo_root in ("01", "11")


# A said-clause that says someone failed, lied or is authoritarian is the speaker's criticism (111) of them.
CRITICISMS = [
    ("Iran's foreign minister said Saudi Arabia had failed the people of Yemen.", "IRN", "SAU"),
    ("The Turkish president said Greece had had every chance to settle the dispute and had failed.", "TUR", "GRC"),
    ("Chile's president said the Bolivian government was deeply authoritarian.", "CHL", "BOL"),
]


@pytest.mark.parametrize("text,src,tgt", CRITICISMS)
def test_criticism_inside_a_said_clause_is_the_speakers(text, src, tgt):
    evs = [e for e in events_of(text, factual_only=True) if e.cameo == "111"]
    assert (src, tgt) in dyads(evs), events_of(text)


def test_a_remark_on_the_weather_stays_a_statement():
    evs = events_of("Chile's president said the winter had been miserable.", factual_only=True)
    assert [e.cameo for e in evs] == ["010"], evs


def test_no_fallback_target_from_a_noun_that_borrows_its_country():
    """'hospitals' takes Chile's country from the president; named by no structure of the verb, it is no
    target of his endorsement (the nearest-mention fallback needs an actor the text names)."""
    evs = events_of("In his speech the Chilean president backed choice in schools and hospitals.", factual_only=True)
    assert evs and all(e.target is None for e in evs), [(e.cameo, e.target) for e in evs]


@pytest.mark.parametrize("text,code,dyad", [
    # a force verb whose object is a plan, decision or budget is verbal criticism (PETRARCH ATTACK * PLANS 111)
    ("The French government attacked the British proposals on fishing.", "111", ("FRA", "GBR")),
    ("France launched a fierce attack on the British budget.", "111", ("FRA", "GBR")),
    # on a thing or a place it stays material force (at the thing's owner: the army's convoy)
    ("Rebels attacked the army convoy near Kandahar.", "190", ("AFG", "AFG")),
])
def test_what_a_force_verb_acts_on_decides_whether_it_is_criticism(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [(code, dyad)]


@pytest.mark.parametrize("text,code,dyad", [
    ("The teachers' union said the Scottish government should think again.", "020", ("GBR", "GBR")),
    ("Britain said France must change course.", "100", ("GBR", "FRA")),
])
def test_saying_another_actor_should_or_must_act_is_an_appeal_or_a_demand(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [(code, dyad)]


@pytest.mark.parametrize("text", [
    "Britain said it must do more.",  # the speaker itself: no target, a statement
    "Britain said new ideas must be found.",  # no actor told what to do
])
def test_a_prescription_with_no_other_actor_stays_a_statement(text):
    assert [e.cameo for e in events_of(text, factual_only=True)] == ["010"]


def test_added_reports_a_clause_and_is_a_statement():
    assert [e.cameo for e in events_of("France added that the talks with Germany had been useful.",
                                       factual_only=True)] == ["010"]
    assert [e.cameo for e in events_of('"We are not leaving," France added.', factual_only=True)] == ["010"]


@pytest.mark.parametrize("text,code", [
    ("Britain said France has to pay.", "020"),
    ("Britain said France had to pay.", "010"),  # a past necessity is told, not prescribed
])
def test_has_to_prescribes_and_had_to_tells(text, code):
    assert [e.cameo for e in events_of(text, factual_only=True)] == [code]


def test_an_argument_about_what_another_side_would_do_is_no_threat():
    evs = events_of("Moscow argued that Riyadh would use the weapons against Iran.")
    assert [(e.cameo, e.source.country) for e in evs if e.factual] == [("010", "RUS")]
    assert all(e.cameo_root != "13" or not e.factual for e in evs)
    # said, the same prediction stays the speaker's threat (issue 9: "X said Y would retaliate")
    said = events_of("Iran said Saudi Arabia would retaliate against Israel.", factual_only=True)
    assert [(e.cameo_root, e.source.country, e.target.country) for e in said] == [("13", "IRN", "ISR")]


@pytest.mark.parametrize("text,code,dyad", [
    ("There was incompetence at the heart of the Home Office, France argued.", "111", ("FRA", "GBR")),
    ("France said the British move would be political suicide.", "111", ("FRA", "GBR")),
    ("France said there was no deceit in the German report.", "010", ("FRA", None)),
])
def test_a_said_clause_that_finds_fault_is_criticism(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [(code, dyad)]


@pytest.mark.parametrize("text,root,dyad", [
    ("Britain said the Iranian president should make a personal apology.", "02", ("GBR", "IRN")),
    ("Britain said Iran should stop interfering in Iraq.", "02", ("GBR", "IRN")),
    ("Britain said Iran must stop interfering in Iraq.", "10", ("GBR", "IRN")),
])
def test_should_is_an_appeal_and_must_a_demand_of_the_actor_told(text, root, dyad):
    evs = [e for e in events_of(text, factual_only=True) if e.source and e.source.country == "GBR"]
    assert [(e.cameo_root, (e.source.country, e.target.country)) for e in evs] == [(root, dyad)]


@pytest.mark.parametrize("text,dyad", [
    ("France said there was now growing evidence that the British plan was unsustainable.", ("FRA", "GBR")),
    ("France said it was clear that Germany had failed.", ("FRA", "DEU")),
])
def test_fault_found_in_a_framed_clause_is_criticism_of_its_subject(text, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [("111", dyad)]


@pytest.mark.parametrize("text,root,dyad", [
    ("Japan said it has no plans to lift the sanctions on Iran.", "12", ("JPN", "IRN")),
    ("Japan has no intention of bowing to American pressure.", "12", ("JPN", "USA")),
    ("Japan has plans to lift the sanctions on Iran.", "03", ("JPN", "IRN")),
])
def test_having_no_plans_to_act_is_a_refusal(text, root, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo_root, (e.source.country, e.target.country)) for e in evs] == [(root, dyad)]


@pytest.mark.parametrize("text,code", [
    ("France said the German rebate did nothing to fix the unfair tax.", "111"),
    ("Britain said the French had learned nothing from the crisis.", "111"),
    ("France said it would do nothing to harm the talks with Germany.", "010"),  # an assurance
])
def test_having_done_nothing_is_a_failing(text, code):
    assert [e.cameo for e in events_of(text, factual_only=True)] == [code]


@pytest.mark.parametrize("text,dyad", [
    ("France rounded on Germany over the deal.", ("FRA", "DEU")),
    ("France poured scorn on the British plans.", ("FRA", "GBR")),
    ("France tore into the British government.", ("FRA", "GBR")),
    ("France railed against the German decision.", ("FRA", "DEU")),
    ("France laid into Germany over the deal.", ("FRA", "DEU")),
    ("France took a swipe at the British government.", ("FRA", "GBR")),
    ("France took aim at the British budget.", ("FRA", "GBR")),
])
def test_verbal_attack_idioms_are_criticism(text, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [("111", dyad)]


@pytest.mark.parametrize("text,code,dyad", [
    ('"Between now and the summit the president will spend more time in Paris than abroad," France promised.',
     "010", ("FRA", None)),
    ("France promised to visit Germany.", "036", ("FRA", "DEU")),
    ("France promised Germany that it would lift the sanctions.", "0354", ("FRA", "DEU")),
])
def test_a_pledge_with_no_act_and_no_one_to_is_a_statement(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [(code, dyad)]


@pytest.mark.parametrize("text,code,dyad", [
    ("France suggested the claim that Germany had drafted the report was a mistake.", "016", ("FRA", None)),
    ("France said the allegations against its minister were absurd.", "016", ("FRA", None)),
    ("France said the German report was wrong.", "111", ("FRA", "DEU")),
])
def test_finding_a_charge_wrong_is_a_denial(text, code, dyad):
    evs = events_of(text, factual_only=True)
    assert [(e.cameo, (e.source.country, e.target.country if e.target else None)) for e in evs] == [(code, dyad)]


def test_an_agentless_prescription_tells_no_one_and_stays_a_statement():
    evs = events_of("France said the failure of the German loan talks shows that new approaches must be encouraged.",
                    factual_only=True)
    assert [(e.cameo, e.source.country, e.target) for e in evs] == [("010", "FRA", None)]


def test_an_opinion_frames_the_prescription_it_holds():
    evs = events_of('"I think that Germany should think again," France said.', factual_only=True)
    assert [(e.cameo, e.source.country, e.target.country) for e in evs] == [("020", "FRA", "DEU")]


@pytest.mark.parametrize("text", [
    "Michael Howard told the BBC that the plan was sound.",                        # a medium (sector MED)
    "Tony Blair told a London news conference that the plan was sound.",   # a gathering, named by a place
    "Michael Howard told reporters that the plan was sound.",                      # journalists
    "Lord Falconer told BBC1's Breakfast With David Frost that reform was needed.",  # a programme's name
])
def test_the_outlet_a_statement_is_made_to_is_no_target(text):
    evs = events_of(text)
    assert [(e.cameo, e.target) for e in evs] == [("010", None)], [(e.cameo, e.target and e.target.name) for e in evs]


def test_a_statement_told_to_an_actor_keeps_its_addressee():
    evs = events_of("Michael Howard told Tony Blair that the plan was sound.")
    assert [(e.cameo, e.target.name if e.target else None) for e in evs] == [("010", "Tony Blair")]


@pytest.mark.parametrize("text", [
    'Michael Howard told BBC Radio Five Live: "I am ready to meet the prime minister."',
    '"We will meet the French president next week," Michael Howard told the BBC.',
])
def test_the_quoted_i_or_we_is_the_speaker_not_the_nearest_mention(text):
    evs = events_of(text)
    acts = [e for e in evs if e.cameo_root != "01"]
    assert acts and all(e.source.name == "Michael Howard" for e in acts), [(e.cameo, e.source.name) for e in evs]


def test_a_reported_promise_to_act_is_a_promise_not_a_plain_statement():
    evs = events_of("Lawyers said that the Nicaraguan rebel leader Adolfo Calero has promised to review the "
                    "bank statements.")
    assert [(e.cameo_root, e.source.country) for e in evs] == [("03", "NIC")]


@pytest.mark.parametrize("text,targets", [
    ("Moscow is arming Tehran's rivals, namely Saudi Arabia.", {"SAU"}),
    ("Russia sold weapons to Tehran's rivals, namely Egypt and the United Arab Emirates.", {"EGY", "ARE"}),
])
def test_the_apposition_not_the_possessor_names_the_target(text, targets):
    evs = [e for e in events_of(text) if e.cameo_root == "07"]
    assert evs and {e.target.country for e in evs} == targets, [(e.cameo, e.target and e.target.country) for e in evs]


def test_two_coordinated_demonyms_on_one_noun_are_two_sources():
    evs = events_of("US and British activists protested against the war in Iraq.")
    assert {e.source.country for e in evs if e.cameo_root == "14"} == {"USA", "GBR"}
    assert all(e.source.sector == "CVL" for e in evs)  # each keeps the head noun's sector


def test_three_coordinated_parties_of_a_symmetric_act_take_no_other_target():
    evs = events_of("Iran, Russia and Turkey signed an agreement on Syria.")
    assert {(e.source.country, e.target.country) for e in evs} == {("IRN", "RUS"), ("IRN", "TUR"), ("RUS", "TUR")}


@pytest.mark.parametrize("text,target", [
    ("Michael Howard said Tony Blair had a real opportunity.", "Tony Blair"),          # the clause's subject
    ("Gordon Brown said the European Union's farm policy had caused problems.", "European Union"),  # possessor
    ("Michael Howard said his party had a real opportunity.", None),                   # the speaker's own side
    ("Jack Straw said the EU constitution had been well drafted.", None),               # a modifier: a thing
    ("Michael Howard said the policy of the European Union had caused problems.", "European Union"),  # "of"
    # the owner in the subject's "of" phrase, the subject hung on the auxiliary by the parser
    ("Mark Oaten said the number of government officials who had resigned was worrying.", "British government"),
])
def test_a_plain_comment_about_a_named_actor_has_it_as_target(text, target):
    evs = [e for e in events_of(text) if e.cameo_root == "01"]
    assert [e.target.name if e.target else None for e in evs] == [target], [(e.cameo, e.target) for e in evs]


@pytest.mark.parametrize("text,dyad", [
    ("Russia carried out airstrikes in Syria.", ("RUS", "SYR")),     # an event noun under a light verb
    ("Israel imposed a blockade in Lebanon.", ("ISR", "LBN")),       # the trigger's object
    ("Russian jets bombed Turkish positions in Syria.", ("RUS", "TUR")),  # the object named first
])
def test_force_used_in_a_place_targets_the_place_when_nothing_else_does(text, dyad):
    evs = [e for e in events_of(text) if int(e.cameo_root) >= 15]
    assert [(e.source.country, e.target.country if e.target else None) for e in evs] == [dyad]


@pytest.mark.parametrize("text,root", [
    ("Iran said it would expel the British ambassador if London did not apologise.", "13"),  # a 13x intent
    ("Iran said it would reject the deal with Britain if sanctions were not lifted.", "13"),  # a rejection
])
def test_a_conditional_act_the_speaker_holds_out_is_his_threat_made_now(text, root):
    evs = events_of(text, factual_only=True)
    assert any(e.cameo_root == root and (e.source.country, e.target.country) == ("IRN", "GBR") for e in evs), [
        (e.cameo, e.source.country, e.target and e.target.country) for e in evs]
    assert all(e.cameo_root != "12" for e in evs)  # the rejection itself stays hypothetical


def test_the_speakers_own_state_is_not_the_one_threatened():
    evs = events_of("Putin said Russia would retaliate.", factual_only=True)
    assert evs and all(e.target is None or e.target.country != "RUS" for e in evs), [
        (e.cameo, e.source.country, e.target and e.target.country) for e in evs]


@pytest.mark.parametrize("text", [
    "Russian Foreign Minister Sergei Lavrov said Moscow was not seeking a veto at the United Nations.",
    "Russian Foreign Minister Sergei Lavrov said the situation in Syria would be monitored carefully.",
])
def test_a_statement_whose_content_is_no_fact_stays_the_speakers_statement(text):
    # what is said is negated or yet to happen and no threat or demand of the speaker's came of it: the
    # statement itself is the event (the content stays flagged, never a fact)
    evs = events_of(text)
    assert [(e.cameo, e.source.name) for e in evs if e.factual] == [("010", "Sergei Lavrov")]
    assert all(not e.factual for e in evs if e.cameo != "010")
