"""Developer tool: import the intergovernmental organisations of the Phoenix dictionary into data/actors/igos.csv.

Not used at run time (loading Phoenix wholesale made dyad scores worse: issue 10). Reads
Phoenix.International.actors.txt (openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance),
keeps the undated entries coded IGO..., drops people, offices and bodies that are no IGO, merges the
names of one organisation, and writes one row per organisation with Phoenix's CAMEO code. Organisations
the hand-written organizations.yaml already knows (same name) become extra aliases of that entry
(its id and code win). Usage:
    python scripts/build_igos.py ../shared/dictionaries/Phoenix.International.actors.txt
"""
from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "data" / "actors"
OUT = DATA / "igos.csv"
_CODE = re.compile(r"\[([^\]]*)\]")

# Entries of the IGO sections that are people, offices, missions of one country, generic words or NGOs.
_DROP = {
    "brian murgatroyd", "nabila a goldi mzali", "lyonpo chenkyab dorji", "ong keng yong", "carlos santos cruz",
    "ejeviome eloh otobo", "jan erik wilhelmsen", "lena sundh", "matthew kahane", "philip alston",
    "opia mensah kumah", "r k pachauri", "rk pachauri", "samlee plianbangchang", "peter cordingley",
    "manfred nowak", "louise arbour", "gillian mellsop", "ralph fiennes", "abraham abraham", "graeme wheeler",
    "richard ragan", "catherine ashton", "lady ashton", "lady catherine ashton", "baroness ashton",
    "baroness catherine ashton", "charles whiteley", "helen campbell", "johannese schaehinger",
    "nicholas costello", "stefan frowein",
    "international government organisation", "international government organization", "mayors for peace",
    "organization of world heritage cities", "united cities and local governments",
    "international truce monitoring group", "christian catholic", "ora international", "saferworld",
    "world family organization", "coalition against wildlife trafficking",
    "association mondiale des amis de l'enfance", "europarc federation", "american correctional association",
    "parliamentarians for global action", "european commission to the philippines",
    "world bank family network book project", "un millennium project",
    "ec/unfpa initiative for reproductive health in asia", "the wb", "wb", "asean countries", "asean defense ministers",
    "southeast asian nations", "south asian association", "unscr", "europe", "un bodies", "un envoy", "un mission",
    "un resident", "un special envoy for burma", "united nations monitor", "un monitor", "indian un peacekeeper",
    "monuc indian contingent", "ohchr nepal", "g 8", "g 7", "un sec gen", "un secy gen", "unsg", "antarctic treaty",
    "council of security and cooperation in europe",  # Phoenix's name for the CSCE: see organizations.yaml (OSCE)
}
# Words that make a name an office or a person's title rather than the organisation.
_ROLE = re.compile(r"\b(secretary|secy|president|chief|envoy|representative|rapporteur|high representative)\b")
# Names of one organisation listed as separate entries (acronym, spellings): merged under the first.
# A group whose first name is an organizations.yaml alias joins that entry.
_SAME = [
    ["association of southeast asian nations", "association of southeast asia nations",
     "association of south east asian nations"],
    ["unicef", "united nations children's fund"],
    ["un peacekeepers", "monuc"],
    ["food and agriculture organization", "united nations food and agriculture organization"],
    ["international labour organization", "international labor organization"],
    ["central american parliament", "parlacen"],
    ["southern african development community", "sadc"],
    ["intergovernmental authority on development", "igad"],
    ["economic community of west african states", "ecowas"],
    ["community of sahel saharan states", "censad", "cen sad", "sahel saharan states", "community of saharan states",
     "community of sahel states"],
    ["south asian free trade area", "safta"],
    ["bank of central african states", "beac"],
    ["monetary and economic community of central africa", "cemac"],
    ["sri lanka monitoring mission", "slmm"],
    ["inter parliamentary union", "ipu"],
    ["organization of african unity", "oau"],
    ["organization of arab petroleum exporting countries", "oapec"],
    ["organization of islamic conferences", "oic", "organization of the islamic conference"],
    ["office of the un high commissioner for human rights", "ohchr", "un high commission for human rights",
     "united nations commission for human rights"],
    ["un high commission for refugees", "unhcr", "united nations commission for refugees"],
    ["united nations educational, scientific and cultural organization", "unesco"],
    ["united nations development fund for women", "unifem"],
    ["economic and social commission for asia and the pacific", "unescap"],
    ["intergovernmental panel on climate change", "inter governmental panel on climate change", "ipcc"],
    ["un department of peacekeeping operations", "dpko"],
    ["un secretariat", "secretariat of the un", "secretariat of the united nations", "united nations secretariat"],
    ["organization of american states", "oas"],
    ["african union peace and security council", "aupsc", "pscau"],
    ["organisation of eastern caribbean states", "organization of eastern caribbean states"],
    ["organisation for security and co-operation in europe", "organisation for security and cooperation in europe",
     "organization for security and co-operation in europe", "organization for security and cooperation in europe"],
    ["organisation for economic cooperation and development", "organization for economic cooperation and development"],
    ["west african development bank", "west africa development bank"],
    ["cocoa producers' alliance", "cocoa producer's alliance"],
    ["indo bangladesh joint rivers commission", "indo bangla joint river commission"],
]
# Other names of these organisations in English news (facts): added to the imported rows.
_EXTRA = {
    "organization of non aligned countries": ["Non-Aligned Movement", "NAM"],
    "caribbean community": ["CARICOM"],
    "organisation for economic cooperation and development": ["OECD",
                                                              "Organisation for Economic Co-operation and Development"],
    "union of south american nations": ["UNASUR"],
    "andean community": ["Andean Community of Nations"],
    "la francophonie": ["Organisation internationale de la Francophonie", "Francophonie"],
    "economic cooperation organization": ["ECO"],
    "common market for eastern and southern africa": ["COMESA"],
    "economic community of central african states": ["ECCAS"],
    "east african community": ["EAC"],
    "european free trade association": ["EFTA"],
    "european bank for reconstruction and development": ["EBRD"],
    "asian development bank": ["ADB"],
    "african development bank": ["AfDB"],
    "inter american development bank": ["Inter-American Development Bank", "IDB", "IADB"],
    "islamic development bank": ["IsDB"],
    "bank for international settlements": ["BIS"],
    "arab bank for economic develoment in africa": ["Arab Bank for Economic Development in Africa", "BADEA"],
    "arab maghreb union": ["AMU"],
    "group of seventy seven": ["G77", "G-77", "Group of 77"],
    "nuclear suppliers group": ["NSG"],
    "international energy agency": ["IEA"],
    "international civil aviation organization": ["ICAO"],
    "world tourism organization": ["UNWTO"],
    "international telecommunications union": ["International Telecommunication Union", "ITU"],
    "universal postal union": ["UPU"],
    "international maritime organization": ["IMO"],
    "food and agriculture organization": ["FAO"],
    "international labour organization": ["ILO", "International Labour Organisation"],
    "un department of peacekeeping operations": ["UN peacekeeping department"],
    "southeast asia collective defense treaty": ["Manila Pact"],
    "african caribbean and pacific group of states": ["ACP"],
    "pacific community": ["Secretariat of the Pacific Community", "SPC"],
    "new economic partnership for africa's development": ["New Partnership for Africa's Development", "NEPAD"],
    "western european union": ["WEU"],
    "developing eight countries": ["D-8", "D8"],
    "international grains council": ["IGC"],
    "international criminal police organization": ["ICPO"],
    "african union peace and security council": ["African Union Peace and Security Council",
                                                 "AU Peace and Security Council"],
    "community of sahel saharan states": ["CEN-SAD", "Community of Sahel-Saharan States"],
    "undp": ["United Nations Development Programme", "UN Development Programme"],
    "saarc": ["South Asian Association for Regional Cooperation"],
    "united nations educational, scientific and cultural organization": [
        "United Nations Educational Scientific and Cultural Organization"],
    "secretariat of the united nations": [],
    "world health assembly": [],
}
_SMALL = {"of", "the", "and", "for", "on", "in", "to", "de", "des", "la", "du", "et", "a"}
_UPPER = {"un", "u.n.", "eu", "ec", "uk", "us"}


