"""Page fields in the set-4 shapes (extract/page.py, parse/countries.py, data/page.toml,
data/countries.csv): the site name, menu, breadcrumb or section label above the page's own
heading; update stamps in other languages and `(as of Month Year)` headings; country names
in French / Spanish / Portuguese and US state names. Test strings are written for these
tests, in the shapes of real pages (not copied from any corpus page)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import NamedTuple

import pytest

from profile_extract import extract_page
from profile_extract.extract.page import _line_facts, is_update_stamp_label
from profile_extract.parse.countries import find_countries

sys.path.insert(0, str(Path(__file__).parent))
from test_page_info import Case, info  # (the same Case table and page reader)

PROSE = ("The association was set up in 2001 by parents and teachers of the valley, and since then "
         "it has run two schools and a clinic for the families who live along the river.")
PROSA = ("La asociación fue creada en 2001 por madres y maestros del valle y desde entonces "
         "gestiona dos escuelas y un dispensario para las familias que viven junto al río.")


TITLES = [
    Case("site name glued under a menu bar, heading set apart below",
         f"Home | Who we are | Projects | Contact\nRiver Valley Trust\n\nOur schools\n\n{PROSE}",
         "Our schools"),
    Case("site name glued under a breadcrumb trail (French)",
         f"Accueil » L'Association » Nos écoles\nAssociation des Parents de la Vallée\n\n"
         f"Nos écoles\n\n{PROSE}", "Nos écoles"),
    Case("agency name and a Spanish stamp between trail and upper-case heading",
         "Inicio > Países > Fichas > Europa\nDirección de Estudios Regionales\n"
         "Fecha de actualización: 14.02.2024\n\nFICHA PAÍS: REINO DE RURITANIA\n\nDatos generales\n\n"
         "Capital: Strelsau\nSuperficie: 12.400 km²\n", "FICHA PAÍS: REINO DE RURITANIA",
         updated="2024-02-14"),
    Case("menu of wide-spaced cells (Swahili), site name, trail, heading",
         f"Mwanzo  Kuhusu Sisi  Habari  Wasiliana Nasi\nMtandao wa Elimu ya Pwani\n\n"
         f"Elimu > Mikoa > Pwani\n\nPwani kwa Ufupi\n\n{PROSE}", "Pwani kwa Ufupi"),
    Case("menu of cells joined by middle dots under the site name",
         f"Fundación Valle Verde\nInicio  ·  Quiénes somos  ·  Programas  ·  Contacto\n\n"
         f"Nuestras escuelas rurales\n\n{PROSA}", "Nuestras escuelas rurales"),
    Case("a two-step trail joined by a slash over the headline",
         f"Home   About   Projects   Donate\n\nAbout us / Our story\n\nTwenty years beside the river\n"
         f"River Valley Trust\n\n{PROSE}", "Twenty years beside the river"),
    Case("acronym and full name joined by a bar over the menu",
         f"RVT | River Valley Trust\nAbout | Schools | Clinics | Contact\n\nWrite to our valley offices\n\n"
         f"{PROSE}", "Write to our valley offices"),
    Case("a section label under the menu over a longer headline and its prose",
         f"The Valley Letter  ·  No. 12  ·  Autumn 2023\nStories | Data | About\n\nFrom the field\n\n"
         f"Three families, three harvests after the flood\n\n{PROSE}",
         "Three families, three harvests after the flood"),
    Case("crawler text: a page word glued to the block it heads, under the menu and search box",
         "RIVER VALLEY TRUST\nHome›About›Schools›Contact\nSearch\nContactRiver Valley Trust – Schools Office"
         "12 Mill RoadRV-1000 ValleytownPhone: +386 1 555 0101E-mail: office(at)rvt.org" + " More text." * 30,
         "Contact"),
    Case("a one-line menu of words (Indonesian) over the site name and heading",
         f"Beranda Tentang Kami Berita Publikasi Kontak\nPortal Data Kabupaten\n\nSEKILAS KABUPATEN LEMBAH\n\n"
         f"{PROSE}", "SEKILAS KABUPATEN LEMBAH"),
]

NO_TITLES = [
    Case("a glued page word not under a menu names nothing",
         "ContactRiver Valley Trust – Schools Office12 Mill RoadPhone: +386 1 555 0101" + " More text." * 30),
    Case("a word glued to lower case is no heading",
         "Home | About | Contact\nHomelessness in the valley rose by a third, the trust says, and the shelters "
         "are full every night of the winter." + " More text." * 30),
]


@pytest.mark.parametrize("case", NO_TITLES, ids=lambda c: c.name)
def test_no_title_shapes(case):
    assert info(case.text).title is None


# Shapes the earlier rules decide, which the new ones must leave alone.
KEPT = [
    Case("a page word glued under a glued menu is the page's heading",
         "DonateMenuSearch\nAbout usWho we areOur workContact\nContact\n\nHead office\nRiver Valley Trust\n"
         "12 Mill Road\n", "Contact"),
    Case("a heading over a label over facts keeps the title (no blank lines)",
         "Home > Countries > Ruritania\nRuritania at a glance\nLast updated: 3 March 2024\nBasic data\n"
         "Area: 12,400 km²\nPopulation: 2.1 million\n", "Ruritania at a glance", updated="2024-03-03"),
    Case("a section label not right under a menu stays (no kicker rule)",
         f"Appendix B\n\nRegional Offices and Partners of the Trust\n\n{PROSE}", "Appendix B"),
    Case("a longer heading before a shorter label keeps its place",
         f"Home | About | Contact\n\nRiver Valley Trust at a glance\n\nKey figures\n\n{PROSE}",
         "River Valley Trust at a glance"),
    Case("a title-case tab bar after a short heading is no headline",
         "Markets > Europe > Ruritania\nRuritania\nIntroduction Geography People and Society Economy\n"
         "Geography :: RURITANIA\n", "Ruritania"),
]


@pytest.mark.parametrize("case", TITLES + KEPT, ids=lambda c: c.name)
def test_title_shapes(case):
    got = info(case.text)
    assert got.title == case.title
    assert case.text[got.title_span.start:got.title_span.end] == case.title
    if case.updated:
        assert got.updated == case.updated


@pytest.mark.parametrize("html, title", [
    (("<h1>Fundación Valle Verde</h1><p>Inicio · Quiénes somos · Programas · Contacto</p>"
      f"<h2>Nuestras escuelas</h2><p>{PROSA}</p>"), "Nuestras escuelas"),
    # a heading over a paragraph that is no menu keeps its place
    (f"<h1>Fundación Valle Verde</h1><p>{PROSA}</p><h2>Nuestras escuelas</h2><p>{PROSA}</p>",
     "Fundación Valle Verde"),
])
def test_html_site_name_over_a_dotted_menu(html, title):
    page = extract_page(f"<html><body>{html}</body></html>".encode(), "page.html")
    assert page.info.title == title


class Line(NamedTuple):
    text: str
    nav: bool


NAV_LINES = [
    Line("Mwanzo  Kuhusu Sisi  Takwimu  Machapisho  Wasiliana Nasi", True),
    Line("Inicio  ·  Quiénes somos  ·  Programas  ·  Oficinas  ·  Dona", True),
    Line("Accueil • Qui sommes-nous ? • Actualités • Contact", True),
    Line("Home About Data Publications Contact", True),
    Line("Forside  Om oss  Nyheter  Kontakt oss", True),
    Line("Startseite Über uns Projekte Spenden Kontakt", True),
    Line("About us / Our history", True),
    Line("Accueil / Historique", True),
    # negatives: headings, table headers, a bilingual title, a newsletter masthead
    Line("Name  Role  Office  Phone", False),
    Line("Input / Output", False),
    Line("Ruritania / Рурітанія", False),
    Line("The Valley Letter  ·  No. 12  ·  Autumn 2023", False),
    Line("About Our Work and Projects", False),
    Line("Introduction Geography People and Society Government Economy", False),
    Line("Our schools, clinics and contact points in the valley", False),
]


@pytest.mark.parametrize("case", NAV_LINES, ids=lambda c: c.text)
def test_navigation_lines(case):
    assert _line_facts(case.text).nav is case.nav


STAMPS = [
    Case("Spanish label, dotted day-first date", f"Ficha\n\n{PROSA}\n\nFecha de actualización: 03.10.2023\n",
         updated="2023-10-03"),
    Case("Indonesian label, month name", f"Profil\n\n{PROSE}\n\nTerakhir diperbarui: 7 Maret 2024\n",
         updated="2024-03-07"),
    Case("Indonesian label, ISO date", f"Profil\n\n{PROSE}\n\nDiperbarui pada 2023-12-01\n",
         updated="2023-12-01"),
    Case("Swahili label, month and year", f"Takwimu\n\n{PROSE}\n\nImesasishwa: Agosti 2022\n",
         updated="2022-08"),
    Case("Malay label", f"Profil\n\n{PROSE}\n\nKemas kini terakhir: 12 Jun 2021\n", updated="2021-06-12"),
    Case("Norwegian label", f"Nøkkeltall\n\n{PROSE}\n\nSist oppdatert: 3. mars 2024\n", updated="2024-03-03"),
    Case("heading with (as of Month Year) over a list",
         f"Ruritania brief\n\n{PROSE}\n\nMAIN FIGURES (as of June 2023)\n\nArea ...... 12,400 sq km\n",
         updated="2023-06"),
    Case("Italian label with `al`", f"Scheda\n\n{PROSE}\n\nDati aggiornati al 4 aprile 2024\n", updated="2024-04-04"),
    Case("German Datenstand", f"Eckdaten\n\n{PROSE}\n\nDatenstand: Mai 2023\n", updated="2023-05"),
    Case("Malay label with `pada` and a Malay month", f"Profil\n\n{PROSE}\n\nDikemaskini pada 9 Ogos 2022\n",
         updated="2022-08-09"),
    Case("Vietnamese label, numeric date", f"Hồ sơ\n\n{PROSE}\n\nCập nhật: 15/01/2024\n", updated="2024-01-15"),
    Case("English `Data as of` line", f"Ruritania brief\n\n{PROSE}\n\nData as of 30 April 2024\n",
         updated="2024-04-30"),
    Case("a (Stand: ...) heading", f"Ruritanien\n\n{PROSE}\n\nEckdaten (Stand: März 2024)\n\nFläche: 12.400 km²\n",
         updated="2024-03"),
]

# The built-in labels first: a page with `Last updated` takes that stamp, a label of another
# language above it is not looked for (one page, one language of site chrome as a rule).
PRECEDENCE = [
    Case("an English stamp wins over an Indonesian label above it",
         f"Profil\n\nDiperbarui: 1 Mei 2020\n\n{PROSE}\n\nLast updated: 2 June 2023\n", updated="2023-06-02"),
    Case("a Spanish stamp alone is read", f"Ficha\n\nFecha de actualización: 1.5.2020\n\n{PROSA}\n",
         updated="2020-05-01"),
]

NO_STAMPS = [
    Case("a fact row with (as of ...) in its label is no stamp",
         f"Ruritania brief\n\n{PROSE}\n\nPopulation (as of March 2023): 2.1 million\n"),
    Case("a year alone in (as of ...) is no stamp", f"Ruritania brief\n\n{PROSE}\n\nKey data (as of 2023)\n"),
    Case("an Indonesian sentence with the word, no label", f"Profil\n\n{PROSE}\n\n"
         "Data ini diperbarui setiap tahun oleh kantor statistik.\n"),
    Case("`data as of` and a year inside a sentence is prose",
         f"Ruritania brief\n\n{PROSE}\n\nThe population data as of 2023 show a small rise in the north.\n"),
    Case("a founding date is no stamp", f"Historia\n\n{PROSA}\n\nFecha de fundación: 12.05.1998\n"),
]


@pytest.mark.parametrize("case", STAMPS, ids=lambda c: c.name)
def test_update_stamps(case):
    assert info(case.text).updated == case.updated


@pytest.mark.parametrize("case", PRECEDENCE, ids=lambda c: c.name)
def test_stamp_precedence(case):
    assert info(case.text).updated == case.updated


@pytest.mark.parametrize("case", NO_STAMPS, ids=lambda c: c.name)
def test_no_update_stamp(case):
    assert info(case.text).updated is None


@pytest.mark.parametrize("label, stamp", [
    ("Fecha de actualización", True), ("Terakhir diperbarui:", True), ("Imesasishwa", True),
    ("Last updated on", True), ("Zuletzt aktualisiert:", True), ("Sist oppdatert", True),
    ("Date of last update", True), ("Dernière mise à jour", True),
    ("Population", False), ("Updated population estimate", False), ("Date of establishment", False),
    ("Fecha de fundación", False), ("Jumlah penduduk", False), ("", False),
])
def test_is_update_stamp_label(label, stamp):
    assert is_update_stamp_label(label) is stamp


COUNTRIES = [
    Case("French country name in the only address block",
         f"Historique\n\n{PROSE}\n\nNous contacter\nAssociation de la Vallée\nB.P. 120\nThiès, Sénégal\n"
         "Tél. : +221 33 951 00 00\n", country="Senegal"),
    Case("US offices whose addresses name states, the text names the country",
         "Contact us\n\nWe serve families across the southern United States.\n\nAtlanta office\n"
         "River Valley Trust\n10 Peach Street\nAtlanta, GA 30303\nTel: (404) 555-0101\n\n"
         "Trenton office\nRiver Valley Trust – New Jersey\n5 State Street\nTrenton, NJ 08608\n"
         "Tel: (609) 555-0102\n", country="United States"),
]

NO_COUNTRY = [
    Case("offices in two countries named by their addresses",
         f"Nuestras oficinas\n\n{PROSA}\n\nMÉXICO\nCalle Uno 12\nCiudad de México, México\nTel. +52 55 5555 0101\n\n"
         "PERÚ\nAv. Dos 34\nLima, Perú\nTel. +51 1 555 0101\n"),
]


@pytest.mark.parametrize("case", COUNTRIES, ids=lambda c: c.name)
def test_country_shapes(case):
    assert info(case.text).country == case.country


@pytest.mark.parametrize("case", NO_COUNTRY, ids=lambda c: c.name)
def test_no_country(case):
    assert info(case.text).country is None


@pytest.mark.parametrize("text, codes", [
    ("Dakar, Sénégal", ["SN"]), ("Monterrey, México", ["MX"]), ("Maputo – Moçambique", ["MZ"]),
    ("Lima, Perú", ["PE"]), ("Yaoundé, Cameroun", ["CM"]), ("Bogotá, Colômbia", ["CO"]),
    ("Estados Unidos Mexicanos", ["MX"]), ("Estados Unidos", ["US"]), ("Roma, Stati Uniti", ["US"]),
    ("Den Haag, Verenigd Koninkrijk", ["GB"]), ("Jakarta dan Belanda", ["NL"]),
    # a country's name inside another place's name is no mention
    ("Newark, New Jersey", []), ("Sydney, New South Wales", []), ("Santa Fe, Nuevo México", []), ("the New England coast", []),
    ("New Zealand", ["NZ"]), ("Papua New Guinea", ["PG"]),
])
def test_local_country_names(text, codes):
    assert [m.country.alpha2 for m in find_countries(text)] == codes
