"""IGOs and regional bodies: hand-written ones and those imported from the Phoenix dictionary (own sentences)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from .datafiles import build_script, shipped_rows

DATA = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "data" / "actors"


@pytest.mark.parametrize("text,words,code", [
    ("APEC leaders ended their summit without a statement.", "APEC leaders", "IGOAPEC"),
    ("Mercosur suspended the country's membership.", "Mercosur", "IGOMERCOSUR"),
    ("ASEAN urged restraint in the strait.", "ASEAN", "IGOSEAASN"),
    ("The Gulf Cooperation Council condemned the attack.", "The Gulf Cooperation Council", "IGOGCC"),
    ("The SCO admitted two observers.", "The SCO", "IGOSCO"),
    ("ECOWAS threatened sanctions against the junta.", "ECOWAS", "IGOWAFWAS"),
    ("The Southern African Development Community sent observers.",
     "The Southern African Development Community", "IGOSAFDEVSAD"),
    ("The Non-Aligned Movement met in Tehran.", "The Non-Aligned Movement", "IGONON"),
    ("CARICOM leaders called for calm.", "CARICOM leaders", "IGOCRB"),
    ("The OECD cut its growth forecast.", "The OECD", "IGOWSTBUS"),
    ("The African Development Bank approved a loan.", "The African Development Bank", "IGOAFRDEVAFB"),
    ("The Warsaw Pact held manoeuvres.", "The Warsaw Pact", "IGOWARSAW"),
])
def test_igos_resolve(phrase, text, words, code):
    ref = phrase(text, words)
    assert ref is not None and ref.kind == "igo" and ref.code.startswith(code)


def test_an_imported_name_joins_the_hand_written_entry(kb):
    """Phoenix's spellings of an organisation we already know become its aliases, not a second actor."""
    ids = {e.actor_id for e in kb.lookup("association of south east asian nations")}
    assert ids == {"igo:ASEAN"}
    assert {e.actor_id for e in kb.lookup("monuc")} == {"igo:UNPK"}


def test_every_imported_row_is_an_igo(kb):
    with (DATA / "igos.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    assert len(rows) >= 80
    for row in rows:
        e = kb.by_id[row["id"]]
        assert e.kind == "igo" and e.code.startswith("IGO") and e.country is None


def test_igos_csv_is_what_the_script_builds(shared_dir):
    source = shared_dir / "dictionaries" / "Phoenix.International.actors.txt"
    if not source.is_file():
        pytest.skip("no Phoenix dictionary in ../shared")
    module = build_script("build_igos")
    shipped = shipped_rows("igos.csv")
    assert module.build(source) == shipped
