"""Top dyads, active actors and the actor network over factual events."""
from __future__ import annotations

import pytest

from realpolitik.analysis import Edge, active_actors, actor_network, top_dyads


def test_top_dyads_are_undirected_and_ranked(worked):
    df = top_dyads(worked)
    # IRN–RUS: 3 in Jan + 2 in Mar + 1 undated = 6; IRN–USA: 2. The modal event is not counted.
    assert list(zip(df["actor_a"], df["actor_b"], df["events"])) == [("IRN", "RUS", 6), ("IRN", "USA", 2)]
    assert list(df["name_b"]) == ["Russia", "United States"]


def test_top_dyads_cooperation_and_conflict(worked):
    row = top_dyads(worked, n=1).iloc[0]
    assert (row["cooperation"], row["conflict"]) == (4, 2)
    assert row["goldstein_mean"] == pytest.approx((1 + 7 - 2 - 10 + 3.4 + 1) / 6)


def test_directed_dyads_keep_direction(worked):
    df = top_dyads(worked, directed=True)
    got = {(a, b): n for a, b, n in zip(df["actor_a"], df["actor_b"], df["events"])}
    assert got == {("IRN", "RUS"): 3, ("RUS", "IRN"): 3, ("IRN", "USA"): 1, ("USA", "IRN"): 1}


def test_actor_level_separates_people_from_states(worked):
    df = top_dyads(worked, level="actor", n=None)
    pairs = set(zip(df["actor_a"], df["actor_b"]))
    assert ("IRN", "person:vladimir-putin") in pairs


@pytest.mark.parametrize("n,expected", [(1, ["IRN"]), (3, ["IRN", "RUS", "USA"])])
def test_active_actors_ranked(worked, n, expected):
    assert list(active_actors(worked, n=n)["actor_id"]) == expected


def test_active_actor_sides(worked):
    iran = active_actors(worked).set_index("actor_id").loc["IRN"]
    # as source: 040, 190, 122, undated 040; as target: 070, 112, 051, 120
    assert (iran["events"], iran["as_source"], iran["as_target"]) == (8, 4, 4)


def test_actor_network_edges(worked):
    edges = actor_network(worked)
    assert edges[0] == Edge("IRN", "RUS", 6, pytest.approx(0.4 / 6))
    assert [(e.a, e.b, e.count) for e in edges[1:]] == [("IRN", "USA", 2)]


def test_actor_network_min_count(worked):
    assert [(e.a, e.b) for e in actor_network(worked, min_count=3)] == [("IRN", "RUS")]
