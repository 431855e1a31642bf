"""User actor files (YAML / CSV) add and override actors, aliases, roles and factions."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik.actors import load_kb
from realpolitik.errors import InputError

YAML = """
actors:
  - name: Ali Larijani
    code: IRNLEG
    aliases: [the speaker]
  - name: Hamas
    kind: group
    code: PSEGOV
  - name: Kim Jong Un
    country: PRK
    roles:
      - {role: Supreme Leader, code: PRKGOV, start: 2011-12-17}
factions:
  - {name: principlists, country: IRN, attribute: RAD, aliases: [osulgarayan]}
roles:
  - {word: pasdar, sector: MIL}
"""


@pytest.fixture
def user_kb(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(YAML, encoding="utf-8")
    return load_kb(user_files=[path])


def test_user_person_is_known_without_a_title(phrase, user_kb):
    ref = phrase("Ali Larijani opened the session.", "Ali Larijani", kb=user_kb)
    assert (ref.actor_id, ref.code) == ("person:ali-larijani", "IRNLEG")


def test_user_entry_overrides_the_shipped_one(phrase, user_kb):
    assert phrase("Hamas agreed to the truce.", "Hamas", kb=user_kb).code == "PSEGOV"


def test_shipped_kb_is_unchanged_by_a_user_file(phrase, user_kb):
    assert phrase("Hamas agreed to the truce.", "Hamas").code == "PSEREB"


def test_user_dated_role(user_kb):
    e = user_kb.lookup("kim jong un")[0]
    assert e.code_at(dt.date(2015, 1, 1)) == "PRKGOV"


def test_user_faction_alias(phrase, user_kb):
    ref = phrase("The Osulgarayan won the vote in Tehran.", "The Osulgarayan", kb=user_kb)
    assert (ref.actor_id, ref.code) == ("faction:IRN:principlists", "IRNGOVRAD")


def test_user_role_noun(phrase, user_kb):
    assert phrase("Iranian pasdars patrolled the strait.", "Iranian pasdars", kb=user_kb).code == "IRNMIL"


def test_csv_file(tmp_path, phrase):
    path = tmp_path / "actors.csv"
    path.write_text("name,code,kind,aliases\nNasrallah Aide Group,LBNREB,group,NAG|the aides\n", encoding="utf-8")
    kb = load_kb(user_files=[path])
    ref = phrase("The aides rejected the plan.", "The aides", kb=kb)
    assert ref is not None and ref.code == "LBNREB"


@pytest.mark.parametrize("content,message", [
    ("actors:\n  - {code: IRNGOV}\n", "missing 'name'"),
    ("actors:\n  - {name: X, code: ZZZGOV, country: ZZZ}\n", "unknown country"),
    ("actors:\n  - {name: X, kind: planet, code: IRN}\n", "kind 'planet'"),
    ("factions:\n  - {name: hawks, attribute: XYZ}\n", "RAD, MOD or REF"),
    ("actors: [\n", "not valid YAML"),
    ("actors:\n  - {name: X, code: IRNGOV, gender: w}\n", "gender 'w' is not m or f"),
])
def test_bad_user_files_raise_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as info:
        load_kb(user_files=[path])
    assert "\n" not in str(info.value)


def test_missing_user_file(tmp_path):
    with pytest.raises(InputError, match="not found"):
        load_kb(user_files=[tmp_path / "nope.yaml"])
