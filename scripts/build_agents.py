"""Developer tool: import the agent nouns of the Phoenix dictionary into data/actors/agents.yaml.

Not used at run time. Reads Phoenix.agents.txt (the CAMEO agents file of PETRARCH, openeventdata/petrarch2,
MIT, (c) 2014 Open Event Data Alliance) and keeps the agent nouns that give a non-state sector of their own
(business, media, labour, education, health, agriculture, courts and lawyers, police, crime, refugees,
environment, human rights, NGOs, opposition, legislature, parties, intelligence, rebels): one CAMEO sector
each ("columnist" MED, "employee" LAB, "lawyer" JUD, "dissenter" OPP). Not imported: government and military
agents (roles.yaml covers the offices, ranks and forces, and Phoenix's long lists of ministries and weapons
would be matched wholesale), civilians (every "voter", "child" or "community" would become an actor), religion
codes (not sectors), compound codes (GOVBUS ...), stems, and the words in _DROP (another common sense in news:
"advocate" and "counsel" are verbs, "producer" and "exporter" are often states, "boss" is anyone's, "Fisher" a
surname, a firm's "employees" are the firm's in company news; events rather than actors: "uprising", "revolt"; places: "prison"). Words roles.yaml or another part
of the knowledge base already indexes are left to them. Usage:
    python scripts/build_agents.py ../shared/dictionaries/Phoenix.agents.txt
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "data" / "actors"
OUT = DATA / "agents.yaml"
SECTORS = frozenset({"BUS", "MED", "LAB", "EDU", "HLH", "AGR", "JUD", "COP", "CRM", "REF", "ENV", "HRI", "NGO",
                     "OPP", "LEG", "PTY", "SPY", "REB"})
_LINE = re.compile(r"^([^#\[{]+?)\s*(\{[^}]*\})?\s*\[~([A-Z]{3})\]\s*(#.*)?$")
_SUBST = {"!PERSON!": ("man", "woman", "person"), "!MINIST!": ("minister", "ministry")}
def _drop_set() -> frozenset[str]:
    return frozenset(p.strip() for p in _DROP.split(",") if p.strip())


_DROP = """
aerospace, airway, bargainer, boss, cabinetmaker, cargo ship, cargo vessel, containership, container ship,
container vessel, freighter, jumbojet, jumbo jet, oiler, monger, producer, exporter, tanker, supertanker, oil tanker,
merchant ship, merchant vessel, waiter, waitress, tourism office, manafacture, enterpreneur, transport compan,
advocate, counsel, counsellor, counselor, pleader, stipendiary, the court, conveyancer,
exile, crusader, objector, reformer, reformist, recreant, social reformer, national traitor, political wing,
ousted foreign minister, ousted leader, ousted premier, ousted prime minister,
revolt, uprising, insurgence, low level insurgency, armed insurgency, ethnic insurgency, raider,
prison, prison house, state prison, police post, police district, security check, correctional institution,
central jail of, central jail authority,
intelligence activity, intelligence information, intelligence operation, operative,
economist, economic expert, school, high school, middle school, preschool, kindergarden, kindergarten, schoolhouse,
college, intellectual, dean, conservatory, educatee,
doc, nanny, nursemaid, tinginist, medical man, medical woman, medical person, medical building,
fisher, granger, husbandman, husbandwoman, husbandperson, cropper, mills association,
assemblage, representatives, promulgator, majority party, conservative coalition, left wing coalition,
right wing coalition, council of the union, federal executive council, elected bodies,
spokesman, spokeswoman, spokesperson, telecom, publication, leading news, communications org, telecom consultant,
telecom firm, green party, environmental protection agency, campaigner, outlaw, gangdom, gangland,
employee, employer, staff member
"""


def _forms(raw: str) -> list[str]:
    """The words of a Phoenix entry: underscores are spaces, substitution sets expanded, no stems."""
    raw = raw.strip()
    if " " in raw:
        return []  # a stem ("MINISTR "): Phoenix matches it as a prefix, we match whole words only
    forms = [raw]
    for key, subs in _SUBST.items():
        forms = [f.replace(key, sub) for f in forms for sub in subs] if any(key in f for f in forms) else forms
    out = []
    for f in forms:
        w = " ".join(p for p in f.lower().replace("_", " ").split() if p)
        w = re.sub(r"^(anti|pro|non|co) ", r"\1-", w)  # Phoenix writes "ANTI_GOVERNMENT", news "anti-government"
        if w and not any(c in w for c in "!{}#") and not w[0].isdigit():
            out.append(w)
    return out


def known_words() -> set[str]:
    """Words roles.yaml lists and aliases of every other kind the shipped knowledge base indexes."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from realpolitik.actors.kb import ROLE, norm
    from realpolitik.actors.load import build_builtin

    roles = yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))["roles"]
    out = {norm(w) for w in roles}
    kb = build_builtin()
    out |= {k for k, es in kb.index.items() if any(e.kind != ROLE for e in es)}
    return out


def _redundant(phrase: str, sector: str, roles: dict[str, str | None]) -> bool:
    """A phrase whose first or last word is a roles.yaml word of the same sector ("speaker of parliament",
    "rebel leader" ...) adds nothing but a longer span, and a longer span changes what the coder sees."""
    words = phrase.split()
    return len(words) > 1 and any(roles.get(w) == sector for w in (words[0], words[-1]))


def build(path: str | Path) -> dict[str, str]:
    """word -> CAMEO sector for the agent nouns of ``path`` that are imported."""
    drop = _drop_set()
    known = known_words()
    roles = {w: (rec or {}).get("sector") for w, rec in
             yaml.safe_load((DATA / "roles.yaml").read_text(encoding="utf-8"))["roles"].items()}
    rows: dict[str, str] = {}
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        m = _LINE.match(line.rstrip())
        if not m or m.group(3) not in SECTORS:
            continue
        for w in _forms(m.group(1)):
            if w not in drop and w not in known and w not in rows and not _redundant(w, m.group(3), roles):
                rows[w] = m.group(3)
    return dict(sorted(rows.items()))


HEADER = (
    "# Agent nouns -> CAMEO sector, imported by scripts/build_agents.py from Phoenix.agents.txt (the CAMEO\n"
    "# agents file of PETRARCH: openeventdata/petrarch2, MIT, (c) 2014 Open Event Data Alliance; text of the\n"
    "# licence in ../shared/dictionaries/LICENSE.MIT). Generated: do not edit by hand; roles.yaml wins where\n"
    "# both list a word. Only non-state sectors are imported (see the script's docstring for what is left out).\n")


def render(rows: dict[str, str]) -> str:
    return HEADER + yaml.safe_dump({"roles": {w: {"sector": s} for w, s in rows.items()}}, sort_keys=False,
                                   default_flow_style=None, allow_unicode=True, width=120)


def main(path: str) -> None:
    rows = build(path)
    OUT.write_text(render(rows), encoding="utf-8")
    print(f"wrote {len(rows)} agent nouns to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
