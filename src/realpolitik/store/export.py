"""Write a query result as a rich table, CSV, JSON Lines, JSON or Parquet (to a file or stdout)."""
from __future__ import annotations

import datetime as dt
import json
import math
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from realpolitik.errors import StoreError
from realpolitik.store.query import ACTOR_TABLE_COLUMNS, MENTION_TABLE_COLUMNS, TABLE_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "jsonl", "json", "parquet", "gdelt", "icews")


def export(df: pd.DataFrame, fmt: str = "table", out: str | Path | None = None,
           columns: list[str] | None = None, console: Any = None) -> None:
    """Write ``df`` as ``fmt`` to ``out`` (stdout when None; parquet needs a file)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if columns:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise StoreError(f"unknown column(s): {', '.join(missing)}")
        df = df[columns]
    if fmt == "parquet":
        if out is None:
            raise StoreError("parquet is binary: give an output file (--out events.parquet)")
        _check_out(out)
        df.to_parquet(out, index=False)
        return
    if out is None:
        _write(df, fmt, sys.stdout, console, columns)
        return
    _check_out(out)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        _write(df, fmt, fh, None, columns)


STREAMED = ("csv", "jsonl", "parquet", "gdelt", "icews")


def export_events(db: str | Path | None, fmt: str = "table", out: str | Path | None = None,
                  chunk_rows: int = 100_000, **filters: Any) -> None:
    """`realpolitik events`: write the events matching ``filters`` (those of ``Store.events``) as ``fmt``.

    CSV, JSON Lines, Parquet and the GDELT/ICEWS layouts stream ``chunk_rows`` rows at a time, so memory does
    not grow with the export; a table and a JSON array are built whole (a table is for a terminal)."""
    from realpolitik.store.store import Store

    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise StoreError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    store = Store(db, read_only=True)
    filters.setdefault("columns", layout_columns(fmt))
    if fmt not in STREAMED:
        export(store.events(**filters), fmt, out)
        return
    if fmt == "parquet":
        if out is None:
            raise StoreError("parquet is binary: give an output file (--out events.parquet)")
        _check_out(out)
        import pyarrow.parquet as pq

        writer = None
        try:
            for batch in store.event_chunks(chunk_rows, arrow=True, **filters):
                if writer is None:
                    writer = pq.ParquetWriter(str(out), batch.schema)
                writer.write_batch(batch)
            if writer is None:  # no rows: an empty file with the columns
                export(store.events(**{**filters, "limit": 0}), fmt, out)
        finally:
            if writer is not None:
                writer.close()
        return

    def write(fh: TextIO) -> None:
        first = True
        for chunk in store.event_chunks(chunk_rows, **filters):
            _write(chunk, fmt, fh, None, None, header=first)
            first = False
        if first:  # no rows: the header alone
            _write(store.events(**{**filters, "limit": 0}), fmt, fh, None, None, header=True)

    if out is None:
        write(sys.stdout)
        return
    _check_out(out)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        write(fh)


def _check_out(out: str | Path) -> None:
    path = Path(out).expanduser().resolve()
    if path.is_dir():
        raise StoreError(f"cannot write {out}: it is a folder; give a file name")
    parent = path.parent
    if not parent.is_dir():
        raise StoreError(f"cannot write {out}: folder {parent} does not exist")


def _write(df: pd.DataFrame, fmt: str, fh: TextIO, console: Any, columns: list[str] | None,
           header: bool = True) -> None:
    if fmt in ("gdelt", "icews"):
        need = GDELT_SOURCE_COLUMNS if fmt == "gdelt" else ICEWS_SOURCE_COLUMNS
        missing = [c for c in need if c not in df.columns and c not in ("sentence_number", "date_added")]
        if missing:
            raise StoreError(f"--format {fmt} needs the event column(s) {', '.join(missing)}")
        if fmt == "gdelt":
            _write_layout(fh, GDELT_COLUMNS + GDELT_EXTRA, gdelt_rows(df), header)
        else:
            _write_layout(fh, ICEWS_COLUMNS, icews_rows(df), header)  # ICEWS's Event Text is the CAMEO event name
    elif fmt == "table":
        render_table(df, fh, console, columns)
    elif fmt == "csv":
        flat = df.copy()
        for col in flat.columns:
            if flat[col].dtype == object and any(isinstance(v, (list, tuple)) for v in flat[col]):
                flat[col] = flat[col].map(lambda v: ";".join(map(str, v)) if isinstance(v, (list, tuple)) else v)
        flat.to_csv(fh, index=False, date_format="%Y-%m-%d", header=header)
    elif fmt == "jsonl":
        for rec in records(df):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        json.dump(records(df), fh, ensure_ascii=False, indent=1)
        fh.write("\n")


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts: dates as ISO strings, missing values as None, numpy scalars as Python."""
    return [{k: _plain(v) for k, v in row.items()} for row in df.to_dict(orient="records")]


