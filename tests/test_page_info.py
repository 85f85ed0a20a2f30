"""Page info: title, country and update stamp (extract/page.py). Test pages are
written for these tests, in the shapes real profile pages have (site chrome
above the heading, story teasers in a sidebar, flattened tables, bylines)."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract import extract_page
from profile_extract.extract.page import extract_page_info
from profile_extract.ingest.segment import Doc

PROSE = ("The office opened in 1998 and works with the government on migration. "
         "It runs projects on border management and on the return of migrants.")


class Case(NamedTuple):
    name: str
    text: str
    title: str | None = None
    country: str | None = None
    updated: str | None = None


def info(text: str, **kw):
    return extract_page_info(Doc.from_text(text, **kw))[0]


TITLES = [
    Case("first heading", f"IOM in Ruritania\n\n{PROSE}", "IOM in Ruritania"),
    Case("chrome skipped", f"Close\n\nDemographics\n\nDescription Number\nArea 120 Sq. KMs.", "Demographics"),
    Case("story teasers above the heading are a sidebar",
         f"Maria, Nurse\n1,200 kms from home\nRead more\n640 kms from home\nRead more\n\n\n"
         f"IOM in Moldova\n\n{PROSE} Moldova is a partner.", "IOM in Moldova", "Moldova"),
    Case("teasers in miles with km restated are a sidebar too",
         f"Luca, engineer\n60 miles (96 km) from home\nRead more\n\n\nIOM in Ruritania\n\n{PROSE}",
         "IOM in Ruritania"),
    Case("form label before the name",
         f"Name of the organization\n\nThe World Food Programme (WFP)\n\nGeneral information\n\n{PROSE}",
         "The World Food Programme (WFP)"),
    Case("injected lower-case junk line",
         "buy cheap watches online best prices free shipping on every order today only here now\n\n"
         f"What is UNICEF?\n\n{PROSE}", "What is UNICEF?"),
    Case("navigation and counter skipped",
         f"Home Page  Who we are\nVisitor No: 20451\n\nHistory & Origin\n\nPrint Version\n{PROSE}",
         "History & Origin"),
    Case("site header above a navigation bar",
         "Migration Law Portal\n\nAbout | Refugees | Asylum | Forms | Links\n\n"
         f"International Aid Agencies\n\n{PROSE}", "International Aid Agencies"),
    Case("headline above a byline beats a section label",
         f"Discover Working Abroad\n\nTwo Years in Lima\n\nBY Jane Roe | 03-04-2016\n\n{PROSE}",
         "Two Years in Lima"),
    Case("profile heading beats the site name",
         f"Federal Office for the Environment (FOEN)\n\n\nProfile: UNEP\n\nUnited Nations Environment "
         f"Programme (UNEP)\nfounded in 1972\n\n{PROSE}", "Profile: UNEP"),
    Case("repeated title with table pipes", "The University of Ruritania |\nThe University of Ruritania |\n"
         "The University of Ruritania\nMotto | Lux |\n", "The University of Ruritania"),
    Case("site name above the menu", f"Refugee Agency - Helping People\nSkip to main content\n\nRuritania\n\n{PROSE}",
         "Ruritania"),
    Case("post line skipped", f"Posted on 12 May 2018 by admin\n\nWalking to the Sea\n\n{PROSE}",
         "Walking to the Sea"),
    Case("title with a colon is no fact", f"Red Crescent: Call for Donors\n\nMay 3, 2021\n\n{PROSE}",
         "Red Crescent: Call for Donors"),
    Case("breadcrumb with › separators skipped",
         f"Skip to content\nMain site | Give | Find\nHome › Regions › West Africa › Ruritania\n\nIOM in Ruritania\n\n{PROSE}",
         "IOM in Ruritania"),
    Case("heading after a site name, a menu bar and a browse link",
         f"Skip to main content\nTHE ATLAS OF NATIONS\nRegions | Maps | Sources | About\nBrowse All Regions\n"
         f"Ruritania\n\nOverview\nHistory\n{PROSE}", "Ruritania"),
    Case("skip link, menu and search box in French",
         f"Passer au contenu\nAccueil | Notre histoire | Agir | Contact\nRechercher\n\nNotre histoire\n\n{PROSE}",
         "Notre histoire"),
    Case("a row of page tools under the heading is no menu",
         "Migration in Ruritania\nFrom the Open Data Portal | Edit | Print\n\nIndicator | Value\nMigrants | 1,000\n",
         "Migration in Ruritania"),
    Case("ministry name, breadcrumb and download row above the heading",
         f"Ministry of Foreign Affairs\nHome > Documents > Plans\nPrint this page | Download PDF (3 MB)\n\n"
         f"Action Plan 2024–2028: overview\n\n{PROSE}", "Action Plan 2024–2028: overview"),
    Case("accessibility bar above the heading",
         f"Home  About Us  Services  Contact\nScreen Reader Access   A-   A   A+\n\nCITY PROFILE\n\n{PROSE}",
         "CITY PROFILE"),
    Case("slash breadcrumb, document number and dateline above the headline",
         f"Home / News / Statements / 2024\nStatement No. 2024-112\nGeneva, 2 May 2024\n\n"
         f"New office opens in the north\n\n{PROSE}", "New office opens in the north"),
    Case("brand words with inner capitals are no glued menu", f"WordPress PowerPoint Tips\n\n{PROSE}",
         "WordPress PowerPoint Tips"),
    Case("a number word in a title is no document number", f"Say No 2 Hate\n\n{PROSE}", "Say No 2 Hate"),
    Case("wiki tabs under the heading", "Kenya\nArticle | Talk | Read | Edit | View history\n\n"
         "Kenya is a country in East Africa. It borders Uganda.\n", "Kenya", "Kenya"),
    Case("cookie banner and jump links above the heading",
         "This website uses cookies to give you the best experience. Read our policy.\nAccept all cookies\n"
         f"Jump to navigation\n\nRefugee Week 2024\n\n{PROSE}", "Refugee Week 2024"),
    Case("Spanish skip link", f"Saltar al contenido principal\nInicio | Quiénes somos | Contacto\n\nQuiénes somos\n\n{PROSE}",
         "Quiénes somos"),
    Case("site name, then a `You are here` trail naming the heading over a table",
         "Home | Data | About | Contact\nNational Statistics Board of Ruritania\n"
         "You are here: Home > Data > Ruritania in figures\nRuritania in figures\nIndicator | Value | Year\n"
         "Area | 120 | 2020\n", "Ruritania in figures"),
    Case("a search box placeholder under the menu",
         f"Ministry of Labour | Services | Forms | News\nSearch…\nOverseas labour offices\n{PROSE}",
         "Overseas labour offices"),
    Case("a slash trail after `You are here` over a table",
         "Statistics Office of Ruritania\nYou are here: Home / Data / Labour in figures\nLabour in figures\n"
         "Indicator | Value\nEmployed | 1,200\n", "Labour in figures"),
    Case("a `Search for:` box label",
         f"Home | Programmes | News | Contact\nSearch for:\nReturn and reintegration\n{PROSE}",
         "Return and reintegration"),
    Case("a one-step breadcrumb is no heading",
         f"News | Data | About\nResources > Briefs\nRemittances in the Sahel: A Review\n{PROSE}",
         "Remittances in the Sahel: A Review"),
    # AMBIGUOUS: a bare country label above a heading naming it with more words is a section
    # label (the country selector of a site); an analyst writes the fuller heading.
    Case("a bare country label over a fuller heading naming it",
         f"Skip to main content\nRelief Network\nAbout | Programmes | Donate\nBolivia\nOur programme in Bolivia\n"
         f"{PROSE}", "Our programme in Bolivia", "Bolivia"),
    Case("an infobox's long country name under the short one is no fuller heading",
         "Lesotho\nKingdom of Lesotho\nCapital\tMaseru\nArea\t30,355 km2\n", "Lesotho"),
    Case("glued menus above the heading",
         "MenuCloseSearchGive\nWho we areWhat we doNewsContact\nOur offices\n\nHead office\n"
         "Ruritania Refugee Council\n12 Harbour Road\n", "Our offices"),
    Case("an Italian search label under the breadcrumb",
         f"Ente Parco Regionale\nHome > Chi siamo > Storia\nCerca nel sito\nStoria del Parco\n\n{PROSE}",
         "Storia del Parco"),
    Case("a Portuguese search label", f"Fundação Rio Verde\nPesquisar\nQuem somos\n\n{PROSE}", "Quem somos"),
    Case("a Dutch search label", f"Stichting Groene Hoop\nZoeken\nOver ons\n\n{PROSE}", "Over ons"),
    Case("a search placeholder and a two-letter language switch",
         f"Home | About | Data | Contact\nSearch this site...\nEN | KZ\nKazakhstan in Figures\n\n{PROSE}",
         "Kazakhstan in Figures"),
    Case("site name over a glued menu and a language switch",
         f"Friends of the Lake Society\nHomeWho we areProjectsDonate\nFR | EN\nAbout the Society\n\n{PROSE}",
         "About the Society"),
    Case("site name over a menu written one item a line",
         f"Lakeside Rescue Service\nHome\nOur Team\nWhat We Do\nDonate Now\nHistory of the Lakeside Rescue Service\n\n{PROSE}",
         "History of the Lakeside Rescue Service"),
    Case("a heading over a single home link keeps its place",
         f"Lakeside Rescue Service\nHome\n\n{PROSE}", "Lakeside Rescue Service"),
    Case("a news heading over a single dated article is kept",
         f"Latest news\n4 May 2023\n\n{PROSE}", "Latest news"),
    Case("two-letter codes with more words are a heading", f"UN / EU Partnership\n\n{PROSE}", "UN / EU Partnership"),
    Case("a heading starting with a search word is kept", f"Cerca di casa\n\n{PROSE}", "Cerca di casa"),
]

NO_TITLE = [
    Case("a listing's section header over dated posts",
         "Latest stories\n4 May 2023\nA school opens by the lake\nRead more\n20 April 2023\nFloods on the coast\n"
         "Read more\n2 April 2023\nClinics reopen\nRead more\n"),
    Case("prose first", f"{PROSE}\n\nMore prose follows here."),
    Case("story page: teaser then a quote",
         "Primary tabs\n\nPhoto credit: UNDP\n\n2,300 kmfrom home\n\"Life is better here, and the children go "
         "to school.\"\nShare this story:\n"),
    Case("address first", f"12 Harbour Road, Belvedere\n\nPhone (04) 771358\n\nBoard of trustees\n\n{PROSE}"),
    Case("image file name first", "20190403 - Chad Amina + mentor\n\nStill a child but like a mother\n\n"
         f"{PROSE}"),
    Case("table caption is a section heading", "Population Distribution\nTotal population |\n399,598 |\n"),
    Case("contact line first", "c/o World Health Organization20 Avenue Appia\nPhone: +41 22 791 2111\n"),
    Case("a document number is no heading", f"Decision No. 12/2023\n\n{PROSE}"),
    Case("a glued menu is no heading", f"HomeAboutDonate\n\n{PROSE}"),
    Case("two section names with a pipe are table cells, not page tools",
         "Overview of Ruritania\nHistory | Geography\nPopulation | 5\n"),
    Case("a table header under a caption is no page-tools row",
         "Population Distribution\nIndicator | Value\nMigrants | 1,000\n"),
]


@pytest.mark.parametrize("case", TITLES, ids=lambda c: c.name)
def test_title(case):
    got = info(case.text)
    assert got.title == case.title
    assert case.text[got.title_span.start:got.title_span.end] == case.title
    if case.country:
        assert got.country == case.country


@pytest.mark.parametrize("case", NO_TITLE, ids=lambda c: c.name)
def test_no_title(case):
    assert info(case.text).title is None


def test_caps_heading_of_a_flattened_pdf():
    text = ("–1– As of March 2012 LIST OF MEMBER AGENCIES AND OFFICES (PARTS I and II) PART I AGENCIES "
            "Organization: Remarks: World Office 1 Main Street")
    got = info(text)
    assert got.title == "LIST OF MEMBER AGENCIES AND OFFICES (PARTS I and II)"
    assert got.updated == "2012-03"


def test_html_title_from_headings():
    html = ("<html><body><h1>News</h1><h3>Spring Tournament</h3><p>Played on 06.05.2018 in Graz.</p>"
            "<h1>Footer</h1><h3>Contact</h3></body></html>")
    pr = extract_page(html.encode(), "news.html")
    assert pr.info.title == "Spring Tournament"


def test_html_site_name_h1_above_its_menu():
    html = ("<html><body><header><h1><a href='/'>IOM Ruritania</a></h1><div>Home | About | News | Contact</div>"
            "</header><main><h2>About the mission</h2><p>The mission opened in 1998.</p></main></body></html>")
    assert extract_page(html.encode(), "about.html").info.title == "About the mission"


def test_html_generic_h1_over_its_own_content_is_the_title():
    # `Imprint` names the page: body text follows it, the h2 below is one of its sections
    html = ("<html><body><h1>Imprint</h1><p>Information according to the law on media services.</p>"
            "<p>Friends of Ruritania e.V.</p><h2>Disclaimer</h2><p>No liability for links.</p></body></html>")
    assert extract_page(html.encode(), "imprint.html").info.title == "Imprint"


def test_html_generic_h1_directly_over_a_heading_yields():
    html = "<html><body><h1>Contact</h1><h2>Head office in Graz</h2><p>Main Square 1</p></body></html>"
    assert extract_page(html.encode(), "contact.html").info.title == "Head office in Graz"


def test_html_partners_menu_item_does_not_hide_the_title_country():
    html = ("<html><body><ul><li>About us</li><li>Our partners</li><li>News</li></ul><h1>IOM in Kenya</h1>"
            "<p>The office supports people who return home.</p></body></html>")
    got = extract_page(html.encode(), "menu.html").info
    assert (got.title, got.country) == ("IOM in Kenya", "Kenya")


def test_html_h1_wins():
    html = "<html><body><h5>Saturday 3 May</h5><h1>The Headliners</h1><h2>Venue</h2><p>x</p></body></html>"
    assert extract_page(html.encode(), "gig.html").info.title == "The Headliners"


COUNTRIES = [
    Case("offices in several countries: the head office's country",
         "Contact Lakeside Trust\n\nHead Office – Kisumu\nLakeside Trust\nPlot 9, Oginga Road\nKisumu, Kenya\n"
         "Tel: +254 57 202 3300\n\nEurope Office\nFriends of Lakeside Trust\n12 Mill Lane\nLeeds LS1 4AB\n"
         "United Kingdom\nTel: +44 113 496 0000\nRegistered in England and Wales.\n", country="Kenya"),
    Case("a dated listing whose title names the country", "News from Kenya\n\n4 May 2023\nA school opens\n"
         "Pupils in Kenya start lessons near Kisumu.\n20 April 2023\nFloods\nKenya and Uganda saw rain.\n"
         "2 April 2023\nClinics\nKenya clinics reopen.\n", country="Kenya"),
    Case("a Portuguese country name", "Quem somos\n\nA associação nasceu em Quelimane, Moçambique, em 2001. "
         "Trabalha com escolas de Moçambique.\n", country="Mozambique"),
    Case("a Portuguese name without its cedilla", "Historia\n\nFundada em Beira, Mocambique, em 1999.\n",
         country="Mozambique"),
    Case("named often", f"About\n\n{PROSE} Belarus joined in 2005. Belarus and IOM signed a plan.",
         country="Belarus"),
    Case("named once", "About the College\n\nFounded in 1869\n\nRank - 18th in the United States\n",
         country="United States"),
    Case("adjective alone counts", "The Press Office\n\nIt coordinates with Ethiopian embassies abroad.\n",
         country="Ethiopia"),
    Case("dateline at the top beats the country of origin",
         "Arriving at the Camp\n\nAna Roe, Intern\n\nDolo Ado, Ethiopia\n\nJuly 20, 2011\n\n"
         "We met a mother. “We lived in Somalia,” she said. Many came out of Somalia.\n",
         country="Ethiopia"),
    Case("title adjective", "Afghan teacher who walked home returns\n\nAfghanistan is poor. He lived in "
         "Greece for a year.\n", country="Afghanistan"),
    Case("short name for an official one", "Profile\n\nThe Russian Federation is large. Russia borders many.\n",
         country="Russia"),
    Case("official long form outweighs a destination named once",
         "Action plan: overview\n\nThe Republic of Moldova adopted the plan in 2020. Many of its workers live "
         "in Italy.\n", country="Moldova"),
    Case("kingdom form", "Overview\n\nThe Kingdom of Lesotho signed the accord. Many miners work in "
         "South Africa.\n", country="Lesotho"),
    Case("a heading after a menu names the country",
         "Skip to main content\nATLAS\nRegions | Maps | About\nBrowse All Regions\nChile\n\nBackground\n"
         "Spain ruled the land until 1818. Peru and Bolivia fought it in a war.\n", country="Chile"),
    Case("the only address of a national association",
         "Qui sommes-nous ?\n\nL'association aide les familles depuis 1998.\n\nContact\nAmis du Monde\n"
         "12, rue de la Paix\n75002 Paris\nFrance\nTél. : 01 23 45 67 89\n", country="France"),
    Case("an embassy page naming its host only in its addresses",
         "Embassy of the Republic of Austria\n\nThe embassy serves Austrian citizens.\n\nChancery\n"
         "12 Church Street\nValletta\nMalta\nTel.: 2123 4567\n\nConsular section\n3 Bay Road\nSliema\n"
         "Tel.: 2133 9999\n", country="Malta"),
    Case("an imprint address in the country's own language",
         "Impressum\n\nVerein Hilfe e.V.\nHauptstraße 5\n10115 Berlin\nDeutschland\nTelefon: 030 123456\n",
         country="Germany"),
    Case("named only in Russian, inflected",
         "Наш офис\n\nПредставительство работает в Таджикистане с 1994 года. Правительство Таджикистана "
         "поддерживает программы.\n", country="Tajikistan"),
    Case("a Russian official long form in the prepositional case",
         "О нас\n\nОфис открыт в Республике Молдова. Работа в Молдове идёт с 1995 года.\n", country="Moldova"),
    Case("a possessive outweighs a country named once in history",
         "Facts\n\nThe academy is Latvia's oldest school of music. Its founder had studied in Italy.\n",
         country="Latvia"),
    Case("a plural name's possessive",
         "About the network\n\nThe network links the Philippines' labour attachés. One office is in Italy.\n",
         country="Philippines"),
    Case("a government line under the title and the only address",
         "Department of Emigration\nGovernment of Bhutan\nServices | Forms | Contact\n"
         "The department registers workers who go abroad.\nMain destination: Qatar\nRegistered agents: 120\n"
         "Contact\nDepartment of Emigration\nNorzin Lam, Thimphu, Bhutan\nTel: 02-322222\n", country="Bhutan"),
    Case("a donor named in prose does not outweigh the subject",
         "Project overview\n\nThe project helps returnees in Georgia find work; Georgia's labour ministry leads "
         "it. It is funded by the Government of Germany and by Germany's development bank.\n", country="Georgia"),
    Case("an embassy page in Spanish is about its host",
         "Embajada de Colombia en Ecuador\n\nLa embajada atiende a los colombianos residentes en Ecuador.\n\n"
         "Contacto\nAvenida Colón 1133\nQuito, Ecuador\nTeléfono: (02) 222 2222\n", country="Ecuador"),
    # AMBIGUOUS: an embassy page names its own country most, but it is about relations with the host
    # country (and the host's phone plan applies to its numbers): an analyst writes the host.
    Case("an embassy page is about its host country",
         "German Embassy Lima\n\nGermany and Peru have worked together since 1950. The embassy serves German "
         "citizens in Peru.\n\nEmbassy of the Federal Republic of Germany\nAvenida Arequipa 4210\nLima 18\nPeru\n"
         "Tel.: 01 2125016\n\nHonorary Consulate of the Federal Republic of Germany\nCalle Real 5\nCusco\n"
         "Tel.: 084 123456\n", country="Peru"),
]

NO_COUNTRY = [
    Case("the headquarters of an international body is no page country",
         "Contact\n\nHeadquarters\nInternational Lake Alliance\n4 Rue du Lac\n1201 Genève\nSwitzerland\n"
         "Tel: +41 22 700 0000\n\nAfrica Office\nLake Alliance Kenya\nPlot 9, Oginga Road\nKisumu, Kenya\n"
         "Tel: +254 57 202 3300\n"),
    Case("offices in several countries and no head office",
         "Contact Lakeside Trust\n\nKisumu Office\nLakeside Trust\nPlot 9, Oginga Road\nKisumu, Kenya\n"
         "Tel: +254 57 202 3300\n\nEurope Office\nFriends of Lakeside Trust\n12 Mill Lane\nLeeds LS1 4AB\n"
         "United Kingdom\nTel: +44 113 496 0000\n"),
    Case("a dated news listing naming several countries",
         "Harbour Relief Alliance\nNews | Appeals | Donate\nLatest posts\n4 May 2023\nA school for Amina's village\n"
         "Amina, 12, lives in a village in western Kenya and walks to class.\nRead more\n20 April 2023\n"
         "Floods hit the coast\nFishing families near Beira lost their boats ...\nRead more\n2 April 2023\n"
         "Our clinics in 2022\nOur teams saw 40,000 patients in Mozambique, Kenya and Zambia.\nRead more\n"),
    Case("Portuguese names of several countries, none the subject", "Parceiros\n\nTrabalhamos com "
         "associações em Moçambique, Brasil, Cabo Verde e Angola.\n"),
    Case("international organisation seated in a country",
         f"What is UNHCR?\n\nBased in Geneva, Switzerland, the Agency helps refugees. {PROSE}"),
    Case("several countries, none the subject",
         "Journeys\n\nShe left Argentina for Italy. Italy was hard. Later Argentina called her back.\n"),
    Case("only in an address", "c/o World Meteorological Organization\n7 bis Avenue de la Paix\n"
         "CH-1211 Geneva 2, Switzerland\nPhone: +41 22 730 8208\n"),
    Case("addresses in several countries: a directory",
         "Agencies\n\nUN Office\nVia Roma 1, 00100 Rome, Italy. Tel: +39 06 1234567\n\n"
         "Office\nRue de Lausanne 5, 1202 Geneva, Switzerland. Tel: +41 22 1234567\n"),
    Case("a directory of two organisations in one country",
         "Partner organisations\n\nGreen Towns\n\nMainstrasse 4\n60311 Frankfurt\nGermany\n\nTelephone\n"
         "+49 69 123456\n\nGreen Towns helps refugees in Germany to settle in towns. It works with schools, "
         "churches and councils in many towns.\n\nAsylum Aid Germany\n\nPF 12 34 56\n60069 Frankfurt\n"
         "Germany\n\nTelephone\n+49 69 654321\n\nAsylum Aid advises refugees in Germany.\n"),
    Case("a list of countries", "About the office\n\nThe office covers Armenia, Georgia, Moldova, Belarus and "
         "Ukraine.\n"),
    Case("only a city and a currency", "Refugee Bureau\n\nBudget 1995 63.7 mln BGL\n\nAddress: 21 Main Str., "
         "1635 Sofia\n"),
    Case("currency prefix is not the country", "Fund\n\nRevenue US$3.4 billion (2022)\n"),
    Case("an adjective of people alone is weak", f"History\n\n{PROSE} It helped Hungarian refugees after the war.\n"),
    Case("a news listing over many countries",
         "News\n\nFloods hit villages across Somalia. Somalia's farmers lost their herds.\n\nAid reaches Yemen.\n\n"
         "Schools reopen in Uganda.\n\nTalks on Syria resume.\n\nA new office opens in Kenya.\n"),
    Case("an embassy page that names no host country", "French Embassy\n\nThe embassy serves French citizens "
         "abroad.\n\nEmbassy of France\n1 Main Road\nTel.: 123 4567\n"),
    Case("a journey across four countries, none the subject",
         "The long walk\n\nThey left Eritrea in May and crossed into Ethiopia after a week. In Ethiopia they "
         "rested.\n\nRelated: Sudan appeal | Libya: a year of crisis\n"),
    Case("the only address of an international body, glued",
         "c/o World Health Organization20 Avenue Appia\nCH-1211 Geneva 27\nSwitzerland\nPhone: +41 22 791 2111\n"),
    Case("an address country beside prose naming another is no page country",
         "About us\n\nWe support farmers in Kenya and Uganda.\n\nFriends e.V.\nHauptstraße 5\n10115 Berlin\n"
         "Deutschland\nTelefon: 030 123456\n"),
    Case("an adjective and two destinations named once", "Summary\n\nBetween 2015 and 2020 remittances doubled. In 2024 some "
         "820,000 Kyrgyz citizens lived in Russia, and 60 percent of them were young. Others went to Turkey.\n"),
    Case("a list of donor governments under its heading",
         "Our supporters\n\nWe thank everyone who gives to our work.\n\nInstitutional donors\n\nGovernment of Canada\n"
         "Danish Ministry of Foreign Affairs\nEuropean Union\n\nWrite to us to give.\n"),
    Case("partners listed under a heading without a blank line",
         "Who we work with\nOur partners:\nGovernment of Norway\nSwiss Red Cross\nCity of Lyon\n"),
    Case("a quoted country name is no possessive",
         "Songs\n\nThe album 'Peru' was recorded in Spain and mixed in Mexico.\n"),
    Case("several countries named in Russian, none the subject",
         "Партнёры\n\nМы работаем в Казахстане, Узбекистане, Таджикистане и Туркменистане.\n"),
    Case("a language is not a country",
         "About the School\n\nLanguages: French (official)\nIt teaches French language courses.\n"),
]


@pytest.mark.parametrize("case", COUNTRIES, ids=lambda c: c.name)
def test_country(case):
    got = info(case.text)
    assert got.country == case.country
    assert got.country_iso2 and got.country_iso3


@pytest.mark.parametrize("case", NO_COUNTRY, ids=lambda c: c.name)
def test_no_country(case):
    got = info(case.text)
    assert (got.country, got.country_iso2, got.country_iso3) == (None, None, None)


UPDATED = [
    Case("month and year", "Facts\n\nUpdated: February 2016\nFacts and Figures: February 2016\n",
         updated="2016-02"),
    Case("last change, day first", "Profile\n\nLast Change: 16/06/2010\n", updated="2010-06-16"),
    Case("last updated on, day first", "History\nLast Updated On: 06/01/2017  \n", updated="2017-01-06"),
    Case("second number over 12 is the day", "Page last updated: 04/23/2019\n", updated="2019-04-23"),
    Case("ISO date", "Last modified 2020-11-05\n", updated="2020-11-05"),
    Case("written date", "Updated on March 3, 2016\n", updated="2016-03-03"),
    Case("day month year", "Last updated: 12 March 2015\n", updated="2015-03-12"),
    Case("German stamp", "Stand: 01.02.2016\n", updated="2016-02-01"),
    Case("weekday before the date", "Last updated: Tuesday, 12 March 2015\n", updated="2015-03-12"),
    Case("as of heading a list", "As of January 2010\nLIST OF OFFICES\n", updated="2010-01"),
    Case("German month name", "Impressum\n\nStand: Mai 2023\n", updated="2023-05"),
    Case("German day, month name and year", "Zuletzt aktualisiert am 1. Oktober 2023\n", updated="2023-10-01"),
    Case("French stamp with an abbreviated month", "Mis à jour le 3 févr. 2021\n", updated="2021-02-03"),
    Case("wiki footer", "This page was last edited on 5 June 2024, at 09:12 (UTC).\n", updated="2024-06-05"),
    Case("Spanish stamp with de", "Última actualización: 9 de octubre de 2022\n", updated="2022-10-09"),
    Case("Italian stamp", "Aggiornato il 14 luglio 2021\n", updated="2021-07-14"),
    Case("Dutch stamp", "Laatst bijgewerkt op 2 maart 2020\n", updated="2020-03-02"),
    Case("German stamp with vom", "Stand vom 30.09.2019\n", updated="2019-09-30"),
    Case("Dutch changed stamp with dashes", "Colofon\n\nLaatst gewijzigd: 17-04-2023 · Privacy\n", updated="2023-04-17"),
    Case("reviewed stamp after a sentence", "Entries are sorted by name. Last reviewed: 8 May 2022\n",
         updated="2022-05-08"),
    Case("Italian last-update label", "Contatti\n\nUltimo aggiornamento: 21/11/2020\n", updated="2020-11-21"),
    Case("Portuguese last-update label", "Quem somos\n\nÚltima atualização: 4 de junho de 2021\n",
         updated="2021-06-04"),
]

NOT_UPDATED = [
    Case("byline with post date", "A Year Abroad\n\nBY Jane Roe | 28-12-2015\n\nText.\n"),
    Case("post date line", "Call for Donors\n\nApril 2, 2020\n\nText.\n"),
    Case("updated figure in a row", "1996 69.864 mln BGL (75.6 mln. BGL updated)\n"),
    Case("as of in prose", "As of 2015, the population was 9.5 million.\n"),
    Case("updated in prose", "The list was updated in 2015 by the ministry.\n"),
    Case("dateline", "Monday, December 27, 2010; 38\n"),
    Case("edited in prose", "She edited the 2015 yearbook.\n"),
    Case("an editor credit", "Edited by Jane Roe, March 2019\n"),
    Case("a month-like word in prose", "Stand by us in 2024.\n"),
    Case("reviewed in prose", "The board reviewed 2021 spending in depth.\n"),
    Case("changed in Dutch prose", "Het beleid is in 2019 gewijzigd door het bestuur.\n"),
]


@pytest.mark.parametrize("case", UPDATED, ids=lambda c: c.name)
def test_updated(case):
    got = info(case.text)
    assert got.updated == case.updated
    assert got.updated_span is not None
    assert case.text[got.updated_span.start:got.updated_span.end].strip()


@pytest.mark.parametrize("case", NOT_UPDATED, ids=lambda c: c.name)
def test_not_updated(case):
    assert info(case.text).updated is None


def test_seed_shape():
    text = ("Andrew, Pediatric surgeon\n5,701 kms from home\nRead more\n9,448 kms from home\nRead more\n\n\n"
            "IOM in Belarus\n\nCooperation with IOM remains a priority for the Republic of Belarus.\n\n\n"
            "Updated: February 2016\nFacts and Figures: February 2016\n\nPopulation (2015):9.5 million\n")
    got = info(text)
    assert (got.title, got.country, got.country_iso3, got.country_iso2, got.updated) == (
        "IOM in Belarus", "Belarus", "BLR", "BY", "2016-02")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text):
    got = info(text)
    if got.title_span is not None:
        assert text[got.title_span.start:got.title_span.end] == got.title or got.title is not None


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Updated: ", "As of ", "12/13/2014", "February 2016", "\n", "Belarus",
                                 "IOM in ", "Ethiopian", " | ", "Read more", "5,701 kms from home", "“",
                                 "Tel: +375 17 288", "c/o ", "  "]), max_size=30).map("".join))
def test_never_raises_on_page_shapes(text):
    info(text)


@pytest.mark.parametrize("text, crumb", [
    ("Publications > Reports", True), ("Home » About us » Staff", True), ("Data › Tables", True),
    ("Income > 1,000 a month", False), ("Why demand > supply.", False), ("Migration in West Africa", False),
])
def test_breadcrumb_trail(text, crumb):
    from profile_extract.extract.page import _breadcrumb
    assert _breadcrumb(text) is crumb


def test_speed_on_a_long_page():
    import time
    text = "Menu\n\nIOM in Ruritania\n\n" + (PROSE + " Belarus and Moldova are named here. \n") * 5000 + "x > y " * 50000
    t = time.perf_counter()
    info(text)
    assert time.perf_counter() - t < 5


@pytest.mark.xfail(strict=True, reason="a category breadcrumb in another language than the page reads as a "
                                       "heading; telling them apart needs language identification")
def test_known_gap_breadcrumb_in_another_language():
    text = (f"Hochschulen und Forschungseinrichtungen\n\nThe Institute of Technology is one of the foremost "
            f"institutes in higher technological education. {PROSE}\n")
    assert info(text).title is None
