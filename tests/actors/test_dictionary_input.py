"""Bad dictionary and actor files: bounded expansion, and one line naming the file and the field."""
from __future__ import annotations

import resource
import time

import pytest

from realpolitik.actors import load_kb
from realpolitik.errors import InputError

BOMB = """!A! = A1, A2, A3, A4, A5, A6, A7, A8, A9, A10
!B! = !A!!A!
!C! = !B!!B!
!D! = !C!!C!
!E! = !D!!D!
BOMB_!E! [USAGOV]
"""


def _error(tmp_path, name, content, kind):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(InputError) as err:
        load_kb(**{kind: [path]})
    message = str(err.value)
    assert message.startswith(str(path) + ": ") and "\n" not in message
    return message


def test_substitution_bomb_is_refused_fast_and_small(tmp_path):
    """Nine lines that expand to 10^16 names (MemoryError before) stop at the per-entry bound."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.monotonic()
    message = _error(tmp_path, "bomb.txt", BOMB, "phoenix_files")
    assert "line 6: substitution sets expand 'BOMB !E!' into more than 10,000 names" in message
    assert time.monotonic() - start < 10
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB: no blow-up


@pytest.mark.parametrize(("content", "expected"), [
    ("!S! = X!S!\nSELF_!S! [USAGOV]\n", "line 2: substitution set !S! refers to itself (!S! -> !S!)"),
    ("!P! = !Q!\n!Q! = A, !P!\nLOOP_!P! [USAGOV]\n", "refers to itself (!P! -> !Q! -> !P!)"),
])
def test_substitution_cycle_is_an_error(tmp_path, content, expected):
    assert expected in _error(tmp_path, "cycle.txt", content, "phoenix_files")


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "file is empty"),
    (b"PK\x03\x04\x14\x00\x06\x00zip", "binary file (ZIP archive"),
    (b"just some words\nand more words\n", "no Phoenix/TABARI entries found"),
])
def test_binary_empty_or_entryless_dictionary_is_rejected(tmp_path, content, expected):
    assert expected in _error(tmp_path, "dict.txt", content, "phoenix_files")


def test_legitimate_substitutions_still_expand(tmp_path):
    path = tmp_path / "agents.txt"
    path.write_text("!PERSON! = MAN, MEN\n!KIND! = GRAIN!PERSON!, RICE!PERSON!\n!KIND! [~AGR]\n", encoding="utf-8")
    kb = load_kb(phoenix_files=[path])
    assert all(kb.lookup(w) for w in ("grainman", "ricemen"))


@pytest.mark.parametrize(("content", "expected"), [
    ("actors:\n  - name: Genève Group\n    code: CHEGOV\n".encode("latin-1"),
     "line 2: not UTF-8 text (byte 0xe8); save the file as UTF-8"),
    ("actors: [1, 2]\n", "actors[0]: expected a mapping such as {name: ..., code: ...}, got int 1"),
    ("roles: 'xy'\n", "top level: 'roles' must be a list"),
    ("actors:\n  - name: Ali Example\n    roles:\n      - {code: IRNGOV, start: 2015-99-01}\n",
     "actors[0] role 1 start: date '2015-99-01' is not YYYY-MM-DD"),
    ("actors:\n  - name: Ali Example\n    code: IRNGOV\n    aliases: 5\n", "actors[0]: 'aliases' must be a list"),
    ("actors:\n  - name: Ali Example\n    roles: [IRNGOV]\n", "actors[0] role 1: expected a mapping"),
    ("actors:\n  - name: Ali Example\n    code: 12\n", "actors[0]: 'code' must be text"),
    ("a: " + "[" * 20000 + "]" * 20000 + "\n", "nested too deeply"),
])
def test_bad_user_actor_file_is_one_line_naming_the_field(tmp_path, content, expected):
    assert expected in _error(tmp_path, "mine.yaml", content, "user_files")


def test_latin1_user_csv_is_one_line(tmp_path):
    content = "name,code\nGenève Group,CHEGOV\n".encode("latin-1")
    assert "not UTF-8 text" in _error(tmp_path, "mine.csv", content, "user_files")
