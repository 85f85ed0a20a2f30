"""Address parts in several countries' orders, and lines that are not addresses."""
from __future__ import annotations

import tomllib
from importlib import resources
from typing import NamedTuple

import pytest

from profile_extract.parse.addresses import country_iso2, find_parts


class Case(NamedTuple):
    text: str
    parts: list            # (kind, value) in order; states left out
    country: str | None = None   # ISO code some part gives the address


CASES = [
    # house number first (US, UK, Commonwealth)
    Case("4400 Massachusetts Ave.\nWashington, D.C. 20016",
         [("street", "4400 Massachusetts Ave."), ("city", "Washington"), ("postal_code", "20016")], "US"),
    Case("12 Harbour Street, Townsville, NY 10016-0903",
         [("street", "12 Harbour Street"), ("city", "Townsville"), ("postal_code", "10016-0903")], "US"),
    Case("810 7th Street, NW\nSuite 300 Springfield, VA 22030",
         [("street", "810 7th Street, NW"), ("city", "Springfield"), ("postal_code", "22030")], "US"),
    Case("55 Maple Road,\nKingston, Ontario K7L 3N6",
         [("street", "55 Maple Road"), ("city", "Kingston"), ("postal_code", "K7L 3N6")], "CA"),
    Case("9 Orchard Lane\nBrisbane QLD 4000\nAustralia",
         [("street", "9 Orchard Lane"), ("city", "Brisbane"), ("postal_code", "4000"),
          ("country", "Australia")], "AU"),
    Case("Hill House, Meadow Drive\nOxford OX1 2AB",
         [("street", "Meadow Drive"), ("city", "Oxford"), ("postal_code", "OX1 2AB")], "GB"),
    Case("7, Lesnoy Pereulok, Gomel 246000",
         [("street", "7, Lesnoy Pereulok"), ("city", "Gomel"), ("postal_code", "246000")]),
    # street word first, number after (continental Europe)
    Case("Avenue des Arts 45, B-1040 Bruxelles, Belgique",
         [("street", "Avenue des Arts 45"), ("postal_code", "B-1040"), ("city", "Bruxelles"),
          ("country", "Belgique")], "BE"),
    Case("Via Nazionale 89, 00184 Roma RM, Italia",
         [("street", "Via Nazionale 89"), ("postal_code", "00184"), ("city", "Roma"),
          ("country", "Italia")], "IT"),
    Case("Viale del Parco Verde\n00153 Roma",
         [("street", "Viale del Parco Verde"), ("postal_code", "00153"), ("city", "Roma")]),
    Case("12 bis Chemin des Vignes\nCH-1202 Genève 3, Suisse",
         [("street", "12 bis Chemin des Vignes"), ("postal_code", "CH-1202"), ("city", "Genève"),
          ("country", "Suisse")], "CH"),
    Case("Lindenstraße 14\n10969 Berlin\nDeutschland",
         [("street", "Lindenstraße 14"), ("postal_code", "10969"), ("city", "Berlin"),
          ("country", "Deutschland")], "DE"),
    Case("Karl-Marx-Str. 5 04109 Leipzig Germany",
         [("street", "Karl-Marx-Str. 5"), ("postal_code", "04109"), ("city", "Leipzig"),
          ("country", "Germany")], "DE"),
    Case("Kirkegata 7 N-0153 Oslo Norway",
         [("street", "Kirkegata 7"), ("postal_code", "N-0153"), ("city", "Oslo"), ("country", "Norway")], "NO"),
    Case("Strada Florilor 3, MD-2012 Chișinău",
         [("street", "Strada Florilor 3"), ("postal_code", "MD-2012"), ("city", "Chișinău")], "MD"),
    Case("Postbus 1234, 2500 EB Den Haag",
         [("pobox", "Postbus 1234"), ("postal_code", "2500 EB"), ("city", "Den Haag")]),
    Case("Kálvin tér 5, 1053 Budapest",
         [("street", "Kálvin tér 5"), ("postal_code", "1053"), ("city", "Budapest")]),
    # PO boxes
    Case("P.O. Box 4567 - 00200 Nairobi, Kenya",
         [("pobox", "P.O. Box 4567"), ("postal_code", "00200"), ("city", "Nairobi"), ("country", "Kenya")], "KE"),
    Case("P.O. Box 12345-00100, Nairobi",
         [("pobox", "P.O. Box 12345"), ("postal_code", "00100"), ("city", "Nairobi")]),
    Case("PF 11 22 33\n60311 Frankfurt am Main",
         [("pobox", "PF 11 22 33"), ("postal_code", "60311"), ("city", "Frankfurt am Main")]),
    # country first, house number after the street (Russian-style order)
    Case("Адрес: India, 560059, Bangalore, Mysore Road, 8-A",
         [("country", "India"), ("postal_code", "560059"), ("city", "Bangalore"),
          ("street", "Mysore Road, 8-A")], "IN"),
    Case("Адрес: 101000, Москва, ул. Мясницкая, 20",
         [("postal_code", "101000"), ("city", "Москва"), ("street", "ул. Мясницкая, 20")]),
    # India: PIN with a space or after a dash
    Case("Park Street, 700 016 Kolkata India",
         [("street", "Park Street"), ("postal_code", "700 016"), ("city", "Kolkata"),
          ("country", "India")], "IN"),
    Case("New Delhi - 110011",
         [("city", "New Delhi"), ("postal_code", "110011")]),
    Case("Rorschacher Strasse 5, 9000 St. Gallen",
         [("street", "Rorschacher Strasse 5"), ("postal_code", "9000"), ("city", "St. Gallen")]),
    Case("1 Market St., St. Louis, MO 63101",
         [("street", "1 Market St."), ("city", "St. Louis"), ("postal_code", "63101")], "US"),
    Case("Av. Presidente Vargas 1000, 20071-004 Rio de Janeiro, Brazil",
         [("street", "Av. Presidente Vargas 1000"), ("postal_code", "20071-004"), ("city", "Rio de Janeiro"),
          ("country", "Brazil")], "BR"),
    Case("1-1-1 Tenjin, Chuo-ku, Fukuoka 810-0001, Japan",
         [("street", "1-1-1 Tenjin"), ("city", "Fukuoka"), ("postal_code", "810-0001"), ("country", "Japan")], "JP"),
    Case("Address: 9 Gen. Ivan Petrov Str., 0162 Tbilisi, Georgia",
         [("street", "9 Gen. Ivan Petrov Str."), ("postal_code", "0162"), ("city", "Tbilisi"),
          ("country", "Georgia")], "GE"),
    Case("Kyiv 01001, Ukraine",
         [("city", "Kyiv"), ("postal_code", "01001"), ("country", "Ukraine")], "UA"),
    # a place adjective before a one-word street belongs to the street
    Case("Bonner Talweg 8\n53113 Bonn",
         [("street", "Bonner Talweg 8"), ("postal_code", "53113"), ("city", "Bonn")]),
    Case("Kasseler Landstraße 17, 34117 Kassel",
         [("street", "Kasseler Landstraße 17"), ("postal_code", "34117"), ("city", "Kassel")]),
    Case("Galvanistraße 28\n60486 Frankfurt am Main",
         [("street", "Galvanistraße 28"), ("postal_code", "60486"), ("city", "Frankfurt am Main")]),
    # a `Name Number` street with no street word, right before its postal code and city
    Case("Raekoja 4, 51004 Tartu",
         [("street", "Raekoja 4"), ("postal_code", "51004"), ("city", "Tartu")]),
    Case("Laugavegur 77\n101 Reykjavík\nIceland",
         [("street", "Laugavegur 77"), ("postal_code", "101"), ("city", "Reykjavík"), ("country", "Iceland")]),
    Case("Domicilio: Colonia 810, piso 3\n11100 Montevideo, Uruguay",
         [("street", "Colonia 810"), ("postal_code", "11100"), ("city", "Montevideo"), ("country", "Uruguay")]),
    Case("Florida 540, oficina 12, 1005 Buenos Aires",
         [("street", "Florida 540"), ("postal_code", "1005"), ("city", "Buenos Aires")]),
    Case("Tuna 8, 2. korrus\nTallinn, Estonia",   # not a floor word we know: no street
         [("city", "Tallinn"), ("country", "Estonia")], "EE"),
    Case("Rambla 1200, 2.º planta\nMontevideo, Uruguay",
         [("street", "Rambla 1200"), ("city", "Montevideo"), ("country", "Uruguay")], "UY"),
    Case("Andrássy 31, 2. emelet\nH-1061 Budapest",
         [("street", "Andrássy 31"), ("postal_code", "H-1061"), ("city", "Budapest")], "HU"),
    # a heading word or a year before a number is no street above a place line
    Case("Chapter 4\nGeneva, Switzerland", [("city", "Geneva"), ("country", "Switzerland")], "CH"),
    Case("Founded 1950\nMontevideo, Uruguay", [("city", "Montevideo"), ("country", "Uruguay")], "UY"),
    Case("Mannerheimintie 14\n00100 Helsinki",
         [("street", "Mannerheimintie 14"), ("postal_code", "00100"), ("city", "Helsinki")]),
    Case("Aleksanterinkatu 7\n00100 Helsinki",
         [("street", "Aleksanterinkatu 7"), ("postal_code", "00100"), ("city", "Helsinki")]),
    Case("Av. Corrientes 1500, 3º piso\nC1042 Buenos Aires, Argentina",
         [("street", "Av. Corrientes 1500"), ("postal_code", "C1042"), ("city", "Buenos Aires"),
          ("country", "Argentina")], "AR"),
    # directional words after the street word stay in the street
    Case("240 Queen Street West, Suite 7\nToronto, ON M5V 1Z6",
         [("street", "240 Queen Street West"), ("city", "Toronto"), ("postal_code", "M5V 1Z6")], "CA"),
    Case("75 King Street East\nHamilton, ON L8N 1A9",
         [("street", "75 King Street East"), ("city", "Hamilton"), ("postal_code", "L8N 1A9")], "CA"),
    # ... but not a directional word that begins the next place's name
    Case("12 Main Street North Sydney",
         [("street", "12 Main Street")]),
    # postcode first, then a city marker (`г.`), then the street (Kyrgyz/Kazakh/Russian order)
    Case("Адрес: 050010, г. Алматы, пр. Достык, д. 44",
         [("postal_code", "050010"), ("city", "Алматы"), ("street", "пр. Достык, д. 44")]),
    Case("690091, г. Владивосток, ул. Светланская, 12",
         [("postal_code", "690091"), ("city", "Владивосток"), ("street", "ул. Светланская, 12")]),
    Case("050000 г. Шымкент, ул. Байтурсынова, 12",
         [("postal_code", "050000"), ("city", "Шымкент"), ("street", "ул. Байтурсынова, 12")]),
    Case("Адрес: 734025, Республика Таджикистан, г. Душанбе, пр. Рудаки, 40",
         [("postal_code", "734025"), ("country", "Республика Таджикистан"), ("city", "Душанбе"),
          ("street", "пр. Рудаки, 40")], "TJ"),
    Case("Адрес: г. Ош, ул. Ленина, 205",
         [("city", "Ош"), ("street", "ул. Ленина, 205")]),
    # Baltic street words after the name; a date that names a street
    Case("Pärnu mnt 22\n10141 Tallinn", [("street", "Pärnu mnt 22"), ("postal_code", "10141"), ("city", "Tallinn")]),
    Case("Brīvības iela 58, LV-1011 Rīga",
         [("street", "Brīvības iela 58"), ("postal_code", "LV-1011"), ("city", "Rīga")], "LV"),
    Case("Gedimino pr. 9\nLT-01103 Vilnius",
         [("street", "Gedimino pr. 9"), ("postal_code", "LT-01103"), ("city", "Vilnius")], "LT"),
    Case("Calle 25 de Mayo 460\n11000 Montevideo",
         [("street", "Calle 25 de Mayo 460"), ("postal_code", "11000"), ("city", "Montevideo")]),
    # a locality before `City, Country` on a line without a street
    Case("Baneshwor, Kathmandu, Nepal",
         [("city", "Kathmandu"), ("country", "Nepal")], "NP"),
]

