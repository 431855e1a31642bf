"""Developer tool: regenerate data/actors/countries.csv from pycountry + CountryInfo facts.

Not used at run time. Also writes data/actors/leaders.csv (heads of state/government with terms). Usage:
    python scripts/build_countries.py /path/to/CountryInfo.120116.txt
Hand-written additions (metonyms, seats of government, extra demonyms) live in countries_extra.yaml,
which the loader merges on top of this table, so regenerating never loses them.
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import pycountry
import yaml

OUT = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "data" / "actors" / "countries.csv"

# CountryInfo nationality lists mix English adjectives with foreign-language names and typos;
# we keep only entries that look like English words (ASCII letters, spaces, hyphens, dots, apostrophes).
_OK = re.compile(r"^[A-Za-z][A-Za-z .'\-]*$")
# Nationality entries that would capture far too much as plain English words.
_DROP = {"american", "america", "the americas", "guinea", "georgia", "jersey", "man", "chad",
         "turkey", "china", "niger", "malawi", "mali", "congo", "korea", "korean", "united",
         "states", "us", "dominica", "samoa", "samoan", "virgin islands", "sudanese", "sudan",
         "congolese", "guinean", "irish", "ireland", "cyprus", "cypriot"}


def _clean(entry: str) -> str:
    entry = entry.split("#", 1)[0].strip().rstrip("_").replace("_", " ").strip()
    return re.sub(r"\s+", " ", entry)


# Codes CountryInfo gives that are not ISO 3166 alpha-3: Kosovo's CAMEO code (ISO's user-assigned XKX is
# the one this knowledge base uses).
_NOT_ISO = {"KSV": "XKX"}


def block_iso(block: str) -> str | None:
    """The ISO3 code of a CountryInfo <Country> block: its ISO3166-alpha3 field when that is a real ISO code,
    else its CountryCode (the file gives Japan "JON" as ISO3166-alpha3, JPN as CountryCode)."""
    for tag in ("ISO3166-alpha3", "CountryCode"):
        m = re.search(rf"<{tag}>\s*([A-Z]{{3}})", block)
        if m is None:
            continue
        iso = _NOT_ISO.get(m.group(1), m.group(1))
        if iso in _NOT_ISO.values() or pycountry.countries.get(alpha_3=iso) is not None:
            return iso
    return None


def parse_countryinfo(path: Path) -> dict[str, dict[str, list[str]]]:
    """ISO3 -> {"nationality": [...], "capital": [...]} from the CountryInfo pseudo-XML."""
    text = path.read_bytes().decode("latin-1")
    out: dict[str, dict[str, list[str]]] = {}
    for block in text.split("<Country>")[1:]:
        iso = block_iso(block)
        if iso is None:
            continue
        rec: dict[str, list[str]] = {}
        for tag in ("Nationality", "Capital"):
            t = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
            items = [_clean(x) for x in t.group(1).splitlines()] if t else []
            rec[tag.lower()] = [x for x in items if x and _OK.match(x)]
        name = re.search(r"<CountryName>([^<]+)", block)
        rec["ciname"] = [_clean(name.group(1))] if name else []
        if iso in out:  # duplicate codes (territories): keep the first, which is the sovereign state
            continue
        out[iso] = rec
    return out


# CountryInfo files Serbia and Montenegro's names under both of today's states.
_WRONG = {"MNE": {"serb", "serbian", "belgrade", "beograd"}, "SRB": {"montenegrin", "serbian montenegrin"}}
HISTORICAL = OUT.parent / "historical_states.yaml"


def historical_names() -> set[str]:
    """Lower-cased names that always denote a historical state (historical_states.yaml): never a modern one."""
    doc = yaml.safe_load(HISTORICAL.read_text(encoding="utf-8")) or {}
    return {n.lower() for rec in doc.values() for k in ("aliases", "demonyms", "metonyms") for n in rec.get(k) or []}


def build(countryinfo: Path) -> list[dict[str, str]]:
    """One row per ISO 3166 country: iso3, name, aliases, demonyms, capitals ('|'-separated)."""
    ci = parse_countryinfo(countryinfo)
    historical = historical_names()
    rows = []
    for c in pycountry.countries:
        iso = c.alpha_3
        name = getattr(c, "common_name", None) or c.name
        aliases = {c.name, name, getattr(c, "official_name", c.name)}
        rec = ci.get(iso, {})
        demonyms, extra = set(), set()
        for x in rec.get("nationality", []) + rec.get("ciname", []):
            low = x.lower()
            if low in _DROP or len(low) < 4 or low in historical or low in _WRONG.get(iso, ()):
                continue
            # adjectives/demonyms end like English ethnonyms; the rest are alternative names
            (demonyms if re.search(r"(an|ese|ish|ic|i|ch|ot|ss|ean|ian)$", low) and " " not in low
             else extra).add(x.title())
        caps = sorted({x.title() for x in rec.get("capital", [])
                       if x.lower() not in _DROP and x.lower() not in _WRONG.get(iso, ())})
        rows.append({
            "iso3": iso,
            "name": name,
            "aliases": "|".join(sorted(a for a in aliases | extra if a and "," not in a)),
            "demonyms": "|".join(sorted(demonyms)),
            "capitals": "|".join(caps),
        })
    return rows


def main(argv: list[str]) -> None:
    rows = build(Path(argv[0]))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        fh.write("# Countries: ISO 3166 names from pycountry (LGPL-2.1 data from Debian iso-codes); demonyms and "
                 "capitals derived from CountryInfo.120116.txt (openeventdata/CountryInfo, CC BY-SA 3.0). "
                 "This derived table is CC BY-SA 3.0.\n")
        w = csv.DictWriter(fh, fieldnames=["iso3", "name", "aliases", "demonyms", "capitals"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")




# ---------------------------------------------------------------- leaders table

LEADERS_OUT = OUT.parent / "leaders.csv"
_RELIGIOUS = {"AYATOLLAH", "HOJATOLISLAM", "HOJATOLESLAM", "SAYYED", "SHEIKH", "SHAIKH", "GRAND", "IMAM",
              "GENERAL", "GEN.", "COLONEL", "COL.", "LT.", "MAJOR", "MARSHAL", "ADMIRAL", "SIR", "DR.", "PRINCE",
              "KING", "EMIR", "SULTAN", "CAPTAIN", "CAPT."}
# Dependent territories: their governors/chief ministers would make common surnames ambiguous ("Bush").
_TERRITORIES = {"CYM", "BMU", "VGB", "AIA", "ABW", "ASM", "GUM", "PRI", "VIR", "MSR", "TCA", "GIB", "GGY", "JEY",
                "IMN", "FLK", "FRO", "GRL", "NCL", "PYF", "COK", "NIU", "TKL", "WLF", "MYT", "REU", "GLP", "MTQ",
                "GUF", "SHN", "PCN", "NFK", "CXR", "CCK", "ANT", "BES", "CUW", "SXM", "MAF", "BLM", "SPM", "IOT",
                "HKG", "MAC", "MNP", "ALA", "ATF", "BVT", "HMD", "SGS", "UMI", "ESH"}
_LEADER = re.compile(r"^\s*((?:\{[^}]+\})+|[A-Z][^\s\[]*)\s*((?:\[[^\]]*\]\s*)+)")
_DATE = re.compile(r"\[\s*([<>]?)\s*(\d{8})?\s*(?:-\s*(\d{8}))?\s*\]")
_DIED = re.compile(r"\[D:(\d{8})\]")  # CountryInfo's day of death ([B:...] is the birth day)


def _title(tag: str) -> str:
    t = tag.strip().rstrip("s") if not tag.strip().endswith("ss") else tag.strip()
    t = re.sub(r"(ministe)$", "minister", t)
    return " ".join(w.capitalize() for w in t.split())


def _iso(d: str | None) -> str:
    return f"{d[:4]}-{d[4:6]}-{d[6:]}" if d else ""


def _state_of(iso: str, title: str, federal: bool, start: str, end: str) -> str:
    """The state a term belongs to: CountryInfo files historical states' leaders under a successor."""
    if iso == "RUS" and end and end <= "1991-12-25":
        return "USR"
    if iso == "DEU" and title.startswith("Chairmen Of The Council Of"):  # the GDR's Council of State/Ministers
        return "DDR"
    if iso == "CZE" and title == "President" and end and end <= "1992-12-31":
        return "CSK"
    if iso == "SRB" and federal:  # the federal sections of the SRB block: Yugoslavia, then Serbia and Montenegro
        return "SCG" if start and start >= "2003-02-04" else "YUG"
    return iso


