"""English number words -> numbers: `four thousand`, `sixty-four`,
`two hundred and fifty`, `1.5 million` is digits (not here).

>>> parse_number_words("four thousand"), parse_number_words("sixty-four")
(4000, 64)
>>> parse_number_words("two hundred and fifty"), parse_number_words("a thousand")
(250, 1000)
>>> parse_number_words("Four Thousand"), parse_number_words("thousand and one nights") is None
(4000, True)
"""
from __future__ import annotations

import re

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

_ATOM = "|".join(sorted(list(UNITS) + list(TENS) + list(SCALES), key=len, reverse=True))
# A run of number words as written (case-insensitive), joined by spaces, hyphens or `and`.
NUMBER_WORDS = re.compile(
    rf"\b(?:an?\s+)?(?:{_ATOM})(?:(?:\s+and\s+|[\s-]+)(?:{_ATOM}))*\b", re.IGNORECASE)

_SPLIT = re.compile(r"[\s-]+")


def parse_number_words(text: str) -> int | None:
    """The value of a run of number words, or None when it is not one
    (a bare scale word such as `thousand` alone counts as None)."""
    words = [w for w in _SPLIT.split(text.strip().lower()) if w and w != "and"]
    if not words:
        return None
    if words[0] in ("a", "an"):
        if len(words) == 1:
            return None
        # `a thousand` is one thousand; in `a two-thousand(-mile)` the article is no number
        if words[1] in SCALES or words[1] == "hundred":
            words[0] = "one"
        else:
            del words[0]
    if words[0] in SCALES:
        return None
    total = current = 0
    seen = False
    for w in words:
        if w in UNITS:
            current += UNITS[w]
        elif w in TENS:
            current += TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None
