"""Databases written by an older realpolitik are upgraded in place when opened; nothing stored is lost."""
from __future__ import annotations

import duckdb

from realpolitik.store import SCHEMA_VERSION, Store
from realpolitik.store.schema import ddl

V1_TABLES = ("meta", "documents", "segments", "sentences", "actors", "mentions", "events")


def _v1_file(path) -> None:
    """A schema-1 file (before geography) holding one document with one event."""
    con = duckdb.connect(str(path))
    later = ("_geo_", '"mention_id"', '"is_root"', '"cluster_key"', '"cameo_name"', '"sentence_text"',
             '"sentence_segment"', '"sentence_index"')
    for stmt in ddl():
        table = stmt.split()[5]
        if table == "event_mentions":  # today's mention rows are what schema 1 called events
            stmt = stmt.replace(" event_mentions (", " events (").replace("PRIMARY KEY (mention_id)",
                                                                          "PRIMARY KEY (event_id)")
            con.execute("\n".join(line for line in stmt.splitlines() if not any(x in line for x in later)))
        elif table in V1_TABLES and table != "events":
            con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (doc_id, path, title, pub_date) VALUES ('d1', 'a.txt', 'Talks', DATE '2015-07-09')")
    con.execute("INSERT INTO sentences VALUES ('d1:0:0', 'd1', 0, 0, 0, 'Iran met Russia in Moscow.')")
    con.execute("INSERT INTO actors (actor_id, name, code, country, kind) VALUES ('IRN', 'Iran', 'IRN', 'IRN', 'state'),"
                " ('RUS', 'Russia', 'RUS', 'RUS', 'state')")
    con.execute("INSERT INTO events (event_id, doc_id, sentence_id, source_actor_id, source_country, target_actor_id,"
                " target_country, date, cameo, cameo_root, quad_class, goldstein, plover, is_hypothetical, is_negated)"
                " VALUES ('e1', 'd1', 'd1:0:0', 'IRN', 'IRN', 'RUS', 'RUS', DATE '2015-07-09', '040', '04', 1, 1.0,"
                " 'CONSULT', false, false)")
    con.close()


def test_schema_1_file_is_upgraded_when_read(tmp_path):
    path = tmp_path / "old.duckdb"
    _v1_file(path)
    df = Store(path, read_only=True).events()
    assert list(df["source_country"]) == ["IRN"] and list(df["cameo_code"]) == ["040"]
    assert df["action_geo_name"].isna().all()  # stored before geography: no location, nothing lost
    assert list(df["cameo_name"]) == ["Consult, not specified below"]
    assert (list(df["event_id"]), list(df["num_mentions"]), list(df["num_articles"])) == (["e1"], [1], [1])
    m = Store(path, read_only=True).events(mentions=True)
    assert (list(m["mention_id"]), list(m["event_id"])) == (["e1"], ["e1"])
    con = duckdb.connect(str(path), read_only=True)
    try:
        assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall() == [(str(SCHEMA_VERSION),)]
        assert con.execute("SELECT count(*) FROM events").fetchall() == [(1,)]
    finally:
        con.close()


def test_upgrade_is_done_once_and_writes_go_on(tmp_path):
    from store_records import build, ev

    path = tmp_path / "old.duckdb"
    _v1_file(path)
    store = Store(path)
    assert store.add_many([build("d2", "2015-08-01", [("Russia praised Iran.", [ev("RUS", "IRN", "051", 1, 3.4, "SUPPORT")])])]) == 1
    assert store.counts()["documents"] == 2
    assert Store(path, read_only=True).counts()["documents"] == 2
