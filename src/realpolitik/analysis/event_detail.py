"""One event with its evidence: its fields, its sentence marked inside the document, how it was coded, and
the other mentions of the same happening (the store joins mentions across sentences and articles into one
event: store/cluster.py).

The document comes back as segments of pieces ``{"text", "sentence", "parts", "event_id", "mention"}``: the event's
sentence is the piece with ``sentence`` true, cut into ``parts`` ``{"text", "marks"}`` where ``marks`` name
the spans covering the part ("trigger", "source", "target"); ``event_id`` and ``mention`` link another sentence
to the first mention coded from it. A template only has to wrap each piece; no offsets are computed in the page.
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


def event_detail(store: Store, event_id: str, mention: str | None = None) -> dict[str, Any] | None:
    """The event page's data, or None for an unknown id. The event shows its representative mention;
    ``mention`` (one of the event's mention ids) shows that mention instead: its own sentence and direction.
    A bare mention id as ``event_id`` shows that mention too, unless it is also the event's id."""
    sql = ("SELECT e.*, s.text AS sentence, s.segment_idx, s.start_char AS sentence_start, d.path AS doc_path, "
           "d.title AS doc_title, d.pub_date AS doc_date, d.source AS publisher, d.url, d.date_source "
           "FROM {table} e JOIN sentences s ON s.sentence_id = e.sentence_id JOIN documents d ON d.doc_id = e.doc_id "
           "WHERE e.{key} = ?")
    if mention:
        got = store.query(sql.format(table="event_mentions", key="mention_id") + " AND e.event_id = ?",
                          [mention, event_id])
    else:
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
    sentences = records(store.query(  # each sentence's first coded mention, to link it
        "SELECT s.sentence_id, s.segment_idx, s.start_char, length(s.text) AS n, f.event_id AS first_event, "
        "f.mention_id AS first_mention FROM sentences s LEFT JOIN (SELECT sentence_id, "
        "arg_min(event_id, mention_id) AS event_id, min(mention_id) AS mention_id FROM event_mentions "
        "WHERE doc_id = $1 GROUP BY sentence_id) f ON f.sentence_id = s.sentence_id "
        "WHERE s.doc_id = $1 ORDER BY s.segment_idx, s.sentence_idx", [ev["doc_id"]]))
    others = records(store.query(
        # every other coded mention of this event (other articles, other sentences, the mirrored reading of a
        # symmetric "A and B met" in the same sentence), and the other events coded from this sentence
        "SELECT m.mention_id, m.event_id, m.doc_id, m.sentence_id, m.cameo, m.source_name, m.target_name, "
        "m.trigger, m.is_hypothetical, m.is_negated, m.date, m.date_precision, s.text AS sentence, "
        "d.title AS doc_title, d.source AS publisher, d.pub_date AS doc_date "
        "FROM event_mentions m JOIN sentences s ON s.sentence_id = m.sentence_id "
        "JOIN documents d ON d.doc_id = m.doc_id "
        "WHERE (m.event_id = $1 OR m.sentence_id = $2) AND m.mention_id <> $3 "
        "ORDER BY d.pub_date NULLS LAST, m.doc_id, m.sentence_id, m.trigger_start, m.mention_id",
        [ev["event_id"], ev["sentence_id"], ev["mention_id"]]))
    counts = store.query("SELECT mention_id, num_mentions, num_articles, num_sources, first_seen, last_seen FROM events "
                         "WHERE event_id = ?", [ev["event_id"]])
    reported = records(counts)[0] if not counts.empty else {}
    return {"event": ev, "document": _marked(segments, sentences, ev), "reported": reported,
            "mentions": [m for m in others if m["event_id"] == ev["event_id"]],
            "same_sentence": [m for m in others if m["event_id"] != ev["event_id"]]}


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
                pieces.append({"text": text[pos:start], "event_id": None, "mention": None, "sentence": False,
                               "parts": []})
            mine = s["sentence_id"] == ev["sentence_id"]
            pieces.append({"text": text[start:end], "event_id": None if mine else s["first_event"],
                           "mention": None if mine else s["first_mention"], "sentence": mine,
                           "parts": _spans(text[start:end], ev) if mine else []})
            pos = end
        if pos < len(text):
            pieces.append({"text": text[pos:], "event_id": None, "mention": None, "sentence": False, "parts": []})
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
