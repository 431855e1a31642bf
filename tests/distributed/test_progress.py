"""Progress of a long ingest without a terminal: a plain line every N seconds, then documents/s and words/s."""
from __future__ import annotations

from realpolitik.api import IngestProgress
from realpolitik.cli.ingest import ProgressDisplay, line


def test_a_line_every_n_seconds_then_a_summary(capsys, monkeypatch):
    import realpolitik.cli.ingest as mod

    clock = [1000.0]
    monkeypatch.setattr(mod.time, "monotonic", lambda: clock[0])
    show = ProgressDisplay(every=30, terminal=False)
    show(IngestProgress(done=100, total=1000, documents=100, words=20_000, elapsed=10.0))
    assert capsys.readouterr().err == ""  # not yet 30 s since the last line
    clock[0] += 31
    show(IngestProgress(done=400, total=1000, documents=390, words=80_000, elapsed=40.0))
    err = capsys.readouterr().err
    assert "400/1,000 records (40%)" in err and "10.0 records/s" in err and "2,000 words/s" in err
    assert "ETA 00:01:00" in err  # 600 left at 10/s
    show(IngestProgress(done=1000, total=1000, documents=990, words=200_000, elapsed=100.0, final=True))
    assert "990 documents coded in 100.0 s: 9.90 documents/s, 2,000 words/s" in capsys.readouterr().err


def test_without_a_total_the_line_has_no_eta():
    assert line(IngestProgress(done=5, total=None, documents=5, words=50, elapsed=5.0)).endswith("ETA ?")
