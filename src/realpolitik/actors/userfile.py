"""User actor files (YAML or CSV) that add or override actors, aliases, roles and factions.

YAML::

    actors:
      - name: Ali Larijani                 # required
        kind: person                       # person | institution | group | igo | ngo | state (default person)
        code: IRNLEG                       # or country: IRN + sector: LEG
        aliases: [Larijani the elder]
        gender: m                          # optional, m | f: keeps "Mrs Larijani" off him
        roles:                             # optional dated roles (code per period)
          - {role: Speaker of Parliament, code: IRNLEG, start: 2008-05-28, end: 2020-05-27}
    factions:
      - {name: principlists, country: IRN, attribute: RAD, aliases: [osulgarayan], members: [person:ali-larijani]}
    roles:
      - {word: pasdar, sector: MIL}

CSV: a header with ``name,code,kind,aliases,country,sector,start,end`` (aliases ``|``-separated);
one row per actor or dated role (rows with the same name add periods to one actor).
"""
from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from realpolitik.actors.kb import (
    FACTION,
    PERSON,
    ROLE,
    STATE,
    Entry,
    KnowledgeBase,
    Period,
    slug,
    split_code,
)
from realpolitik.errors import InputError

_KINDS = {"person", "institution", "group", "igo", "ngo", "state"}
_PREFIX = {"person": "person", "institution": "inst", "group": "grp", "igo": "igo", "ngo": "ngo"}


