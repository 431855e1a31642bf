"""The actors table does not depend on the order documents are ingested in: each actor's code is chosen by
the evidence of every document (votes weighted by evidence strength and date)."""
from __future__ import annotations

import dataclasses
import itertools

import pytest
from store_records import build

from realpolitik.records import Actor, ActorRef, CodedSentence
from realpolitik.store import Store


def _mention(actor_id, name, code, country, sector, kind, rule, role=None):
    return ActorRef(name=name, actor_id=actor_id, code=code, country=country, sector=sector, kind=kind, text=name,
                    start=0, end=len(name), rule=rule, role=role)


def _doc(doc_id, date, mentions, actors=()):
    doc, _, _ = build(doc_id, date, [(f"Sentence of {doc_id}.", [])])
    sents = [CodedSentence(f"{doc_id}:1:0", 1, 0, f"Sentence of {doc_id}.", 0, mentions=list(mentions))]
    return doc, sents, list(actors)


CLARKE = ("person:charles-clarke", "Charles Clarke")
HOME_OFFICE = ("inst:home-office", "Home Office")


def _corpus():
    """Two articles place the Home Secretary in Britain by his title; one guesses Spain from its dateline
    (a weak, document-country rule). An institution is placed in Britain twice, in Spain once."""
    return [
        _doc("madrid", "2005-03-01", [
            _mention(*CLARKE, "ESPGOV", "ESP", "GOV", "person", "title+doc-country", "Home Secretary"),
            _mention(*HOME_OFFICE, "ESPGOV", "ESP", "GOV", "institution", "title+doc-country")]),
        _doc("london-1", "2005-03-01", [
            _mention(*CLARKE, "GBRGOV", "GBR", "GOV", "person", "title:Home Secretary", "Home Secretary"),
            _mention(*HOME_OFFICE, "GBRGOV", "GBR", "GOV", "institution", "kb:builtin")],
            actors=[Actor(CLARKE[0], CLARKE[1], "GBRGOV", "GBR", "GOV", "person", aliases=("Clarke",),
                          roles=("Home Secretary",), evidence=("Home Secretary Charles Clarke said ...",))]),
        _doc("london-2", "2005-03-01", [
            _mention(*CLARKE, "GBRGOV", "GBR", "GOV", "person", "learned:surname"),
            _mention(*HOME_OFFICE, "GBRGOV", "GBR", "GOV", "institution", "kb:builtin")]),
    ]


def _actor_rows(path):
    df = Store(path).actors()
    keep = ["actor_id", "name", "code", "country", "sector", "kind", "former", "aliases", "roles", "first_seen",
            "last_seen", "mentions"]
    return sorted(tuple(str(r[k]) for k in keep) for r in df.to_dict(orient="records"))


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_actor_rows_are_the_same_in_every_ingest_order(tmp_path, order):
    corpus = _corpus()
    one = tmp_path / "one.duckdb"
    Store(one).add_many(corpus)  # one batch, in corpus order
    other = tmp_path / "other.duckdb"
    store = Store(other)
    for i in order:  # one document per batch, as two interleaved ingests would write them
        store.add(*corpus[i])
    assert _actor_rows(other) == _actor_rows(one)
    placed = {r["actor_id"]: r for r in Store(other).actors().to_dict(orient="records")}
    assert placed["person:charles-clarke"]["code"] == "GBRGOV"
    assert placed["inst:home-office"]["code"] == "GBRGOV"


def test_a_persons_code_follows_the_latest_current_office_in_any_order(tmp_path):
    rouhani = ("person:hassan-rouhani", "Hassan Rouhani")
    docs = [_doc("2013", "2013-06-15", [_mention(*rouhani, "IRNELI", "IRN", "ELI", "person", "title",
                                                 "former chief nuclear negotiator")]),
            _doc("2014", "2014-01-10", [_mention(*rouhani, "IRNGOV", "IRN", "GOV", "person", "title", "President")]),
            _doc("2016", "2016-03-16", [_mention(*rouhani, "IRNGOV", "IRN", "GOV", "person", "title", "President")])]
    results = set()
    for order in itertools.permutations(docs):
        path = tmp_path / f"r{len(results)}-{id(order)}.duckdb"
        store = Store(path)
        for d in order:
            store.add(*d)
        row = Store(path).actors().iloc[0]
        results.add((row["code"], str(row["first_seen"])[:10], str(row["last_seen"])[:10]))
    assert results == {("IRNGOV", "2013-06-15", "2016-03-16")}


