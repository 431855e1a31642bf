"""One event with its evidence: its fields, its sentence marked inside the document, how it was coded.

The document comes back as segments of pieces ``{"text", "sentence", "parts", "event_id"}``: the event's
sentence is the piece with ``sentence`` true, cut into ``parts`` ``{"text", "marks"}`` where ``marks`` name
the spans covering the part ("trigger", "source", "target"); ``event_id`` links another sentence to the
first event coded from it. A template only has to wrap each piece; no offsets are computed in the page.
"""
from __future__ import annotations

from typing import Any

from realpolitik.events.codebook import cameo_codes
from realpolitik.store import Store, records

_SPANS = ("trigger", "source", "target")


def coded_by(rule: str | None) -> str:
    """"model" for events the learned classifier coded, "rule" for the lexicon's, "" when unknown."""
    if not rule:
        return ""
    return "model" if rule.startswith("model:") else "rule"


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """The event page's data, or None for an unknown id; the id of one of an event's mentions shows that
    mention (its own sentence and direction)."""
    sql = ("SELECT e.*, s.text AS sentence, s.segment_idx, s.start_char AS sentence_start, d.path AS doc_path, "
           "d.title AS doc_title, d.pub_date AS doc_date, d.source AS publisher, d.url, d.date_source "
           "FROM {table} e JOIN sentences s ON s.sentence_id = e.sentence_id JOIN documents d ON d.doc_id = e.doc_id "
           "WHERE e.{key} = ?")
    got = store.query(sql.format(table="events", key="event_id"), [event_id])
    if got.empty:
        got = store.query(sql.format(table="event_mentions", key="mention_id"), [event_id])
    if got.empty:
        return None
    ev = records(got)[0]
    code = _code(ev["cameo"])
    ev["cameo_name"] = code.name if code else ""
    root = _code(ev["cameo_root"])
    ev["root_name"] = root.name if root else ""
    ev["coded_by"] = coded_by(ev["rule"])
    segments = records(store.query("SELECT idx, kind, text, seg_date FROM segments WHERE doc_id = ? ORDER BY idx",
                                   [ev["doc_id"]]))
    sentences = records(store.query(
        "SELECT s.sentence_id, s.segment_idx, s.start_char, length(s.text) AS n, "
        "(SELECT min(x.event_id) FROM events x WHERE x.sentence_id = s.sentence_id) AS first_event "
        "FROM sentences s WHERE s.doc_id = ? ORDER BY s.segment_idx, s.sentence_idx", [ev["doc_id"]]))
    siblings = records(store.query(
        # the sentence's other coded mentions (a mirrored "A and B met" is one event with two mentions)
        "SELECT mention_id, event_id, cameo, source_name, target_name, trigger, is_hypothetical, is_negated "
        "FROM event_mentions WHERE sentence_id = ? AND mention_id <> ? ORDER BY trigger_start, mention_id",
        [ev["sentence_id"], ev["mention_id"]]))
    return {"event": ev, "document": _marked(segments, sentences, ev), "same_sentence": siblings,
            "elsewhere": _elsewhere(store, ev)}


def _code(code: str | None):
    return cameo_codes().get(code) if code else None  # a code the codebook lacks shows alone


def _marked(segments: list[dict], sentences: list[dict], ev: dict) -> list[dict[str, Any]]:
    """Segments cut into pieces at sentence boundaries; the event's sentence cut again at its spans."""
    by_segment: dict[int, list[dict]] = {}
    for s in sentences:
        by_segment.setdefault(s["segment_idx"], []).append(s)
    out = []
    for seg in segments:
        text, pos, pieces = seg["text"], 0, []
        for s in by_segment.get(seg["idx"], []):
            start, end = s["start_char"], s["start_char"] + s["n"]
            if start < pos or end > len(text):  # offsets that do not fit: show the text plain
                continue
            if start > pos:
                pieces.append({"text": text[pos:start], "event_id": None, "sentence": False, "parts": []})
            mine = s["sentence_id"] == ev["sentence_id"]
            pieces.append({"text": text[start:end], "event_id": None if mine else s["first_event"], "sentence": mine,
                           "parts": _spans(text[start:end], ev) if mine else []})
            pos = end
        if pos < len(text):
            pieces.append({"text": text[pos:], "event_id": None, "sentence": False, "parts": []})
        out.append({"idx": seg["idx"], "kind": seg["kind"], "date": seg["seg_date"],
                    "has_event": any(p["sentence"] for p in pieces), "pieces": pieces})
    return out


def _spans(sentence: str, ev: dict) -> list[dict[str, Any]]:
    """The sentence cut at the trigger and actor spans; each part with the marks covering it."""
    ranges = []
    for span in _SPANS:
        lo, hi = ev.get(f"{span}_start"), ev.get(f"{span}_end")
        if lo is not None and hi is not None and 0 <= lo < hi <= len(sentence):
            ranges.append((lo, hi, span))
    points = sorted({0, len(sentence), *(x for lo, hi, _ in ranges for x in (lo, hi))})
    return [{"text": sentence[lo:hi], "marks": [m for a, b, m in ranges if a <= lo and hi <= b]}
            for lo, hi in zip(points, points[1:])]


def _elsewhere(store: Store, ev: dict) -> list[dict[str, Any]]:
    """Events in other sentences with the same code, the same pair of actors (either order) and the same date."""
    if not (ev["date"] and ev["source_actor_id"] and ev["target_actor_id"]):
        return []
    return records(store.query(
        "SELECT e.event_id, e.doc_id, d.title AS doc_title, d.source AS publisher, e.date, s.text AS sentence "
        "FROM events e JOIN sentences s ON s.sentence_id = e.sentence_id JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.cameo = ? AND e.date = ? AND e.sentence_id <> ? AND ((e.source_actor_id = ? AND e.target_actor_id = ?) "
        "OR (e.source_actor_id = ? AND e.target_actor_id = ?)) ORDER BY d.pub_date, e.event_id LIMIT 50",
        [ev["cameo"], ev["date"], ev["sentence_id"], ev["source_actor_id"], ev["target_actor_id"],
         ev["target_actor_id"], ev["source_actor_id"]]))
