"""One event per happening: mentions across sentences and articles join into one event, in any order."""
from __future__ import annotations

import datetime as dt

import pytest

from realpolitik import api
from realpolitik.store import Store

# The same happening told three ways by three outlets, and a different meeting of the pair a month later.
OUTLETS = {
    "wire.txt": ("Wire Service", "2014-08-05",
                 "Iran and Russia sign oil-for-goods deal\n\nIran and Russia signed an agreement on Monday to swap "
                 "Iranian oil for Russian goods, officials said.\n\nThe deal covers up to 500,000 barrels a day."),
    "daily.txt": ("Daily Courier", "2014-08-05",
                  "Moscow and Tehran agree barter\n\nRussia and Iran signed a barter deal on Monday, trading Iranian "
                  "oil for Russian industrial goods.\n\nAnalysts said Washington would object."),
    "review.txt": ("Gulf Review", "2014-08-06",
                   "Oil-for-goods accord\n\nTehran and Moscow concluded an oil-for-goods agreement on Monday, the Iranian "
                   "oil ministry said.\n\nThe accord had been discussed for months."),
    "later.txt": ("Wire Service", "2014-09-09",
                  "Iran and Russia sign energy deal\n\nIran and Russia signed an agreement on Monday on building "
                  "power plants.\n\nThe two countries also discussed Syria."),
}


def _write(folder, names):
    paths = []
    for name in names:
        source, date, text = OUTLETS[name]
        p = folder / name
        p.write_text(text, encoding="utf-8")
        paths.append((p, source, date))
    return paths


def _ingest(tmp_path, names, db_name, one_by_one=False):
    folder = tmp_path / db_name.replace(".duckdb", "")
    folder.mkdir()
    db = tmp_path / db_name
    for p, source, date in _write(folder, names):
        api.ingest([str(p)], db=db, date=dt.date.fromisoformat(date), source=source, classifier=None)
    return Store(db, read_only=True)


def _deals(store):
    df = store.events(root="05", dyad=("IRN", "RUS"))
    return df.sort_values("first_seen").reset_index(drop=True)


def test_same_deal_from_three_outlets_is_one_event_and_a_later_one_is_another(tmp_path):
    store = _ingest(tmp_path, ["wire.txt", "daily.txt", "review.txt", "later.txt"], "a.duckdb")
    deals = _deals(store)
    assert len(deals) == 2, deals[["event_date", "source_name", "target_name", "num_articles", "sentence"]]
    first, second = deals.iloc[0], deals.iloc[1]
    assert (first["num_articles"], first["num_sources"]) == (3, 3)
    assert first["num_mentions"] >= 3 and first["event_date"].date() == dt.date(2014, 8, 4)
    assert (str(first["first_seen"].date()), str(first["last_seen"].date())) == ("2014-08-05", "2014-08-06")
    assert bool(first["is_root_event"])
    assert (second["num_articles"], second["event_date"].date()) == (1, dt.date(2014, 9, 8))
    mentions = store.events(root="05", dyad=("IRN", "RUS"), mentions=True)
    assert set(mentions["event_id"]) == set(deals["event_id"])  # every mention kept, each with its event
    assert len(mentions) >= 4


def test_file_order_does_not_change_the_events(tmp_path):
    names = ["wire.txt", "daily.txt", "review.txt", "later.txt"]
    a = _ingest(tmp_path, names, "a.duckdb")
    b = _ingest(tmp_path, list(reversed(names)), "b.duckdb")
    cols = ["event_id", "event_date", "cameo_code", "source_actor_id", "target_actor_id", "num_mentions",
            "num_sources", "num_articles", "first_seen", "last_seen", "is_root_event", "sentence"]
    ea = a.events(include_hypothetical=True)[cols].sort_values("event_id").reset_index(drop=True)
    eb = b.events(include_hypothetical=True)[cols].sort_values("event_id").reset_index(drop=True)
    assert len(ea) > 2
    assert ea.equals(eb)
    ma = a.events(include_hypothetical=True, mentions=True)[["mention_id", "event_id"]].sort_values("mention_id")
    mb = b.events(include_hypothetical=True, mentions=True)[["mention_id", "event_id"]].sort_values("mention_id")
    assert ma.reset_index(drop=True).equals(mb.reset_index(drop=True))


def test_ingesting_again_changes_nothing(tmp_path):
    store = _ingest(tmp_path, ["wire.txt", "daily.txt"], "a.duckdb")
    before = store.events(include_hypothetical=True)
    folder = tmp_path / "again"
    folder.mkdir()
    for p, source, date in _write(folder, ["daily.txt", "wire.txt"]):
        api.ingest([str(p)], db=store.path, date=dt.date.fromisoformat(date), source=source, classifier=None)
    after = Store(store.path, read_only=True).events(include_hypothetical=True)
    assert before.equals(after)