def test_an_old_database_without_votes_is_migrated_and_keeps_its_codes(tmp_path, monkeypatch):
    import realpolitik.store.connection as connection
    import realpolitik.store.schema as schema

    path = tmp_path / "old.duckdb"
    corpus = _corpus()
    with monkeypatch.context() as old:  # write a file as schema 3 did: actors without the votes column
        cols, constraints = schema.TABLES["actors"]
        old.setitem(schema.TABLES, "actors", ([c for c in cols if c[0] != "votes"], constraints))
        old.setattr(connection, "SCHEMA_VERSION", 3)
        Store(path).add_many(corpus[1:2])
    store = Store(path)
    store.add(*corpus[0])  # the weak Spanish guess does not displace the stored British code
    codes = {r["actor_id"]: r["code"] for r in store.actors().to_dict(orient="records")}
    assert codes == {"person:charles-clarke": "GBRGOV", "inst:home-office": "GBRGOV"}


def test_a_placed_former_office_beats_an_unplaced_current_mention_in_any_order(tmp_path):
    """A later article naming the person with no evidence of country (a bare name read as "unknown") does not
    displace the code an earlier article placed by a title, even a former one; and it does not matter which
    document is stored first."""
    straw = ("person:jack-straw", "Jack Straw")
    former = dataclasses.replace(_mention(*straw, "GBRELI", "GBR", "ELI", "person", "title",
                                          "former Foreign Secretary"), former=True)
    docs = [_doc("2008", "2008-05-01", [former]),
            _doc("2009", "2009-02-01", [_mention(*straw, "", None, None, "person", "learned:name")]),
            _doc("2009b", "2009-03-01", [_mention(*straw, "", None, None, "person", "learned:name")])]
    results = set()
    for k, order in enumerate(itertools.permutations(docs)):
        path = tmp_path / f"s{k}.duckdb"
        store = Store(path)
        for d in order:
            store.add(*d)
        row = Store(path).actors().iloc[0]
        results.add((row["code"], bool(row["former"])))
    assert results == {("GBRELI", True)}


def test_a_country_alone_does_not_outvote_a_full_code_for_a_person():
    from realpolitik.store import actor_merge as am

    votes = {am.vote_key("GBR", "GBR", None, False): [3.0, 3, "2005-06-01"],  # untitled, era unknown
             am.vote_key("GBRGOV", "GBR", "GOV", False): [0.5, 1, "2005-01-01"],  # one titled mention
             am.vote_key("", None, None, False): [9.0, 9, "2005-07-01"]}
    assert am.choose(votes, "person") == "GBRGOV|GBR|GOV|0"
    # for a state the country is its full code: weight decides
    assert am.choose({"GBR|GBR||0": [3.0, 3, ""], "GBRGOV|GBR|GOV|0": [0.5, 1, ""]}, "state") == "GBR|GBR||0"
    assert am.choose({"|||0": [5.0, 5, "2006-01-01"], "GBRELI|GBR|ELI|1": [0.25, 1, ""]}, "person") \
        == "GBRELI|GBR|ELI|1"


def test_undated_evidence_is_weighed_not_dropped_when_one_dated_vote_exists():
    from realpolitik.store import actor_merge as am

    # many undated articles call him a UKIP MEP (OPP); one dated story reads an older office (ELI)
    votes = {"GBROPP|GBR|OPP|0": [6.0, 8, ""], "GBRELI|GBR|ELI|0": [1.0, 1, "1987-03-02"]}
    assert am.choose(votes, "person") == "GBROPP|GBR|OPP|0"
    # order independent: the tallies, not their arrival, decide
    assert am.choose(dict(reversed(list(votes.items()))), "person") == "GBROPP|GBR|OPP|0"
    # dated evidence older than the window still yields to the latest office
    votes = {"IRNGOV|IRN|GOV|0": [1.0, 1, "2016-01-01"], "IRNGOV|IRN|GOV|1": [1.0, 1, ""],
             "IRNLEG|IRN|LEG|0": [3.0, 3, "2013-01-01"]}
    assert am.choose(votes, "person") == "IRNGOV|IRN|GOV|0"
