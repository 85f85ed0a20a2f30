"""Stories: a person or group and the distance from home or travelled
(extract/stories.py, parse/distances.py, parse/number_words.py). Test strings
are written for these tests, in the shapes real story pages use: teaser cards,
headlines, prose in km and miles, number words, first-person columns."""
from __future__ import annotations

import math
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract.stories import extract_stories
from profile_extract.ingest.segment import Doc
from profile_extract.parse.distances import find_distances
from profile_extract.parse.number_words import parse_number_words


class S(NamedTuple):
    name: str | None
    km: float
    role: str | None = None
    distance: float | None = None
    unit: str | None = None


class Case(NamedTuple):
    name: str
    text: str
    stories: list


def stories(text: str):
    return extract_stories(Doc.from_text(text))[0]


POSITIVE = [
    Case("teaser with name line",
         "Maria, Pediatric nurse\n3,402 kms from home\nRead more\n", [S("Maria", 3402, "Pediatric nurse", 3402, "km")]),
    Case("teaser without a name line", "Read more\n1,905 kms from home\nRead more\n", [S(None, 1905)]),
    Case("teaser glued to from", "Primary tabs\n\n2,310 kmfrom home\n\"We are safe here.\"\n", [S(None, 2310)]),
    Case("teaser after a credit line", "Photo credit: UNDP\n\n640 km from home\n", [S(None, 640)]),
    Case("teaser name line with a dash", "Ivan – Seasonal worker\n2,011 km from home\n",
         [S("Ivan", 2011, "Seasonal worker")]),
    Case("teaser cells joined by a pipe (HTML spans)", "Ana, Nurse\n1,130 km | from home\n",
         [S("Ana", 1130, "Nurse")]),
    Case("teaser split over two lines", "Ana, Nurse\n1,130 km\nfrom home\n", [S("Ana", 1130, "Nurse")]),
    Case("teaser in miles with km restated", "Luca, engineer\n60 miles (96 km) from home\nRead more\n",
         [S("Luca", 96.56064, "engineer", 60, "mile")]),
    Case("a teaser decides the name, as the platform shows it",
         "Primary tabs\n\n1,130 kmfrom home\n\n“My name is Priya. I travelled 1,130 km from my village.”\n",
         [S(None, 1130)]),
    Case("two teasers with one distance are two people", "Read more\n500 kms from home\nRead more\n500 kms from home\n",
         [S(None, 500), S(None, 500)]),
    Case("several teasers", "Omar, student\n4,020 kms from home\nRead more\nLeila, mother\n812 kms from home\n",
         [S("Omar", 4020, "student"), S("Leila", 812, "mother")]),
    Case("prose name and verb", "In 12 days, Tamar trekked 48 miles (77 kilometers) from the hills to the coast.",
         [S("Tamar", 48 * 1.609344, None, 48, "mile")]),
    Case("a distance of, first unit wins",
         "In nine days, Nyandeng traveled from Sudan to Kenya, a distance of 60 miles (96 kilometers), with her son.",
         [S("Nyandeng", 96.56064, None, 60, "mile")]),
    Case("family as a group", "Amal and her family walked for 120 kilometers to reach the camp",
         [S("Amal", 120)]),
    Case("she: the nearest mention before",
         "Dalia*, a 19-year-old student, lived in a small town. Forced to leave, she trekked 210 kilometres alone.",
         [S("Dalia", 210, "student")]),
    Case("we in a quote: the person telling it",
         "I met a mother named Sahra, holding her baby. She told me: “The rains failed. Together we walked 40 miles.”",
         [S("Sahra", 40 * 1.609344, "mother")]),
    Case("he, and the headline is the same journey",
         "Syrian carpenter who walked 2,000 miles to reach Europe goes home\n\nNabil took a great risk. "
         "The former carpentry teacher spent all his savings. He walked around 2,000 miles, through three countries.",
         [S("Nabil", 2000 * 1.609344, "former carpentry teacher")]),
    Case("first person column: the byline",
         "Study Abroad\n\nThree Thousand Miles From Home\n\nBY Sam Rivera-Cole | 02-03-2017\n\n"
         "Last autumn I flew three thousand miles away from home to Quito.",
         [S("Sam Rivera-Cole", 3000 * 1.609344, None, 3000, "mile")]),
    Case("number words with a hyphen", "Kofi walked sixty-four miles to the border.", [S("Kofi", 64 * 1.609344)]),
    Case("headline line from home, nobody named",
         "This is the story of four young men.\n\nDAY 3: VAN, TURKEY, 1,420 kilometers from Iraqi home\n",
         [S(None, 1420)]),
    Case("speaker after the quote", "“I walked for 300 kilometres,” says Amina, a farmer.",
         [S("Amina", 300, "farmer")]),
    Case("compound adjective journey", "Yusuf made a 900-km journey on foot.", [S("Yusuf", 900)]),
    Case("covering, after a clause with he",
         "Karim's story\n\nKarim, 17, left home when the fighting began. He walked for weeks, covering more "
         "than 3,000 km before reaching the coast.", [S("Karim", 3000)]),
    Case("headline possessive", "From Aleppo to Malmo: Rami's 4,000 km Journey", [S("Rami", 4000)]),
    Case("headline with a person noun, nobody named", "Refugee Mother Walks 60 Miles to Save Her Children",
         [S(None, 60 * 1.609344)]),
    Case("a pair: the first name", "Omar and Manaf, college students, traveled 1,150 km to the coast.",
         [S("Omar", 1150)]),
    Case("the subject, not an earlier object", "After meeting Ahmed, Fatima walked 80 km.", [S("Fatima", 80)]),
    Case("age word before the name", "Nine-year-old Ali walked 50 km.", [S("Ali", 50)]),
    Case("role word before the name", "Grandmother Amina walked 70 km with her grandchildren.",
         [S("Amina", 70, "Grandmother")]),
    Case("possessive name", "Ali's 2,500-kilometre journey ended in Rome.", [S("Ali", 2500)]),
    Case("age after the name", "Hamid, 34, walked 500 km from Kabul.", [S("Hamid", 500)]),
    Case("teaser with a read-more tail", "Andrew, Surgeon\n5,701 kms from home | Read more\n",
         [S("Andrew", 5701, "Surgeon")]),
    Case("miles abbreviated", "Rosa hiked 12 mi to the shelter.", [S("Rosa", 12 * 1.609344, None, 12, "mile")]),
    Case("teaser with a space as thousands separator", "Lena, Teacher\n3 180 km from home\n",
         [S("Lena", 3180, "Teacher", 3180, "km")]),
    Case("teaser with a no-break space as thousands separator", "Read more\n1\u00a0075 km from home\n",
         [S(None, 1075)]),
    Case("teaser with a narrow space as thousands separator", "Read more\n12\u202f040 km from home\n",
         [S(None, 12040)]),
    Case("a byline line just above the traveller's name",
         "The road north\nBy Ama Owusu\nKwame Boateng left Wa in 2018. Over many months he walked and hitched, "
         "covering some 2,100 kilometres before he reached the coast.", [S("Kwame Boateng", 2100)]),
    Case("a heading line just above the traveller's name",
         "Stories from Tamale\nAbena Darko left Bolga in May. She walked 420 km to the border.",
         [S("Abena Darko", 420)]),
    Case("number words in a relative clause after an apposition",
         "At the port he met Kojo, a tailor from Tema, who had come six hundred kilometres on foot.",
         [S("Kojo", 600, "tailor")]),
    Case("digits in a relative clause", "Efua, who had come 350 km from the north, found work.", [S("Efua", 350)]),
    Case("prose with a spaced thousand", "Tomas cycled 1 320 kilometres to reach his family.", [S("Tomas", 1320)]),
    # A named person's routine distance is a distance travelled (CONTRACT: `the distance
    # travelled`; not a campaign or population total): generalisation3 s03 counts one.
    # Changed at stop 10 from a negative; see tests/test_stories_shapes4.py for the rate tables.
    Case("a named person's daily walk for water", "Efia walked 9 km a day to the river for water.",
         [S("Efia", 9)]),
]