def _plain(v: Any) -> Any:
    import pandas as pd  # already loaded: a DataFrame is being written

    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):  # numpy scalars / arrays
        v = v.tolist()
        if isinstance(v, list):
            return [_plain(x) for x in v]
    if v is None or v is pd.NaT or (isinstance(v, float) and math.isnan(v)):
        return None
    if v is pd.NA:
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat() if v == v.normalize() else v.isoformat()
    if isinstance(v, dt.datetime):
        return v.date().isoformat() if v.time() == dt.time() else v.isoformat()
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def render_table(df: pd.DataFrame, fh: TextIO | None = None, console: Any = None,
                 columns: list[str] | None = None, title: str | None = None) -> None:
    """A rich table; an events frame shows a compact column set unless ``columns`` were chosen."""
    from rich.console import Console
    from rich.table import Table

    from realpolitik.terminal import safe

    if columns is None:
        for compact in (TABLE_COLUMNS, MENTION_TABLE_COLUMNS, ACTOR_TABLE_COLUMNS):
            if set(compact) <= set(df.columns):
                df = df[compact]
                break
    if console is None:
        target = fh or sys.stdout
        # A pipe or file has no width; rich's 80 columns would fold every header.
        console = Console(file=target, width=None if target.isatty() else 200)
    table = Table(title=safe(title) if title else None, show_lines=False)
    for col in df.columns:
        table.add_column(safe(col), overflow="fold")
    for rec in records(df):
        table.add_row(*(_cell(v) for v in rec.values()))
    console.print(table)
    console.print(f"{len(df)} row{'s' if len(df) != 1 else ''}", style="dim")


def _cell(v: Any, items: int = 3) -> str:
    """A table cell; long lists show their first items and how many more there are."""
    from realpolitik.terminal import safe  # cells hold stored text: never Rich markup, never raw controls

    if v is None:
        return ""
    if isinstance(v, list):
        more = f" (+{len(v) - items})" if len(v) > items else ""
        return safe("; ".join(map(str, v[:items])) + more)
    return safe(v)


# ---------------------------------------------------------------- GDELT 2.0 and ICEWS layouts

# The GDELT 2.0 event table, in the codebook's order (GDELT Event Codebook V2.0, 2015): 61 fields.
GDELT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{f}" for n in (1, 2) for f in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                                                "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                                                "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions",
    "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{f}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for f in ("Type", "FullName", "CountryCode",
                                                                          "ADM1Code", "ADM2Code", "Lat", "Long",
                                                                          "FeatureID")],
    "DATEADDED", "SOURCEURL",
]
# Added after GDELT's 61 fields, so tools that read GDELT by position still find theirs.
GDELT_EXTRA = ["CAMEOEventName"]
# The ICEWS event file header (Boschee et al., ICEWS Coded Event Data, Harvard Dataverse).
ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]
# Event columns each layout is built from (asked for explicitly: `sentence_number` is not a default column).
GDELT_SOURCE_COLUMNS = [
    "event_id", "event_date", "source_name", "source_code", "source_country", "source_sector", "source_kind",
    "target_name", "target_code", "target_country", "target_sector", "target_kind", "cameo_code", "cameo_name",
    "cameo_base", "cameo_root", "quad_class", "goldstein", "segment_kind", "url", "doc_path", "date_added",
    "num_mentions", "num_sources", "num_articles", "is_root_event",
    *[f"{side}_geo_{f}" for side in ("action", "source", "target")
      for f in ("name", "type", "country", "adm1", "adm1_code", "lat", "lon", "feature_id")],
]
ICEWS_SOURCE_COLUMNS = [
    "event_id", "event_date", "source_name", "source_sector", "source_country", "target_name", "target_sector",
    "target_country", "cameo_code", "cameo_name", "goldstein", "doc_id", "sentence_number", "publisher",
    "action_geo_name", "action_geo_type", "action_geo_adm1", "action_geo_country", "action_geo_lat",
    "action_geo_lon",
]
# CAMEO sector codes as ICEWS names them.
SECTOR_NAMES = {
    "GOV": "Government", "MIL": "Military", "REB": "Rebel", "OPP": "Opposition", "JUD": "Judicial",
    "LEG": "Legislative", "BUS": "Business", "CVL": "Civilian", "MED": "Media", "EDU": "Education",
    "COP": "Police", "SPY": "Intelligence", "ELI": "Elite", "HLH": "Health", "LAB": "Labor", "AGR": "Agriculture",
    "REF": "Refugees", "CRM": "Criminal", "INS": "Insurgents", "SEP": "Separatists", "UAF": "Armed Forces",
    "REL": "Religious", "IGO": "International Government Organization", "NGO": "Non-Governmental Organization",
    "ENV": "Environment", "HRI": "Human Rights", "MOD": "Moderate", "RAD": "Radical",
}


