"""Loading the knowledge base: the shipped data files, then Phoenix dictionaries and user files on top.

``load_kb()`` is what the rest of the code calls: the shipped base is built and frozen once per
process; Phoenix dictionaries and user files go into a *derived* base (``KnowledgeBase.derive``), so
the shipped one is never changed by them.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
from importlib import resources
from pathlib import Path
from typing import Sequence

from realpolitik import yamlfile
from realpolitik.actors.kb import (
    DEMONYM,
    FACTION,
    IGO,
    INSTITUTION,
    METONYM,
    NGO,
    PERSON,
    REGION,
    ROLE,
    STATE,
    Entry,
    Era,
    KnowledgeBase,
    Period,
    norm,
    slug,
)
from realpolitik.actors.phoenix import load_phoenix
from realpolitik.actors.userfile import add_actor, load_user_file
from realpolitik.errors import InputError


def _data_dir() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "actors"))


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return yamlfile.load(fh) or {}


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def _load_countries(kb: KnowledgeBase, data: Path) -> None:
    extra = _read_yaml(data / "countries_extra.yaml")
    rows = _read_csv(data / "countries.csv")
    rows.append({"iso3": "XKX", "name": "Kosovo", "aliases": "Kosovo", "demonyms": "", "capitals": ""})
    made: dict[str, tuple[Entry, Entry, Entry]] = {}
    for row in rows:
        iso = row["iso3"]
        more = extra.get(iso) or {}
        name = more.get("name") or row["name"]
        demonyms = list(more.get("demonyms") or []) or [d for d in row["demonyms"].split("|") if d]
        state = Entry(actor_id=iso, name=name, kind=STATE, country=iso, code=iso,
                      demonym=demonyms[0] if demonyms else None)
        kb.add_country(state)
        dem = Entry(actor_id=iso, name=name, kind=DEMONYM, country=iso, code=iso)
        met = Entry(actor_id=f"{iso}GOV", name=f"{name} government", kind=METONYM, country=iso,
                    sector="GOV", code=f"{iso}GOV")
        made[iso] = (state, dem, met)
        # curated forms first: they win over the generated table when both claim an alias ("Serbian")
        kb.add(state, [name, *(more.get("aliases") or [])])
        kb.add(dem, more.get("demonyms") or [])
        kb.add(met, more.get("metonyms") or [])
        for region in more.get("regions") or []:
            kb.add(Entry(actor_id=iso, name=region, kind=REGION, country=iso, code=iso), [region])
    for row in rows:
        state, dem, met = made[row["iso3"]]
        kb.add(state, row["aliases"].split("|"))
        kb.add(dem, [d for d in row["demonyms"].split("|") if d])
        if not (extra.get(row["iso3"]) or {}).get("metonyms"):
            kb.add(met, [c for c in row["capitals"].split("|") if c])


def _load_historical(kb: KnowledgeBase, data: Path) -> dict[str, str]:
    """Historical states (USR, DDR, CSK, YUG, SCG) and their dated names; returns code -> successor."""
    successors: dict[str, str] = {}
    for code, rec in _read_yaml(data / "historical_states.yaml").items():
        start, end = rec.get("from"), rec.get("until")  # YAML reads ISO dates as dates
        name = rec["name"]
        demonyms = list(rec.get("demonyms") or [])
        state = Entry(actor_id=code, name=name, kind=STATE, country=code, code=code,
                      demonym=demonyms[0] if demonyms else None, periods=(Period(code, start, end),),
                      source="historical")
        dem = Entry(actor_id=code, name=name, kind=DEMONYM, country=code, code=code, source="historical")
        met = Entry(actor_id=f"{code}GOV", name=f"{name} government", kind=METONYM, country=code, sector="GOV",
                    code=f"{code}GOV", source="historical")
        kb.add_country(state)
        kb.add(state, [name, *(rec.get("aliases") or [])])
        kb.add(dem, demonyms)
        kb.add(met, rec.get("metonyms") or [])
        era = rec.get("era") or {}
        forms = tuple((e, tuple(era[k])) for e, k in ((state, "aliases"), (dem, "demonyms"), (met, "metonyms"))
                      if era.get(k))
        if forms:
            kb.add_era(Era(start, end, forms))
        successors[code] = rec.get("successor") or code
    return successors


def _load_orgs(kb: KnowledgeBase, data: Path) -> None:
    doc = _read_yaml(data / "organizations.yaml")
    for section, kind in (("igos", IGO), ("ngos", NGO), ("institutions", INSTITUTION)):
        for rec in doc.get(section) or []:
            e = Entry(actor_id=rec["id"], name=rec["name"], kind=rec.get("kind", kind),
                      country=rec.get("country"), sector=rec.get("sector"), code=rec["code"])
            kb.add(e, rec.get("aliases") or [rec["name"]])


def _load_igos(kb: KnowledgeBase, data: Path) -> None:
    """IGOs imported from the Phoenix dictionary (igos.csv, scripts/build_igos.py), after the curated ones:
    a row with a curated id adds aliases to that entry."""
    for row in _read_csv(data / "igos.csv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        known = kb.by_id.get(row["id"])
        if known is not None:
            kb.add(known, aliases)
        else:
            kb.add(Entry(actor_id=row["id"], name=row["name"], kind=IGO, code=row["code"]), [row["name"], *aliases])


def _load_phoenix_orgs(kb: KnowledgeBase, data: Path) -> None:
    """NGOs and national agencies imported from the Phoenix dictionaries (phoenix_orgs.csv,
    scripts/build_orgs.py), after everything curated: a name the base already knows keeps its curated reading,
    and an agency name holding a title ("United States Ambassador to the UN") is left to the role rules."""
    def title_word(alias: str) -> bool:
        return any(e.kind == ROLE and e.title for w in norm(alias).split() for e in kb.lookup(w))

    for row in _read_csv(data / "phoenix_orgs.csv"):
        kind = NGO if row["kind"] == "ngo" else INSTITUTION
        aliases = [a for a in row["aliases"].split("|") if a and not kb.lookup(norm(a))
                   and not kb.lookup_exact(a.replace(".", "")) and not kb.surnames.get(norm(a))
                   and not (kind == INSTITUTION and title_word(a))]
        if aliases:
            kb.add(Entry(actor_id=row["id"], name=row["name"], kind=kind, country=row["country"] or None,
                         sector=row["sector"] or None, code=row["code"], source="phoenix"), aliases)


def _party_periods(iso: str, since: dt.date | None, rec: dict) -> tuple[Period, ...]:
    """GOV while the party governs, OPP in between (from ``since``, the day statuses are known, until it is
    dissolved); outside that span the entry's undated code ({ISO3}PTY) applies. Spans are [start, end)."""
    if since is None:
        return ()
    end_of_all = rec.get("dissolved")
    spans = sorted((s, e) for s, e in rec.get("government") or [])
    periods: list[Period] = []
    day = since
    for start, end in spans:
        if end is not None and end <= since:
            continue
        start = max(start, since)
        if start > day:
            periods.append(Period(f"{iso}OPPPTY", day, start - dt.timedelta(days=1)))
        periods.append(Period(f"{iso}GOVPTY", start, end - dt.timedelta(days=1) if end else None))
        day = end
        if day is None:
            break
    if day is not None and (end_of_all is None or day < end_of_all):
        periods.append(Period(f"{iso}OPPPTY", day, end_of_all - dt.timedelta(days=1) if end_of_all else None))
    return tuple(periods)


