"""Import PETRARCH/Phoenix (TABARI text format) actor and agent dictionaries into the knowledge base.

Format handled:
  NAME_ [CODE]                      an actor with one code (``_`` joins words; trailing ``_`` ignored)
  NAME_ [CODE 950101-991231] [ELI]  several codes on one line, dated ``YYMMDD``/``YYYYMMDD``,
                                    ``>D`` (from D on), ``<D`` (until D), ``A-B`` (between)
  +ALIAS                            another name for the entry above
  <TAB>[CODE dates]                 dated codes on their own lines after the names
  NAME_                             names with no code of their own take the next code block
  WORD [~AGR]                       agents file: a role noun and its sector
  !PERSON! = MAN, MEN               agents file: substitution sets expanded inside names
  # ...                             comments
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from realpolitik.actors.kb import (
    GROUP,
    IGO,
    NGO,
    PERSON,
    ROLE,
    STATE,
    Entry,
    KnowledgeBase,
    Period,
    norm,
    slug,
    split_code,
)
from realpolitik.errors import InputError

_CODE = re.compile(r"\[([^\]]*)\]")
_SUBST = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")
# Substitution sets multiply: "!A! = x, y" used three times in one name gives 8 names. Past these bounds a
# dictionary is an error, not a reason to fill the memory (real Phoenix entries expand to a few dozen).
MAX_NAMES_PER_ENTRY = 10_000
MAX_NAMES_PER_FILE = 2_000_000


def parse_date(text: str) -> dt.date | None:
    """'991231' -> 1999-12-31, '20040309' -> 2004-03-09; two-digit years pivot at 2030."""
    digits = re.sub(r"\D", "", text)
    try:
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            yy = int(digits[:2])
            year = 2000 + yy if 2000 + yy <= 2030 else 1900 + yy
            return dt.date(year, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


def parse_period(block: str) -> Period | None:
    """'RUSGOV >080508' -> Period('RUSGOV', 2008-05-08, None)."""
    parts = block.split()
    if not parts or parts[0] == "---":
        return None
    code = parts[0].upper()
    rng = "".join(parts[1:])
    if not rng:
        return Period(code)
    if rng.startswith(">"):
        return Period(code, start=parse_date(rng[1:]))
    if rng.startswith("<"):
        return Period(code, end=parse_date(rng[1:]))
    if "-" in rng:
        a, b = rng.split("-", 1)
        return Period(code, start=parse_date(a), end=parse_date(b))
    return Period(code)


def _name(raw: str) -> str:
    return " ".join(raw.strip().strip("_").replace("_", " ").split())


class _Pending:
    def __init__(self) -> None:
        self.names: list[str] = []
        self.periods: list[Period] = []


def load_phoenix(kb: KnowledgeBase, path: Path) -> int:
    """Add the entries of one Phoenix dictionary file to ``kb``; returns how many entries were added."""
    from realpolitik.ingest.decode import text_file_bytes

    text = text_file_bytes(path, "a Phoenix dictionary").decode("utf-8", errors="replace")
    subst: dict[str, list[str]] = {}
    added = 0
    budget = [MAX_NAMES_PER_FILE]
    cur: _Pending | None = None
    line_no = 0
    entry_line = 0

    def flush() -> None:
        nonlocal cur, added
        if cur and cur.names and cur.periods:
            added += _add_entry(kb, cur.names, cur.periods, subst, path=path, line=entry_line, budget=budget)
        cur = None

    for line_no, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        m = _SUBST.match(line.strip())
        if m:
            subst[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if cur is not None:
                cur.names.append(_name(_CODE.sub("", stripped[1:])))
            continue
        if raw[:1] in ("\t", " ") and stripped.startswith("["):
            if cur is not None:
                cur.periods.extend(p for p in map(parse_period, _CODE.findall(stripped)) if p)
            continue
        # a new name line
        codes = [p for p in map(parse_period, _CODE.findall(stripped)) if p]
        name = _name(_CODE.sub("", stripped))
        if cur is not None and cur.periods:
            flush()
        if cur is None:
            cur = _Pending()
            entry_line = line_no
        if name:
            cur.names.append(name)
        if codes:
            cur.periods.extend(codes)
            # inline codes complete the entry, but "+alias" lines may still follow
    flush()
    if not added and not subst:
        raise InputError(str(path), "no Phoenix/TABARI entries found (expected lines like 'NAME_ [CODE]')")
    return added


def _cycle(subst: dict[str, list[str]]) -> list[str] | None:
    """A chain of substitution sets that leads back to its first set ("!A! -> !B! -> !A!"), or None."""
    uses = {k: {o for o in subst if any(o in w for w in words)} for k, words in subst.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done

    def visit(key: str, path: list[str]) -> list[str] | None:
        state[key] = 1
        for nxt in sorted(uses[key]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt):], nxt] if nxt in path else [key, nxt]
            if nxt not in state:
                found = visit(nxt, [*path, nxt])
                if found:
                    return found
        state[key] = 2
        return None

    for key in subst:
        if key not in state:
            found = visit(key, [key])
            if found:
                return found
    return None


def _expand(name: str, subst: dict[str, list[str]], *, path: Path, line: int, limit: int) -> list[str]:
    """Every name ``name`` stands for once its !SETS! are substituted; a set that contains itself (directly or
    through others) or an expansion past ``limit`` names is an error naming the line."""
    if not any(k in name for k in subst):
        return [name]
    loop = _cycle(subst)
    if loop:
        raise InputError(str(path), f"line {line}: substitution set {loop[0]} refers to itself "
                                    f"({' -> '.join(loop)})")
    done: list[str] = []
    todo = [name]
    while todo:
        current = todo.pop()
        key = next((k for k in subst if k in current), None)
        if key is None:
            done.append(current)
            continue
        if len(done) + len(todo) + len(subst[key]) > limit:
            raise InputError(str(path), f"line {line}: substitution sets expand {name!r} into more than "
                                        f"{limit:,} names; split the entry or the sets")
        todo.extend(current.replace(key, w, 1) for w in reversed(subst[key]))
    done.reverse()
    return done


def _add_entry(kb: KnowledgeBase, names: list[str], periods: list[Period], subst: dict[str, list[str]], *,
               path: Path, line: int, budget: list[int]) -> int:
    aliases: list[str] = []
    for n in names:
        aliases.extend(a for a in _expand(n, subst, path=path, line=line,
                                          limit=min(MAX_NAMES_PER_ENTRY, budget[0])) if a)
        if len(aliases) > MAX_NAMES_PER_ENTRY:
            raise InputError(str(path), f"line {line}: the entry {names[0]!r} has more than "
                                        f"{MAX_NAMES_PER_ENTRY:,} names once its substitution sets are expanded")
    budget[0] -= len(aliases)
    if budget[0] <= 0:
        raise InputError(str(path), f"line {line}: the dictionary expands into more than {MAX_NAMES_PER_FILE:,} "
                                    "names; split it")
    if not aliases:
        return 0
    primary = aliases[0]
    codes = [p.code for p in periods]
    # agents: "[~AGR]" -> a role noun with that sector
    if codes[0].startswith("~"):
        sector = codes[0][1:4] or None
        words = tuple(a.lower() for a in aliases)
        if any(e.kind == ROLE and e.source == "phoenix" and e.sector == sector and e.name == words[0]
               and kb.aliases_of(e) == words for e in kb.lookup(norm(words[0]))):
            return 0  # the same agent listed twice
        kb.add(Entry(actor_id="", name=words[0], kind=ROLE, sector=sector, source="phoenix"), words)
        return 1
    countries = kb.countries.keys()
    main = next((p for p in periods if p.code not in ("ELI", "---")), periods[0])
    country, sector = split_code(main.code, countries)
    # a bare country code ("AFGHANISTAN_ [AFG]") adds aliases to that state
    if main.code in kb.countries and len(periods) == 1:
        kb.add(kb.countries[main.code], aliases)
        return 1
    dated = any(p.start or p.end for p in periods)
    head = main.code[:3]
    words = len(primary.split())
    if dated or (words >= 2 and "ELI" in main.code):
        kind = PERSON
        actor_id = f"person:{slug(primary)}"
    elif head == "IGO":
        kind, actor_id = IGO, f"igo:{main.code}"
    elif head == "NGO":
        kind, actor_id = NGO, f"ngo:{slug(primary)}"
    else:
        kind, actor_id = GROUP, f"phoenix:{slug(primary)}"
    existing = kb.by_id.get(actor_id)
    if existing is not None and existing.kind == kind:
        kb.add(existing, aliases)
        return 1
    if kind != PERSON and main.code in {e.code for e in (*kb.lookup_exact(primary), *kb.lookup(primary.lower()))}:
        return 0
    e = Entry(actor_id=actor_id, name=primary.title() if primary.isupper() else primary, kind=kind,
              country=country, sector=sector, code=main.code, periods=tuple(periods), source="phoenix")
    kb.add(e, aliases)
    if kind == STATE:  # pragma: no cover - handled above
        return 1
    return 1
