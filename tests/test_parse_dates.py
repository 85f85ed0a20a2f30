"""parse_date: dates as written -> (iso, precision, first day, last day); the
month data checks itself; impossible dates give None and a reason."""
from __future__ import annotations

import datetime as dt
import tomllib
from importlib import resources
from typing import NamedTuple

import pytest
from hypothesis import given
from hypothesis import strategies as st

from profile_extract.parse.dates import date_problem, month_number, parse_date
from profile_extract.parse.sentences import split_sentences

D = dt.date


class Case(NamedTuple):
    text: str
    iso: str
    precision: str
    start: dt.date
    end: dt.date


CASES = [
    Case("29 November 2005", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("November 29, 2005", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("Nov 29 2005", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("29.11.2005", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("29/11/2005", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("11/29/2005", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("10-26-2018", "2018-10-26", "day", D(2018, 10, 26), D(2018, 10, 26)),
    Case("06/01/2017", "2017-01-06", "day", D(2017, 1, 6), D(2017, 1, 6)),
    Case("2005-11-29", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
    Case("31st March 2011", "2011-03-31", "day", D(2011, 3, 31), D(2011, 3, 31)),
    Case("1st of May 1990", "1990-05-01", "day", D(1990, 5, 1), D(1990, 5, 1)),
    Case("3. Dezember 2016", "2016-12-03", "day", D(2016, 12, 3), D(2016, 12, 3)),
    Case("1er janvier 2005", "2005-01-01", "day", D(2005, 1, 1), D(2005, 1, 1)),
    Case("17 de mayo de 2005", "2005-05-17", "day", D(2005, 5, 17), D(2005, 5, 17)),
    Case("17 декабря 1931", "1931-12-17", "day", D(1931, 12, 17), D(1931, 12, 17)),
    Case("29 February 2000", "2000-02-29", "day", D(2000, 2, 29), D(2000, 2, 29)),
    Case("Nov. 2005", "2005-11", "month", D(2005, 11, 1), D(2005, 11, 30)),
    Case("Sept. 2001", "2001-09", "month", D(2001, 9, 1), D(2001, 9, 30)),
    Case("December 1996", "1996-12", "month", D(1996, 12, 1), D(1996, 12, 31)),
    Case("February 2016", "2016-02", "month", D(2016, 2, 1), D(2016, 2, 29)),
    Case("March of 2005", "2005-03", "month", D(2005, 3, 1), D(2005, 3, 31)),
    Case("1996-12", "1996-12", "month", D(1996, 12, 1), D(1996, 12, 31)),
    Case("Mai 2018", "2018-05", "month", D(2018, 5, 1), D(2018, 5, 31)),
    Case("1994", "1994", "year", D(1994, 1, 1), D(1994, 12, 31)),
    Case("1209", "1209", "year", D(1209, 1, 1), D(1209, 12, 31)),
    Case("870", "0870", "year", D(870, 1, 1), D(870, 12, 31)),
    Case("9999", "9999", "year", D(9999, 1, 1), D(9999, 12, 31)),
    Case(" 29\u00a0November\n2005 ", "2005-11-29", "day", D(2005, 11, 29), D(2005, 11, 29)),
]

INVALID = [
    ("31 February 2005", "day 31 is not in month 2 of 2005"),
    ("29 February 2001", "day 29 is not in month 2 of 2001"),
    ("29 November 20051", "year 20051 outside 1-9999"),
    ("31.04.2010", "day 31 is not in month 4 of 2010"),
    ("2010-13-01", "month 13 outside 1-12"),
    ("0", None),
]

NOT_DATES = ["", "the 1950s", "1,000", "2,018 kms", "Novembre", "Smith 2005", "12", "29 Foo 2005",
             "1996-2005", "tomorrow", "5 years ago"]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text)
def test_parse_date(case):
    assert parse_date(case.text) == (case.iso, case.precision, case.start, case.end)


@pytest.mark.parametrize("text,why", INVALID)
def test_invalid_dates_give_none_and_a_reason(text, why):
    assert parse_date(text) is None
    assert date_problem(text) == why


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text):
    assert parse_date(text) is None
    assert date_problem(text) is None


def test_month_data_checks_itself():
    """Every spelling in data/months.toml parses back to its own month, with and
    without a trailing dot, in a day-month-year and a month-year date."""
    data = tomllib.loads(resources.files("profile_extract.data").joinpath("months.toml")
                         .read_text("utf-8"))
    data.pop("capitalised_only")
    n = 0
    for lang, table in data.items():
        for key, spellings in table.items():
            for s in spellings:
                month = int(key)
                assert month_number(s) == month, (lang, s)
                assert month_number(s.capitalize() + ".") == month, (lang, s)
                assert parse_date(f"5 {s} 1999")[0] == f"1999-{month:02d}-05", (lang, s)
                assert parse_date(f"{s.capitalize()} 1999")[0] == f"1999-{month:02d}", (lang, s)
                n += 1
    assert n > 100


@given(st.text(max_size=60))
def test_parse_date_never_raises(text):
    r = parse_date(text)
    if r is not None:
        iso, precision, start, end = r
        assert precision in ("day", "month", "year") and start <= end


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 28))
def test_round_trip_of_iso_days(y, m, d):
    iso = f"{y:04d}-{m:02d}-{d:02d}"
    assert parse_date(iso) == (iso, "day", D(y, m, d), D(y, m, d))


@pytest.mark.parametrize("text,sentences", [
    ("It opened in 1996. Then it grew.", ["It opened in 1996.", "Then it grew."]),
    ("Founded by Prof. P.C. Rao in 1931. He led it.", ["Founded by Prof. P.C. Rao in 1931.", "He led it."]),
    ("Closed in Nov. 2005 for repairs.", ["Closed in Nov. 2005 for repairs."]),
    ("Kanpur (estb. 1959), Delhi (estb. 1961) and others", ["Kanpur (estb. 1959), Delhi (estb. 1961) and others"]),
    ("Der Verein wurde am 3. März 1952 gegründet.", ["Der Verein wurde am 3. März 1952 gegründet."]),
    ("It ended in 1965.[1][2] In 1950 it grew.", ["It ended in 1965.[1][2]", "In 1950 it grew."]),
    ("Heading\nText line one.", ["Heading", "Text line one."]),
    ("a line that runs\non in lower case.", ["a line that runs\non in lower case."]),
    ("• first item\n• second item", ["first item", "second item"]),
    ("Cell one | Cell two |", ["Cell one", "Cell two"]),
    ("It was 5 km. The end.", ["It was 5 km.", "The end."]),
])
def test_split_sentences(text, sentences):
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@given(st.text(max_size=300))
def test_sentences_are_ordered_trimmed_spans(text):
    last = 0
    for a, b in split_sentences(text):
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip() or text[b - 1] == "-"
        last = b