# Endings of the member nouns a party's plural name is made of ("Democrats", "Socialists", "Conservatives",
# "Tories", "Nationalists", "Unionists", "Moderates", "Liberals", "Republicans", "Greens", "Finns").
_MEMBER_ENDINGS = ("crat", "ist", "ive", "an", "er", "ite", "al", "ate", "ory", "een", "inn")


def _member_form(name: str) -> str | None:
    """The singular a plural party name takes before a noun ("Liberal Democrats" -> "a Liberal Democrat
    leader", "Social Democrats" -> "Social Democrat"); only for names of members: two or more capitalised
    words ending in a plural member noun, so that a single word ("Liberals", "Greens") never becomes an
    adjective and a party's own name ("Party of Wales", "Les Republicains") is left alone."""
    words = name.split()
    if len(words) < 2 or any(not w[:1].isupper() or not w.replace(".", "").isalpha() for w in words):
        return None
    if words[0].lower() in ("the", "les", "la", "los", "las", "die", "de") or any(
            w.lower() in ("party", "front", "union", "alliance") for w in words):
        return None
    last = words[-1]
    if not last.endswith("s") or last.endswith("ss"):
        return None
    single = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    if not single.lower().endswith(_MEMBER_ENDINGS):
        return None
    return " ".join(words[:-1] + [single])


