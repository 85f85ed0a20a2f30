"""The speed paths of parse/dates.py against the plain behaviour they replace:
the month length from a table (not calendar.monthrange) and the numeric forms
skipped for a text with a month name. Test strings are written for these tests."""
from __future__ import annotations

import calendar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from profile_extract.parse import dates


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 1996, 2000, 2004, 2023, 2100, 9996, 9999])
def test_month_length_table(year):
    for month in range(1, 13):
        last = calendar.monthrange(year, month)[1]
        assert dates.date_parts(year, month)[3].day == last
        assert dates.date_parts(year, month, last)[1] == "day"
        with pytest.raises(ValueError):
            dates.date_parts(year, month, last + 1)


def _parse_plain(text: str):
    """`_parse` with every form that can open on the first character tried."""
    t = " ".join(text.split())
    if not t:
        return None
    return dates._parse_forms(t, dates._FORMS[-1:] if t.isdecimal()
                              else (dates._FORMS if t[0].isdecimal() else dates._FORMS[4:6]))


TEXTS = ["29 November 2005", "29.11.2005", "29.11. 2005", "2005-11-29", "2005/11/29", "1996-12", "12/31/2005",
         "31 February 2005", "3. Dezember 2016", "17 декабря 1931", "1994", "٢٠٠٥-١١-٢٩", "29.11.٢٠٠٥",
         "29 . 11 . 2005", "1st of May 1990", "Nov. 2005", "2005-11-29x", "29-11-2005 г.", "5 mayo de 2005"]


@pytest.mark.parametrize("text", TEXTS)
def test_parse_table(text):
    assert dates._parse.__wrapped__(text) == _parse_plain(text)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["1", "12", "29", "2005", "٢", ".", "-", "/", " ", "\u00a0", "st", "of", "de",
                                 "May", "Dezember", "Nov.", ",", "г.", "x"]), min_size=1, max_size=8).map("".join))
def test_parse_agrees(text):
    assert dates._parse.__wrapped__(text) == _parse_plain(text)