def build_leaders(countryinfo: Path) -> list[dict[str, str]]:
    """Heads of state and government (~1960-2011) from the <Leaders> blocks of CountryInfo."""
    text = countryinfo.read_bytes().decode("latin-1")
    rows: list[dict[str, str]] = []
    for block in text.split("<Country>")[1:]:
        iso = block_iso(block)
        lead = re.search(r"<Leaders>(.*?)</Leaders>", block, re.S)
        if iso is None or not lead:
            continue
        if iso in _TERRITORIES:
            continue
        title = ""
        federal = False  # in the SRB block, the sections from the League's presidium on are Yugoslavia's
        for line in lead.group(1).splitlines():
            line = line.split("#", 1)[0]
            tag = re.match(r"^\s*<([^/>(][^>(]*)[^>]*>\s*$", line)
            if tag:
                title = _title(tag.group(1))
                federal = federal or title.startswith("Presidents Of The Presidium Of The League")
                continue
            lm = _LEADER.match(line)
            if not lm:
                continue
            names = re.findall(r"\{([^}]+)\}", lm.group(1)) or [lm.group(1)]
            aliases = []
            for n in names:
                words = [w for w in n.strip("_").split("_") if w]
                if not words or not all(re.match(r"^[A-Z][A-Z.'\-]*$", w) for w in words):
                    continue
                aliases.append(" ".join(w.title() for w in words))
                bare = [w for w in words if w not in _RELIGIOUS]
                if bare and bare != words:
                    aliases.append(" ".join(w.title() for w in bare))
            if not aliases:
                continue
            died = _DIED.search(lm.group(2))
            for dm in _DATE.finditer(lm.group(2)):
                mark, a, b = dm.groups()
                if mark == ">":
                    start, end = a, None
                elif mark == "<":
                    start, end = None, a
                else:
                    start, end = a, b
                if not (start or end):
                    continue
                rows.append({"name": aliases[-1] if len(aliases) > 1 else aliases[0],
                             "aliases": "|".join(dict.fromkeys(aliases)),
                             "iso3": _state_of(iso, title, federal, _iso(start), _iso(end)),
                             "title": title, "start": _iso(start), "end": _iso(end),
                             "died": _iso(died.group(1)) if died else ""})
    return rows


def main_leaders(argv: list[str]) -> None:
    rows = build_leaders(Path(argv[0]))
    with LEADERS_OUT.open("w", newline="", encoding="utf-8") as fh:
        fh.write("# Heads of state and government, ~1960-2011, derived from the <Leaders> blocks of "
                 "CountryInfo.120116.txt (openeventdata/CountryInfo, CC BY-SA 3.0). This derived table is "
                 "CC BY-SA 3.0. One row per term; code is {iso3}GOV during the term. Terms of historical "
                 "states (USR, DDR, CSK, YUG, SCG) carry that state's code (scripts/build_countries.py). "
                 "died: CountryInfo's day of death, where it gives one.\n")
        w = csv.DictWriter(fh, fieldnames=["name", "aliases", "iso3", "title", "start", "end", "died"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows to {LEADERS_OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
    main_leaders(sys.argv[1:])
