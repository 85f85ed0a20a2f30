"""profile-extract: a thin CLI over the library. It parses arguments, shows
progress, prints a summary and sets exit codes; the library does the work.

Exit codes: 0 no page failed; 1 some page failed (the rest are written);
2 usage error (bad option, missing input, unwritable output)."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .options import Options

EXIT_OK, EXIT_PAGES_FAILED, EXIT_USAGE = 0, 1, 2

EPILOG = """exit codes: 0 no page failed, 1 some page failed (the rest are written),
2 usage error (bad option, missing input, unwritable output).
examples:
  profile-extract run samples/ --out output/
  profile-extract run crawl.warc.gz --out out/ --jobs 8 --resume
  profile-extract report output/
  profile-extract diff old_out/ new_out/"""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 already; keep it one line
        self.print_usage(sys.stderr)
        print(f"error: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="profile-extract", description="Extract facts, events, contacts and stories "
                "from scraped profile pages into validated CSV and Parquet tables.",
                epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    r = sub.add_parser("run", help="extract pages into an output folder",
                       description="Extract every page of the inputs into OUT: one table per record "
                       "kind (CSV and Parquet), run.json and the QA report.",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="files, folders (recursive), globs, .gz, WARC, JSON Lines; - reads paths from stdin")
    r.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder")
    r.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores)")
    r.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local process pool, or a Dask distributed cluster (extra: profile-extract[dask])")
    r.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)")
    r.add_argument("--resume", action="store_true",
                   help="continue a killed run in OUT; pages already done (by content hash) are skipped")
    r.add_argument("--aliases", action="append", default=[], metavar="FILE",
                   help="extra indicator table (TOML) merged over the built-in one; repeatable")
    r.add_argument("--country", metavar="ISO", help="default country for phone numbers when a page names none")
    r.add_argument("--max-bytes", type=int, default=Options.max_bytes, metavar="N",
                   help=f"size limit per page (default {Options.max_bytes:,})")
    r.add_argument("--url-field", default="url", help="JSON Lines field holding the page URL")
    r.add_argument("--html-field", default="html", help="JSON Lines field holding HTML")
    r.add_argument("--text-field", default="text", help="JSON Lines field holding plain text")
    r.add_argument("--no-csv", action="store_true", help="write Parquet only")
    r.add_argument("--no-report", action="store_true", help="skip the HTML report")
    r.add_argument("--no-progress", action="store_true", help="no progress bar")
    rep = sub.add_parser("report", help="rebuild the QA report of an existing run",
                         description="Rebuild OUT/report/ from the tables in OUT.")
    rep.add_argument("out", metavar="OUT")
    d = sub.add_parser("diff", help="compare two runs page by page",
                       description="Records added, removed and changed field by field between two "
                       "runs, as text and as an HTML page.")
    d.add_argument("old", metavar="OLD")
    d.add_argument("new", metavar="NEW")
    d.add_argument("--html", metavar="FILE", help="write the HTML diff here (default NEW/report/diff.html)")
    return p


def _summary(manifest: dict) -> str:
    c = manifest.get("counts", {})
    st = manifest.get("pages_by_status", {})
    sev = manifest.get("findings_by_severity", {})
    pages = sum(st.values())
    lines = [
        f"pages    {pages}  " + "  ".join(f"{k} {st.get(k, 0)}" for k in ("ok", "partial", "empty", "failed")),
        "records  " + "  ".join(f"{k} {c.get(k, 0)}" for k in ("facts", "events", "contacts", "stories")),
        "findings " + "  ".join(f"{k} {sev.get(k, 0)}" for k in ("info", "warning", "error")),
        f"time     {manifest.get('seconds', 0):.2f} s",
        f"tables   {manifest['out']}/",
    ]
    if manifest.get("report"):
        lines.append(f"report   {manifest['report']}")
    return "\n".join(lines)


def cmd_run(a) -> int:
    from .api import UsageError, run_batch
    if a.jobs is not None and a.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if a.max_bytes < 1:
        raise UsageError("--max-bytes must be positive")
    for f in a.aliases:
        if not os.path.isfile(f):
            raise UsageError(f"no such aliases file: {f}")
    if a.aliases:  # a bad table is the user's mistake: say where, before any page runs
        from .parse.indicators import IndicatorError, load_indicators
        try:
            load_indicators(tuple(a.aliases))
        except IndicatorError as exc:
            raise UsageError(f"bad aliases file: {exc}") from None
    opts = Options(max_bytes=a.max_bytes, aliases_files=tuple(a.aliases),
                   default_country=a.country.upper() if a.country else None,
                   write_csv=not a.no_csv, jobs=a.jobs or os.cpu_count() or 1,
                   progress=not a.no_progress and sys.stderr.isatty(),
                   report=not a.no_report,
                   extra={"engine": a.engine, "scheduler": a.scheduler, "resume": a.resume,
                          "url_field": a.url_field, "html_field": a.html_field,
                          "text_field": a.text_field})
    manifest = run_batch(a.inputs, a.out, opts)
    print(_summary(manifest))
    return EXIT_PAGES_FAILED if manifest.get("pages_by_status", {}).get("failed") else EXIT_OK


def cmd_report(a) -> int:
    from .api import UsageError
    from .report import build_report
    if not os.path.isdir(a.out):
        raise UsageError(f"no such run folder: {a.out}")
    path = build_report(a.out)
    print(f"report   {path}")
    return EXIT_OK


def cmd_diff(a) -> int:
    from .api import UsageError
    from .report import diff_runs
    for d in (a.old, a.new):
        if not os.path.isdir(d):
            raise UsageError(f"no such run folder: {d}")
    text, html_path = diff_runs(a.old, a.new, a.html)
    print(text)
    print(f"html     {html_path}")
    return EXIT_OK


def main(argv=None) -> int:
    parser = build_parser()
    a = parser.parse_args(argv)
    if not a.command:
        parser.print_help()
        return EXIT_USAGE
    from .api import UsageError
    try:
        return {"run": cmd_run, "report": cmd_report, "diff": cmd_diff}[a.command](a)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `profile-extract diff A B | head`: the reader left, not an error
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted: committed chunks are kept; rerun with --resume to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
