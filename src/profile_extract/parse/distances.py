"""Distances as written: `5,701 kms`, `1,130 kmfrom`, `64 miles`,
`four thousand miles`, `45 miles (72 kilometers)`, `450 nautical miles`.

The first unit written decides (`45 miles (72 km)` is 45 mile); kilometres
per unit are KM_PER, the project's pint registry's own figures written out
(tests compare them with profile_extract.parse.units.to_km).

>>> d = find_distances("a stretch of 45 miles (72 kilometers), along")[0]
>>> (d.text, d.value, d.unit, round(d.km, 5))
('45 miles', 45.0, 'mile', 72.42048)
>>> [(d.value, d.unit) for d in find_distances("1,130 kmfrom home; flew four thousand miles")]
[(1130.0, 'km'), (4000.0, 'mile')]
>>> find_distances("an area of 207,595 km sq and 5 km² and 30 km/h")
[]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .number_words import NUMBER_WORDS, parse_number_words

# Thousands grouped by commas, by a space (plain, no-break, narrow or thin: `2 450 km`) or by
# an apostrophe (Swiss `2'450 km`).
_DIGITS = (r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f\u2009'’]\d{3}){1,4}(?![\d.,]\d)"
           r"|\d+(?:\.\d+)?")
_SCALE = r"(?:\s+(?P<scale>million|billion|thousand))?"
# `3,500-plus kilometres`, `900-odd miles`, `2,000+ km`: the number written counts.
_MORE = r"(?:[\s-]*(?:odd|plus)\b|\s*\+)?"
# Unit spellings -> pint unit names. Order matters: longer spellings first.
UNIT_SPELLINGS = (
    (r"nautical\s+miles?", "nautical_mile"),      # sea journeys: 1.852 km, not the statute mile
    (r"kilomet(?:er|re)s?", "km"),
    (r"kms?\.?", "km"),
    (r"miles?", "mile"),
    (r"mi\b\.?(?!-)", "mile"),       # digits only (checked below)
)
_UNIT = "|".join(f"(?P<u{i}>{p})" for i, (p, _) in enumerate(UNIT_SPELLINGS))
# `kmfrom` (glued in extraction) is allowed; km², km2, km/h, `km sq` and `per hour` are not lengths.
_AFTER = r"(?=from\b|[^\w²/]|$)(?!\s*(?:sq\b|square|per\s+(?:hour|day|second)|an?\s+hour|long\b|wide\b|deep\b))"
DISTANCE = re.compile(
    rf"(?<![\w.,])(?P<num>{_DIGITS}|{NUMBER_WORDS.pattern}){_SCALE}{_MORE}[\s\u00a0-]*(?:{_UNIT}){_AFTER}",
    re.IGNORECASE)
_FIRST_UNIT_GROUP = DISTANCE.groupindex["u0"]
_MI = len(UNIT_SPELLINGS) - 1                  # `mi`: digits only
_SQUARE = re.compile(r"(?:square|sq\.?|cubic)\s*$", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# An article before a number word other than a scale (`a two-thousand-mile`, not `a thousand`).
_ARTICLE = re.compile(r"(?i)an?\s+(?!(?:hundred|thousand|million|billion)\b)(?=[a-z])")


@dataclass(frozen=True, slots=True)
class Distance:
    start: int
    end: int
    text: str          # the number and unit as written
    value: float       # the number written, scale words applied
    unit: str          # pint unit: km | mile
    km: float
    in_words: bool


# Kilometres in one of each unit UNIT_SPELLINGS gives: what units.to_km(1.0, unit) answers
# (a test checks each), written out so that a page with a distance does not build pint's
# registry (~0.25 s of CPU a process; only a unit outside the spelling table needs it).
KM_PER = {"km": 1.0, "mile": 1.609344, "nautical_mile": 1.852}


_GROUPING = re.compile(r"[, \u00a0\u202f\u2009'’]")


def parse_number(text: str) -> float | None:
    """`5,701` -> 5701.0, `four thousand` -> 4000.0."""
    t = text.strip()
    if t[:1].isdigit():
        try:
            return float(_GROUPING.sub("", t))
        except ValueError:
            return None
    v = parse_number_words(t)
    return None if v is None else float(v)


# DISTANCE without IGNORECASE, for text already lower-cased (the pattern has no capitals):
# the same matches, several times faster.
_DISTANCE_LOW = re.compile(DISTANCE.pattern)


# Where a unit spelling can start (lower-cased text): `k` of km / kilometre, `m` of mile / mi,
# `n` of nautical mile. Patterns that open with a literal, so the scan jumps from `k` to `k`
# and `mi` to `mi` instead of trying DISTANCE at every offset.
# (A nautical mile's `n` is an anchor only before a `mi` anchor: pages without one skip that scan.)
UNIT_ANCHORS = (re.compile(r"k(?=ilomet|m)"), re.compile(r"mi(?=le|\b)"), re.compile(r"n(?=autical\s+mi(?:le|\b))"))
_K_ANCHOR, _MI_ANCHOR, _N_ANCHOR = UNIT_ANCHORS
# The words a written number between its start and its unit may hold (NUMBER_WORDS, scales).
_NUMBER_VOCAB = frozenset(re.findall(r"[a-z]+", NUMBER_WORDS.pattern)) | {"a", "an", "and", "odd", "plus"}
_NUMBER_CHARS = frozenset(",.'’-+\u00a0\u202f\u2009")


def unit_anchors(low: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets in lower-cased text where a unit spelling could start; every DISTANCE
    match has its unit at one of them (a superset: `kmart`, `smile` are anchors too)."""
    end = len(low) if end is None else end
    k = [a.start() for a in _K_ANCHOR.finditer(low, start, end)]
    m = [a.start() for a in _MI_ANCHOR.finditer(low, start, end)]
    if not m:
        return k
    if "nautical" in low:              # rare: only then the third scan
        m += [a.start() for a in _N_ANCHOR.finditer(low, start, end)]
        return sorted(k + m)
    return sorted(k + m) if k else m


