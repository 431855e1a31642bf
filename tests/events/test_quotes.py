"""Quotations that run on past their attribution (events/quotes.py and the coder's quoted_statement step),
on news-style paragraphs we wrote."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from realpolitik.api import code_jsonl, code_text
from realpolitik.events.coder import QUOTE_LEMMAS, MAX_RUN_ON
from realpolitik.events.quotes import continues_quote, quoted_regions

ANCHOR = dt.date(2015, 11, 23)


@pytest.mark.parametrize("text,runs_on", [
    ('"The door remains open for a settlement."', True),  # a quotation paragraph with no attribution
    ('"The door remains open for a settlement.', True),  # opened, not closed: the quotation goes on
    ("We will definitely raise the payments to nine months, that's the extra £1,400.\"", True),  # closed here
    ('"The door remains open," said Lord Holme.', False),  # attributed in the sentence itself
    ('He told reporters: "The door remains open."', False),
    ('"What they say is that the door remains open," he said.', False),
    ("The door remains open for a settlement.", False),  # no quotation at all
    ("The minister called the plan 'unambitious' and left.", False),  # single marks are scare quotes
])
def test_a_sentence_runs_on_a_quotation_only_when_nothing_in_it_attributes_it(nlp, text, runs_on):
    sent = next(nlp(text).sents)
    assert continues_quote(sent, QUOTE_LEMMAS) is runs_on


def test_quoted_regions_pair_the_marks():
    text = 'Mr Boateng said: "The sums do not add up."'
    assert [text[a:b] for a, b in quoted_regions(text)] == ['"The sums do not add up.']


def _events(text: str):
    coded = code_text(text, date=ANCHOR, classifier=None)
    return [[(e.cameo, e.source.name, e.factual) for e in s.events] for s in coded.sentences]


ATTRIBUTED = ("Lavrov speaks\n\nRussian Foreign Minister Sergei Lavrov told reporters in Moscow on Monday "
              "that Russia wanted peace.\n\n")


def test_a_quotation_paragraph_after_its_attribution_is_the_speakers_statement():
    out = _events(ATTRIBUTED + '"The door remains open for a settlement."')
    assert out[-1] == [("010", "Sergei Lavrov", True)]


def test_a_quotation_with_no_speaker_before_it_codes_nothing():
    out = _events('Lavrov speaks\n\nThe weather was cold in Moscow on Monday.\n\n'
                  '"The door remains open for a settlement."')
    assert out[-1] == []


def test_the_speaker_carries_over_a_run_of_quotation_paragraphs_but_not_forever():
    quotes = "".join(f'"The door remains open for settlement number {i}.\n\n' for i in range(MAX_RUN_ON + 1))
    out = _events(ATTRIBUTED + quotes)
    run = out[-(MAX_RUN_ON + 1):]
    assert all(evs == [("010", "Sergei Lavrov", True)] for evs in run[:MAX_RUN_ON]), run
    assert run[MAX_RUN_ON] == []


def test_the_speaker_of_a_jsonl_line_comes_from_its_context():
    line = {"id": "q1", "text": '"The door remains open for a settlement."', "date": "2015-11-23",
            "context": 'Russian Foreign Minister Sergei Lavrov told reporters in Moscow: "We are ready to talk.'}
    out = io.StringIO()
    code_jsonl(io.StringIO(json.dumps(line) + "\n"), out, classifier=None)
    pred = json.loads(out.getvalue())
    assert [(e["cameo"], e["source"]["name"]) for e in pred["events"]] == [("010", "Sergei Lavrov")]
    assert pred["quad"] == 0
