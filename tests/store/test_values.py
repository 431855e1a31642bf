"""The writer hands rows to DuckDB as typed list parameters (store/values.py), not as Arrow tables: the stored
values are those an Arrow table of the same schema gives, for every column type of the schema, NULLs and
all-NULL columns included; and an ingest no longer imports pandas (building any Arrow array from Python
objects imports it: ≈ 0.5 s of CPU)."""
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa

from realpolitik.store import values
from realpolitik.store.schema import TABLES

SRC = Path(__file__).resolve().parents[2] / "src"
_ARROW = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
          "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
_SAMPLES = {"VARCHAR": ["Iran's minister said: \"no\" — ‘quoted’", "", None],
            "INTEGER": [2_147_483_647, -3, None], "BIGINT": [2**53 + 1, 0, None],
            "DOUBLE": [0.1 + 0.2, -7.25e-300, None], "BOOLEAN": [True, False, None],
            "DATE": [dt.date(1979, 2, 11), dt.date(2016, 1, 16), None],
            "TIMESTAMP": [dt.datetime(2015, 7, 14, 9, 30, 5, 123456), dt.datetime(1, 1, 1), None]}


def _rows(table: str) -> list[dict]:
    typed = TABLES[table][0]
    rows = [{name: _SAMPLES[sql][k] for name, sql in typed} for k in range(3)]
    rows.append({})  # every key missing: all NULL
    return rows


def test_every_table_stores_what_an_arrow_table_of_its_schema_stores():
    con = duckdb.connect()
    for table, (typed, _) in TABLES.items():
        rows = _rows(table)
        cols = ", ".join(f'"{c}"' for c, _ in typed)
        ddl = ", ".join(f'"{c}" {sql}' for c, sql in typed)
        con.execute(f"CREATE TABLE a_{table} ({ddl}); CREATE TABLE b_{table} ({ddl})")
        arrow = pa.Table.from_pylist(rows, schema=pa.schema([(c, _ARROW[sql]) for c, sql in typed]))
        con.register("_arrow", arrow)
        con.execute(f"INSERT INTO a_{table} ({cols}) SELECT {cols} FROM _arrow")
        con.unregister("_arrow")
        con.execute(f"INSERT INTO b_{table} ({cols}) {values.select(typed)}", values.params(typed, rows))
        a = con.execute(f"SELECT * FROM a_{table} ORDER BY rowid").fetchall()
        b = con.execute(f"SELECT * FROM b_{table} ORDER BY rowid").fetchall()
        assert len(b) == 4 and a == b, table
        assert [type(v) for v in a[0]] == [type(v) for v in b[0]]


def test_temp_table_holds_the_columns_in_order_and_is_dropped():
    con = duckdb.connect()
    with values.temp_table(con, "_t", [("k", "VARCHAR"), ("d", "DATE")],
                           [["IRN|RUS", "USA|SYR"], [dt.date(2015, 9, 30), None]]):
        assert con.execute("SELECT * FROM _t ORDER BY rowid").fetchall() == [
            ("IRN|RUS", dt.date(2015, 9, 30)), ("USA|SYR", None)]
    with values.temp_table(con, "_t", [("r", "BIGINT")], [[]]):  # no rows: an empty table of that type
        assert con.execute("SELECT count(*), typeof(min(r)) FROM _t").fetchone() == (0, "BIGINT")
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = '_t'").fetchone() == (0,)


def test_an_ingest_does_not_import_pandas(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Russia and Iran sign arms deal\n\nRussia signed an agreement with Iran on Monday to supply air defence "
        "systems, the Kremlin said. Iran's foreign minister welcomed the deal.", encoding="utf-8")
    script = (f"import sys; from realpolitik import api; "
              f"api.ingest([{str(tmp_path / 'a.txt')!r}], db={str(tmp_path / 'n.duckdb')!r}, workers=1, "
              f"date=__import__('datetime').date(2015, 11, 23)); "
              f"import duckdb; n = duckdb.connect({str(tmp_path / 'n.duckdb')!r}).execute("
              f"'SELECT count(*) FROM event_mentions').fetchone()[0]; print(n > 0, 'pandas' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == ["True", "False"]
