"""The anchored distance scan (parse/distances.py: DISTANCE tried only just before a
unit anchor, from the lower-cased page) finds exactly what the plain (?i) scan over
the whole text finds, and extract_stories gives the same stories on both paths.
Test strings are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract.stories import extract_stories
from profile_extract.ingest.segment import Doc
from profile_extract.parse.distances import find_distances, unit_anchors


class Case(NamedTuple):
    name: str
    text: str
    want: list       # (text, value, unit) of every distance found


CASES = [
    Case("digits kms", "Tariq, welder\n3,412 kms from home", [("3,412 kms", 3412.0, "km")]),
    Case("glued unit", "she rode 1,130kmfrom the coast", [("1,130km", 1130.0, "km")]),
    Case("words", "they walked two thousand five hundred miles", [("two thousand five hundred miles", 2500.0, "mile")]),
    Case("a hundred", "a hundred kilometres away", [("a hundred kilometres", 100.0, "km")]),
    Case("scale glued", "some 3 thousandkm of road", [("3 thousandkm", 3000.0, "km")]),
    Case("restated", "We drove 40 miles (64 km) south.", [("40 miles", 40.0, "mile"), ("64 km", 64.0, "km")]),
    Case("spaced thousands", "it is 2 450 km and 1\u202f200 mi", [("2 450 km", 2450.0, "km"), ("1\u202f200 mi", 1200.0, "mile")]),
    Case("many spaces", "ran 12        \n   KM today", [("12        \n   KM", 12.0, "km")]),
    Case("hyphen", "a 30-mile trek", [("30-mile", 30.0, "mile")]),
    Case("after a word", "someone 5 km", [("5 km", 5.0, "km")]),
]
NEGATIVE = [
    Case("area", "Area: 207,595 km sq and 5 km² and 30 km/h", []),
    Case("speed", "at 80 miles per hour", []),
    Case("glued to a word", "route7 km", []),
    Case("mi after words", "five mi", []),
    Case("smile", "a 5 smile and Kmart", []),
    Case("million", "12 million people", []),
    Case("square", "3 square km", []),
]


@pytest.mark.parametrize("case", CASES + NEGATIVE, ids=lambda c: c.name)
def test_distances(case):
    got = find_distances(case.text, low=case.text.lower())
    assert [(d.text, d.value, d.unit) for d in got] == case.want
    assert got == find_distances(case.text)          # the plain (?i) scan


def test_anchors_cover_every_unit():
    text = "5 km, 6 kms, 7 kilometres, 8 miles, 9 mile, 10 mi."
    anchors = set(unit_anchors(text))
    assert all(d.end - len(d.text.split()[-1]) in anchors for d in find_distances(text))


TOKENS = ["5", "12", "701", ",", ".", " ", "  ", "\n", "-", "\u00a0", "'", "’", "(", ")", "/", "²",
          "km", "kms", "KM", "Km.", "kilometres", "Kilometers", "mi", "mi.", "miles", "Mile", "smile",
          "a", "an", "and", "two", "Thousand", "million", "hundred", "sixty-four", "one", "someone",
          "sq", "square", "per hour", "an hour", "long", "from", "home", "nautical", "x", "_", "é"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=16))
def test_anchored_scan_matches_plain_scan(tokens):
    text = "".join(tokens)
    assert find_distances(text, low=text.lower()) == find_distances(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS + ["Amal walked ", " from home", "\nRead more\n", "Omar, nurse\n"]),
                min_size=1, max_size=16))
def test_stories_fast_and_plain_paths_agree(tokens):
    text = "".join(tokens)
    fast, plain = Doc.from_text(text), Doc.from_text(text)
    plain.extra["lower"] = None            # the (?i) path: no lower-cased text, no anchors
    assert extract_stories(fast) == extract_stories(plain)


@pytest.mark.parametrize("text", [
    "1 " * 60 + "km from home",
    ("1 " * 40 + "kmx ") * 3 + "5 km",
    "one " * 30 + "miles and " + "two " * 30 + "kilometres",
    "5,000 " * 20 + "km sq then 7 km",
    "x" + "  " * 50 + "\n" * 20 + "12 miles",
])
def test_long_number_runs(text):
    assert find_distances(text, low=text.lower()) == find_distances(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["5", "701", ",", ".", "'", "’", " ", "\n", "\t", "\u00a0", "\u2009", "-", "two",
                                 "thousand", "and", "a", "an", "someone", "x", "é", "km", "(", "1" * 40, " " * 40]),
                max_size=14), st.integers(0, 10))
def test_backstop_by_strip_and_by_characters_agree(tokens, floor):
    from profile_extract.parse import distances
    low = "".join(tokens) + "km"
    u = len(low) - 2
    floor = min(floor, u)
    assert distances._backstop(low, u, floor) == distances._backstop_chars(low, u, floor)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS + ["kmart", "mi", "mile", "5mi", "xmile", "_mi", "ki", "k", "m"]), max_size=10))
def test_anchor_gate_is_quick_low(tokens):
    from profile_extract.extract import stories
    low = "".join(tokens).lower()
    gate = any(low[u] == "k" or u == 0 or not stories._is_word_char(low[u - 1]) for u in unit_anchors(low))
    assert gate == bool(stories._QUICK_LOW.search(low))
