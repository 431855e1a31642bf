"""One event with its evidence: its fields, its sentence marked inside the document, how it was coded.

The document comes back as segments of pieces ``{"text", "marks", "event_id"}``: ``marks`` are the
spans covering the piece ("sentence" for the event's sentence, then "trigger", "source", "target"),
``event_id`` links a piece of another sentence to the first event coded from it. A template only has to
wrap each piece; no offsets are computed in the page.
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
    """The event page's data, or None for an unknown id."""
    got = store.query(
        "SELECT e.*, s.text AS sentence, s.segment_idx, s.start_char AS sentence_start, d.path AS doc_path, "
        "d.title AS doc_title, d.pub_date AS doc_date, d.source AS publisher, d.url, d.date_source "
        "FROM events e JOIN sentences s ON s.sentence_id = e.sentence_id JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.event_id = ?", [event_id])
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
        "SELECT event_id, cameo, source_name, target_name, trigger, is_hypothetical, is_negated FROM events "
        "WHERE sentence_id = ? AND event_id <> ? ORDER BY trigger_start, event_id", [ev["sentence_id"], event_id]))
    return {"event": ev, "document": _marked(segments, sentences, ev), "same_sentence": siblings,
            "elsewhere": _elsewhere(store, ev)}


def _code(code: str | None):
    return cameo_codes().get(code) if code else None  # a code the codebook lacks shows alone


def _marked(segments: list[dict], sentences: list[dict], ev: dict) -> list[dict[str, Any]]:
    """Segments cut into pieces at sentence and span boundaries, each piece with its marks."""
    by_segment: dict[int, list[dict]] = {}
    for s in sentences:
        by_segment.setdefault(s["segment_idx"], []).append(s)
    out = []
    for seg in segments:
        text = seg["text"]
        cuts = {0, len(text)}
        ranges: list[tuple[int, int, str | None, str | None]] = []  # start, end, mark, link
        for s in by_segment.get(seg["idx"], []):
            start, end = s["start_char"], s["start_char"] + s["n"]
            if s["sentence_id"] == ev["sentence_id"]:
                ranges.append((start, end, "sentence", None))
                for span in _SPANS:
                    lo, hi = ev.get(f"{span}_start"), ev.get(f"{span}_end")
                    if lo is not None and hi is not None and 0 <= lo < hi:
                        ranges.append((start + lo, start + hi, span, None))
            elif s["first_event"]:
                ranges.append((start, end, None, s["first_event"]))
        for lo, hi, _, _ in ranges:
            cuts.update((max(0, min(lo, len(text))), max(0, min(hi, len(text)))))
        points = sorted(cuts)
        pieces = []
        for lo, hi in zip(points, points[1:]):
            marks = [m for a, b, m, _ in ranges if m and a <= lo and hi <= b]
            link = next((ln for a, b, _, ln in ranges if ln and a <= lo and hi <= b), None)
            pieces.append({"text": text[lo:hi], "marks": marks, "event_id": link})
        out.append({"idx": seg["idx"], "kind": seg["kind"], "date": seg["seg_date"],
                    "has_event": any("sentence" in p["marks"] for p in pieces), "pieces": pieces})
    return out


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
