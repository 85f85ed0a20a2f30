"""The batch's fast paths give what the plain paths give, value for value.

- frames.task_columns (columns for a task of pages) == page_rows, row by row;
- work.process_task (columns -> columns_to_arrow) == the row path
  (page_rows -> rows_to_arrow, pandera for rejects): same Arrow tables,
  offsets and counts;
- write.formula_mask (first byte from the Arrow buffers) == the regex;
- CSV rows serialised per task (in the worker) and joined == the CSV of the
  chunk; Parquet parts with per-column encodings read back the same;
- a whole run (samples, bench-shaped pages, hostile shapes) with every fast
  path == the same run with every fast path switched off, read back with pandas
  (Parquet) and byte for byte (CSV).
"""
from __future__ import annotations

import dataclasses
import io
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from profile_extract import api, extract_page, work
from profile_extract.api import run_batch
from profile_extract.findings import Finding
from profile_extract.options import Options
from profile_extract.records import Contact, Event, Fact, Story
from profile_extract.spans import Span
from profile_extract.tables import fastcheck, frames, write
from profile_extract.tables.frames import TABLES, columns_to_rows, page_rows, task_columns
from profile_extract.tables.write import _FORMULA_RE, csv_bytes, csv_header, formula_mask, neutralise_arrow

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(Path(__file__).parent))  # tests run with --import-mode=importlib
from test_batch import read_tables  # noqa: E402
import gen  # noqa: E402  (bench/gen.py: the benchmark's page shapes)

HOSTILE = [
    ("hostile/binary.txt", bytes(range(256)) * 8),
    ("hostile/longline.txt", b"Population: 12 million " * 300),
    ("hostile/deep.html", b"<div>" * 300 + b"Phone: +375 17 288 27 42" + b"</div>" * 300),
    ("hostile/formula.txt", b"=SUM(A1): -3.5\n+Area: 10 km2\n@Tel: +41 22 717 91 00\n-Population: 5 million\n"),
    ("hostile/surrogate.txt", "Population (2018): 4.1 million \udcff\nArea: 10 km2\n".encode("utf-8", "surrogateescape")),
    ("hostile/empty.txt", b""),
]


def _pages() -> list[tuple[str, bytes]]:
    out = [(str(p), p.read_bytes()) for p in sorted((ROOT / "samples").iterdir())
           if p.suffix in (".txt", ".html")]
    out += [(name, text.encode()) for name, text in gen.pages("text", 30)]
    out += [(name, text.encode()) for name, text in gen.pages("html", 4)]
    return out + HOSTILE


@pytest.fixture(scope="module")
def results():
    return [extract_page(data, src) for src, data in _pages()]


def _odd(pr):
    """The page with records whose values take unusual shapes (None keys,
    non-ASCII, a lone surrogate, formula starts, int in a float column)."""
    n = max(len(pr.text), 1)
    sp = Span(0, min(5, n))
    return dataclasses.replace(
        pr,
        facts=pr.facts + (Fact("=Label \u00e9", "-3", sp, indicator="x", value=3, codes="AB"),
                          Fact("L\u00ff\U0001F600", "v", Span(0, 0), value=float("nan"), rule="odd")),
        events=pr.events,
        contacts=pr.contacts + (Contact(0, "phone", "+41", "@raw", sp, valid=False),),
        stories=pr.stories + (Story(sp), Story(sp, name="N\u00f6", distance=3, distance_km=4.8)),
        findings=pr.findings + (Finding.info("unknown_label", "odd \u00fc", None, snippet_text=None),
                                Finding.warning("unknown_unit", "=x", sp, rule="r")),
    )


def _row_path(prs):
    rows, offsets = work.task_rows(prs)
    tables, offsets, rejected = work._tables_from_rows(rows, offsets, [p.page_id for p in prs])
    return tables, offsets, rejected, rows


# -- rows ----------------------------------------------------------------------

def test_task_columns_give_page_rows_row_for_row(results):
    prs = results + [_odd(results[0]), _odd(results[-2])]
    cols, offsets = task_columns(prs)
    for table in TABLES:
        want, offs = [], [0]
        for pr in prs:
            want.extend(page_rows(pr)[table])
            offs.append(len(want))
        got = columns_to_rows(table, cols[table])
        assert len(got) == len(want), table
        for g, w in zip(got, want):
            assert list(g) == list(w), table  # same keys, same order
            assert repr(g) == repr(w), table  # same values and types (nan too)
        assert offsets[table] == offs, table


