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


def finding_keys(page_id: str, codes, messages, starts, ends) -> list[str]:
    """The record_id key of each finding of one page: code, message and place,
    plus how many identical findings came before it on the page. An id then
    stays put when another finding of the page comes or goes (the position in
    the list did not)."""
    seen: dict[tuple, int] = {}
    keys = []
    for c, m, s, e in zip(codes, messages, starts, ends):
        k = (c, m, s, e)
        n = seen.get(k, 0)
        seen[k] = n + 1
        where = "" if s is None else f"{s}:{e}"
        keys.append(f"{page_id}|finding|{c}|{m}|{where}|{n}")
    return keys


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


def _meta_spans(info) -> dict:
    """Where the page's title and update stamp were read (None when not read)."""
    ts, us = info.title_span, info.updated_span    # (a Span of length 0 is falsy: test `is None`)
    return {"title_start": None if ts is None else ts.start, "title_end": None if ts is None else ts.end,
            "updated_start": None if us is None else us.start, "updated_end": None if us is None else us.end}


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
    fspans = [fd.span for fd in pr.findings]
    fkeys = finding_keys(pr.page_id, [fd.code.value for fd in pr.findings],
                         [fd.message for fd in pr.findings],
                         [sp.start if sp is not None else None for sp in fspans],
                         [sp.end if sp is not None else None for sp in fspans])
    for fd, sp, key in zip(pr.findings, fspans, fkeys):
        snippet = sp.snippet(pr.text) if sp is not None else (fd.snippet_text or "")
        out["findings"].append({
            "page_id": pr.page_id,
            "record_id": hashlib.sha256(key.encode()).hexdigest()[:16],
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
        **_meta_spans(info),
    })
    out["texts"].append({"page_id": pr.page_id, "text": pr.text})
    return out


# ---------------------------------------------------------------------------
# The batch's fast path: the same rows as page_rows, built as columns for a
# whole task of pages at once (no dict per row; attribute reads by map over
# every record of a kind). Equal to page_rows value for value and in order
# (tests/test_tables_fast.py); page_rows stays the readable definition.
# ---------------------------------------------------------------------------
from itertools import repeat  # noqa: E402
from operator import attrgetter, is_  # noqa: E402

from ..findings import FindingCode, Severity  # noqa: E402

_SPAN, _START, _END, _RULE = attrgetter("span"), attrgetter("start"), attrgetter("end"), attrgetter("rule")
_SEVERITY = {m: m.value for m in Severity}
_CODE = {m: m.value for m in FindingCode}
try:  # CPython's own SHA-256 (the same digests): ~15 % quicker than OpenSSL's on ids' short keys
    from _sha256 import sha256 as _sha256
except ImportError:  # renamed _sha2 in Python 3.12; elsewhere hashlib's
    try:
        from _sha2 import sha256 as _sha256
    except ImportError:
        _sha256 = hashlib.sha256


def _enum_values(members, table: dict) -> list:
    """Each enum member's .value (a dict look-up for the known members)."""
    get = table.get
    return [get(m) or m.value for m in members]


def _hash_ids(keys: list[str], errors: str) -> list[str]:
    """sha256(key encoded as UTF-8).hexdigest()[:16] of each key, as record_id
    does. A key with a lone surrogate encodes with `errors` ("replace" for
    records, "strict" - an error - for findings, as page_rows)."""
    sha = _sha256
    try:
        return [sha(k.encode()).hexdigest()[:16] for k in keys]
    except UnicodeEncodeError:
        return [sha(k.encode("utf-8", errors)).hexdigest()[:16] for k in keys]


def _gather(prs, attr: str):
    """Every record of one kind over the pages: (records, their page ids,
    their page texts, row offset of each page)."""
    recs, pids, texts, offs = [], [], [], [0]
    for pr in prs:
        rs = getattr(pr, attr)
        if rs:
            n = len(rs)
            recs.extend(rs)
            pids.extend(repeat(pr.page_id, n))
            texts.extend(repeat(pr.text, n))
        offs.append(len(recs))
    return recs, pids, texts, offs


def _col(name: str, recs: list) -> list:
    return list(map(attrgetter(name), recs))


def _record_columns(prs, attr: str, kind: str, key_parts: tuple, fmt: str, rest: tuple):
    """Columns of a record table: the _base columns, then `rest` attributes.
    record_id hashes f"{page_id}|{kind}|{start}:{end}|{key_value()}", the
    key value written out from the record's fields (`fmt` joins them as the
    record's key_value does; the tests hold the two together)."""
    recs, pids, texts, offs = _gather(prs, attr)
    spans = list(map(_SPAN, recs))
    starts = list(map(_START, spans))
    ends = list(map(_END, spans))
    snippets = [t[s:e] for t, s, e in zip(texts, starts, ends)]
    a = _col(key_parts[0], recs)
    b = _col(key_parts[1], recs) if len(key_parts) == 2 else None
    if fmt == "=":
        keys = [f"{p}|{kind}|{s}:{e}|{x}={y}" for p, s, e, x, y in zip(pids, starts, ends, a, b)]
    elif fmt == ":":
        keys = [f"{p}|{kind}|{s}:{e}|{x}:{y}" for p, s, e, x, y in zip(pids, starts, ends, a, b)]
    else:
        keys = [f"{p}|{kind}|{s}:{e}|{x}" for p, s, e, x in zip(pids, starts, ends, a)]
    ids = _hash_ids(keys, "replace")
    cols = [pids, ids, snippets, starts, ends, list(map(_RULE, recs))]
    for name in rest:
        cols.append(a if name == key_parts[0] else b if b is not None and name == key_parts[1]
                    else _col(name, recs))
    return cols, offs


