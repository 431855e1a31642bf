#!/usr/bin/env python3
"""Event locations on our own hand-located gold (bench/geo/gold.jsonl, 70 sentences).

Each gold line is coded with the real pipeline (api.code_text); the located event is the first factual
event of the item's last sentence that has an action location (the first event of any kind otherwise).
  country    — share of items whose predicted ActionGeo country is the gold country
  city/admin1 — of the items whose gold place is a city, site or admin1 region: share placed at it (a city
               or site within 30 km of the gold point; an admin1 region predicted as that region or a place
               inside it, i.e. the same country and within 150 km of the region's rough centre)
  distance   — median great-circle error in km over the items with a prediction
  coverage   — share of items that got any location at all (a missing one counts as wrong above)
Usage: python bench/geo.py [--errors] [--rules-only]
"""
from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

GOLD = Path(__file__).resolve().parent / "geo" / "gold.jsonl"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", action="store_true", help="print every item the locator got wrong")
    ap.add_argument("--rules-only", action="store_true", help="code without the sentence classifier")
    args = ap.parse_args()

    from realpolitik.api import build_coder, code_text
    from realpolitik.geo import distance_km

    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    coder = build_coder(classifier=None if args.rules_only else "default")
    t0 = time.perf_counter()
    right_country = placed = fine_total = fine_right = 0
    dists: list[float] = []
    by_rule: dict[str, list[int]] = {}
    for it in items:
        gold = it["gold"]
        coded = code_text(it["text"], date=it["date"], coder=coder)
        last = coded.sentences[-1].events if coded.sentences else []
        evs = [e for e in last if e.action_geo is not None] or [e for s in coded.sentences for e in s.events
                                                                  if e.action_geo is not None]
        evs.sort(key=lambda e: not e.factual)
        loc = evs[0].action_geo if evs else None
        ok_country = loc is not None and loc.country == gold["country"]
        d = distance_km(loc.lat, loc.lon, gold["lat"], gold["lon"]) if loc is not None and loc.lat is not None else None
        fine = gold["kind"] in ("city", "site", "admin1")
        ok_fine = False
        if fine and loc is not None and d is not None:
            limit = 150 if gold["kind"] == "admin1" else 30
            ok_fine = ok_country and d <= limit and loc.kind != "country"
        right_country += ok_country
        placed += loc is not None
        fine_total += fine
        fine_right += ok_fine
        if d is not None:
            dists.append(d)
        rule = loc.rule.split("+")[0].split(":")[0] if loc is not None else "(none)"
        by_rule.setdefault(rule, [0, 0])
        by_rule[rule][0] += 1
        by_rule[rule][1] += ok_country and (ok_fine or not fine)
        if args.errors and (not ok_country or (fine and not ok_fine)):
            got = (f"{loc.name} [{loc.kind}, {loc.country}, {loc.rule}] {d:.0f} km" if loc is not None
                   else "no location")
            print(f"{it['id']}: gold {gold['name']} [{gold['kind']}, {gold['country']}] — got {got}\n    {it['text']}")
    n = len(items)
    secs = time.perf_counter() - t0
    print(f"\nbench/geo: {n} hand-located sentences (gold written before the first run), "
          f"{'rules only' if args.rules_only else 'rules + classifier'}, {secs:.1f} s")
    print("rules that placed the event (items, of which right):",
          ", ".join(f"{r} {a}/{b}" for r, (a, b) in sorted(by_rule.items(), key=lambda kv: -kv[1][0])))
    print(f"coverage (any location)   {placed / n:.3f}  ({placed}/{n})")
    print(f"right country             {right_country / n:.3f}  ({right_country}/{n})")
    print(f"right city/admin1         {fine_right / fine_total:.3f}  ({fine_right}/{fine_total} items with a "
          "city, site or admin1 gold place)")
    print(f"median distance error     {statistics.median(dists):.1f} km over {len(dists)} located items")


if __name__ == "__main__":
    main()
