"""Batch API: read inputs, run extract_page on each page, write the output folder.

    run_batch(["pages/"], "out/", Options()) -> dict (the run manifest, also OUT/run.json)

The run streams: inputs are enumerated lazily (ingest/sources.py), pages go
to an engine in tasks (parallel.py: this process, a process pool, or a Dask
cluster), each task comes back as validated Arrow tables (work.py), and every
`chunk_pages` pages become one committed chunk of part files plus a journal
line (tables/write.py: PartStore). Memory holds a few tasks, never the run.
Results are taken in input order, so the tables are the same row for row
whatever the number of workers. A killed run resumes (`extra["resume"]`)
from its journal; pages already done, by content hash, are skipped.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
import itertools
import math
import sys
import time
from collections import Counter
from pathlib import Path

from . import PARSER_VERSION, __version__
from .errors import UsageError
from .ingest.sources import PageInput, check_inputs, iter_inputs
from .options import Options
from .pipeline import page_id_for
from .tables.frames import TABLES
from .tables.write import ChunkTables, PartStore, datapackage, write_json_atomic
from .work import TaskResult, drop_pages, init_worker, process_task, run_in_worker, warm_up

__all__ = ["run_batch", "UsageError", "Options"]

# options that change what a page gives: a resumed run must use the same ones
_FINGERPRINT_OPTIONS = ("max_bytes", "max_line_chars", "aliases_files", "default_country",
                        "write_csv", "write_parquet")
_FINGERPRINT_EXTRA = ("url_field", "html_field", "text_field")
TASK_PAGES_MAX = 250


def prepare_out(out) -> Path:
    out = Path(out)
    try:
        if out.exists() and not out.is_dir():
            raise UsageError(f"cannot write to output folder {out}: it is a file")
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as exc:
        raise UsageError(f"cannot write to output folder {out}: {exc.strerror or exc}") from None
    return out


def _fingerprint(opts: Options) -> dict:
    fp = {"parser_version": PARSER_VERSION, "version": __version__}
    for k in _FINGERPRINT_OPTIONS:
        v = getattr(opts, k)
        fp[k] = list(v) if isinstance(v, tuple) else v
    fp["aliases_sha256"] = [hashlib.sha256(Path(f).read_bytes()).hexdigest()[:16]
                            for f in opts.aliases_files if Path(f).is_file()]
    for k in _FINGERPRINT_EXTRA:
        fp[k] = opts.extra.get(k)
    return fp


def _tasks(items, chunk_pages: int, task_pages: int):
    """(chunk number, [PageInput...]) tasks, in input order; a chunk is
    chunk_pages inputs, cut into tasks of at most task_pages."""
    it = iter(items)
    for chunk_no in itertools.count():
        chunk = itertools.islice(it, chunk_pages)
        any_ = False
        while True:
            task = list(itertools.islice(chunk, task_pages))
            if not task:
                break
            any_ = True
            yield chunk_no, task
        if not any_:
            return


def _make_engine(opts: Options, skip: set):
    from .parallel import DaskEngine, InlineEngine, PoolEngine
    engine = (opts.extra.get("engine") or "local").lower()
    jobs = max(1, int(opts.jobs or 1))
    if engine == "dask":
        fn = functools.partial(process_task, options=opts, skip=None)
        return DaskEngine(fn, jobs, opts.extra.get("scheduler"), opts.extra.get("dask_timeout") or "20s")
    if engine not in ("local", "processes", "inline"):
        raise UsageError(f"unknown engine: {engine} (local or dask)")
    if jobs == 1 or engine == "inline":
        return InlineEngine(functools.partial(process_task, options=opts, skip=skip))
    return PoolEngine(run_in_worker, jobs, initializer=init_worker, initargs=(opts, skip))


def _progress_bar(opts: Options, progress):
    show = bool(opts.progress) and progress is None and sys.stderr.isatty()
    if not show:
        return None
    from tqdm import tqdm
    # delay: a run of a few pages shows no bar
    return tqdm(unit="page", file=sys.stderr, delay=1.0, mininterval=0.5, smoothing=0.1,
                dynamic_ncols=True)


def run_batch(inputs, out, options: Options | None = None, progress=None) -> dict:
    """Extract every input page into `out`. Returns the run manifest (also run.json).

    `progress`, if given, is called with the number of pages finished."""
    opts = options or Options()
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    inputs = check_inputs(inputs)
    out = prepare_out(out)
    resume = bool(opts.extra.get("resume"))
    started = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    engine_name = (opts.extra.get("engine") or "local").lower()
    if engine_name not in ("local", "processes", "inline", "dask"):
        raise UsageError(f"unknown engine: {engine_name} (local or dask)")
    is_dask = engine_name == "dask"
    # a cluster that cannot be reached is a usage error: find out before touching `out`
    engine = _make_engine(opts, None) if is_dask else None
    try:
        store = PartStore(out, TABLES, csv=opts.write_csv, parquet=opts.write_parquet,
                          fingerprint=_fingerprint(opts), resume=resume,
                          fsync=bool(opts.extra.get("fsync")))
    except BaseException:
        if engine is not None:
            engine.close()
        raise
    try:
        skip = store.done  # one set: pages done before, and pages written in this run
        resumed_chunks = store.next_chunk
        warm_s = 0.0
        if engine is None:
            warm_s = time.perf_counter()
            warm_up(opts)  # before the pool forks: workers start warm, sharing the frozen heap
            warm_s = time.perf_counter() - warm_s
            engine = _make_engine(opts, skip)
        chunk_pages = max(1, int(opts.chunk_pages))
        # tasks: small enough to keep a few in flight on every worker and to keep
        # their row dicts small (memory), big enough that per-task costs vanish
        task_pages = min(TASK_PAGES_MAX, chunk_pages if engine.workers == 1
                         else max(1, math.ceil(chunk_pages / (4 * engine.workers))))
        items = iter_inputs(inputs, opts.extra, exclude=[out])
        main_skipped = [0]
        if not engine.reads_in_workers:  # Dask: read here, ship bytes; skip done pages here
            items = _read_here(items, opts, skip, main_skipped)
        bar = _progress_bar(opts, progress)
        seen = skip  # page ids written (this run or before): a repeated page is written once
        stages = Counter()
        if warm_s:
            stages["warm_up"] = warm_s  # once per run, not per page: the start-up cost
        this_run = Counter()
        write_s = 0.0

        def commit(results: list[TaskResult]) -> None:
            nonlocal write_s
            import pyarrow as pa
            t = time.perf_counter()
            tables = {name: pa.concat_tables([r.tables[name] for r in results]) for name in TABLES}
            page_ids = [p for r in results for p in r.page_ids]
            meta = {"statuses": sum((r.statuses for r in results), Counter()),
                    "severities": sum((r.severities for r in results), Counter()),
                    "rules": sum((r.rules for r in results), Counter()),
                    "stages": {k: round(v, 4) for k, v in sum((r.stages for r in results), Counter()).items()},
                    "rejected": sum(r.rejected for r in results)}
            if results and all(r.csv is not None for r in results):  # serialised by the workers
                tables = ChunkTables(tables, {name: [r.csv[name] for r in results]
                                              for name in results[0].csv})
            if page_ids:
                store.commit(tables, page_ids, meta)
            write_s += time.perf_counter() - t

        try:
            current, pending = None, []
            for chunk_no, res in zip_chunks(engine, _tasks(items, chunk_pages, task_pages)):
                if current is not None and chunk_no != current:
                    commit(pending)
                    pending = []
                current = chunk_no
                dups = set()
                for i, pid in enumerate(res.page_ids):
                    key = int(pid, 16)
                    if key in seen:
                        dups.add(i)
                    else:
                        seen.add(key)
                if dups:
                    res = drop_pages(res, dups)
                pending.append(res)
                stages.update(res.stages)
                this_run["pages"] += len(res.page_ids)
                this_run["skipped"] += res.skipped
                if bar is not None:
                    bar.update(res.n_pages)
                if progress:
                    progress(res.n_pages)
            if pending:
                commit(pending)
        finally:
            engine.close()
            if bar is not None:
                bar.close()
        this_run["skipped"] += main_skipped[0]

        t = time.perf_counter()
        written = store.finalize()
        write_json_atomic(datapackage(written), out / "datapackage.json")
        write_s += time.perf_counter() - t
        stages["write"] += write_s

        counts, statuses, severities, rules = Counter(), Counter(), Counter(), Counter()
        for e in store.entries:
            counts.update(e["rows"])
            statuses.update(e.get("statuses", {}))
            severities.update(e.get("severities", {}))
            rules.update(e.get("rules", {}))
        seconds = time.perf_counter() - t0
        manifest = {
            "tool": "profile-extract", "version": __version__, "parser_version": PARSER_VERSION,
            "python": sys.version.split()[0],
            "inputs": list(inputs), "out": str(out),
            "options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in vars(opts).items()},
            "engine": engine.name, "workers": engine.workers,
            "started": started.isoformat(), "finished": dt.datetime.now(dt.timezone.utc).isoformat(),
            "seconds": round(seconds, 3),
            "counts": {t: counts.get(t, 0) for t in TABLES},
            "pages_by_status": dict(statuses),
            "findings_by_severity": dict(severities),
            "rules": dict(rules.most_common()),
            "this_run": {"pages": this_run["pages"], "skipped_done": this_run["skipped"],
                         "resumed_from_chunk": resumed_chunks if resume else None,
                         "pages_per_second": round(this_run["pages"] / seconds, 1) if seconds else None},
            "chunks": store.next_chunk,
            "stage_seconds": {k: round(v, 4) for k, v in sorted(stages.items())},
            "tables": written,
        }
        write_json_atomic(manifest, out / "run.json")
        if opts.report:
            from .report import build_report
            manifest["report"] = str(build_report(out))
            write_json_atomic(manifest, out / "run.json")
        return manifest
    finally:
        store.close()  # releases OUT's lock, also when the run fails


def zip_chunks(engine, tasks):
    """Run tasks on the engine; yield (chunk number, result) in task order."""
    from collections import deque
    chunk_nos = deque()

    def items():
        for chunk_no, task in tasks:
            chunk_nos.append(chunk_no)
            yield task

    for res in engine.imap(items()):
        yield chunk_nos.popleft(), res


def _read_here(items, opts: Options, skip: set, skipped: list):
    """For engines whose workers cannot see local files: read each page here
    (bytes travel with the task) and leave out pages already done."""
    for item in items:
        data, error = item.load(opts.max_bytes)
        pid = None
        if skip:
            pid = page_id_for(item.source, data)
            if int(pid, 16) in skip:
                skipped[0] += 1
                continue
        # the id goes with the bytes, so the worker does not hash the page again
        yield PageInput(source=item.source, data=data, content_type=item.content_type, error=error,
                        page_id=pid)
