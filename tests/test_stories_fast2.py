"""The aggregate pre-check of extract/stories.py (a key word of some aggregate phrase
in the lower-cased sentence, before the (?i) pattern) says what the pattern says,
and stories come out the same with and without it. Test strings are written for
these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract import stories
from profile_extract.extract.page import lower_text
from profile_extract.extract.stories import _aggregate, _words, extract_stories
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    sentence: str
    aggregate: bool


CASES = [
    Case("Together they collectively walked 900 km.", True),
    Case("She drives 40 km EVERY\n  DAY to the clinic.", True),
    Case("on   average 12 miles", True),
    Case("A TOTAL OF 3,000 km", True),
    Case("twice a week", True),
    Case("Amal walked 300 km from home.", False),
    Case("She walked all the way", False),           # `all` (the key of `in all`) alone is no phrase
    Case("the everyday road", False),                # `every day` needs the space
    Case("dailyness", False),
    Case("per-day", False),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.sentence[:30])
def test_aggregate_pre_check(case):
    pattern = _words().aggregate.search(case.sentence) is not None
    assert pattern == case.aggregate
    assert _aggregate(_words(), case.sentence, case.sentence.lower()) == pattern
    assert _aggregate(_words(), case.sentence, None) == pattern


WORDS = ["collectively", "Average", "averaged", "on", "each", "every", "EVERY", "year", "Year", "per", "a", "day",
         "daily", "annually", "in", "total", "all", "combined", "campaign", "person", "morning", "week", "twice",
         "walked", "300", "km", "from", "home", " ", "  ", "\n", "-", ".", ",", "\u212a", "\u017f", "\u0131", "é"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=14))
def test_pre_check_agrees_with_the_pattern(words):
    sentence = "".join(words)
    doc = Doc.from_text(sentence)
    low = lower_text(doc)               # None when lower-casing would change (?i) matches
    assert _aggregate(_words(), sentence, low) == (_words().aggregate.search(sentence) is not None)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["Amal walked ", "5 km", " from home", "\nRead more\n", "Omar, nurse\n"]),
                min_size=1, max_size=16))
def test_stories_with_and_without_lower_text(words):
    text = "".join(words)
    fast, plain = Doc.from_text(text), Doc.from_text(text)
    plain.extra["lower"] = None
    assert extract_stories(fast) == extract_stories(plain)
    assert stories._words().aggregate_keys        # the keys are built from the data file


@settings(max_examples=3000, deadline=None)
@given(st.one_of(st.floats(0, 1e6), st.integers(0, 10**7).map(float), st.floats(allow_nan=False, allow_infinity=False)))
def test_round6_is_round(x):
    from profile_extract.extract.stories import _round6
    got, want = _round6(x), round(x, 6)
    assert got == want and type(got) is type(want) and str(got) == str(want)
