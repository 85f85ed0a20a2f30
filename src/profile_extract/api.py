"""Batch API: read inputs, run extract_page on each, write the output folder.

    run_batch(["pages/"], "out/", Options()) -> dict (the run manifest)
"""
from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from pathlib import Path

from . import PARSER_VERSION, __version__
from .options import Options
from .pipeline import extract_page
from .tables.frames import TABLES, page_rows
from .tables.schemas import to_frame, validate_frame
from .tables.write import write_json_atomic, write_table_atomic

INPUT_SUFFIXES = (".txt", ".html", ".htm")


class UsageError(Exception):
    """A user mistake (missing input, unwritable output): one line, exit code 2."""


def iter_paths(inputs):
    for raw in inputs:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.name.lower().endswith(INPUT_SUFFIXES):
                    yield f
        elif p.is_file():
            yield p
        else:
            raise UsageError(f"no such input: {raw}")


def check_inputs(inputs) -> None:
    if not inputs:
        raise UsageError("no input given")
    for raw in inputs:
        if not Path(raw).exists():
            raise UsageError(f"no such input: {raw}")


def prepare_out(out) -> Path:
    out = Path(out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"cannot write to output folder {out}: {exc.strerror or exc}") from None
    return out


def run_batch(inputs, out, options: Options | None = None, progress=None) -> dict:
    """Extract every input page into `out`. Returns the run manifest (also run.json)."""
    opts = options or Options()
    check_inputs(inputs)
    out = prepare_out(out)
    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    rows = {t: [] for t in TABLES}
    rules = Counter()
    paths = list(iter_paths(inputs))
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError as exc:
            from .records import PageInfo, PageResult
            from .pipeline import page_id_for
            pr = PageResult(page_id=page_id_for(str(path), b""), source=str(path), text="",
                            info=PageInfo(), status="failed", error=f"cannot read: {exc}")
        else:
            pr = extract_page(data, str(path), opts)
        for t, rs in page_rows(pr).items():
            rows[t].extend(rs)
        for kind in (pr.facts, pr.events, pr.contacts, pr.stories):
            rules.update(r.rule for r in kind)
        if progress:
            progress(1)
    counts, statuses = {}, Counter()
    for t in TABLES:
        df, failures = validate_frame(t, to_frame(t, rows[t]))
        if failures:
            print(f"warning: {len(failures)} {t} rows failed the schema", file=sys.stderr)
        write_table_atomic(t, df, out, csv=opts.write_csv, parquet=opts.write_parquet)
        counts[t] = len(df)
    statuses.update(r["status"] for r in rows["pages"])
    manifest = {
        "tool": "profile-extract", "version": __version__, "parser_version": PARSER_VERSION,
        "inputs": [str(i) for i in inputs], "out": str(out),
        "options": {k: v for k, v in vars(opts).items() if k != "extra"},
        "started": started.isoformat(), "finished": dt.datetime.now(dt.timezone.utc).isoformat(),
        "seconds": round(time.perf_counter() - t0, 3),
        "counts": counts, "pages_by_status": dict(statuses),
        "findings_by_severity": dict(Counter(r["severity"] for r in rows["findings"])),
        "rules": dict(rules.most_common()),
    }
    if opts.report:
        from .report import build_report
        manifest["report"] = str(build_report(out))
    write_json_atomic(manifest, out / "run.json")
    return manifest
