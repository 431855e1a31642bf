"""A synthetic event database in the real schema, built with SQL (no NLP), for the scale benches.

Shape of a real news corpus: about 2 events per sentence, 20 sentences per document, documents spread over
2000–2020, a few big states taking most events (Zipf-like), their institutions, some people and factions,
CAMEO codes with their real quad classes and Goldstein scores, 8% of events hypothetical or negated, and
sentences built from a vocabulary so that a word search has something to find.

    from synthetic import build
    build(Path("/tmp/x.duckdb"), 1_000_000)
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

COUNTRIES = ["USA", "RUS", "CHN", "IRN", "SYR", "ISR", "TUR", "UKR", "GBR", "FRA", "DEU", "SAU", "IRQ", "AFG",
             "PAK", "IND", "JPN", "PRK", "KOR", "EGY", "QAT", "ARE", "LBN", "JOR", "YEM", "LBY", "BLR", "POL",
             "ITA", "ESP", "BRA", "MEX", "VEN", "CUB", "NGA", "ETH", "KEN", "ZAF", "SDN", "SOM"]
SECTORS = ["", "GOV", "MIL", "LEG", "OPP", "REB", "BUS", "MED", "CVL", "JUD"]
PEOPLE = [("person:vladimir-putin", "Vladimir Putin", "RUSGOV", "RUS"),
          ("person:hassan-rouhani", "Hassan Rouhani", "IRNGOV", "IRN"),
          ("person:barack-obama", "Barack Obama", "USAGOV", "USA"),
          ("person:sergei-lavrov", "Sergei Lavrov", "RUSGOV", "RUS"),
          ("person:javad-zarif", "Javad Zarif", "IRNGOV", "IRN"),
          ("person:xi-jinping", "Xi Jinping", "CHNGOV", "CHN")]
FACTIONS = [("faction:IRN:hard-liners", "Iranian hard-liners", "IRNGOVRAD", "IRN", '[]'),
            ("faction:IRN:pragmatists", "Iranian pragmatists", "IRNGOVMOD", "IRN", '["person:hassan-rouhani"]')]
IGOS = [("igo:UN", "United Nations", "IGOUNO"), ("igo:SCO", "Shanghai Cooperation Organisation", "IGOSCO"),
        ("igo:NATO", "NATO", "IGONAT"), ("igo:EU", "European Union", "IGOEUR")]
WORDS = ["nuclear", "sanctions", "oil", "ceasefire", "trade", "missiles", "refugees", "elections", "gas", "border",
         "investment", "inspections", "troops", "aid", "talks", "embargo", "pipeline", "deal", "summit", "drones"]


def actor_rows() -> list[tuple]:
    """(actor_id, name, code, country, sector, kind, members); states first (the most frequent)."""
    out = []
    for c in COUNTRIES:
        for s in SECTORS:
            out.append((c + s, c if not s else f"{c} {s}", c + s, c, s or None, "state" if not s else "institution",
                        "[]"))
    out += [(a, n, code, c, "GOV", "person", "[]") for a, n, code, c in PEOPLE]
    out += [(a, n, code, c, "GOV", "faction", m) for a, n, code, c, m in FACTIONS]
    out += [(a, n, code, None, None, "igo", "[]") for a, n, code in IGOS]
    return out


def _values(rows: list[tuple]) -> str:
    def lit(v):
        if v is None:
            return "NULL"
        if isinstance(v, (int, float)):
            return repr(v)
        return "'" + str(v).replace("'", "''") + "'"
    return ", ".join("(" + ", ".join(lit(v) for v in r) + ")" for r in rows)


def _sentence(s: str) -> str:
    """SQL of the text of sentence number ``s`` (over the word list ``w``)."""
    return (f"'Officials discussed ' || w.words[CAST(1 + hash({s}) % 20 AS BIGINT)] || ' and ' || "
            f"w.words[CAST(1 + hash({s} + 1) % 20 AS BIGINT)] || ' with their counterparts, report ' || {s} || '.'")


def build(path: Path, n_events: int, mentions: bool = False) -> None:
    """Fill a fresh database at ``path`` through realpolitik's own connect() (so: the current schema).

    ``mentions``: also fill ``event_mentions`` (one mention per event, with its clustering key) and the actor
    ``mentions``, as an ingest would: the write bench (bench/store_write.py) needs them, the query benches not.
    """
    sys.path.insert(0, str(ROOT / "src"))
    from realpolitik.events.codebook import cameo_codes
    from realpolitik.store import connect
    from realpolitik.store.schema import columns

    n_sent = max(1, n_events // 2)
    n_docs = max(1, n_sent // 20)
    actors = actor_rows()
    codes = [c for c in cameo_codes().values() if len(c.code) == 3]
    con = connect(path)
    con.execute(f"CREATE TEMP TABLE a AS SELECT *, row_number() OVER () - 1 AS i FROM (VALUES {_values(actors)}) "
                "t(actor_id, name, code, country, sector, kind, members)")
    con.execute(f"CREATE TEMP TABLE c AS SELECT *, row_number() OVER () - 1 AS i FROM (VALUES "
                f"{_values([(c.code, c.name, c.root, c.quad_class, c.goldstein, c.plover or '') for c in codes])}) "
                "t(cameo, cameo_name, cameo_root, quad_class, goldstein, plover)")
    con.execute(f"CREATE TEMP TABLE w AS SELECT list_value({', '.join(repr(w) for w in WORDS)}) AS words")
    con.execute("INSERT INTO actors (actor_id, name, code, country, sector, kind, former, aliases, roles, members, "
                "evidence, first_seen, last_seen) SELECT actor_id, name, code, country, sector, kind, false, '[]', "
                "'[]', members, '[]', DATE '2000-01-01', DATE '2020-12-31' FROM a")
    con.execute(f"""INSERT INTO documents (doc_id, path, title, pub_date, date_source, source, url, ingested_at)
        SELECT printf('%016x', d), 'synthetic/' || d || '.txt', 'Story ' || d,
        DATE '2000-01-01' + CAST(d * 7671 // {n_docs} AS INTEGER), 'record', 'Wire ' || (d % 7), NULL,
        TIMESTAMP '2021-01-01' FROM range({n_docs}) t(d)""")
    con.execute(f"""INSERT INTO segments (doc_id, idx, kind, text, seg_date)
        SELECT printf('%016x', d), 0, 'body', 'Body of story ' || d, NULL FROM range({n_docs}) t(d)""")
    con.execute(f"""INSERT INTO sentences (sentence_id, doc_id, segment_idx, sentence_idx, start_char, text)
        SELECT printf('%016x', s // 20) || ':0:' || (s % 20), printf('%016x', s // 20), 0, s % 20, 0, {_sentence("s")}
        FROM range({n_sent}) t(s), w""")
    n_act, n_codes = len(actors), len(codes)
    # Zipf-ish actor pick: index floor(n * u^3) puts most events on the first, big states.
    con.execute(f"""CREATE TEMP TABLE ev AS SELECT e, e // 2 AS s,
        CAST(floor({n_act} * pow((hash(e * 2) % 1000003) / 1000003.0, 3)) AS INTEGER) AS si,
        CAST(floor({n_act} * pow((hash(e * 2 + 1) % 1000003) / 1000003.0, 3)) AS INTEGER) AS ti,
        CAST(hash(e * 7) % {n_codes} AS INTEGER) AS ci FROM range({n_events}) t(e)""")
    filled = {
        "event_id": "printf('%016x', e)", "doc_id": "printf('%016x', ev.s // 20)",
        "sentence_id": "printf('%016x', ev.s // 20) || ':0:' || (ev.s % 20)",
        **{f"{side}_{col}": f"{al}.{col}" for side, al in (("source", "sa"), ("target", "ta"))
           for col in ("name", "actor_id", "code", "country", "sector", "kind")},
        "source_text": "sa.name", "target_text": "ta.name", "source_start": "0", "source_end": "5",
        "target_start": "30", "target_end": "35", "source_rule": "'synthetic'", "target_rule": "'synthetic'",
        "date": f"DATE '2000-01-01' + CAST((ev.s // 20) * 7671 // {n_docs} AS INTEGER)",
        "date_precision": "'day'", "date_text": "''", "date_rule": "'article-date'",
        "cameo": "c.cameo", "cameo_name": "c.cameo_name", "cameo_root": "c.cameo_root", "quad_class": "c.quad_class",
        "goldstein": "c.goldstein", "plover": "c.plover", "trigger": "'discussed'", "trigger_start": "10",
        "trigger_end": "19", "is_hypothetical": "e % 17 = 0", "is_negated": "e % 29 = 0", "modality": "''",
        "rule": "'synthetic'", "segment_kind": "'body'",
        "sentence_text": _sentence("ev.s"), "sentence_segment": "0", "sentence_index": "ev.s % 20",
    }
    cols = [c for c in columns("events") if c in filled]
    con.execute(f"INSERT INTO events ({', '.join(cols)}) SELECT {', '.join(filled[c] for c in cols)} "
                "FROM ev JOIN a sa ON sa.i = ev.si JOIN a ta ON ta.i = ev.ti JOIN c ON c.i = ev.ci, w")
    if mentions:
        shared = [c for c in columns("event_mentions") if c in cols]
        side = ("coalesce(nullif({p}_country, ''), nullif({p}_actor_id, ''), nullif({p}_code, ''), '-')")
        a, b = side.format(p="source"), side.format(p="target")
        a2 = f"CASE WHEN {a} = {b} THEN coalesce(nullif(source_code, ''), {a}) ELSE {a} END"
        b2 = f"CASE WHEN {a} = {b} THEN coalesce(nullif(target_code, ''), {b}) ELSE {b} END"
        flags = "(CASE WHEN is_hypothetical THEN 'H' ELSE '' END) || (CASE WHEN is_negated THEN 'N' ELSE '' END)"
        key = f"cameo_root || '|' || least({a2}, {b2}) || '|' || greatest({a2}, {b2}) || '|' || {flags}"
        con.execute(f"INSERT INTO event_mentions (mention_id, {', '.join(shared)}, is_root, cluster_key) "
                    f"SELECT event_id, {', '.join(shared)}, false, {key} FROM events")
        con.execute("UPDATE events SET mention_id = event_id, is_root = false, num_mentions = 1, num_sources = 1, "
                    "num_articles = 1, first_seen = date, last_seen = date, is_root_event = false")
        con.execute("INSERT INTO mentions (sentence_id, idx, actor_id, text, start_char, end_char, rule, role) "
                    "SELECT sentence_id, CAST(row_number() OVER (PARTITION BY sentence_id ORDER BY event_id) AS INTEGER)"
                    " - 1, actor_id, name, 0, 5, 'synthetic', NULL FROM (SELECT sentence_id, event_id, "
                    "source_actor_id AS actor_id, source_name AS name FROM events UNION ALL SELECT sentence_id, "
                    "event_id || 't', target_actor_id, target_name FROM events)")
    con.execute("CHECKPOINT")
    con.close()


def cached(folder: Path, n: int, prefix: str = "realpolitik-synthetic") -> Path:
    """``folder/prefix-n.duckdb`` with ``n`` synthetic events, built unless a complete one is there already."""
    import time

    from realpolitik.store import Store

    db = folder / f"{prefix}-{n}.duckdb"
    if db.exists():
        try:
            if Store(db, read_only=True).counts()["events"] == n:
                return db
        except Exception as exc:  # an older schema or a half-built file: rebuild it
            print(f"rebuilding {db}: {exc}")
        db.unlink()
    t0 = time.perf_counter()
    build(db, n)
    print(f"built {n:,} events in {time.perf_counter() - t0:.0f} s -> {db} ({db.stat().st_size / 2**30:.2f} GB)")
    return db


def optimized(db: Path) -> Path:
    """A copy of ``db`` beside it whose events ``Store.optimize`` rewrote, built once and rebuilt when ``db`` is
    newer; the copy takes its final name only when complete."""
    import shutil
    import time

    from realpolitik.store import Store

    done = db.with_name(db.stem + "-optimized.duckdb")
    if not done.exists() or done.stat().st_mtime < db.stat().st_mtime:
        part = done.with_suffix(".part")
        shutil.copyfile(db, part)
        t0 = time.perf_counter()
        n = Store(part).optimize()
        part.rename(done)
        print(f"Store.optimize: {n:,} events rewritten in {time.perf_counter() - t0:.0f} s -> {done}")
    return done