# Known gaps, kept visible.
GAPS = [
    # a plural noun ending in -er before a street is taken for a place adjective
    Case("Mitglieder Lindenstraße 4", [("street", "Lindenstraße 4")]),
    # a three-digit postcode counts only with a country after the city
    Case("Borgartún 21\n105 Reykjavík",
         [("street", "Borgartún 21"), ("postal_code", "105"), ("city", "Reykjavík")]),
    # a stair or entrance letter after the house number is cut off
    Case("Hämeenkatu 5 B\n33100 Tampere",
         [("street", "Hämeenkatu 5 B"), ("postal_code", "33100"), ("city", "Tampere")]),
]


@pytest.mark.parametrize("case", GAPS, ids=[c.text[:40] for c in GAPS])
@pytest.mark.xfail(strict=True, reason="known gap")
def test_address_gaps(case):
    assert [(p.kind, p.value) for p in find_parts(case.text) if p.kind != "state"] == case.parts


@pytest.mark.parametrize("case", CASES, ids=[c.text.split("\n")[0][:40] for c in CASES])
def test_address_parts(case):
    parts = [p for p in find_parts(case.text) if p.kind != "state"]
    assert [(p.kind, p.value) for p in parts] == case.parts
    for p in parts:
        assert case.text[p.start:p.end] == p.value
    if case.country:
        assert case.country in {p.country for p in parts}


