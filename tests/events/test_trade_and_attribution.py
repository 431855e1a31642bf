"""Who reports an act is not its target, and trade with no other side is no event (coder._attributor,
eventhood.no_party for 061). Sentences written for these tests."""
from __future__ import annotations

import datetime as dt

from realpolitik.api import code_text


def coded(text: str) -> set[tuple]:
    return {(e.cameo, e.source.country, e.target.country if e.target else None, e.factual)
            for e in code_text(text, date=dt.date(1987, 3, 2), classifier=None).events}


def test_the_speaker_of_the_attribution_is_not_the_target():
    # the nearest mention after "attacked" is the officials who report it: no target rather than Russia
    assert coded("Iran attacked, Russian officials said.") == {("190", "IRN", None, True)}


def test_a_purchase_from_no_named_side_is_trade_not_an_event():
    assert coded("Libya recently bought two cargoes of white sugar from operators, traders said.") == set()


def test_a_purchase_from_a_named_side_stays_economic_cooperation():
    assert coded("Libya bought wheat from France.") == {("061", "LBY", "FRA", True)}


def test_a_purchase_with_no_attribution_and_no_other_side_is_no_event():
    assert coded("Libya bought two cargoes of white sugar last week.") == set()
