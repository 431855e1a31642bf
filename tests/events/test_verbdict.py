"""Verb-pattern dictionaries in the TABARI/PETRARCH format: the reader, the lexicon it feeds, --verbs."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from realpolitik.errors import InputError
from realpolitik.events.triggers import Lexicon, lexicon
from realpolitik.events.verbdict import lexicon_blocks, read_verb_dictionary

# A small dictionary written for these tests (verbs neither our lexicon nor PETRARCH's knows).
DICT = """# test dictionary
####### SYNONYM SETS #######
&ARMAMENT
+MORTAR
+ROCKET
+FIELD_GUN
+GUN

####### VERB PATTERNS #######
---  SERENADE   [051]  ---
SERENADE {SERENADES SERENADED SERENADING}
+CROON_TO
- * (WITH SONGS)   [0 51]
- REBELS * [---]
- * {PEACE ENVOY}  [042]

---  TREK   [---]  ---
TREK {TREKS TREKKED TREKKING}
- * (TO)   [042:043]   # a visit, and its host
- * &ARMAMENT   [:194]
- * PLAN
"""


@pytest.fixture()
def dict_path(tmp_path):
    p = tmp_path / "verbs.txt"
    p.write_text(DICT, encoding="utf-8")
    return p


def test_reader_parses_sets_blocks_verbs_and_patterns(dict_path):
    vd = read_verb_dictionary(dict_path)
    assert vd.synsets["ARMAMENT"] == ("MORTAR", "ROCKET", "FIELD_GUN", "GUN")
    serenade, trek = vd.blocks
    assert (serenade.name, serenade.code) == ("serenade", "051")
    assert serenade.verbs == [("serenade", (), "051"), ("croon", ("to",), "051")]
    assert [(p.code, p.reverse) for p in trek.patterns] == [("042", "043"), (None, "194")]


def test_malformed_lines_are_skipped_and_reported_with_their_numbers(dict_path):
    vd = read_verb_dictionary(dict_path)
    assert vd.skipped == ["line 13: '0 51' is not a CAMEO code", "line 21: pattern without a [code]"]


@pytest.mark.parametrize("content,reason", [(b"", "empty"), (b"\x00\x01binary", "binary"),
                                             (b"just some words\n", "no verb blocks")])
def test_files_that_are_no_dictionary_are_refused(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    with pytest.raises(InputError, match=reason):
        read_verb_dictionary(p)


def test_patterns_become_dependency_conditions(dict_path):
    serenade, trek = lexicon_blocks(read_verb_dictionary(dict_path))
    blocked, envoy = serenade["patterns"]
    assert blocked["subj"] == ["rebel", "rebels"] and blocked["cameo"] is None  # words before * = subject
    assert envoy["dobj"] == ["envoy"] and envoy["dobj_mod"] == ["peace"]  # {A B}: object B modified by A
    visit, armament = trek["patterns"]
    assert visit == {"prep": ["to"], "cameo": "042", "reverse": "043", "src": "verbs.txt:19"}
    # a multi-word set member counts by its head only when the head alone is a member (GUN is)
    assert set(armament["dobj"]) == {"mortar", "rocket", "gun"}
    assert armament["swap"] is True  # "[:194]": only the target acts on the source
    assert serenade["verbs"][1][:2] == ["croon", {"prt": ["to"]}]  # +CROON_TO: a phrasal verb


def test_user_dictionary_extends_the_lexicon(nlp, dict_path):
    lex = Lexicon.load([dict_path])
    doc = nlp("Protesters serenaded the ambassador.")
    (m,) = lex.match_sentence(doc[:])
    assert m.cameo == "051" and m.rule.startswith("pv:serenade") and "verbs.txt:10" in m.rule
    assert lex.match_sentence(nlp("Rebels serenaded the ambassador.")[:]) == []  # the [---] pattern blocks it
    assert not Lexicon.load().match_sentence(doc[:])  # not in the shipped lexicon


def test_paired_code_gives_the_reverse_act(nlp, dict_path):
    from realpolitik.api import code_text
    from realpolitik.events.coder import Coder

    coder = Coder(classifier=None, lexicon=Lexicon.load([dict_path]))
    coded = code_text("Iranian Foreign Minister Mohammad Javad Zarif trekked to Russia on Monday.",
                      date="2015-11-23", coder=coder)
    got = {(e.cameo, e.source.country, e.target.country) for e in coded.events}
    assert {("042", "IRN", "RUS"), ("043", "RUS", "IRN")} <= got


def test_shipped_lexicon_holds_petrarch_verbs_with_their_source():
    entries = lexicon()
    berate = entries[("berate", "VERB")]
    bare = next(e for e in berate if e.specificity == 0)
    assert bare.cameo == "111" and "CAMEO.2.0.verbs.txt" in bare.source
    # a generic verb keeps its patterns but not its block's default ("see" is filed under OBSERVE -> 010)
    assert all(e.cameo is None or e.specificity > 0 for e in entries[("see", "VERB")])


def test_dictionary_pattern_needs_one_more_condition_than_our_entry(nlp):
    # our lexicon: "lift" + "sanction" object; PETRARCH's patterns with one object condition do not override it
    (m,) = Lexicon.load().match_sentence(nlp("Washington lifted the sanctions.")[:])
    assert m.rule.startswith("lex:lift")


def test_code_command_takes_a_verbs_dictionary(dict_path):
    run = subprocess.run([sys.executable, "-m", "realpolitik", "code", "Iranian students serenaded the US ambassador.",
                          "--rules-only", "--verbs", str(dict_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    events = [e for s in json.loads(run.stdout)["sentences"] for e in s["events"]]
    assert any(e["cameo"] == "051" for e in events)


def test_a_proposed_measure_is_a_threat_only_against_someone(nlp):
    # PETRARCH's SUGGEST block (appeals, default 020) codes "PROPOSE * MEASURES" 130: the threat needs someone
    # it is aimed at, as the reader marks every conflict pattern of an appeal block (needs_arg)
    lex = Lexicon.load()
    assert not any(m.cameo[:2] == "13" for m in lex.match_sentence(
        nlp("The commission proposed measures to protect European shoe makers.")[:]))
    (m,) = [m for m in lex.match_sentence(nlp("Britain proposed measures against Syria.")[:])]
    assert m.cameo == "130", m


def test_conflict_patterns_of_appeal_blocks_need_a_participant(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text("####### VERB PATTERNS #######\n---  COUNSEL   [020]  ---\nCOUNSEL\n- * EMBARGO  [1312]\n"
                    "- * TALKS  [036]\n---  GLOWER   [110]  ---\nGLOWER\n- * BAN  [172]\n", encoding="utf-8")
    blocks = {b["name"]: b["patterns"] for b in lexicon_blocks(read_verb_dictionary(path))}
    assert [p.get("needs_arg", False) for p in blocks["counsel"]] == [True, False]
    assert [p.get("needs_arg", False) for p in blocks["glower"]] == [False]



COMPOUND_DICT = """####### SYNONYM SETS #######
&HORN
+BRASS
+BUGLE

####### VERB PATTERNS #######
---  SERENADE   [051]  ---
SERENADE {SERENADES SERENADED SERENADING}
- * {STATE &HORN BAND}  [042]
"""


def test_every_member_of_a_compound_object_must_modify_it(nlp, tmp_path):
    # "{STATE &HORN BAND}" is a state brass band: a band with only one of the modifiers is not it
    p = tmp_path / "verbs.txt"
    p.write_text(COMPOUND_DICT, encoding="utf-8")
    (block,) = lexicon_blocks(read_verb_dictionary(p))
    assert block["patterns"][0]["dobj_mod"] == [["state"], ["brass", "bugle"]]
    lex = Lexicon.load([p])
    assert [m.cameo for m in lex.match_sentence(nlp("The envoy serenaded the state brass band.")[:])] == ["042"]
    assert [m.cameo for m in lex.match_sentence(nlp("The envoy serenaded the brass band.")[:])] == ["051"]
