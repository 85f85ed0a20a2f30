"""Developer loop: extract the seed and the dev corpus straight through the
library, write plain CSVs and score them. Usage:
    .venv/bin/python scripts/devscore.py [--verbose] [--only PREFIX]
(The real tables come from `profile-extract run`; this is the quick loop.)"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

from profile_extract import extract_page
from profile_extract.tables.frames import page_rows

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--only", default="", help="file-name prefix of pages to score (e.g. d1, h, belarus)")
    ap.add_argument("--keep", help="write the CSVs here instead of a temp folder")
    a = ap.parse_args()
    pages = [SHARED / "seed" / "belarus.txt"] + sorted((SHARED / "corpus/dev/pages").glob("*"))
    golds = [SHARED / "seed/gold/belarus.json"] + sorted((SHARED / "corpus/dev/gold").glob("*.json"))
    pages = [p for p in pages if p.name.startswith(a.only)]
    golds = [g for g in golds if g.name.startswith(a.only)]
    out = Path(a.keep) if a.keep else Path(tempfile.mkdtemp())
    gold_dir = Path(tempfile.mkdtemp())
    for g in golds:
        shutil.copy(g, gold_dir)
    rows: dict[str, list] = {}
    for p in pages:
        pr = extract_page(p.read_bytes(), str(p))
        for t, rs in page_rows(pr).items():
            rows.setdefault(t, []).extend(rs)
    out.mkdir(parents=True, exist_ok=True)
    for t, rs in rows.items():
        if t != "texts":
            pd.DataFrame(rs).to_csv(out / f"{t}.csv", index=False)
    cmd = [sys.executable, str(SHARED / "eval/score.py"), str(out), str(gold_dir)]
    if a.verbose:
        cmd.append("--verbose")
    subprocess.run(cmd, check=False)


if __name__ == "__main__":
    main()
