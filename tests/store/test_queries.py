"""Event query filters and output columns."""
from __future__ import annotations

import pytest

from realpolitik.errors import StoreError
from realpolitik.store import EVENT_COLUMN_NAMES


def _pairs(df):
    return sorted(zip(df["source_actor_id"].fillna(""), df["cameo_code"]))


def test_output_columns_are_the_documented_ones(store):
    assert list(store.events().columns) == EVENT_COLUMN_NAMES


def test_default_returns_factual_events_only(store):
    df = store.events()
    assert len(df) == 5
    assert not (df["is_hypothetical"] | df["is_negated"]).any()


def test_include_hypothetical_returns_flagged_events(store):
    df = store.events(include_hypothetical=True)
    assert len(df) == 7
    assert set(df.loc[df["is_hypothetical"], "modality"]) == {"modal"}


@pytest.mark.parametrize("actor", ["person:vladimir-putin", "rusgov", "Vladimir Putin", "putin"])
def test_actor_matches_id_code_or_name(store, actor):
    assert _pairs(store.events(actor=actor)) == [("person:vladimir-putin", "051")]


@pytest.mark.parametrize("actor", ["put", "vladimir putin jr", "(putin"])
def test_actor_name_needs_whole_words(store, actor):
    assert store.events(actor=actor).empty


def test_actor_matches_country_on_either_side(store):
    df = store.events(actor="usa")
    assert sorted(df["cameo_code"]) == ["112", "181"]


@pytest.mark.parametrize("dyad", ["IRN,RUS", "RUS,IRN", ("rus", "irn")])
def test_dyad_matches_both_directions(store, dyad):
    assert sorted(store.events(dyad=dyad)["cameo_code"]) == ["040", "051"]


def test_dyad_by_actor_id(store):
    assert list(store.events(dyad="igo:SCO,RUS")["cameo_code"]) == ["057"]


@pytest.mark.parametrize("root,expected", [("04", ["040"]), ("4", ["040"]), ("18", ["181"]), ("11", ["112"])])
def test_root_filter(store, root, expected):
    assert list(store.events(root=root)["cameo_code"]) == expected


@pytest.mark.parametrize("since,until,expected", [
    ("2015-07-01", "2015-07-31", ["040", "051"]),
    ("2015-07", "2015-07", ["040", "051"]),
    (None, "2015-06", ["181"]),
    ("2016", None, ["112", "057"]),
])
def test_date_bounds_use_the_event_date(store, since, until, expected):
    assert list(store.events(since=since, until=until)["cameo_code"]) == expected


def test_plover_filter_is_case_insensitive(store):
    assert list(store.events(plover="accuse")["cameo_code"]) == ["112"]


def test_results_are_in_date_order_and_limited(store):
    df = store.events(limit=2)
    assert list(df["cameo_code"]) == ["181", "040"]


def test_event_rows_carry_sentence_and_document(store):
    row = store.events(root="18").iloc[0]
    assert row["sentence"] == "The Iranian military seized a US drone in June."
    assert (row["doc_path"], row["doc_date"].date().isoformat()) == ("articles/d2.txt", "2015-08-02")
    assert (row["source_sector"], row["quad_class"], row["goldstein"]) == ("MIL", 4, -9.0)


@pytest.mark.parametrize("kwargs", [dict(since="July 2015"), dict(dyad="IRN"), dict(root="abc"),
                                    dict(columns=["nope"]), dict(limit=-1)])
def test_bad_filters_raise_store_error(store, kwargs):
    with pytest.raises(StoreError):
        store.events(**kwargs)


@pytest.mark.parametrize("kind,expected", [("state", {"IRN", "RUS", "USA"}), ("person", {"person:vladimir-putin"}),
                                           ("igo", {"igo:SCO"})])
def test_actors_by_kind(store, kind, expected):
    assert set(store.actors(kind=kind)["actor_id"]) == expected


def test_actor_event_counts(store):
    counts = store.actors().set_index("actor_id")["events"]
    # IRN: 040, 051, 070 (hyp), 190 (neg), 112 — all stored events count.
    assert counts["IRN"] == 5
    assert counts["igo:SCO"] == 1


@pytest.mark.parametrize("quad,expected", [(1, ["040", "051", "057"]), ("3", ["112"]), (4, ["181"])])
def test_quad_filter(store, quad, expected):
    assert list(store.events(quad=quad)["cameo_code"]) == expected


@pytest.mark.parametrize("text,expected", [
    ("tehran", ["051", "112"]),                 # case-insensitive, either sentence
    ("Tehran violating", ["112"]),              # every word must appear
    ('"trade pact"', ["057"]),                  # a quoted phrase stays whole
    ('"pact trade"', []),
    ("100%", []),                               # LIKE wildcards are literal
    ("US_drone", []),
])
def test_text_search_over_sentences(store, text, expected):
    assert list(store.events(text=text)["cameo_code"]) == expected


def test_offset_pages_and_newest_first(store):
    everything = list(store.events()["cameo_code"])
    assert list(store.events(limit=2, offset=2)["cameo_code"]) == everything[2:4]
    assert list(store.events(newest_first=True)["cameo_code"])[:2] == ["112", "057"]


@pytest.mark.parametrize("filters,expected", [({}, 5), ({"include_hypothetical": True}, 7), ({"text": "tehran"}, 2),
                                              ({"dyad": "IRN,RUS"}, 2), ({"quad": 1, "since": "2016"}, 1)])
def test_count_events_matches_the_rows(store, filters, expected):
    assert store.count_events(**filters) == expected == len(store.events(**filters))


@pytest.mark.parametrize("kwargs", [dict(quad=5), dict(quad="x"), dict(root="21"), dict(root="0")])
def test_bad_codes_raise_store_error(store, kwargs):
    with pytest.raises(StoreError):
        store.events(**kwargs)


def test_actor_id_is_that_actor_only(store):
    # "IRN" as actor matches every Iranian actor (the military too); as actor_id only the state itself.
    assert "181" in list(store.events(actor="IRN")["cameo_code"])
    assert sorted(store.events(actor_id="IRN")["cameo_code"]) == ["040", "051", "112"]


@pytest.mark.parametrize("dyad,expected", [
    ("IGO:sco,rus", ["057"]),                      # an id in any case
    ("person:VLADIMIR-PUTIN,irn", ["051"]),
    ("rusgov,IRN", ["051"]),                       # a code in any case
    ("IRNMIL,USA", ["181"]),
    ("IRN,IRN", []),                               # a country with itself: domestic events only
])
def test_dyad_keys_match_in_any_case(store, dyad, expected):
    assert sorted(store.events(dyad=dyad)["cameo_code"]) == expected