@pytest.mark.parametrize("batch", [1, 3, 32, 1000])
def test_task_columns_a_few_pages_at_a_time_equal_all_at_once(results, monkeypatch, batch):
    monkeypatch.setattr(frames.TaskColumns, "BATCH", batch)
    buf = frames.TaskColumns()
    for pr in results:
        buf.add(pr)
    assert buf.result() == task_columns(results)
    assert buf.page_ids == [pr.page_id for pr in results]
    empty = frames.TaskColumns().result()
    assert empty == task_columns([])


def test_task_columns_of_no_pages():
    cols, offsets = task_columns([])
    for table in TABLES:
        assert columns_to_rows(table, cols[table]) == []
        assert offsets[table] == [0]
        assert fastcheck.columns_to_arrow(table, cols[table]).num_rows == 0


# -- schema + Arrow --------------------------------------------------------------

def _same_result(fast: work.TaskResult, tables, offsets, rejected, rows):
    assert set(fast.tables) == set(tables)
    for t in TABLES:
        assert fast.tables[t].equals(tables[t], check_metadata=True), t
        assert fast.tables[t].schema == tables[t].schema, t
    assert fast.offsets == offsets
    assert fast.rejected == rejected
    assert list(fast.statuses.items()) == list(Counter(r["status"] for r in rows["pages"]).items())
    assert list(fast.severities.items()) == list(Counter(r["severity"] for r in rows["findings"]).items())


def _process(monkeypatch, prs, options=None):
    monkeypatch.setattr(work, "read_and_extract", lambda item, options, skip=None, stages=None: item)
    return work.process_task(prs, options or Options())


@pytest.mark.parametrize("odd", [False, True], ids=["pages", "odd-values"])
def test_process_task_fast_path_equals_the_row_path(results, monkeypatch, odd):
    prs = list(results)
    if odd:
        prs = [_odd(p) for p in prs[:5]] + prs[5:]
    fast = _process(monkeypatch, prs)
    _same_result(fast, *_row_path(prs))
    rules = Counter()
    for pr in prs:
        for recs in (pr.facts, pr.events, pr.contacts, pr.stories):
            rules.update(r.rule for r in recs)
    assert list(fast.rules.items()) == list(rules.items())  # same counts, same order


@pytest.mark.parametrize("bad", [
    Fact("Population", "5 million", Span(0, 5), indicator="population", value=5e6,
         year_start=20051, year_end=20051, rule="test.bad"),          # a bound broken: pandera drops it
    Fact("Population", "5 million", Span(0, 5), indicator="population", value="five", rule="test.type"),
    Fact("Population", "5 million", Span(0, 5), indicator=None, value=5e6, rule="test.null"),
], ids=["bound", "type", "null"])
def test_a_rejected_row_takes_the_row_path_with_the_same_outcome(results, monkeypatch, bad):
    prs = list(results[:6])
    prs[2] = dataclasses.replace(prs[2], facts=prs[2].facts + (bad,))
    cols, _ = task_columns(prs)
    assert fastcheck.columns_to_arrow("facts", cols["facts"]) is None
    fast = _process(monkeypatch, prs)
    tables, offsets, rejected, rows = _row_path(prs)
    _same_result(fast, tables, offsets, rejected, rows)
    if bad.rule == "test.bad":
        assert fast.rejected == 1


def _variants(table: str, at: pa.Table):
    """The table with one value of a checked column set to a value at, inside
    or past its constraint (bounds, allowed values, nulls)."""
    from profile_extract.tables.schemas import COLUMNS
    yield "as is", at
    for name, typ, nullable, allowed in COLUMNS[table]:
        i = at.schema.get_field_index(name)
        vals = at.column(i).to_pylist()
        if not vals:
            continue
        tries = [None]
        if isinstance(allowed, tuple) and allowed and isinstance(allowed[0], str):
            tries += [allowed[-1], "nope", allowed[0].upper()]
        elif isinstance(allowed, tuple) and typ in ("int", "float"):
            lo, hi = allowed
            one = 1 if typ == "int" else 1e-9
            tries += [b for b in (lo, hi) if b is not None]
            tries += [lo - one] if lo is not None else []
            tries += [hi + one] if hi is not None else []
            if typ == "float":
                tries += [float("inf"), -0.0]
        for v in tries:
            for pos in (0, len(vals) - 1):
                new = list(vals)
                new[pos] = v
                yield f"{name}[{pos}]={v!r}", at.set_column(i, at.schema.field(i), pa.array(new, at.schema.field(i).type))


