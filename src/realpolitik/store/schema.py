"""The database schema: one table definition drives the DDL and the Arrow types used for bulk inserts."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyarrow loads when a write needs Arrow types, not with the table definitions
    import pyarrow as pa

# Bump when a table changes and add the step to store/migrate.py: connect() migrates older files in place
# (nothing stored is lost) and refuses files written with a newer version.
SCHEMA_VERSION = 6


_SIDE = [
    ("name", "VARCHAR"), ("actor_id", "VARCHAR"), ("code", "VARCHAR"), ("country", "VARCHAR"),
    ("sector", "VARCHAR"), ("kind", "VARCHAR"), ("text", "VARCHAR"), ("start", "INTEGER"),
    ("end", "INTEGER"), ("rule", "VARCHAR"), ("role", "VARCHAR"),
]

# Where an event happened (action) and where its two actors are (source, target): realpolitik.geo.
GEO_SIDES = ("action", "source", "target")
GEO_FIELDS = [
    ("name", "VARCHAR"), ("type", "VARCHAR"), ("country", "VARCHAR"), ("adm1", "VARCHAR"), ("adm1_code", "VARCHAR"),
    ("lat", "DOUBLE"), ("lon", "DOUBLE"), ("precision", "VARCHAR"), ("feature_id", "VARCHAR"), ("rule", "VARCHAR"),
]
GEO_COLUMNS = [(f"{side}_geo_{name}", sql) for side in GEO_SIDES for name, sql in GEO_FIELDS]

# The coded fields of an event mention (the events table of schema 1-3, less its id).
_EVENT_FIELDS = ([("doc_id", "VARCHAR"), ("sentence_id", "VARCHAR")]
        + [(f"source_{n}", t) for n, t in _SIDE]
        + [(f"target_{n}", t) for n, t in _SIDE]
        + [("date", "DATE"), ("date_precision", "VARCHAR"), ("date_text", "VARCHAR"), ("date_rule", "VARCHAR"),
           ("cameo", "VARCHAR"), ("cameo_name", "VARCHAR"), ("cameo_root", "VARCHAR"), ("quad_class", "INTEGER"), ("goldstein", "DOUBLE"),
           ("plover", "VARCHAR"), ("plover_mode", "VARCHAR"), ("trigger", "VARCHAR"),
           ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("is_hypothetical", "BOOLEAN"),
           ("is_negated", "BOOLEAN"), ("modality", "VARCHAR"), ("rule", "VARCHAR"), ("segment_kind", "VARCHAR")]
        + GEO_COLUMNS)
# Per mention: in a title, lead or caption (GDELT IsRootEvent); the key mentions of one happening share.
MENTION_FIELDS = [("is_root", "BOOLEAN"), ("cluster_key", "VARCHAR")]
# Per event: how it was reported (GDELT NumMentions, NumSources, NumArticles, IsRootEvent).
CLUSTER_FIELDS = [("num_mentions", "INTEGER"), ("num_sources", "INTEGER"), ("num_articles", "INTEGER"),
                  ("first_seen", "DATE"), ("last_seen", "DATE"), ("is_root_event", "BOOLEAN")]
# The mention's sentence as ``sentences`` holds it (text, segment_idx, sentence_idx), copied into the row when it is
# written (schema 6): an events query reads it from the matching rows instead of joining the whole sentences table
# (10M events: the join scanned and probed 5M sentences for the 63k rows of one dyad; docs/scale.md).
SENTENCE_FIELDS = [("sentence_text", "VARCHAR"), ("sentence_segment", "INTEGER"), ("sentence_index", "INTEGER")]

# Table -> (columns, constraints). List-valued actor fields are JSON text: DuckDB rewrites a row
# whose LIST column is updated as delete+insert, which foreign keys referencing the row forbid.
TABLES: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "meta": ([("key", "VARCHAR"), ("value", "VARCHAR")], ["PRIMARY KEY (key)"]),
    "documents": (
        [("doc_id", "VARCHAR"), ("path", "VARCHAR"), ("title", "VARCHAR"), ("pub_date", "DATE"),
         ("date_source", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"), ("ingested_at", "TIMESTAMP")],
        ["PRIMARY KEY (doc_id)"],
    ),
    "segments": (
        [("doc_id", "VARCHAR"), ("idx", "INTEGER"), ("kind", "VARCHAR"), ("text", "VARCHAR"), ("seg_date", "DATE")],
        ["PRIMARY KEY (doc_id, idx)", "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)"],
    ),
    "sentences": (
        [("sentence_id", "VARCHAR"), ("doc_id", "VARCHAR"), ("segment_idx", "INTEGER"),
         ("sentence_idx", "INTEGER"), ("start_char", "INTEGER"), ("text", "VARCHAR")],
        ["PRIMARY KEY (sentence_id)", "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)"],
    ),
    "actors": (
        [("actor_id", "VARCHAR"), ("name", "VARCHAR"), ("code", "VARCHAR"), ("country", "VARCHAR"),
         ("sector", "VARCHAR"), ("kind", "VARCHAR"), ("attribute", "VARCHAR"), ("former", "BOOLEAN"),
         ("aliases", "VARCHAR"), ("roles", "VARCHAR"), ("members", "VARCHAR"), ("evidence", "VARCHAR"),
         ("first_seen", "DATE"), ("last_seen", "DATE"), ("votes", "VARCHAR")],
        ["PRIMARY KEY (actor_id)"],
    ),
    "mentions": (
        [("sentence_id", "VARCHAR"), ("idx", "INTEGER"), ("actor_id", "VARCHAR"), ("text", "VARCHAR"),
         ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("rule", "VARCHAR"), ("role", "VARCHAR")],
        ["PRIMARY KEY (sentence_id, idx)", "FOREIGN KEY (sentence_id) REFERENCES sentences (sentence_id)",
         "FOREIGN KEY (actor_id) REFERENCES actors (actor_id)"],
    ),
    # One row per coded mention of an event (GDELT's mentions table): the coder's output, never changed
    # except for ``event_id``, the happening it belongs to (store/cluster.py).
    "event_mentions": (
        [("mention_id", "VARCHAR"), ("event_id", "VARCHAR")] + _EVENT_FIELDS + MENTION_FIELDS + SENTENCE_FIELDS,
        ["PRIMARY KEY (mention_id)", "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)",
         "FOREIGN KEY (sentence_id) REFERENCES sentences (sentence_id)",
         "FOREIGN KEY (source_actor_id) REFERENCES actors (actor_id)",
         "FOREIGN KEY (target_actor_id) REFERENCES actors (actor_id)"],
    ),
    # One row per happening: the fields of its representative mention, and how often it was reported.
    "events": (
        [("event_id", "VARCHAR"), ("mention_id", "VARCHAR")] + _EVENT_FIELDS + MENTION_FIELDS + CLUSTER_FIELDS
        + SENTENCE_FIELDS,
        ["PRIMARY KEY (event_id)", "FOREIGN KEY (doc_id) REFERENCES documents (doc_id)",
         "FOREIGN KEY (sentence_id) REFERENCES sentences (sentence_id)",
         "FOREIGN KEY (source_actor_id) REFERENCES actors (actor_id)",
         "FOREIGN KEY (target_actor_id) REFERENCES actors (actor_id)"],
    ),
}

def columns(table: str) -> list[str]:
    """Column names of a table, in DDL order."""
    return [name for name, _ in TABLES[table][0]]


def ddl() -> list[str]:
    """CREATE statements for every table, parents before children."""
    out = []
    for table, (cols, constraints) in TABLES.items():
        body = [f'"{name}" {sql}' for name, sql in cols] + constraints
        out.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(body) + "\n)")
    return out
