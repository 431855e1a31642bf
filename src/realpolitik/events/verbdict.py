"""Reader for TABARI/PETRARCH verb-pattern dictionaries (e.g. PETRARCH2's CAMEO.2.0.txt, MIT).

The format: synonym sets (``&NAME`` then ``+WORD`` lines), verb blocks (``---  NAME  [code]  ---``, then the
block's verbs — ``WORD {IRREGULAR FORMS} [code]``, ``+WORD_PARTICLE`` for phrasal verbs — then patterns
``- pre words * post words [code]  # comment``). In patterns ``*`` is the verb, ``(PREP words)`` a
prepositional phrase, ``{A B}`` a compound noun, ``&SET`` any word of a synonym set, ``$``/``+``/``%`` the
source/target positions and ``^`` any noun phrase; a code ``[A:B]`` is the act A of the source on the
target and B of the target on the source, ``[---]`` no event.

:func:`read_verb_dictionary` parses a file into :class:`VerbBlock`s; :func:`lexicon_entries` turns them
into trigger-lexicon entries (the schema of ``data/triggers/verbs.yaml``: lemma -> conditions on the
parse). Words become lemmas by a small rule set (plural nouns -> singular); dependency conditions:
words after the verb -> particle / direct object (with its compound modifier), ``(PREP X)`` -> a
preposition with object X, words before the verb -> the subject.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from realpolitik.errors import InputError

# Words that follow a verb as its particle ("stir up", "call off", "pull out").
PARTICLES = frozenset({
    "up", "down", "out", "off", "back", "away", "over", "in", "on", "about", "around", "through", "along",
    "forward", "aside", "apart", "together", "into", "onto", "to", "at", "for", "with", "against", "upon"})
_MARKERS = frozenset({"$", "+", "%", "^"})
# Function words that are no object or subject when a pattern spells them out ("- BEEN * (BY) ...").
_FUNCTION = frozenset({
    "be", "is", "are", "was", "were", "been", "being", "am", "has", "have", "had", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "not", "no", "to", "by", "of", "the", "a", "an", "and",
    "or", "that", "it", "its", "their", "his", "her", "as", "than", "so", "also"})
_CODE = re.compile(r"\[([^\]]*)\]")
_BLOCK = re.compile(r"^---\s+(\S.*?)\s+\[([^\]]*)\]")


@dataclass(frozen=True)
class Term:
    """One element of a pattern: a word, a synonym set, a compound noun or a prepositional phrase."""

    kind: str  # "word" | "set" | "compound" | "pp" | "marker"
    text: str = ""  # the word / set name / marker / preposition
    parts: tuple["Term", ...] = ()  # compound members, or the pp's noun-phrase terms


@dataclass(frozen=True)
class Pattern:
    pre: tuple[Term, ...]
    post: tuple[Term, ...]
    code: str | None  # forward act (source -> target); None = no event
    reverse: str | None  # act of the target on the source ("[042:043]" -> 043)
    line: int


@dataclass
class VerbBlock:
    name: str
    code: str | None
    verbs: list[tuple[str, tuple[str, ...], str | None]] = field(default_factory=list)  # (lemma, extra words, code)
    patterns: list[Pattern] = field(default_factory=list)
    line: int = 0


@dataclass
class VerbDictionary:
    synsets: dict[str, tuple[str, ...]]
    blocks: list[VerbBlock]
    path: str = ""
    skipped: list[str] = field(default_factory=list)  # "line N: reason" for lines that were left out


def _codes(raw: str) -> tuple[str | None, str | None]:
    """'042:043' -> ('042', '043'); '---' -> (None, None); ':075' -> (None, '075'). ValueError if malformed."""
    fwd, _, rev = raw.strip().partition(":")

    def clean(c: str) -> str | None:
        c = c.strip()
        if not c or c == "---":
            return None
        if not c.isdigit() or not 2 <= len(c) <= 4:
            raise ValueError(f"'{raw.strip()}' is not a CAMEO code")
        return c

    return clean(fwd), clean(rev)


class _Skip(Exception):
    """A malformed line: skipped and reported in VerbDictionary.skipped (real dictionaries carry a few:
    PETRARCH2's has '[080!]' and '[s]')."""


def _tokens(text: str) -> list[str]:
    """Split a pattern's words, keeping (...) and {...} groups as single items."""
    out: list[str] = []
    depth, cur = 0, ""
    for ch in text:
        if ch in "({":
            if depth == 0 and cur.strip():
                out.extend(cur.split())
                cur = ""
            depth += 1
            cur += ch
        elif ch in ")}":
            depth = max(0, depth - 1)
            cur += ch
            if depth == 0:
                out.append(cur.strip())
                cur = ""
        elif depth == 0 and ch.isspace():
            if cur.strip():
                out.append(cur.strip())
            cur = ""
        else:
            cur += ch
    if cur.strip():
        out.extend(cur.split())
    return out


def _term(tok: str) -> Term:
    if tok in _MARKERS:
        return Term("marker", tok)
    if tok.startswith("(") and tok.endswith(")"):
        inner = _tokens(tok[1:-1])
        if not inner:
            return Term("marker", "^")
        return Term("pp", inner[0].lower(), tuple(_term(t) for t in inner[1:]))
    if tok.startswith("{") and tok.endswith("}"):
        return Term("compound", "", tuple(_term(t) for t in _tokens(tok[1:-1])))
    if tok.startswith("&"):
        return Term("set", tok[1:])
    return Term("word", tok.strip("_").lower())


def read_verb_dictionary(path: str | Path) -> VerbDictionary:
    """Parse a TABARI/PETRARCH verb dictionary. An unreadable, empty, binary or block-less file is an
    InputError naming the file; malformed lines are skipped and listed (with their numbers) in ``skipped``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read verb dictionary ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise InputError(str(path), "empty verb dictionary")
    if b"\x00" in raw[:4096]:
        raise InputError(str(path), "not a text file (binary data)")
    text = raw.decode("utf-8", errors="replace")
    synsets: dict[str, list[str]] = {}
    blocks: list[VerbBlock] = []
    cur_set: str | None = None
    block: VerbBlock | None = None
    section = "synsets"
    skipped: list[str] = []

    def skip(lineno: int, why: str):
        skipped.append(f"line {lineno}: {why}")
        raise _Skip

    def codes(raw: str, lineno: int) -> tuple[str | None, str | None]:
        try:
            return _codes(raw)
        except ValueError as exc:
            skip(lineno, str(exc))

    for lineno, line in enumerate(text.splitlines(), 1):
        try:
            block, cur_set, section = _read_line(line, lineno, path, synsets, blocks, block, cur_set, section, codes,
                                                skip)
        except _Skip:
            continue
    if not blocks:
        raise InputError(str(path), "no verb blocks ('---  VERB  [code]  ---') found: not a verb dictionary")
    return VerbDictionary({k: tuple(v) for k, v in synsets.items()}, blocks, str(path), skipped)


def _read_line(line, lineno, path, synsets, blocks, block, cur_set, section, codes, skip):
    """One line of a verb dictionary; returns the (block, synonym set, section) state after it."""
    stripped = line.split("#", 1)[0].split(";", 1)[0].rstrip() if not line.startswith("#") else ""
    if line.startswith("####"):
        low = line.lower()
        section = "verbs" if "verb" in low else "transformations" if "transform" in low else section
        return block, cur_set, section
    if not stripped.strip() or section == "transformations":
        return block, cur_set, section
    s = stripped.strip()
    m = _BLOCK.match(s)
    if m:
        section = "verbs"
        fwd, _ = codes(m.group(2), lineno)
        block = VerbBlock(m.group(1).strip().lower(), fwd, line=lineno)
        blocks.append(block)
        cur_set = None
        return block, cur_set, section
    if s.startswith("&") and block is None:
        cur_set = s[1:].split()[0].rstrip("_")
        synsets[cur_set] = []
        return block, cur_set, section
    if s.startswith("+") and block is None and cur_set is not None:
        synsets[cur_set].append(s[1:].split()[0])
        return block, cur_set, section
    if block is None:
        return block, cur_set, section
    if s.startswith("-"):
        body = s[1:]
        cm = _CODE.search(body)
        if cm is None:
            skip(lineno, "pattern without a [code]")
        words = body[: cm.start()]
        if "*" not in words:
            skip(lineno, "pattern without the verb position '*'")
        pre_s, _, post_s = words.partition("*")
        fwd, rev = codes(cm.group(1), lineno)
        block.patterns.append(Pattern(tuple(_term(t) for t in _tokens(pre_s)),
                                      tuple(_term(t) for t in _tokens(post_s)), fwd, rev, lineno))
        return block, cur_set, section
    # a verb line: WORD or +WORD_PARTICLE, optional {forms}, optional [code]
    cm = _CODE.search(s)
    code = codes(cm.group(1), lineno)[0] if cm else block.code
    head = re.sub(r"\{[^}]*\}", " ", s[: cm.start()] if cm else s).split()
    if not head:
        return block, cur_set, section
    words = head[0].lstrip("+").strip("_").lower().split("_")
    words = [w for w in words if w]
    if words:
        block.verbs.append((words[0], tuple(words[1:]), code))
    return block, cur_set, section


# ---------------------------------------------------------------- words -> lemmas


def noun_forms(word: str) -> list[str]:
    """A dictionary noun and its singular (the parse compares lemmas): TALKS -> talks, talk."""
    w = word.lower().strip("_")
    out = [w]
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    elif len(w) > 4 and w.endswith(("sses", "xes", "ches", "shes")):
        out.append(w[:-2])
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        out.append(w[:-1])
    return out


def _words(term: Term, synsets: dict[str, tuple[str, ...]]) -> list[str]:
    """The head-word lemmas a term can match (a compound's last member; a set's members)."""
    if term.kind == "word":
        return noun_forms(term.text)
    if term.kind == "set":
        # a multi-word member ("TOMCAT_FIGHTER") counts by its head only when the head alone is a member:
        # the parse compares one head lemma, and "fighter" alone names people as often as aircraft
        members = synsets.get(term.text.rstrip("_"), ())
        single = {w.lower().strip("_") for w in members if "_" not in w.strip("_")}
        heads = [w.lower().strip("_").split("_")[-1] for w in members]
        return [f for h in heads if h in single for f in noun_forms(h)]
    if term.kind == "compound" and term.parts:
        return _words(term.parts[-1], synsets)
    return []


def _pattern_entry(pattern: Pattern, synsets: dict[str, tuple[str, ...]]) -> dict | None:
    """Dependency conditions for one pattern, in the lexicon's entry schema (None: nothing to anchor it)."""
    entry: dict = {}
    nouns = [t for t in pattern.post if t.kind in ("set", "compound") or (t.kind == "word" and t.text not in _FUNCTION)]
    prts = []
    while nouns and nouns[0].kind == "word" and nouns[0].text in PARTICLES:
        prts.append(nouns.pop(0).text)
    if prts:
        entry["prt"] = prts[:1]
    if nouns:
        obj = nouns[0]
        words = _words(obj, synsets)
        if not words:
            return None
        entry["dobj"] = sorted(set(words))
        if obj.kind == "compound" and len(obj.parts) > 1:
            # every member of the compound modifies the object: "{JOINT &MILITARY OPERATION}" is a joint
            # military operation, not any military one (one word list per member, each must be matched)
            mods = [sorted(set(ws)) for ws in (_words(p, synsets) for p in obj.parts[:-1]) if ws]
            if mods:
                entry["dobj_mod"] = mods[0] if len(mods) == 1 else mods
    pps = [t for t in pattern.post if t.kind == "pp"]
    for pp in pps[:1]:
        heads = [w for t in pp.parts if t.kind in ("word", "set", "compound") for w in _words(t, synsets)]
        if heads:
            entry["pobj"] = {pp.text: sorted(set(heads))}
        else:
            entry["prep"] = [pp.text]
    subj = [t for t in pattern.pre if t.kind in ("set", "compound")
            or (t.kind == "word" and not t.text.endswith("ly") and t.text not in _FUNCTION)]
    if subj:
        words = _words(subj[-1], synsets)
        if words:
            entry["subj"] = sorted(set(words))
    if not entry:
        return None  # "- * [code]" only restates the default
    return entry


def _code_fields(fwd: str | None, rev: str | None) -> dict:
    if fwd is not None and rev is not None and fwd == rev:
        return {"cameo": fwd, "symmetric": True}
    if fwd is None and rev is not None:
        return {"cameo": rev, "swap": True}  # only the target acts on the source
    out: dict = {"cameo": fwd}
    if rev is not None:
        out["reverse"] = rev
    return out


_COND = ("prt", "prep", "dobj", "pobj", "subj", "dobj_mod")

# CAMEO roots of conflict (demand, disapprove, reject, threaten ... mass violence)
_CONFLICT_ROOTS = frozenset(f"{r:02d}" for r in range(10, 21))


def _against_someone(block_code: str | None, code: str | None) -> bool:
    """A pattern that gives a conflict code to a verb of appeal or advice (block root 02, "--- SUGGEST [020]":
    "PROPOSE * MEASURES [130]", "RECOMMEND * EMBARGO [1312]"): proposing or advising a measure is a threat or a
    sanction only against someone, so the entry needs a participant (an actor as object or target-preposition
    object: "proposed measures against Syria"; not "proposed measures to curb textile imports")."""
    return bool(block_code and code) and block_code[:2] == "02" and code[:2] in _CONFLICT_ROOTS


def lexicon_blocks(vd: VerbDictionary, known_code=lambda c: c) -> list[dict]:
    """The dictionary's verb blocks as lexicon data: per block its verbs (lemma, base conditions of a
    phrasal verb, default code, source line) and its patterns as entries in the verbs.yaml schema; the
    patterns apply to every verb of the block, as in PETRARCH.

    ``known_code(code)`` maps a dictionary code to one the codebook has (or None to drop it)."""

    def fix(code: str | None) -> str | None:
        return known_code(code) if code is not None else None

    name = Path(vd.path).name
    out = []
    for block in vd.blocks:
        pats, seen = [], set()
        for p in block.patterns:
            cond = _pattern_entry(p, vd.synsets)
            if cond is None:
                continue
            entry = {**cond, **_code_fields(fix(p.code), fix(p.reverse))}
            if _against_someone(block.code, entry.get("cameo")):
                entry["needs_arg"] = True
            key = repr(sorted(entry.items()))
            if key in seen:
                continue
            seen.add(key)
            pats.append({**entry, "src": f"{name}:{p.line}"})
        verbs = []
        for lemma, extra, code in block.verbs:
            base: dict = {}
            if extra:
                base = {"prt": [extra[0]]} if extra[0] in PARTICLES else {"dobj": noun_forms(extra[-1])}
            verbs.append([lemma, base, fix(code), f"{name}:{block.line}"])
        out.append({"name": block.name, "verbs": verbs, "patterns": pats})
    return out


def read_lexicon_blocks(paths: Iterable[str | Path], known_code=lambda c: c) -> list[dict]:
    """The lexicon blocks of several verb dictionaries, in order (earlier files first)."""
    return [b for p in paths for b in lexicon_blocks(read_verb_dictionary(p), known_code)]
