"""parse/numbers.py: numbers as pages write them. Tables of shapes, negatives
beside them, and property tests (any supported style parses back; any text
never raises)."""
from __future__ import annotations

import math
from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.parse.numbers import SCALE_WORDS, find_numbers, first_number, parse_number


class Case(NamedTuple):
    text: str
    value: float
    money: bool = False


NUMBERS = [
    Case("9.5 million", 9_500_000),
    Case("1,258 million", 1_258_000_000),
    Case("2.5 billion", 2_500_000_000),
    Case("3 trillion", 3e12),
    Case("7 thousand", 7_000),
    Case("19,95,81,477", 199_581_477),          # Indian grouping
    Case("6,07,688", 607_688),
    Case("1,03,400.5", 103_400.5),
    Case("2.5 crore", 25_000_000),
    Case("6 lakh", 600_000),
    Case("12 lakhs", 1_200_000),
    Case("4.2 mn", 4_200_000),
    Case("63.7 mln", 63_700_000),
    Case("1.1 bn", 1_100_000_000),
    Case("1.1bn", 1_100_000_000),
    Case("4.9m", 4_900_000, money=True),
    Case("250k", 250_000, money=True),
    Case("1,234,567", 1_234_567),
    Case("1 234 567", 1_234_567),
    Case("1\u00a0234\u00a0567", 1_234_567),       # no-break spaces
    Case("1\u2009234", 1_234),                    # thin space
    Case("1\u202f234,5", 1_234.5),                # narrow no-break space, decimal comma
    Case("1'234'567", 1_234_567),                 # Swiss apostrophes
    Case("1\u2019234", 1_234),
    Case("1.234.567", 1_234_567),
    Case("1.234.567,89", 1_234_567.89),
    Case("1.234,5", 1_234.5),
    Case("0,2", 0.2),
    Case("12,5", 12.5),
    Case("1,234.56", 1_234.56),
    Case("14.110", 14.11),                        # one dot, three digits: English decimal point
    Case("0.50", 0.5),
    Case("03", 3),
    Case("-3.5", -3.5),
    Case("\u22124", -4),                          # minus sign
    Case("17.40", 17.4),
]


@pytest.mark.parametrize("case", NUMBERS, ids=[c.text for c in NUMBERS])
def test_parse_number(case):
    got = parse_number(case.text, money=case.money)
    assert got is not None and math.isclose(got, case.value, rel_tol=1e-12)


# (text, values of every number found)
FOUND = [
    ("USD 1,258 million (2014)", [1_258_000_000, 2014]),
    ("50 of 188", [50, 188]),
    ("0.2 migrants/1,000 population", [0.2, 1000]),
    ("5,999[2]", [5999, 2]),
    ("255 m (838 ft)", [255, 838]),                         # `m` is metres, not million
    ("£3.6 billion (2017, excl. hospitals)", [3_600_000_000, 2017]),
    ("January-11°C", [11]),                                 # a hyphen glued to a word is no sign
    ("Area 3932 Sq. KMs.", [3932]),
    ("between 2,500 to 2,800", [2500, 2800]),
    ("A320 and F16", []),                                   # codes, not numbers
]


@pytest.mark.parametrize("text,values", FOUND)
def test_find_numbers(text, values):
    assert [n.value for n in find_numbers(text)] == values


def test_spans_point_at_the_written_number():
    text = "Population (2015): 9.5 million people"
    n = first_number(text[19:])
    assert n.text == "9.5 million" and text[19 + n.start:19 + n.end] == "9.5 million"


NOT_ONE_NUMBER = ["", "n.a.", "—", "three", "3 apples", "12 and 13", "about"]


@pytest.mark.parametrize("text", NOT_ONE_NUMBER)
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text,year_like", [
    ("2014", True), ("1849", True), ("2,014", False), ("2014.5", False), ("20140", False),
    ("3000", False), ("2.1 million", False),
])
def test_year_like(text, year_like):
    assert first_number(text).year_like is year_like


# --- properties -----------------------------------------------------------------

