"""The actor knowledge base model: entries, dated codes and the alias index the resolver looks up.

Everything is indexed by a normalised surface form so the resolver does dict lookups only. A
``KnowledgeBase`` is built (``add``), then frozen: a frozen one is shared by every document and
cannot be changed. Additions (Phoenix dictionaries, user files) go into ``kb.derive()``, a new base
that shares the unchanged entries. The loaders live elsewhere: shipped data in ``actors/load.py``,
Phoenix dictionaries in ``actors/phoenix.py``, user files in ``actors/userfile.py``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Iterable, Mapping

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


@dataclass(frozen=True, eq=False)
class Entry:
    """One thing the knowledge base knows, reachable through one or more aliases.

    Immutable; identity is the object (two entries with equal fields are still two entries). The
    ``aliases`` are filled in by the knowledge base when it is frozen.
    """

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
    aliases: tuple[str, ...] = ()
    source: str = "builtin"
    demonym: str | None = None  # states: the adjective for naming groups ("Iranian")
    state_sector: str | None = None  # roles: the sector when a state owns it ("Russian bombers" are aircraft: MIL)
    gender: str | None = None  # people: "m" / "f" where the record states it (honorifics and pronouns must agree)
    party: str | None = None  # curated people: the id of their (latest) party in parties.yaml

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

    def code_undated(self) -> str:
        """A person's code read with no date at all (an undated article whose era nothing in it tells): the
        code when every period agrees, else the country alone that all its national periods share (the
        office then is unknown: reading "today" would give Tony Blair in a 2005 article his later codes),
        else "" (unknown)."""
        codes = {p.code for p in self.periods} or {self.code}
        if len(codes) == 1:
            return next(iter(codes))
        countries = {c[:3] for c in codes if c[:3] not in ("IGO", "NGO", "IMG", "MNC")}
        if len(countries) == 1 and (self.country is None or self.country in countries):
            return next(iter(countries))
        return ""

    def code_within(self, lo: dt.date, hi: dt.date) -> str:
        """The code in force all through the days ``lo``..``hi`` (an undated article's era), when one code is;
        else ``code_undated()``: a window that spans two offices asserts neither (an era read from Tony
        Blair's ten years as prime minister puts Robin Cook in none of his three offices)."""
        # each day on which the code may change: every period's first day and the day before it, its last day
        # and the day after it (a gap after a period that ends inside the window reads another code)
        one = dt.timedelta(days=1)
        edges = {d for p in self.periods for d in (p.start, p.end) if d is not None}
        days = {lo, hi} | {x for d in edges for x in (d - one, d, d + one) if lo < x < hi}
        codes = {self.code_at(d) for d in days}
        return codes.pop() if len(codes) == 1 else self.code_undated()

    def sector_at(self, day: dt.date | None) -> str | None:
        """The sector of ``code_at(day)``: a party is GOV while it governs, OPP otherwise."""
        if not self.periods:
            return self.sector
        code = self.code_at(day)
        if self.country and code.startswith(self.country):
            return code[len(self.country):len(self.country) + 3] or None
        return self.sector


@dataclass(frozen=True, eq=False)
class Era:
    """Names that denote other entries between two dates ("Moscow" is the Soviet government until 1991-12-25)."""

    start: dt.date | None
    end: dt.date | None
    forms: tuple[tuple[Entry, tuple[str, ...]], ...]  # (entry, the aliases that denote it in the era)

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def split_code(code: str, countries: Iterable[str]) -> tuple[str | None, str | None]:
    """'RUSGOV' -> ('RUS', 'GOV'); 'IGOUNO' -> (None, None); 'USA' -> ('USA', None)."""
    head = code[:3]
    if head in ("IGO", "NGO", "IMG", "MNC"):
        return None, None
    if head in countries:
        rest = code[3:6]
        return head, (rest or None)
    return None, (code[:3] or None)


class FrozenKnowledgeBaseError(TypeError):
    """Raised when code tries to change a frozen (shared) knowledge base."""


_TABLES = ("index", "exact", "surnames", "needs_country")  # alias -> entries
_MAPS = ("countries", "by_id", "head_titles")  # key -> one entry (head_titles: title -> frozenset of ISO3)
_SETS = ("proper", "prefixes", "faction_words")


class KnowledgeBase:
    """Alias index over entries. Later additions with ``override`` shadow earlier ones for the same alias.

    Built with ``add``/``add_surname``/``add_country``/``set_id``, then ``freeze()``: the frozen base
    has read-only tables (mappings of tuples, frozensets) and refuses every change. ``derive()`` gives
    a new, unfrozen base with the same contents to extend (Phoenix dictionaries, user files) without
    touching the original.
    """

    def __init__(self) -> None:
        object.__setattr__(self, "_frozen", False)
        self.index: Mapping[str, tuple[Entry, ...] | list[Entry]] = {}
        # short all-caps acronyms, matched case-sensitively
        self.exact: Mapping[str, tuple[Entry, ...] | list[Entry]] = {}
        self.proper: set[str] | frozenset[str] = set()  # keys that need a capitalised first token
        self.prefixes: set[str] | frozenset[str] = set()
        self.max_tokens = 1
        self.countries: Mapping[str, Entry] = {}
        self.by_id: Mapping[str, Entry] = {}
        # head-of-state/government titles -> the countries whose leaders have held them (leaders table):
        # "prime minister" is no title of the US, "president" none of the UK
        self.head_titles: Mapping[str, frozenset[str]] = {}
        # word pieces of faction aliases: a cheap per-token filter
        self.faction_words: set[str] | frozenset[str] = set()
        # KB people by last name (used only for person-like tokens)
        self.surnames: Mapping[str, tuple[Entry, ...] | list[Entry]] = {}
        self.former_markers: frozenset[str] = frozenset()
        self.honorifics: frozenset[str] = frozenset()
        # names that denote different actors in different countries ("Labour", "Liberals", "Congress"):
        # normalised name -> the candidates, one per country; the resolver picks by the document's country.
        # A name may also be in ``index`` when one reading dominates ("Tories" -> GBR, "Congress" -> USA).
        self.needs_country: Mapping[str, tuple[Entry, ...] | list[Entry]] = {}
        # dated readings of names (historical states): see as_of()
        self.eras: tuple[Era, ...] | list[Era] = []
        # while building: id(entry) -> (entry, its aliases so far); written into the entries by freeze()
        self._aliases: dict[int, tuple[Entry, list[str]]] = {}
        object.__setattr__(self, "_views", {})  # as_of() cache: not content, so allowed on a frozen base
        object.__setattr__(self, "_base", None)  # a dated view's undated base

    def __setattr__(self, name: str, value: Any) -> None:
        self._check()
        object.__setattr__(self, name, value)

    @property
    def frozen(self) -> bool:
        return self._frozen

    def _check(self) -> None:
        if self._frozen:
            raise FrozenKnowledgeBaseError(
                "this knowledge base is frozen (shared by every document); extend kb.derive() instead")

    # ------------------------------------------------------------ building
    def add(self, entry: Entry, aliases: Iterable[str], override: bool = False) -> None:
        """Index ``entry`` under each alias; ``override`` puts it ahead of existing entries for that alias."""
        self._check()
        if entry.actor_id and entry.kind not in (ROLE, FACTION):
            self.by_id.setdefault(entry.actor_id, entry)  # type: ignore[attr-defined]
        own = None
        for alias in aliases:
            alias = alias.strip()
            if not alias:
                continue
            if own is None:
                own = self._alias_list(entry)
            own.append(alias)
            bare = alias.replace(".", "")
            if len(bare) <= 3 and bare.isalpha() and bare.isupper():
                self._put(self.exact, bare, entry, override)
                continue
            key = norm(alias)
            if len(key) <= 2:  # 'us', 'is': only reachable through the case-sensitive table
                continue
            if any(c.isupper() for c in alias) and entry.kind not in (ROLE, FACTION):
                self.proper.add(key)  # type: ignore[union-attr]
            self._put(self.index, key, entry, override)
            if entry.kind == FACTION:
                self.faction_words.update(w for w in _SPLIT.split(key) if w)  # type: ignore[union-attr]
            self.prefixes.add(first_chunk(key))  # type: ignore[union-attr]
            self.max_tokens = max(self.max_tokens, min(len(_TOKENISH.findall(key)) + 1, 12))

    def _alias_list(self, entry: Entry) -> list[str]:
        rec = self._aliases.get(id(entry))
        if rec is None:
            rec = self._aliases[id(entry)] = (entry, list(entry.aliases))
        return rec[1]

    def aliases_of(self, entry: Entry) -> tuple[str, ...]:
        """The aliases of ``entry`` so far (while building they are not yet written into the entry)."""
        rec = self._aliases.get(id(entry))
        return tuple(rec[1]) if rec is not None else entry.aliases

    @staticmethod
    def _writable(table: Mapping[str, Any], key: str) -> list[Entry]:
        """The list under ``key``, copied on first write when it is shared with the base (a tuple)."""
        lst = table.get(key)
        if lst is None or type(lst) is tuple:
            lst = table[key] = list(lst or ())  # type: ignore[index]
        return lst

    def _put(self, table: Mapping[str, Any], key: str, entry: Entry, override: bool) -> None:
        lst = table.get(key)
        if lst is not None and entry in lst:
            return
        lst = self._writable(table, key)
        if override:
            # a user (or curated) entry replaces what other sources said about this alias
            lst[:] = [e for e in lst if e.source == entry.source]
            lst.insert(0, entry)
        else:
            lst.append(entry)

    def add_surname(self, entry: Entry, surname: str) -> None:
        self._check()
        key = norm(surname)
        lst = self.surnames.get(key)
        if lst is None or entry not in lst:
            self._writable(self.surnames, key).append(entry)
        for prefix in ("al-", "el-", "al ", "el "):
            if key.startswith(prefix) and len(key) > len(prefix) + 2:
                self.add_surname(entry, key[len(prefix):])

    def add_ambiguous(self, entry: Entry, names: Iterable[str]) -> None:
        """Record ``names`` as denoting ``entry`` only when the document's country is ``entry.country``."""
        self._check()
        for name in names:
            key = norm(name.strip())
            if key:
                self._put(self.needs_country, key, entry, False)

    def country_reading(self, key: str, country: str | None) -> Entry | None:
        """The entry an ambiguous name (normalised ``key``) denotes in a document about ``country``."""
        return next((e for e in self.needs_country.get(key, ()) if country and e.country == country), None)

    def remove_surname(self, entry: Entry, surname: str) -> None:
        """Stop ``surname`` from reaching ``entry`` (a leaders-table row superseded by a curated person)."""
        self._check()
        key = norm(surname)
        if entry in self.surnames.get(key, ()):
            self._writable(self.surnames, key).remove(entry)

    def add_country(self, state: Entry) -> None:
        """Register a state entry under its ISO3 code (its aliases are added with ``add``)."""
        self._check()
        self.countries[state.country or state.actor_id] = state  # type: ignore[index]

    def set_id(self, entry: Entry) -> None:
        """Make ``entry`` the one ``by_id`` returns for its actor id (``add`` keeps the first)."""
        self._check()
        self.by_id[entry.actor_id] = entry  # type: ignore[index]

    def add_era(self, era: Era) -> None:
        """Register names that denote ``era.forms``' entries between ``era.start`` and ``era.end``."""
        self._check()
        self.eras.append(era)  # type: ignore[union-attr]

    def as_of(self, day: dt.date | None) -> KnowledgeBase:
        """The knowledge base as a document of ``day`` reads it: dated names ("Moscow" in 1985 is the
        Soviet government) point to the entries of their era. Cached; ``self`` when no era applies."""
        base = self._base if self._base is not None else self
        if day is None or not base.eras:
            return base
        if isinstance(day, dt.datetime):
            day = day.date()
        active = tuple(i for i, era in enumerate(base.eras) if era.covers(day))
        if not active:
            return base
        view = base._views.get(active)
        if view is None:
            view = base.derive()
            for i in active:
                for entry, aliases in base.eras[i].forms:
                    view.add(entry, aliases, override=True)
            object.__setattr__(view, "_base", base)
            view.freeze()
            base._views[active] = view
        return view

    def freeze(self) -> KnowledgeBase:
        """Write the collected aliases into the entries and make every table read-only; returns ``self``."""
        if self._frozen:
            return self
        new = {key: dataclasses.replace(e, aliases=tuple(aliases))
               for key, (e, aliases) in self._aliases.items() if tuple(aliases) != e.aliases}

        def fix(e: Entry) -> Entry:
            return new.get(id(e), e)

        for name in _TABLES:
            table = getattr(self, name)
            object.__setattr__(self, name, MappingProxyType(
                {k: (v if type(v) is tuple and not new else tuple(fix(e) for e in v)) for k, v in table.items()}))
        for name in _MAPS:
            table = getattr(self, name)
            object.__setattr__(self, name, MappingProxyType({k: fix(v) for k, v in table.items()} if new
                                                            else dict(table)))
        for name in _SETS:
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        object.__setattr__(self, "eras", tuple(
            dataclasses.replace(era, forms=tuple((fix(e), a) for e, a in era.forms)) for era in self.eras))
        object.__setattr__(self, "_aliases", {})
        object.__setattr__(self, "_frozen", True)
        return self

    def derive(self) -> KnowledgeBase:
        """A new, unfrozen knowledge base with this (frozen) one's contents; this one stays as it is."""
        if not self._frozen:
            raise ValueError("derive() needs a frozen knowledge base; call freeze() first")
        kb = KnowledgeBase()
        for name in (*_TABLES, *_MAPS):
            setattr(kb, name, dict(getattr(self, name)))  # values are tuples: copied on first write
        for name in _SETS:
            setattr(kb, name, set(getattr(self, name)))
        kb.max_tokens = self.max_tokens
        kb.eras = list(self.eras)
        kb.former_markers = self.former_markers
        kb.honorifics = self.honorifics
        return kb

    def __getstate__(self) -> dict[str, Any]:
        # mapping proxies do not pickle: ship plain containers and freeze again on arrival
        state = {k: (dict(v) if isinstance(v, MappingProxyType) else v) for k, v in self.__dict__.items()
                 if k != "_views"}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        frozen = state.pop("_frozen", False)
        object.__setattr__(self, "_frozen", False)
        self.__dict__.update(state)
        object.__setattr__(self, "_views", {})
        if frozen:
            self.freeze()

    def add_head_title(self, title: str, country: str) -> None:
        """Note that ``country``'s leaders have held the head-of-state/government title ``title``."""
        self._check()
        self.head_titles[title] = self.head_titles.get(title, frozenset()) | {country}  # type: ignore[index]

    def title_fits(self, role: str | None, country: str) -> bool:
        """False when ``role`` ends with a head-of-state/government title ("Prime Minister", "deputy prime
        minister", "President") that no leader of ``country`` has held; True otherwise (other titles, or no
        leaders table)."""
        words = norm(role or "").replace("-", " ").split()
        for n in (2, 1):
            held = self.head_titles.get(" ".join(words[-n:])) if len(words) >= n else None
            if held is not None:
                return country in held
        return True

    # ------------------------------------------------------------ lookup
    def lookup(self, key: str) -> tuple[Entry, ...] | list[Entry]:
        return self.index.get(key, ())

    def lookup_exact(self, text: str) -> tuple[Entry, ...] | list[Entry]:
        return self.exact.get(text.replace(".", ""), ())

    def country_name(self, iso3: str | None) -> str | None:
        e = self.countries.get(iso3 or "")
        return e.name if e else None

    def demonym(self, iso3: str | None) -> str:
        """An adjective for naming groups ('Iranian military'); falls back to the country name."""
        e = self.countries.get(iso3 or "")
        if e is None:
            return iso3 or ""
        return e.demonym or e.name