# table -> (PageResult attribute, kind in record_id, key_value fields, their joint, other columns)
_RECORD_SPECS = {
    "facts": ("facts", "fact", ("label", "value_text"), "=",
              ("label", "indicator", "value", "unit", "value_text", "codes", "year_start", "year_end",
               "value_max", "qualifier", "rank_total", "as_of")),
    "events": ("events", "event", ("date",), "",
               ("date", "precision", "date_start", "date_end", "date_text", "qualifier", "sentence")),
    "contacts": ("contacts", "contact", ("kind", "value"), "=",
                 ("group", "kind", "value", "raw", "valid")),
    "stories": ("stories", "story", ("name", "distance_km"), ":",
                ("name", "role", "distance", "distance_unit", "distance_km")),
}


def _finding_columns(prs):
    fds, pids, texts, offs = _gather(prs, "findings")
    spans = list(map(_SPAN, fds))
    if not any(map(is_, spans, repeat(None))):  # every finding has a span (the usual case)
        starts = list(map(_START, spans))
        ends = list(map(_END, spans))
        snippets = [t[s:e] for t, s, e in zip(texts, starts, ends)]
    else:
        snippets, starts, ends = _finding_places(fds, spans, texts)
    codes = _enum_values(map(attrgetter("code"), fds), _CODE)
    messages = _col("message", fds)
    keys = []
    for a, b in zip(offs, offs[1:]):  # one page's findings at a time
        if b > a:
            keys += finding_keys(pids[a], codes[a:b], messages[a:b], starts[a:b], ends[a:b])
    ids = _hash_ids(keys, "strict")
    sev = _enum_values(map(attrgetter("severity"), fds), _SEVERITY)
    return [pids, ids, sev, codes, messages, snippets, starts, ends, _col("rule", fds)], offs


def _finding_places(fds, spans, texts):
    """Snippet, start and end of each finding: its span's, or its snippet_text
    (or "") and no offsets when it has no span."""
    snippets, starts, ends = [], [], []
    for fd, sp, t in zip(fds, spans, texts):
        if sp is None:
            snippets.append(fd.snippet_text or "")
            starts.append(None)
            ends.append(None)
        else:
            s, e = sp.start, sp.end
            snippets.append(t[s:e])
            starts.append(s)
            ends.append(e)
    return snippets, starts, ends


def _page_columns(prs):
    rows = []
    for pr in prs:
        info = pr.info
        m = _meta_spans(info)
        rows.append((pr.page_id, pr.source, info.title, info.country, info.country_iso3, info.updated,
                     pr.status, pr.error, len(pr.facts), len(pr.events), len(pr.contacts),
                     len(pr.stories), len(pr.findings), pr.coverage, pr.content_sha256,
                     PARSER_VERSION, pr.content_type, pr.encoding, pr.n_bytes, len(pr.text),
                     m["title_start"], m["title_end"], m["updated_start"], m["updated_end"]))
    if not rows:
        return [[] for _ in range(24)]        # one per pages column (schemas.COLUMNS["pages"])
    return [list(c) for c in zip(*rows)]


def task_columns(prs) -> tuple[dict[str, list[list]], dict[str, list[int]]]:
    """page_rows of every page of `prs`, as columns: {table: [column values in
    schemas.COLUMNS order]} and {table: row offset of each page (len = pages + 1)}."""
    cols, offsets = {}, {}
    n = len(prs)
    cols["pages"], offsets["pages"] = _page_columns(prs), list(range(n + 1))
    for table, (attr, kind, key, fmt, rest) in _RECORD_SPECS.items():
        cols[table], offsets[table] = _record_columns(prs, attr, kind, key, fmt, rest)
    cols["findings"], offsets["findings"] = _finding_columns(prs)
    cols["texts"], offsets["texts"] = [[pr.page_id for pr in prs], [pr.text for pr in prs]], list(range(n + 1))
    return cols, offsets


def columns_to_rows(table: str, columns: list[list]) -> list[dict]:
    """The row dicts of task_columns' columns, as page_rows gives them."""
    from .schemas import column_names
    names = column_names(table)
    return [dict(zip(names, vals)) for vals in zip(*columns)]


class TaskColumns:
    """task_columns of a task's pages, taken a few pages at a time: the
    records of a page are dropped soon after it is extracted, so the garbage
    collector does not walk a whole task's records again and again while
    later pages are extracted; the columns hold only strings and numbers."""

    # pages per task_columns call: 8 keeps most records from outliving the young
    # collections (32: ~0.02-0.04 ms more collector time per page, and full
    # collections); fewer pages per call cost more in per-call overhead
    BATCH = 8

    def __init__(self):
        self.cols: dict[str, list[list]] | None = None
        self.offsets: dict[str, list[int]] = {t: [0] for t in TABLES}
        self.page_ids: list[str] = []
        self._prs: list = []

    def add(self, pr: PageResult) -> None:
        self._prs.append(pr)
        self.page_ids.append(pr.page_id)
        if len(self._prs) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        prs, self._prs = self._prs, []
        if not prs and self.cols is not None:
            return
        cols, offsets = task_columns(prs)
        if self.cols is None:
            self.cols = cols
        else:
            for t, cs in cols.items():
                for mine, more in zip(self.cols[t], cs):
                    mine.extend(more)
        for t, offs in offsets.items():
            mine = self.offsets[t]
            base = mine[-1]
            mine.extend(base + o for o in offs[1:])

    def result(self) -> tuple[dict[str, list[list]], dict[str, list[int]]]:
        """(columns, offsets) of every page added, as task_columns gives them."""
        self.flush()
        return self.cols, self.offsets
