"""Peak memory and time of hostile inputs, each in its own process (`python bench/bombs.py [--quick]`).

Bombs: a 20 MB one-line text, a 1.04 MB JSONL record, a gzip bomb (200 MB of zeros in ~200 KB), an XML
entity bomb in an RSS file, a Phoenix substitution bomb, and single sentences of 1k-30k tokens coded by
`code_text` (the coder's cost should grow near-linearly with sentence length: the last column is seconds per
1,000 tokens). Figures are printed last; the machine may be loaded, so compare rows of one run.
"""
from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measure(code: str, *args: str) -> tuple[float, float, int, str]:
    """(seconds, peak RSS in MB, exit status, last output line) of ``python -c code args`` in its own process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=out, stderr=err, env=env, text=True)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own peak, not the running maximum of all
        seconds = time.monotonic() - start
        out.seek(0)
        err.seek(0)
        lines = out.read().strip().splitlines() or err.read().strip().splitlines() or [""]
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status), lines[-1][:160]


INGEST = textwrap.dedent("""
    import sys
    from realpolitik import api
    r = api.ingest([sys.argv[1]], db=sys.argv[2], classifier=None, progress=False)
    print(f"{r.added} added, {len(r.failures)} failed: " + "; ".join(str(f)[-90:] for f in r.failures[:2]))
""")
PHOENIX = textwrap.dedent("""
    import sys
    from realpolitik.actors import load_kb
    from realpolitik.errors import InputError
    try:
        load_kb(phoenix_files=[sys.argv[1]])
        print("accepted")
    except InputError as exc:
        print(str(exc)[-100:])
""")
SENTENCE = textwrap.dedent("""
    import sys, time
    from realpolitik import api
    n = int(sys.argv[1])
    words = ("officials from Iran and Russia and Syria met ministers of Turkey in Tehran and talked with "
             "envoys of the United States about sanctions and").split()
    text = " ".join(words[i % len(words)] for i in range(n)) + " ."
    start = time.monotonic()
    coded = api.code_text(text, classifier=None)
    took = time.monotonic() - start
    tokens = sum(len(s.text.split()) for s in coded.sentences)
    print(f"{len(coded.sentences)} sentences, {tokens} tokens, {len(coded.events)} events, coding {took:.1f} s")
""")


def main() -> None:
    quick = "--quick" in sys.argv
    rows: list[tuple[str, float, float, int, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        big = t / "2015-01-01-blob.txt"
        big.write_text("Iran condemned Russia on Monday. " + "x" * 20_000_000 + "\n")
        rows.append(("20 MB one-line text", *measure(INGEST, str(big), str(t / "a.duckdb"))))
        rec = t / "records.jsonl"
        rec.write_text(json.dumps({"text": "Russia praised Iran on Tuesday. " + "y" * 1_040_000}) + "\n")
        rows.append(("1.04 MB JSONL record", *measure(INGEST, str(rec), str(t / "b.duckdb"))))
        gz = t / "bomb.txt.gz"
        with gzip.open(gz, "wb", compresslevel=9) as fh:
            for _ in range(200):
                fh.write(b"\0" * 2**20)
        rows.append((f"gzip bomb ({gz.stat().st_size // 1024} KB -> 200 MB)", *measure(INGEST, str(gz), str(t / "c.duckdb"))))
        xml = t / "laughs.xml"
        ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
        xml.write_text('<?xml version="1.0"?>\n<!DOCTYPE rss [' + "".join(ents) + ']>\n<rss version="2.0"><channel>'
                       '<title>t</title><item><title>Iran met Russia</title><description>&lol9;</description>'
                       '</item></channel></rss>\n')
        rows.append(("XML entity bomb (10^9 lols)", *measure(INGEST, str(xml), str(t / "d.duckdb"))))
        ph = t / "bomb.actors.txt"
        ph.write_text("!A! = " + ", ".join(f"A{i}" for i in range(10)) + "\n!B! = !A!!A!\n!C! = !B!!B!\n"
                      "!D! = !C!!C!\n!E! = !D!!D!\nBOMB_!E! [USAGOV]\n")
        rows.append(("Phoenix substitution bomb (10^16 names)", *measure(PHOENIX, str(ph))))
        for n in ([1000, 3000] if quick else [1000, 3000, 10000, 30000]):
            rows.append((f"one sentence of {n:,} tokens", *measure(SENTENCE, str(n))))
    print(f"\n{'input':42} {'seconds':>8} {'peak MB':>8} {'exit':>4}  result")
    for name, secs, peak, rc, what in rows:
        print(f"{name:42} {secs:8.1f} {peak:8.0f} {rc:4d}  {what}")


if __name__ == "__main__":
    main()
