"""dyad_timeline on a hand-worked Iran–Russia case."""
from __future__ import annotations

import math

import pytest

from realpolitik.analysis import TIMELINE_COLUMNS, dyad_timeline
from realpolitik.errors import RealpolitikError

# Jan: 040 (+1.0, IRN→RUS), 070 (+7.0, RUS→IRN), 112 (-2.0, RUS→IRN).
# Feb: nothing. Mar: 190 (-10.0, IRN→RUS), 051 (+3.4, Putin→IRN); the modal 070 is not factual.
EXPECTED = {
    "2015-01": dict(events=3, a_to_b=1, b_to_a=2, verbal_coop=1, material_coop=1, verbal_conflict=1,
                    material_conflict=0, cooperation=2, conflict=1, goldstein_sum=6.0, goldstein_mean=2.0,
                    cc_index=1 / 3),
    "2015-02": dict(events=0, a_to_b=0, b_to_a=0, verbal_coop=0, material_coop=0, verbal_conflict=0,
                    material_conflict=0, cooperation=0, conflict=0, goldstein_sum=0.0, goldstein_mean=math.nan,
                    cc_index=math.nan),
    "2015-03": dict(events=2, a_to_b=1, b_to_a=1, verbal_coop=1, material_coop=0, verbal_conflict=0,
                    material_conflict=1, cooperation=1, conflict=1, goldstein_sum=-6.6, goldstein_mean=-3.3,
                    cc_index=0.0),
}


def _same(a, b) -> bool:
    if isinstance(b, float) and math.isnan(b):
        return math.isnan(a)
    return a == pytest.approx(b)


def test_one_row_per_month_including_empty_ones(worked):
    df = dyad_timeline(worked, "IRN", "RUS")
    assert list(df["period"]) == list(EXPECTED)
    assert list(df.columns) == TIMELINE_COLUMNS


@pytest.mark.parametrize("period", list(EXPECTED))
def test_monthly_values(worked, period):
    row = dyad_timeline(worked, "IRN", "RUS").set_index("period").loc[period]
    for col, want in EXPECTED[period].items():
        assert _same(row[col], want), col


def test_swapping_the_pair_swaps_directions(worked):
    fwd = dyad_timeline(worked, "IRN", "RUS")
    rev = dyad_timeline(worked, "RUS", "IRN")
    assert list(rev["a_to_b"]) == list(fwd["b_to_a"])
    assert list(rev["events"]) == list(fwd["events"])


def test_quarterly_frequency(worked):
    df = dyad_timeline(worked, "irn", "rus", freq="Q")
    row = df.iloc[0]
    assert (len(df), row["period"], row["events"]) == (1, "2015Q1", 5)
    assert row["goldstein_mean"] == pytest.approx(-0.6 / 5)
    assert row["cc_index"] == pytest.approx((3 - 2) / 5)


def test_since_until_restrict_the_line(worked):
    assert list(dyad_timeline(worked, "IRN", "RUS", since="2015-03")["period"]) == ["2015-03"]


def test_pair_without_events_gives_an_empty_frame(worked):
    df = dyad_timeline(worked, "IRN", "CHN")
    assert df.empty and list(df.columns) == TIMELINE_COLUMNS


def test_unknown_frequency_is_a_user_error(worked):
    with pytest.raises(RealpolitikError):
        dyad_timeline(worked, "IRN", "RUS", freq="fortnight")


def test_directions_split_the_pair(worked):
    from realpolitik.analysis.dyads import dyad_directions

    df = dyad_directions(worked, "IRN", "RUS", names=("Iran", "Russia"))
    assert list(dict.fromkeys(df["direction"])) == ["Iran–Russia", "Iran→Russia", "Russia→Iran"]
    jan = df[df["period"] == "2015-01"].set_index("direction")
    # IRN→RUS in January: the consultation (+1.0); RUS→IRN: the aid (+7.0) and the accusation (-2.0).
    assert list(jan["events"]) == [3, 1, 2]
    assert jan.loc["Russia→Iran", "cc_index"] == pytest.approx(0.0)
    assert jan.loc["Iran→Russia", "goldstein_mean"] == pytest.approx(1.0)
    # March: Putin→IRN counts as RUS→IRN (Putin's country), the assault IRN→RUS.
    mar = df[df["period"] == "2015-03"].set_index("direction")
    assert (mar.loc["Iran→Russia", "material_conflict"], mar.loc["Russia→Iran", "verbal_coop"]) == (1, 1)
    # the same three periods in every direction, empty February included
    assert list(df.groupby("direction", sort=False).size()) == [3, 3, 3]


@pytest.mark.parametrize("by,periods", [("week", ["2015-01-05/2015-01-11", "2015-01-19/2015-01-25"]),
                                        ("year", ["2015"]), ("day", ["2015-01-10"])])
def test_other_periods(worked, by, periods):
    df = dyad_timeline(worked, "IRN", "RUS", freq=by, until="2015-01-31")
    got = list(df.loc[df["events"] > 0, "period"])
    assert got[: len(periods)] == periods
