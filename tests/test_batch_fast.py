"""The batch's fast paths around the extractors, each against its plain form."""
from __future__ import annotations

import hashlib
from typing import NamedTuple

import pytest

from profile_extract import pipeline
from profile_extract.pipeline import page_id_for


def _plain_page_id(source: str, data: bytes) -> str:
    """page_id_for as first written: no memo."""
    h = hashlib.sha256(source.encode("utf-8", "surrogatepass"))
    h.update(b"\0")
    h.update(data)
    return h.hexdigest()[:16]


class IdCase(NamedTuple):
    name: str
    calls: list  # (source, data) in order; the same object may come again


_A = b"Population: 4.1 million\n" * 100
_B = bytes(_A)  # equal bytes, maybe another object
_MUT = bytearray(b"Area: 33,846 km sq")

ID_CASES = [
    IdCase("same object twice", [("a.txt", _A), ("a.txt", _A)]),
    IdCase("same bytes, two sources", [("a.txt", _A), ("b.txt", _A), ("a.txt", _A)]),
    IdCase("equal bytes, other object", [("a.txt", _A), ("a.txt", b"x" + _B[1:]), ("a.txt", _B)]),
    IdCase("empty page", [("e.txt", b""), ("e.txt", b""), ("f.txt", b"")]),
    IdCase("surrogate in source", [("d\udcff.txt", _A), ("d\udcff.txt", _A)]),
    IdCase("bytearray changed between calls", [("m.txt", _MUT), ("m.txt", _MUT)]),
]


@pytest.mark.parametrize("case", ID_CASES, ids=lambda c: c.name)
def test_page_id_for_memo_gives_the_plain_id(case):
    pipeline._LAST_ID = None
    for i, (source, data) in enumerate(case.calls):
        want = _plain_page_id(source, bytes(data))
        assert page_id_for(source, data) == want
        if isinstance(data, bytearray):
            data[0] = (data[0] + i + 1) % 256  # a mutable buffer: the next call must hash again


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
