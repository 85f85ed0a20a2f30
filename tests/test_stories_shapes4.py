"""Stories in the page shapes of generalisation set 4 and the two set-3 misses
(extract/stories.py, parse/distances.py). Test strings are written for these tests,
in the same shapes, not copied from any page:

- story cards whose name line is a couple (`Name & Name, role`) or names no one
  (`A mother of two`), and cards in nautical miles (1.852 km, pint `nautical_mile`);
- a distance from home said another way, inside prose or a quotation after the
  speaker's name (`"I am 900 miles from the school I left"`, `is 3,000 km from her
  children`): a person must be the subject, a place subject is a distance between places;
- a listing headline that opens with a distance and a means of travel (`Ninety miles on
  foot: Lina and her sons ...`), one record with the body's mention of the same person
  (`Lina` and `Lina Haddou` are one name);
- a named person's routine distance (`walks 12 km a day for firewood`): a distance
  travelled under the CONTRACT, kept when the page gives no other distance for that person;
  unnamed, a population's, or beside a total word it stays out.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import pytest

from profile_extract.extract.stories import extract_stories
from profile_extract.ingest.html import html_to_text
from profile_extract.ingest.segment import Doc
from profile_extract.parse.distances import KM_PER, find_distances
from profile_extract.parse.units import to_km

NMI = 1.852
MI = 1.609344


class S(NamedTuple):
    name: str | None
    km: float
    role: str | None = None        # checked when given
    unit: str | None = None        # checked when given


class Case(NamedTuple):
    name: str
    text: str
    stories: list
    html: bool = False


def run(case: Case):
    if case.html:
        doc = Doc.from_text(html_to_text(case.text), content_type="html")
    else:
        doc = Doc.from_text(case.text)
    return extract_stories(doc)[0], doc.text


def _card(h3: str, dist: str, extra: str = "") -> str:
    return (f'<div class="card{extra}"><h3>{h3}</h3><p class="dist">{dist}</p>'
            f'<p>A short quote about the road.</p><a href="/s">Read more</a></div>')


CARDS = ("<html><body><main><h1>Voices from the quay</h1><section>"
         + _card("Samir &amp; Leyla, newlyweds", "2,480 kilometres from home")
         + _card("A mother of two", "5,120 km from home")
         + _card("Efosa, deckhand", "610 nautical miles from home")
         + _card("Marta, baker", "1,200 miles from home")
         + _card("{{name}}, {{role}}", "{{km}} km from home", " template")
         + "</section><p>Our walkers covered 2.5 million km together this spring.</p>"
           "<p>The quay is 12 km from the city centre.</p></main></body></html>")

POSITIVE = [
    Case("cards: a couple, a role-only card, nautical miles, statute miles", CARDS,
         [S("Samir & Leyla", 2480, "newlyweds"), S(None, 5120, "mother"),
          S("Efosa", 610 * NMI, "deckhand", "nautical_mile"), S("Marta", 1200 * MI, "baker", "mile")],
         html=True),
    Case("cards with the role in its own element under the name",
         '<div class="c"><h3>Tesfay</h3><p class="role">Carpenter</p><p>4,900 km from home</p></div>'
         '<div class="c"><h3>Our partners</h3><p>Volunteer</p><p>350 km from home</p></div>',
         [S("Tesfay", 4900, "Carpenter"), S(None, 350)], html=True),
    Case("text teaser: a couple joined by `and`", "Tariq and Noor, parents\n3,050 km from home\nRead more\n",
         [S("Tariq and Noor", 3050, "parents")]),
    Case("text teasers: an age after the name, between commas or in parentheses",
         "Bashir, 61, shepherd\n3,870 km from home\nRead more\nNadia (19), student\n2,450 km from home\n",
         [S("Bashir", 3870, "shepherd"), S("Nadia", 2450, "student")]),
    Case("text teaser: a labelled distance under the name line",
         "Farid, cook\nDistance from home: 5,300 km\nRead more\n", [S("Farid", 5300, "cook")]),
    Case("a numbered line above a teaser names no one", "Unit 12, Block 4\n800 km from home\n", [S(None, 800)]),
    Case("text teaser: name, role and distance on one line",
         "Hamid, welder — 6,700 km from home\nRead more\nSelam, pharmacist | 5,050 km from home\n",
         [S("Hamid", 6700, "welder"), S("Selam", 5050, "pharmacist")]),
    Case("text teaser: the distance line opens with an adverb",
         "Idris, farmer\nNearly 2,900 km from home\nRead more\nRoughly 700 miles from home\n",
         [S("Idris", 2900, "farmer"), S(None, 700 * MI)]),
    Case("text teaser: the home's place closes the line",
         "Leila, architect\n4,300 km from her home in Tabriz\nRead more\n", [S("Leila", 4300, "architect")]),
    Case("a headline opening with a distance from home, a possessive after it",
         "8,200 km from home: Thabo's first winter\n", [S("Thabo", 8200)]),
    Case("a card's distance line that goes on as a sentence: the name line above still names it",
         "Leila, architect\n4,300 km from her home in Tabriz, where she drew bridges.\n",
         [S("Leila", 4300, "architect")]),
    Case("text teaser: a role-only line", "An engineer from the coast\n2,200 km from home\n",
         [S(None, 2200, "engineer")]),
    Case("nautical miles in prose with a journey verb", "Kwesi sailed 320 nautical miles to reach the island.",
         [S("Kwesi", 320 * NMI, None, "nautical_mile")]),
    Case("distance inside a quotation after the speaker, age in parentheses",
         'Halima (37), a midwife from Gao: "I am 900 miles from the clinic I left, and I still dream of it."',
         [S("Halima", 900 * MI, "midwife", "mile")]),
    Case("age between commas, from her children",
         "Rosa, 45, a cleaner from Cusco, is now 3,300 km from her children.",
         [S("Rosa", 3300, "cleaner")]),
    Case("from where he grew up", "Today Ibrahim works 4,100 km from where he grew up.", [S("Ibrahim", 4100)]),
    Case("we, from the town we left, named by a later `says`",
         '"We are 2,600 kilometres from the town we fled," says Bilal.', [S("Bilal", 2600)]),
    Case("listing: headline with a means of travel, body with the full name",
         "Latest stories\n3 May 2024\nNinety miles on foot: Lina and her sons reach the border\n"
         "After the floods Lina Haddou walked ninety miles with her two sons to the border post ...\nRead more\n",
         [S("Lina", 90 * MI)]),
    Case("headline by boat with a possessive name",
         "Forty miles by canoe: Teuila's night crossing\nShe left at dusk.\n", [S("Teuila", 40 * MI)]),
    Case("a named person's daily walk, headline and body are one record, role from the body",
         "Saida walks 12 km a day for firewood\nIn a hamlet near the hills, Saida, a widow, walks 12 km every "
         "day to gather wood.\n", [S("Saida", 12, "widow")]),
    Case("a routine beside the journey: the journey counts",
         "Amadou walked 1,400 km in seven weeks, about 30 km a day.", [S("Amadou", 1400)]),
    Case("he resolved to a name for a weekly ride",
         "Omid is a baker in Herat. He cycles 40 km every week to buy flour.", [S("Omid", 40)]),
    Case("a headline's traveller takes the role the teaser under it gives",
         "From Jaffna to Oslo: Priya's 8,000-kilometre journey to study law\n"
         "Priya, 24, a trainee nurse, left her town with one suitcase ...\n", [S("Priya", 8000, "trainee nurse")]),
    Case("an earlier mention with the surname gives the role",
         "Sara Tesfaye, a seamstress from Asmara, left in May. Sara and her son walked 900 km to the border.",
         [S("Sara", 900, "seamstress")]),
    Case("an away distance of a named person, not possessive",
         "Ahmed is now 2,700 km from his parents.", [S("Ahmed", 2700)]),
]

NEGATIVE = [
    Case("a place subject, from a possessive noun", "The clinic is 25 km from their village.", []),
    Case("between two places", "Gao is about 300 km from Timbuktu, she says.", []),
    Case("a place she left, said of a place", "The camp lies 60 km from the town she left.", []),
    Case("a person near a landmark is no distance from home", "We were 15 km from the coast when it sank.", []),
    Case("from her school is a commute", "Layla lives 3 km from her school.", []),
    Case("a routine of nobody named", "She has to walk 8 km every day to the market.", []),
    Case("a routine of a population", "Women walk 6 km a day to the nearest pump.", []),
    Case("a routine of a plural group at the start of a sentence", "Volunteers drive 50 km a day to the camp.", []),
    Case("a routine beside a total word", "Karim cycled 60 km a day, 900 km in total, for the campaign.", []),
    Case("a fleet's daily distance", "Our trucks cover 400 km each day.", []),
    Case("a headline by road between places", "Two hundred km by road: the route from Kano to Jos\n", []),
    Case("a headline with a means of travel that names no one", "Sixty miles by boat: the crossing explained\n", []),
    Case("a ship in nautical miles", "The ferry sailed 90 nautical miles to the port.", []),
    Case("a journey in days only", "The crossing on foot took eleven days.", []),
    Case("a labelled distance inside prose is no teaser",
         "Distance from home: 700 km, they told us, but the road was longer.\n", []),
    Case("a thing of the person is 20 km from his village", "Ahmed's farm is 20 km from his village.", []),
    Case("from his country's capital is a place", "He grew up in a town 300 km from his country's capital.", []),
    Case("a campaign total", "Together our runners ran 1.4 million km for the appeal.", []),
    Case("an average", "On average, a family travels 700 km before it reaches the camp.", []),
]

DISTANCES = [
    ("450 nautical miles from home", 450.0, "nautical_mile"),
    ("two hundred Nautical Miles", 200.0, "nautical_mile"),
    ("1 nautical mile", 1.0, "nautical_mile"),
    ("a 300 nautical mile trip", 300.0, "nautical_mile"),
]


def _check(got, want):
    assert [(g.name, round(g.distance_km, 3)) for g in got] == [(w.name, round(w.km, 3)) for w in want]
    for g, w in zip(got, want):
        assert math.isclose(g.distance_km, w.km, rel_tol=1e-6)
        if w.role is not None:
            assert g.role == w.role
        if w.unit is not None:
            assert g.distance_unit == w.unit


def check_stories(case):
    got, _ = run(case)
    _check(got, case.stories)


def check_snippets(case):
    got, text = run(case)
    for s in got:
        assert any(d.start >= s.span.start and d.end <= s.span.end and d.value == s.distance
                   for d in find_distances(text)), s.span.snippet(text)


def check_none(case):
    got, _ = run(case)
    assert got == [], [(g.name, g.distance_km) for g in got]


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.name)
def test_stories(case):
    check_stories(case)


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.name)
def test_snippet_holds_the_distance(case):
    check_snippets(case)


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda c: c.name)
def test_not_stories(case):
    check_none(case)


@pytest.mark.parametrize("text,value,unit", DISTANCES)
def test_nautical_miles(text, value, unit):
    got = find_distances(text)
    assert [(d.value, d.unit) for d in got] == [(value, unit)]
    assert find_distances(text, low=text.lower()) == got


@pytest.mark.parametrize("unit", sorted(KM_PER))
def test_km_per_unit_is_the_registry_figure(unit):
    assert math.isclose(KM_PER[unit], to_km(1.0, unit), rel_tol=1e-12)
