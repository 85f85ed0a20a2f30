"""The stage order, in one place: decode -> to_text -> segment -> extract ->
validate -> (the batch writes). `extract_page` is pure: no I/O, no clock, no
global state beyond read-only caches, so it runs unchanged in worker processes
and on a Dask cluster."""
from __future__ import annotations

import hashlib
import time
import traceback

from . import __version__
from .extract.contacts import extract_contacts
from .extract.events import extract_events
from .extract.facts import extract_facts
from .extract.leftover import leftover_lines
from .extract.page import extract_page_info
from .extract.stories import extract_stories
from .findings import Finding, Severity
from .ingest.decode import decode
from .ingest.html import looks_like_html, read_html
from .ingest.segment import Doc
from .options import Options
from .records import PageInfo, PageResult
from .validate import validate

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".html.gz", ".htm.gz")
_DEFAULT = Options()


def page_id_for(source: str, data: bytes) -> str:
    """Stable id: a short hash of source and bytes (same bytes at two sources are two pages)."""
    h = hashlib.sha256(source.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()[:16]


def normalise_newlines(text: str) -> str:
    """CR LF and lone CR become line breaks without changing the text length,
    so offsets into the result are offsets into the decoded text."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", " \n").replace("\r", "\n")


def _content_type(source: str, content_type: str | None, text: str) -> str:
    if content_type:
        return content_type
    s = source.lower()
    if s.endswith(HTML_SUFFIXES):
        return "html"
    if s.endswith((".txt", ".txt.gz")):
        return "text"
    return "html" if looks_like_html(text) else "text"


def extract_page(data: bytes | str, source: str = "<memory>", options: Options | None = None,
                 content_type: str | None = None, *, page_id: str | None = None) -> PageResult:
    """Every record and finding of one page. Never raises for bad input: a page
    that cannot be read comes back with status `failed` and the reason.
    `page_id`: page_id_for(source, data) when the caller has it already (a
    batch that checks pages done before hashes each page once)."""
    opts = options or _DEFAULT
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    pid = page_id or page_id_for(source, data)
    sha = hashlib.sha256(data).hexdigest()
    base = dict(page_id=pid, source=source, content_sha256=sha, n_bytes=len(data))
    findings: list[Finding] = []
    timing: dict[str, float] = {}
    t0 = time.perf_counter()
    if len(data) > opts.max_bytes:
        findings.append(Finding.error("too_large", f"page is {len(data):,} bytes; read the first "
                                      f"{opts.max_bytes:,} (limit max_bytes)"))
        data = data[:opts.max_bytes]
    dec = decode(data, is_html=source.lower().endswith(HTML_SUFFIXES))
    findings.extend(dec.findings)
    if dec.failed:
        return PageResult(text="", info=PageInfo(), status="failed", error=dec.error,
                          findings=tuple(findings), encoding=dec.encoding, **base)
    ctype = _content_type(source, content_type, dec.text)
    t1 = time.perf_counter()
    timing["decode"] = t1 - t0
    try:
        text, headings, how = read_html(dec.text) if ctype == "html" else (dec.text, [], "text")
    except Exception as exc:  # broken markup beyond repair: keep the page, say why
        return PageResult(text="", info=PageInfo(), status="failed",
                          error=f"HTML could not be parsed: {exc}",
                          findings=tuple(findings), encoding=dec.encoding,
                          content_type=ctype, **base)
    text = normalise_newlines(text)
    if how == "soup":
        findings.append(Finding.info("markup_repaired", "lxml could not follow the markup: read "
                                     "with BeautifulSoup (html.parser)"))
    elif how == "stripped":
        findings.append(Finding.warning("markup_stripped", "no usable HTML tree (broken or nested "
                                        "too deep): tags dropped, text kept, layout lost"))
    t2 = time.perf_counter()
    timing["to_text"] = t2 - t1
    doc = Doc.from_text(text, content_type=ctype, options=opts)
    doc.extra["headings"] = headings   # (level, start, end) of HTML headings, for the page title
    timing["segment"] = time.perf_counter() - t2

    def stage(name, fn, default):
        t = time.perf_counter()
        try:
            return fn(doc)
        except Exception as exc:  # a bug in one extractor must not lose the page
            findings.append(Finding.error(
                "internal_error", f"{name} failed: {type(exc).__name__}: {exc}",
                snippet_text=traceback.format_exc(limit=3)[-500:]))
            return default
        finally:
            timing[name] = timing.get(name, 0.0) + time.perf_counter() - t

    info, page_findings = stage("page", extract_page_info, (PageInfo(), []))
    findings.extend(page_findings)
    doc.country_iso2 = info.country_iso2 or opts.default_country
    doc.country_iso3 = info.country_iso3
    doc.extra["title_span"] = info.title_span     # the page's heading line is no fact (extract/facts.py)
    kinds = {}
    for name, fn in (("facts", extract_facts), ("events", extract_events),
                     ("contacts", extract_contacts), ("stories", extract_stories)):
        recs, fnd = stage(name, fn, ([], []))
        findings.extend(fnd)
        kinds[name] = recs
    t = time.perf_counter()
    for name in kinds:
        kinds[name], rejected = validate(kinds[name], text)
        findings.extend(rejected)
    timing["validate"] = time.perf_counter() - t
    spans = [r.span for recs in kinds.values() for r in recs]
    # the update stamp went to `pages`: its line is read, not left over
    spans += [sp for sp in (info.title_span, info.updated_span) if sp is not None]
    left, coverage = leftover_lines(doc, spans)
    findings.extend(left)
    n = sum(len(v) for v in kinds.values())
    bad = any(f.severity in (Severity.WARNING, Severity.ERROR) for f in findings)
    truncated = any(f.code == "too_large" for f in findings)
    status = "empty" if n == 0 else ("partial" if bad or truncated else "ok")
    return PageResult(text=text, info=info, status=status,
                      facts=tuple(kinds["facts"]), events=tuple(kinds["events"]),
                      contacts=tuple(kinds["contacts"]), stories=tuple(kinds["stories"]),
                      findings=tuple(findings), coverage=coverage, encoding=dec.encoding,
                      content_type=ctype, stage_seconds=timing, **base)
