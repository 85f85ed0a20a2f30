"""Dates as written -> ISO with precision, and the first and last day of that period.

Pure: never reads the clock; a partial date stays partial (`1996-12` is the
whole of December 1996, never filled in from today). Month names in several
languages come from data/months.toml.

>>> parse_date("29 November 2005")
('2005-11-29', 'day', datetime.date(2005, 11, 29), datetime.date(2005, 11, 29))
>>> parse_date("November 29, 2005")[0], parse_date("29.11.2005")[0], parse_date("2005-11-29")[0]
('2005-11-29', '2005-11-29', '2005-11-29')
>>> parse_date("Nov. 2005")[:2], parse_date("December 1996")[:2]
(('2005-11', 'month'), ('1996-12', 'month'))
>>> parse_date("1996-12")[1:]
('month', datetime.date(1996, 12, 1), datetime.date(1996, 12, 31))
>>> parse_date("31st March 2011")[0], parse_date("3. Dezember 2016")[0], parse_date("17 декабря 1931")[0]
('2011-03-31', '2016-12-03', '1931-12-17')
>>> parse_date("1994")
('1994', 'year', datetime.date(1994, 1, 1), datetime.date(1994, 12, 31))
>>> parse_date("1209")[0], parse_date("870")[0]
('1209', '0870')
>>> parse_date("31 February 2005") is None, parse_date("29 November 20051") is None
(True, True)
>>> date_problem("31 February 2005"), date_problem("29 November 20051")
('day 31 is not in month 2 of 2005', 'year 20051 outside 1-9999')
>>> parse_date("the 1950s") is None, parse_date("") is None
(True, True)
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from ..data import load_toml

DAY, MONTH, YEAR = "day", "month", "year"
YEAR_MIN, YEAR_MAX = 1, 9999


def _load_months() -> tuple[dict[str, int], frozenset[str]]:
    data = dict(load_toml("months.toml"))  # popped below: a copy
    names: dict[str, int] = {}
    caps = frozenset(data.pop("capitalised_only", {}).get("words", ()))
    for lang, table in data.items():
        for key, spellings in table.items():
            month = int(key)
            if not 1 <= month <= 12:
                raise ValueError(f"data/months.toml: [{lang}] month {key} outside 1-12")
            for s in spellings:
                s = s.strip().lower()
                if names.get(s, month) != month:
                    raise ValueError(f"data/months.toml: [{lang}] {s!r} is month {names[s]} "
                                     f"elsewhere, {month} here")
                names[s] = month
    return names, caps


MONTHS, CAPITALISED_ONLY = _load_months()
# Longest first so that `September` wins over `Sep`; the optional dot after abbreviations
# is left to the patterns that use MONTH_RE.
MONTH_RE = "|".join(re.escape(m) for m in sorted(MONTHS, key=len, reverse=True))

# (`1° aprile 2009`, `1º de mayo`: the ordinal sign of Italian, Spanish, Portuguese days)
_ORD = r"(?:st|nd|rd|th|er|e|\.|°|º)?"
_FORMS = [
    # 2005-11-29, 2005/11/29
    ("ymd", re.compile(r"(?P<y>\d{4})(?P<s>[-/])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})")),
    # 29.11.2005, 29/11/2005, 29-11-2005 (day first unless the second part cannot be a month)
    ("num", re.compile(r"(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)\s?(?P<y>\d{1,5})")),
    # 1996-12
    ("ym", re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})")),
    # 29 November 2005, 31st March 2011, 3. Dezember 2016, 1er janvier 2005, 17 de mayo de 2005
    ("dmy", re.compile(rf"(?P<d>\d{{1,2}}){_ORD}\s*(?:of\s+|de\s+)?(?P<mn>[^\W\d_]+)\.?,?\s*"
                       r"(?:de\s+|del\s+)?(?P<y>\d{1,5})(?:\s*(?:г\.?|года?))?", re.IGNORECASE)),
    # November 29, 2005
    ("mdy", re.compile(rf"(?P<mn>[^\W\d_]+)\.?\s*(?P<d>\d{{1,2}}){_ORD},?\s*(?P<y>\d{{1,5}})",
                       re.IGNORECASE)),
    # Nov. 2005, December 1996, March of 2005
    ("my", re.compile(r"(?P<mn>[^\W\d_]+)\.?,?\s*(?:of\s+|de\s+|del\s+)?(?P<y>\d{1,5})"
                      r"(?:\s*(?:г\.?|года?))?", re.IGNORECASE)),
    # 1994
    ("y", re.compile(r"(?P<y>\d{1,5})")),
]


# days of each month in a common year (calendar.monthrange also works out the
# weekday of the first, which date_parts does not need)
_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# the first three forms hold digits, separators and spaces only: a text with
# any other character (a month name) is tried on the forms after them
_NUMERIC = re.compile(r"[\d\s./-]+")


def month_number(name: str) -> int | None:
    """The month a name or abbreviation means, in any language of data/months.toml.

    >>> month_number("Sept."), month_number("Dezember"), month_number("mayo"), month_number("x")
    (9, 12, 5, None)
    """
    return MONTHS.get(name.strip().rstrip(".").lower())


def date_parts(year: int, month: int | None = None, day: int | None = None):
    """(iso, precision, start, end) for a year, a month or a day; ValueError when
    the date does not exist.

    >>> date_parts(2016, 2)[3], date_parts(2000, 2, 29)[0]
    (datetime.date(2016, 2, 29), '2000-02-29')
    """
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise ValueError(f"year {year} outside {YEAR_MIN}-{YEAR_MAX}")
    if month is None:
        return f"{year:04d}", YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31)
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} outside 1-12")
    last = _MONTH_DAYS[month] + (month == 2 and calendar.isleap(year))   # calendar.monthrange's count
    if day is None:
        return f"{year:04d}-{month:02d}", MONTH, dt.date(year, month, 1), dt.date(year, month, last)
    if not 1 <= day <= last:
        raise ValueError(f"day {day} is not in month {month} of {year}")
    d = dt.date(year, month, day)
    return d.isoformat(), DAY, d, d


@lru_cache(maxsize=4096)
def _parse(text: str):
    """The parts of a date, or a string saying why it is not one (None: not a date shape)."""
    t = " ".join(text.split())
    if not t:
        return None
    # the first four forms open with a digit and the last takes digits only:
    # skip the forms that cannot match (a year, `Nov. 2005`)
    if t.isdecimal():
        return _parse_forms(t, _FORMS[-1:])
    if not t[0].isdecimal():
        return _parse_forms(t, _FORMS[4:6])
    return _parse_forms(t, _FORMS if _NUMERIC.fullmatch(t) else _FORMS[3:])


def _parse_forms(t: str, forms):
    """`_parse` of a space-normalised text, trying `forms` in order."""
    for kind, rx in forms:
        m = rx.fullmatch(t)
        if not m:
            continue
        g = m.groupdict()
        try:
            if kind == "ymd":
                return date_parts(int(g["y"]), int(g["m"]), int(g["d"]))
            if kind == "ym":
                return date_parts(int(g["y"]), int(g["m"]))
            if kind == "num":
                a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
                if len(g["y"]) < 4:
                    continue
                if b > 12 and a <= 12:                       # US order 12/31/2005, 10-26-2018
                    a, b = b, a
                return date_parts(y, b, a)
            if kind == "y":
                if len(g["y"]) < 3:
                    continue
                return date_parts(int(g["y"]))
            month = month_number(g["mn"])
            if month is None:
                continue
            if len(g["y"]) < 3:
                continue
            day = int(g["d"]) if g.get("d") else None
            return date_parts(int(g["y"]), month, day)
        except ValueError as exc:
            return str(exc)
    return None


def parse_date(text: str):
    """(iso, precision, date_start, date_end) of a date as written, or None when
    the text is not a date or names one that does not exist (31 February)."""
    r = _parse(text)
    return r if isinstance(r, tuple) else None


def date_problem(text: str) -> str | None:
    """Why a date-shaped text names no real date (`day 31 is not in month 2 of
    2005`), or None when it is fine or is not date-shaped at all."""
    r = _parse(text)
    return r if isinstance(r, str) else None
