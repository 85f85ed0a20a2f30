"""The speed paths of extract/leftover.py agree with the plain forms: the label and
number patterns tried apart (possessive, the number from the first digit of a row)
against the one _STRUCTURED search, and the coverage of lines by spans (running
maximum of span ends, window maximum past WINDOW spans) against the loop over the
last WINDOW spans as first written. Test strings are written for these tests."""
from __future__ import annotations

import bisect
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract import leftover
from profile_extract.extract.leftover import (Finding, is_structured, is_structured_fast, leftover_lines,
                                              structured_lines)
from profile_extract.ingest.segment import Doc
from profile_extract.spans import Span


class Case(NamedTuple):
    line: str
    structured: bool


CASES = [
    Case("Area: 207,595 km sq", True),
    Case("Capital | Minsk", True),
    Case("Currency = rouble", True),
    Case("Population 9.5 million", True),
    Case("about 12 , 400 km", True),
    Case("grew by 3.5%", False),                    # `%` then \b wants a word character after it
    Case("grew by 3.5%a year", True),
    Case("50 PERSONS", True),
    Case("7 \u212am", True),                           # KELVIN SIGN: (?i) reads it as k
    Case("7 \u017fq", True),                           # long s: (?i) reads it as s
    Case("1 2 3 4 5 6 7 8 kms", True),
    Case("12 kmx", False),
    Case("12x km", False),
    Case("Read more", False),
    Case("9 lives: a story", False),                 # the label must open with a letter
    Case("_x: y", True),
    Case("A label far too long for the form, well over sixty characters in all: x", False),
    Case("Label" + " " * 80 + ": value", True),     # spaces past the sixty run on to the colon
    Case("Label:", False),
    Case("Label:   ", False),
    Case("x" * 290 + ": y", False),
    Case("Area: " + "1" * 295, False),             # over 300 characters
    Case("1 2 3 4 5 6 7 8 9 0 " * 15, False),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.line[:30])
def test_structured_lines(case):
    assert is_structured(case.line) is case.structured
    assert is_structured_fast(case.line) is case.structured


LINE_PARTS = ["Area", "Label", "x", "_", "9", "12", "3.5", ",", ".", " ", "  ", "\t", "\r", "\u2028", ":", "|", "=",
              "%", "km", "KMS", "\u212am", "mile", "Miles", "sq", "\u017fq", "million", "billion", "usd", "EUR",
              "person", "Persons", "a", "é", "٣", "-", "—", "(", ")"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINE_PARTS), max_size=30), st.integers(0, 70))
def test_fast_form_agrees_with_the_pattern(parts, pad):
    line = "".join(parts)
    for t in (line, line.strip(), "A" + " " * pad + line, "Word" * (pad // 4) + line):
        assert is_structured_fast(t) == is_structured(t), t


def _leftover_plain(doc, spans):
    """leftover_lines as first written."""
    structured = [l for l in doc.nonblank if is_structured(l.text)]
    if not structured:
        return [], None
    ordered = sorted(spans, key=lambda s: s.start)
    starts = [s.start for s in ordered]
    left = []
    covered = 0
    for line in structured:
        i = bisect.bisect_left(starts, line.end)
        hit = any(ordered[j].end > line.start for j in range(max(0, i - 50), i))
        if hit:
            covered += 1
        else:
            left.append(Finding.info("unparsed_line", "structured-looking line gave no record", line.span))
    return left, covered / len(structured)


TEXT_LINES = ["Area: 12 km", "Capital | Minsk", "  Population 9 million  ", "Read more", "", "   ",
              "The office opened.", "Phone = 123", "9 lives", "x" * 310 + ": y"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TEXT_LINES), max_size=40),
       st.lists(st.tuples(st.integers(0, 800), st.integers(0, 120)), max_size=120))
def test_leftover_lines_agree(lines, raw_spans):
    doc = Doc.from_text("\n".join(lines))
    n = len(doc.text)
    spans = [Span(min(s, n), min(s + w, n)) for s, w in raw_spans]
    assert structured_lines(doc) == [l for l in doc.nonblank if is_structured(l.text)]
    assert leftover_lines(doc, spans) == _leftover_plain(doc, spans)


def test_window_past_fifty_spans():
    """A long span more than WINDOW spans back covers nothing (as first written)."""
    text = "Area: 1 km\n" + "word " * 200 + "\nCapital: Minsk"
    doc = Doc.from_text(text)
    last = doc.nonblank[-1]
    spans = [Span(0, len(text))] + [Span(20 + k, 21 + k) for k in range(leftover.WINDOW)]
    left, coverage = leftover_lines(doc, spans)
    assert [f.span for f in left] == [last.span] and coverage == 0.5
    assert (left, coverage) == _leftover_plain(doc, spans)
