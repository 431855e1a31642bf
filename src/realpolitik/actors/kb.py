"""The actor knowledge base: countries, metonyms, regions, IGOs, institutions, roles, factions, people.

Everything is indexed by a normalised surface form so the resolver does dict lookups only.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import yaml

# Kinds of index entries. The first group denote actors; role/faction/former are modifiers.
STATE, DEMONYM, METONYM, REGION = "state", "demonym", "metonym", "region"
IGO, NGO, INSTITUTION, GROUP, PERSON = "igo", "ngo", "institution", "group", "person"
ROLE, FACTION = "role", "faction"
ANCHOR_KINDS = frozenset({STATE, DEMONYM, METONYM, REGION, IGO, NGO, INSTITUTION, GROUP, PERSON})
INHERIT = "inherit"

_SPLIT = re.compile(r"[ \-/'+&]")
_TOKENISH = re.compile(r"\w+|[^\w\s]")


@functools.lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Normalise a surface form: lowercase, no dots, one space, curly quotes straightened, no leading 'the'."""
    s = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = " ".join(s.lower().replace(".", "").split())
    s = s.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    if s.startswith("the "):
        s = s[4:]
    return s


def first_chunk(key: str) -> str:
    """The part of a normalised key before the first space/hyphen/apostrophe: a cheap pre-filter."""
    return _SPLIT.split(key, 1)[0]


def slug(name: str) -> str:
    """person:vladimir-putin style slug."""
    s = norm(name)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


@dataclass(frozen=True)
class Period:
    """A dated code from a Phoenix dictionary or user file: code valid from start to end (inclusive)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class Entry:
    """One thing the knowledge base knows, reachable through one or more aliases."""

    actor_id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    code: str = ""
    title: bool = False  # roles usable as a title before a name
    attribute: str | None = None  # factions: RAD / MOD / REF
    label: str | None = None  # factions: canonical plural
    adjective: bool = False  # factions: "hard-line" (modifier) rather than "hard-liners"
    periods: tuple[Period, ...] = ()  # dated codes (people from dictionaries / user files)
    roles: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    aliases: list[str] = field(default_factory=list)
    source: str = "builtin"

    def code_at(self, day: dt.date | None) -> str:
        """The code in force on ``day`` (dated periods), else the entry's code or the open-ended period."""
        if self.periods:
            if day is not None:
                for p in self.periods:
                    if p.start is not None or p.end is not None:
                        if p.covers(day):
                            return p.code
            open_ended = [p for p in self.periods if p.end is None and p.start is not None]
            if day is None and open_ended:
                return max(open_ended, key=lambda p: p.start).code
            undated = [p for p in self.periods if p.start is None and p.end is None]
            if undated:
                return undated[0].code
            if day is None:
                return self.periods[-1].code
        return self.code


