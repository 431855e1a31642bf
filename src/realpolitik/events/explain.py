"""Events as JSON for people: compact by default, with spans and rules when explaining."""
from __future__ import annotations

from typing import Any

from realpolitik.records import ActorRef, Event, Location


def _actor(a: ActorRef | None, explain: bool) -> dict[str, Any] | None:
    if a is None:
        return None
    out: dict[str, Any] = {"name": a.name, "code": a.code, "country": a.country, "sector": a.sector, "kind": a.kind}
    if a.role:
        out["role"] = a.role + (" (former)" if a.former else "")
    if explain:
        out.update({"actor_id": a.actor_id, "text": a.text, "span": [a.start, a.end], "why": a.rule})
    return out


def _place(loc: Location | None, explain: bool) -> dict[str, Any] | None:
    if loc is None:
        return None
    out: dict[str, Any] = {"name": loc.name, "kind": loc.kind, "country": loc.country, "adm1": loc.adm1,
                           "lat": loc.lat, "lon": loc.lon}
    if explain:
        out.update({"precision": loc.precision, "text": loc.text, "why": loc.rule, "feature_id": loc.feature_id})
    return out


def event_to_json(e: Event, explain: bool = False) -> dict[str, Any]:
    """One event: codes, actors, date, flags; with `explain`, the trigger/actor spans and the rule that fired."""
    out: dict[str, Any] = {
        "source": _actor(e.source, explain), "target": _actor(e.target, explain),
        "cameo": e.cameo, "cameo_root": e.cameo_root, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "plover": e.plover or None, "plover_mode": e.plover_mode, "trigger": e.trigger,
        "date": e.date.date.isoformat() if e.date.date else None, "date_precision": e.date.precision,
        "hypothetical": e.hypothetical, "negated": e.negated, "modality": list(e.modality),
        "location": _place(e.action_geo, explain),
    }
    if explain:
        out.update({"source_location": _place(e.source_geo, True), "target_location": _place(e.target_geo, True)})
        out.update({"trigger_span": [e.trigger_start, e.trigger_end], "date_text": e.date.text,
                    "date_rule": e.date.rule, "rule": e.rule, "event_id": e.event_id})
    return out


def coded_to_json(coded, explain: bool = False, include_flagged: bool = True) -> dict[str, Any]:
    """A coded document: each sentence with its events (and its actor mentions when explaining)."""
    doc = coded.document
    sentences = []
    for s in coded.sentences:
        evs = [event_to_json(e, explain) for e in s.events if include_flagged or e.factual]
        if not evs and not explain:
            continue
        item: dict[str, Any] = {"sentence": s.text, "events": evs}
        if explain:
            item["mentions"] = [_actor(m, True) for m in s.mentions]
        sentences.append(item)
    return {"date": doc.date.isoformat() if doc.date else None, "sentences": sentences,
            "events": sum(len(s["events"]) for s in sentences)}