def _s(v: Any) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    import pandas as pd

    if v is pd.NA or v is pd.NaT:
        return ""
    return str(v)


def _day(v: Any) -> dt.date | None:
    if v is None or _s(v) == "":
        return None
    if isinstance(v, dt.datetime):  # pandas Timestamps too
        return v.date()
    if isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def _gdelt_id(event_id: str) -> str:
    """GDELT ids are integers: the first 60 bits of our hex event id, in decimal (stable, fits INT64)."""
    try:
        return str(int(str(event_id)[:15], 16))
    except ValueError:
        return str(event_id)


def _gdelt_geo(row: dict, side: str) -> list[str]:
    """Type, FullName, CountryCode (FIPS 10-4), ADM1Code, ADM2Code, Lat, Long, FeatureID."""
    from realpolitik.geo.gazetteer import load_gazetteer

    kind = _s(row.get(f"{side}_geo_type"))
    iso3 = _s(row.get(f"{side}_geo_country"))
    if not kind or not iso3:
        return [""] * 8
    country = load_gazetteer().countries.get(iso3)
    fips = country.fips if country is not None else ""
    cname = country.name if country is not None else iso3
    adm1 = _s(row.get(f"{side}_geo_adm1"))
    code = _s(row.get(f"{side}_geo_adm1_code"))
    adm1_code = fips + code.split(".", 1)[1] if fips and "." in code else fips
    us = iso3 == "USA"
    gtype = {"country": 1, "region": 1, "admin1": 2 if us else 5}.get(kind, 3 if us else 4)
    name = _s(row.get(f"{side}_geo_name"))
    if kind in ("country", "region"):
        full = cname if kind == "country" else f"{name}, {cname}"
    elif kind == "admin1":
        full = f"{name}, {cname}"
    else:
        full = ", ".join(x for x in (name, adm1, cname) if x)
    feature = _s(row.get(f"{side}_geo_feature_id"))
    if kind == "country":
        feature = fips
    elif kind == "admin1":
        feature = adm1_code
    return [str(gtype), full, fips, adm1_code, "", _s(row.get(f"{side}_geo_lat")), _s(row.get(f"{side}_geo_lon")),
            feature]


def _known_group(code: str) -> str:
    return code[3:6] if code[:3] in ("IGO", "NGO", "IMG") else ""


