"""The ingest pre-filter (realpolitik.prefilter): a document no token of which could fire the coder is stored
without being parsed, and every event is the same as when everything is parsed."""
from __future__ import annotations

import json

import duckdb
import pytest

from realpolitik import pipeline
from realpolitik.api import build_coder
from realpolitik.records import Document, Segment

# headlines we wrote: events the coder finds, and lines with no trigger it could fire
EVENTFUL = [
    "Russia imposes sanctions on Turkish goods after jet downing",
    "Iran and Saudi Arabia cut diplomatic ties",
    "Protesters clash with police in Kiev",
]
EMPTY = [
    "Riverside 81, Lakeview 77",
    "Quarterly earnings calendar for the week ahead",
    "Weather outlook: sunny spells and light showers",
    "Net asset value of the Global Equity Fund",
]


def _events(coded) -> list[tuple]:
    return sorted((e.event_id, e.cameo, e.source.actor_id, e.target.actor_id if e.target else "")
                  for e in coded.events)


@pytest.fixture(scope="module")
def coder():
    return build_coder(classifier="default")


def test_drops_only_documents_without_events(coder):
    from realpolitik.prefilter import code_filtered

    docs = [Document(doc_id=str(i), path=f"h{i}", segments=(Segment(0, "title", h),), title=h)
            for i, h in enumerate(EVENTFUL + EMPTY)]
    full = coder.code_documents(docs)
    filtered, skipped = code_filtered(coder, docs)
    assert [_events(c) for c in filtered] == [_events(c) for c in full]
    assert all(c.events for c in full[: len(EVENTFUL)])  # titles are coded as sentences
    assert skipped == len(EMPTY)
    assert [bool(c.sentences) for c in filtered] == [True] * len(EVENTFUL) + [False] * len(EMPTY)
    # a kept document is parsed as in one pass: the same sentences and mentions
    for a, b in zip(full[: len(EVENTFUL)], filtered):
        assert [(s.text, [m.actor_id for m in s.mentions]) for s in a.sentences] == \
               [(s.text, [m.actor_id for m in s.mentions]) for s in b.sentences]


def test_context_segments_do_not_keep_a_document(coder):
    from realpolitik.prefilter import PreFilter

    flt = PreFilter.for_coder(coder)
    assert flt is PreFilter.for_coder(coder)  # built once per coder
    first = [name for name in coder.nlp.pipe_names if name in ("tok2vec", "tagger")]
    with coder.nlp.select_pipes(enable=first):
        ctx, body = coder.nlp(EVENTFUL[0]), coder.nlp(EMPTY[0])
    segs = (Segment(0, "context", EVENTFUL[0]), Segment(1, "body", EMPTY[0]))
    assert not flt.keeps(segs, [ctx, body])
    assert flt.keeps((Segment(0, "body", EVENTFUL[0]),), [ctx])


def _rows(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT * EXCLUDE (ingested_at) FROM {t} ORDER BY ALL").fetchall()
                if t == "documents" else con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall()
                for t in ("documents", "segments", "event_mentions", "events")}
    finally:
        con.close()


def test_ingest_with_and_without_the_filter_stores_the_same_events(tmp_path):
    src = tmp_path / "headlines.jsonl"
    lines = [{"id": f"h{i}", "title": h, "date": "2016-01-04"} for i, h in enumerate(EVENTFUL + EMPTY)]
    src.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    spec = pipeline.CoderSpec(classifier=None)
    on = pipeline.ingest([str(src)], db=tmp_path / "on.duckdb", coder=spec)
    off = pipeline.ingest([str(src)], db=tmp_path / "off.duckdb", coder=spec, prefilter=False)
    assert on.added == off.added == len(lines)
    assert on.events == off.events > 0  # title-only records are coded
    assert on.unparsed == len(EMPTY) and off.unparsed == 0
    assert _rows(tmp_path / "on.duckdb") == _rows(tmp_path / "off.duckdb")
    # what the filter skips has no sentences stored (nothing was parsed into sentences); its text stays
    con = duckdb.connect(str(tmp_path / "on.duckdb"), read_only=True)
    try:
        unparsed = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                               "(SELECT 1 FROM sentences s WHERE s.doc_id = d.doc_id)").fetchone()[0]
        texts = {r[0] for r in con.execute("SELECT text FROM segments").fetchall()}
    finally:
        con.close()
    assert unparsed == len(EMPTY) and set(EMPTY) <= texts


