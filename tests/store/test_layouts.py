"""GDELT 2.0 and ICEWS exports: the column order of each codebook, and values in their conventions."""
from __future__ import annotations

import csv
import datetime as dt

import pandas as pd
import pytest

from realpolitik.store import export
from realpolitik.store.export import GDELT_COLUMNS, ICEWS_COLUMNS, layout_columns, read_csv

# Typed from the GDELT 2.0 Event Database codebook (V2.0, table of fields, in order): 61 fields.
CODEBOOK_GDELT_2 = """GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles
AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat
Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()


def test_gdelt_columns_follow_the_gdelt_2_codebook():
    assert len(CODEBOOK_GDELT_2) == 61
    assert GDELT_COLUMNS == CODEBOOK_GDELT_2


def test_icews_columns_match_the_real_icews_header(shared_dir):
    sample = shared_dir / "events" / "icews_sample_2018.tab"
    if not sample.exists():
        pytest.skip("no ICEWS sample in ../shared")
    header = sample.read_text(encoding="utf-8").splitlines()[0].split("\t")
    assert ICEWS_COLUMNS == header


def _tsv(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_gdelt_export_rows(store, tmp_path):
    out = tmp_path / "events.tsv"
    export(store.events(columns=layout_columns("gdelt")), "gdelt", out)
    rows = _tsv(out)
    assert rows[0][:61] == CODEBOOK_GDELT_2 and rows[0][61:] == ["CAMEOEventName"]
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert body and all(len(r) == 62 for r in rows[1:])
    talks = next(r for r in body if r["EventCode"] == "040")
    assert (talks["Day"], talks["MonthYear"], talks["Year"]) == ("20150709", "201507", "2015")
    assert talks["FractionDate"].startswith("2015.5")
    assert (talks["EventBaseCode"], talks["EventRootCode"], talks["QuadClass"]) == ("040", "04", "1")
    assert talks["CAMEOEventName"] == "Consult, not specified below"
    assert talks["GlobalEventID"].isdigit() and len(talks["DATEADDED"]) == 14
    pact = next(r for r in body if r["EventCode"] == "057")
    assert pact["Actor2KnownGroupCode"] == "SCO"


def test_icews_export_rows(store, tmp_path):
    out = tmp_path / "events.tab"
    export(store.events(columns=layout_columns("icews")), "icews", out)
    rows = _tsv(out)
    assert rows[0] == ICEWS_COLUMNS
    body = [dict(zip(rows[0], r)) for r in rows[1:]]
    accuse = next(r for r in body if r["CAMEO Code"] == "112")
    assert accuse["Event Text"] == "Accuse, not specified below"
    assert (accuse["Source Country"], accuse["Target Country"]) == ("United States", "Iran")
    assert accuse["City"] == "NA" and accuse["Sentence Number"] == "1"


def test_located_caption_in_gdelt_and_icews(tmp_path):
    from realpolitik import api

    src = tmp_path / "ufa.txt"
    src.write_text("Putin and Rouhani meet in Ufa\n\nVladimir Putin meets Hassan Rouhani in Ufa, Russia, July 9, "
                   "2015.\n", encoding="utf-8")
    db = tmp_path / "e.duckdb"
    api.ingest([str(src)], db=db, date=dt.date(2015, 7, 10), classifier=None)
    export(api.events(db, columns=layout_columns("gdelt")), "gdelt", tmp_path / "g.tsv")
    rows = _tsv(tmp_path / "g.tsv")
    g = [dict(zip(rows[0], r)) for r in rows[1:]]
    assert g and all(r["ActionGeo_FullName"] == "Ufa, Bashkortostan, Russia" for r in g)
    assert {(r["ActionGeo_Type"], r["ActionGeo_CountryCode"], r["ActionGeo_ADM1Code"]) for r in g} == {("4", "RS", "RS08")}
    assert abs(float(g[0]["ActionGeo_Lat"]) - 54.74) < 0.05 and abs(float(g[0]["ActionGeo_Long"]) - 55.97) < 0.05
    export(api.events(db, columns=layout_columns("icews")), "icews", tmp_path / "i.tab")
    i = [dict(zip(ICEWS_COLUMNS, r)) for r in _tsv(tmp_path / "i.tab")[1:]]
    assert {(r["City"], r["Province"], r["Country"]) for r in i} == {("Ufa", "Bashkortostan", "Russia")}


def test_csv_codes_read_back_as_text(store, tmp_path):
    out = tmp_path / "events.csv"
    export(store.events(include_hypothetical=True), "csv", out)
    back = read_csv(out)
    assert "040" in set(back["cameo_code"]) and "04" in set(back["cameo_root"])
    naive = pd.read_csv(out)
    assert 40 in set(naive["cameo_code"])  # why read_csv (or dtype=str) is needed
    assert isinstance(back["event_date"].iloc[0], dt.date)