def split_code(code: str, countries: Iterable[str]) -> tuple[str | None, str | None]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> (None, None); 'USA' -> ('USA', None)."""
    head = code[:3]
    if head in ("IGO", "NGO", "IMG", "MNC"):
        return None, None
    if head in countries:
        rest = code[3:6]
        return head, (rest or None)
    return None, (code[:3] or None)


class KnowledgeBase:
    """Alias index over entries. Later additions with ``override`` shadow earlier ones for the same alias."""

    def __init__(self) -> None:
        self.index: dict[str, list[Entry]] = {}
        self.exact: dict[str, list[Entry]] = {}  # short all-caps acronyms, matched case-sensitively
        self.proper: set[str] = set()  # keys that need a capitalised first token
        self.prefixes: set[str] = set()
        self.max_tokens = 1
        self.countries: dict[str, Entry] = {}
        self.by_id: dict[str, Entry] = {}
        self.faction_words: set[str] = set()  # word pieces of faction aliases: a cheap per-token filter
        self.surnames: dict[str, list[Entry]] = {}  # KB people by last name (used only for person-like tokens)
        self.former_markers: frozenset[str] = frozenset()
        self.honorifics: frozenset[str] = frozenset()

    # ------------------------------------------------------------ building
    def add(self, entry: Entry, aliases: Iterable[str], override: bool = False) -> None:
        """Index ``entry`` under each alias; ``override`` puts it ahead of existing entries for that alias."""
        if entry.actor_id and entry.kind not in (ROLE, FACTION):
            self.by_id.setdefault(entry.actor_id, entry)
        for alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            entry.aliases.append(alias)
            bare = alias.replace(".", "")
            if len(bare) <= 3 and bare.isalpha() and bare.isupper():
                self._put(self.exact, bare, entry, override)
                continue
            key = norm(alias)
            if len(key) <= 2:  # 'us', 'is': only reachable through the case-sensitive table
                continue
            if any(c.isupper() for c in alias) and entry.kind not in (ROLE, FACTION):
                self.proper.add(key)
            self._put(self.index, key, entry, override)
            if entry.kind == FACTION:
                self.faction_words.update(w for w in _SPLIT.split(key) if w)
            self.prefixes.add(first_chunk(key))
            self.max_tokens = max(self.max_tokens, min(len(_TOKENISH.findall(key)) + 1, 12))

    @staticmethod
    def _put(table: dict[str, list[Entry]], key: str, entry: Entry, override: bool) -> None:
        lst = table.setdefault(key, [])
        if entry in lst:
            return
        if override:
            # a user (or curated) entry replaces what other sources said about this alias
            lst[:] = [e for e in lst if e.source == entry.source]
            lst.insert(0, entry)
        else:
            lst.append(entry)

    def add_surname(self, entry: Entry, surname: str) -> None:
        key = norm(surname)
        lst = self.surnames.setdefault(key, [])
        if entry not in lst:
            lst.append(entry)
        for prefix in ("al-", "el-", "al ", "el "):
            if key.startswith(prefix) and len(key) > len(prefix) + 2:
                self.add_surname(entry, key[len(prefix):])

    # ------------------------------------------------------------ lookup
    def lookup(self, key: str) -> list[Entry]:
        return self.index.get(key, [])

    def lookup_exact(self, text: str) -> list[Entry]:
        return self.exact.get(text.replace(".", ""), [])

    def country_name(self, iso3: str | None) -> str | None:
        e = self.countries.get(iso3 or "")
        return e.name if e else None

    def demonym(self, iso3: str | None) -> str:
        """An adjective for naming groups ('Iranian military'); falls back to the country name."""
        e = self.countries.get(iso3 or "")
        if e is None:
            return iso3 or ""
        return getattr(e, "_demonym", None) or e.name


# ---------------------------------------------------------------- loading the shipped data


def _data_dir() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "actors"))


def _read_yaml(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        # the C loader when PyYAML has it: the shipped files parse ~10x faster
        return yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


def _load_countries(kb: KnowledgeBase, data: Path) -> None:
    extra = _read_yaml(data / "countries_extra.yaml")
    with (data / "countries.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    rows.append({"iso3": "XKX", "name": "Kosovo", "aliases": "Kosovo", "demonyms": "", "capitals": ""})
    made: dict[str, tuple[Entry, Entry, Entry]] = {}
    for row in rows:
        iso = row["iso3"]
        more = extra.get(iso) or {}
        name = more.get("name") or row["name"]
        state = Entry(actor_id=iso, name=name, kind=STATE, country=iso, code=iso)
        kb.countries[iso] = state
        dem = Entry(actor_id=iso, name=name, kind=DEMONYM, country=iso, code=iso)
        met = Entry(actor_id=f"{iso}GOV", name=f"{name} government", kind=METONYM, country=iso,
                    sector="GOV", code=f"{iso}GOV")
        made[iso] = (state, dem, met)
        demonyms = list(more.get("demonyms") or []) or [d for d in row["demonyms"].split("|") if d]
        if demonyms:
            state._demonym = demonyms[0]  # type: ignore[attr-defined]
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
        if not met.aliases:
            kb.add(met, [c for c in row["capitals"].split("|") if c])


def _load_orgs(kb: KnowledgeBase, data: Path) -> None:
    doc = _read_yaml(data / "organizations.yaml")
    for section, kind in (("igos", IGO), ("ngos", NGO), ("institutions", INSTITUTION)):
        for rec in doc.get(section) or []:
            e = Entry(actor_id=rec["id"], name=rec["name"], kind=rec.get("kind", kind),
                      country=rec.get("country"), sector=rec.get("sector"), code=rec["code"])
            kb.add(e, rec.get("aliases") or [rec["name"]])


def _load_roles(kb: KnowledgeBase, data: Path) -> None:
    doc = _read_yaml(data / "roles.yaml")
    for word, rec in (doc.get("roles") or {}).items():
        e = Entry(actor_id="", name=word, kind=ROLE, sector=rec.get("sector"), title=bool(rec.get("title")),
                  country=rec.get("country"))
        kb.add(e, [word])
    kb.former_markers = frozenset(w.lower() for w in doc.get("former_markers") or [])
    kb.honorifics = frozenset(w.lower() for w in doc.get("honorifics") or [])


def _load_factions(kb: KnowledgeBase, data: Path) -> None:
    doc = _read_yaml(data / "factions.yaml")
    for word, rec in (doc.get("factions") or {}).items():
        e = Entry(actor_id="", name=rec["label"], kind=FACTION, attribute=rec["attribute"], label=rec["label"],
                  adjective=bool(rec.get("adjective")))
        kb.add(e, [word])


def _load_leaders(kb: KnowledgeBase, data: Path) -> None:
    """Heads of state/government with dated terms: code {ISO3}GOV in office, {ISO3}ELI outside it."""
    with (data / "leaders.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    people: dict[tuple[str, str], list[dict[str, str]]] = {}
    for row in rows:
        people.setdefault((row["aliases"], row["iso3"]), []).append(row)
    for (aliases_s, iso), terms in people.items():
        aliases = aliases_s.split("|")
        multi = [a for a in aliases if len(a.split()) >= 2]
        name = min(multi, key=len) if multi else aliases[0]
        periods = tuple(Period(f"{iso}GOV", dt.date.fromisoformat(t["start"]) if t["start"] else None,
                               dt.date.fromisoformat(t["end"]) if t["end"] else None) for t in terms)
        e = Entry(actor_id=f"person:{slug(name)}", name=name, kind=PERSON, country=iso, sector="GOV",
                  code=f"{iso}ELI", periods=periods, roles=tuple(dict.fromkeys(t["title"] for t in terms)),
                  source="leaders")
        kb.add(e, multi or aliases)
        kb.add_surname(e, name.split()[-1])


def _load_people(kb: KnowledgeBase, data: Path) -> None:
    """Curated people with dated roles (same format as a user actor file), after the leaders table."""
    from realpolitik.actors.userfile import add_actor

    path = data / "people.yaml"
    for i, rec in enumerate(_read_yaml(path).get("actors") or []):
        e = add_actor(kb, rec, path, f"actors[{i}]", source="people")
        kb.add_surname(e, e.name.split()[-1])


def build_builtin() -> KnowledgeBase:
    """The shipped knowledge base, without user or dictionary additions."""
    kb = KnowledgeBase()
    data = _data_dir()
    _load_countries(kb, data)
    _load_orgs(kb, data)
    _load_roles(kb, data)
    _load_factions(kb, data)
    _load_leaders(kb, data)
    _load_people(kb, data)
    return kb


@functools.lru_cache(maxsize=8)
def _load_cached(user_files: tuple[str, ...], phoenix_files: tuple[str, ...]) -> KnowledgeBase:
    kb = build_builtin()
    if phoenix_files:
        from realpolitik.actors.phoenix import load_phoenix

        for path in phoenix_files:
            load_phoenix(kb, Path(path))
    if user_files:
        from realpolitik.actors.userfile import load_user_file

        for path in user_files:
            load_user_file(kb, Path(path))
    return kb


def load_kb(user_files: Sequence[str | Path] = (), phoenix_files: Sequence[str | Path] = ()) -> KnowledgeBase:
    """Load (once per distinct argument set) the shipped KB plus Phoenix dictionaries, then user files.

    User files are applied last and override shipped entries for the aliases they name.
    """
    return _load_cached(tuple(str(p) for p in user_files), tuple(str(p) for p in phoenix_files))
