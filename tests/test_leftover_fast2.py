"""structured_lines keeps each line text's verdict (_VERDICT): a line seen
again, on the same page or a later one, gets the verdict the patterns give,
and the memo starts afresh when full. Test strings are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract import leftover
from profile_extract.extract.leftover import is_structured, structured_lines
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    text: str
    want: list[str]     # the structured lines' texts, in order


CASES = [
    Case("Area: 12 km\nRead more\nArea: 12 km", ["Area: 12 km", "Area: 12 km"]),
    Case("  Capital | Minsk  \nCapital | Minsk\n\nhome", ["Capital | Minsk", "Capital | Minsk"]),
    Case("Read more\nRead more\n9 lives", []),
    Case("Population 9 million\n" + "x" * 310 + ": y\n" + "x" * 310 + ": y", ["Population 9 million"]),
    Case("", []),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:25])
@pytest.mark.parametrize("warm", [False, True], ids=["cold", "seen-before"])
def test_verdicts_cold_and_warm(case, warm):
    leftover._VERDICT.clear()
    if warm:
        structured_lines(Doc.from_text(case.text))
    got = structured_lines(Doc.from_text(case.text))
    assert [l.text for l in got] == case.want
    assert [l.text for l in got] == [l.text for l in Doc.from_text(case.text).nonblank if is_structured(l.text)]


def test_long_lines_are_not_kept():
    leftover._VERDICT.clear()
    structured_lines(Doc.from_text("x" * 310 + ": y\nArea: 1 km"))
    assert list(leftover._VERDICT) == ["Area: 1 km"]


def test_memo_is_bounded(monkeypatch):
    monkeypatch.setattr(leftover, "_VERDICT_MAX", 3)
    leftover._VERDICT.clear()
    text = "\n".join(f"Label {i}: value" if i % 2 else f"plain words {i}" for i in range(10))
    got = structured_lines(Doc.from_text(text))
    assert [l.text for l in got] == [f"Label {i}: value" for i in range(1, 10, 2)]
    assert len(leftover._VERDICT) <= 3
    assert structured_lines(Doc.from_text(text)) == got