def _with_member_forms(rec: dict) -> dict:
    """A party record whose plural names also list their singular member forms, in the lists the plural is
    in (an ambiguous name's singular is ambiguous too)."""
    have = {norm(n) for k in ("name", "aliases", "ambiguous") for n in ([rec[k]] if k == "name" else rec.get(k) or [])}
    aliases = [rec["name"], *(rec.get("aliases") or [])]
    ambiguous = list(rec.get("ambiguous") or [])
    out = dict(rec)
    for n in dict.fromkeys(aliases + ambiguous):
        form = _member_form(n)
        if form is None or norm(form) in have:
            continue
        have.add(norm(form))
        if n in aliases:
            out["aliases"] = [*(out.get("aliases") or []), form]
        if n in ambiguous:
            out["ambiguous"] = [*(out.get("ambiguous") or []), form]
    return out


def _load_parties(kb: KnowledgeBase, data: Path) -> dict[str, Entry]:
    """Political parties with their governing periods (parties.yaml); returns id -> entry (people cite them).

    Names that several countries' parties share ("Labour", "Liberals") go to ``kb.needs_country`` only;
    a name that is one party's alias is also indexed for it ("Tories" -> GBR) and listed as ambiguous when
    another country's party claims it."""
    doc = _read_yaml(data / "parties.yaml")
    parties: dict[str, Entry] = {}
    claims: dict[str, list[tuple[Entry, str]]] = {}
    for iso, block in doc.items():
        for rec in block.get("parties") or []:
            pid = rec.get("id") or f"party:{iso}:{rec['key']}"
            rec = _with_member_forms(rec)
            e = Entry(actor_id=pid, name=rec["name"], kind=INSTITUTION, country=iso, sector="PTY", code=f"{iso}PTY",
                      periods=_party_periods(iso, rec.get("since", block.get("since")), rec))
            only_here = {norm(a) for a in rec.get("ambiguous") or []}
            kb.add(e, [a for a in [rec["name"], *(rec.get("aliases") or [])] if norm(a) not in only_here
                       or a in (rec.get("aliases") or [])])
            for name in [rec["name"], *(rec.get("aliases") or []), *(rec.get("ambiguous") or [])]:
                claims.setdefault(norm(name), []).append((e, name))
            kb.add_ambiguous(e, rec.get("ambiguous") or [])
            parties[pid] = e
    for key, owners in claims.items():
        if len({e.country for e, _ in owners}) > 1:  # a name of parties in several countries
            for e, name in owners:
                kb.add_ambiguous(e, [name])
    return parties


def _load_roles(kb: KnowledgeBase, data: Path) -> None:
    """Role nouns: the hand-written roles.yaml, then the agent nouns imported from Phoenix (agents.yaml,
    built by scripts/build_agents.py) for the words roles.yaml does not list."""
    doc = _read_yaml(data / "roles.yaml")
    roles = dict(doc.get("roles") or {})
    for word, rec in (_read_yaml(data / "agents.yaml").get("roles") or {}).items():
        roles.setdefault(word, rec)
    for word, rec in roles.items():
        e = Entry(actor_id="", name=word, kind=ROLE, sector=rec.get("sector"), title=bool(rec.get("title")),
                  country=rec.get("country"), attribute=rec.get("ethnic"),  # attribute: an ethnic group's code
                  state_sector=rec.get("state"))
        kb.add(e, [word])
    kb.former_markers = frozenset(w.lower() for w in doc.get("former_markers") or [])
    kb.honorifics = frozenset(w.lower() for w in doc.get("honorifics") or [])