class _Loader(yaml.SafeLoader):
    """yaml.safe_load without its date guessing: dates stay text and are checked per field by ``_date``, so
    2015-99-01 is an error naming its field instead of a ValueError from inside the YAML parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _read_text(path: Path) -> str:
    """The file as UTF-8 text; anything else is a one-line error naming the file (and where it went wrong)."""
    from realpolitik.ingest.decode import text_file_bytes

    data = text_file_bytes(path, "an actor file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise InputError(str(path), f"line {line}: not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file "
                                    "as UTF-8") from None


def _mapping(rec: Any, path: Path, where: str) -> dict:
    if not isinstance(rec, dict):
        raise InputError(str(path), f"{where}: expected a mapping such as {{name: ..., code: ...}}, "
                                    f"got {_what(rec)}")
    return rec


def _items(rec: dict, key: str, path: Path, where: str) -> list:
    """``rec[key]`` as a list (missing = empty); a string or a number where a list belongs is an error."""
    value = rec.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(str(path), f"{where}: '{key}' must be a list, e.g. {key}: [...], got {_what(value)}")
    return value


def _strings(rec: dict, key: str, path: Path, where: str) -> list[str]:
    out = []
    for i, v in enumerate(_items(rec, key, path, where)):
        if isinstance(v, (dict, list)) or v is None or isinstance(v, bool):
            raise InputError(str(path), f"{where}: {key}[{i}] must be a name, got {_what(v)}")
        out.append(str(v))
    return out


def _what(value: Any) -> str:
    if isinstance(value, str):
        return f"the text {value[:40]!r}"
    return f"{type(value).__name__} {str(value)[:40]}" if not isinstance(value, (dict, list)) else (
        "a mapping" if isinstance(value, dict) else "a list")


def _date(value: Any, path: Path, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(str(path), f"{where}: date '{value}' is not YYYY-MM-DD") from exc


def _code(rec: dict, kb: KnowledgeBase, path: Path, where: str) -> tuple[str, str | None, str | None]:
    for key in ("code", "country", "sector"):
        if rec.get(key) is not None and not isinstance(rec[key], str):
            raise InputError(str(path), f"{where}: '{key}' must be text such as IRNGOV, got {_what(rec[key])}")
    code = str(rec.get("code") or "").upper()
    country = rec.get("country")
    sector = rec.get("sector")
    if code:
        c, s = split_code(code, kb.countries.keys())
        country = country or c
        sector = sector or s
    elif country:
        code = f"{country}{sector or ''}"
    else:
        raise InputError(str(path), f"{where}: give a 'code' (e.g. IRNGOV) or a 'country'")
    if country and country not in kb.countries:
        raise InputError(str(path), f"{where}: unknown country code '{country}' (use ISO 3166 alpha-3)")
    return code, country, sector


def add_actor(kb: KnowledgeBase, rec: dict, path: Path, where: str, source: str = "user") -> Entry:
    """Add (or override) one actor record from a user file (``source='builtin'`` for shipped data)."""
    rec = _mapping(rec, path, where)
    name = str(rec.get("name") or "").strip()
    if not name or isinstance(rec.get("name"), (dict, list)):
        raise InputError(str(path), f"{where}: missing 'name'")
    kind = str(rec.get("kind") or "person").lower()
    if kind not in _KINDS:
        raise InputError(str(path), f"{where}: kind '{kind}' is not one of {', '.join(sorted(_KINDS))}")
    periods: list[Period] = []
    roles: list[str] = []
    for i, r in enumerate(_items(rec, "roles", path, where)):
        r = _mapping(r, path, f"{where} role {i + 1}")
        rcode, _, _ = _code({**rec, **r}, kb, path, f"{where} role {i + 1}")
        periods.append(Period(rcode, _date(r.get("start"), path, f"{where} role {i + 1} start"),
                              _date(r.get("end"), path, f"{where} role {i + 1} end")))
        if r.get("role"):
            roles.append(str(r["role"]))
    if rec.get("code") or rec.get("country"):
        code, country, sector = _code(rec, kb, path, where)
    elif periods:
        code = periods[-1].code
        country, sector = split_code(code, kb.countries.keys())
    else:
        raise InputError(str(path), f"{where}: give a 'code', a 'country' or dated 'roles'")
    if kind == "state":
        state = kb.countries.get(country or "")
        if state is None:
            raise InputError(str(path), f"{where}: a state needs a known country code")
        kb.add(state, [name, *_strings(rec, "aliases", path, where)], override=True)
        return state
    actor_id = str(rec.get("id") or f"{_PREFIX[kind]}:{slug(name)}")
    e = Entry(actor_id=actor_id, name=name, kind=kind, country=country, sector=sector, code=code,
              periods=tuple(periods), roles=tuple(roles), source=source, gender=_gender(rec, path, where),
              party=rec.get("party_id"))
    kb.set_id(e)
    aliases = [name, *_strings(rec, "aliases", path, where)]
    kb.add(e, aliases, override=True)
    return e


_GENDERS = {"m": "m", "male": "m", "f": "f", "female": "f"}


def _gender(rec: dict, path: Path, where: str) -> str | None:
    value = rec.get("gender")
    if value in (None, ""):
        return None
    got = _GENDERS.get(str(value).strip().lower())
    if got is None:
        raise InputError(str(path), f"{where}: gender '{value}' is not m or f")
    return got


def _add_faction(kb: KnowledgeBase, rec: dict, path: Path, where: str) -> None:
    rec = _mapping(rec, path, where)
    name = str(rec.get("name") or "").strip()
    attr = str(rec.get("attribute") or "").upper()
    if not name or attr not in ("RAD", "MOD", "REF"):
        raise InputError(str(path), f"{where}: a faction needs 'name' and 'attribute' RAD, MOD or REF")
    country = rec.get("country")
    if country and country not in kb.countries:
        raise InputError(str(path), f"{where}: unknown country code '{country}'")
    e = Entry(actor_id=f"faction:{country}:{slug(name)}" if country else "", name=name, kind=FACTION,
              country=country, sector=rec.get("sector"), attribute=attr, label=name,
              members=tuple(_strings(rec, "members", path, where)), source="user")
    kb.add(e, [name, *_strings(rec, "aliases", path, where)], override=True)
    if country:
        kb.set_id(e)


def _add_role(kb: KnowledgeBase, rec: dict, path: Path, where: str) -> None:
    rec = _mapping(rec, path, where)
    word = str(rec.get("word") or rec.get("name") or "").strip().lower()
    if not word:
        raise InputError(str(path), f"{where}: a role needs 'word'")
    e = Entry(actor_id="", name=word, kind=ROLE, sector=rec.get("sector"), title=bool(rec.get("title")),
              country=rec.get("country"), source="user")
    kb.add(e, [word, *(a.lower() for a in _strings(rec, "aliases", path, where))], override=True)


def load_user_file(kb: KnowledgeBase, path: Path) -> None:
    """Apply a YAML (.yaml/.yml) or CSV (.csv) actor file to ``kb``."""
    if not path.is_file():
        raise InputError(str(path), "actor file not found")
    if path.suffix.lower() == ".csv":
        _load_csv(kb, path)
        return
    text = _read_text(path)
    try:
        doc = yaml.load(text, Loader=_Loader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        raise InputError(str(path), f"{where}not valid YAML ({str(exc).splitlines()[0]})") from None
    except ValueError as exc:  # pragma: no cover - dates stay text (see _Loader); kept for other scalars
        raise InputError(str(path), f"not valid YAML ({exc})") from None
    except RecursionError:
        raise InputError(str(path), "nested too deeply to be an actor file") from None
    if not isinstance(doc, dict):
        raise InputError(str(path), "expected a mapping with 'actors', 'factions' and/or 'roles'")
    for i, rec in enumerate(_items(doc, "actors", path, "top level")):
        add_actor(kb, rec, path, f"actors[{i}]")
    for i, rec in enumerate(_items(doc, "factions", path, "top level")):
        _add_faction(kb, rec, path, f"factions[{i}]")
    for i, rec in enumerate(_items(doc, "roles", path, "top level")):
        _add_role(kb, rec, path, f"roles[{i}]")


def _load_csv(kb: KnowledgeBase, path: Path) -> None:
    import io

    text = _read_text(path)
    try:
        rows = list(csv.DictReader(line for line in io.StringIO(text, newline="") if not line.startswith("#")))
    except csv.Error as exc:
        raise InputError(str(path), f"malformed CSV ({exc})") from None
    if not rows or "name" not in rows[0]:
        raise InputError(str(path), "CSV needs a header with at least 'name' and 'code' (or 'country')")
    grouped: dict[str, dict] = {}
    for row in rows:
        name = (row.get("name") or "").strip()
        rec = grouped.setdefault(name, {"name": name, "kind": row.get("kind") or "person",
                                        "aliases": [], "roles": []})
        rec["aliases"].extend(a for a in (row.get("aliases") or "").split("|") if a)
        if row.get("start") or row.get("end"):
            rec["roles"].append({"code": row.get("code"), "country": row.get("country") or None,
                                 "sector": row.get("sector") or None,
                                 "start": row.get("start"), "end": row.get("end")})
        else:
            for k in ("code", "country", "sector"):
                if row.get(k):
                    rec[k] = row[k]
    for i, rec in enumerate(grouped.values()):
        if not rec["roles"]:
            rec.pop("roles")
        add_actor(kb, rec, path, f"row {i + 2}")


__all__ = ["load_user_file", "add_actor", "PERSON", "STATE"]
