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
    monkeypatch.setattr(S, "_scan", lambda k, t: calls.append(len(t)) or real(k, t))
    first = S.scan(kb, list(doc))
    first.append("a caller's own change")
    again = S.scan(kb, doc[0:len(doc)])
    assert again == fresh and first[:-1] == fresh and len(calls) == 1
    assert {m.entry.country for m in fresh} >= {"IRN", "RUS"}
    part = S.scan(kb, list(doc[:3]))
    assert part == real(kb, list(doc[:3])) and len(calls) == 2


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
