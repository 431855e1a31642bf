"""A gendered honorific agrees with the person's gender: known from the knowledge base (a fact of the record)
or learned from the text (an honorific, a narrator's unambiguous he/she). A name that disagrees is someone
else; a pronoun inside a quotation is not its speaker."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors import load_kb


def _mention(learn, text, words, date=None, kb=None):
    doc, res = learn(text, date=date, kb_override=kb)
    for sent in doc.sents:
        for ref in res.mentions(sent):
            if ref.text == words:
                return ref
    raise AssertionError(f"no mention {words!r}")


def test_the_kb_gender_keeps_mrs_off_a_man_of_that_surname(learn):
    text = ("Conservative leader Michael Howard visited Folkestone on Friday. "
            "Mrs Howard said the campaign had been tiring.")
    mrs = _mention(learn, text, "Mrs Howard", date=dt.date(2005, 3, 1))
    assert mrs.actor_id != "person:michael-howard" and mrs.code != "GBROPP"


def test_a_kb_surname_alone_is_not_given_to_the_other_gender(learn):
    mrs = _mention(learn, "Mrs Blair visited a school in Leeds on Monday.", "Mrs Blair", date=dt.date(2005, 3, 1))
    assert mrs.actor_id != "person:tony-blair" and mrs.code != "GBRGOV"


def test_a_man_of_the_kb_still_takes_mr(learn):
    mr = _mention(learn, "Conservative leader Michael Howard visited Folkestone on Friday. "
                         "Mr Howard said the campaign had been tiring.", "Mr Howard", date=dt.date(2005, 3, 1))
    assert mr.actor_id == "person:michael-howard"


def test_a_user_file_gender_is_a_fact_too(tmp_path, learn):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - {name: Joan Aldersley, gender: f, code: GBRGOV}\n", encoding="utf-8")
    kb = load_kb(user_files=[path])
    mr = _mention(learn, "Joan Aldersley opened the new bridge. Mr Aldersley said it was late.", "Mr Aldersley",
                  kb=kb)
    assert mr.actor_id != "person:joan-aldersley"


def test_a_narrators_unambiguous_pronoun_teaches_the_gender(learn):
    text = ("Jim Barton, the chairman of the club, spoke first. He said the ground would be sold. "
            "Mrs Barton said she was sad.")
    mrs = _mention(learn, text, "Mrs Barton")
    assert mrs.actor_id != "person:jim-barton"


def test_an_ambiguous_pronoun_teaches_nothing(learn):
    # two people before "he": no gender is learned, so Mrs Barton still joins the only Barton
    text = ("Jim Barton met Alan Pryce at the club. He said the ground would be sold. "
            "Mrs Barton said she was sad.")
    assert _mention(learn, text, "Mrs Barton").actor_id == "person:jim-barton"


@pytest.mark.parametrize("text", [
    "Ann Fenwick criticised John Brackley over the loans. \"He should resign,\" she said.",
    "Ann Fenwick criticised John Brackley over the loans. \"She should resign,\" he said.",
])
def test_a_pronoun_inside_a_quote_is_not_its_speaker(learn, text):
    doc, res = learn(text)
    tok = next(t for t in doc if t.lower_ in ("he", "she") and t.i < len(doc) - 4 and t.nbor(-1).text == '"')
    ref = res.resolve(doc[tok.i:tok.i + 1], tok)
    speaker = next(t for t in doc if t.lower_ in ("he", "she") and t.i != tok.i)
    spoke = res.resolve(doc[speaker.i:speaker.i + 1], speaker)
    assert ref is not None and spoke is not None and ref.actor_id != spoke.actor_id
