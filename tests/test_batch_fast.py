"""The batch's fast paths around the extractors, each against its plain form."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract import pipeline


def test_a_batch_that_skips_done_pages_hashes_each_page_once(tmp_path, monkeypatch):
    from profile_extract.ingest.sources import PageInput
    from profile_extract.options import Options
    from profile_extract.work import read_and_extract
    calls = []
    real = pipeline.page_id_for

    def counted(source, data):
        calls.append(source)
        return real(source, data)
    monkeypatch.setattr(pipeline, "page_id_for", counted)
    monkeypatch.setattr("profile_extract.work.page_id_for", counted)
    data = b"Population: 4.1 million\n"
    item = PageInput(source="a.txt", data=data)
    pr = read_and_extract(item, Options(), skip={0})           # a skip set without this page
    assert pr.page_id == real("a.txt", data) and calls == ["a.txt"]
    calls.clear()
    assert read_and_extract(item, Options(), skip={int(real("a.txt", data), 16)}) is None
    assert calls == ["a.txt"]


def test_pages_read_in_the_main_process_carry_their_id_to_the_worker(monkeypatch):
    """Dask path: `_read_here` hashes a page for the skip check; the id travels
    in the PageInput and the worker uses it (and the same id as a fresh hash)."""
    from profile_extract.api import _read_here
    from profile_extract.ingest.sources import PageInput
    from profile_extract.options import Options
    from profile_extract.work import read_and_extract
    real = pipeline.page_id_for
    pages = [PageInput(source="a.txt", data=b"Area: 5 km2\n"),
             PageInput(source="b.txt", data=b"Population: 4.1 million\n"),
             PageInput(source="c.txt", error="cannot read: gone")]
    skipped = [0]
    shipped = list(_read_here(iter(pages), Options(), {int(real("a.txt", pages[0].data), 16)}, skipped))
    assert skipped == [1] and [p.source for p in shipped] == ["b.txt", "c.txt"]
    assert [p.page_id for p in shipped] == [real("b.txt", pages[1].data), real("c.txt", b"")]
    calls = []
    monkeypatch.setattr("profile_extract.work.page_id_for", lambda s, d: calls.append(s) or real(s, d))
    monkeypatch.setattr(pipeline, "page_id_for", lambda s, d: calls.append(s) or real(s, d))
    results = [read_and_extract(p, Options(), skip={1}) for p in shipped]
    assert calls == []
    assert [r.page_id for r in results] == [p.page_id for p in shipped]
    assert [r.status for r in results] == ["ok", "failed"]
    # without a skip set nothing is hashed in the main process: the worker hashes once
    assert [p.page_id for p in _read_here(iter(pages[:1]), Options(), set(), [0])] == [None]


# -- process_task: the collector's young threshold, raised for the task only ---

class GcCase(NamedTuple):
    name: str
    before: tuple
    during: tuple
    fails: bool = False


GC_CASES = [
    GcCase("default", (700, 10, 10), (10_000, 10, 10)),
    GcCase("higher already", (50_000, 5, 5), (50_000, 5, 5)),
    GcCase("automatic collection off", (0, 10, 10), (0, 10, 10)),
    GcCase("task raises", (700, 10, 10), (10_000, 10, 10), fails=True),
]


@pytest.mark.parametrize("case", GC_CASES, ids=lambda c: c.name)
def test_process_task_raises_the_young_threshold_and_puts_it_back(case, monkeypatch):
    import gc

    from profile_extract import work
    seen = []

    def fake(items, options, skip=None):
        seen.append(gc.get_threshold())
        if case.fails:
            raise RuntimeError("boom")
        return "done"

    monkeypatch.setattr(work, "_process_task", fake)
    saved = gc.get_threshold()
    try:
        gc.set_threshold(*case.before)
        if case.fails:
            with pytest.raises(RuntimeError):
                work.process_task([], None)
        else:
            assert work.process_task([], None) == "done"
        assert seen == [case.during]
        assert gc.get_threshold() == case.before
    finally:
        gc.set_threshold(*saved)


def test_process_task_tables_same_with_the_default_threshold(tmp_path, monkeypatch):
    from profile_extract import work
    from profile_extract.ingest.sources import PageInput
    from profile_extract.options import Options
    pages = [("a.txt", b"Population (2018): 4.1 million\nArea: 33,846 km sq\n\nIn 2001 the office opened.\n"),
             ("b.html", b"<html><body><h1>Office</h1><p>Tel: +41 22 717 9111</p>"
                        b"<table><tr><td>Population</td><td>9.5 million</td></tr></table></body></html>"),
             ("c.txt", b"")]
    items = [PageInput(source=s, data=d) for s, d in pages]
    fast = work.process_task(items, Options())
    monkeypatch.setattr(work, "GC_YOUNG_THRESHOLD", 700)
    plain = work.process_task(items, Options())
    assert {t: at.to_pylist() for t, at in fast.tables.items()} == \
        {t: at.to_pylist() for t, at in plain.tables.items()}
    assert fast.csv == plain.csv and fast.offsets == plain.offsets and fast.page_ids == plain.page_ids
