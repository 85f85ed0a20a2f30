"""Build OUT/report/: index.html, pages/<page_id>.html, report.json.

Static files that open from disk: CSS and JavaScript inline, every script
allowed by its sha256 in a Content-Security-Policy meta tag (never
'unsafe-inline' for scripts), page content escaped by Jinja's autoescape or
`markupsafe.escape`, the index's page list a JSON data island escaped so it
can never close its <script> element. Built into a temporary folder and
renamed into place, so a crash leaves the previous report whole."""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import re
import shutil
import statistics
import tempfile
from collections import Counter
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from html import escape as _esc

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from .data import KIND_NAME, RECORD_KINDS, Run
from .highlight import Mark, clamp, mark_text

TEMPLATES = Path(__file__).with_name("templates")
SEVERITIES = ("error", "warning", "info")
STATUSES = ("ok", "partial", "empty", "failed")
INDEX_COLS = ("id", "file", "source", "title", "country", "status", "coverage",
              "nf", "ne", "nc", "ns", "nfd", "warn", "err", "codes")
# columns not worth a table cell in a page view (the page is known; the span is the "at" link)
HIDDEN_COLS = {"page_id", "span_start", "span_end"}
TAIL_COLS = {"rule", "record_id"}  # shown last: provenance, not content
PAGE_FIELDS = ("title", "updated")  # pages columns read from a span of the text (<field>_start/_end)


# ---------------------------------------------------------------- assets, CSP

@lru_cache(maxsize=None)
def asset(name: str) -> str:
    """An inline script or stylesheet, lightly minified (indentation and whole-line
    `//` comments dropped: every page view carries its own copy). Its CSP hash is
    taken over exactly this text."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    if name.endswith((".js", ".css")):
        lines = (line.strip() for line in text.splitlines())
        text = "\n".join(line for line in lines if line and not line.startswith("//"))
    return text


def sha256_source(text: str) -> str:
    """CSP hash source of an inline script or style element's exact text.

    >>> sha256_source("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def csp(scripts: list[str], styles: list[str]) -> str:
    """The policy: nothing by default; only these exact scripts and styles."""
    script_src = " ".join(sha256_source(s) for s in scripts) or "'none'"
    style_src = " ".join(sha256_source(s) for s in styles) or "'none'"
    # Trusted Types: the report's scripts never write markup (textContent only), so any
    # string-to-HTML sink is refused outright as a second line of defence.
    return (f"default-src 'none'; script-src {script_src}; style-src {style_src}; "
            "base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; "
            "trusted-types 'none'")


@lru_cache(maxsize=None)
def env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       keep_trailing_newline=True)


