"""The CAMEO/Goldstein/quad/PLOVER codebook loaded from package data."""
from __future__ import annotations

from collections import Counter

import pytest

from realpolitik.errors import RealpolitikError
from realpolitik.events.codebook import cameo, cameo_codes, default_cameo, plover_types, quad_of_root

# Number of codes under each root in the CAMEO codebook (root itself + 3- and 4-digit codes).
EXPECTED_PER_ROOT = {"01": 11, "02": 28, "03": 29, "04": 8, "05": 9, "06": 6, "07": 7, "08": 26, "09": 6,
                     "10": 28, "11": 13, "12": 27, "13": 23, "14": 27, "15": 6, "16": 14, "17": 13,
                     "18": 14, "19": 8, "20": 8}


def test_every_root_has_its_codes():
    assert Counter(c.root for c in cameo_codes().values()) == EXPECTED_PER_ROOT


def test_every_code_has_goldstein_and_quad():
    for rec in cameo_codes().values():
        assert -10.0 <= rec.goldstein <= 10.0, rec
        assert rec.quad_class == quad_of_root(rec.root), rec


@pytest.mark.parametrize("root,quad", [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3), ("13", 3),
                                       ("14", 4), ("20", 4)])
def test_quad_of_root(root, quad):
    assert quad_of_root(root) == quad


def test_every_plover_type_is_reachable_from_cameo():
    mapped = {c.plover for c in cameo_codes().values() if c.plover}
    assert mapped == set(plover_types())
    assert len(mapped) == 16


def test_every_mapped_mode_belongs_to_its_type():
    for rec in cameo_codes().values():
        if rec.plover_mode:
            assert rec.plover_mode in plover_types()[rec.plover], rec


@pytest.mark.parametrize("code,name,goldstein,plover", [
    ("042", "Make a visit", 1.9, "CONSULT"),
    ("0874", "Retreat or surrender militarily", 10.0, "RETREAT"),
    ("1823", "Kill by physical assault", -10.0, "ASSAULT"),
    ("163", "Impose embargo, boycott, or sanctions", -8.0, "SANCTION"),
    ("173", "Arrest, detain, or charge with legal action", -5.0, "COERCE"),
    ("090", "Investigate, not specified below", -2.0, "ACCUSE"),
    ("112", "Accuse, not specified below", -2.0, "ACCUSE"),
    ("0233", "Appeal for humanitarian aid", 3.4, "REQUEST"),
])
def test_spot_check_facts(code, name, goldstein, plover):
    rec = cameo(code)
    assert (rec.name, rec.goldstein, rec.plover) == (name, goldstein, plover)


def test_statements_have_no_plover_type():
    assert cameo("010").plover is None and cameo("012").plover is None


@pytest.mark.parametrize("bad", ["99", "0", "04x", ""])
def test_unknown_code_is_a_clear_error(bad):
    with pytest.raises(RealpolitikError, match="unknown CAMEO"):
        cameo(bad)


@pytest.mark.parametrize("plover,mode,code", [("CONSULT", None, "040"), ("CONSULT", "phone", "041"),
                                              ("PROTEST", "riot", "145"), ("COERCE", "arrest", "173"),
                                              ("SANCTION", "expel", "166"), ("ASSAULT", None, "190")])
def test_default_cameo(plover, mode, code):
    assert default_cameo(plover, mode) == code


def test_default_cameo_maps_back_to_its_type():
    for typ, modes in plover_types().items():
        assert cameo(default_cameo(typ)).plover == typ
        for mode in modes:
            assert cameo(default_cameo(typ, mode)).plover == typ, (typ, mode)


def test_default_cameo_unknown_type():
    with pytest.raises(RealpolitikError, match="unknown PLOVER"):
        default_cameo("HUG")
