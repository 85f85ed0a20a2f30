"""Facts in the page shapes QA's blind set 4 met (tables with one column per year,
units and scale words of other languages, update stamps, source notes and contact
rows in other languages, short dot leaders, a year written in the label). Every
test string is written here in the same shapes, none is copied from a set-4 page
or the dev corpus; positive and negative tables side by side."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract.facts import extract_facts, parse_value
from profile_extract.ingest.segment import Doc

_UNSET = object()


def facts_of(text: str, content_type: str = "text"):
    return extract_facts(Doc.from_text(text, content_type=content_type))[0]


def page_facts(data: str, name: str = "page.txt"):
    from profile_extract.pipeline import extract_page
    return extract_page(data, name).facts


class Case(NamedTuple):
    text: str
    label: str
    value: float | None = None
    unit: str | None = None
    year_start: int | None = None
    year_end: int | None = None
    rank_total: int | None = None
    qualifier: object = _UNSET


def _check(f, c: Case):
    assert f.label == c.label
    assert (f.value is None) == (c.value is None), (f.value, c.value)
    if c.value is not None:
        assert f.value == pytest.approx(c.value, rel=1e-9)
    assert f.unit == c.unit
    assert (f.year_start, f.year_end) == (c.year_start, c.year_end)
    assert f.rank_total == c.rank_total
    if c.qualifier is not _UNSET:
        assert f.qualifier == c.qualifier


# --- 1. a table with one column per year ------------------------------------------------------

YEAR_TABLES = [
    # one fact per row: the first value written, with its column's year; units and scale in the
    # label's brackets apply
    ("Series | 2017 | 2018 | 2019\n"
     "Population (thousands) | 8,120 | 8,240 | 8,350\n"
     "Unemployment rate (%) | 6.1 | 5.8 | 5.2\n"
     "Exports (EUR million) | 1,204 | 1,310 | 1,422\n"
     "Asylum seekers (persons) | 12,400 | 9,870 | 10,020\n",
     [Case("", "Population (thousands)", 8_120_000, "person", 2017, 2017),
      Case("", "Unemployment rate (%)", 6.1, "percent", 2017, 2017),
      Case("", "Exports (EUR million)", 1_204_000_000, "EUR", 2017, 2017),
      Case("", "Asylum seekers (persons)", 12_400, "person", 2017, 2017)]),
    # two year columns, fiscal-year headers, an empty first header cell
    (" | 2020/21 | 2021/22\n"
     "Enrolment in primary school | 412,300 | 418,900\n"
     "Pupil-teacher ratio | 41 | 39\n",
     [Case("", "Enrolment in primary school", 412_300, None, 2020, 2021),
      Case("", "Pupil-teacher ratio", 41, None, 2020, 2021)]),
    # year heads with a footnote mark or a marker letter (`2021e` estimate, `2022p` provisional)
    ("Indicator | 2020* | 2021e | 2022p\n"
     "Real GDP growth (%) | -3.2 | 4.1 | 3.6\n",
     [Case("", "Real GDP growth (%)", -3.2, "percent", 2020, 2020)]),
    ("Indicator | 2021e | 2022p\n"
     "Real GDP growth (%) | 4.1 | 3.6\n",
     [Case("", "Real GDP growth (%)", 4.1, "percent", 2021, 2021, qualifier="estimate")]),
    # a cell not available in the first year: the first number written, with its own column's year
    ("Indicator | 2015 | 2016 | 2017\n"
     "Net migration rate (per 1,000) | .. | -1.2 | -0.9\n",
     [Case("", "Net migration rate (per 1,000)", -1.2, "permille", 2016, 2016)]),
]


@pytest.mark.parametrize("text,cases", YEAR_TABLES)
def test_year_column_table(text, cases):
    fs = facts_of(text)
    assert len(fs) == len(cases), [f.label for f in fs]
    for f, c in zip(fs, cases):
        _check(f, c)


TEXT_YEAR_TABLES = [
    # columns split by runs of spaces (text copied from a PDF) or tabs
    ("Indicator        2016      2017      2018\n"
     "Population (million)    10.2      10.4      10.5\n"
     "Infant mortality (per 1,000)   31.4   30.2   29.0\n",
     [("Population (million)", 10_200_000, "person", 2016, "fact.spaces"),
      ("Infant mortality (per 1,000)", 31.4, "permille", 2016, "fact.spaces")]),
    ("Series\t2019\t2020\nRemittances (USD million)\t845\t910\n",
     [("Remittances (USD million)", 845_000_000, "USD", 2019, "fact.tab")]),
    # a unit column between the label and the years states each row's unit and scale
    ("Indicator\tUnit\t2019\t2020\nGDP\tUSD million\t1,204\t1,310\nLiteracy rate\t%\t81.2\t82.0\n"
     "Population\tthousands\t8,120\t8,240\n",
     [("GDP", 1_204_000_000, "USD", 2019, "fact.tab"), ("Literacy rate", 81.2, "percent", 2019, "fact.tab"),
      ("Population", 8_120_000, "person", 2019, "fact.tab")]),
    ("Indicator | Unit | 2019 | 2020 | Source\nRefugees | persons | 12,400 | 9,870 | UNHCR\n",
     [("Refugees", 12_400, "person", 2019, "fact.pipe")]),
]


@pytest.mark.parametrize("text,expected", TEXT_YEAR_TABLES)
def test_year_column_text_tables(text, expected):
    got = [(f.label, f.value, f.unit, f.year_start, f.rule) for f in facts_of(text)]
    assert got == [(a, pytest.approx(b), c, d, e) for a, b, c, d, e in expected]


TEXT_YEAR_NOT = [
    # a row far below the header (after a paragraph) is no row of its table
    "Indicator    2019    2020\nPopulation    4.1    4.2\n\n\n\nSome words    10    12\n",
    # two text cells before the years (no unit column head): no year header
    "Region    Type    2019    2020\nNorth    urban    1,204    1,310\n",
]


@pytest.mark.parametrize("text", TEXT_YEAR_NOT)
def test_year_column_text_table_negatives(text):
    labels = [f.label for f in facts_of(text)]
    assert "Some words" not in labels and "North" not in labels


def test_year_column_table_in_html():
    html = ("<html><body><h1>Selected indicators of Examplia</h1><table>"
            "<tr><th>Indicator</th><th>2018</th><th>2019</th><th>2020</th></tr>"
            "<tr><td>Population (million)</td><td>12.4</td><td>12.7</td><td>13.0</td></tr>"
            "<tr><td>Remittances received (USD million)</td><td>845</td><td>910</td><td>880</td></tr>"
            "</table></body></html>")
    fs = page_facts(html, "page.html")
    got = [(f.label, f.value, f.unit, f.year_start) for f in fs]
    assert got == [("Population (million)", 12_400_000, "person", 2018),
                   ("Remittances received (USD million)", 845_000_000, "USD", 2018)]


YEAR_TABLES_NOT = [
    # a wide table whose header cells are words, not years, gives no facts (as before)
    "Region | Men | Women | Total\nNorth | 1,204 | 1,311 | 2,515\nSouth | 988 | 1,020 | 2,008\n",
    # the year header row itself is no fact
    "Indicator | 2019 | 2020 | 2021\n",
    # cells that only look like years are no year head: a wide table gives no facts
    "Indicator | 2019 x | 20201 | 2021 total\nPopulation | 4.1 | 4.2 | 4.3\n",
]


@pytest.mark.parametrize("text", YEAR_TABLES_NOT)
def test_year_column_table_negatives(text):
    assert facts_of(text) == []


def test_two_column_row_after_a_year_table_is_its_own_row():
    text = ("Indicator | 2019 | 2020 | 2021\nGDP growth (%) | 3.1 | -2.0 | 4.4\n\n"
            "Capital | Examplia City\nArea | 41,285 km²\n")
    fs = facts_of(text)
    assert [(f.label, f.year_start) for f in fs] == [("GDP growth (%)", 2019), ("Capital", None), ("Area", None)]


# --- 2. units, scale words and ranks written in other languages --------------------------------

LANG_LINES = [
    # Indonesian / Malay: `juta` million, `ribu` thousand, `jiwa`/`orang` people, `tahun` years
    Case("Jumlah penduduk (2021): 3,75 juta jiwa\nLuas: 12.400 km²", "Jumlah penduduk", 3_750_000, "person", 2021, 2021),
    Case("Jumlah penduduk: 820 ribu orang\nLuas: 1.200 km²", "Jumlah penduduk", 820_000, "person"),
    Case("Kepadatan penduduk: 312 jiwa/km²\nLuas: 1.200 km²", "Kepadatan penduduk", 312, "person / km**2"),
    Case("Angka harapan hidup: 70,4 tahun\nLuas: 1.200 km²", "Angka harapan hidup", 70.4, "year"),
    # Swahili: unit and scale words before the number, `kwa` = per
    Case("Idadi ya watu: 1,204,330\nEneo: 5,120 km²", "Idadi ya watu", 1_204_330, "person"),
    Case("Msongamano wa watu: 48 kwa km²\nEneo: 5,120 km²", "Msongamano wa watu", 48, "person / km**2"),
    Case("Pato la Taifa: TZS bilioni 820.5\nEneo: 5,120 km²", "Pato la Taifa", 820_500_000_000, "TZS"),
    Case("Pato la Taifa: KES trilioni 14.2\nEneo: 5,120 km²", "Pato la Taifa", 14_200_000_000_000, "KES"),
    Case("Umri wa kuishi: miaka 63.9\nEneo: 5,120 km²", "Umri wa kuishi", 63.9, "year"),
    Case("Kiwango cha kujua kusoma: asilimia 78\nEneo: 5,120 km²", "Kiwango cha kujua kusoma", 78, "percent"),
    Case("Idadi ya watu (Sensa 2012): 1,204,330\nEneo: 5,120 km²", "Idadi ya watu", 1_204_330, "person", 2012, 2012,
         qualifier="census"),
    # Spanish and Portuguese: `millones`, `milhões`, `hab. por km²`, a rank `de` its total
    Case("Población: 8,4 millones de habitantes\nSuperficie: 22.000 km²", "Población", 8_400_000, "person"),
    Case("População: 3,2 milhões\nÁrea: 22.000 km²", "População", 3_200_000, "person"),
    Case("Densidad de población: 38,2 hab. por km²\nSuperficie: 22.000 km²", "Densidad de población", 38.2,
         "person / km**2"),
    Case("Puesto en el IDH (2019): 112 de 189\nSuperficie: 22.000 km²", "Puesto en el IDH", 112, None, 2019, 2019,
         rank_total=189),
    # French: a rank `sur` its total, `ans`
    Case("Classement IDH : 145e sur 189\nSuperficie : 22 000 km²", "Classement IDH", 145, None, rank_total=189),
    Case("Espérance de vie : 64,1 ans\nSuperficie : 22 000 km²", "Espérance de vie", 64.1, "year"),
    # Vietnamese, Scandinavian, German abbreviations; scale words in a label's brackets in any language
    Case("Dân số: 2,5 triệu người\nDiện tích: 16.490 km²", "Dân số", 2_500_000, "person"),
    Case("Tuổi thọ trung bình: 73,6 năm\nDiện tích: 16.490 km²", "Tuổi thọ trung bình", 73.6, "year"),
    Case("Forventet levealder: 82,1 år\nAreal: 385 207 km²", "Forventet levealder", 82.1, "year"),
    Case("Einwohner (Tsd.): 1.204\nFläche: 891 km²", "Einwohner (Tsd.)", 1_204_000, "person"),
    Case("PIB (millones de USD): 343.900\nSuperficie: 22.000 km²", "PIB (millones de USD)", 343_900_000_000, "USD"),
    Case("Jumlah penduduk (juta jiwa): 5,32\nLuas: 1.200 km²", "Jumlah penduduk (juta jiwa)", 5_320_000, "person"),
    # currency prefixes and names of other regions
    Case("PDRB: Rp 23,5 triliun\nLuas: 1.200 km²", "PDRB", 23_500_000_000_000, "IDR"),
    Case("Pato la Taifa kwa mtu: TSh 2,450,000\nEneo: 5,120 km²", "Pato la Taifa kwa mtu", 2_450_000, "TZS"),
    Case("PIB: 343.900 millones de dólares\nSuperficie: 22.000 km²", "PIB", 343_900_000_000, "USD"),
    Case("Presupuesto: S/ 12,5 millones\nSuperficie: 22.000 km²", "Presupuesto", 12_500_000, "PEN"),
    Case("Remesas: 1.204 millones de pesos mexicanos\nSuperficie: 22.000 km²", "Remesas", 1_204_000_000, "MXN"),
]


@pytest.mark.parametrize("c", LANG_LINES, ids=lambda c: c.label)
def test_other_language_units_and_scales(c):
    f = facts_of(c.text)[0]
    _check(f, c)


LANG_NOT = [
    # a word before the number that is no unit or scale of the [before] tables changes nothing
    ("Mji mkuu: Dodoma na 410,000", "text", None),
    # a date in a row whose label says nothing of rank is no rank (`20 de julio`)
    ("Fiesta nacional: 9 de julio", None, None),
    # `de` between two numbers under a label that is no rank: no rank_total
    ("Municipios: 32 de 45 con agua potable", "count", None),
]


@pytest.mark.parametrize("text,dim,rank_total", LANG_NOT)
def test_other_language_negatives(text, dim, rank_total):
    value = text.split(": ", 1)[1]
    v = parse_value(value, dim, label=text.split(":")[0])
    assert v.rank_total == rank_total
    assert v.unit is None


def test_scale_before_number_needs_a_number_right_after():
    v = parse_value("trilioni za shilingi", "money")
    assert v.value is None
    v = parse_value("TZS trilioni 170.3 (2022)", "money")
    assert (v.value, v.unit, v.period.year_start) == (pytest.approx(1.703e14), "TZS", 2022)


def test_label_scale_is_not_applied_twice_to_a_value_with_its_own_scale():
    # `(thousands)` in the label, a scale word written before the number in the value
    fs = facts_of("Pato la Taifa (thousands): TZS milioni 3.2\nEneo: 5,120 km²")
    assert fs[0].value == pytest.approx(3_200_000)


# --- 3. update stamps and 4. source notes in other languages ------------------------------------

_BOX = "Población: 4,1 millones\nSuperficie: 51.100 km²\nCapital: Ciudad Ejemplo\n"


@pytest.mark.parametrize("stamp", ["Fecha de actualización: 03.04.2024", "Terakhir diperbarui: 2024-04-03",
                                   "Imesasishwa: Aprili 2024"])
def test_update_stamp_rows_are_no_facts(stamp):
    fs = facts_of(stamp + "\n" + _BOX)
    assert [f.label for f in fs] == ["Población", "Superficie", "Capital"]


@pytest.mark.parametrize("note", ["Fuente: Instituto Nacional de Estadística", "Sumber: Badan Pusat Statistik",
                                  "Chanzo: Ofisi ya Taifa ya Takwimu", "Fonte: Instituto Nacional de Estatística",
                                  "Fuentes: INE; Banco Mundial"])
def test_source_notes_are_no_facts(note):
    fs = facts_of(_BOX + note + "\n")
    assert [f.label for f in fs] == ["Población", "Superficie", "Capital"]


# --- 5. contact-block rows are no facts ---------------------------------------------------------

CONTACT_ROWS = [
    # a phone line's label anywhere in the label, with a phone-shaped value
    "Free-call hotline (Arabic, English): 0800-444-555",
    "Toll free helpline for survivors: 1-888-555-0142",
    "Numéro vert : 800 00 11 22",
    "Línea de ayuda: 800 123 4567",
    "WhatsApp (mensajes): 312 555 6677",
    # a phone number inside the label (`Tel. (604) … – WhatsApp: …`)
    "Tel. (604) 512 3344 – WhatsApp: 312 555 6677",
    # an e-mail written obfuscated, whatever the label
    "Media: media [at] examplia-aid [dot] org",
    "Volunteering: volunteer (at) examplia-aid (dot) org",
    # an enterprise or tax number of an imprint block
    "Numéro d’entreprise : 0456.789.123",
    "Número de identificación fiscal: B-12345678",
]


@pytest.mark.parametrize("row", CONTACT_ROWS)
def test_contact_rows_are_no_facts(row):
    text = "Examplia Aid\n12 Harbour Road\nPortville\n" + row + "\n\n" + _BOX
    assert [f.label for f in facts_of(text)] == ["Población", "Superficie", "Capital"]


DASH_BLOCK_LINES = [
    # an organisation line with a region after a dash, an address line under it
    "Examplia Aid – Northern Region\n88 Harbour Road, Suite 4\nPortville, EX 12345\n",
    # a city – country line between a P.O. box and a phone row
    "Examplia Aid\nCaixa Postal 118\nPortville – Examplia\nTel.: +258 21 123 456\n",
]


@pytest.mark.parametrize("block", DASH_BLOCK_LINES)
def test_dash_lines_of_a_contact_block_are_no_facts(block):
    assert [f.label for f in facts_of(block + "\n" + _BOX)] == ["Población", "Superficie", "Capital"]


CONTACT_NOT = [
    # statistics about phones are facts: thousands grouping is no phone number
    ("Mobile phone subscriptions: 5,412,000\nInternet users: 41%\n", "Mobile phone subscriptions", 5_412_000),
    ("Telephone lines: 1 234 567\nInternet users: 41%\n", "Telephone lines", 1_234_567),
    ("Helpline calls answered (2022): 48,210\nInternet users: 41%\n", "Helpline calls answered", 48_210),
    # a dash row with no address line beside it stays a fact
    ("Capital – Portville\nLiteracy rate – 91%\n", "Capital", None),
]


@pytest.mark.parametrize("text,label,value", CONTACT_NOT)
def test_contact_negatives_stay_facts(text, label, value):
    f = facts_of(text)[0]
    assert f.label == label
    assert f.value == value


# --- 6. dot leaders of two or three dots; a row after a prose paragraph ------------------------

def test_short_dot_leader_in_a_leader_block():
    text = ("Capital ................ Portville\n"
            "Area ................... 41,285 sq km\n"
            "Human Development Index rank .. 112 of 189 (2019)\n"
            "Currency ............... Examplian mark (EXM)\n")
    fs = facts_of(text)
    f = [f for f in fs if f.label == "Human Development Index rank"][0]
    assert (f.value, f.rank_total, f.year_start) == (112, 189, 2019)


def test_dot_leader_leaves_the_values_own_dot():
    fs = facts_of("Capital ............ Portville\nInternet TLD ....... .ex\nArea ............... 41,285 sq km\n")
    assert [(f.label, f.value_text) for f in fs] == [("Capital", "Portville"), ("Internet TLD", ".ex"),
                                                     ("Area", "41,285 sq km")]


@pytest.mark.parametrize("text", ["Loading .. 45%\n", "Downloads ... 1,200\n\nSome text here.\n",
                                  "And then .. 5 minutes later we left\n"])
def test_short_dot_leader_alone_is_no_row(text):
    assert facts_of(text) == []


def test_row_after_a_prose_paragraph_is_no_fact():
    para = ("Members should expect further reforms of the banking sector over the coming year, "
            "and a new customs code is being drafted.")
    text = "Capital: Portville\nArea: 41,285 sq km\n\nOutlook\n\n" + para + "\n\nQuestions: the desk replies within a day.\n"
    assert [f.label for f in facts_of(text)] == ["Capital", "Area"]


def test_text_row_right_under_a_fact_box_stays():
    text = "Capital: Portville\nArea: 41,285 sq km\nMotto: Unity and work\n"
    assert [f.label for f in facts_of(text)] == ["Capital", "Area", "Motto"]


# --- 7. a year written at the end of a label, without brackets ---------------------------------

YEAR_LABELS = [
    Case("Budget 2023 : 1,2 million €\nBénévoles : 140", "Budget 2023", 1_200_000, "EUR", 2023, 2023),
    Case("Population 2020: 4,100,000\nArea: 41,285 sq km", "Population 2020", 4_100_000, "person", 2020, 2020),
    # a year in brackets after the value wins over the label's
    Case("Budget 2023: EUR 1.4 million (2022)\nArea: 41,285 sq km", "Budget 2023", 1_400_000, "EUR", 2022, 2022),
    # a year that starts a span dates no count
    Case("Returnees since 1994: 3,500,000\nArea: 41,285 sq km", "Returnees since 1994", 3_500_000, "person"),
    # a fiscal year, and a unit bracket after the year
    Case("Budget 2023/24: EUR 2.1 million\nArea: 41,285 sq km", "Budget 2023/24", 2_100_000, "EUR", 2023, 2024),
    Case("GDP per capita 2022 (USD): 4,120\nArea: 41,285 sq km", "GDP per capita 2022 (USD)", 4_120, "USD", 2022, 2022),
    # a text value gets no year from its label
    Case("Vision 2030: a plan for the coast\nArea: 41,285 sq km", "Vision 2030"),
]


@pytest.mark.parametrize("c", YEAR_LABELS, ids=lambda c: c.label)
def test_year_at_the_end_of_a_label(c):
    _check(facts_of(c.text)[0], c)


# --- founding dates and national days in other languages are date values (value null) ----------

@pytest.mark.parametrize("text,label", [
    ("Fondation : 1992\nBénévoles : 85", "Fondation"),
    ("Fiesta nacional: 9 de julio\nSuperficie: 22.000 km²", "Fiesta nacional"),
    ("Tanggal pembentukan: 3 Maret 1961\nLuas: 1.200 km²", "Tanggal pembentukan"),
    ("Siku ya Uhuru: 12 Desemba 1963\nEneo: 5,120 km²", "Siku ya Uhuru"),
])
def test_date_labels_in_other_languages(text, label):
    f = facts_of(text)[0]
    assert (f.label, f.value, f.year_start) == (label, None, None)


def test_count_beside_a_date_label_keeps_its_value():
    fs = facts_of("Fondation : 1992\nBénévoles : 85")
    assert fs[1].value == 85


# --- speed: the look-aheads of the unit pattern change no match --------------------------------

UNIT_TAILS = [" persons per sq km", " kwa km²", " jiwa/km²", " pour 1 000", " hab. por km²", " je km²",
              " чел. на км²", " births per 1,000 inhabitants", "/km2 (53/sq mi)", " per cent", " percent",
              " people", " migrants/1,000 population", " km sq", " years", " ans", " Einw. pro km²", " pax",
              " residents per square kilometre", ", 2019", " million people", "% of GDP", " per 100 females"]


@pytest.mark.parametrize("tail", UNIT_TAILS)
def test_unit_lookaheads_change_no_match(tail):
    import re
    from profile_extract.parse import units as U
    plain = re.compile(U._UNIT_RE.pattern.replace(U._PER_AHEAD, "")
                       .replace("(?=.{0,30}?[" + re.escape(U._PER_FIRST) + "/])", ""), re.IGNORECASE)
    assert plain.pattern != U._UNIT_RE.pattern
    a, b = plain.match(tail), U._UNIT_RE.match(tail)
    assert (a and (a.group(), a.lastgroup)) == (b and (b.group(), b.lastgroup))


@pytest.mark.parametrize("row", ["Telepon: (0370) 621 234", "Kotak Pos: 123 Mataram", "S.L.P.: 2654 Dodoma",
                                 "Jam operasional: Senin–Jumat 08.00–16.00", "Saa za kazi: Jumatatu hadi Ijumaa",
                                 "Horário de atendimento: 8h às 17h"])
def test_contact_rows_of_other_languages_are_no_facts(row):
    assert [f.label for f in facts_of(_BOX + row + "\n")] == ["Población", "Superficie", "Capital"]
