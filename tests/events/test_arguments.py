"""The learned argument model: candidate phrases, decoding, persistence, and the coder cases it must handle."""
from __future__ import annotations

import numpy as np
import pytest

from realpolitik.errors import ModelMissingError
from realpolitik.events import arguments as A
from realpolitik.events.arguments import ArgumentModel, Phrase, Scored, candidates, decode


@pytest.fixture(scope="module")
def nlp():
    from realpolitik.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def model():
    try:
        return ArgumentModel.load()
    except ModelMissingError:
        pytest.skip("argument model weights not built (bench/train_arguments.py)")


@pytest.fixture(scope="module")
def coder(model):
    from realpolitik.events.coder import Coder

    return Coder(arguments=model)


def _heads(sent, phrases):
    return [sent.doc[p.head].text for p in phrases]


def _dyads(coder, text):
    from realpolitik import api

    coded = api.code_text(text, date="2016-03-07", coder=coder)
    return [(e.cameo, e.source.country if e.source else None, e.target.country if e.target else None, e.rule)
            for e in coded.events if e.factual]


# ---------------------------------------------------------------- candidates


def test_coordinated_demonym_modifiers_are_separate_candidates(nlp):
    sent = next(nlp("Dutch and Belgian farmers blocked the motorway.").sents)
    heads = _heads(sent, candidates(sent))
    assert "Dutch" in heads and "Belgian" in heads and "farmers" in heads


def test_three_coordinated_names_give_three_candidates(nlp):
    sent = next(nlp("Chile, Peru and Bolivia signed a water treaty.").sents)
    heads = _heads(sent, candidates(sent))
    assert {"Chile", "Peru", "Bolivia"} <= set(heads)
    spans = {sent.doc[p.head].text: sent.doc[p.start:p.end].text for p in candidates(sent)}
    assert spans["Chile"] == "Chile"  # a conjunct's phrase stops at the coordination


def test_possessor_and_apposition_are_candidates_and_dates_are_not(nlp):
    sent = next(nlp("On Friday Cairo courted Ankara's neighbours, namely Greece.").sents)
    cands = {sent.doc[p.head].text: p for p in candidates(sent)}
    assert cands["Ankara"].via == "possessor"
    assert "Greece" in cands and "neighbours" in cands
    assert "Friday" not in cands


def test_dependency_path_runs_up_then_down(nlp):
    doc = nlp("Brazil asked Argentina to extradite the banker.")
    up, down = A.dep_path(doc[2], doc[0])  # from "Argentina" up to "asked", down to "Brazil"
    assert up == ["dobj"] and down == ["nsubj"]


# ---------------------------------------------------------------- decoding


def _scored(doc, probs):
    out = []
    for i, (ps, pt) in probs.items():
        out.append(Scored(Phrase(i, i, i + 1, "np"), 1 - ps - pt, ps, pt))
    return out


def test_decoder_takes_all_coordinated_sources_and_one_target(nlp):
    doc = nlp("Chile, Peru and Bolivia sued Spain.")
    sent = next(doc.sents)
    scored = _scored(doc, {0: (0.9, 0.0), 2: (0.45, 0.1), 4: (0.4, 0.1), 6: (0.05, 0.8)})
    src, tgt = decode(sent, scored, {"source": 0.4, "target": 0.3, "conj": 0.3})
    assert [doc[p.head].text for p in src] == ["Chile", "Peru", "Bolivia"]
    assert [doc[p.head].text for p in tgt] == ["Spain"]


def test_decoder_invents_no_source_when_none_is_likely(nlp):
    doc = nlp("The embassy was closed on Monday.")
    sent = next(doc.sents)
    scored = _scored(doc, {1: (0.1, 0.7)})
    src, tgt = decode(sent, scored, {"source": 0.4, "target": 0.3})
    assert src == [] and [doc[p.head].text for p in tgt] == ["embassy"]


def test_agentless_passive_needs_a_surer_source(nlp):
    doc = nlp("The embassy was closed by the police.")
    passive = nlp("The embassy was closed on Monday.")
    scored = _scored(passive, {1: (0.5, 0.2)})
    # same probabilities: with an agentless passive trigger the 0.5 source is not enough
    src, _ = decode(next(passive.sents), scored, {"source": 0.4, "agentless": 0.6}, trigger=passive[3])
    assert src == []
    src, _ = decode(next(doc.sents), _scored(doc, {1: (0.5, 0.2)}), {"source": 0.4, "agentless": 0.6},
                    trigger=doc[3])
    assert len(src) == 1


