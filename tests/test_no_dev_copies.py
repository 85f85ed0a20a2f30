"""The development corpus is for measuring: none of its text may be copied
into the project (code, data, tests, samples)."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_strings_copied_from_the_dev_corpus():
    res = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_dev_copies.py")],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stdout[-3000:]