NEGATIVE = [
    Case("campaign total", "The 2 Billion Kilometers to Safety campaign asks runners to log their kilometres.", []),
    Case("aggregate each year", "Refugees collectively travel approximately two billion kilometers each year.", []),
    Case("population averages",
         "In 2016, Rohingya refugees collectively traveled an estimated 80 kilometers, Syrian refugees "
         "traveled more than 240 kilometers.", []),
    Case("population subject", "Syrian refugees traveled more than 240 kilometers.", []),
    Case("distance between places", "The town is located roughly eight kilometers (five miles) southeast of the city.",
         []),
    Case("journey in days only", "Most of the mothers had walked for multiple days with their children.", []),
    Case("areas are not distances", "Area: 207,595 km sq\nCampus 36 square kilometres\nDensity 20.5/km2", []),
    Case("a road, not a person", "The pipeline runs 300 km through the desert.", []),
    Case("speeds", "The bus drove at 80 km/h for hours.", []),
    Case("no distance at all", "She fled on foot with her two siblings.", []),
    Case("a daily walk of nobody named is no story", "He was forced to walk 20 km to school every day.", []),
    Case("aid, not a person, came by truck", "Aid came 500 km by truck from the port.", []),
    Case("food had come by lorry", "Food had come 200 km by lorry before the rains.", []),
    Case("thousands of a nationality", "Thousands of Syrians walked 500 km to the border.", []),
    Case("many refugees", "Many refugees walk more than 1,000 km.", []),
    Case("sea distances", "The boat sailed 200 nautical miles.", []),
]

