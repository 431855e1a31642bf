"""Fuzz every reader and code_text with many more examples than the suite (`python bench/fuzz.py [N]`).

The properties are the suite's (tests/ingest/test_fuzz.py): any bytes given to any reader (or sniffed) give
Documents or one-line IngestFailures and never an exception, and no failure is the catch-all of a reader bug;
code_text codes any text or says there is none. N examples per reader (default 2000), N/4 for code_text.
Prints examples run and failures found per property, last.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "ingest"))
import test_fuzz as props  # noqa: E402  (the suite's strategies and checks, one definition)


def run(name: str, strategy, check, examples: int) -> tuple[str, int, str, float]:
    count = 0

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(strategy)
    def prop(value):
        nonlocal count
        count += 1
        check(value)

    start = time.monotonic()
    try:
        prop()
        outcome = "ok"
    except Exception as exc:  # the falsifying example is printed by hypothesis above
        outcome = f"FAILED: {type(exc).__name__}: {str(exc).splitlines()[0][:100] if str(exc) else ''}"
    return name, count, outcome, time.monotonic() - start


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rows = [run(f"reader {fmt or 'sniffed'}", props.inputs(fmt), lambda data, f=fmt: props.check(data, f), n)
            for fmt in props.FORMATS]

    def code(args):
        props.test_code_text_codes_anything_or_says_there_is_no_text.hypothesis.inner_test(*args)

    words = st.lists(st.sampled_from(props.WORDS), max_size=80).map(" ".join)
    rows.append(run("code_text", st.tuples(words, st.one_of(st.none(), st.dates())), code, max(1, n // 4)))
    print(f"\n{'property':20} {'examples':>9} {'seconds':>8}  outcome")
    for name, count, outcome, secs in rows:
        print(f"{name:20} {count:9d} {secs:8.1f}  {outcome}")
    print(f"total examples run: {sum(r[1] for r in rows)}")


if __name__ == "__main__":
    main()
