"""Contacts in the page shapes of the fourth blind set (stop 10): East Asian
address order, Latin-American grid streets and `C.P.` codes, Russian postal
order and table directories, city – country lines with a dash, country
headings, legal forms after a comma, e-mails obfuscated with words, a
full-width `＠` or written backwards. Strings written for the test, in the
same shapes (no page text copied).
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract.contacts import extract_contacts
from profile_extract.ingest.segment import Doc
from profile_extract.parse.emails import find_emails


class Case(NamedTuple):
    name: str
    text: str
    want: list                     # (kind, value) pairs that must be among the records
    country: str | None = None
    content_type: str = "text"


def records(text, country=None, content_type="text"):
    recs, _ = extract_contacts(Doc.from_text(text, country_iso2=country, content_type=content_type))
    for r in recs:
        assert r.span.snippet(text) == r.raw
    return recs


def kinds(text, country=None, content_type="text"):
    return {(r.kind, r.value) for r in records(text, country, content_type)}


# ---------------------------------------------------------------- e-mails

EMAILS = [
    ("Portuguese bare `arroba`", "E-mail: secretaria arroba centro-teste.org.br", "secretaria@centro-teste.org.br"),
    ("French bracketed `arobase`", "Courriel : accueil (arobase) maison-test.fr", "accueil@maison-test.fr"),
    ("Spanish bare `arroba` and `punto`", "Correo: info arroba red-sur punto org", "info@red-sur.org"),
    ("full-width at sign", "Mail: kyoto＠test-kai.jp", "kyoto@test-kai.jp"),
    ("written backwards for a right-to-left style", "Careers: gro.tset-elpmaxe@sreerac",
     "careers@example-test.org"),
    ("backwards with a country domain", "Mail: ed.rekcurt@ofni", "info@trucker.de"),
]


@pytest.mark.parametrize("name,text,want", EMAILS, ids=[c[0] for c in EMAILS])
def test_obfuscated_emails(name, text, want):
    got = kinds(text)
    assert ("email", want) in got
    assert not any(k == "website" for k, _ in got)   # the domain is no website of its own


EMAIL_NEGATIVES = [
    ("a weight of arrobas in prose", "Cosecharon 40 arrobas de café en 2019."),
    ("`arroba` without a domain", "Escriba su nombre arroba y luego el dominio."),
    ("a handle", "Follow us: @test.org on the platform"),
    ("an address with a real domain stays as written", "Write to: info@test.travel"),
]


@pytest.mark.parametrize("name,text", EMAIL_NEGATIVES, ids=[c[0] for c in EMAIL_NEGATIVES])
def test_no_new_emails(name, text):
    got = [m.value for m in find_emails(text)]
    assert got in ([], ["info@test.travel"])


def test_bare_at_word_needs_an_email_label():
    """`arroba` without brackets counts in an e-mail label's value only."""
    assert not any(k == "email" for k, _ in kinds("Contamos 12 arroba test.org en 2019."))
    assert ("email", "a@test.org") in kinds("E-mail: a arroba test.org")


def test_fullwidth_note_gives_no_email():
    got = kinds("E-mail: nara＠test-kai.jp (type ＠ as @)")
    assert {v for k, v in got if k == "email"} == {"nara@test-kai.jp"}


# ---------------------------------------------------------------- East Asian order

EAST_ASIAN = [
    Case("Japanese: postal mark, city, ward, neighbourhood and block numbers, building",
         "TKN Nagoya Office\n〒460-0008 Nagoya, Naka-ku, Sakae 3-15-2, Sakae Tower 9F\nJapan\nTel: 052-555-0100",
         [("organization", "TKN Nagoya Office"), ("postal_code", "460-0008"), ("city", "Nagoya"),
          ("street", "Sakae 3-15-2"), ("country", "Japan"), ("phone", "+81525550100")]),
    Case("Korean: code in brackets, city, district, road name and number, floor",
         "KTN Incheon Centre\n(21999) Incheon, Yeonsu-gu, Songdo-daero 123, 5th floor\nRepublic of Korea",
         [("organization", "KTN Incheon Centre"), ("postal_code", "21999"), ("city", "Incheon"),
          ("street", "Songdo-daero 123"), ("country", "Republic of Korea")]),
    Case("Korean: two-word road name with a small second word",
         "KTN Daegu Desk\n(41911) Daegu, Jung-gu, Gukchaebosang-ro 140\nRepublic of Korea",
         [("street", "Gukchaebosang-ro 140"), ("city", "Daegu"), ("postal_code", "41911")]),
    Case("a bare code needs a ward or district",
         "Test Kai\n150-0002 Tokyo, Shibuya-ku, Shibuya 1-2-3\nJapan",
         [("postal_code", "150-0002"), ("city", "Tokyo"), ("street", "Shibuya 1-2-3")]),
]


