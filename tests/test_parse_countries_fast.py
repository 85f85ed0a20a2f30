"""The single-name path of parse/countries.py (a first word that starts one name is read
with str.startswith / str.find, no pattern compiled for it) gives what the names
pattern gives, for every such first word in the tables. Test strings are written for
these tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.parse import countries

TAILS = ("", " ", ".", ".x", "s", "$", "-x", " of", "5", "’s", "\n")


def _pattern_read(text, start, end, cands, key):
    """_read_name as it read a lower-case word before: the names pattern, then one by one."""
    nm = countries._names_pattern(key).match(text, start, end)
    if nm is None:
        return None
    if not countries._glued(text, nm.end()):
        return nm.end(), *countries._by_name(key)[nm.group(0)]
    for name, country, kind in cands:
        stop = start + len(name)
        if stop <= end and text[start:stop] == name and not countries._glued(text, stop):
            return stop, country, kind
    return None


def _single_keys():
    return sorted(k for k, v in countries._tables().first_word.items() if len(v) == 1)


def test_most_first_words_start_one_name():
    assert len(_single_keys()) > len(countries._tables().first_word) // 2


def test_every_single_name_read_and_found_as_by_the_pattern():
    for key in _single_keys():
        cands = countries._tables().first_word[key]
        name = cands[0][0]
        for tail in TAILS:
            text = "In " + name + tail
            for end in (len(text), len(text) - 1, 3 + len(name) - 1):
                assert countries._read_name(text, 3, end, cands, key, False) == _pattern_read(text, 3, end, cands, key)
                for start in (0, 3, 4):
                    want = countries._names_pattern(key).search(text, start, end) is not None
                    assert countries._written(cands, key, text, start, end) == want, (key, text, start, end)


KEYS = ["Peru", "Moldova", "Nepal", "Chad", "Oman", "Iran", "Fiji", "Cuba", "Sri", "Republic", "United"]


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(KEYS), st.lists(st.sampled_from(
    ["Peru", "Peruvian", "Moldova", "Moldovan", "Nepal", "Nepali", "Chad", "Chadian", "Oman", "Iran", "Iraq",
     "Fiji", "Cuba", "Sri", "Lanka", "Republic", "of", "United", "Kingdom", " ", ".", "$", "-", "x", "5", "\n"]),
    max_size=10), st.integers(0, 6), st.integers(0, 6))
def test_single_and_pattern_paths_agree(key, words, cut, start):
    text = "".join(words)
    cands = countries._tables().first_word[key]
    end = max(0, len(text) - cut)
    start = min(start, end)
    assert countries._written(cands, key, text, start, end) == (
        countries._names_pattern(key).search(text, start, end) is not None)
    assert countries._read_name(text, start, end, cands, key, False) == _pattern_read(text, start, end, cands, key)