def _load_factions(kb: KnowledgeBase, data: Path) -> None:
    doc = _read_yaml(data / "factions.yaml")
    for word, rec in (doc.get("factions") or {}).items():
        e = Entry(actor_id="", name=rec["label"], kind=FACTION, attribute=rec["attribute"], label=rec["label"],
                  adjective=bool(rec.get("adjective")))
        kb.add(e, [word])


# Countries whose names put the family name first ("Park Chung-hee", "Hun Sen", "Xi Jinping").
_FAMILY_FIRST = frozenset({"CHN", "TWN", "KOR", "PRK", "VNM", "KHM"})


def _surname(name: str, country: str | None) -> str:
    words = name.split()
    return words[0] if country in _FAMILY_FIRST and len(words) > 1 else words[-1]


# Titles of heads of state and government whose holders the leaders table records by country: a titled
# person with no country takes the article's country only if its leaders have held the title.
HEAD_TITLES = frozenset({"president", "prime minister", "premier", "king", "queen", "emperor", "empress"})


def _head_titles(title: str) -> list[str]:
    """The HEAD_TITLES a leaders-table title names ("Kings/queens" -> king, queen; "Prime Minister")."""
    out = []
    for part in title.lower().replace("-", " ").split("/"):
        part = part.strip()
        for cand in (part, part[:-1] if part.endswith("s") else ""):
            if cand in HEAD_TITLES:
                out.append(cand)
                break
    return out


def _load_leaders(kb: KnowledgeBase, data: Path, successors: dict[str, str]) -> None:
    """Heads of state/government with dated terms: code {ISO3}GOV in office, {ISO3}ELI outside it.

    A term in a historical state carries its code (Gorbachev: USRGOV until 1991). Outside office a leader
    of a historical state is coded with the state of the time: an elite of it while it existed (Honecker
    in 1990: DDRELI), an elite of the successor after it ended (Gorbachev in 2010: RUSELI); one who died
    before it ended keeps the code of his office, as news names him for what he did then (Brezhnev in
    1987 or 2005: USRGOV, not RUSELI)."""
    people: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in _read_csv(data / "leaders.csv"):
        people.setdefault((row["aliases"], successors.get(row["iso3"], row["iso3"])), []).append(row)
        for title in _head_titles(row["title"]):
            kb.add_head_title(title, row["iso3"])
            kb.add_head_title(title, successors.get(row["iso3"], row["iso3"]))
    for (aliases_s, iso), terms in people.items():
        aliases = aliases_s.split("|")
        multi = [a for a in aliases if len(a.split()) >= 2]
        name = min(multi, key=len) if multi else aliases[0]
        periods = tuple(Period(f"{t['iso3']}GOV", dt.date.fromisoformat(t["start"]) if t["start"] else None,
                               dt.date.fromisoformat(t["end"]) if t["end"] else None) for t in terms)
        code = f"{iso}ELI"
        historical = [t for t in terms if t["iso3"] != iso]
        if historical:
            last = max(historical, key=lambda t: t["end"] or "9999")
            state = last["iso3"]
            ended = kb.countries[state].periods[0].end if state in kb.countries else None
            died = next((dt.date.fromisoformat(t["died"]) for t in terms if t.get("died")), None)
            if died is not None and (ended is None or died <= ended):
                code = f"{state}GOV"
            else:
                first = min((p.start for p in periods if p.start is not None), default=None)
                periods = (*periods, Period(f"{state}ELI", first, ended))
        e = Entry(actor_id=f"person:{slug(name)}", name=name, kind=PERSON, country=iso, sector="GOV",
                  code=code, periods=periods, roles=tuple(dict.fromkeys(t["title"] for t in terms)),
                  source="leaders")
        kb.add(e, multi or aliases)
        kb.add_surname(e, _surname(name, iso))


PEOPLE_FILES = ("people.yaml", "people_seed.yaml", "people_uk.yaml", "people_historical.yaml")