# headlines we wrote that the first check keeps (a lexicon word the tagger cannot rule out) and the parse shows
# can hold no event: no trigger head, and no sentence the classifier may code
PARSED_EMPTY = [
    "Northfield Dairy Raises Quarterly Dividend by 4% for Second Quarter",
    "Lakeside Mining Discovers Copper Deposit in Northern Ontario",
    "Coffee chain moves its bakery brand out of airports",
    "City orders third round of library cuts to close gap",
    "Retailer takes stake in online grocer",  # a light verb with no event noun to take the code of
    "Carmaker gives upbeat outlook for 2016",
]
# headlines we wrote whose attitude verb's act is a "to"/"on" object though its entry names another target
# preposition ("agree" with someone): triggers._has_participant counts the act, the second check must too
ACT_OBJECTS = [
    "Kenya, Uganda agree to new border rules",
    "Nine EU states agree on parts of a banking tax",
]


# sentences we wrote with triggers of every kind: verbs, nouns, copula adjectives, attitude and light verbs,
# entries that need a participant, symmetric acts
TRIGGERS = [
    "The foreign minister met his Chinese counterpart in Beijing on Tuesday.",
    "Rebels attacked an army convoy near the border, killing six soldiers.",
    "The government threatened to expel the ambassador.",
    "Germany and France agreed to hold talks next month.",
    "The opposition accused the president of rigging the vote.",
    "Police arrested dozens of protesters outside parliament.",
    "The council condemned the bombing and called for calm.",
    "Iran refused to allow inspectors into the site.",
    "The prime minister is ready to negotiate with the unions.",
    "Washington imposed new sanctions on Moscow over the annexation.",
    "The two leaders held talks on the dispute and signed a trade agreement.",
    "Troops withdrew from the town after the ceasefire.",
    "The minister made an official visit to Kenya.",
    "The army launched an offensive against the rebels.",
    "Union leaders gave a warning to the government.",
    "The envoy was reported to have threatened a boycott of the summit.",
    "Opposition parties vowed to continue the strike.",
] + EVENTFUL + ACT_OBJECTS


def test_second_check_drops_parsed_documents_without_a_possible_trigger(coder):
    """Parsed up to NER, a document no token of which may head a trigger (and that the classifier may not
    code) is not run through NER nor coded; the events are those of a full parse (none)."""
    from realpolitik import prefilter

    docs = [Document(doc_id=f"p{i}", path=f"p{i}", segments=(Segment(0, "title", h),), title=h)
            for i, h in enumerate(PARSED_EMPTY + EVENTFUL)]
    flt = prefilter.PreFilter.for_coder(coder)
    first = [name for name in coder.nlp.pipe_names if name in prefilter.FIRST_PASS]
    with coder.nlp.select_pipes(enable=first):
        assert all(flt.keeps(d.segments, [coder.nlp(d.segments[0].text)]) for d in docs)  # the first check keeps
    full = coder.code_documents(docs)
    filtered, skipped = prefilter.code_filtered(coder, docs)
    assert skipped == len(PARSED_EMPTY)
    assert [_events(c) for c in filtered] == [_events(c) for c in full]
    assert [bool(c.sentences) for c in filtered] == [False] * len(PARSED_EMPTY) + [True] * len(EVENTFUL)