# ---------------------------------------------------------------- the model file


def test_save_and_load_round_trip(tmp_path):
    feats = [{"bias": 1.0, "last=nsubj": 1.0}, {"bias": 1.0, "last=dobj": 1.0}, {"bias": 1.0, "last=amod": 1.0}] * 4
    labels = ["source", "target", "none"] * 4
    m = ArgumentModel.train(feats, labels, C=10.0, min_count=1)
    path = tmp_path / "a.npz"
    m.save(path)
    back = ArgumentModel.from_file(path)
    assert np.allclose(back.proba(feats[:3]), m.proba(feats[:3]), atol=1e-5)
    assert [A.ROLES[int(i)] for i in back.proba(feats[:3]).argmax(axis=1)] == ["source", "target", "none"]


def test_missing_or_broken_weights_raise_one_clear_error(tmp_path):
    with pytest.raises(ModelMissingError, match="not found"):
        ArgumentModel.from_file(tmp_path / "nope.npz")
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ModelMissingError, match="unreadable"):
        ArgumentModel.from_file(bad)


def test_argument_model_is_opt_in(model):
    from realpolitik.events.coder import Coder

    assert Coder.build(classifier=None).arguments is None
    assert isinstance(Coder.build(classifier=None, arguments="default").arguments, ArgumentModel)


# ---------------------------------------------------------------- the cases, end to end through the coder


def test_the_model_path_codes_events(coder):
    evs = _dyads(coder, "Chile condemned Peru on Sunday.")
    assert any(s == "CHL" and t == "PER" and "+model;" in rule for _, s, t, rule in evs)


def test_place_is_the_target_of_an_arrival(coder):
    evs = _dyads(coder, "The Qatari emir arrived in Nairobi on Sunday for a state visit.")
    assert any(s == "QAT" and t == "KEN" for _, s, t, _ in evs)


def test_place_is_the_target_of_a_blockade_in_it(coder):
    evs = _dyads(coder, "Moroccan troops imposed a blockade in Western Sahara last week.")
    assert any(s == "MAR" and t == "ESH" for _, s, t, _ in evs)


def test_target_in_a_purpose_clause(coder):
    evs = _dyads(coder, "The Chilean president travelled to Lima to meet the Peruvian prime minister.")
    assert any(s == "CHL" and t == "PER" for _, s, t, _ in evs)


def test_three_coordinated_sources(coder):
    evs = _dyads(coder, "Kenya, Uganda and Rwanda condemned Burundi on Tuesday.")
    pairs = {(s, t) for _, s, t, _ in evs}
    assert {("KEN", "BDI"), ("UGA", "BDI"), ("RWA", "BDI")} <= pairs


def test_two_demonyms_on_one_noun_are_two_sources(coder):
    evs = _dyads(coder, "Dutch and Belgian farmers protested against the European Commission.")
    sources = {s for _, s, _, _ in evs}
    assert {"NLD", "BEL"} <= sources


def test_apposition_not_possessor_is_the_target(coder):
    evs = _dyads(coder, "Beijing is arming Hanoi's rivals, namely Cambodia.")
    targets = {t for _, _, t, _ in evs}
    assert "KHM" in targets and "VNM" not in targets


def test_agentless_passive_gets_no_invented_agent(coder):
    evs = _dyads(coder, "Three Lebanese journalists were arrested in Damascus on Monday.")
    assert all(s != "LBN" for _, s, _, _ in evs)  # the arrested are not the arresters


def test_a_plain_statement_takes_no_target_from_the_model(coder):
    """The argument gold holds events with targets; a plain remark that only mentions another country is no
    act on it (a remark about an actor, its subject, is: coder.comment_about, tests/events/test_coder.py)."""
    got = _dyads(coder, "The Chilean foreign minister said the weather had been cold in Argentina.")
    stmts = [d for d in got if d[0].startswith("01")]
    assert stmts and all(d[1] == "CHL" and d[2] is None for d in stmts), got


def test_a_statement_told_to_someone_keeps_its_addressee(coder):
    got = _dyads(coder, "The Chilean foreign minister told Argentina's ambassador the border would stay open.")
    assert any(d[0].startswith("01") and d[1] == "CHL" and d[2] == "ARG" for d in got), got