def _key(name: str) -> str:
    """As the knowledge base normalises aliases: lower case, no dots, no leading 'the'."""
    key = " ".join(name.lower().replace(".", "").replace("_", " ").split())
    return key[4:] if key.startswith("the ") else key


def _display(name: str) -> str:
    """Phoenix writes names in capitals: 'ASSOCIATION OF SOUTHEAST ASIAN NATIONS' -> 'Association of Southeast ...'."""
    words = name.split()
    if len(words) == 1 and len(name) <= 8:
        return name  # an acronym
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in _UPPER:
            out.append(w.upper())
        elif i and low in _SMALL:
            out.append(low)
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def read_blocks(path: Path) -> list[tuple[list[str], list[str], bool]]:
    """(names, codes, dated) for each entry of a TABARI/Phoenix actors file."""
    blocks: list[tuple[list[str], list[str], bool]] = []
    names: list[str] = []
    codes: list[str] = []
    dated = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        text = line.strip()
        found = _CODE.findall(text)
        if text.startswith("+"):
            names.append(_CODE.sub("", text[1:]).strip().strip("_").replace("_", " "))
            continue
        if raw[:1] in ("\t", " ") and text.startswith("["):
            codes += [c.split()[0] for c in found if c.split()]
            dated = dated or any(len(c.split()) > 1 for c in found)
            continue
        if codes:  # a new name after a complete entry
            blocks.append((names, codes, dated))
            names, codes, dated = [], [], False
        name = _CODE.sub("", text).strip().strip("_").replace("_", " ")
        if name:
            names.append(" ".join(name.split()))
        codes += [c.split()[0] for c in found if c.split()]
        dated = dated or any(len(c.split()) > 1 for c in found)
    if codes:
        blocks.append((names, codes, dated))
    return blocks