def test_may_trigger_holds_for_every_candidate_the_coder_finds(coder):
    """``may_trigger`` is wide: every token find_triggers makes a candidate (with entities) passes it, and
    ``may_fire`` every token ``triggers._core`` matches (light and attitude verbs' complements included)."""
    from realpolitik.events import triggers
    from realpolitik.prefilter import may_fire

    from realpolitik.events.coder import SentenceRecord, find_triggers
    from realpolitik.prefilter import may_trigger

    heads = 0
    for i, text in enumerate(TRIGGERS):
        doc = coder.nlp(text)
        seg = Segment(0, "body", text)
        for k, sent in enumerate(doc.sents):
            rec = SentenceRecord(sent, f"t{i}:0:{k}", f"t{i}", seg, k, None)
            find_triggers(rec, coder.lexicon)
            for c in rec.candidates:
                assert may_trigger(coder.lexicon, c.tok), (text, c.tok.text)
                heads += 1
            for tok in sent:
                if triggers._core(coder.lexicon, tok) is not None:
                    assert may_fire(coder.lexicon, tok), (text, tok.text)
    assert heads >= len(TRIGGERS)


@pytest.mark.parametrize("headline", ACT_OBJECTS)
def test_second_check_keeps_an_attitude_verbs_act_object(coder, headline):
    """An attitude verb whose participant is the act it is about ('agree to new rules') keeps the document
    through the second check, and its event is the full parse's."""
    from realpolitik import prefilter

    doc = Document(doc_id="a", path="a", segments=(Segment(0, "title", headline),), title=headline)
    full = coder.code_documents([doc])
    assert full[0].events
    filtered, skipped = prefilter.code_filtered(coder, [doc])
    assert skipped == 0
    assert [_events(c) for c in filtered] == [_events(c) for c in full]


def test_classifier_predictions_of_the_second_check_are_reused(coder, monkeypatch):
    """Kept documents are coded with the predictions the second check computed: one classifier call each."""
    from realpolitik import prefilter

    if coder.classifier is None:
        pytest.skip("classifier weights not installed")
    calls = []
    real = coder.classifier.predict
    monkeypatch.setattr(coder.classifier, "predict", lambda texts: calls.append(list(texts)) or real(texts))
    docs = [Document(doc_id=f"c{i}", path=f"c{i}", segments=(Segment(0, "title", h),), title=h)
            for i, h in enumerate(EVENTFUL)]
    filtered, _ = prefilter.code_filtered(coder, docs)
    assert all(c.sentences for c in filtered)
    assert len(calls) == len(EVENTFUL)


def test_indexed_rules_give_what_every_rule_gives(coder):
    """The filter looks lemma rules up by word and POS rules by tag: the same answers as trying every rule."""
    from realpolitik.prefilter import PreFilter

    flt = PreFilter(coder.nlp, coder.lexicon, classifier=True)
    words = {t.lower_ for text in TRIGGERS + EMPTY for t in coder.nlp.make_doc(text)}
    words |= {"'s", "n't", "'ll", "wo", "ca", "is", "was", "has", "did", "does", "an", "the", "ai", "'m", "'re"}
    tags = sorted(coder.nlp.get_pipe("tagger").labels) + [""]
    for w in sorted(words):
        brute = {w} | {x for t in flt.exceptions for x in t.get(w, ())}
        brute |= {w[: len(w) - len(old)] + new for old, new in flt.suffixes if w.endswith(old) and len(w) > len(old)}
        brute |= {r.value for r in flt.lemma_rules if r.may_apply(None, w)}
        brute |= {"will"} if w in ("'ll", "wo", "shall") else set()
        assert flt.lemmas(w) == brute, w
        for tag in tags:
            for root in (False, True):
                pos = {r.value for r in flt.pos_rules if r.may_apply(tag, w, root)}
                assert flt.parts_of_speech(tag, w, root) == (frozenset(pos) or
                                                              frozenset(("VERB", "AUX", "NOUN", "PROPN", "ADJ"))), (w, tag)
