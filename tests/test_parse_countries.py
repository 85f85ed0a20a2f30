"""Country names, aliases and adjectives -> ISO codes (parse/countries.py and
data/countries.csv). Strings are written for these tests."""
from __future__ import annotations

import csv
from importlib import resources
from typing import NamedTuple

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.parse.countries import by_code, find_countries, lookup, lookup_kind


class Case(NamedTuple):
    text: str
    alpha3: str | None
    name: str | None = None
    kind: str | None = None


LOOKUPS = [
    Case("Russia", "RUS", "Russia", "name"),
    Case("Russian Federation", "RUS", "Russia", "name"),
    Case("Moldova", "MDA", "Moldova", "name"),
    Case("Moldova, Republic of", "MDA", "Moldova", "name"),
    Case("Republic of Moldova", "MDA", "Moldova", "name"),
    Case("United States", "USA", "United States", "name"),
    Case("United States of America", "USA", "United States", "name"),
    Case("U.S.", "USA", "United States", "name"),
    Case("Ethiopian", "ETH", "Ethiopia", "adjective"),
    Case("Belarusian", "BLR", "Belarus", "adjective"),
    Case("Republic of Belarus", "BLR", "Belarus", "name"),
    Case("Kingdom of Bhutan", "BTN", "Bhutan", "name"),
    Case("Syria", "SYR", "Syria", "name"),
    Case("Afghans", "AFG", "Afghanistan", "adjective"),
    Case("Viet Nam", "VNM", "Vietnam", "name"),
    Case("Ivory Coast", "CIV", None, "name"),
    Case("South Korea", "KOR", "South Korea", "name"),
    Case("moldova", "MDA", "Moldova", "name"),          # lookup is case-insensitive
    Case("BLR", "BLR", "Belarus", "name"),               # an ISO code as written
]

NOT_COUNTRIES = ["American", "English", "Minsk", "Europe", "Red Cross", "", "  ", "Geneva", "US$"]


@pytest.mark.parametrize("case", LOOKUPS, ids=lambda c: c.text)
def test_lookup(case):
    got = lookup_kind(case.text)
    assert got is not None
    country, kind = got
    assert country.alpha3 == case.alpha3
    if case.name:
        assert country.name == case.name
    assert kind == case.kind


@pytest.mark.parametrize("text", NOT_COUNTRIES)
def test_not_a_country(text):
    assert lookup(text) is None


class Found(NamedTuple):
    text: str
    mentions: list  # (as written, alpha2, kind)


FIND = [
    Found("IOM in Ruritania and Belarus.", [("Belarus", "BY", "name")]),
    Found("Afghans fled to Sri Lanka.", [("Afghans", "AF", "adjective"), ("Sri Lanka", "LK", "name")]),
    Found("DAY 2: VAN, TURKEY, 900 km", [("TURKEY", "TR", "name")]),
    Found("Papua New Guinea and Guinea-Bissau", [("Papua New Guinea", "PG", "name"), ("Guinea-Bissau", "GW", "name")]),
    Found("the Indian Institute", [("Indian", "IN", "adjective")]),
    Found("Nigeria, not Niger.", [("Nigeria", "NG", "name"), ("Niger", "NE", "name")]),
    Found("India’s census", [("India", "IN", "name")]),
    Found("Revenue US$2.5 billion", []),                   # a currency prefix, not the country
    Found("Indo-German agreement", [("Indo-German", "IN", "adjective")][:0]),  # a compound, no mention
    Found("", []),
]


@pytest.mark.parametrize("case", FIND, ids=lambda c: c.text or "empty")
def test_find_countries(case):
    got = [(m.text, m.country.alpha2, m.kind) for m in find_countries(case.text)]
    assert got == case.mentions
    for m in find_countries(case.text):
        assert case.text[m.start:m.end] == m.text


def test_data_file_rows_are_known_codes():
    text = resources.files("profile_extract.data").joinpath("countries.csv").read_text("utf-8")
    rows = list(csv.DictReader(l for l in text.splitlines() if l.strip() and not l.startswith("#")))
    assert rows
    shorts = {}
    for row in rows:
        assert pycountry.countries.get(alpha_2=row["alpha2"]) is not None, row
        assert row["kind"] in ("short", "alias", "adjective", "stem"), row
        if row["kind"] == "stem":      # a stem finds its country in any inflected form
            inflected = " ".join(w + "а" for w in row["text"].split())
            assert [m.country.alpha2 for m in find_countries(inflected)] == [row["alpha2"]], row
            continue
        if row["kind"] == "short":
            assert row["alpha2"] not in shorts, f"two short names for {row['alpha2']}"
            shorts[row["alpha2"]] = row["text"]
        # every row finds its own country back
        assert lookup(row["text"]).alpha2 == row["alpha2"] or row["kind"] == "short", row


def test_every_pycountry_name_finds_itself():
    for c in pycountry.countries:
        assert lookup(c.name).alpha2 == c.alpha_2
        assert by_code(c.alpha_2).alpha3 == c.alpha_3


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_find_countries_never_raises(text):
    for m in find_countries(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("text, codes", [
    ("Офис работает в Кыргызстане с 1997 года.", ["KG"]),
    ("Правительство Кыргызской Республики и МОМ", ["KG"]),
    ("мигранты из Узбекистана едут в Россию", ["UZ", "RU"]),
    ("в Австрии и в Австралии", ["AT", "AU"]),
    ("Российской Федерации", ["RU"]),
])
def test_russian_stems(text, codes):
    assert [m.country.alpha2 for m in find_countries(text)] == codes


@pytest.mark.parametrize("text", [
    "российский паспорт",          # a lower-case adjective is no name
    "Республика провела выборы",   # `Republic` alone names no country
    "Грузовой транспорт",          # a word that only shares letters with a stem (`Грузи`)
    "Индивидуальные консультации",  # not India
    "Папа Франциск посетил лагерь",  # a name, not France
])
def test_russian_stems_negative(text):
    assert find_countries(text) == []
