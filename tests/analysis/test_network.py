"""The directed actor network and its exports."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from realpolitik.analysis.network import EDGE_COLUMNS, edge_frame, network, write_network


def test_directed_edges_with_counts_per_quad(worked):
    g = network(worked, level="country")
    # IRN→RUS: Jan consult (+1), Mar assault (-10), the undated consult (+1); RUS→IRN: aid, accusation, Putin's praise
    ab, ba = g.edges["IRN", "RUS"], g.edges["RUS", "IRN"]
    assert (ab["events"], ab["verbal_coop"], ab["material_conflict"]) == (3, 2, 1)
    assert ab["goldstein_mean"] == pytest.approx(-8 / 3, abs=1e-4)
    assert (ba["events"], ba["material_coop"], ba["verbal_conflict"], ba["cooperation"]) == (3, 1, 1, 2)
    assert g.nodes["IRN"]["name"] == "Iran" and g.nodes["IRN"]["events"] == 8


def test_actor_level_keeps_people_apart_with_their_attributes(worked):
    g = network(worked)
    assert g.edges["person:vladimir-putin", "IRN"]["events"] == 1
    assert g.edges["RUS", "IRN"]["events"] == 2  # Putin's praise is not folded into Russia's
    putin = g.nodes["person:vladimir-putin"]
    assert (putin["name"], putin["kind"], putin["country"], putin["sector"]) == ("Vladimir Putin", "person", "RUS", "GOV")


def test_filters(worked):
    assert set(network(worked, country="USA").edges) == {("IRN", "USA"), ("USA", "IRN")}
    assert set(network(worked, since="2015-03", until="2015-03", level="country").edges) == {
        ("IRN", "RUS"), ("RUS", "IRN"), ("IRN", "USA"), ("USA", "IRN")}
    assert set(network(worked, level="country", min_count=3).edges) == {("IRN", "RUS"), ("RUS", "IRN")}


@pytest.mark.parametrize("fmt,reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_read_back(worked, tmp_path, fmt, reader):
    out = tmp_path / f"net.{fmt}"
    write_network(network(worked, level="country"), fmt, out)
    back = reader(out)
    assert back.is_directed()
    assert int(back.edges["IRN", "RUS"]["events"]) == 3
    assert back.nodes["RUS"]["name"] == "Russia"


def test_csv_and_json(worked, tmp_path):
    g = network(worked, level="country")
    write_network(g, "csv", tmp_path / "e.csv")
    header = (tmp_path / "e.csv").read_text().splitlines()[0].split(",")
    assert header == EDGE_COLUMNS
    assert list(edge_frame(g)["events"])[:2] == [3, 3]
    write_network(g, "json", tmp_path / "g.json")
    data = json.loads((tmp_path / "g.json").read_text())
    assert {"IRN", "RUS", "USA"} <= {n["id"] for n in data["nodes"]}
    assert any(e["source"] == "USA" and e["target"] == "IRN" for e in data["edges"])


def test_unknown_format_is_a_user_error(worked):
    from realpolitik.errors import RealpolitikError

    with pytest.raises(RealpolitikError):
        write_network(network(worked), "dot")
