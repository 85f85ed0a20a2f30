"""Stories in the page shapes of generalisation set 5 (extract/stories.py,
parse/distances.py, data/stories.toml). Test strings are written for these tests,
in the same shapes, not copied from any page:

- first-person testimonies: an intro line `Name (age), from Town, works ...` then a quoted
  `I` / `we` paragraph (the intro names the speaker: an age in brackets is a person slot),
  or the quote first and an attribution line under it (`— Name, 31, role from Town`);
- a feature's people introduced as `Name (age), from Town,`, hyphenated first names
  (`Ana-Lucia`), a journey noun after the distance with one describing word between
  (`a 60-mile sea crossing`, `a 300 km bus ride`), the road put behind the traveller
  (`5.5 thousand kilometres behind me`), and a place after `on` that is not the traveller;
- negatives: journeys in days only, distances between places, a sum of several people's
  journeys opening `Together, ...` / `Altogether ...`, an attribution under a sentence that
  gives a distance between places, a path with no traveller, a nationality joined by a hyphen.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from profile_extract.parse.distances import find_distances

sys.path.insert(0, str(Path(__file__).parent))  # tests run with --import-mode=importlib
from test_stories_shapes4 import MI, S, Case, check_snippets, check_stories  # noqa: E402


VOICES = (
    "Road Diaries\n\n"
    "Rustam (38), from Kulob, repairs lifts in Kazan.\n"
    '"In my first year I travelled 2 400 km by bus, two nights without sleep. The second year was easier."\n\n'
    '"We rode 450 km in the back of a lorry to reach the crossing, and nobody spoke the whole way."\n'
    "— Zarina, 31, hospital cleaner from Osh\n\n"
    "Bakhrom (44), from Jizzakh, sells fruit at a market in Tver.\n"
    '"My brother and I covered 1,350 miles in a minibus. We arrived in the snow."\n'
)

FEATURE = (
    "<html><body><article><h1>Four roads north</h1>"
    "<h2>Ana-Lucia</h2><p><strong>Ana-Lucia (29), from Cusco,</strong> left in June. With her daughter she made "
    "a 6,200-kilometre journey through five countries.</p>"
    "<h2>Jean-Marc</h2><p><strong>Jean-Marc (33), from Jacmel,</strong> is a plasterer. He worked in Recife "
    'for three years. "When I got to the river, I had already put 5.5 thousand kilometres behind me," he says.</p>'
    "<h2>Rose-Marie</h2><p>For <strong>Rose-Marie (58), from Port-de-Paix,</strong> the trip was short but "
    "frightening: a 60-mile sea crossing in a fishing boat with forty others.</p>"
    "<h2>Wilner</h2><p><strong>Wilner (40), from Mirebalais,</strong> a farm worker on Eleuthera in the "
    "Bahamas, lives roughly 950 km from the town where he was born.</p>"
    "<aside><p>Cusco is about 3,000 km from Panama City. The ferry route from A to B is some 120 km.</p></aside>"
    "</article></body></html>"
)

POSITIVE = [
    Case("testimonies: intro line with an age in brackets, a quote-first attribution, a couple in miles",
         VOICES, [S("Rustam", 2400), S("Zarina", 450, "hospital cleaner"), S("Bakhrom", 1350 * MI, None, "mile")]),
    Case("feature: hyphenated names, a journey noun, a scale word, a sea crossing, a place after `on`",
         FEATURE, [S("Ana-Lucia", 6200), S("Jean-Marc", 5500, "plasterer"), S("Rose-Marie", 60 * MI, None, "mile"),
                   S("Wilner", 950, "farm worker")], html=True),
    Case("an attribution with an en dash and no age",
         '"I walked 700 km with my shoes in my hand."\n– Musa\n', [S("Musa", 700)]),
    Case("an attribution after the closing quote on the same line",
         'Voices\n"We drove 1,100 km without stopping." — Tamar, 36, nurse\n', [S("Tamar", 1100, "nurse")]),
    Case("an attribution two words long",
         '"We sailed 80 miles at night."\n— Hawa Sesay, fisherwoman\n', [S("Hawa Sesay", 80 * MI, "fisherwoman")]),
    Case("a journey noun with a describing word between", "Kofi took a 300 km bus ride to the coast.",
         [S("Kofi", 300)]),
    Case("a hyphenated adjective form in miles", "Nour made a 250-mile overland trek with her cousins.",
         [S("Nour", 250 * MI)]),
    Case("`Together with` opens one family's journey",
         "Together with her two sons, Ines walked 900 km to the border.", [S("Ines", 900)]),
    Case("a possessive owns the journey noun: resolved as she",
         "Selin (30), from Van, is a nurse. Her 4,100-kilometre trek ended in Calais.", [S("Selin", 4100, "nurse")]),
    Case("the traveller opens the clause after the journey noun",
         "After a 2,000-mile trek, Amara and her son reached the border.", [S("Amara", 2000 * MI)]),
    Case("a short sentence with a full name is no headline", "Yaw Mensah walked 200 km.", [S("Yaw Mensah", 200)]),
    Case("`Meet Name.` introduces the speaker", 'Meet Rahim. He is 30.\n"I drove 650 km in one night."\n',
         [S("Rahim", 650)]),
    Case("a possessive before a story noun names the speaker", "Farah's story\n\"We walked 240 km to the coast.\"\n",
         [S("Farah", 240)]),
    Case("a profile's `Name:` row", "Name: Tenzin\nAge: 44\n\"I walked 1,100 km over the pass.\"\n",
         [S("Tenzin", 1100)]),
    Case("the home as the subject, `away` closing the sentence: resolved as I / she",
         'Omar (29), from Taiz, drives a taxi in Cairo.\n"My family is more than 2,300 km away."\n'
         "Leila (50), from Tabriz, cooks in Hamburg. Her village is 4,400 km away.\n",
         [S("Omar", 2300), S("Leila", 4400)]),
    Case("the home as the subject, the speaker named after the quote",
         '"My parents are 1,900 km away," says Kerim.\n', [S("Kerim", 1900)]),
    Case("the home as the subject of an unnamed speaker", '"Our village is some 600 miles away."\n',
         [S(None, 600 * MI)]),
    Case("an intro with the home town after a comma, no age",
         'Daler, from Kulob, lays bricks in Perm.\n"I travelled 3 300 km by train."\n', [S("Daler", 3300)]),
    Case("the road behind the traveller", "By spring Tomas had left 1,200 km behind him.", [S("Tomas", 1200)]),
    Case("a dash line under a quote that is no name: the speaker stays unnamed",
         '"I walked 30 km."\n— Source: field notes\n', [S(None, 30)]),
    Case("an age in brackets with `aged`", 'Leyla (aged 52) sews in a workshop.\n"I am 3,400 km from my sons."\n',
         [S("Leyla", 3400)]),
]

NEGATIVE = [
    Case("a journey in days only", "Ilyas, 19, spent eight days on the road from Khorog to Samara.", []),
    Case("a distance between places by road", "Samarkand is about 2,700 km from Moscow by road.", []),
    Case("a route between places with `some`", "The sea route from the cape to the island is some 150 km.", []),
    Case("a sum of several people's journeys after a named intro",
         "Dina (27), from Osh, sews in Izhevsk.\n"
         "Together, the interviewees we met had travelled more than 9,000 km to reach their jobs.\n", []),
    Case("a sum of a population", "Together, the 30 women we met had travelled 9,000 km.", []),
    Case("a sum with `altogether`",
         "Aziz, 33, a driver.\nAltogether we have driven 12,000 km for this project.\n", []),
    Case("an attribution on the line of a distance between places",
         '"The camp is 25 km from the border." — Samira, 40, teacher\n', []),
    Case("an attribution under a distance between places",
         '"The border post is 40 km from the town."\n— Samira, 40, teacher\n', []),
    Case("a path with no traveller, a journey noun after a describing word",
         "The park has a 5 km nature walk along the lake.", []),
    Case("a place opening the clause after a journey noun",
         "After a 300 km journey through the desert, Agadez welcomed the trucks.", []),
    Case("nobody opens the clause after a journey noun", "After a 300 km journey, the convoy reached Goma.", []),
    Case("a possessive of a thing", "Its 90 km crossing is the shortest.", []),
    Case("a possessive place is no speaker", "Kabul's markets were closed.\n\"I walked 70 km that week.\"\n",
         [S(None, 70)]),
    Case("a place is the subject of `away`", "Omar (29), from Taiz. The nearest hospital is 40 km away.", []),
    Case("the home's distance from another place", "Leila (50), from Tabriz. Her village is 30 km away from the coast.",
         []),
    Case("a speaker named on a later paragraph's quote is not this one's",
         '"Our town is 800 km away." \n"It was cold," says Nabil.\n', [S(None, 800)]),
    Case("an empty `Name:` row names no one (the next row is no name)",
         'Name:\nEmail:\n"I walked 1,100 km over the pass."\n', [S(None, 1100)]),
    Case("a city before `, from` is no speaker",
         'In Dushanbe, from the bus station, the road goes north.\n"I travelled 900 km."\n', [S(None, 900)]),
    Case("an age in brackets is no distance", "Marco (45), from Lima, works in a bakery.", []),
    Case("a hyphenated nationality or region is no traveller's name",
         "Pan-African convoy crews drove 500 km to the port. Syrian-Armenian crews drove 300 km.", []),
    Case("a population in a feature's intro", "Haitians are leaving by sea: 1.5 million journeys were recorded.", []),
]


# (a negative case wants no story: check_stories compares with its empty list)
@pytest.mark.parametrize("case", POSITIVE + NEGATIVE, ids=lambda c: c.name)
def test_stories_and_their_snippets(case):
    check_stories(case)
    check_snippets(case)


@pytest.mark.parametrize("text,value", [
    ("4.5 thousand kilometres", 4500.0), ("3 100 km", 3100.0), ("a 7,000-kilometre journey", 7000.0),
    ("a 90-mile crossing", 90.0), ("2 650 kilometres", 2650.0),
    # an article before a number word is no `one` (`a thousand` still is 1000)
    ("a three-thousand-mile journey", 3000.0), ("an eighty-mile walk", 80.0), ("a thousand miles", 1000.0),
    # `-plus`, `-odd` and `+` after the number: the number written counts
    ("4,200-plus kilometres", 4200.0), ("700-odd miles", 700.0), ("1,500+ km", 1500.0),
])
def test_distance_shapes(text, value):
    got = find_distances(text)
    assert [d.value for d in got] == [value]
    assert find_distances(text, low=text.lower()) == got