def _backstop(low: str, u: int, floor: int) -> int:
    """The lowest offset a DISTANCE match whose unit starts at u can start from: walk back
    over digits, separators, spaces and number words (`two thousand`, `5,701 `), not below floor.
    ASCII stretches go by str.rstrip of those characters, 32 at a time."""
    p = u
    while p > floor:
        lo = max(floor, p - 32)
        seg = low[lo:p]
        if not seg.isascii():
            return _backstop_chars(low, p, floor)
        p = lo + len(seg.rstrip(_ASCII_NUMBER_CHARS))
        if p == lo:
            continue                   # all of it: on to the 32 before
        if "a" <= low[p - 1] <= "z":
            q = p - 1
            while q > floor and "a" <= low[q - 1] <= "z":
                q -= 1
            if low[q:p] in _NUMBER_VOCAB:
                p = q
                continue
        break
    return p


# What _backstop_chars walks over, in ASCII: digits, separators and whitespace (str.isspace).
_ASCII_NUMBER_CHARS = "0123456789,.'-+" + " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _backstop_chars(low: str, u: int, floor: int) -> int:
    """_backstop character by character (any text)."""
    p = u
    while p > floor:
        c = low[p - 1]
        if c.isdecimal() or c.isspace() or c in _NUMBER_CHARS:
            p -= 1
        elif "a" <= c <= "z":
            q = p - 1
            while q > floor and "a" <= low[q - 1] <= "z":
                q -= 1
            if low[q:p] not in _NUMBER_VOCAB:
                break
            p = q
        else:
            break
    return p


def _matches_near_units(low: str, start: int, end: int, anchors: list[int]):
    """_DISTANCE_LOW.finditer(low, start, end), trying only the offsets just before unit
    anchors: a match holds a number, an optional scale, spaces and a unit at an anchor, so
    it starts at or after _backstop of that anchor, where a number may start."""
    pos = start
    for u in anchors:
        if u < pos:
            continue
        back = _backstop(low, u, pos)
        if u - back > 64:              # a long run of numbers before the unit: let the engine
            m = _DISTANCE_LOW.search(low, back, end)      # find the next match (none starts
            if m is None:                                 # before `back`, see above)
                return
            yield m
            pos = m.end()
            continue
        for s in range(back, u):
            c = low[s]
            if (c.isalnum() and (s == 0 or not (low[s - 1].isalnum() or low[s - 1] in "_.,"))) \
                    and (m := _DISTANCE_LOW.match(low, s, end)):
                yield m
                pos = m.end()
                break


def find_distances(text: str, start: int = 0, end: int | None = None,
                   low: str | None = None, anchors: list[int] | None = None) -> list[Distance]:
    """Every length in km or miles written in text[start:end], in order. `low`:
    text.lower() when it keeps every offset and every (?i) match (extract.page.lower_text);
    `anchors`: unit_anchors(low, start, end) when the caller has them already."""
    end = len(text) if end is None else end
    out = []
    if low is not None:
        matches = _matches_near_units(low, start, end, unit_anchors(low, start, end) if anchors is None else anchors)
    else:
        matches = DISTANCE.finditer(text, start, end)
    for m in matches:
        if _SQUARE.search(text, max(0, m.start() - 8), m.start()):
            continue
        num = text[m.start("num"):m.end("num")]
        start = m.start()
        art = _ARTICLE.match(num) if num[0] in "aA" else None
        if art:                        # `a two-thousand-mile journey`: the article is no `one`
            num, start = num[art.end():], start + art.end()
        value = parse_number(num)
        if value is None:
            continue
        if m.group("scale"):
            value *= _SCALES[m.group("scale").lower()]   # lower-case either way
        ui = m.lastindex - _FIRST_UNIT_GROUP      # the unit groups close the pattern
        unit = UNIT_SPELLINGS[ui][1]
        if ui == _MI and not num[:1].isdigit():
            continue                   # `mi` only after digits: `64 mi`
        stop = m.end()
        while stop > m.start() and text[stop - 1] in " .\u00a0":
            stop -= 1
        out.append(Distance(start, stop, text[start:stop], value, unit,
                            value * KM_PER[unit], not num[:1].isdigit()))
    return out
