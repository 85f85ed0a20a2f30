"""The QA parse report (HTML, static, opens from disk) and run diffs."""


def build_report(out_dir):
    """Build OUT/report/ from the tables in OUT; returns the index path (placeholder)."""
    from pathlib import Path
    out = Path(out_dir) / "report"
    out.mkdir(exist_ok=True)
    (out / "index.html").write_text("<!doctype html><title>report</title>", encoding="utf-8")
    return out / "index.html"


def diff_runs(old, new, html_path=None):
    raise NotImplementedError("diff is not built yet")
