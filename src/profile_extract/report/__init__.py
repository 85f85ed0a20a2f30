"""The QA parse report (HTML, static, opens from disk) and run diffs.

    build_report(out_dir) -> Path of OUT/report/index.html
    diff_runs(old, new, html_path=None) -> (text, Path of the HTML diff)

OUT/report/ holds
  index.html          run summary (pages by status, records per kind, findings by code and
                      severity), SVG charts of coverage and records per page, and the page
                      table: sorted, filtered and paged by the page's own script from a JSON
                      data island (filters live in the URL fragment)
  pages/<id>.html     one per page: the text with every record highlighted at its span (one
                      colour per kind; hover or click for the fields), left-over lines
                      (`unparsed_line`) hatched, other findings underlined, the findings and
                      records as tables; keys p / n / i move between pages
  report.json         the summary for machines (plus the failed pages)
  diff.html           written by `profile-extract diff OLD NEW` (default place)

Everything is built from the tables alone (pages, the record tables, findings, texts;
Parquet files or part folders, CSV as a fallback), so `profile-extract report OUT` rebuilds it.
Untrusted text is escaped everywhere; the Content-Security-Policy allows only the report's
own scripts and styles by sha256 and requires Trusted Types. Modules: data.py (read and group
the tables once), highlight.py (text -> highlighted HTML), build.py, diff.py, synth.py
(synthetic runs for tests and `python -m profile_extract.report.synth` benchmarks).
"""
from __future__ import annotations


def build_report(out_dir):
    """Build OUT/report/ (index.html, pages/<page_id>.html, report.json) from the tables in OUT;
    returns the index path."""
    from .build import build_report as _build
    return _build(out_dir)


def diff_runs(old, new, html_path=None):
    """Compare two runs page by page; returns (text, html path). The HTML goes to
    `html_path`, default NEW/report/diff.html."""
    from .diff import diff_runs as _diff
    return _diff(old, new, html_path)


__all__ = ["build_report", "diff_runs"]
