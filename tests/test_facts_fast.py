"""Fast paths of the facts stage agree with the slow forms they replace.

Each speed-up of extract/facts.py and parse/ that swaps a computation for a
cheaper one keeps the old form here as the reference, and a table of shapes
plus hypothesis-generated strings checks both give the same answer."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract import facts as F
from profile_extract.parse import codes

# --- decimal_comma_page: one scan at the separators ---------------------------

_NUM_RUN = re.compile(r"\d[\d,.]*")
_COMMA_DECIMAL_RUN = re.compile(r"\d{1,3},\d{1,2}(?![\d,])")
_DOT_DECIMAL_RUN = re.compile(r"\d{1,3}\.\d{1,2}(?![\d.])")


def _decimal_counts_slow(text: str) -> tuple[int, int]:
    """The former count: walk every run of digits, commas and dots."""
    comma = dot = 0
    for m in _NUM_RUN.finditer(text):
        s = m.start()
        if s and text[s - 1] in ",.":
            continue
        g = m.group()
        if len(g) < 3:
            continue
        if _COMMA_DECIMAL_RUN.match(g):
            comma += 1
        elif _DOT_DECIMAL_RUN.match(g):
            dot += 1
    return comma, dot


def _decimal_counts_fast(text: str) -> tuple[int, int]:
    seps = F._DECIMAL_AT_SEP.findall(text)
    return seps.count(","), len(seps) - seps.count(",")


DECIMAL_SHAPES = ["Einwohner: 150.000", "Area: 1.5 km2; 14.110 ha", "Quote: 12,5 %; Fläche 3,2 km2; 2.5 mm",
                  "Population: 3,68,71,477", "1,5.2", "12.5,3", "1234,5", ".5", ",12", "0,25 and 0.25",
                  "1.234.567,89", "v2.10.3", "٣,٥", "12,50,000", "3.14159", "7,1", "a1,2b", "1,2,3", "99.9%"]


@pytest.mark.parametrize("text", DECIMAL_SHAPES)
def test_decimal_counts_table(text):
    assert _decimal_counts_fast(text) == _decimal_counts_slow(text)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="0123456789,.٣ a\n", max_size=24))
def test_decimal_counts_any(text):
    assert _decimal_counts_fast(text) == _decimal_counts_slow(text)


# --- CURRENCY_SYMBOL_RE: every alternative starts with a literal ----------------------

_SYMBOLS_SLOW = re.compile("|".join((r"(?<![A-Za-z])" if s[0].isalpha() else "") + re.escape(s)
                                    for s in sorted(codes._SYMBOLS, key=len, reverse=True)))


def _spans(rx, text):
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


@pytest.mark.parametrize("text", ["US$ 5", "USD 5", "AUS$ 3", "Rs. 400", "Rs 40", "CHF 12", "xCHF", "NZ$4",
                                  "HK$ 1", "aHK$ 1", "12 €", "£3", "R$ 5", "BRs 5", "U.S.$ 9", "₹ 7 ৳"])
def test_currency_symbols_table(text):
    assert _spans(codes.CURRENCY_SYMBOL_RE, text) == _spans(_SYMBOLS_SLOW, text)
    for p in range(len(text) + 1):
        a, b = codes.CURRENCY_SYMBOL_RE.match(text, p), _SYMBOLS_SLOW.match(text, p)
        assert (a and a.span()) == (b and b.span())


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="USRsCHFNZKAa.$€£₹ 1x", max_size=14), st.integers(0, 14))
def test_currency_symbols_any(text, pos):
    assert _spans(codes.CURRENCY_SYMBOL_RE, text) == _spans(_SYMBOLS_SLOW, text)
    a, b = codes.CURRENCY_SYMBOL_RE.match(text, pos), _SYMBOLS_SLOW.match(text, pos)
    assert (a and a.span()) == (b and b.span())


# --- _AS_OF_HEAD is only asked about lines that end with a year ------------------------

@pytest.mark.parametrize("line", ["Key Facts (March 2019)", "Facts and Figures: February 2016", "Data 2020",
                                  "Statistics - 3 May 2001", "Key figures (2019)", "Key Facts (March 2019) x",
                                  "Data 20201", "Figures ٢٠١٩"])
def test_as_of_head_needs_a_year_at_the_end(line):
    if F._AS_OF_HEAD.match(line):
        assert F._ends_with_year(line)


@settings(max_examples=2000, deadline=None)
@given(st.from_regex(r"[A-Z][a-z]{2,9}(?: [a-z]{2,6})?[ :(,–-]{1,2}(?:\d{1,2} )?(?:March |Feb\.? )?[12٢]\d\d[\d٩]\)?[ x)]?",
                     fullmatch=True))
def test_as_of_head_prefilter_any(line):
    if F._AS_OF_HEAD.match(line):
        assert F._ends_with_year(line)