def curated_igos() -> dict[str, dict]:
    """Normalised alias -> the hand-written IGO record that owns it."""
    doc = yaml.safe_load((DATA / "organizations.yaml").read_text(encoding="utf-8")) or {}
    return {_key(a): rec for rec in doc.get("igos") or [] for a in [rec["name"], *(rec.get("aliases") or [])]}


def build(path: Path) -> list[dict[str, str]]:
    same = {_key(n): group[0] for group in _SAME for n in group}
    curated = curated_igos()
    orgs: dict[str, dict] = {}  # canonical key -> {"code", "names", "full"}
    for names, codes, dated in read_blocks(path):
        if dated or not codes or not codes[0].startswith("IGO"):
            continue
        keep = [n for n in names if _key(n) not in _DROP and not _ROLE.search(_key(n))]
        if not keep:
            continue
        canon = same.get(_key(keep[0]), _key(keep[0]))
        org = orgs.setdefault(canon, {"names": [], "code": codes[0], "full": ""})
        for n in keep:
            if _key(n) not in {_key(x) for x in org["names"]}:
                org["names"].append(n)
            if len(n) > len(org["full"]):  # the code of the full name wins over the acronym's
                org["full"], org["code"] = n, codes[0]
    rows = []
    for canon, org in orgs.items():
        names = [_display(n) for n in org["names"]] + _EXTRA.get(canon, [])
        names = list(dict.fromkeys(names))
        owner = curated.get(canon) or next((curated[_key(n)] for n in names if _key(n) in curated), None)
        if owner is not None:
            new = [n for n in names if _key(n) not in curated]
            if new:
                rows.append({"id": owner["id"], "name": owner["name"], "code": owner["code"],
                             "phoenix_code": org["code"], "aliases": "|".join(new)})
            continue
        full = max(names, key=len)
        rows.append({"id": f"igo:{org['code']}:{re.sub(r'[^a-z0-9]+', '-', _key(full)).strip('-')}",
                     "name": full, "code": org["code"], "phoenix_code": org["code"], "aliases": "|".join(names)})
    return sorted(rows, key=lambda r: (r["code"], r["name"]))


def main(argv: list[str]) -> None:
    rows = build(Path(argv[0]))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        fh.write("# IGOs and regional bodies imported from the PETRARCH/Phoenix dictionary Phoenix.International."
                 "actors.txt (openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance) by "
                 "scripts/build_igos.py: Phoenix's CAMEO codes, names, plus a few common English names; rows "
                 "whose id is an organizations.yaml entry add aliases to it (its code wins). MIT.\n")
        w = csv.DictWriter(fh, fieldnames=["id", "name", "code", "phoenix_code", "aliases"])
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {len(rows)} rows ({sum(1 for r in rows if r['id'].count(':') == 2)} new organisations) to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
