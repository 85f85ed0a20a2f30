"""Page fields in the set-5 shapes (extract/page.py, parse/countries.py, data/page.toml,
data/countries.csv): a PDF's running header over its document heading, a headline opening
with a quote, headings in scripts without capitals; update stamps in Nordic, Baltic, Balkan,
Slavic and other languages (and the facts helper's stamp words), a search listing whose
results carry their own stamps; countries named in their own language, in an enumeration
ending `and the X`, inside a city's name, by a mission's masthead, by one body's offices.
Test strings are written for these tests, in the shapes of real pages (not copied from any
corpus page)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from profile_extract.extract.page import is_update_stamp_label
from profile_extract.parse.countries import find_countries

sys.path.insert(0, str(Path(__file__).parent))
from test_page_info import Case, info  # (the same Case table and page reader)

PROSE = ("The association was set up in 2001 by parents and teachers of the valley, and since then "
         "it has run two schools and a clinic for the families who live along the river.")
FOOTER = "VALLEY DEVELOPMENT REVIEW                                   SPRING ISSUE"

# --- titles --------------------------------------------------------------------

TITLES = [
    Case("a PDF's running header repeated over its pages (page numbers) is no title",
         f"{FOOTER}\nRepublic of Ruritania\n\nPrepared by the valley office\n\n1. Overview\n\n{PROSE}\n\n"
         f"Trust | Ruritania 2024          Page 1 of 3\n-----\n{FOOTER}\n\n2. Schools\n\n{PROSE}\n",
         "Republic of Ruritania"),
    Case("a running header three times over, no page numbers",
         f"ANNUAL FIELD NOTES 2023\nThe River Schools\n\n{PROSE}\n{PROSE}\n{PROSE}\n\n" + "\n".join(
             f"ANNUAL FIELD NOTES 2023\n\n{k}. Part\n\n{PROSE}\n{PROSE}\n{PROSE}\n" for k in (2, 3)),
         "The River Schools"),
    Case("a headline opening with a quote, a colon and its subject",
         f"Valley Voices\nStories | Data | About\n\n\u201cWe crossed two rivers\u201d: three families on the road "
         f"north\n\n{PROSE}", "\u201cWe crossed two rivers\u201d: three families on the road north"),
    Case("a headline opening with a straight quote and a dash",
         f"Stories | Data | About\n\n'Home is a long way' \u2013 notes from the night shelter\n\n{PROSE}",
         "'Home is a long way' \u2013 notes from the night shelter"),
    Case("an Arabic heading under the menu",
         "الرئيسية | من نحن | المشاريع | اتصل بنا\n\nوادي النهر: حقائق وأرقام\n\n" + PROSE,
         "وادي النهر: حقائق وأرقام"),
    Case("a Hebrew heading over prose", f"עמותת העמק: מי אנחנו\n\n{PROSE}", "עמותת העמק: מי אנחנו"),
    Case("a Chinese heading (one word) over prose", f"河谷协会简介\n\n{PROSE}", "河谷协会简介"),
]

KEPT = [
    Case("a heading doubled under itself and repeated at the foot stays the title",
         f"Our history\n\nOur history\n\nFounded in 1901\n\n{PROSE}\n\n{PROSE}\n\n{PROSE}\n\nOur history\n",
         "Our history"),
    Case("a site name repeated once as the contact block's name line keeps the old rule",
         f"River Valley Trust\n\nWho we are\n\n{PROSE}\n\nContact\nRiver Valley Trust\n12 Mill Road\n"
         "Tel: +44 20 7946 0000\n", "River Valley Trust"),
]

NO_TITLES = [
    Case("a pull quote ending like a sentence opens no headline",
         f"\u201cWe will go back one day,\u201d says Amina.\n\n{PROSE}"),
    Case("a quote with no colon or dash after it is no headline",
         f"\"Home is far\"\n\n{PROSE}"),
    Case("a long Arabic prose line is no heading",
         "يعمل في الوادي اليوم نحو ألفي عامل وافد معظمهم من القرى المجاورة ونسعى إلى افتتاح مكتب ثان في "
         "المدينة قريبا جدا\n\n" + PROSE),
]


# --- update stamps -------------------------------------------------------------

# A stamp line under a page's heading and text, in each language: (line, ISO date).
STAMP_LINES = [
    ("Síðast uppfært: 14. mars 2023", "2023-03-14"),                 # Icelandic month
    ("Zuletzt geändert am 5. Juni 2023", "2023-06-05"),
    ("Laatst aangepast op 12 mei 2022", "2022-05-12"),
    ("Data aggiornamento: 03/04/2024", "2024-04-03"),
    ("Senast ändrad: 7 augusti 2023", "2023-08-07"),
    ("Ultima actualizare: 5 martie 2024", "2024-03-05"),
    ("Ažurirano: 10. oktobar 2023", "2023-10-10"),                   # day with a dot
    ("Ostatnia aktualizacja: 3 lutego 2024", "2024-02-03"),          # genitive month
    ("Обновлено: 12 марта 2024", "2024-03-12"),
    ("Viimeksi päivitetty 9. kesäkuuta 2021", "2021-06-09"),         # partitive month
    ("Article last edited on 4 May 2022", "2022-05-04"),
    ("Document revised on 2021-11-30", "2021-11-30"),
    ("Son güncelleme: 3 Kasım 2023", "2023-11-03"),                  # Turkish month
    ("Mis à jour le 1er mars 2024", "2024-03-01"),                   # French ordinal day
    ("Aggiornato il 1° aprile 2024", "2024-04-01"),                  # Italian ordinal day
    ("آخرین به\u200cروزرسانی: 2024-01-09", "2024-01-09"),            # Persian
]


@pytest.mark.parametrize("line, iso", STAMP_LINES, ids=lambda v: v)
def test_stamp_lines(line, iso):
    assert info(f"Ruritania\n\n{PROSE}\n\n{line}\n").updated == iso


STAMPS = [
    Case("French noun `Mise à jour` under the heading, space before the colon",
         f"Fiche\n\nMise à jour : 2 février 2024\n\n{PROSE}\n", updated="2024-02-02"),
    Case("a byline's `Updated:` after the post date",
         f"Leaving the valley\n\nBy the newsroom · May 3, 2023 · Updated: May 5, 2023\n\n{PROSE}\n",
         updated="2023-05-05"),
    Case("a stamp opening its line stands over listed items' stamps below",
         f"Reports\n\nLast updated: 2 June 2024\n\nRiver report\nReport · updated 3 May 2023\n\n"
         f"School report\nReport · updated 11 January 2024\n", updated="2024-06-02"),
    Case("one listed stamp, or the same date twice, is the page's",
         f"Reports\n\n{PROSE}\n\nPage · updated 3 May 2023\n\nFooter · updated 3 May 2023\n",
         updated="2023-05-03"),
]

NO_STAMPS = [
    Case("search results, each with its own `updated` date",
         f"Search results\n\nShowing 1–3 of 12 results\n\nRiver schools\n\nPage · updated 3 May 2023\n\n"
         f"… the schools opened in 2004 …\n\nClinic report\n\nReport · updated 11 January 2024\n\n"
         f"… the clinic moved in 2019 …\n"),
    Case("`mise à jour` and a year inside a French sentence",
         "Guide\n\nLe guide a reçu une mise à jour 2023 avec les nouvelles adresses des bureaux.\n"),
    Case("an Icelandic sentence with a year is no stamp",
         f"Um okkur\n\n{PROSE}\n\nVefurinn var uppfært 2022 af starfsfólki.\n"),
]


@pytest.mark.parametrize("label, stamp", [
    # the stamp words extract/facts.py skipped through its own table before
    ("Article last edited", True), ("Document revised on", True), ("Profile updated", True),
    ("zuletzt geändert", True), ("laatst aangepast op", True), ("mise à jour", True),
    ("Mise à jour", True), ("data aggiornamento", True), ("modificato il", True),
    ("Síðast uppfært", True), ("Senast ändrad", True), ("Ultima actualizare", True), ("Ažurirano", True),
    ("Website updated", True), ("Entry last modified", True),
    ("Population", False), ("Mise en œuvre", False), ("Date of establishment", False),
    ("Modification of the law", False), ("Síðasta ár", False), ("Profile", False),
])
def test_is_update_stamp_label(label, stamp):
    assert is_update_stamp_label(label) is stamp


# --- countries -----------------------------------------------------------------

COUNTRIES = [
    Case("Icelandic country name in the only address block",
         f"Um okkur\n\n{PROSE}\n\nHafðu samband\nDalsmiðstöðin\nBrekkugata 3\n600 Akureyri\nÍsland\n"
         "Sími: 460 1000\n", country="Iceland"),
    Case("Montenegrin country name in the only address block",
         f"O nama\n\n{PROSE}\n\nKontakt\nDolina NVO\nBulevar Sv. Petra 4\n81000 Podgorica, Crna Gora\n"
         "Tel: +382 20 000 000\n", country="Montenegro"),
    Case("an enumeration ending `and the X` weighs as a list",
         "About us\n\nThe trust was founded in 1962, soon after Ruritania's neighbour Jamaica's independence, "
         "by nurses back from abroad. Its newsletter went to members in Britain, Canada and the United "
         f"States.\n\n{PROSE}\n\nContact\nValley Trust\n4 Hope Road, Kingston, Jamaica\nTel: (876) 555-0101\n",
         country="Jamaica"),
    Case("a country's name inside a city's name is no mention",
         "Leaving Guatemala: the long road north\n\nFamilies from Guatemala travel through Mexico City and on "
         "to the border; some reach Santiago de Chile instead.\n\n" + PROSE, country="Guatemala"),
    Case("a mission's masthead makes the page about its host",
         "Embassy of the Republic of Moldova in Rome\n\nConsular services in Italy\n\nThe consular section of "
         "the Republic of Moldova serves citizens of the Republic of Moldova living in Italy. Documents are "
         "accepted by appointment only.\n\nConsular section\nVia Roma 1\n00100 Roma, Italia\n"
         "Tel: +39 06 0000 0000\n", country="Italy"),
    Case("one body's offices in the country its text names, one e-mail domain",
         "Kontakt\n\nDer Verein berät Familien in ganz Österreich kostenlos.\n\nBüro Wien\nTalverein\n"
         "Hauptstraße 1\n1010 Wien, Österreich\nTel. +43 1 000 00 00\nwien@talverein.at\n\nBüro Graz\n"
         "Talverein Graz\nMurgasse 2\n8010 Graz\nTel. +43 316 000 000\ngraz@talverein.at\n", country="Austria"),
]

NO_COUNTRY = [
    Case("a directory of two organisations (two e-mail domains) in one country",
         "Partner organisations\n\nWe work with groups across Austria.\n\nFlussnetz\nHauptstraße 1\n"
         "1010 Wien, Österreich\nTel. +43 1 000 00 00\ninfo@flussnetz.at\n\nFlussnetz runs the river schools."
         "\nIt was founded in 1990.\nIts board meets twice a year.\n\nTalhilfe\nMurgasse 2\n"
         "8010 Graz, Österreich\nTel. +43 316 000 000\nbuero@talhilfe.at\n"),
    Case("a story page: a list of countries and a person's home town in a country",
         "Three journeys\n\nWe met travellers in Niger, Chad and the Central African Republic. Musa, from Gao "
         "in northern Mali, walked for weeks before he reached the coast. \u201cThe desert in Algeria was the "
         "worst part,\u201d he says."),
]


@pytest.mark.parametrize("text, codes", [
    ("600 Akureyri, Ísland", ["IS"]), ("81000 Podgorica, Crna Gora", ["ME"]), ("11000 Beograd, Srbija", ["RS"]),
    ("Подгорица, Црна Гора", ["ME"]), ("Tallinn, Eesti", ["EE"]), ("București, România", ["RO"]),
    ("71000 Sarajevo, Bosna i Hercegovina", ["BA"]), ("1000 Skopje, Severna Makedonija", ["MK"]),
    ("Tirana, Shqipëria", ["AL"]), ("Port-au-Prince, Ayiti", ["HT"]), ("Toshkent, Oʻzbekiston", ["UZ"]),
    ("Hà Nội, Việt Nam", ["VN"]), ("Душанбе, Тоҷикистон", ["TJ"]),
    # not country names: an English word, a person's name
    ("Long Island", []), ("the Rosa Luxemburg Foundation", []),
])
def test_local_country_names(text, codes):
    assert [m.country.alpha2 for m in find_countries(text)] == codes


# Each table checks one page field; the negative tables expect None (the Case default).
FIELD_CASES = [(c, field) for field, tables in (
    ("title", (TITLES, KEPT, NO_TITLES)), ("updated", (STAMPS, NO_STAMPS)), ("country", (COUNTRIES, NO_COUNTRY)),
) for table in tables for c in table]


@pytest.mark.parametrize("case, field", FIELD_CASES, ids=lambda v: v if isinstance(v, str) else v.name)
def test_page_field(case, field):
    got = info(case.text)
    assert getattr(got, field) == getattr(case, field)
    if field == "title" and case.title:
        assert case.text[got.title_span.start:got.title_span.end] == case.title
