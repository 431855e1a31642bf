"""Linking tests a new mention only against the mentions of its key that its date can reach (cluster._Reach):
the same pairs, in the same order, as testing every mention of the key, with far fewer tests."""
from __future__ import annotations

import datetime as dt
import itertools

from realpolitik.store import cluster
from realpolitik.store.cluster import Mention, _Reach

SENTENCES = ["Iran and Russia signed an oil-for-goods agreement on Monday.",
             "Russia and Iran signed a barter deal, trading Iranian oil for Russian goods.",
             "Tehran and Moscow concluded an oil-for-goods accord, the oil ministry said.",
             "Iran's foreign minister met his Russian counterpart in Moscow."]
DATES = [None, dt.date(2014, 8, 4), dt.date(2014, 8, 5), dt.date(2014, 8, 11), dt.date(2014, 8, 12),
         dt.date(2014, 8, 31), dt.date(2014, 9, 1), dt.date(2014, 12, 31), dt.date(2015, 1, 1)]
PRECISIONS = ["day", "week", "month", "year", "unknown"]


def _mentions() -> list[Mention]:
    out = []
    for k, (date, precision, doc, text) in enumerate(itertools.product(DATES, PRECISIONS, [f"d{i}" for i in range(6)],
                                                                         SENTENCES[:2])):
        if date is None and precision != "unknown":
            continue
        out.append(Mention(f"m{k:04d}", f"e{k:04d}", doc, f"{doc}:0:{k % 3}", "057|IRN|RUS|",
                           ("IRN", "RUS") if k % 2 else ("RUS", "IRN"), "057" if k % 3 else "0571", date, precision,
                           None, None, text))
    return out


def test_the_pairs_are_those_of_every_mention_of_the_key_in_the_same_order():
    pool = _mentions()
    reach = _Reach(pool)
    tested = 0
    for m in pool:
        every = [(c.mention_id, cluster.similarity_needed(m, c)) for c in pool if c.mention_id != m.mention_id]
        near = reach.of(m)
        tested += len(near)
        got = [(c.mention_id, cluster.similarity_needed(m, c)) for c in near if c.mention_id != m.mention_id]
        assert [p for p in every if p[1] is not None] == [p for p in got if p[1] is not None], m
    assert tested < len(pool) ** 2 / 3  # the point: most pairs of a key are out of each other's reach


def test_a_mention_reaches_its_own_article_whatever_the_dates():
    pool = _mentions()
    reach = _Reach(pool)
    for m in pool:
        assert {c.mention_id for c in pool if c.doc_id == m.doc_id} <= {c.mention_id for c in reach.of(m)}