def _with_party(rec: dict, parties: dict[str, Entry], path: Path, where: str) -> dict:
    """A person record with its party membership turned into dated codes after its offices: while holding no
    listed office, a member of an opposition party is {ISO3}OPP, of a governing party {ISO3}ELI (an elite,
    as the leaders table codes people out of office)."""
    spans = rec.get("parties") or ([{"party": rec["party"]}] if rec.get("party") else [])
    if not spans:
        return rec
    roles = list(rec.get("roles") or [])
    country = None
    for span in spans:
        party = parties.get(str(span.get("party")))
        if party is None:
            raise InputError(str(path), f"{where}: unknown party '{span.get('party')}' (an id of parties.yaml)")
        country = country or party.country
        first, last = span.get("start"), span.get("end")
        for p in party.periods:
            start = max(d for d in (p.start, first) if d is not None) if (p.start or first) else None
            end = min(d for d in (p.end, last) if d is not None) if (p.end or last) else None
            if start is None or end is None or start <= end:
                code = f"{party.country}{'OPP' if p.code.endswith('OPPPTY') else 'ELI'}"
                roles.append({"code": code, "start": start, "end": end})
    out = {k: v for k, v in rec.items() if k not in ("party", "parties")}
    out["roles"] = roles
    out["party_id"] = str(spans[-1].get("party"))  # the party of the latest span (Entry.party)
    if not (rec.get("code") or rec.get("country")):
        out["code"] = f"{country}ELI"
    return out


def _load_people(kb: KnowledgeBase, data: Path, parties: dict[str, Entry]) -> None:
    """Curated people with dated roles (the user actor file format, plus ``party``/``parties``), after the
    leaders table: post-2011 leaders, officials of the seed states, UK politics 2001-2010."""
    for name in PEOPLE_FILES:
        path = data / name
        for i, rec in enumerate(_read_yaml(path).get("actors") or []):
            e = add_actor(kb, _with_party(rec, parties, path, f"actors[{i}]"), path, f"actors[{i}]", source="people")
            surname = _surname(e.name, e.country)
            words = {w for a in (e.name, *(rec.get("aliases") or [])) for w in norm(a).split()}
            for old in list(kb.surnames.get(norm(surname), ())):
                # the leaders table's row for the same person ("Recep Erdogan") yields to the curated one
                same = old.actor_id == e.actor_id or (old.country == e.country and set(norm(old.name).split()) <= words)
                if old.source == "leaders" and same:
                    kb.remove_surname(old, surname)
            kb.add_surname(e, surname)


def build_builtin() -> KnowledgeBase:
    """The shipped knowledge base, without user or dictionary additions (a new, frozen object)."""
    kb = KnowledgeBase()
    data = _data_dir()
    _load_countries(kb, data)
    successors = _load_historical(kb, data)
    _load_orgs(kb, data)
    _load_igos(kb, data)
    parties = _load_parties(kb, data)
    _load_roles(kb, data)
    _load_factions(kb, data)
    _load_leaders(kb, data, successors)
    _load_people(kb, data, parties)
    _load_phoenix_orgs(kb, data)
    return kb.freeze()


@functools.lru_cache(maxsize=1)
def builtin_kb() -> KnowledgeBase:
    """The shipped knowledge base, built once per process and shared (frozen); kept in the user cache keyed by
    the data files and this package's code (realpolitik/cache.py)."""
    from realpolitik.cache import cached

    return cached("kb", build_builtin, [_data_dir(), Path(__file__).parent])


def extend_kb(base: KnowledgeBase, phoenix_files: Sequence[str | Path] = (),
              user_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """A new frozen knowledge base: ``base`` plus Phoenix dictionaries, then user files (which override)."""
    kb = base.derive()
    for path in phoenix_files:
        load_phoenix(kb, Path(path))
    for path in user_files:
        load_user_file(kb, Path(path))
    return kb.freeze()


@functools.lru_cache(maxsize=8)
def _load_cached(user_files: tuple[str, ...], phoenix_files: tuple[str, ...]) -> KnowledgeBase:
    if not user_files and not phoenix_files:
        return builtin_kb()
    return extend_kb(builtin_kb(), phoenix_files=phoenix_files, user_files=user_files)


def load_kb(user_files: Sequence[str | Path] = (), phoenix_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The shipped KB plus Phoenix dictionaries, then user files; cached per distinct argument set.

    User files are applied last and override shipped entries for the aliases they name. The result is
    frozen and shared: build your own additions with ``extend_kb(load_kb(), ...)``.
    """
    return _load_cached(tuple(str(p) for p in user_files), tuple(str(p) for p in phoenix_files))