@pytest.mark.parametrize("table", TABLES)
def test_any_bad_row_agrees_with_bad_rows(results, monkeypatch, table):
    at = _process(monkeypatch, results).tables[table]
    n = 0
    for label, variant in _variants(table, at):
        assert fastcheck.any_bad_row(table, variant) == (fastcheck.bad_rows(table, variant) is not None), label
        n += 1
    assert n >= 1


def test_columns_to_arrow_nan_becomes_null(results):
    pr = dataclasses.replace(results[0], facts=(Fact("A", "x", Span(0, 1), value=float("nan")),))
    cols, _ = task_columns([pr])
    at = fastcheck.columns_to_arrow("facts", cols["facts"])
    assert at.column("value").null_count == 1
    assert at.equals(fastcheck.rows_to_arrow("facts", page_rows(pr)["facts"])[0], check_metadata=True)


# -- CSV -------------------------------------------------------------------------

MASK_VALUES = ["=a", None, "b", "", "-1", "x", "\tq", "\rz", "@h", "+1", "\u00e9=", "='", "\u00fc",
               " =", "'=", "\u2212", "==", "\n=", "a=b"]


@pytest.mark.parametrize("shape", ["array", "chunked", "sliced", "empty-chunks", "all-null", "no-data"])
def test_formula_mask_equals_the_regex(shape):
    arr = pa.array(MASK_VALUES * 3, type=pa.string())
    col = {
        "array": arr,
        "chunked": pa.chunked_array([arr, arr]),
        "sliced": pa.chunked_array([arr.slice(3, 20), arr.slice(1, 7), arr.slice(40)]),
        "empty-chunks": pa.chunked_array([arr.slice(0, 0), arr.slice(5, 9), arr.slice(0, 0)]),
        "all-null": pa.chunked_array([pa.array([None, None], type=pa.string())]),
        "no-data": pa.chunked_array([pa.array(["", None, ""], type=pa.string())]),
    }[shape]
    want = pc.fill_null(pc.match_substring_regex(col, _FORMULA_RE), False)
    want = want.to_numpy(zero_copy_only=False) if len(want) else []
    assert list(formula_mask(col)) == list(want)


def test_neutralise_arrow_equals_neutralise_cell_by_cell():
    arr = pa.chunked_array([pa.array(MASK_VALUES[:9]), pa.array(MASK_VALUES[9:]).slice(1)])
    at = pa.table({"page_id": pa.chunked_array([pa.array([str(i) for i in range(len(arr))])]),
                   "text": arr})
    got = neutralise_arrow("texts", at).column("text").to_pylist()
    assert got == [write.neutralise(v) for v in arr.to_pylist()]


def test_csv_rows_per_task_joined_equal_the_chunk_csv(results, monkeypatch):
    monkeypatch.setattr(work, "read_and_extract", lambda item, options, skip=None, stages=None: item)
    prs = results + [_odd(results[1])]
    parts = [work.process_task(prs[i:i + 7], Options()) for i in range(0, len(prs), 7)]
    for t in TABLES:
        if t == "texts":
            assert t not in parts[0].csv
            continue
        chunk = pa.concat_tables([r.tables[t] for r in parts])
        joined = csv_header(t) + b"".join(r.csv[t] for r in parts)
        assert joined == csv_bytes(t, chunk, header=True), t
        assert b"".join(r.csv[t] for r in parts) == csv_bytes(t, chunk, header=False), t
    assert work.process_task(prs[:3], Options(write_csv=False)).csv is None


def test_parquet_parts_read_back_the_same(results, monkeypatch, tmp_path):
    res = _process(monkeypatch, results + [_odd(results[0])])
    for t in TABLES:
        at = res.tables[t]
        write.write_part(t, at, tmp_path / f"{t}.fast.parquet")
        pq.write_table(at, tmp_path / f"{t}.plain.parquet", compression="zstd")
        a = pq.read_table(tmp_path / f"{t}.fast.parquet")
        b = pq.read_table(tmp_path / f"{t}.plain.parquet")
        assert a.equals(b, check_metadata=True), t
        pd.testing.assert_frame_equal(pd.read_parquet(tmp_path / f"{t}.fast.parquet"),
                                      pd.read_parquet(tmp_path / f"{t}.plain.parquet"))