def json_island(obj) -> Markup:
    """JSON for a <script type="application/json"> element: `<`, `>`, `&` and the
    JavaScript line separators are \\u-escaped, so no content can end the element.

    >>> str(json_island({"t": "</script><b>&"}))
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)
    s = (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
          .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return Markup(s)


# ---------------------------------------------------------------- helpers

_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,80}")


def page_file(page_id) -> str:
    """File name of a page view: the page id when it is a plain token, else a hash of it.

    >>> page_file("7df8807c1bf67731"), page_file("../x")
    ('7df8807c1bf67731.html', 'p-d6b96a97d147daaa.html')
    """
    pid = "" if page_id is None else str(page_id)
    if _SAFE_ID.fullmatch(pid):
        return pid + ".html"
    return "p-" + hashlib.sha256(pid.encode("utf-8", "surrogatepass")).hexdigest()[:16] + ".html"


def safe_url(source) -> str | None:
    """An http(s) URL to link to, else None (shown as inert text).

    >>> safe_url("https://x.org/a"), safe_url("javascript:alert(1)"), safe_url("pages/a.txt")
    ('https://x.org/a', None, None)
    """
    if not isinstance(source, str):
        return None
    s = source.strip()
    try:
        parts = urlsplit(s)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c in s for c in "\r\n\t "):
        return s
    return None


def fmt(v) -> str:
    """A table cell: '' for missing, integers without '.0', dates ISO.

    >>> fmt(9500000.0), fmt(0.2), fmt(None), fmt(True), fmt(dt.date(1994, 1, 1))
    ('9500000', '0.2', '', 'true', '1994-01-01')
    """
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        if v != v:
            return ""
        if v.is_integer() and abs(v) < 1e16:
            return str(int(v))
        return repr(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return str(v)


def rows_html(rows: list[dict]) -> Markup:
    """Table body rows of records: every cell escaped (a plain loop, faster than a
    template loop for thousands of pages)."""
    out = []
    for r in rows:
        rid = _esc(r["id"])
        at = (f'<a href="#h-{rid}">{_esc(r["at"])}</a>' if r["at"]
              else f'<span class="nospan">{_esc(r.get("span") or "")}</span>')
        cells = "".join(f"<td>{_esc(v)}</td>" for v in r["cells"])
        out.append(f'<tr id="rec-{rid}"><td class="mono at">{at}</td>{cells}</tr>\n')
    return Markup("".join(out))


def pct(x) -> str:
    return "—" if x is None else f"{x:.0%}"


# ---------------------------------------------------------------- summary and charts

# 0-10%, ..., 90-<100%, and exactly 100% on its own (full coverage is common and good news)
COVERAGE_BINS = [(i / 10, (i + 1) / 10) for i in range(10)] + [(1.0, 1.0)]
RECORD_BINS = [(0, 0, "0"), (1, 1, "1"), (2, 5, "2–5"), (6, 10, "6–10"), (11, 20, "11–20"),
               (21, 50, "21–50"), (51, 100, "51–100"), (101, None, "101+")]


def coverage_bin(c: float) -> int:
    """Index into COVERAGE_BINS.

    >>> coverage_bin(0.0), coverage_bin(0.95), coverage_bin(0.999), coverage_bin(1.0)
    (0, 9, 9, 10)
    """
    return 10 if c >= 1 else max(0, min(9, int(c * 10)))


def summarise(run: Run, per_page: list[dict]) -> dict:
    """The run summary shown on the index and written to report.json."""
    by_status = Counter(p.get("status") or "unknown" for p in run.pages)
    ordered_status = {s: by_status[s] for s in STATUSES if by_status.get(s)}
    ordered_status.update({s: n for s, n in by_status.items() if s not in ordered_status})
    records = {k: sum(len(v) for v in run.records[k].values()) for k in RECORD_KINDS}
    pages_with = {k: sum(1 for v in run.records[k].values() if v) for k in RECORD_KINDS}
    by_code: dict[str, Counter] = {}
    pages_with_code: Counter = Counter()
    by_sev: Counter = Counter()
    for pid, fs in run.findings.items():
        seen = set()
        for f in fs:
            code = f.get("code") or "?"
            sev = f.get("severity") or "?"
            by_code.setdefault(code, Counter())[sev] += 1
            by_sev[sev] += 1
            seen.add(code)
        pages_with_code.update(seen)
    by_code_sorted = dict(sorted(((c, dict(n)) for c, n in by_code.items()),
                                 key=lambda kv: (-kv[1].get("error", 0), -kv[1].get("warning", 0),
                                                 -sum(kv[1].values()), kv[0])))
    covs = [p["coverage"] for p in per_page if p["coverage"] is not None]
    cov_hist = [0] * len(COVERAGE_BINS)
    for c in covs:
        cov_hist[coverage_bin(c)] += 1
    nrec = [p["nf"] + p["ne"] + p["nc"] + p["ns"] for p in per_page]
    rec_hist = []
    for lo, hi, label in RECORD_BINS:
        rec_hist.append({"label": label, "from": lo, "to": hi,
                         "pages": sum(1 for n in nrec if n >= lo and (hi is None or n <= hi))})
    mean_cov = statistics.fmean(covs) if covs else None
    median_cov = statistics.median(covs) if covs else None
    return {
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "pages": len(run.pages),
        "pages_by_status": ordered_status,
        "records": records,
        "records_total": sum(records.values()),
        "pages_with": pages_with,
        "findings_total": sum(by_sev.values()),
        "findings_by_severity": {s: by_sev[s] for s in SEVERITIES if by_sev.get(s)},
        "findings_by_code": by_code_sorted,
        "pages_with_code": dict(pages_with_code),
        "coverage": {
            "mean": None if mean_cov is None else round(mean_cov, 4),
            "median": None if median_cov is None else round(median_cov, 4),
            "mean_text": pct(mean_cov), "median_text": pct(median_cov),
            "pages_without": len(per_page) - len(covs),
            "histogram": [{"from": lo, "to": hi, "pages": n}
                          for (lo, hi), n in zip(COVERAGE_BINS, cov_hist)],
        },
        "records_per_page": {
            "mean": round(statistics.fmean(nrec), 2) if nrec else 0,
            "max": max(nrec) if nrec else 0,
            "histogram": rec_hist,
        },
    }


def bar_chart(bars: list[tuple[str, int, str, str]], title: str, width: int = 330,
              height: int = 130) -> Markup:
    """A small inline SVG bar chart: bars of (label, value, extra CSS class, tooltip)."""
    top, bottom, left = 14, 18, 4
    n = max(1, len(bars))
    step = (width - left) / n
    peak = max([b[1] for b in bars] + [1])
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>']
    base = height - bottom
    for i, (label, v, cls, tip) in enumerate(bars):
        h = 0 if not v else max(1.0, (base - top) * v / peak)
        x = left + i * step
        parts.append(f'<rect class="bar {escape(cls)}" x="{x + 2:.1f}" y="{base - h:.1f}" '
                     f'width="{step - 4:.1f}" height="{h:.1f}"><title>{escape(tip)}: {v} pages'
                     f'</title></rect>')
        parts.append(f'<text x="{x + step / 2:.1f}" y="{base - h - 3:.1f}" '
                     f'text-anchor="middle">{v if v else ""}</text>')
        parts.append(f'<text x="{x + step / 2:.1f}" y="{height - 5}" '
                     f'text-anchor="middle">{escape(label)}</text>')
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width}" y2="{base}"/></svg>')
    return Markup("".join(parts))


def charts(summary: dict) -> dict:
    cov = summary["coverage"]
    bars = []
    for h in cov["histogram"]:
        lo, hi = round(h["from"] * 100), round(h["to"] * 100)
        bars.append((str(lo), h["pages"], "full" if lo == 100 else "",
                     "coverage 100%" if lo == hi else f"coverage {lo}% to under {hi}%"))
    bars.append(("n/a", cov["pages_without"], "none", "no structured-looking lines"))
    rec = [(h["label"], h["pages"], "", f"{h['label']} records")
           for h in summary["records_per_page"]["histogram"]]
    return {
        "coverage": bar_chart(bars, "pages by coverage (share of structured-looking lines that "
                                    "became records): 10% bins, 100% on its own; n/a: no "
                                    "structured lines", 380),
        "records": bar_chart(rec, "pages by number of records"),
    }


# ---------------------------------------------------------------- per page

def per_page_rows(run: Run) -> list[dict]:
    """One small dict per page for the index (counts from the tables themselves)."""
    out = []
    for p in run.pages:
        pid = p["page_id"]
        fs = run.findings.get(pid, ())
        sev = Counter(f.get("severity") for f in fs)
        codes = Counter(f.get("code") for f in fs)
        out.append({
            "id": pid, "file": page_file(pid), "source": p.get("source") or "",
            "title": p.get("title"), "country": p.get("country"),
            "status": p.get("status") or "unknown",
            "coverage": None if p.get("coverage") is None else round(p["coverage"], 3),
            "nf": len(run.records["facts"].get(pid, ())), "ne": len(run.records["events"].get(pid, ())),
            "nc": len(run.records["contacts"].get(pid, ())), "ns": len(run.records["stories"].get(pid, ())),
            "nfd": len(fs), "warn": sev.get("warning", 0), "err": sev.get("error", 0),
            "codes": dict(codes) if codes else None,
        })
    return out


def _rid(r: dict, prefix: str, i: int, seen: set) -> str:
    """The element id suffix of a record: its record_id, made unique within the page."""
    rid = r.get("record_id")
    rid = str(rid) if rid else f"{prefix}{i}"
    if rid in seen:
        rid = f"{rid}-{prefix}{i}"
    seen.add(rid)
    return rid


def page_context(run: Run, page: dict, text: str | None) -> dict:
    pid = page["page_id"]
    recs = run.page_records(pid)
    fs = run.findings.get(pid, [])
    n = len(text) if text is not None else 0
    marks: list[Mark] = []
    tables = []
    seen: set = set()
    for kind in RECORD_KINDS:
        name = KIND_NAME[kind]
        cols = [c for c in run.columns[kind] if c not in HIDDEN_COLS | TAIL_COLS] + \
            [c for c in ("rule", "record_id") if c in run.columns[kind]]
        rows = []
        for i, r in enumerate(recs[kind]):
            rid = _rid(r, name[0], i, seen)
            s, e = r.get("span_start"), r.get("span_end")
            m = Mark(s, e, name, rid)
            ok = bool(clamp([m], n)[0])
            if ok:
                marks.append(m)
            rows.append({"id": rid, "at": f"{s}–{e}" if ok else None, "span": f"{s}–{e}",
                         "cells": [fmt(r.get(c)) for c in cols]})
        tables.append({"name": kind, "kind": name, "n": len(rows), "cols": cols,
                       "rows_html": rows_html(rows)})
    meta_rows = []
    for field in PAGE_FIELDS:                 # the title and update stamp, where they were read
        s, e = page.get(f"{field}_start"), page.get(f"{field}_end")
        if s is None or e is None:
            continue
        rid = _rid({"record_id": f"page-{field}"}, "p", 0, seen)
        m = Mark(s, e, "page", rid)
        ok = bool(clamp([m], n)[0])
        if ok:
            marks.append(m)
        meta_rows.append({"id": rid, "at": f"{s}–{e}" if ok else None, "span": f"{s}–{e}",
                          "cells": [field, fmt(page.get(field))]})
    fcols = [c for c in run.columns["findings"] if c not in HIDDEN_COLS | {"record_id"}]
    frows = []
    n_left = n_fspan = 0
    for i, f in enumerate(fs):
        rid = _rid(f, "x", i, seen)
        s, e = f.get("span_start"), f.get("span_end")
        kind = "left" if f.get("code") == "unparsed_line" else "finding"
        m = Mark(s, e, kind, rid)
        ok = s is not None and bool(clamp([m], n)[0])
        if ok:
            marks.append(m)
            if kind == "left":
                n_left += 1
            else:
                n_fspan += 1
        frows.append({"id": rid, "at": f"{s}–{e}" if ok else None, "span": "",
                      "cells": [fmt(f.get(c)) for c in fcols]})
    sev_rank = {"error": 0, "warning": 1, "info": 2}
    order = sorted(range(len(frows)), key=lambda i: sev_rank.get(fs[i].get("severity"), 3))
    frows = [frows[i] for i in order]
    unplaced = sum(1 for kind in RECORD_KINDS for r in recs[kind]
                   if not clamp([Mark(r.get("span_start"), r.get("span_end"), "x", "")], n)[0]) + \
        sum(1 for f in fs if f.get("span_start") is not None and f.get("span_end") is not None
            and not clamp([Mark(f["span_start"], f["span_end"], "x", "")], n)[0])
    return {
        "p": page, "tables": tables,
        "meta": {"n": len(meta_rows), "rows_html": rows_html(meta_rows)},
        "findings": {"n": len(frows), "cols": fcols, "rows_html": rows_html(frows)},
        "text_html": mark_text(text, marks) if text else Markup(""),
        "has_text": bool(text), "n_chars": n, "n_left": n_left, "n_fspan": n_fspan,
        "unplaced": unplaced if text else 0,
        "coverage": ("— (no structured-looking lines)" if page.get("coverage") is None
                     else f"{page['coverage']:.0%} of structured-looking lines became records"),
        "source_url": safe_url(page.get("source")),
    }


# ---------------------------------------------------------------- build

def _swap_into_place(tmp: Path, final: Path) -> None:
    old = None
    if final.exists():
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
    os.replace(tmp, final)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def build_report(out_dir) -> Path:
    """Build OUT/report/ from the tables in OUT; returns the index path."""
    out = Path(out_dir)
    run = Run(out)
    final = out / "report"
    tmp = Path(tempfile.mkdtemp(prefix=".report-", dir=out))
    try:
        (tmp / "pages").mkdir()
        css = asset("report.css")
        page_js, index_js = asset("page.js"), asset("index.js")
        page_tpl = env().get_template("page.html")
        page_csp = csp([page_js], [css])
        files = [page_file(p["page_id"]) for p in run.pages]
        pos = {p["page_id"]: i for i, p in enumerate(run.pages)}
        done = set()

        def write_page(page: dict, text: str | None) -> None:
            i = pos[page["page_id"]]
            ctx = page_context(run, page, text)
            html = page_tpl.render(csp=page_csp, css=Markup(css), js=Markup(page_js),
                                   prev=files[i - 1] if i > 0 else None,
                                   next=files[i + 1] if i + 1 < len(files) else None, **ctx)
            with open(tmp / "pages" / files[i], "w", encoding="utf-8", errors="replace") as fh:
                fh.write(html)

        by_id = {p["page_id"]: p for p in run.pages}
        for pid, text in run.iter_texts():
            page = by_id.get(pid)
            if page is None or pid in done:
                continue
            write_page(page, text)
            done.add(pid)
        for page in run.pages:
            if page["page_id"] not in done:
                write_page(page, None)
                done.add(page["page_id"])

        per_page = per_page_rows(run)
        summary = summarise(run, per_page)
        m = run.manifest
        run_info = {k: m.get(k) for k in ("version", "parser_version", "started", "finished",
                                          "seconds", "inputs")}
        for k in ("started", "finished"):
            if isinstance(run_info[k], str):
                run_info[k] = run_info[k][:19].replace("T", " ")
        data = {"cols": list(INDEX_COLS), "rows": [[r[c] for c in INDEX_COLS] for r in per_page]}
        html = env().get_template("index.html").render(
            csp=csp([index_js], [css]), css=Markup(css), js=Markup(index_js), s=summary,
            run=run_info, charts=charts(summary), data_json=json_island(data),
            kinds={k: KIND_NAME[k] for k in RECORD_KINDS}, severities=SEVERITIES)
        (tmp / "index.html").write_text(html, encoding="utf-8", errors="replace")
        machine = {k: v for k, v in summary.items() if k not in ("coverage",)}
        machine["coverage"] = {k: v for k, v in summary["coverage"].items()
                               if not k.endswith("_text")}
        machine["run"] = run_info
        failed = [p for p in run.pages if p.get("status") == "failed"]
        machine["failed_pages"] = [{"page_id": p["page_id"], "source": p.get("source"),
                                    "error": p.get("error")} for p in failed[:1000]]
        machine["tool"] = "profile-extract report"
        (tmp / "report.json").write_text(json.dumps(machine, indent=1, ensure_ascii=False,
                                                    default=str), encoding="utf-8")
        os.chmod(tmp, 0o755)
        _swap_into_place(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return final / "index.html"
