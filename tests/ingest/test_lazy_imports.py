"""Plain text does not pay for the HTML parser: lxml is imported when a page is parsed, not with the ingest
package (``realpolitik code`` starts faster), and pages still parse after that late import."""
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

SCRIPT = """
import sys
from realpolitik.ingest import read_text
doc = read_text("The Finance Minister of Kenya resigned on Monday after a week of protests in Nairobi.")
assert doc.segments, doc
print("lxml" in sys.modules)
page = read_text("<html><head><title>Kenya</title></head><body><p>The Finance Minister of Kenya resigned on "
                 "Monday after a week of protests in Nairobi, his office said.</p></body></html>", fmt="html")
print("lxml" in sys.modules, any("Finance Minister" in s.text for s in page.segments))
"""


def test_plain_text_does_not_import_lxml_and_pages_still_parse():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}).stdout.split()
    assert out == ["False", "True", "True"]
