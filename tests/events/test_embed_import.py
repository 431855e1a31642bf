"""Loading the wordllama embeddings does not import ``requests`` (a faster cold start), and wordllama's own
reference to it still reaches the real package when asked."""
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = """
import sys
from realpolitik.events.embed import embed
vecs = embed(["Kenya's president dissolved parliament on Tuesday.", ""])
print(vecs.shape, float(abs(vecs[0]).sum()) > 0, float(abs(vecs[1]).sum()) == 0)
print("requests" in sys.modules)
import wordllama.wordllama as wl
print(issubclass(wl.requests.RequestException, Exception), "requests" in sys.modules)
"""


def test_embedder_loads_without_requests_and_keeps_a_working_reference():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}).stdout.splitlines()
    assert out == ["(2, 256) True True", "False", "True True"]
