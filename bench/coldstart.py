"""Cold start of `realpolitik code "..."`: fresh processes of this checkout alternated with a baseline revision,
CPU seconds (user + sys of the child, steadier than wall time on a shared machine) and wall seconds of each,
and whether the printed JSON is the same.

    python bench/coldstart.py                       # this checkout against main, 6 runs each
    python bench/coldstart.py --baseline 87cc832 --runs 10 --text "Iran condemned Israel."
    python bench/coldstart.py --phases              # where one cold process spends its CPU, step by step

The baseline's ``src`` is exported with ``git archive`` into a temporary folder; both sides use this Python and
write bytecode caches as a user's install does (a first, unmeasured run of each fills them). Load averages are
printed with the figures: on a loaded machine compare CPU seconds, not wall seconds.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Iran condemned Israel."

PHASES = r'''
import sys, time
rows, last = [], [time.process_time()]
def mark(name):
    now = time.process_time(); rows.append((name, now - last[0])); last[0] = now
import typer
from realpolitik import cli
root = cli.command(); mark("CLI: typer and the command modules")
from realpolitik.nlp.model import import_spacy, load_nlp
import_spacy(); mark("import spaCy")
from realpolitik import api
from realpolitik.events import coder as C, triggers
mark("import the coder")
load_nlp(); mark("load the spaCy model")
from realpolitik.actors import load_kb
load_kb(); mark("knowledge base (user cache)")
triggers.load_lexicon(()); mark("lexicon (user cache)")
coder = api.build_coder(classifier="default"); mark("classifier")
doc = api.document_from_text(sys.argv[1]); mark("clean the text")
coder.code_documents([doc]); mark("code the first text (embeddings, gazetteer, patterns)")
coder.code_documents([api.document_from_text(sys.argv[1])]); mark("code it again (warm)")
for name, cpu in rows:
    print(f"{name:<56} {cpu:6.3f} s CPU")
print(f"{'all':<56} {sum(c for _, c in rows):6.3f} s CPU")
'''


def export(rev: str, into: Path) -> Path:
    """The ``src`` folder of revision ``rev``, exported into ``into``."""
    archive = into / "src.tar"
    with archive.open("wb") as fh:
        subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def run(src: Path, text: str) -> tuple[float, float, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "realpolitik", "code", text], env=env, capture_output=True,
                          text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"coldstart: {src}: realpolitik code failed: {done.stderr.strip().splitlines()[-1:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, done.stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default="main", help="git revision to compare with (default: main)")
    ap.add_argument("--runs", type=int, default=6, help="fresh processes of each side (alternated)")
    ap.add_argument("--text", default=TEXT)
    ap.add_argument("--phases", action="store_true", help="one process of this checkout, CPU per step")
    args = ap.parse_args()
    if args.phases:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPATH"] = str(ROOT / "src")
        subprocess.run([sys.executable, "-c", PHASES, args.text], env=env, check=True)
        print(f"load average {os.getloadavg()[0]:.2f}")
        return
    with tempfile.TemporaryDirectory(prefix="realpolitik-coldstart-") as tmp:
        sides = {args.baseline: export(args.baseline, Path(tmp)), "this checkout": ROOT / "src"}
        for src in sides.values():
            run(src, args.text)  # fill the bytecode caches (and the user cache) first
        load0 = os.getloadavg()[0]
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
        outputs: dict[str, set[str]] = {name: set() for name in sides}
        for i in range(args.runs):
            order = list(sides.items()) if i % 2 == 0 else list(sides.items())[::-1]
            for name, src in order:
                cpu, wall, out = run(src, args.text)
                results[name].append((cpu, wall))
                outputs[name].add(out)
        load1 = os.getloadavg()[0]
    same = len(outputs[args.baseline] | outputs["this checkout"]) == 1
    print(f"`realpolitik code {args.text!r}`, {args.runs} alternated fresh processes each, "
          f"load average {load0:.2f} -> {load1:.2f}")
    print(f"{'side':<16} {'CPU best':>9} {'CPU median':>11} {'wall best':>10} {'wall median':>12}")
    for name, xs in results.items():
        cpus, walls = [c for c, _ in xs], [w for _, w in xs]
        print(f"{name:<16} {min(cpus):>9.2f} {statistics.median(cpus):>11.2f} {min(walls):>10.2f} "
              f"{statistics.median(walls):>12.2f}")
    print(f"same output: {same}")


if __name__ == "__main__":
    main()
