"""task_columns' findings columns when every finding has a span (read by map,
no loop) and when some have none (the loop), against page_rows; and the
record ids' SHA-256 (CPython's own where there is one) against hashlib's.
Test strings are written for these tests."""
from __future__ import annotations

import dataclasses
import hashlib
from typing import NamedTuple

import pytest

from profile_extract import extract_page
from profile_extract.findings import Finding
from profile_extract.spans import Span
from profile_extract.tables import frames
from profile_extract.tables.frames import columns_to_rows, page_rows, task_columns

TEXT = "Area: 12 km2\nPopulation 3 million\nCapital: Nowhere\nRead more\n"


class Case(NamedTuple):
    name: str
    findings: tuple      # the findings of the one page, on TEXT


SP = Span(0, 4)
CASES = [
    Case("none", ()),
    Case("all with spans", (Finding.info("unparsed_line", "m", SP),
                            Finding.warning("unknown_unit", "=x", Span(13, 23), rule="r"),
                            Finding.info("unparsed_line", "m", Span(5, 5)))),
    Case("none with a span", (Finding.info("unknown_label", "odd \u00fc", None, snippet_text="raw"),
                              Finding.error("internal_error", "boom", None))),
    Case("mixed", (Finding.info("unparsed_line", "m", SP),
                   Finding.info("unknown_label", "x", None, snippet_text=None),
                   Finding.info("unparsed_line", "m", Span(13, 33)))),
]


@pytest.fixture(scope="module")
def page():
    return extract_page(TEXT.encode(), "t/page.txt")


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("with_plain_page", [False, True], ids=["alone", "beside-a-spanned-page"])
def test_finding_columns_equal_page_rows(page, case, with_plain_page):
    pr = dataclasses.replace(page, findings=case.findings)
    other = dataclasses.replace(page, page_id="0" * 16, findings=(Finding.info("unparsed_line", "m", SP),))
    prs = [other, pr] if with_plain_page else [pr]
    cols, offsets = task_columns(prs)
    want = [row for p in prs for row in page_rows(p)["findings"]]
    got = columns_to_rows("findings", cols["findings"])
    assert repr(got) == repr(want)
    assert offsets["findings"][-1] == len(want)


KEYS = ["", "abc|fact|0:4|Area=12", "p\u00e9|story|1:2|N\u00f6:4.8", "\U0001F600" * 70, "x" * 1000]


@pytest.mark.parametrize("key", KEYS, ids=range(len(KEYS)))
def test_id_hash_is_sha256(key):
    data = key.encode()
    assert frames._sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert frames._hash_ids([key], "strict") == [hashlib.sha256(data).hexdigest()[:16]]


# -- findings' record ids: stable when another finding of the page comes or goes

F_A = Finding.info("unparsed_line", "m", SP)
F_B = Finding.warning("unknown_unit", "=x", Span(13, 23), rule="r")
F_C = Finding.info("unknown_label", "odd", None, snippet_text="raw")


class IdCase(NamedTuple):
    name: str
    before: tuple
    after: tuple
    kept: tuple          # (index in before, index in after) whose ids must be equal


ID_CASES = [
    IdCase("first removed", (F_A, F_B, F_C), (F_B, F_C), ((1, 0), (2, 1))),
    IdCase("one inserted", (F_A, F_C), (F_B, F_A, F_C), ((0, 1), (1, 2))),
    IdCase("order swapped", (F_A, F_B), (F_B, F_A), ((0, 1), (1, 0))),
    IdCase("twin kept apart", (F_A, F_A), (F_A, F_A, F_B), ((0, 0), (1, 1))),
]


@pytest.mark.parametrize("case", ID_CASES, ids=lambda c: c.name)
@pytest.mark.parametrize("path", ["page_rows", "task_columns"])
def test_finding_ids_do_not_depend_on_position(page, case, path):
    def ids(fds):
        pr = dataclasses.replace(page, findings=fds)
        if path == "page_rows":
            return [r["record_id"] for r in page_rows(pr)["findings"]]
        return [r["record_id"] for r in columns_to_rows("findings", task_columns([pr])[0]["findings"])]
    before, after = ids(case.before), ids(case.after)
    assert len(set(before)) == len(before) and len(set(after)) == len(after)
    for i, j in case.kept:
        assert before[i] == after[j]


def test_a_finding_at_another_place_gets_another_id(page):
    moved = Finding.info("unparsed_line", "m", Span(5, 9))
    rows = page_rows(dataclasses.replace(page, findings=(F_A, moved)))["findings"]
    assert rows[0]["record_id"] != rows[1]["record_id"]
