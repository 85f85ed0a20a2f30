"""Contacts: obfuscated e-mails in other languages, `House`/`Plot` street heads,
more street words and labels. Strings written for the test, in real page shapes.
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract.contacts import extract_contacts
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    name: str
    text: str
    want: list                     # (kind, value) pairs that must be among the records
    country: str | None = None


def kinds(text, country=None):
    recs, _ = extract_contacts(Doc.from_text(text, country_iso2=country))
    for r in recs:
        assert r.span.snippet(text) == r.raw
    return {(r.kind, r.value) for r in recs}


EMAILS = [
    Case("Portuguese [arroba]", "Escreva para secretaria [arroba] amigos-do-rio.org.mz",
         [("email", "secretaria@amigos-do-rio.org.mz")]),
    Case("Spanish (arroba) and [punto]", "Correo: contacto (arroba) fundacion-sol [punto] org",
         [("email", "contacto@fundacion-sol.org")]),
    Case("German [ät]", "E-Mail: buero[ät]heimatverein-nord.de",
         [("email", "buero@heimatverein-nord.de")]),
    Case("(at) and (dot)", "Mail: office(at)zavod-lipa(dot)si",
         [("email", "office@zavod-lipa.si")]),
]


@pytest.mark.parametrize("case", EMAILS, ids=[c.name for c in EMAILS])
def test_obfuscated_emails(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert not any(k == "website" for k, _ in got)


EMAIL_NEGATIVES = [
    ("an [arroba] with nothing around it", "Use the sign [arroba] in addresses."),
    ("a bracketed punto in prose", "Il punto (punto) della questione resta aperto."),
]


@pytest.mark.parametrize("name,text", EMAIL_NEGATIVES, ids=[n for n, _ in EMAIL_NEGATIVES])
def test_no_emails(name, text):
    assert not any(k == "email" for k, _ in kinds(text))


STREETS = [
    Case("Slovene square word after the name", "Zavod Test\nKongresni trg 12\n1000 Ljubljana\nSlovenia",
         [("organization", "Zavod Test"), ("street", "Kongresni trg 12"), ("city", "Ljubljana")]),
    Case("Slovene road word, one line", "Društvo Lipa\nTrubarjeva cesta 5, 2000 Maribor",
         [("organization", "Društvo Lipa"), ("street", "Trubarjeva cesta 5"), ("city", "Maribor")]),
    Case("Italian small square first", "Biblioteca Test\nPiazzetta dei Mulini, 4\n47890 San Marino",
         [("organization", "Biblioteca Test"), ("street", "Piazzetta dei Mulini, 4")]),
]


@pytest.mark.parametrize("case", STREETS, ids=[c.name for c in STREETS])
def test_street_words(case):
    assert set(case.want) <= kinds(case.text, case.country)


STREET_NEGATIVES = [
    ("a square word in prose, no number after it", "We met on the trg near the river in 2019."),
    ("a basket word before a count", "Una cesta con 5 mele e 12 pere."),
]


@pytest.mark.parametrize("name,text", STREET_NEGATIVES, ids=[n for n, _ in STREET_NEGATIVES])
def test_no_street(name, text):
    assert not any(k == "street" for k, _ in kinds(text))


HOUSE_HEADS = [
    Case("Ghanaian `House No.` starts the street; the name line stays the organization",
         "Savanna Test Trust\nHouse No. 14, Kofi Annan Avenue, North Legon\nGhana",
         [("organization", "Savanna Test Trust"), ("street", "House No. 14, Kofi Annan Avenue")]),
    Case("Nigerian `Plot` starts the street",
         "Lagos Test Initiative\nPlot 5, Adeola Odeku Street, Victoria Island, Lagos\nNigeria",
         [("organization", "Lagos Test Initiative"), ("street", "Plot 5, Adeola Odeku Street")]),
]


@pytest.mark.parametrize("case", HOUSE_HEADS, ids=[c.name for c in HOUSE_HEADS])
def test_house_heads(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert not any(k == "organization" and v.startswith(("House", "Plot")) for k, v in got)


HOUSE_NEGATIVES = [
    ("a house count in prose", "The project rebuilt House 14 and 20 classrooms in 2019."),
]


@pytest.mark.parametrize("name,text", HOUSE_NEGATIVES, ids=[n for n, _ in HOUSE_NEGATIVES])
def test_no_house_street(name, text):
    assert not any(k == "street" for k, _ in kinds(text))


LABELS = [
    Case("Portuguese seat label; `n.º` number stays with the street; city and country after it",
         "Associação Teste\nSede: Rua da Paz, n.º 45, Beira, Moçambique",
         [("organization", "Associação Teste"), ("street", "Rua da Paz, n.º 45"), ("city", "Beira"),
          ("country", "Moçambique")]),
    Case("Dutch visiting address label",
         "Stichting Teste\nBezoekadres: Oudegracht 12, 3511 AB Utrecht",
         [("street", "Oudegracht 12"), ("city", "Utrecht"), ("postal_code", "3511 AB")]),
    Case("consular section is a phone label",
         "Embassy of Testland\nTel: +81 3 5555 0100\nConsular section: +81 3 5555 0199",
         [("phone", "+81355550100"), ("phone", "+81355550199")]),
]


@pytest.mark.parametrize("case", LABELS, ids=[c.name for c in LABELS])
def test_labels(case):
    assert set(case.want) <= kinds(case.text, case.country)


LABEL_NEGATIVES = [
    ("a consular section in prose with a year", "The consular section opened in 2019 with 12 staff."),
]


@pytest.mark.parametrize("name,text", LABEL_NEGATIVES, ids=[n for n, _ in LABEL_NEGATIVES])
def test_no_label_phone(name, text):
    assert not any(k == "phone" for k, _ in kinds(text))


HOUSE_ROADS = [
    Case("Dhaka `House N, Road N` is the street; the name line stays the organization",
         "Sundar Test Forum (STF)\nAddress: House 21, Road 7, Block C, Niketan, Dhaka-1212, Bangladesh",
         [("organization", "Sundar Test Forum (STF)"), ("street", "House 21, Road 7"), ("city", "Dhaka"),
          ("postal_code", "1212"), ("country", "Bangladesh")]),
    Case("a lettered house and `Road No.`",
         "Test Samity\nHouse 8/A, Road No. 4, Dhanmondi, Dhaka 1205, Bangladesh",
         [("organization", "Test Samity"), ("street", "House 8/A, Road No. 4")]),
]


@pytest.mark.parametrize("case", HOUSE_ROADS, ids=[c.name for c in HOUSE_ROADS])
def test_house_roads(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert not any(k == "organization" and v.startswith("House") for k, v in got)


HOUSE_ROAD_NEGATIVES = [
    ("a house and a road count in prose", "We rebuilt the Town House in 2014, the Road 7 years later."),
]


@pytest.mark.parametrize("name,text", HOUSE_ROAD_NEGATIVES, ids=[n for n, _ in HOUSE_ROAD_NEGATIVES])
def test_no_house_road(name, text):
    assert not any(k == "street" for k, _ in kinds(text))


COUNTRY_NAMES = [
    Case("`Lao PDR` after a PO box and city",
         "Test Association\nAddress: P.O. Box 6410, Vientiane, Lao PDR",
         [("street", "P.O. Box 6410"), ("city", "Vientiane"), ("country", "Lao PDR")]),
    Case("Czech name of the country", "Test Spolek\nKongresni trg 3, 120 00 Praha 2, Česká republika",
         [("country", "Česká republika")]),
]


@pytest.mark.parametrize("case", COUNTRY_NAMES, ids=[c.name for c in COUNTRY_NAMES])
def test_country_names(case):
    assert set(case.want) <= kinds(case.text, case.country)


def test_lao_in_prose_is_no_country_record():
    assert not any(k == "country" for k, _ in kinds("The Lao PDR delegation met in 2019 to plan 12 projects."))


PASSING_ROWS = [
    Case("Italian hours row between name and street",
         "Galleria Test\nOrario: mar-dom 9:00-17:00\nPiazza Garibaldi, 3\n47890 San Marino",
         [("organization", "Galleria Test"), ("street", "Piazza Garibaldi, 3")]),
    Case("English opening hours row",
         "Test Institute\nOpening hours: Mon-Fri 9am-5pm\n12 Mill Road\nCambridge CB1 2AB",
         [("organization", "Test Institute"), ("street", "12 Mill Road")]),
]


@pytest.mark.parametrize("case", PASSING_ROWS, ids=[c.name for c in PASSING_ROWS])
def test_passing_rows(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert sum(k == "organization" for k, _ in got) == 1


def test_other_rows_still_end_the_name_search():
    # a fact row that is no hours row is not skipped: its value is no organization here
    got = kinds("Founded: 1998\n12 Mill Road\nCambridge CB1 2AB")
    assert not any(k == "organization" for k, _ in got)


FOOTER_LINES = [
    Case("one-line footer: street, city and a four-digit code before a separator",
         "Test College, Mirpur Rd, Dhaka 1205 · Phone: +880 2 5555 0101",
         [("street", "Mirpur Rd"), ("city", "Dhaka"), ("postal_code", "1205"), ("phone", "+880255550101")]),
    Case("street, city and code at the line end", "Mirpur Rd, Dhaka 1205",
         [("city", "Dhaka"), ("postal_code", "1205")]),
]


@pytest.mark.parametrize("case", FOOTER_LINES, ids=[c.name for c in FOOTER_LINES])
def test_footer_lines(case):
    assert set(case.want) <= kinds(case.text, case.country)


FOOTER_NEGATIVES = [
    ("a year after a street and a place", "We met at 12 Mill Road, Cambridge 2019, and again later."),
    ("a count after a place in prose", "Volunteers in Mirpur, Dhaka 1205 people joined."),
]


@pytest.mark.parametrize("name,text", FOOTER_NEGATIVES, ids=[n for n, _ in FOOTER_NEGATIVES])
def test_no_footer_code(name, text):
    assert not any(k == "postal_code" for k, _ in kinds(text))


def test_footer_line_starts_with_the_organisation():
    got = kinds("Test College, Mirpur Rd, Dhaka 1205 · Phone: +880 2 5555 0101")
    assert ("organization", "Test College") in got


@pytest.mark.parametrize("text", [
    "Oxfam Test House, John Smith Drive, Oxford OX4 2JY",     # a building's name is no organisation
    "Visit us, 12 Mill Road, Cambridge CB1 2AB",              # a phrase, not a name
], ids=["building", "phrase"])
def test_footer_line_without_an_organisation(text):
    assert not any(k == "organization" for k, _ in kinds(text))


from profile_extract.parse.emails import find_emails, find_urls  # noqa: E402

GLUED = [
    ("an obfuscated e-mail glued to the site address",
     "E-mail: info(at)zavod-test(dot)orgwww.zavod-test.org", ["info@zavod-test.org"],
     ["http://www.zavod-test.org"]),
    ("a plain e-mail glued to the site address", "Mail kontakt@test.siwww.test.si", ["kontakt@test.si"],
     ["http://www.test.si"]),
    ("an e-mail glued to the next capitalised label", "E-mail: post(at)zavod-test(dot)orgOffice hours: 9",
     ["post@zavod-test.org"], []),
    ("a site glued to the next heading", "Web: www.test-zavod.orgMigrant Centre", [],
     ["http://www.test-zavod.org"]),
]


@pytest.mark.parametrize("name,text,emails,urls", GLUED, ids=[g[0] for g in GLUED])
def test_glued_tlds(name, text, emails, urls):
    assert [m.value for m in find_emails(text)] == emails
    assert [m.value for m in find_urls(text)] == urls


@pytest.mark.parametrize("text,want", [
    ("www.unHCR.org", "http://www.unHCR.org"),                        # mixed case inside the host
    ("https://www.example.com/PageName", "https://www.example.com/PageName"),   # a path keeps its case
    ("mail me at name@mywwwsite.org", None),
], ids=["host", "path", "www inside a domain"])
def test_not_glued(text, want):
    if want:
        assert [m.value for m in find_urls(text)] == [want]
    else:
        assert [m.value for m in find_emails(text)] == ["name@mywwwsite.org"]


GLUED_PHONES = [
    Case("a fax label glued to the phone's last digit",
         "Phone: +386 (0)1 555 12 88Fax: +386 (0)1 555 12 89", [("phone", "+38615551288"), ("fax", "+38615551289")]),
    Case("a hotline label glued on", "Tel. 02 555 56 10Hotline: 080 55 55", [("phone", "+38625555610")], "SI"),
]


@pytest.mark.parametrize("case", GLUED_PHONES, ids=[c.name for c in GLUED_PHONES])
def test_glued_phone_labels(case):
    assert set(case.want) <= kinds(case.text, case.country)


@pytest.mark.parametrize("text", ["Order 0800 555 123Mb of storage", "Code 4455 6677 88Faxes arrived"],
                         ids=["unit", "longer word"])
def test_glued_other_words_make_no_phone(text):
    assert not any(k in ("phone", "fax") for k, _ in kinds(text, "SI"))


@pytest.mark.parametrize("text,city", [
    ("Test\nHauptstr. 5\n10115 BerlinGermany", "Berlin"),
    ("Zavod Test\nSI-1000 LjubljanaSloveniaPhone: +386 1 555 12 88", "Ljubljana"),
], ids=["country glued", "country and label glued"])
def test_city_cut_before_a_glued_country(text, city):
    got = kinds(text)
    assert ("city", city) in got
    assert any(k == "country" for k, _ in got)   # the glued country is read too


@pytest.mark.parametrize("text,city", [
    ("McDonald Street 5, 1000 McLean", "McLean"),        # a camel-case name that is no country
    ("Test\nHauptstr. 5\n10115 Berlin", "Berlin"),
], ids=["camel-case city", "plain"])
def test_city_not_cut(text, city):
    assert ("city", city) in kinds(text)


def test_city_cut_before_a_glued_label():
    got = kinds("Zavod Test\nTrubarjeva cesta 5, 2000 MariborTel. 02 555 56 10")
    assert ("city", "Maribor") in got and ("street", "Trubarjeva cesta 5") in got


def test_city_starting_like_a_label_is_kept():
    assert ("city", "Telfs") in kinds("Test\nHauptstr. 5\n10115 Telfs")


@pytest.mark.parametrize("text", [
    "Zavod Test\nTrubarjeva cesta 5, 2000 Maribor\nBank account: SI56 0201 0001 2345 678",
    "Verein Test\nHauptstr. 5, 10115 Berlin\nKonto DE44 5001 0517 5407 3249 31",
], ids=["slovene", "german"])
def test_iban_digits_are_no_phone(text):
    assert not any(k in ("phone", "fax") for k, _ in kinds(text, "SI"))


def test_unlabelled_phone_in_a_block_still_counts():
    got = kinds("Zavod Test\nTrubarjeva cesta 5, 2000 Maribor\n+386 2 555 56 10")
    assert ("phone", "+38625555610") in got


def test_a_glued_label_is_no_country():
    got = kinds("Zavod Test\nTrubarjeva cesta 5, 2000 MariborTel. 02 555 56 10")
    assert not any(k == "country" for k, _ in got)


def test_street_glued_to_the_name_before_it():
    got = kinds("Migrant Test CentreTrubarjeva cesta 5, 2000 MariborTel. 02 555 56 10")
    assert ("street", "Trubarjeva cesta 5") in got and ("organization", "Migrant Test Centre") in got


@pytest.mark.parametrize("text,street", [
    ("Test\nMacArthur Road 5\nNairobi, Kenya", "MacArthur Road 5"),
    ("Test\nMcDonald Street 5, 1000 McLean", "McDonald Street 5"),
], ids=["Mac", "Mc"])
def test_camel_case_street_names_kept(text, street):
    assert ("street", street) in kinds(text)