def gdelt_rows(df: pd.DataFrame) -> list[list[str]]:
    """Events as GDELT 2.0 event-table fields (61, in the codebook's order) plus the CAMEO event name."""
    out = []
    for row in df.to_dict(orient="records"):
        day = _day(row.get("event_date"))
        added = row.get("date_added")
        added_s = added.strftime("%Y%m%d%H%M%S") if hasattr(added, "strftime") else ""
        fields = [_gdelt_id(row["event_id"]),
                  day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
                  str(day.year) if day else "",
                  f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""]
        for side in ("source", "target"):
            code = _s(row.get(f"{side}_code"))
            fields += [code, _s(row.get(f"{side}_name")).upper(), _s(row.get(f"{side}_country")), _known_group(code),
                       "", "", "", _s(row.get(f"{side}_sector")), "", ""]
        root = row.get("is_root_event")
        if root is None or _s(root) == "":
            root = row.get("segment_kind") in ("title", "caption")
        fields += ["1" if bool(root) else "0", _s(row.get("cameo_code")), _s(row.get("cameo_base")),
                   _s(row.get("cameo_root")), _s(row.get("quad_class")), _s(row.get("goldstein")),
                   _s(row.get("num_mentions")) or "1", _s(row.get("num_sources")) or "1",
                   _s(row.get("num_articles")) or "1", ""]
        for side in ("source", "target", "action"):
            fields += _gdelt_geo(row, side)
        fields += [added_s, _s(row.get("url")) or _s(row.get("doc_path")), _s(row.get("cameo_name"))]
        out.append(fields)
    return out


def _na(v: Any) -> str:
    return _s(v) or "NA"


def icews_rows(df: pd.DataFrame) -> list[list[str]]:
    """Events in the ICEWS event-file layout (missing text as "NA", as ICEWS writes it)."""
    from realpolitik.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()

    def country(iso3: Any) -> str:
        c = gaz.countries.get(_s(iso3))
        return c.name if c is not None else _na(iso3)

    def sectors(code: Any) -> str:
        c = _s(code)
        return SECTOR_NAMES.get(c, c) if c else "NA"

    out = []
    for row in df.to_dict(orient="records"):
        day = _day(row.get("event_date"))
        kind = _s(row.get("action_geo_type"))
        city = _s(row.get("action_geo_name")) if kind in ("city", "site") else ""
        province = _s(row.get("action_geo_adm1")) or (_s(row.get("action_geo_name")) if kind == "admin1" else "")
        out.append([
            _s(row["event_id"]), day.isoformat() if day else "", _na(row.get("source_name")),
            sectors(row.get("source_sector")), country(row.get("source_country")), _na(row.get("cameo_name")),
            _s(row.get("cameo_code")), _s(row.get("goldstein")), _na(row.get("target_name")),
            sectors(row.get("target_sector")), country(row.get("target_country")), _s(row.get("doc_id")),
            _s(row.get("sentence_number")), _na(row.get("publisher")), city or "NA", "NA", province or "NA",
            country(row.get("action_geo_country")) if kind else "NA", _s(row.get("action_geo_lat")),
            _s(row.get("action_geo_lon")),
        ])
    return out


def layout_columns(fmt: str) -> list[str] | None:
    """The event columns a GDELT/ICEWS export is built from (None: the default row, for other formats)."""
    fmt = fmt.lower()
    return GDELT_SOURCE_COLUMNS if fmt == "gdelt" else ICEWS_SOURCE_COLUMNS if fmt == "icews" else None


def _write_layout(fh: TextIO, header: list[str], rows: list[list[str]], with_header: bool = True) -> None:
    """Tab-separated, one header line; tabs and newlines inside a field become spaces."""
    clean = str.maketrans({"\t": " ", "\n": " ", "\r": " "})
    if with_header:
        fh.write("\t".join(header) + "\n")
    for r in rows:
        fh.write("\t".join(f.translate(clean) for f in r) + "\n")


def read_csv(path: str | Path) -> pd.DataFrame:
    """Read a `--format csv` export back with codes as text ("042" stays "042", not 42), dates as dates."""
    import pandas as pd

    text_cols = {c: str for c in CODE_COLUMNS}
    df = pd.read_csv(path, dtype=text_cols, keep_default_na=False, na_values=[""])
    for col in ("event_date", "doc_date", "first_seen", "last_seen"):
        if col in df.columns:
            df[col] = pd.to_datetime(df[col]).dt.date
    return df


# Columns that hold codes: written as text, and read back as text by read_csv (or `dtype=str`).
CODE_COLUMNS = ["event_id", "cameo_code", "cameo_base", "cameo_root", "source_code", "target_code", "source_country",
                "target_country", "source_actor_id", "target_actor_id", "sentence_id", "doc_id",
                *[f"{side}_geo_{f}" for side in ("action", "source", "target") for f in ("adm1_code", "feature_id")]]
