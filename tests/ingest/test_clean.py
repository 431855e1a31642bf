"""Cleaning: captions and credits, boilerplate families, real sentences surviving, stable doc ids."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.ingest import boilerplate_family, read_text
from realpolitik.ingest.clean import clean_units
from realpolitik.records import Document

from .conftest import FIXTURES, only_doc

CAPTION = "Russian President Vladimir Putin meets Iranian President Hassan Rouhani in Ufa, Russia, July 9, 2015."
BODY = "The two leaders discussed the nuclear talks in Vienna and trade between their countries."


def cleaned(text: str) -> list[tuple[str, str]]:
    return clean_units(("line", line) for line in text.split("\n"))


@pytest.mark.parametrize(
    "credit",
    ["Alexei Nikolsky / Sputnik", "(Photo: AFP)", "REUTERS/Sergei Karpukhin", "(AP Photo/Vahid Salemi)",
     "Photo by Mikhail Svetlov/Getty Images", "Russian Defence Ministry / handout", "AFP via Getty Images"],
)
def test_credit_line_makes_previous_line_a_caption_and_is_dropped(credit):
    out = cleaned(f"{BODY}\n\n{CAPTION}\n{credit}\n\n{BODY}")
    assert out == [("body", BODY), ("caption", CAPTION), ("body", BODY)]


@pytest.mark.parametrize("credit", ["REUTERS/Sergei Karpukhin", "(Photo: AFP)", "Alexei Nikolsky / Sputnik"])
def test_credit_at_the_end_of_the_caption_line(credit):
    assert cleaned(f"{CAPTION} {credit}") == [("caption", CAPTION)]


def test_caption_segment_gets_the_date_it_ends_with():
    doc = read_text(f"{BODY}\n\n{CAPTION}\nAlexei Nikolsky / Sputnik\n")
    assert isinstance(doc, Document)
    caption = [s for s in doc.segments if s.kind == "caption"]
    assert [(s.text, s.date) for s in caption] == [(CAPTION, dt.date(2015, 7, 9))]


def test_long_paragraph_before_a_credit_stays_body():
    long_para = " ".join([BODY] * 6)
    out = cleaned(f"{long_para}\nREUTERS/Sergei Karpukhin")
    assert out == [("body", long_para)]


@pytest.mark.parametrize(
    ("line", "family"),
    [
        ("(Recommended: Why Iran's oil comeback worries Moscow)", "recommended"),
        ("Recommended: Iran and the SCO", "recommended"),
        ("Read more: Inside the Vienna talks", "recommended"),
        ("Related: Russia's S-300 contract", "recommended"),
        ("Subscribe to continue reading", "paywall"),
        ("You have reached your free article limit.", "paywall"),
        ("Sign up for our newsletter", "paywall"),
        ("Already a subscriber? Log in.", "paywall"),
        ("Share on Facebook", "share"),
        ("Tweet", "share"),
        ("Email this", "share"),
        ("Share on Facebook | Share on Twitter | Email", "share"),
        ("Jane Doe is a senior fellow at the Carnegie Moscow Center.", "bio"),
        ("Ali Reza is an associate professor of politics at the University of Tehran.", "bio"),
        ("Follow her on Twitter @janedoe.", "social"),
        ("The views expressed in this article are the author's own.", "social"),
        ("© 2015 Eurasia Monitor. All rights reserved.", "copyright"),
        ("Copyright 2016 Wire Example", "copyright"),
        ("By Maria Petrova", "byline"),
        ("(Reporting by Parisa Hafezi; Editing by Jon Boyle)", "bio"),
        ("Advertisement", "ui"),
    ],
)
def test_boilerplate_lines_are_recognised(line, family):
    assert boilerplate_family(line) == family


@pytest.mark.parametrize(
    "sentence",
    [
        "Putin said Russia would share intelligence with Iran on Islamic State.",
        "Iran's supreme leader told his followers to subscribe to the principle of resistance.",
        "Recommended measures include a ceasefire and a prisoner exchange, the envoy said.",
        "Related talks in Geneva collapsed on Tuesday.",
        "By Tuesday, the talks in Vienna had stalled again.",
        "Rouhani is a senior cleric who served as Iran's chief nuclear negotiator.",
        "The ministry said it would email its objections to the embassy.",
        "Copyright disputes between Russian and Iranian broadcasters were also discussed.",
        "Lavrov said the two countries had reached their limit of patience with Washington.",
    ],
)
def test_real_sentences_are_not_boilerplate(sentence):
    assert boilerplate_family(sentence) is None
    assert cleaned(sentence) == [("body", sentence)]


def test_fixture_text_drops_every_boilerplate_family():
    doc = only_doc(FIXTURES / "2015-07-09_ufa-summit.txt")
    for gone in ("Recommended", "Share on Facebook", "Tweet", "senior fellow", "Twitter", "©", "Sputnik"):
        assert gone not in doc.text


def test_fixture_html_drops_paywall_share_bio_and_recommended():
    doc = only_doc(FIXTURES / "putin-rouhani-ufa.html")
    for gone in ("Recommended", "free article limit", "Subscribe", "Share on", "newsletter", "senior fellow",
                 "All rights reserved", "Home", "Sputnik"):
        assert gone not in doc.text


def test_html_caption_with_credit_after_a_line_break(tmp_path):
    path = tmp_path / "hamadan.html"
    paragraphs = "".join(f"<p>{BODY} Paragraph {i} adds detail on the bombers and the base.</p>" for i in range(4))
    path.write_text(
        f"<html><body><article><h1>Bombers leave Hamadan</h1>{paragraphs}"
        "<figure><img src='b.jpg'><figcaption>A Russian Tu-22M3 bomber at Hamadan air base, Iran, August 16, 2016."
        "<br>Russian Defence Ministry / handout</figcaption></figure></article></body></html>",
        encoding="utf-8",
    )
    captions = [s for s in only_doc(path).segments if s.kind == "caption"]
    assert [(s.text, s.date) for s in captions] == [
        ("A Russian Tu-22M3 bomber at Hamadan air base, Iran, August 16, 2016.", dt.date(2016, 8, 16))
    ]


def test_doc_id_is_stable_across_file_names_and_whitespace(tmp_path):
    text = "Putin visits Tehran\n\nPutin met Khamenei in Tehran on Monday.\nThey discussed Syria.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "copy of a.md").write_text(text.replace(" ", "  "), encoding="utf-8")
    a, b = only_doc(tmp_path / "a.txt"), only_doc(tmp_path / "copy of a.md")
    assert a.doc_id == b.doc_id and len(a.doc_id) == 16


def test_doc_id_changes_with_the_text():
    a = read_text("Putin met Khamenei in Tehran on Monday.")
    b = read_text("Putin met Rouhani in Tehran on Monday.")
    assert a.doc_id != b.doc_id


def test_boilerplate_does_not_change_the_doc_id():
    clean = read_text("Putin met Khamenei in Tehran on Monday.\n")
    noisy = read_text("Putin met Khamenei in Tehran on Monday.\n\nShare on Facebook\nSubscribe to continue reading\n")
    assert clean.doc_id == noisy.doc_id


def test_one_paragraph_per_line_text_keeps_paragraphs():
    out = cleaned("Iran and Russia signed a deal on Monday.\nThe deal covers rail and energy.\nWashington objected.")
    assert [t for _, t in out] == [
        "Iran and Russia signed a deal on Monday.", "The deal covers rail and energy.", "Washington objected."
    ]


def test_wrapped_line_that_looks_like_a_byline_is_kept():
    out = cleaned("The offer was underwritten\nby Merrill Lynch Capital Markets and others, the company said.")
    assert out == [("body", "The offer was underwritten by Merrill Lynch Capital Markets and others, the company said.")]
