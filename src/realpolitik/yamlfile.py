"""The one parser of the YAML data files shipped in the package: PyYAML's C loader where PyYAML was built with
libyaml (about ten times faster than its pure-Python safe loader, and the same data on every shipped file:
tests/test_yamlfile.py), else that safe loader. Both build plain data only, never Python objects. Every stage
may import this (like ``errors``)."""
from __future__ import annotations

from typing import IO, Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(source: str | IO[str]) -> Any:
    """The data of one YAML document (a text or an open text file)."""
    return yaml.load(source, Loader=LOADER)
