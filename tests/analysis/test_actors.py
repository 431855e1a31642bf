"""One actor seen from the event base, and the keys a dyad takes."""
from __future__ import annotations

import pytest

from realpolitik.analysis.actors import actor_profile, check_country, resolve_key
from realpolitik.errors import RealpolitikError


@pytest.mark.parametrize("key,expected", [
    ("irn", ("IRN", "Iran")),                                   # actor id, any case
    ("Iran", ("IRN", "Iran")),                                  # a stored actor's name
    ("Rouhani", ("person:hassan-rouhani", "Hassan Rouhani")),   # an alias
    ("IRNGOV", ("IRNGOV", "Hassan Rouhani")),                   # a code, kept as a code
    ("chn", ("CHN", "China")),                                  # a country not in the database
])
def test_resolve_key(factional, key, expected):
    assert resolve_key(factional, key) == expected


@pytest.mark.parametrize("key", ["XQZ", "", "Rouhan", "no such actor", "a" * 200])
def test_unknown_keys_are_user_errors(factional, key):
    with pytest.raises(RealpolitikError):
        resolve_key(factional, key)


@pytest.mark.parametrize("code,ok", [("irn", "IRN"), ("USA", "USA"), ("XXX", None), ("IR", None), ("I1N", None)])
def test_check_country(code, ok):
    if ok:
        assert check_country(code) == ok
    else:
        with pytest.raises(RealpolitikError):
            check_country(code)


def test_profile_of_a_faction_member(factional):
    p = actor_profile(factional, "person:hassan-rouhani")
    assert p["actor"]["roles"] == ["President (2016-01-05 – 2016-03-02)"]
    # pragmatists only; of its two evidence sentences the one naming Rouhani
    assert [(f["name"], f["evidence"]) for f in p["factions"]] == [
        ("Iranian pragmatists", ["The pragmatists around President Hassan Rouhani want foreign investment."])]
    partners = {r["actor_id"]: r for r in p["partners"]}
    assert set(partners) == {"person:vladimir-putin", "faction:IRN:pragmatists", "USA"}
    assert (partners["USA"]["to_partner"], partners["USA"]["from_partner"], partners["USA"]["conflict"]) == (0, 1, 1)
    assert (p["events"], p["events_flagged"]) == (3, 1)
    tl = p["timeline"].set_index("period")
    assert list(tl.index) == ["2016-01", "2016-02", "2016-03"]
    assert (tl.loc["2016-03", "as_source"], tl.loc["2016-03", "as_target"]) == (1, 1)


def test_profile_of_a_faction_lists_members(factional):
    p = actor_profile(factional, "faction:IRN:pragmatists")
    assert p["members"] == [{"actor_id": "person:hassan-rouhani", "name": "Hassan Rouhani"}]
    assert p["country_name"] == "Iran"


def test_unknown_actor_has_no_profile(factional):
    assert actor_profile(factional, "person:nobody") is None
