"""The unit of work of a batch run: a task of pages -> validated Arrow tables.

`process_task` runs wherever the engine puts it (this process, a worker
process, a Dask worker): it reads each page, runs the pure per-page function
`pipeline.extract_page`, turns the results into the rows of `tables.frames.page_rows`
(built as columns, `frames.TaskColumns`) and those into typed, schema-checked
Arrow tables, and serialises their CSV rows. Rows that fail the schema are not
written to their table: they become `rejected_record` findings rows of their
page. The result is plain picklable data, small beside the pages: the writer
process only concatenates, writes the Parquet parts and appends the CSV bytes.
"""
from __future__ import annotations

import gc
import hashlib
import operator
import time
from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa

from .ingest.sources import PageInput
from .options import Options
from .pipeline import extract_page, page_id_for
from .records import PageInfo, PageResult
from .tables.fastcheck import columns_to_arrow, rows_to_arrow
from .tables.frames import RECORD_TABLES, TABLES, TaskColumns, columns_to_rows, page_rows, task_columns
from .tables.schemas import column_names, validate_frame, to_frame
from .tables.write import csv_bytes

_RULE = operator.attrgetter("rule")
_SEVERITY_COL = column_names("findings").index("severity")
_STATUS_COL = column_names("pages").index("status")
_KIND_COUNT = {"facts": "n_facts", "events": "n_events", "contacts": "n_contacts", "stories": "n_stories"}


@dataclass
class TaskResult:
    tables: dict                       # table -> pa.Table (rows in page order)
    offsets: dict                      # table -> row offset of each page, len = pages + 1
    page_ids: list                     # page_id of each page written, in order
    skipped: int = 0                   # pages already done (resume), not written
    statuses: Counter = field(default_factory=Counter)
    severities: Counter = field(default_factory=Counter)
    rules: Counter = field(default_factory=Counter)
    stages: Counter = field(default_factory=Counter)
    rejected: int = 0
    csv: dict | None = None            # table -> its CSV rows (no header), made where the task ran

    @property
    def n_pages(self) -> int:
        return len(self.page_ids) + self.skipped


def failed_result(source: str, data: bytes, error: str, page_id: str | None = None) -> PageResult:
    """The result for a page that could not be read: a `failed` pages row."""
    return PageResult(page_id=page_id or page_id_for(source, data), source=source, text="", info=PageInfo(),
                      status="failed", error=error, content_sha256=hashlib.sha256(data).hexdigest(),
                      n_bytes=len(data))


def read_and_extract(item: PageInput, options: Options, skip=None, stages: Counter | None = None):
    """PageResult of one input, or None when its page_id is in `skip`."""
    t = time.perf_counter()
    data, error = item.load(options.max_bytes)
    if stages is not None:
        stages["read"] += time.perf_counter() - t
    pid = item.page_id
    if skip:
        pid = pid or page_id_for(item.source, data)
        if int(pid, 16) in skip:  # skip holds ids as ints
            return None
    if error is not None:
        return failed_result(item.source, data, error, page_id=pid)
    try:
        return extract_page(data, item.source, options, content_type=item.content_type, page_id=pid)
    except Exception as exc:  # extract_page promises not to raise; never lose the page if it does
        return failed_result(item.source, data, f"internal error: {type(exc).__name__}: {exc}", page_id=pid)


def _failures(table: str, row: dict) -> list[dict]:
    """pandera's failure descriptions (column, check, value) for one row."""
    try:
        _, failures = validate_frame(table, to_frame(table, [row]))
    except Exception as exc:  # schema-level failure of a single row
        return [{"column": None, "check": f"{type(exc).__name__}: {exc}"[:300], "value": ""}]
    return failures


def _reason(table: str, row: dict) -> str:
    """Why pandera rejects this one row: column, check and value."""
    parts = [f"{f['column']} {f['check']} (got {f['value']})" for f in _failures(table, row)]
    return "; ".join(dict.fromkeys(parts)) or "failed the schema"


_WARM = False


