"""Golden test of the seed page: every field CONTRACT.md lists, for the text
form and the HTML form (samples/belarus.html must give the same records)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from profile_extract import extract_page

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
FORMS = ["belarus.txt", "belarus.html"]

# label, indicator, value, unit, year_start, year_end, rank_total, qualifier, codes
FACTS = [
    ("Population", "population", 9_500_000, "person", 2015, 2015, None, None, None),
    ("Area", "area", 207_595, "km**2", None, None, None, None, None),
    ("Languages", "languages", None, None, None, None, None, None, "rus;bel"),
    ("Currency", "currency", None, None, None, None, None, None, "BYR"),
    ("GDP per Capita PPP", "gdp_per_capita_ppp", 18_185, "USD", 2014, 2014, None, None, None),
    ("HDI Rank", "hdi_rank", 50, None, 2014, 2014, 188, None, None),
    ("Remittances", "remittances", 1_258_000_000, "USD", 2014, 2014, None, "estimate", None),
    ("Net Migration Rate", "net_migration_rate", 0.2, "permille", 2015, 2020, None, None, None),
    ("Immigrants", "immigrants", 11.4, "percent", 2015, 2015, None, None, None),
    ("Women as a Percentage of Immigrants", "women_as_a_percentage_of_immigrants", 54.2, "percent",
     2015, 2015, None, None, None),
    ("Population under 15", "population_under_15", 16.1, "percent", 2015, 2015, None, None, None),
    ("Adult HIV Prevalence", "adult_hiv_prevalence", 0.5, "percent", 2014, 2014, None, None, None),
]
EVENTS = [  # date, precision, start, end, qualifier, words of the sentence
    ("1994", "year", dt.date(1994, 1, 1), dt.date(1994, 12, 31), "since", "activities since 1994"),
    ("1999", "year", dt.date(1999, 1, 1), dt.date(1999, 12, 31), None, "was ratified in 1999"),
    ("2005-11-29", "day", dt.date(2005, 11, 29), dt.date(2005, 11, 29), None, "full-fledged member"),
    ("1996-12", "month", dt.date(1996, 12, 1), dt.date(1996, 12, 31), None, "was opened in December 1996"),
    ("2007", "year", dt.date(2007, 1, 1), dt.date(2007, 12, 31), None, "was established"),
    ("2008", "year", dt.date(2008, 1, 1), dt.date(2008, 12, 31), None, "Memorandum of Understanding"),
]
CONTACTS = [
    ("organization", "International Organization for Migration (IOM)"),
    ("street", "3, Gorny Pereulok"),
    ("city", "Minsk"),
    ("postal_code", "220005"),
    ("country", "Republic of Belarus"),
    ("phone", "+375172882742"),
    ("phone", "+375172882743"),
    ("fax", "+375172882744"),
    ("email", "iomminsk@iom.int"),
    ("website", "http://iom.by/en"),
]
STORIES = [("Andrew", "Pediatric surgeon", 5701), (None, None, 9448), (None, None, 2018),
           ("Lauren", "student", 9204)]


@pytest.fixture(scope="module", params=FORMS)
def seed(request):
    path = SAMPLES / request.param
    return extract_page(path.read_bytes(), str(path))


def test_page_info(seed):
    assert seed.info.title == "IOM in Belarus"
    assert seed.info.country == "Belarus"
    assert seed.info.country_iso3 == "BLR"
    assert seed.info.updated == "2016-02"
    assert seed.status == "ok"


def test_no_warnings_or_errors(seed):
    bad = [(f.code.value, f.message) for f in seed.findings if f.severity.value != "info"]
    assert bad == []


def test_facts_every_field(seed):
    got = [(f.label, f.indicator, f.value, f.unit, f.year_start, f.year_end, f.rank_total,
            f.qualifier, f.codes) for f in seed.facts]
    assert got == [tuple(row) for row in FACTS]
    assert {f.as_of for f in seed.facts} == {"2016-02"}
    assert {f.value_max for f in seed.facts} == {None}


@pytest.mark.parametrize("label,text", [
    ("Population", "9.5 million"), ("Area", "207,595 km sq"),
    ("Languages", "Russian, Belarussian (both official)"), ("Currency", "Belarussian rouble (BYR)"),
    ("GDP per Capita PPP", "USD 18,185"), ("HDI Rank", "50 of 188"),
    ("Remittances", "USD 1,258 million"), ("Net Migration Rate", "0.2 migrants/1,000 population"),
    ("Adult HIV Prevalence", "0.50%"),
])
def test_fact_value_text_and_span(seed, label, text):
    fact = next(f for f in seed.facts if f.label == label)
    assert fact.value_text == text
    snippet = fact.span.snippet(seed.text)
    assert label in snippet and text in snippet


def test_events(seed):
    got = [(e.date, e.precision, e.date_start, e.date_end, e.qualifier) for e in seed.events]
    assert got == [row[:5] for row in EVENTS]
    for e, row in zip(seed.events, EVENTS):
        assert row[5] in e.sentence
        assert e.span.snippet(seed.text) == e.date_text
        assert e.date_text in e.sentence


def test_contacts(seed):
    assert [(c.kind, c.value) for c in seed.contacts] == CONTACTS
    assert all(c.valid for c in seed.contacts)
    assert len({c.group for c in seed.contacts}) == 1
    for c in seed.contacts:
        assert c.span.snippet(seed.text) == c.raw


def test_stories(seed):
    got = [(s.name, s.role, round(s.distance_km)) for s in seed.stories]
    assert got == STORIES
    assert {s.distance_unit for s in seed.stories} == {"km"}
    for s in seed.stories:
        assert f"{s.distance:,.0f}" in s.span.snippet(seed.text)


def test_text_and_html_forms_agree():
    a, b = (extract_page((SAMPLES / n).read_bytes(), n) for n in FORMS)
    def key(pr):
        return ([(f.label, f.value, f.unit, f.year_start, f.year_end) for f in pr.facts],
                [(e.date, e.qualifier) for e in pr.events],
                [(c.kind, c.value) for c in pr.contacts],
                [(s.name, s.distance_km) for s in pr.stories],
                (pr.info.title, pr.info.country, pr.info.updated))
    assert key(a) == key(b)
