"""The years a statistic is for, and its qualifier: `(2015-2020)`, `(2014)`,
`2014 est.`, `July 2018 est.`, `FY2014/15`, `(as per 2011 Census)`.
Pure functions; never reads the clock.

>>> find_period("Net Migration Rate (2015–2020)")[:2]
(2015, 2020)
>>> find_period("Remittances (2014 estimate)").qualifier
'estimate'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as _C, _parser
from ..data import load_toml

__all__ = ["Period", "find_period", "parse_period", "period_qualifier", "value_qualifier",
           "PERIOD_QUALIFIERS", "VALUE_QUALIFIERS", "MONTHS"]

YEAR_MIN, YEAR_MAX = 1500, 2100


def _load_qualifiers():
    data = load_toml("qualifiers.toml")
    out = {}
    for table in ("period", "value"):
        rows = []
        for name, pats in data.get(table, {}).items():
            for p in pats:
                try:
                    # whole words: a letter edge gets \b, a symbol needs nothing
                    pre = r"(?<!\w)" if p[:1].isalnum() else ""
                    post = r"(?!\w)" if p[-1:].isalnum() else (r"(?![^\W\d_])" if p[:1].isalnum() else "")
                    rows.append((name, re.compile(pre + p + post, re.IGNORECASE)))
                except re.error as exc:
                    raise ValueError(f"data/qualifiers.toml: [{table}] {name}: bad pattern {p!r}: {exc}")
        out[table] = rows
    return out["period"], out["value"]


PERIOD_QUALIFIERS, VALUE_QUALIFIERS = _load_qualifiers()
# one pass first: most values have no qualifier at all
_VALUE_Q_ANY = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in VALUE_QUALIFIERS), re.IGNORECASE)
_PERIOD_Q_ANY = re.compile("|".join(f"(?:{rx.pattern})" for _, rx in PERIOD_QUALIFIERS), re.IGNORECASE)

MONTHS = {m: i for i, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for m in names}
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))

_Y = r"(?:1[5-9]\d\d|20\d\d|2100)"
_DASH = r"[-\u2010-\u2015\u2212/]"
_PERIOD_RE = re.compile(
    # FY2014/15, FY 2014-2015, FY2014
    r"(?P<fy>\bFY\s?(?P<fy1>" + _Y + r")(?:\s?" + _DASH + r"\s?(?P<fy2>\d{4}|\d{2}))?(?!\d))"
    # 2015-2020, 2015–20, 1943-44  (not 2015-2-3 dates)
    r"|(?P<range>(?<![\w.,/-])(?P<r1>" + _Y + r")\s?" + _DASH + r"\s?(?P<r2>" + _Y + r"|\d{2})(?![\d\w]|[-/.]\d))"
    # July 2018, Feb. 2016
    r"|(?P<month>\b(?P<mname>" + _MONTH_RE + r")\.?,?\s+(?P<my>" + _Y + r")(?![\d,.]\d))"
    # a bare year
    r"|(?P<year>(?<![\w.,'\u2019/+-])(?P<y>" + _Y + r")(?![\d\w]|[,.]\d|\s?%))",
    re.IGNORECASE)


_YEAR_ANY = re.compile(_Y)


_TAIL_Q = re.compile(r"\s*(?:est\.?|estimated?|census|provisional|projected)\b\.?", re.I)


@dataclass(frozen=True, slots=True)
class Period:
    year_start: int
    year_end: int
    qualifier: str | None = None
    start: int = 0          # span of the period expression (with its qualifier) in the input
    end: int = 0
    month: int | None = None

    def __iter__(self):
        return iter((self.year_start, self.year_end, self.qualifier))

    def __getitem__(self, i):
        return (self.year_start, self.year_end, self.qualifier)[i]


def _end_year(start: int, written: str) -> int:
    """`2020` -> 2020; `20` after 2015 -> 2020; `05` after 1999 -> 2005."""
    if len(written) == 4:
        return int(written)
    y = start // 100 * 100 + int(written)
    return y + 100 if y < start else y


def period_qualifier(text: str) -> str | None:
    """The period qualifier written in text (`est.`, `census`...), or None.

    >>> period_qualifier("as per 2011 Census"), period_qualifier("2014 est."), period_qualifier("2014")
    ('census', 'estimate', None)
    """
    if not _PERIOD_Q_ANY.search(text):
        return None
    for name, rx in PERIOD_QUALIFIERS:
        if rx.search(text):
            return name
    return None


_LEAD = re.compile(r"\s*[(\[]?\s*")


_ASCII_DIGITS = frozenset("0123456789")
_ZERO_WIDTH = (_C.AT, _C.ASSERT, _C.ASSERT_NOT)
_REPEATS = (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT)


def _nullable(items) -> bool:
    """Can a parsed pattern sequence match the empty text? (True when unsure.)"""
    for op, av in items:
        if op in (_C.LITERAL, _C.NOT_LITERAL, _C.IN, _C.ANY):
            return False
        if op is _C.SUBPATTERN and not _nullable(av[-1]):
            return False
        if op is _C.BRANCH and not any(_nullable(a) for a in av[1]):
            return False
        if op in _REPEATS and av[0] >= 1 and not _nullable(av[2]):
            return False
    return True


def _starts_with_digit(items) -> bool:
    """Can a match of a parsed pattern sequence start with an ASCII digit, or match
    nothing at all? (True when unsure.)"""
    for op, av in items:
        if op is _C.LITERAL:
            return chr(av) in _ASCII_DIGITS
        if op is _C.IN:
            for kind, val in av:
                if kind is _C.LITERAL and chr(val) not in _ASCII_DIGITS:
                    continue
                if kind is _C.RANGE and (val[1] < 48 or val[0] > 57):
                    continue
                if kind is _C.CATEGORY and val in (_C.CATEGORY_SPACE, _C.CATEGORY_NOT_DIGIT, _C.CATEGORY_NOT_WORD):
                    continue
                return True
            return False
        if op in _ZERO_WIDTH:
            continue
        if op is _C.SUBPATTERN:
            if _starts_with_digit(av[-1]):
                return True
            if not _nullable(av[-1]):
                return False
            continue
        if op is _C.BRANCH:
            if any(_starts_with_digit(a) for a in av[1]):
                return True
            if not any(_nullable(a) for a in av[1]):
                return False
            continue
        if op in _REPEATS:
            if _starts_with_digit(av[2]):
                return True
            if av[0] >= 1 and not _nullable(av[2]):
                return False
            continue
        return True          # ANY, NOT_LITERAL, or something this reader does not know
    return True              # it can match nothing


def _may_start_at_digit(rx: re.Pattern) -> bool:
    try:
        return _starts_with_digit(_parser.parse(rx.pattern, rx.flags))
    except Exception:
        return True


# can a value qualifier (data/qualifiers.toml) stand at a digit? If not, a value that
# starts with one has none, without a pattern asked
_Q_AT_DIGIT = _may_start_at_digit(_VALUE_Q_ANY)


def value_qualifier(text: str) -> tuple[str | None, int]:
    """The qualifier written at the start of a value and where it ends.

    >>> value_qualifier("approx. 300"), value_qualifier("over 1,000 people"), value_qualifier("c. 1209")
    (('approximately', 7), ('over', 4), ('approximately', 2))
    >>> value_qualifier("300")
    (None, 0)
    """
    if text[:1] in _ASCII_DIGITS and not _Q_AT_DIGIT:
        return None, 0       # (_LEAD takes nothing before a digit, and no qualifier starts with one)
    lead = _LEAD.match(text).end()
    m = _VALUE_Q_ANY.match(text, lead)
    if m is None:
        return None, 0
    for name, rx in VALUE_QUALIFIERS:          # which one (rare: only when some matched)
        m = rx.match(text, lead)
        if m:
            return name, m.end()
    return None, 0


def find_period(text: str, start: int = 0) -> Period | None:
    """The first year or period written in text (from `start`), with the
    qualifier written next to it; None when there is none.

    >>> tuple(find_period("FY2014/15"))
    (2014, 2015, None)
    >>> tuple(find_period("GDP (July 2018 est.)"))
    (2018, 2018, 'estimate')
    >>> tuple(find_period("No. of Villages (as per Hand Book, 2011)"))
    (2011, 2011, None)
    >>> find_period("Population under 15") is None
    True
    """
    if text.find("1", start) < 0 and text.find("2", start) < 0:
        return None          # every period has a year, and every year starts with 1 or 2
    if _YEAR_ANY.search(text, start) is None:
        return None          # every alternative of _PERIOD_RE holds a year (_Y): none, no period
    m = _PERIOD_RE.search(text, start)
    if not m:
        return None
    month = None
    if m.group("fy"):
        y1 = int(m.group("fy1"))
        y2 = _end_year(y1, m.group("fy2")) if m.group("fy2") else y1
    elif m.group("range"):
        y1 = int(m.group("r1"))
        y2 = _end_year(y1, m.group("r2"))
        if not y1 <= y2 <= y1 + 100:
            return find_period(text, m.end("r1"))
    elif m.group("month"):
        y1 = y2 = int(m.group("my"))
        month = MONTHS[m.group("mname").lower()]
    else:
        y1 = y2 = int(m.group("y"))
    # the qualifier: in the same bracket, or the words right around the year
    s, e = m.start(), m.end()
    open_ = text.rfind("(", 0, s)
    if open_ >= 0 and text.find(")", open_) >= e and ")" not in text[open_:s]:
        scope = text[open_ + 1:text.find(")", open_)]
    else:
        scope = text[max(0, s - 16):min(len(text), e + 16)]
    q = period_qualifier(scope)
    tail = _TAIL_Q.match(text, e)
    if tail:
        e = tail.end()
    return Period(y1, y2, q, s, e, month)


_REST = re.compile(r"[\W_]+|\b(?:as|per|of|the|in|for|and|fy|year|years|data|figures?|hand\s?book|"
                   r"statistical|district|source|sources|incl|excl|est|estimated?|census|"
                   r"provisional|projected|revised)\b", re.IGNORECASE)


def parse_period(text: str) -> Period | None:
    """A string that is only a period (with qualifier words), else None.

    >>> tuple(parse_period("2021 estimate")), tuple(parse_period("(2015-2020)"))
    ((2021, 2021, 'estimate'), (2015, 2020, None))
    >>> parse_period("2022 census").qualifier
    'census'
    >>> parse_period("Population 2021") is None, parse_period("8 August 1949") is None
    (True, True)
    """
    p = find_period(text)
    if p is None:
        return None
    rest = text[:p.start] + " " + text[p.end:]
    rest = _MONTH_WORDS.sub(" ", rest) if p.month else rest
    if _REST.sub("", rest).strip():
        return None
    return p


_MONTH_WORDS = re.compile(r"\b(?:" + _MONTH_RE + r")\b\.?", re.IGNORECASE)