def warm_up(options: Options | None = None) -> None:
    """Once per process: build the lazy caches (patterns, phone gazetteer, Arrow
    metadata) with a throw-away page, then move everything alive into the
    garbage collector's permanent generation. Full collections otherwise walk
    the big long-lived heap (phonenumbers, pandas) over and over: on the
    benchmark pages that is up to half the time of a page. pint's unit registry
    is not built here: only a unit the spelling table lacks needs it (rare;
    ~0.25 s where one first appears), so a run that meets none never pays it."""
    global _WARM
    if _WARM:
        return
    _WARM = True
    # no collections while the caches are built (they would walk the growing
    # heap again and again, ~0.1 s): what warming leaves behind is found by
    # the one collection before the freeze
    gc_was_enabled = gc.isenabled()
    gc.disable()
    # a page that takes the lazy paths: unit spellings, languages, currencies, phones with
    # and without a country code (the latter loads phonenumbers' area gazetteer,
    # ~100 MB, once: before the pool forks, workers share it)
    sample = (b"Office in Freedonia\nUpdated: March 2019\nFacts and Figures: March 2019\n"
              b"Population (2018):4.1 million\nArea:33,846 km sq\nLanguages :Romanian, Russian\n"
              b"Currency:Leu (MDL)\nHDI Rank (2014):50 of 188\nImmigrants (2015):11.4%\n\n"
              b"In 2001 the office opened. On 3 June 2004 it signed an agreement.\n\n"
              b"Ana, nurse\n3,120 kms from home\nRead more\n\nExample Office\nMusterstrasse 5\n"
              b"60311 Frankfurt\nGermany\nTel: 069 94 94 37-0\nFax: +41 22 717 9111\n"
              b"Email: office@example.org\n\nInternational Office (IO)\n14, Lenin Avenue, Northgate 61544\n"
              b"Republic of Ukraine\n\nTel: +380 44 568 50 15\nFax: +375.1 715 849 79 7\n")
    html = (b"<html><body><h1>Office</h1><table><tr><td>Population</td><td>4.1 million</td></tr>"
            b"</table><p>In 2001 the office opened.</p></body></html>")
    try:
        for data, source in ((sample, "warm-up.txt"), (html, "warm-up.html")):
            pr = extract_page(data, source, options)
            rows = page_rows(pr)
            cols, _ = task_columns([pr])
            for table in TABLES:
                rows_to_arrow(table, rows[table])
                at = columns_to_arrow(table, cols[table])
                if at is not None and table != "texts":
                    csv_bytes(table, at, header=False)
    except Exception:  # warming is an optimisation only
        pass
    finally:
        # what warming left behind is all young (the collector was off while it
        # ran): a collection of the young generations finds it without walking
        # the old heap (~10 ms against ~28 for a full one); the few leftovers of
        # the imports that may sit in the old generation are frozen with the rest
        gc.collect(1)
        gc.freeze()
        if gc_was_enabled:
            gc.enable()


# container objects allocated between two young collections while a task runs
# (Python's default is 700): a page makes tens of thousands that die with it,
# and each young collection walks the ones still alive (~0.05 ms less collector
# time per HTML page, ~0.01 per text page; at most ~10,000 objects wait longer)
GC_YOUNG_THRESHOLD = 10_000


def process_task(items: list[PageInput], options: Options, skip=None) -> TaskResult:
    """Read and extract every page of `items`; rows as validated Arrow tables.

    The rows are built as columns for the whole task (frames.task_columns) and
    typed by columns_to_arrow; a task where any table has a value Arrow cannot
    type or a row the schema rejects takes the row path (_tables_from_rows,
    pandera), which gives the same tables for clean rows. The collector's
    young threshold is raised while the task runs (GC_YOUNG_THRESHOLD), then
    put back."""
    old = gc.get_threshold()
    if old[0]:  # 0: automatic collection is off; leave it so
        gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        return _process_task(items, options, skip)
    finally:
        gc.set_threshold(*old)


