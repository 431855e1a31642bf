"""The package's YAML data files are read with PyYAML's C loader: on every shipped file it gives exactly the
data of PyYAML's pure-Python safe loader (the one they were written against)."""
from pathlib import Path

import pytest
import yaml

from realpolitik import yamlfile

SRC = Path(__file__).resolve().parents[1] / "src" / "realpolitik"
SHIPPED = sorted(p for p in SRC.rglob("*.yaml") if "__pycache__" not in p.parts)


def test_there_are_shipped_yaml_files_and_the_c_loader_is_used():
    assert len(SHIPPED) > 10
    if yaml.__with_libyaml__:
        assert yamlfile.LOADER is yaml.CSafeLoader


@pytest.mark.parametrize("path", SHIPPED, ids=[str(p.relative_to(SRC)) for p in SHIPPED])
def test_same_data_as_the_pure_python_safe_loader(path):
    text = path.read_text(encoding="utf-8")
    fast, plain = yamlfile.load(text), yaml.safe_load(text)
    assert fast == plain
    assert repr(fast) == repr(plain)  # same types and key order too (True is not 1, dates stay dates)
    with path.open(encoding="utf-8") as fh:
        assert yamlfile.load(fh) == plain
