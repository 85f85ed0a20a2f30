"""The QA parse report (HTML, static, opens from disk) and run diffs.

    build_report(out_dir) -> Path of OUT/report/index.html
    diff_runs(old, new, html_path=None) -> (text, Path of the HTML diff)
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