def _process_task(items: list[PageInput], options: Options, skip=None) -> TaskResult:
    stages: Counter = Counter()
    if not _WARM:  # once per process: the start-up cost, apart from the per-page stages
        t = time.perf_counter()
        warm_up(options)
        stages["warm_up"] += time.perf_counter() - t
    buf, skipped = TaskColumns(), 0
    rule_seq: list[str] = []  # every record's rule, page by page: counted once, in this order
    for item in items:
        pr = read_and_extract(item, options, skip, stages)
        if pr is None:
            skipped += 1
            continue
        t = time.perf_counter()
        for k, v in pr.stage_seconds.items():
            stages[k] += v
        for recs in (pr.facts, pr.events, pr.contacts, pr.stories):
            if recs:
                rule_seq += map(_RULE, recs)
        buf.add(pr)
        del pr
        stages["rows"] += time.perf_counter() - t
    t = time.perf_counter()
    rules = Counter(rule_seq)
    del rule_seq
    cols, offsets = buf.result()
    page_ids = buf.page_ids
    del buf
    stages["rows"] += time.perf_counter() - t

    t = time.perf_counter()
    tables = {}
    for table in TABLES:
        at = columns_to_arrow(table, cols[table])
        if at is None:
            break
        tables[table] = at
    if len(tables) == len(TABLES):
        rejected = 0
        severities = Counter(cols["findings"][_SEVERITY_COL])
        statuses = Counter(cols["pages"][_STATUS_COL])
    else:  # a value Arrow cannot type or a row the schema rejects: the row path decides
        rows = {table: columns_to_rows(table, cols[table]) for table in TABLES}
        tables, offsets, rejected = _tables_from_rows(rows, offsets, page_ids)
        severities = Counter(r["severity"] for r in rows["findings"])
        statuses = Counter(r["status"] for r in rows["pages"])
    stages["schema"] += time.perf_counter() - t
    csv = None
    if options.write_csv:  # serialised here, in the worker: the writer process only appends bytes
        t = time.perf_counter()
        csv = {table: csv_bytes(table, tables[table], header=False) for table in TABLES if table != "texts"}
        stages["write"] += time.perf_counter() - t
    return TaskResult(tables=tables, offsets=offsets, page_ids=page_ids, skipped=skipped,
                      statuses=statuses, severities=severities, rules=rules, stages=stages,
                      rejected=rejected, csv=csv)


def task_rows(prs: list[PageResult]) -> tuple[dict, dict]:
    """page_rows of each page, one list per table, and each page's row offsets."""
    rows = {t: [] for t in TABLES}
    offsets = {t: [0] for t in TABLES}
    for pr in prs:
        for table, rs in page_rows(pr).items():
            rows[table].extend(rs)
            offsets[table].append(len(rows[table]))
    return rows, offsets


def _tables_from_rows(rows: dict, offsets: dict, page_ids: list) -> tuple[dict, dict, int]:
    """Validated Arrow tables of a task's rows (page_rows), row by row through
    rows_to_arrow: rows the schema rejects leave their table and become
    `rejected_record` findings of their page; a pages row is fixed, never
    dropped. Updates `rows` (findings, pages) in place; returns (tables,
    offsets, rejected rows)."""
    tables, rejected = {}, 0
    pos = {pid: i for i, pid in enumerate(page_ids)}
    extra_findings: dict[int, list[dict]] = {}
    page_fix: dict[int, Counter] = {}
    for table in RECORD_TABLES + ("texts",):
        at, dropped, _ = rows_to_arrow(table, rows[table])
        tables[table] = at
        if dropped:
            rejected += len(dropped)
            offsets[table] = _shrink_offsets(offsets[table], dropped)
            for i in dropped:
                row = rows[table][i]
                pi = pos[row["page_id"]]
                page_fix.setdefault(pi, Counter())[_KIND_COUNT.get(table, "")] += 1
                extra_findings.setdefault(pi, []).append(_rejected_finding(table, row))
    if extra_findings:  # each page's rejected rows follow its own findings, in page order
        merged, offs = [], [0]
        for pi in range(len(page_ids)):
            a, b = offsets["findings"][pi], offsets["findings"][pi + 1]
            merged.extend(rows["findings"][a:b])
            merged.extend(extra_findings.get(pi, ()))
            offs.append(len(merged))
        rows["findings"], offsets["findings"] = merged, offs
        for pi, fix in page_fix.items():
            prow = rows["pages"][pi]
            for col, n in fix.items():
                if col:
                    prow[col] -= n
            prow["n_findings"] += sum(fix.values())
            if prow["status"] == "ok":
                prow["status"] = "partial"  # a rejected record is a warning
    at, dropped, _ = rows_to_arrow("findings", rows["findings"])
    if dropped:  # a finding the schema rejects is a bug; keep the run going, say so once
        raise RuntimeError(f"findings rows failed the schema: {[rows['findings'][i] for i in dropped[:3]]}")
    tables["findings"] = at
    tables["pages"] = _pages_table(rows["pages"])
    return tables, offsets, rejected