@pytest.mark.parametrize("case", EAST_ASIAN, ids=[c.name for c in EAST_ASIAN])
def test_east_asian_order(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert not any(k == "street" and v.endswith(("-ku", "-gu")) for k, v in got)


EAST_ASIAN_NEGATIVES = [
    ("a bare code and a city with no district", "Report 12345 Tokyo, Annex 3 of the plan"),
    ("a year in brackets before a place", "(2019) Seoul, Summit 2 was held there"),
]


@pytest.mark.parametrize("name,text", EAST_ASIAN_NEGATIVES, ids=[c[0] for c in EAST_ASIAN_NEGATIVES])
def test_no_east_asian_street(name, text):
    assert not any(k == "street" for k, _ in kinds(text))


# ---------------------------------------------------------------- Latin America

LATAM = [
    Case("Colombian grid street with `#`",
         "Fundación Prueba\nCalle 93 # 14-20, oficina 301\nBogotá D.C., Colombia",
         [("organization", "Fundación Prueba"), ("street", "Calle 93 # 14-20"), ("city", "Bogotá D.C."),
          ("country", "Colombia")]),
    Case("Colombian grid street with `No.` and a letter",
         "Corporación Prueba\nCarrera 45A No. 26-11\nMedellín, Colombia",
         [("street", "Carrera 45A No. 26-11"), ("city", "Medellín")]),
    Case("Guatemalan ordinal avenue and house number",
         "Asociación Prueba\n4a. Calle 7-53, Zona 9\n01009 Ciudad de Guatemala, Guatemala",
         [("organization", "Asociación Prueba"), ("street", "4a. Calle 7-53"), ("postal_code", "01009"),
          ("city", "Ciudad de Guatemala"), ("country", "Guatemala")]),
    Case("a city named `Ciudad de <country>` on a city, country line",
         "Centro Prueba\nAv. Insurgentes Sur 1000\nCiudad de México, México",
         [("city", "Ciudad de México"), ("country", "México")]),
    Case("Chilean avenue with an Irish surname",
         "Fundación Prueba Chile\nAv. Libertador Bernardo O'Higgins 2200, of. 12\nSantiago, Chile",
         [("street", "Av. Libertador Bernardo O'Higgins 2200"), ("city", "Santiago")]),
    Case("a legal form after a comma stays with the name",
         "Red Prueba, A.C.\nCalle Durango 12\nCiudad de México, México",
         [("organization", "Red Prueba, A.C.")]),
]


@pytest.mark.parametrize("case", LATAM, ids=[c.name for c in LATAM])
def test_latin_america(case):
    assert set(case.want) <= kinds(case.text, case.country)


LATAM_NEGATIVES = [
    ("a score in prose after a street word", "En la Calle 8 ganaron 12-10 el domingo."),
    ("a numbered street without a house number", "Vivimos cerca de la Carrera 7 desde 2010."),
]


@pytest.mark.parametrize("name,text", LATAM_NEGATIVES, ids=[c[0] for c in LATAM_NEGATIVES])
def test_no_grid_street(name, text):
    assert not any(k == "street" for k, _ in kinds(text))


COUNTRY_HEADINGS = [
    Case("a country heading in capitals above the address is no organization",
         "PERÚ\nAv. Arequipa 2450\nLima, Perú\nTel. +51 1 555 0100",
         [("street", "Av. Arequipa 2450"), ("city", "Lima")]),
    Case("a country heading with a note",
         "Ecuador (oficina nacional)\nAv. Amazonas 1200\nQuito, Ecuador\nTel. +593 2 555 0100",
         [("street", "Av. Amazonas 1200")]),
]


@pytest.mark.parametrize("case", COUNTRY_HEADINGS, ids=[c.name for c in COUNTRY_HEADINGS])
def test_country_heading_is_no_organization(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert not any(k == "organization" for k, _ in got)


# ---------------------------------------------------------------- city – country with a dash

DASH_LINES = [
    Case("Portuguese city – country under a PO box",
         "Associação Teste\nAv. Eduardo Mondlane, n.º 500\nCaixa Postal 99\nBeira – Moçambique\nTel.: +258 23 30 00 00",
         [("organization", "Associação Teste"), ("city", "Beira"), ("country", "Moçambique")]),
    Case("a hyphen under a street line",
         "Test Trust\n14 Market Street\nKisumu - Kenya\nTel: +254 57 202 0000",
         [("street", "14 Market Street"), ("city", "Kisumu"), ("country", "Kenya")]),
]


@pytest.mark.parametrize("case", DASH_LINES, ids=[c.name for c in DASH_LINES])
def test_dash_city_country(case):
    assert set(case.want) <= kinds(case.text, case.country)


def test_dash_heading_is_no_city():
    got = kinds("Oxfam – Kenya\n\nTel: +254 20 282 0000\nE-mail: kenya@test.org")
    assert not any(k in ("city", "country") for k, _ in got)


def test_organisation_word_is_no_city():
    got = kinds("Test Statistical Institute, India\nAdresse: 12 Park Road, Kolkata 700108")
    assert ("city", "Test Statistical Institute") not in got


# ---------------------------------------------------------------- Mexican `C.P.`

CP_CODES = [
    Case("`C.P.` after the district, city on the next line",
         "Centro Prueba, A.C.\nCalle Sonora 45, Col. Roma Norte\nAlcaldía Cuauhtémoc, C.P. 06700\nCiudad de México, México",
         [("postal_code", "06700"), ("street", "Calle Sonora 45"), ("city", "Ciudad de México")]),
    Case("`CP` before the code and the city",
         "Casa Prueba\nAv. Juárez 10\nCP 44100 Guadalajara, Jalisco",
         [("postal_code", "44100"), ("city", "Guadalajara")]),
]


@pytest.mark.parametrize("case", CP_CODES, ids=[c.name for c in CP_CODES])
def test_cp_postal_codes(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert not any(k == "street" and v.startswith(("C.P", "CP")) for k, v in got)


def test_swiss_case_postale_stays_a_box():
    got = kinds("Test Stiftung\nCase postale 2300\n1211 Genève 2\nSuisse\nTél. +41 22 555 01 00")
    assert ("street", "Case postale 2300") in got
    assert not any(k == "postal_code" and v == "2300" for k, v in got)


# ---------------------------------------------------------------- phones

PHONES = [
    Case("Mexican WhatsApp line with the abolished mobile `1`",
         "Oficina Prueba\nCalle Madero 5\nMonterrey, México\nWhatsApp: +52 1 81 5555 0100",
         [("phone", "+528155550100")]),
    Case("French toll-free label, number from the block's country",
         "Association Test\n5, rue de la Paix\nDakar, Sénégal\nNuméro vert : 800 00 55 66",
         [("phone", "+221800005566")]),
    Case("Chilean `Fono`", "Fundación Prueba\nAv. Providencia 1200\nSantiago, Chile\nFono: 2 2555 0100",
         [("phone", "+56225550100")]),
    Case("Korean free-call label", "KTN Office\n(04524) Seoul, Jung-gu, Sejong-daero 9\nRepublic of Korea\n"
         "Free call: 080-555-0100", [("phone", "+82805550100")]),
    Case("a toll-free number in a sentence, from the page's country",
         "Free hotline\n\nCalls within the country cost nothing: 8 800 555-01-23 (daily).", [("phone", "+78005550123")],
         "RU"),
]


@pytest.mark.parametrize("case", PHONES, ids=[c.name for c in PHONES])
def test_phones(case):
    assert set(case.want) <= kinds(case.text, case.country)


PHONE_NEGATIVES = [
    Case("a Belgian company number in a contact block",
         "Test asbl\nRue Haute 12\n1000 Bruxelles\nTél. : 02 555 01 00\nNuméro d'entreprise : 0412.345.678", [], "BE"),
    Case("a Brazilian tax number", "Instituto Teste\nRua Augusta 100\n01304-000 São Paulo\nCNPJ: 12.345.678/0001-90",
         [], "BR"),
    Case("an ordinary number in prose is no hotline",
         "In 2023 we answered 8 800 700 calls from 41 regions.", [], "RU"),
]


@pytest.mark.parametrize("case", PHONE_NEGATIVES, ids=[c.name for c in PHONE_NEGATIVES])
def test_no_phone(case):
    got = kinds(case.text, case.country)
    phones = {v for k, v in got if k == "phone"}
    assert not any(v.endswith(("412345678", "12345678000190", "8800700")) for v in phones)
    if "prose" in case.name:
        assert not phones


# ---------------------------------------------------------------- Russian order, table rows

RUSSIAN = [
    Case("postal code, two-word city, `ul.` street, office dropped",
         "Test Fund\n190000, Nizhny Novgorod, ul. Bolshaya Pokrovskaya, 12, office 4\nTel. +7 831 555-01-00",
         [("postal_code", "190000"), ("city", "Nizhny Novgorod"), ("street", "ul. Bolshaya Pokrovskaya, 12")]),
    Case("street first, then city and code", "Test Fund\nul. Lenina, 5\nTomsk 634050\nRussia",
         [("street", "ul. Lenina, 5"), ("city", "Tomsk"), ("postal_code", "634050")]),
]


@pytest.mark.parametrize("case", RUSSIAN, ids=[c.name for c in RUSSIAN])
def test_russian_order(case):
    assert set(case.want) <= kinds(case.text, case.country)


def test_directory_table_rows():
    text = ("Office | Address | Phone | E-mail\n"
            "TFN Samara Office | 443001, Samara, ul. Frunze, 10 | +7 (846) 555-01-00 | samara@tfn.test\n"
            "TFN Omsk Office | ul. Lenina, 22 Omsk 644024 | +7 (381) 555-01-00 | omsk@tfn.test\n")
    recs = records(text, "RU")
    orgs = {r.group: r.value for r in recs if r.kind == "organization"}
    assert sorted(orgs.values()) == ["TFN Omsk Office", "TFN Samara Office"]
    assert ("street", "ul. Frunze, 10") in {(r.kind, r.value) for r in recs}
    assert len({r.group for r in recs}) == 2


def test_table_row_with_a_city_cell_gives_no_organization():
    text = "City | Address | Phone\nSamara | 443001, Samara, ul. Frunze, 10 | +7 (846) 555-01-00\n"
    assert not any(k == "organization" for k, _ in kinds(text, "RU"))


# ---------------------------------------------------------------- sentence-case names

NAMES = [
    Case("French agency name in sentence case with its acronym, building line between",
         "Nous contacter\n\nOffice national de l'eau potable (ONEP)\nImmeuble Sahel, 3e étage\n"
         "24, avenue Léopold Senghor\nNiamey, Niger",
         [("organization", "Office national de l'eau potable (ONEP)"), ("street", "24, avenue Léopold Senghor")]),
    Case("Spanish institute in sentence case",
         "Instituto nacional de migración\nAv. Reforma 200\nCiudad de México, México",
         [("organization", "Instituto nacional de migración")]),
]


@pytest.mark.parametrize("case", NAMES, ids=[c.name for c in NAMES])
def test_sentence_case_names(case):
    assert set(case.want) <= kinds(case.text, case.country)


def test_sentence_in_lower_case_is_no_name():
    got = kinds("Visit us at our new office in the centre.\n24, avenue Léopold Senghor\nNiamey, Niger")
    assert not any(k == "organization" for k, _ in got)


# ---------------------------------------------------------------- more of the same families

MORE = [
    Case("Brazilian city - state, CEP",
         "Instituto Teste\nAv. Paulista, 1000 - Bela Vista\nSão Paulo - SP, 01310-100\nBrasil",
         [("street", "Av. Paulista, 1000"), ("city", "São Paulo"), ("postal_code", "01310-100"), ("country", "Brasil")]),
    Case("Brazilian city/state CEP", "Associação Teste\nRua da Bahia, 1148\nBelo Horizonte/MG 30160-011",
         [("city", "Belo Horizonte"), ("postal_code", "30160-011")]),
    Case("Spanish `C/` street", "Fundación Test\nC/ Mayor, 12, 3º izda.\n28013 Madrid\nEspaña",
         [("organization", "Fundación Test"), ("street", "C/ Mayor, 12"), ("city", "Madrid")]),
    Case("Korean number first", "KTN Office\n110 Sejong-daero, Jung-gu, Seoul 04524\nRepublic of Korea",
         [("street", "110 Sejong-daero"), ("city", "Seoul"), ("postal_code", "04524")]),
    Case("Korean road name first, Western order", "KTN Office\nTeheran-ro 152, Gangnam-gu, Seoul 06236\nKorea",
         [("street", "Teheran-ro 152"), ("city", "Seoul")]),
    Case("transliterated `ul.` first, city and code after", "Test Fund\nul. Mira, 10, Moscow 129090",
         [("street", "ul. Mira, 10"), ("city", "Moscow"), ("postal_code", "129090")]),
    Case("Polish `al.` in small letters", "Fundacja Test\nal. Jerozolimskie 44\n00-024 Warszawa",
         [("street", "al. Jerozolimskie 44"), ("city", "Warszawa"), ("postal_code", "00-024")]),
    Case("Mexican colonia before the code is no city", "Casa Prueba\nCalle Durango 12\nCol. Roma Norte, 06700\nCiudad de México, México",
         [("postal_code", "06700"), ("city", "Ciudad de México")]),
]


@pytest.mark.parametrize("case", MORE, ids=[c.name for c in MORE])
def test_more_shapes(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert ("city", "Roma Norte") not in got and ("city", "SP") not in got


MORE_NEGATIVES = [
    ("a word ending in -ro before a number", "Il Centro 12 ospita la mostra dal 2019.", "street"),
    ("a year after a two-letter word and a place", "Trip to Lisbon - PT, 2019 report", "postal_code"),
    ("`C/` in a ratio", "The ratio C/ N 12 was measured.", "street"),
]


@pytest.mark.parametrize("name,text,kind", MORE_NEGATIVES, ids=[c[0] for c in MORE_NEGATIVES])
def test_more_negatives(name, text, kind):
    assert not any(k == kind for k, _ in kinds(text))


LABELLED_EMAILS = [
    ("bracketed dot", "E-mail: info[at]test-org[.]org", "info@test-org.org"),
    ("full-width dot", "Mail: kobe＠test-kai．jp", "kobe@test-kai.jp"),
    ("bare `at` with real dots in an e-mail label", "E-mail: office at test-org.org", "office@test-org.org"),
    ("`(a)` in an e-mail label", "E-mail: info(a)spolek-test.cz", "info@spolek-test.cz"),
]


@pytest.mark.parametrize("name,text,want", LABELLED_EMAILS, ids=[c[0] for c in LABELLED_EMAILS])
def test_labelled_emails(name, text, want):
    got = kinds(text)
    assert ("email", want) in got
    assert not any(k == "website" for k, _ in got)


LABELLED_EMAIL_NEGATIVES = [
    ("`(a)` in an enumeration", "Section 3(a) applies to test.org members."),
    ("`at` in prose", "Meet us at test-org.org for the launch."),
    ("`at` before a web host in an e-mail label", "E-mail: available at www.test-org.org"),
]


@pytest.mark.parametrize("name,text", LABELLED_EMAIL_NEGATIVES, ids=[c[0] for c in LABELLED_EMAIL_NEGATIVES])
def test_no_labelled_email(name, text):
    assert not any(k == "email" for k, _ in kinds(text))


def test_table_name_cell_before_a_city_cell():
    text = ("Office | City | Address | Phone\n"
            "TFN Samara Office | Samara | 443001, Samara, ul. Frunze, 10 | +7 (846) 555-01-00\n")
    assert ("organization", "TFN Samara Office") in kinds(text, "RU")


# ---------------------------------------------------------------- boxes with letters, Czech codes

BOXES_AND_CODES = [
    Case("Ghanaian box with its post office's letters, city and country after it",
         "Test Trust\nHouse No. 9, Liberation Road, Airport Residential\nP.O. Box CT 4521, Accra\nGhana\nTel: +233 302 555 010",
         [("street", "House No. 9, Liberation Road"), ("city", "Accra"), ("country", "Ghana")]),
    Case("one-line Czech address: words and a number, `110 00 Praha 1`",
         "Velvyslanectví Test\n\nKarlova 12, 110 00 Praha 1, Czech Republic\n\nTel: +420 222 555 010",
         [("street", "Karlova 12"), ("postal_code", "110 00"), ("city", "Praha"), ("country", "Czech Republic")]),
]


@pytest.mark.parametrize("case", BOXES_AND_CODES, ids=[c.name for c in BOXES_AND_CODES])
def test_boxes_and_codes(case):
    got = kinds(case.text, case.country)
    assert set(case.want) <= got
    assert ("city", "Airport Residential") not in got


def test_box_letters_need_a_number():
    assert not any(k in ("street", "city") for k, _ in kinds("Put it in the Box LG tonight, Accra"))


# ---------------------------------------------------------------- labels in more languages

LABEL_WORDS = [
    Case("Indonesian block: Jl. street with `No.`, Telp., HP, Faks, Surel, Situs",
         "Yayasan Uji Coba\nJl. Merdeka No. 45\nBandung 40117\nTelp. (022) 555 010\nHP: 0812 5555 0100\n"
         "Faks: (022) 555 011\nSurel: halo@yayasan-uji.or.id\nSitus: www.yayasan-uji.or.id",
         [("street", "Jl. Merdeka No. 45"), ("city", "Bandung"), ("phone", "+6222555010"),
          ("phone", "+6281255550100"), ("fax", "+6222555011"), ("email", "halo@yayasan-uji.or.id"),
          ("website", "http://www.yayasan-uji.or.id")], "ID"),
    Case("Colombian PBX", "Corporación Prueba\nCalle 72 # 10-34\nBogotá, Colombia\nPBX: (601) 555 0100",
         [("street", "Calle 72 # 10-34"), ("phone", "+576015550100")]),
    Case("German Mobil", "Verein Test e.V.\nHauptstraße 5\n10115 Berlin\nMobil: 0170 5550100",
         [("phone", "+491705550100")], "DE"),
    Case("Swahili labels", "Shirika la Majaribio\nAnwani: S.L.P. 1234, Dodoma\nSimu: +255 26 255 0100\n"
         "Barua pepe: info@majaribio.or.tz", [("phone", "+255262550100"), ("email", "info@majaribio.or.tz")]),
    Case("`St.` city after a Russian postal code", "Test Fund\n191036, St. Petersburg, Nevsky prospekt, 85",
         [("city", "St. Petersburg"), ("postal_code", "191036")]),
]


@pytest.mark.parametrize("case", LABEL_WORDS, ids=[c.name for c in LABEL_WORDS])
def test_label_words(case):
    assert set(case.want) <= kinds(case.text, case.country)


LABEL_WORD_NEGATIVES = [
    ("`Standard` in prose", "The Standard 2019 edition lists 12 500 000 entries."),
    ("`HP` as a brand", "HP 2019 laptops cost 1 200 000 in total."),
]


@pytest.mark.parametrize("name,text", LABEL_WORD_NEGATIVES, ids=[c[0] for c in LABEL_WORD_NEGATIVES])
def test_no_label_word_phone(name, text):
    assert not any(k == "phone" for k, _ in kinds(text))


def test_street_name_word_before_no_stays_in_the_name():
    got = kinds("Casa Prueba\nAv. Nuevo León No. 120\nCiudad de México, México")
    assert ("street", "Av. Nuevo León No. 120") in got


# ---------------------------------------------------------------- districts and states around the city

def test_city_after_a_district_segment():
    got = kinds("Test Centre\n45 Tran Hung Dao Street, Hoan Kiem District, Hanoi\nViet Nam\nTel: (024) 3555 0100")
    assert ("city", "Hanoi") in got
    assert not any(k == "city" and "District" in v for k, v in got)


def test_state_line_under_the_city_gives_only_the_country():
    got = kinds("Test Trust\n14, Residency Road, Bengaluru - 560025\nKarnataka, India\nPh: 080-2555 0100")
    assert {("city", "Bengaluru"), ("postal_code", "560025"), ("country", "India")} <= got
    assert ("city", "Karnataka") not in got


def test_city_line_under_a_code_alone_stays_the_city():
    got = kinds("Casa Prueba\nCalle Sonora 45\nAlcaldía Cuauhtémoc, C.P. 06700\nCiudad de México, México")
    assert ("city", "Ciudad de México") in got


# ---------------------------------------------------------------- crawler text with the line breaks lost

def test_glued_heading_name_street_and_code():
    text = ("KontaktHilfswerk Test – Verein für Nachbarschaft und BildungMarktgasse 7AT-1010 WienAustria"
            "Telefon: +43 1 555 01 00E-mail: office(at)hilfswerk-test(dot)at")
    got = kinds(text, "AT")
    assert {("organization", "Hilfswerk Test – Verein für Nachbarschaft und Bildung"),
            ("street", "Marktgasse 7"), ("city", "Wien")} <= got


def test_number_before_a_capital_word_is_still_no_street():
    assert not any(k == "street" for k, _ in kinds("Die Hauptstraße 12Monate lang gesperrt, seit 2019."))


def test_name_number_street_above_a_colonia_line():
    got = kinds("Casa Prueba\nPatriotismo 229, Piso 2\nCol. San Pedro de los Pinos, 03800\nCiudad de México, México")
    assert {("street", "Patriotismo 229"), ("postal_code", "03800"), ("city", "Ciudad de México")} <= got


def test_name_number_line_above_an_ordinary_line_is_no_street():
    got = kinds("Casa Prueba\nPatriotismo 229\nVisitas de lunes a viernes, 03800\nCiudad de México, México")
    assert not any(k == "street" for k, _ in got)