# Spaced thousands: only groups of exactly three digits join a number.
SPACED = [("3 180 km from home", 3180.0), ("In 2019 640 km were walked", 640.0),
          ("1 000 000 km", 1_000_000.0), ("12 km", 12.0), ("Day 3 of 5 km walks", 5.0),
          ("2'450 km", 2450.0), ("a 12 4567 km code", 4567.0)]


@pytest.mark.parametrize("text,value", SPACED)
def test_spaced_thousands(text, value):
    assert [d.value for d in find_distances(text)] == [value]


def _check(got, want):
    assert len(got) == len(want), [(g.name, g.distance_km) for g in got]
    for g, w in zip(got, want):
        assert g.name == w.name
        assert math.isclose(g.distance_km, w.km, rel_tol=1e-6)
        if w.role is not None:
            assert g.role == w.role
        if w.distance is not None:
            assert g.distance == w.distance
        if w.unit is not None:
            assert g.distance_unit == w.unit
        assert g.rule.startswith("story.")


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.name)
def test_stories(case):
    _check(stories(case.text), case.stories)


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda c: c.name)
def test_not_stories(case):
    assert stories(case.text) == []


@pytest.mark.parametrize("case", POSITIVE, ids=lambda c: c.name)
def test_snippet_holds_the_distance_as_written(case):
    text = case.text
    for s in stories(text):
        snippet = s.span.snippet(text)
        assert any(d.start >= s.span.start and d.end <= s.span.end and d.value == s.distance
                   for d in find_distances(text)), snippet


def test_seed_teasers():
    text = ("Andrew, Pediatric surgeon\n5,701 kms from home\nRead more\n9,448 kms from home\nRead more\n"
            "2,018 kms from home\nRead more\nLauren, student\n9,204 kms from home\nRead more\n\n\nIOM in Belarus\n")
    got = stories(text)
    assert [(s.name, s.role, s.distance_km) for s in got] == [
        ("Andrew", "Pediatric surgeon", 5701.0), (None, None, 9448.0), (None, None, 2018.0),
        ("Lauren", "student", 9204.0)]


NUMBER_WORDS = [("four thousand", 4000), ("sixty-four", 64), ("Three Thousand", 3000),
                ("two hundred and fifty", 250), ("a thousand", 1000), ("one million", 1_000_000),
                ("thousand", None), ("many", None), ("", None),
                ("a hundred", 100), ("an eighty", 80), ("a two-thousand", 2000), ("a two hundred", 200),
                ("a", None), ("a many", None)]


@pytest.mark.parametrize("text,value", NUMBER_WORDS)
def test_number_words(text, value):
    assert parse_number_words(text) == value


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text):
    for s in stories(text):
        assert s.span.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Alin ", "she ", "We ", "walked ", "trekked ", "64 miles ", "(102 km) ",
                                 "four thousand miles ", "from home", "\n", ", ", ". ", "“", "”", "BY Ana Roe\n",
                                 "5,701 kms from home\n", "Read more\n", "Omar, student\n", "collectively ",
                                 "refugees ", "the ", "sixty-four km "]), max_size=25).map("".join))
def test_spans_hold_the_distance_as_written(text):
    for s in stories(text):
        snippet = s.span.snippet(text)
        assert any(d.start >= s.span.start and d.end <= s.span.end and d.value == s.distance
                   for d in find_distances(text)), snippet


def test_speed_on_a_long_run_of_spaced_numbers():
    import time
    text = "101 " * 100_000 + "km"
    t = time.perf_counter()
    find_distances(text)
    assert time.perf_counter() - t < 5


def test_speed_on_a_long_page():
    import time
    text = ("Read more\n2,310 kms from home\n" + "Omar walked 40 km to the border. He was tired. " * 50 + "\n") * 40
    t = time.perf_counter()
    stories(text)
    assert time.perf_counter() - t < 10
