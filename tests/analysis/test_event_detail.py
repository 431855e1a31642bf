"""The event page's data: the sentence marked inside its document, trigger and actor spans, the event's other
mentions and the sentence's other events."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.analysis.event_detail import coded_by, event_detail
from realpolitik.records import ActorRef, CodedSentence, Document, Event, EventDate, Segment
from realpolitik.store import Store

TITLE = "Putin and Rouhani meet in Bishkek"
BODY = ("Russian President Vladimir Putin met Iranian President Hassan Rouhani in Bishkek on Friday. "
        "Iran condemned the sanctions.")
FIRST, SECOND = BODY.split(". ", 1)
FIRST += "."


def _ref(name, aid, country, sentence, text):
    start = sentence.index(text)
    return ActorRef(name=name, actor_id=aid, code=f"{country}GOV", country=country, sector="GOV", kind="person",
                    text=text, start=start, end=start + len(text), rule="title:President")


def _event(eid, sid, sentence, trigger, src, tgt, cameo, quad, rule):
    t = sentence.index(trigger)
    return Event(event_id=eid, doc_id="doc1", sentence_id=sid, sentence=sentence,
                 date=EventDate(dt.date(2013, 9, 13), "day"), source=src, target=tgt, cameo=cameo,
                 cameo_root=cameo[:2], quad_class=quad, goldstein=1.0, plover="CONSULT", trigger=trigger,
                 trigger_start=t, trigger_end=t + len(trigger), rule=rule)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    putin = _ref("Vladimir Putin", "person:vladimir-putin", "RUS", FIRST, "Russian President Vladimir Putin")
    rouhani = _ref("Hassan Rouhani", "person:hassan-rouhani", "IRN", FIRST, "Iranian President Hassan Rouhani")
    iran = ActorRef("Iran", "IRN", "IRN", "IRN", None, "state", "Iran", 0, 4, "country")
    s1, s2 = "doc1:1:0", "doc1:1:1"
    doc = Document("doc1", "a.txt", (Segment(0, "title", TITLE), Segment(1, "body", BODY)), title=TITLE,
                   date=dt.date(2013, 9, 14), source="Test Wire")
    sentences = [
        CodedSentence(s1, 1, 0, FIRST, 0, mentions=[putin, rouhani], events=[
            _event("e1", s1, FIRST, "met", putin, rouhani, "040", 1, "lex:meet;active"),
            _event("e2", s1, FIRST, "met", rouhani, putin, "040", 1, "lex:meet;active")]),
        CodedSentence(s2, 1, 1, SECOND, len(FIRST) + 1, mentions=[iran], events=[
            _event("e3", s2, SECOND, "condemned", iran, None, "122", 3, "model:classifier(p=0.91)")]),
    ]
    st = Store(tmp_path_factory.mktemp("detail") / "d.duckdb", lock_timeout=5)
    st.add(doc, sentences, [])
    return st


def _marked(parts, mark):
    return "".join(p["text"] for p in parts if mark in p["marks"])


def test_sentence_trigger_and_actors_are_marked_in_the_document(store):
    d = event_detail(store, "e1")
    body = next(s for s in d["document"] if s["kind"] == "body")
    assert "".join(p["text"] for p in body["pieces"]) == BODY  # nothing lost or doubled
    [mine] = [p for p in body["pieces"] if p["sentence"]]
    assert mine["text"] == FIRST == "".join(p["text"] for p in mine["parts"])
    assert _marked(mine["parts"], "trigger") == "met"
    assert _marked(mine["parts"], "source") == "Russian President Vladimir Putin"
    assert _marked(mine["parts"], "target") == "Iranian President Hassan Rouhani"
    assert body["has_event"] and not d["document"][0]["has_event"]


def test_the_other_direction_swaps_the_marks(store):
    body = event_detail(store, "e2")["document"][1]
    [mine] = [p for p in body["pieces"] if p["sentence"]]
    assert _marked(mine["parts"], "source") == "Iranian President Hassan Rouhani"


def test_other_sentences_with_events_link_to_them(store):
    body = event_detail(store, "e1")["document"][1]
    linked = [p for p in body["pieces"] if p["event_id"]]
    assert [(p["text"], p["event_id"]) for p in linked] == [("Iran condemned the sanctions.", "e3")]


def test_fields_siblings_and_how_it_was_coded(store):
    d = event_detail(store, "e1")
    ev = d["event"]
    assert (ev["cameo_name"], ev["root_name"], ev["coded_by"], ev["publisher"]) == (
        "Consult, not specified below", "CONSULT", "rule", "Test Wire")
    # the mirrored reading of the same meeting is the same event's other mention, not another event
    assert [(m["mention_id"], m["event_id"]) for m in d["mentions"]] == [("e2", "e1")]
    assert d["same_sentence"] == [] and d["reported"]["num_mentions"] == 1  # one sentence reports it
    assert event_detail(store, "e3")["event"]["coded_by"] == "model"


def test_other_articles_reporting_the_same_event_are_its_mentions(tmp_path):
    """Two wires tell the same meeting: one event, and each mention's page lists the other article's sentence;
    a different act in the second sentence is another event of that sentence, not a mention."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))
    from store_records import build, ev

    meet = "Russian President Vladimir Putin met Iranian President Hassan Rouhani in Bishkek on Friday."
    other = "Rouhani also criticised Washington."
    spec = ev("person:vladimir-putin", "person:hassan-rouhani", "040", 1, 1.0, "CONSULT", date="2013-09-13")
    st = Store(tmp_path / "m.duckdb", lock_timeout=5)
    st.add_many([build("wire1", "2013-09-13", [(meet, [spec])]),
                 build("wire2", "2013-09-14", [(meet, [spec]), (other, [
                     ev("person:hassan-rouhani", "USA", "111", 3, -2.0, "ACCUSE", date="2013-09-13",
                        trigger="criticised")])])])
    events = st.query("SELECT event_id, cameo FROM events")
    [meeting] = events[events["cameo"] == "040"]["event_id"]
    d = event_detail(st, meeting)
    assert (d["reported"]["num_articles"], d["reported"]["num_mentions"]) == (2, 2)
    [m] = d["mentions"]
    assert m["sentence"] == meet and m["sentence_id"] != d["event"]["sentence_id"]
    assert {m["doc_id"], d["event"]["doc_id"]} == {"wire1", "wire2"}
    back = event_detail(st, meeting, m["mention_id"])  # the other article's mention lists the first one
    assert [x["doc_id"] for x in back["mentions"]] == [d["event"]["doc_id"]]
    assert back["event"]["event_id"] == meeting
    criticism = events[events["cameo"] == "111"]["event_id"].iloc[0]
    assert event_detail(st, criticism)["mentions"] == []
    assert event_detail(st, criticism, m["mention_id"]) is None  # a mention of another event


def test_unknown_event(store):
    assert event_detail(store, "nope") is None


@pytest.mark.parametrize("rule,expected", [("lex:say;active", "rule"), ("model:classifier(p=0.50)", "model"),
                                           ("", ""), (None, "")])
def test_coded_by(rule, expected):
    assert coded_by(rule) == expected
