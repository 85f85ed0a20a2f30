"""parse/periods.py: the years a statistic is for, and its qualifier."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.parse.periods import find_period, parse_period, period_qualifier, value_qualifier


class Case(NamedTuple):
    text: str
    year_start: int
    year_end: int
    qualifier: str | None = None


FOUND = [
    Case("Net Migration Rate (2015-2020)", 2015, 2020),
    Case("Net migration (2010–2015)", 2010, 2015),            # en dash
    Case("Net migration (2010 — 2015)", 2010, 2015),          # em dash with spaces
    Case("Enrolment (1943-44)", 1943, 1944),                  # two-digit end
    Case("School year 1999/00", 1999, 2000),                  # across a century
    Case("Budget FY2014/15", 2014, 2015),
    Case("Budget FY 2019-2020", 2019, 2020),
    Case("Budget FY2021", 2021, 2021),
    Case("Population (2014)", 2014, 2014),
    Case("Remittances (2014 estimate)", 2014, 2014, "estimate"),
    Case("GDP 36% (1999 est.)", 1999, 1999, "estimate"),
    Case("Labor force: 4.5 million (July 2018 est.)", 2018, 2018, "estimate"),
    Case("Households (as per 2001 Census)", 2001, 2001, "census"),
    Case("Households (provisional, 2021)", 2021, 2021, "provisional"),
    Case("Population 2030 (projected)", 2030, 2030, "projected"),
    Case("Villages (as per District Hand Book, Cuttack, 2011)", 2011, 2011),
    Case("Facts and Figures: Feb. 2016", 2016, 2016),
    Case("2022 census", 2022, 2022, "census"),
]


@pytest.mark.parametrize("case", FOUND, ids=[c.text for c in FOUND])
def test_find_period(case):
    p = find_period(case.text)
    assert p is not None
    assert (p.year_start, p.year_end, p.qualifier) == (case.year_start, case.year_end, case.qualifier)


NO_PERIOD = [
    "Population under 15",
    "ISO 3166 code",            # 3166 is no year
    "2,624,470",
    "1,950",
    "0-14 years",
    "Postal Codes 55401–70",
    "17.40 per 1,000",
    "Rs. 2015.50",
]


@pytest.mark.parametrize("text", NO_PERIOD)
def test_no_period(text):
    assert find_period(text) is None


@pytest.mark.parametrize("text,expected", [
    ("2021 estimate", (2021, 2021, "estimate")),
    ("(2015-2020)", (2015, 2020, None)),
    ("2011 census", (2011, 2011, "census")),
    ("July 2018 est.", (2018, 2018, "estimate")),
    ("FY2014/15", (2014, 2015, None)),
])
def test_parse_period_whole(text, expected):
    assert tuple(parse_period(text)) == expected


@pytest.mark.parametrize("text", ["Population 2021", "8 August 1949", "Act of 1920 amended", ""])
def test_parse_period_rejects_more_than_a_period(text):
    assert parse_period(text) is None


def test_the_range_span_covers_the_written_period():
    text = "GDP (July 2018 est.)"
    p = find_period(text)
    assert text[p.start:p.end] == "July 2018 est."


@pytest.mark.parametrize("text,qualifier", [
    ("approx. 300", "approximately"), ("Approximately 2,500", "approximately"), ("c. 1209", "approximately"),
    ("ca. 40%", "approximately"), ("~12", "approximately"), ("over 1,000", "over"),
    ("more than 5 million", "over"), ("> 90%", "over"), ("under 5", "under"), ("less than 1%", "under"),
    ("300", None), ("Catholics 62%", None), ("Overall 5", None), ("Caracas", None),
])
def test_value_qualifier(text, qualifier):
    assert value_qualifier(text)[0] == qualifier


@pytest.mark.parametrize("text,qualifier", [
    ("2014 est.", "estimate"), ("estimated 2012", "estimate"), ("Census of 2011", "census"),
    ("prelim. 2020", "provisional"), ("2014", None), ("Estonia 2014", None),
])
def test_period_qualifier(text, qualifier):
    assert period_qualifier(text) == qualifier


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_never_raises(text):
    p = find_period(text)
    if p is not None:
        assert 0 <= p.start <= p.end <= len(text)
        assert p.year_start <= p.year_end
    parse_period(text)
    value_qualifier(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(1900, 2090), st.integers(0, 10), st.sampled_from(["-", "–", "—", "/"]),
       st.booleans())
def test_ranges_parse_back(start, length, dash, short_end):
    end = start + length
    written_end = f"{end % 100:02d}" if short_end else str(end)
    p = find_period(f"Rate ({start}{dash}{written_end})")
    assert (p.year_start, p.year_end) == (start, end)
