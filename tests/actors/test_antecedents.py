"""Short references to people across sentences (issue 10, item 5): a role noun refers to the last person
holding that role only when nothing in the phrase says whose it is.

Every sentence here was written for these tests."""
from __future__ import annotations

import datetime as dt

from .mentions import mention as _mention

D2005 = dt.date(2005, 3, 1)
CAST = ("Prime Minister Tony Blair spoke in London. Sir Menzies Campbell, the Liberal Democrat foreign affairs "
        "spokesman, said the legal advice was flawed. ")


def mention(learn, text, words, date=D2005):
    return _mention(learn, text, words, date)


def test_a_role_with_a_possessor_is_the_possessors_not_the_last_holder(learn):
    # the spokesman last named is a Lib Dem; the prime minister's spokesman is the government's
    ref = mention(learn, CAST + "The prime minister's official spokesman rejected the claims.", "official spokesman")
    assert ref is not None and ref.code == "GBRGOV" and ref.actor_id != "person:menzies-campbell", ref


def test_a_possessor_that_fits_the_last_holder_keeps_him(learn):
    # "the party's spokesman" after the Lib Dem spokesman: the party is his, so he is still the referent
    ref = mention(learn, CAST + "The party's spokesman said more would follow.", "spokesman said")
    ref = ref or mention(learn, CAST + "The party's spokesman said more would follow.", "party's spokesman")
    assert ref is not None and ref.actor_id == "person:menzies-campbell", ref


def test_a_speaker_the_parser_left_without_his_verb_is_the_pronouns_antecedent(learn):
    # the parser hangs "Lord Benfield" on the list of names; he is the speaker of "said", and "He" is him,
    # not Mr Hartley, the subject of the sentence before
    text = ("Mr Hartley's seat is at the top of the list. Others targeted include Peter Lowe, Anne Marsh and "
            "Tom Quill, the party's campaign chief Lord Benfield said. He said it was nothing personal.")
    doc, res = learn(text, date=D2005)
    sent = list(doc.sents)[-1]
    he = next(r for r in res.mentions(sent) if r.text == "He")
    assert he.actor_id == "person:benfield", he
