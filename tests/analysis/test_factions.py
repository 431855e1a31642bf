"""Factions from the event base: members, own events and members' events over time."""
from __future__ import annotations

import pytest

from realpolitik.analysis.factions import BALANCE_COLUMNS, faction_balance, factions


def test_factions_of_a_country_with_member_names(factional):
    found = {f["actor_id"]: f for f in factions(factional, "irn")}
    assert set(found) == {"faction:IRN:hard-liners", "faction:IRN:pragmatists"}
    assert found["faction:IRN:pragmatists"]["members"] == [{"actor_id": "person:hassan-rouhani",
                                                            "name": "Hassan Rouhani"}]
    assert len(found["faction:IRN:pragmatists"]["evidence"]) == 2
    assert factions(factional, "RUS") == []


def test_balance_counts_own_and_members_events_per_month(factional):
    df = faction_balance(factional, "IRN")
    assert list(df.columns) == BALANCE_COLUMNS
    row = df.set_index(["faction_id", "period"])
    # January: the hard-liners accuse the US (own, source); Rouhani meets Putin (member, source)
    jan_h = row.loc[("faction:IRN:hard-liners", "2016-01")]
    assert (jan_h["own_as_source"], jan_h["events"], jan_h["conflict"]) == (1, 1, 1)
    jan_p = row.loc[("faction:IRN:pragmatists", "2016-01")]
    assert (jan_p["own_as_source"], jan_p["members_as_source"], jan_p["cooperation"]) == (0, 1, 1)
    # March: Rouhani praises the pragmatists (member as source, and the faction itself as target);
    # the US condemns Rouhani (member as target); the modal visit is not factual.
    mar_p = row.loc[("faction:IRN:pragmatists", "2016-03")]
    assert (mar_p["own_as_target"], mar_p["members_as_source"], mar_p["members_as_target"]) == (1, 1, 1)
    assert mar_p["events"] == 3
    assert mar_p["goldstein_mean"] == pytest.approx((3.4 + 3.4 - 4.0) / 3)
    # February is present with zeros for both factions
    assert list(df.loc[df["period"] == "2016-02", "events"]) == [0, 0]


def test_balance_by_year_and_window(factional):
    df = faction_balance(factional, "IRN", freq="year", since="2016-02")
    assert list(df["period"]) == ["2016", "2016"]
    assert list(df["events"]) == [0, 3]


def test_no_factions_gives_an_empty_frame(factional):
    df = faction_balance(factional, "SYR")
    assert df.empty and list(df.columns) == BALANCE_COLUMNS