# Prose and numbers that are not address parts.
NEGATIVES = [
    "In 2008 IOM signed a memorandum.",
    "The office was opened in December 1996 in Minsk.",
    "Since 1994 The country has taken part.",
    "GA res. 2841 (XXVI) of 18 Oct. 1971 GA res. 52/118",
    "More than 1500 cities joined; 12.000 members in 2015.",
    "The population was 9,500,000 in 2015 and 2016.",
    "About 3000 People crossed the border.",
    "© 2019 Northern Refugee Aid. All rights reserved.",
    "Copyright 2008 The Example Foundation",
    # a label and a year or a count before a code-shaped number is no bare street
    "Founded 1924\n103 Reykjavík",
    "Volunteers 3100\n250 Members",
    "Chapter 12, 100 Pages",
    "Level 4, 2000 Sydney",
    "Room 12\n305 Delegates",
    "В 1998 г. Ташкент, Бишкек и Душанбе подписали соглашение.",   # the year's г. (год)
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_address(text):
    assert [(p.kind, p.value) for p in find_parts(text)] == []


@pytest.mark.parametrize("name,code", [
    ("Republic of Belarus", "BY"), ("Belarus", "BY"), ("Indien", "IN"), ("Schweiz", "CH"),
    ("US", "US"), ("United Kingdom", "GB"), ("Italia", "IT"), ("Kenya", "KE"), ("Deutschland", "DE"),
    ("Sénégal", "SN"), ("Allemagne", "DE"), ("Suíça", "CH"), ("Индия", "IN"), ("Zwitserland", "CH"),
])
def test_country_names(name, code):
    assert country_iso2(name) == code


def _data():
    with resources.files("profile_extract.data").joinpath("contacts.toml").open("rb") as fh:
        return tomllib.load(fh)


@pytest.mark.parametrize("row", _data()["postal"], ids=lambda r: r["example"])
def test_every_postal_example_parses_back(row):
    """Each postal-code row carries an example line that gives a code of its shape."""
    import re
    parts = find_parts(row["example"])
    codes = [p for p in parts if p.kind == "postal_code"]
    # (matched where the code stands: a row's code may end with a look-ahead at the city)
    m = codes and re.compile(row["code"]).match(row["example"], codes[0].start)
    assert m and m.end() == codes[0].end
    assert any(p.kind == "city" for p in parts)
    if row.get("implies") or row["order"] == "city_state_code":
        assert row["country"] in {p.country for p in parts}


def test_data_file_is_consistent():
    """Every postal pattern compiles, every country alias resolves to a real code."""
    import re

    import pycountry
    with resources.files("profile_extract.data").joinpath("contacts.toml").open("rb") as fh:
        d = tomllib.load(fh)
    for row in d["postal"]:
        re.compile(row["code"])
        assert row["order"] in ("code_city", "city_code", "city_state_code")
        assert row["country"] == "" or pycountry.countries.get(alpha_2=row["country"]) is not None
    for code in list(d["countries"]) + list(d["postal_prefix"].values()) + list(d["states"]):
        assert pycountry.countries.get(alpha_2=code) is not None, code
    for kind in d["labels"]["strong"]:
        assert kind in ("phone", "fax", "email", "website", "address")
