"""The knowledge-base scan of a Doc's tokens is worked out once per tokens and knowledge base (a segment is
read for its countries, its mentions and the article's era): the same matches every time, each caller a list
of its own, and never another knowledge base's matches."""
import datetime as dt

from realpolitik.actors import scan as S

TEXT = ("Iran's foreign minister met Russian officials in Moscow on Monday, and the Soviet Union's "
        "successor states sent envoys to the European Union.")


def test_same_tokens_are_scanned_once_with_the_same_matches(nlp, kb, monkeypatch):
    doc = nlp(TEXT)
    fresh = S._scan(kb, list(doc))
    calls = []
    real = S._scan
    monkeypatch.setattr(S, "_scan", lambda k, t, *q: calls.append(len(t)) or real(k, t, *q))
    first = S.scan(kb, list(doc))
    first.append("a caller's own change")
    again = S.scan(kb, doc[0:len(doc)])
    assert again == fresh and first[:-1] == fresh and len(calls) == 1
    assert {m.entry.country for m in fresh} >= {"IRN", "RUS"}
    part = S.scan(kb, list(doc[:3]))  # read off the whole Doc's scan
    assert part == real(kb, list(doc[:3])) and len(calls) == 1
    gappy = [doc[0], doc[2], doc[3]]
    assert S.scan(kb, gappy) == real(kb, gappy) and len(calls) == 2


def test_another_knowledge_base_or_doc_is_scanned_anew(nlp, kb):
    doc = nlp(TEXT)
    then = kb.as_of(dt.date(1985, 6, 1))  # "Moscow" is the Soviet government in 1985
    assert then is not kb
    now_ms, then_ms = S.scan(kb, list(doc)), S.scan(then, list(doc))
    assert now_ms == S._scan(kb, list(doc)) and then_ms == S._scan(then, list(doc)) and now_ms != then_ms
    other = nlp(TEXT)
    assert S.scan(kb, list(other)) == [S.Match(m.i, m.j, m.entries, m.plural, m.rule) for m in now_ms]


def test_a_knowledge_base_being_built_is_not_remembered(nlp, kb):
    doc = nlp("The Freedonian Liberation Front attacked the capital.")
    open_kb = kb.derive()
    before = S.scan(open_kb, list(doc))
    assert not open_kb.frozen and before == S._scan(open_kb, list(doc))
    assert all(id(open_kb) != key[0] for _, memo in S._SCANS.values() for key in memo)


# Names of several words, bodies right after a capitalised word, plural acronyms: runs that start or end inside
# a match, or start right after one, must be scanned for themselves.
RUNS = ("The European Union and Russia Duma members met in Clarence House. MPs from the Soviet Union's "
        "successor states and the Foreign Office of the United Kingdom said the Iran Senate would vote.")


def test_a_run_of_a_doc_is_read_off_the_whole_scan_only_where_that_is_its_own_scan(nlp, kb, monkeypatch):
    doc = nlp(RUNS)
    S.scan(kb, list(doc))
    calls = []
    real = S._scan
    monkeypatch.setattr(S, "_scan", lambda k, t, *q: calls.append(len(t)) or real(k, t, *q))
    runs = [(s, e) for s in range(len(doc)) for e in range(s + 1, min(len(doc), s + 8) + 1)]
    for s, e in runs:
        assert S.scan(kb, list(doc[s:e])) == real(kb, list(doc[s:e])), doc[s:e].text
    derived = len(runs) - len(calls)
    assert calls and derived > len(runs) // 3  # runs across a name or right after one are scanned anew


def test_a_dated_view_reuses_its_base_scan_only_when_it_asks_nothing_the_view_answers_otherwise(nlp, kb,
                                                                                             monkeypatch):
    then = kb.as_of(dt.date(1985, 6, 1))  # "Moscow", "Russia" are Soviet in 1985
    calls = []
    real = S._scan
    monkeypatch.setattr(S, "_scan", lambda k, t, *q: calls.append(k) or real(k, t, *q))
    plain = nlp("The French president met the German chancellor in Paris on Monday.")
    assert S.scan(kb, list(plain)) == S.scan(then, list(plain)) == real(then, list(plain))
    assert calls == [kb]  # the view took the base's scan
    soviet = nlp("The French president met Russian officials in Moscow on Monday.")
    now_ms, then_ms = S.scan(kb, list(soviet)), S.scan(then, list(soviet))
    assert then_ms == real(then, list(soviet)) and now_ms != then_ms


def test_doc_text_is_each_docs_own_text_across_an_article_of_many_segments(nlp):
    docs = [nlp(f"Segment {k} of the article names Iran.") for k in range(12)]
    for _ in range(2):
        for d in docs:
            assert S.doc_text(d) == d.text
    assert sum(d is entry[0] for d in docs for entry in S._TEXT_CACHE.values()) == 12
