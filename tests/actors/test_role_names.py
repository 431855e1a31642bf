"""The roles recorded for a person name offices they hold (issue 10 item 6: "no common words or dates in
names"; the actors table showed "son of Church of Minister in small Fife town", "good prime minister",
"Media", "Monday school inspection chief"). Each class of junk, on sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from .mentions import mention

D2005 = dt.date(2005, 2, 1)


def roles_of(learn, text, actor_id):
    _, res = learn(text, date=D2005)
    actor = next(a for a in res.actors() if a.actor_id == actor_id)
    return [r.rsplit(" (", 1)[0] for r in actor.roles]


def test_a_relatives_office_is_not_the_persons_role(learn):
    text = "Peter Hallam, the son of a Church of England minister, was born in Leeds."
    assert not any("minister" in r.lower() for r in roles_of(learn, text, "person:peter-hallam"))


def test_an_opinion_in_a_predicate_is_not_a_role(learn):
    text = "In the poll, 40% said Mr Peter Hallam was a good prime minister."
    assert roles_of(learn, text, "person:peter-hallam") == []


@pytest.mark.parametrize("text,role", [
    ("On Monday school inspection chief Peter Hallam criticised the reforms.", "school inspection chief"),
    ("He took over the department from Peter Hallam, now foreign secretary.", "foreign secretary"),
])
def test_words_saying_when_are_not_part_of_the_role(learn, text, role):
    assert role in roles_of(learn, text, "person:peter-hallam")
    assert not any(w in r for r in roles_of(learn, text, "person:peter-hallam") for w in ("Monday", "now"))


def test_a_word_of_an_offices_brief_is_not_a_role(learn):
    # "media" is a role word (MED): here it names the secretary's brief, and he is the government's
    text = ("Britain's economy grew. The Secretary of State for Culture, Media and Sport, Peter Hallam, "
            "defended the bill.")
    roles = roles_of(learn, text, "person:peter-hallam")
    assert roles and all(r.lower() != "media" for r in roles), roles
    ref = mention(learn, text, "Peter Hallam", D2005)
    assert ref is not None and ref.code == "GBRGOV", ref
