"""PageResult -> table rows (plain dicts), one list per table.

The snippet is cut from the page text through the record's span here, at
write time, so snippet and span can never disagree. record_id is a hash of
page_id, kind, span and value: stable across runs."""
from __future__ import annotations

import hashlib

from .. import PARSER_VERSION
from ..records import PageResult

RECORD_TABLES = ("facts", "events", "contacts", "stories")
TABLES = ("pages",) + RECORD_TABLES + ("findings", "texts")


def record_id(page_id: str, kind: str, span, value: str) -> str:
    h = hashlib.sha256(f"{page_id}|{kind}|{span.start}:{span.end}|{value}".encode("utf-8", "replace"))
    return h.hexdigest()[:16]


def _base(pr: PageResult, kind: str, rec, value_key: str) -> dict:
    sp = rec.span
    return {
        "page_id": pr.page_id,
        "record_id": record_id(pr.page_id, kind, sp, value_key),
        "snippet": sp.snippet(pr.text),
        "span_start": sp.start,
        "span_end": sp.end,
        "rule": rec.rule,
    }


def page_rows(pr: PageResult) -> dict[str, list[dict]]:
    """All rows one page contributes to each table."""
    info = pr.info
    out: dict[str, list[dict]] = {t: [] for t in TABLES}
    for f in pr.facts:
        row = _base(pr, "fact", f, f.key_value())
        row.update(label=f.label, indicator=f.indicator, value=f.value, unit=f.unit,
                   value_text=f.value_text, codes=f.codes, year_start=f.year_start,
                   year_end=f.year_end, value_max=f.value_max, qualifier=f.qualifier,
                   rank_total=f.rank_total, as_of=f.as_of)
        out["facts"].append(row)
    for e in pr.events:
        row = _base(pr, "event", e, e.key_value())
        row.update(date=e.date, precision=e.precision, date_start=e.date_start,
                   date_end=e.date_end, date_text=e.date_text, qualifier=e.qualifier,
                   sentence=e.sentence)
        out["events"].append(row)
    for c in pr.contacts:
        row = _base(pr, "contact", c, c.key_value())
        row.update(group=c.group, kind=c.kind, value=c.value, raw=c.raw, valid=c.valid)
        out["contacts"].append(row)
    for s in pr.stories:
        row = _base(pr, "story", s, s.key_value())
        row.update(name=s.name, role=s.role, distance=s.distance, distance_unit=s.distance_unit,
                   distance_km=s.distance_km)
        out["stories"].append(row)
    for i, fd in enumerate(pr.findings):
        sp = fd.span
        snippet = sp.snippet(pr.text) if sp is not None else (fd.snippet_text or "")
        key = f"{fd.code.value}|{fd.message}|{i}"
        out["findings"].append({
            "page_id": pr.page_id,
            "record_id": hashlib.sha256(f"{pr.page_id}|finding|{key}".encode()).hexdigest()[:16],
            "severity": fd.severity.value, "code": fd.code.value, "message": fd.message,
            "snippet": snippet,
            "span_start": sp.start if sp is not None else None,
            "span_end": sp.end if sp is not None else None,
            "rule": fd.rule,
        })
    out["pages"].append({
        "page_id": pr.page_id, "source": pr.source, "title": info.title,
        "country": info.country, "country_iso3": info.country_iso3, "updated": info.updated,
        "status": pr.status, "error": pr.error,
        "n_facts": len(pr.facts), "n_events": len(pr.events),
        "n_contacts": len(pr.contacts), "n_stories": len(pr.stories),
        "n_findings": len(pr.findings), "coverage": pr.coverage,
        "content_sha256": pr.content_sha256, "parser_version": PARSER_VERSION,
        "content_type": pr.content_type, "encoding": pr.encoding, "n_bytes": pr.n_bytes,
        "n_chars": len(pr.text),
    })
    out["texts"].append({"page_id": pr.page_id, "text": pr.text})
    return out
