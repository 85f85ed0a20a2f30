"""The name reading of parse/countries.py (all names under one first word as one
pattern, in the table's order) gives what reading the names one by one gives: the
first name, longest first, written at the word and not glued to what follows.
Test strings are written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.parse import countries
from profile_extract.parse.countries import find_countries


def _one_by_one(text: str, start: int, end: int, cands, upper: bool):
    """The reference: every name in order, as find_countries read them before."""
    for name, country, kind in cands:
        stop = start + len(name)
        if stop > end:
            continue
        got = text[start:stop]
        if got != name and not (upper and got.upper() == name.upper()):
            continue
        if countries._glued(text, stop):
            continue
        return stop, country, kind
    return None


KEYS = ["Republic", "United", "South", "Saint", "Kingdom", "Congo", "Korea", "Niger", "The", "Sri"]


def _names(key):
    return [n for n, _, _ in countries._tables().first_word[key]]


@pytest.mark.parametrize("key", KEYS)
def test_every_name_read_as_written(key):
    cands = countries._tables().first_word[key]
    for name in _names(key):
        for tail in ("", " ", ".", ".x", "s", "$", "-x", " of", "5"):
            text = "In " + name + tail
            want = _one_by_one(text, 3, len(text), cands, False)
            assert countries._read_name(text, 3, len(text), cands, key, False) == want
            cut = len(text) - 1                                      # a name cut by the end
            assert countries._read_name(text, 3, cut, cands, key, False) == _one_by_one(text, 3, cut, cands, False)


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(KEYS), st.lists(st.sampled_from(
    [" ", "of", "the", "Republic", "Korea", "Congo", "Kingdom", "Sudan", "Africa", "Lanka", "Arab", "Emirates",
     "States", "Kitts", "and", "Nevis", ".", ",", "’s", "-", "x", "$", "Democratic", "People's"]), max_size=8))
def test_pattern_and_one_by_one_agree(key, words):
    text = key + "".join(words)
    cands = countries._tables().first_word[key]
    for end in (len(text), max(1, len(text) - 3)):
        assert countries._read_name(text, 0, end, cands, key, False) == _one_by_one(text, 0, end, cands, False)


@pytest.mark.parametrize("text,want", [
    ("Offices in the Republic of Moldova and South Sudan.", [("Republic of Moldova", "MD"), ("South Sudan", "SS")]),
    ("REPUBLIC OF MOLDOVA", [("REPUBLIC OF MOLDOVA", "MD")]),                  # upper case: one by one
    ("Republic of Moldovans", [("Moldovans", "MD")]),                          # glued: the next name
    ("The Gambia's coast", [("The Gambia", "GM")]),
    ("Republic of Korea", [("Korea", "KR")]),                                  # no such name: its country word
])
def test_find_countries(text, want):
    assert [(m.text, m.country.alpha2) for m in find_countries(text)] == want


WORDS = ["Sri", "Lanka", " ", "  ", "\n", "-", ".", "'", "’", "The", "Gambia", "Republic", "of", "Moldova", "TURKEY",
         "Turkey", "Turkeys", "Afghans", "Кыргызской", "Республике", "US$", "UK", "United", "Kingdom", "Korea",
         "South", "Syrian", "Niger", "Nigeria", "Theme", "There", "×The", "(", ",", "Éire", "x", "A"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=16))
def test_word_scan_and_plain_scan_agree(words):
    """find_countries locates live words from one findall; a text holding `×` takes the plain
    scan of every _CAP match: a `×` appended after a space changes no earlier mention."""
    text = "".join(words)
    fast = find_countries(text) if "×" not in text else None
    plain = find_countries(text + " ×")
    if fast is not None:
        assert fast == plain
    for start, end in ((2, len(text)), (0, max(0, len(text) - 3))):
        got = find_countries(text, start, end)
        assert all(start <= m.start and m.end <= end for m in got)
