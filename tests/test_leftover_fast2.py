"""structured_lines asks ASCII forms of the label and number patterns on an
all-ASCII page ([0-9] for \\d, [A-Za-z_] for [^\\W\\d]): on ASCII text they
give the verdicts of the Unicode forms and of is_structured. Test strings are
written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract import leftover
from profile_extract.extract.leftover import is_structured, structured_lines
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    text: str
    want: list[str]     # the structured lines' texts, in order


CASES = [
    Case("Area: 12 km\nRead more\n_id = 7", ["Area: 12 km", "_id = 7"]),
    Case("  Capital | Minsk  \n9 lives: a story\n12x km\n12 kmx", ["Capital | Minsk"]),
    Case("Population 9 million\n1,200\x1c\x1fUSD\nx" + "y" * 305 + ": z", ["Population 9 million", "1,200\x1c\x1fUSD"]),
    Case("grew by 3.5%\ngrew by 3.5%a year\n50 PERSONS", ["grew by 3.5%a year", "50 PERSONS"]),
    # one non-ASCII character anywhere: the Unicode forms for the whole page
    Case("Area: 12 km\n7 \u212am\n\u0663 km\n\u00e9t\u00e9: chaud", ["Area: 12 km", "7 \u212am", "\u0663 km",
                                                                     "\u00e9t\u00e9: chaud"]),
    Case("", []),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:25])
def test_structured_lines_table(case):
    doc = Doc.from_text(case.text)
    got = [l.text for l in structured_lines(doc)]
    assert got == case.want
    assert got == [l.text for l in doc.nonblank if is_structured(l.text)]


ASCII_PARTS = ["Area", "Label", "x", "_", "Z", "9", "12", "0", "3.5", ",", ".", " ", "  ", "\t", "\r", "\x0b", "\x0c",
               "\x1c", "\x1f", ":", "|", "=", "%", "km", "KMS", "mile", "Miles", "sq", "SQ", "million",
               "billion", "usd", "EUR", "person", "Persons", "a", "-", "(", ")", "'", "\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(ASCII_PARTS), max_size=40), st.integers(0, 70))
def test_ascii_forms_agree_on_ascii_lines(parts, pad):
    line = "".join(parts).replace("\n", " ")
    for t in (line, line.strip(), "A" + " " * pad + line, "Word" * (pad // 4) + line):
        assert t.isascii()
        assert (leftover._LABEL_ASCII.match(t) is None) == (leftover._LABEL.match(t) is None), t
        assert (leftover._NUMBER_ASCII.search(t) is None) == (leftover._NUMBER.search(t) is None), t


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(ASCII_PARTS + ["\u00e9", "\u212am", "\u0663", "\u2028", "\x85"]), max_size=60))
def test_structured_lines_agree_with_the_plain_filter(parts):
    doc = Doc.from_text("".join(parts))
    assert structured_lines(doc) == [l for l in doc.nonblank if is_structured(l.text)]