# -- a whole run -------------------------------------------------------------------

def _slow_paths(monkeypatch):
    """Every fast path off: rows through page_rows and rows_to_arrow, CSV
    serialised by the writer, the regex for formula cells, plain Parquet."""
    def row_task(items, options, skip=None):
        prs = [work.read_and_extract(i, options, skip) for i in items]
        prs = [p for p in prs if p is not None]
        rows, offsets = work.task_rows(prs)
        tables, offsets, rejected = work._tables_from_rows(rows, offsets, [p.page_id for p in prs])
        rules = Counter()
        for pr in prs:
            for recs in (pr.facts, pr.events, pr.contacts, pr.stories):
                rules.update(r.rule for r in recs)
        return work.TaskResult(tables=tables, offsets=offsets, page_ids=[p.page_id for p in prs],
                               skipped=len(items) - len(prs),
                               statuses=Counter(r["status"] for r in rows["pages"]),
                               severities=Counter(r["severity"] for r in rows["findings"]),
                               rules=rules, rejected=rejected)
    monkeypatch.setattr(api, "process_task", row_task)
    monkeypatch.setattr(write, "formula_mask", lambda arr: None)
    monkeypatch.setattr(write, "write_part",
                        lambda t, at, path: pq.write_table(at, path, compression="zstd"))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    d = tmp_path_factory.mktemp("in")
    for src, data in _pages():
        name = src.replace("/", "_")
        (d / name).write_bytes(data)
    return d


@pytest.mark.parametrize("chunk", [1000, 7], ids=["one-part", "parts"])
def test_run_with_fast_paths_writes_the_tables_of_the_slow_paths(inputs, tmp_path, monkeypatch, chunk):
    opts = Options(jobs=1, report=False, progress=False, chunk_pages=chunk)
    fast = read_tables(Path(run_batch([str(inputs)], tmp_path / "fast", opts)["out"]))
    with monkeypatch.context() as m:
        _slow_paths(m)
        slow = read_tables(Path(run_batch([str(inputs)], tmp_path / "slow", opts)["out"]))
    assert set(fast) == set(slow)
    for k in fast:
        if k.endswith(".csv"):
            assert fast[k] == slow[k], k
        else:
            pd.testing.assert_frame_equal(fast[k], slow[k], check_exact=True)
    assert len(fast["pages"]) == len(_pages())


def test_a_duplicate_page_drops_the_worker_csv_and_the_writer_makes_it(inputs, tmp_path):
    src = next(p for p in sorted(inputs.iterdir()) if p.suffix == ".txt")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(src.read_bytes())
    opts = Options(jobs=1, report=False, progress=False)
    out = tmp_path / "o"
    run_batch([str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "a.txt")], out, opts)
    run_batch([str(tmp_path / "in" / "a.txt")], tmp_path / "one", opts)
    for t in TABLES:
        if t != "texts":
            assert (out / f"{t}.csv").read_bytes() == (tmp_path / "one" / f"{t}.csv").read_bytes(), t


@pytest.mark.parametrize("form", ["pieces", "bytes"])
def test_part_store_appends_worker_csv_as_it_would_write_the_tables(results, monkeypatch, tmp_path, form):
    monkeypatch.setattr(work, "read_and_extract", lambda item, options, skip=None, stages=None: item)
    parts = [work.process_task(results[i:i + 9], Options()) for i in range(0, len(results), 9)]
    outs = {}
    for how in ("plain", form):
        (tmp_path / how).mkdir()
        store = write.PartStore(tmp_path / how, TABLES)
        for k in range(0, len(parts), 2):  # two chunks of tasks
            chunk = parts[k:k + 2]
            tables = {t: pa.concat_tables([r.tables[t] for r in chunk]) for t in TABLES}
            if how == "pieces":
                tables = write.ChunkTables(tables, {t: [r.csv[t] for r in chunk] for t in chunk[0].csv})
            elif how == "bytes":
                tables = write.ChunkTables(tables, {t: b"".join(r.csv[t] for r in chunk) for t in chunk[0].csv})
            store.commit(tables, [p for r in chunk for p in r.page_ids])
        store.finalize()
        store.close()
        outs[how] = {t: (tmp_path / how / f"{t}.csv").read_bytes() for t in TABLES if t != "texts"}
    assert outs["plain"] == outs[form]