THOUSANDS = [",", " ", "\u00a0", "\u2009", "\u202f", "'", "\u2019", ".", ""]


def _group(int_digits: str, sep: str) -> str:
    if not sep:
        return int_digits
    groups = []
    while len(int_digits) > 3:
        groups.insert(0, int_digits[-3:])
        int_digits = int_digits[:-3]
    groups.insert(0, int_digits)
    return sep.join(groups)


@st.composite
def written_numbers(draw):
    """(text, value) in any style the parser supports unambiguously."""
    integer = draw(st.integers(min_value=0, max_value=10**12))
    n_dec = draw(st.integers(min_value=0, max_value=3))
    dec_digits = "".join(str(draw(st.integers(0, 9))) for _ in range(n_dec))
    sep = draw(st.sampled_from(THOUSANDS))
    int_digits = str(integer)
    n_groups = (len(int_digits) - 1) // 3
    dec_sep = draw(st.sampled_from([".", ","]))
    if sep == dec_sep or (sep == "," and n_dec == 0):
        dec_sep = "." if sep != "." else ","
    if sep == "." and n_groups < 2 and not n_dec:
        sep = ","                                     # `1.234` alone reads as a decimal point
    if dec_sep == "," and n_dec == 3 and (not sep or n_groups == 0):
        dec_sep = "."                                 # `1234,567` alone is ambiguous
    if dec_sep == "," and n_dec and integer == 0 and n_dec == 3:
        dec_sep = "."
    text = _group(int_digits, sep if n_groups else "")
    value = float(integer)
    if n_dec:
        text += dec_sep + dec_digits
        value = float(f"{integer}.{dec_digits}")
    scale_word = draw(st.sampled_from([None, "million", "billion", "thousand", "lakh", "crore", "bn", "mln"]))
    if scale_word:
        text += draw(st.sampled_from([" ", ""])) + scale_word if scale_word in ("bn", "mln") \
            else " " + scale_word
        value *= SCALE_WORDS[scale_word]
    return text, value


@settings(max_examples=400, deadline=None)
@given(written_numbers())
def test_any_supported_style_parses_back(pair):
    text, value = pair
    got = parse_number(text)
    assert got is not None, text
    assert math.isclose(got, value, rel_tol=1e-9, abs_tol=1e-9), (text, got, value)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=100_000, max_value=10**11))
def test_indian_grouping_parses_back(n):
    s = str(n)
    head, last3 = s[:-3], s[-3:]
    pairs = []
    while len(head) > 2:
        pairs.insert(0, head[-2:])
        head = head[:-2]
    text = ",".join([head] + pairs + [last3])
    assert parse_number(text) == n


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_never_raises(text):
    for n in find_numbers(text, money=True):
        assert 0 <= n.start <= n.end <= len(text)
    parse_number(text)


# speed: scale words grouped by first letter match what the flat longest-first alternation matched
@pytest.mark.parametrize("text", ["9.5 million", "2 lakh crore", "3 thousand crore", "5,32 juta jiwa", "12 Tsd.",
                                  "1 mil millones", "7,1 млн", "2 ТЫС.", "4 Millions", "5 bn", "3mln", "1 triệu",
                                  "2 مليون", "$4.9m and 3 k", "40 thousands of people", "6 lakhs, 2 lacs", "9 crores"])
def test_grouped_scale_alternation_matches_the_flat_one(text):
    import re
    from profile_extract.parse import numbers as N

    def flat(words):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
    old = re.compile(N._NUM.replace(N._alternation(N.SCALE_WORDS), flat(N.SCALE_WORDS)), re.IGNORECASE)
    assert old.pattern != N._NUM_RE.pattern
    assert [(m.span(), m.groups()) for m in old.finditer(text)] == \
        [(m.span(), m.groups()) for m in N._NUM_RE.finditer(text)]
    money = re.compile(r"\s?(" + flat(N.MONEY_SCALE_WORDS) + r")\b", re.IGNORECASE)
    assert [m.span() for m in money.finditer(text)] == [m.span() for m in N._MONEY_SCALE_RE.finditer(text)]
