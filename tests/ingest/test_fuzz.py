"""Property-based fuzzing of every reader and of code_text: random bytes, truncated HTML/JSON/CSV/XML, huge
lines, NULs, mixed encodings -> a stored-ready Document or a one-line IngestFailure, never an exception.

The suite runs a few hundred examples (derandomized, so CI is repeatable); ``python bench/fuzz.py`` runs the
same properties with many more (REALPOLITIK_FUZZ_EXAMPLES).
"""
from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.ingest.readers import Options, read_bytes
from realpolitik.records import Document, IngestFailure

EXAMPLES = int(os.environ.get("REALPOLITIK_FUZZ_EXAMPLES", "30"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize="REALPOLITIK_FUZZ_EXAMPLES" not in os.environ,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)

ARTICLE = ("Iran and Russia signed a barter deal on Monday, officials said in Tehran.\n\n"
           "The Syrian army shelled rebel positions near Aleppo, “activists” reported — café talk.\n")
SAMPLES = {
    "text": ARTICLE,
    "markdown": "---\ntitle: Deal\ndate: 2015-03-02\n---\n# Iran and Russia\n\n" + ARTICLE + "\n![A caption of four words](x.png)\n",
    "html": ("<html><head><title>Deal</title><meta property='article:published_time' content='2015-03-02'>"
             "</head><body><article><h1>Iran and Russia</h1><p>" + ARTICLE.replace("\n\n", "</p><p>")
             + "</p><figure><img src=x><figcaption>Putin meets Rouhani in Tehran, Nov. 23, 2015.</figcaption>"
             "</figure></article></body></html>"),
    "json": json.dumps([{"title": "Deal", "text": ARTICLE, "date": "2015-03-02"}, {"text": "Turkey met Iran."}]),
    "jsonl": json.dumps({"text": ARTICLE, "date": "2015-03-02"}) + "\n" + json.dumps({"title": "Iran met Turkey"}) + "\n",
    "csv": 'title,text,date\nDeal,"' + ARTICLE.replace('"', '""') + '",2015-03-02\nB,Turkey met Iran.,2015-03-03\n',
    "tsv": "title\ttext\tdate\nDeal\tIran met Russia.\t2015-03-02\n",
    "feed": ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title><item>'
             "<title>Iran and Russia</title><pubDate>Mon, 02 Mar 2015 10:00:00 GMT</pubDate><description>"
             + ARTICLE + "</description></item></channel></rss>"),
}
FORMATS = [*SAMPLES, None]  # None: sniffed, as for stdin or an unknown extension


def _mutated(sample: bytes):
    """A valid sample truncated, spliced with random bytes, re-encoded, or given a huge line or NULs."""
    cut = st.integers(0, len(sample)).map(lambda k: sample[:k])
    spliced = st.tuples(st.integers(0, len(sample)), st.binary(max_size=64)).map(
        lambda t: sample[:t[0]] + t[1] + sample[t[0]:])
    encoded = st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-8-sig", "cp1251"]).map(
        lambda enc: sample.decode("utf-8").encode(enc, errors="replace"))
    huge = st.integers(1, 300_000).map(lambda n: sample + b"Iran " * (n // 5) + b"x" * (n % 7919))
    nuls = st.integers(0, len(sample)).map(lambda k: sample[:k] + b"\0" + sample[k:])
    return st.one_of(cut, spliced, encoded, huge, nuls)


def inputs(fmt):
    sample = SAMPLES.get(fmt or "html", ARTICLE).encode("utf-8")
    texts = st.text(st.characters(codec="utf-8"), max_size=400).map(lambda t: t.encode("utf-8", "surrogatepass"))
    return st.one_of(st.binary(max_size=600), texts, _mutated(sample))


def check(data: bytes, fmt: str | None) -> None:
    results = list(read_bytes(data, "fuzz.in", fmt, Options(max_bytes=4 * 2**20)))
    assert results, "every input yields a document or a failure"
    for r in results:
        assert isinstance(r, (Document, IngestFailure))
        if isinstance(r, IngestFailure):
            assert r.reason and "\n" not in r.reason and "\r" not in r.reason
            assert not r.reason.startswith("could not read ("), r.reason  # no reader bug behind the catch-all
        else:
            assert r.segments and all(s.text and len(s.text) <= 100_000 for s in r.segments)
            assert r.doc_id and len(r.doc_id) == 16


@pytest.mark.parametrize("fmt", FORMATS, ids=[f or "sniffed" for f in FORMATS])
def test_reader_never_raises(fmt):
    @FUZZ
    @given(inputs(fmt))
    def prop(data):
        check(data, fmt)

    prop()


WORDS = ["Iran", "Russia", "the", "minister", "met", "said", "sanctions", "Tehran", "on", "Monday", "not", "would",
         "attack", "signed", "deal", "he", "it", "“", "”", "—", ",", ".", "?", "\n\n", "(", ")", "’s", "1999", "e.g.",
         "Mr.", "U.S.", "🙂", "\u200b", "\x00", "x" * 500]


@FUZZ
@given(st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join), st.one_of(st.none(), st.dates()))
def test_code_text_codes_anything_or_says_there_is_no_text(text, date):
    from realpolitik import api
    from realpolitik.errors import InputError

    try:
        coded = api.code_text(text, date=date, classifier=None)
    except InputError as exc:
        assert "no text" in str(exc)
        return
    for e in coded.events:
        assert e.cameo and e.plover is not None and e.doc_id == coded.document.doc_id
