"""Developer tool: import NGOs and national agencies of the Phoenix dictionaries into data/actors/phoenix_orgs.csv.

Not used at run time (loading Phoenix wholesale made dyad scores worse: issue 10). Reads
Phoenix.International.actors.txt (its undated NGO entries: Amnesty International, Friends of the Earth, ...)
and Phoenix.Countries.actors.txt (the undated entries of a country's agencies, coded {ISO3}{SECTOR}...: USAID
USAGOVDEV, US Immigration and Customs Enforcement USAGOV, GCHQ GBRSPY, ...), both openeventdata/petrarch2, MIT,
(c) 2014 Open Event Data Alliance. Kept: names that are no person (spaCy's NER on the name alone) and no
common word (a one-word name in WordNet's word lists, as spaCy's English lemmatizer ships them: "Care",
"Shelter"); parties (parties.yaml has them), multinational companies and dated entries (people) are left out.
Each row keeps Phoenix's code, with the country and sector it spells (NGOHRI: sector HRI; NGOGBR: country
GBR). Names the shipped knowledge base already resolves are dropped when it is loaded (curated entries win).
Usage:
    python scripts/build_orgs.py ../shared/dictionaries/Phoenix.International.actors.txt \\
                                 ../shared/dictionaries/Phoenix.Countries.actors.txt
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_igos import _display, _key, read_blocks  # noqa: E402  (the same reader and name forms)

DATA = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "data" / "actors"
OUT = DATA / "phoenix_orgs.csv"
# CAMEO sector codes (the actor codebook, Schrodt 2012) an NGO or agency code may spell after its head
SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "INS", "MED", "BUS", "CVL", "EDU", "REF", "REL", "SPY",
           "COP", "LAB", "AGR", "HLH", "HRI", "CRM", "ELI", "ENV", "DEV", "UAF", "MOD", "RAD"}
_CODE = re.compile(r"^[A-Z]{3,}$")


def _countries() -> set[str]:
    with (DATA / "countries.csv").open(encoding="utf-8") as fh:
        rows = [line for line in fh if not line.startswith("#")]
    return {r["iso3"] for r in csv.DictReader(rows)}


def _common_words() -> set[str]:
    """WordNet's nouns, verbs, adjectives and adverbs, as spaCy's English lemmatizer ships them."""
    from realpolitik.nlp import load_nlp

    table = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {w.lower() for key in table.keys() for w in table[key]}


def _people(names: list[str]) -> set[str]:
    """The names spaCy reads as (part of) a person's: a PERSON entity in 'NAME said.' ('Mr Assad said.')."""
    from realpolitik.nlp import load_nlp

    nlp = load_nlp()
    return {name for name, doc in zip(names, nlp.pipe(f"{n} said." for n in names))
            if any(e.label_ == "PERSON" and e.start_char < len(name) for e in doc.ents)}


def _split(code: str, countries: set[str]) -> tuple[str, str | None, str | None]:
    """(kind, country, sector) an NGO or agency code spells: after its head (NGO, or the country), the first
    three-letter part that is a country and the first that is a sector (NGOIRLCHRCTHDEV: IRL, DEV)."""
    kind, rest = ("ngo", code[3:]) if code.startswith("NGO") else ("institution", code[3:])
    parts = [rest[i:i + 3] for i in range(0, len(rest) - 2, 3)]
    country = code[:3] if kind == "institution" else next((p for p in parts if p in countries), None)
    sector = next((p for p in parts if p in SECTORS), None)
    return kind, country, sector


_LEADING = re.compile(r"^(the |us |u s |united states |american )")


def _core(name: str) -> str:
    """A name without a leading article or the US's name: "US Border Patrol" and "United States Border Patrol"."""
    key = _key(name).replace(".", " ")
    return _LEADING.sub("", " ".join(key.split()))


def _initials(name: str) -> str:
    small = {"of", "the", "and", "for", "on", "in", "to", "de", "des", "la", "du", "et", "a"}
    return "".join(w if w.isupper() and len(w) <= 3 else w[0] for w in name.replace("-", " ").split()
                   if w.lower() not in small).upper().replace(".", "")


def _actors(names: list[str]) -> list[list[str]]:
    """A block's names split into actors: Phoenix lists several agencies under one code (the Department of
    Homeland Security with FEMA, the TSA and the Border Patrol); names are one actor only when they are the
    same name but for a leading "US"/"United States", or one is the other's initials (USAID)."""
    groups: list[list[str]] = []
    for n in names:
        for g in groups:
            if any(_core(n) == _core(m) or n.replace(".", "") == _initials(m) or m.replace(".", "") == _initials(n)
                   for m in g):
                g.append(n)
                break
        else:
            groups.append([n])
    return groups


def build(international: Path, country_file: Path) -> list[dict[str, str]]:
    countries = _countries()
    blocks = []
    for names, codes, dated in read_blocks(international):
        if not dated and codes and codes[0].startswith("NGO") and _CODE.match(codes[0]):
            blocks.append((names, codes[0]))
    for names, codes, dated in read_blocks(country_file):
        code = codes[0] if codes else ""
        if dated or not _CODE.match(code) or code[:3] not in countries or len(code) < 6:
            continue
        if code[3:6] not in SECTORS or code[3:6] in ("PTY", "ELI", "CVL"):
            continue  # parties are in parties.yaml; elites and civilians are people, not bodies
        blocks.append((names, code))
    common = _common_words()
    shown = {n: _display(n) for names, _ in blocks for n in names}
    persons = _people(sorted(set(shown.values())))
    rows: dict[str, dict[str, str]] = {}
    for names, code in blocks:
        keep = []
        for n in names:
            d = shown[n]
            words = _key(d).split()
            if (len(_key(d)) < 3 or d in persons or (len(words) == 1 and words[0] in common)
                    or any(ch.isdigit() for ch in d) and len(words) == 1):
                continue
            keep.append(d)
        kind, country, sector = _split(code, countries)
        groups = [list(dict.fromkeys(keep))] if kind == "ngo" else _actors(list(dict.fromkeys(keep)))
        for group in groups:
            if not group:
                continue
            full = max(group, key=len)
            slug = re.sub(r"[^a-z0-9]+", "-", _key(full)).strip("-")
            rid = f"ngo:{slug}" if kind == "ngo" else f"inst:{country}:{slug}"
            row = rows.setdefault(rid, {"id": rid, "name": full, "code": code, "kind": kind, "country": country or "",
                                        "sector": sector or "", "aliases": ""})
            have = row["aliases"].split("|") if row["aliases"] else []
            row["aliases"] = "|".join(dict.fromkeys(have + group))
    return sorted(rows.values(), key=lambda r: (r["kind"], r["code"], r["name"]))


def main(argv: list[str]) -> None:
    rows = build(Path(argv[0]), Path(argv[1]))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        fh.write("# NGOs and national agencies imported from the PETRARCH/Phoenix dictionaries Phoenix.International."
                 "actors.txt and Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT, (c) 2014 Open Event Data "
                 "Alliance) by scripts/build_orgs.py: Phoenix's CAMEO codes and names; people, common words, parties "
                 "and companies left out. MIT.\n")
        w = csv.DictWriter(fh, fieldnames=["id", "name", "code", "kind", "country", "sector", "aliases"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows ({sum(r['kind'] == 'ngo' for r in rows)} NGOs) to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