def _shrink_offsets(offsets: list[int], dropped: list[int]) -> list[int]:
    """Page row offsets after removing the rows at `dropped` (sorted indices)."""
    import bisect
    return [o - bisect.bisect_left(dropped, o) for o in offsets]


def _rejected_finding(table: str, row: dict) -> dict:
    why = _reason(table, row)
    return {
        "page_id": row["page_id"],
        "record_id": hashlib.sha256(f"{row['page_id']}|rejected|{table}|{row.get('record_id')}".encode()).hexdigest()[:16],
        "severity": "warning", "code": "rejected_record",
        "message": f"{table} row rejected by the schema: {why}",
        "snippet": row.get("snippet") or "",
        "span_start": row.get("span_start"), "span_end": row.get("span_end"),
        "rule": row.get("rule"),
    }


def _pages_table(prows: list[dict]) -> pa.Table:
    """Every page keeps its row: a field the schema rejects is nulled (when it
    may be) and said in `error`, never the page dropped."""
    at, dropped, _ = rows_to_arrow("pages", prows)
    if not dropped:
        return at
    from .tables.schemas import COLUMNS
    nullable = {n for n, _, null, _ in COLUMNS["pages"] if null}
    for i in dropped:
        row = prows[i]
        failures = _failures("pages", row)
        why = "; ".join(f"{f['column']} {f['check']} (got {f['value']})" for f in failures)
        for f in failures:
            if f["column"] in nullable and f["column"] != "error":
                row[f["column"]] = None
        row["error"] = ((row.get("error") or "") + f" [pages row fixed: {why}]").strip()
    at, dropped, _ = rows_to_arrow("pages", prows)
    if dropped:
        raise RuntimeError(f"pages rows failed the schema: {[prows[i] for i in dropped[:3]]}")
    return at


def drop_pages(res: TaskResult, indices: set[int]) -> TaskResult:
    """The result without the pages at `indices` (duplicates of earlier pages)."""
    keep_pages = [i for i in range(len(res.page_ids)) if i not in indices]
    tables, offsets = {}, {}
    for table, at in res.tables.items():
        offs = res.offsets[table]
        idx, new_offs = [], [0]
        for i in keep_pages:
            idx.extend(range(offs[i], offs[i + 1]))
            new_offs.append(len(idx))
        tables[table] = at.take(pa.array(idx, type=pa.int64()))
        offsets[table] = new_offs
    statuses = Counter(tables["pages"].column("status").to_pylist())
    severities = Counter(tables["findings"].column("severity").to_pylist())
    return TaskResult(tables=tables, offsets=offsets, page_ids=[res.page_ids[i] for i in keep_pages],
                      skipped=res.skipped + len(indices), statuses=statuses,
                      severities=severities, rules=res.rules, stages=res.stages,
                      rejected=res.rejected)  # csv: None, the writer makes it from the tables


# -- process-pool worker state (set once per worker by the pool initializer) --
_W_OPTIONS: Options | None = None
_W_SKIP = None


def init_worker(options: Options, skip) -> None:
    global _W_OPTIONS, _W_SKIP
    _W_OPTIONS, _W_SKIP = options, skip


def run_in_worker(items: list[PageInput]) -> TaskResult:
    return process_task(items, _W_OPTIONS, _W_SKIP)
