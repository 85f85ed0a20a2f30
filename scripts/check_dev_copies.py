"""List quoted strings (28+ characters) in project files that also occur in the
development corpus's page text. The corpus is for measuring, never for copying:
this must print 0. Usage: .venv/bin/python scripts/check_dev_copies.py [--min N]"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev" / "pages"
QUOTED = re.compile(r"[\"'`]([^\"'`\n]{%d,})[\"'`]")
# Phrases that are names any page may carry (not page text): allowed.
ALLOWED = {"International Organization for Migration", "International Organization for Migration (IOM)",
           "Food and Agriculture Organization", "World Meteorological Organization",
           "width=device-width, initial-scale=1", "internally displaced persons",
           "Human Development Index (HDI)", "Archived from the original on",
           "Internally displaced persons", "Maps, aerial photos, and other data for this location",
           "mw-deduplicated-inline-style"}
# Wikipedia link targets are addresses, not text.
ALLOWED_PREFIXES = ("/wiki/",)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--min", type=int, default=28)
    a = ap.parse_args()
    if not DEV.is_dir():
        print(f"no development corpus at {DEV}")
        return 0
    dev = re.sub(r"\s+", " ", "\n".join(p.read_text("utf-8", "replace") for p in DEV.iterdir()))
    rx = re.compile(QUOTED.pattern % a.min)
    hits = []
    for f in sorted(ROOT.glob("**/*")):
        if not f.is_file() or {".venv", ".git", "output"} & set(f.parts) or f.suffix in (".pyc", ".parquet"):
            continue
        try:
            txt = f.read_text("utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for m in rx.finditer(txt):
            s = re.sub(r"\s+", " ", m.group(1)).strip()
            if any(c in s for c in "<>{};=") or s in ALLOWED or s.startswith(ALLOWED_PREFIXES):   # markup and style fragments
                continue
            if len(s) >= a.min and s in dev:
                line = txt.count("\n", 0, m.start()) + 1
                hits.append(f"{f.relative_to(ROOT)}:{line}: {s[:100]}")
    print("\n".join(hits))
    print(f"{len(hits)} strings copied from the development corpus")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
