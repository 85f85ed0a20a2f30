"""Facts in the page shapes QA's blind set 5 met: question-and-answer pages, source notes
and contact-block rows in Nordic, Arabic and other languages, a named office or branch
before its address, a value that starts with an international phone, table headers in
other languages, the running header and footer of a paginated PDF-to-text file, group
headers written as a bare line above indented sub-rows, units of people, densities,
areas and currencies in Norwegian, Russian, Arabic and Italian, and ratios between the
sexes. Every test string is written here in the same shapes, none is copied from a set-5
page or the dev corpus; positive and negative tables side by side."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract.facts import _phone_lead, extract_facts, label_ok, parse_value
from profile_extract.ingest.segment import Doc
from profile_extract.parse.codes import currency_at
from profile_extract.parse.units import label_rate, unit_after


def facts_of(text: str, content_type: str = "text"):
    return extract_facts(Doc.from_text(text, content_type=content_type))[0]


class Case(NamedTuple):
    text: str
    label: str
    value: float | None = None
    unit: str | None = None


# --- 1. rows that are no facts ------------------------------------------------------------------

NO_FACTS = [
    # a question-and-answer page: the markers are no labels, the answers are prose
    "Q: Is the advice line free of charge?\nA: Yes. Calls to 800 1234 cost nothing from any phone.\n"
    "Q: How fast do you answer?\nA: 8 out of 10 calls within 2 minutes.\n",
    "Frage: Wer kann anrufen?\nAntwort: Alle Beschäftigten, auch ohne Papiere.\n",
    "Pregunta: ¿Cuánto cuesta?\nRespuesta: Nada, la línea es gratuita.\n",
    # source notes in other languages
    "Kilde: Statistisk byrå, tall per 1. januar 2024.\n",
    "Källa: Statistiska centralbyrån 2023\n",
    "المصدر: الهيئة العامة للإحصاء، 2022\n",
    "Izvor: Zavod za statistiku, 2021\n",
    # contact rows of a Nordic or Arabic block, and the organisation numbers of an imprint
    "Besøksadresse: Storgata 12, 8006 Bodø\nPostadresse: Postboks 44, 8001 Bodø\n",
    "Sími: 456 7000\nNetfang: skrifstofa@example.is\nKennitala: 520304-1180\n",
    "Org.nr.: 974 123 456\n",
    "Opnunartími: mánudaga til föstudaga kl. 9-16\n",
    "العنوان: شارع الميناء، مبنى 7\nالهاتف: 24 55 66 77\n",
    # a named office or branch before its address or phone
    "Harbour Town branch: Unit 4, Quay Plaza, 15 Dock Road, Harbour Town\n",
    "Sede regionale: Via Garibaldi 8, 40121 Bologna – Tel. 051 234 5678\n",
    "Lagos Office: 12 Marina Street, Lagos Island\n",
    # a reception desk or an appointment line, hours, the place of an upcoming event
    "Reception: +44 20 7946 0123, ext. 310 (visa desk)\n",
    "Appointments: Monday to Thursday, 10:00–13:00\n",
    "Office: +1 212 555 0143 (Mon–Fri, 9:00–17:00)\n",
    "Place: Riverside community hall\nVenue: Town library, room 2\n",
    "Cel./WhatsApp: (+221) 77 123 45 67\n",
    # the header row of a table in other languages
    "Indikator | Verdi\nFolketall (2024) | 52 300\n",
]


@pytest.mark.parametrize("text", NO_FACTS)
def test_no_fact_rows(text):
    labels = [f.label for f in facts_of(text)]
    bad = {"Q", "A", "Frage", "Antwort", "Pregunta", "Respuesta", "Kilde", "Källa", "المصدر", "Izvor",
           "Besøksadresse", "Postadresse", "Sími", "Netfang", "Kennitala", "Org.nr.", "Opnunartími", "العنوان",
           "الهاتف", "Harbour Town branch", "Sede regionale", "Lagos Office", "Reception", "Appointments", "Office",
           "Place", "Venue", "Cel./WhatsApp", "Indikator"}
    assert not bad & set(labels), labels


# the same words where they do label a statistic or belong to one
KEEP = [
    Case("Executive branch: chief of state: President Example PERSON\nCapital: Examplia City\n", "Capital"),
    Case("Place | 3\nTeams | 12\n", "Place", 3),
    Case("Population (2023): 52,300\nArea: 1,204 km²\n", "Population", 52_300, "person"),
    Case("Growth of the labour force: +2.5% (2023)\nPopulation: 1,000,000\n", "Growth of the labour force",
         2.5, "percent"),
]


@pytest.mark.parametrize("case", KEEP)
def test_kept_rows(case):
    by_label = {f.label: f for f in facts_of(case.text)}
    assert case.label in by_label, list(by_label)
    f = by_label[case.label]
    if case.value is not None:
        assert f.value == pytest.approx(case.value)
    if case.unit is not None:
        assert f.unit == case.unit


PHONE_LEAD = [("+44 20 7946 0123, ext. 310 (visa desk)", True), ("(+221) 77 123 45 67", True),
              ("+1 212 555 0143 (Mon–Fri)", True), ("+2.5% (2023)", False), ("+1 234 567 (2020)", False),
              ("+12 345", False), ("+3.4 million (2022)", False)]


@pytest.mark.parametrize("value,expected", PHONE_LEAD)
def test_phone_lead(value, expected):
    assert _phone_lead(value) is expected


# --- 2. running headers and footers of a paginated document -----------------------------------

PDF_TEXT = ("ISLAND MIGRATION PROFILES                          2024 EDITION\n\n"
            "Republic of Examplia\n\n"
            "Population (2023): 104,000\n"
            "Emigrant stock (2020): 41,800\n\n"
            "EXNET | Examplia Profile 2024                      Page 1 of 4\n\n"
            "ISLAND MIGRATION PROFILES                          2024 EDITION\n\n"
            "Remittances (2022): 9.1% of GDP\n\n"
            "EXNET | Examplia Profile 2024                      Page 2 of 4\n\n"
            "ISLAND MIGRATION PROFILES                          2024 EDITION\n\n"
            "Net migration rate (2022): -6.2\n\n"
            "EXNET | Examplia Profile 2024                      Page 3 of 4\n")


def test_running_heads_give_no_facts():
    labels = [f.label for f in facts_of(PDF_TEXT)]
    assert "EXNET" not in labels and "ISLAND MIGRATION PROFILES" not in labels, labels
    assert {"Population", "Emigrant stock", "Remittances", "Net migration rate"} <= set(labels)


# without page markers a repeated line is no running head (a table written twice stays)
NOT_PAGINATED = ("Summary\nTotal | 1,200\nMen | 640\n\nDetail\nTotal | 1,200\nWomen | 560\n")


def test_repeated_rows_without_pages_stay():
    labels = [f.label for f in facts_of(NOT_PAGINATED)]
    assert "Total" in labels


# --- 3. a bare group header above indented sub-rows ---------------------------------------------

INDENTED = [
    ("Nurses recruited abroad\n  to Examplia (2021-22): 1,204\n  to Otherland (2021-22): 880\n",
     [("Nurses recruited abroad - to Examplia", 1_204), ("Nurses recruited abroad - to Otherland", 880)]),
    ("Students enrolled\n    in towns: 5,310\n    in villages: 4,990\n",
     [("Students enrolled - in towns", 5_310), ("Students enrolled - in villages", 4_990)]),
]


@pytest.mark.parametrize("text,expected", INDENTED)
def test_indented_sub_rows(text, expected):
    got = [(f.label, f.value) for f in facts_of(text)]
    assert got == [(lab, pytest.approx(v)) for lab, v in expected]


# a section heading above indented rows whose labels start in capitals is no group header;
# a sentence or a line with digits above them neither
NOT_INDENTED_HEADS = [
    ("Demography\n  Population: 9,100\n  Households: 2,400\n", ["Population", "Households"]),
    ("The figures below are estimates.\n  to the capital: 3,100\n", ["to the capital"]),
    ("Arrivals in 2022\n  by sea: 1,900\n", ["by sea"]),
]


@pytest.mark.parametrize("text,labels", NOT_INDENTED_HEADS)
def test_not_indented_heads(text, labels):
    assert [f.label for f in facts_of(text)] == labels


# --- 4. units of people, densities, areas and currencies in other languages ----------------------

UNITS = [
    Case("Folketall (2024) | 52 300\nAreal | 1 204 km²\n", "Folketall", 52_300, "person"),
    Case("Innvandrere | 3 410\nAreal | 1 204 km²\n", "Innvandrere", 3_410, "person"),
    Case("Befolkningstetthet | 4,8 innbyggere per km²\nAreal | 1 204 km²\n", "Befolkningstetthet", 4.8,
         "person / km**2"),
    Case("Плотность населения: 41 чел. на км²\nПлощадь: 12 300 км²\n", "Плотность населения", 41, "person / km**2"),
    Case("Число беженцев: 12 400\nПлощадь: 12 300 км²\n", "Число беженцев", 12_400, "person"),
    Case("المساحة: 82,880 كم²\nعدد السكان: 1.5 مليون\n", "المساحة", 82_880, "km**2"),
    Case("الكثافة السكانية: 23 نسمة/كم²\nالمساحة: 82,880 كم²\n", "الكثافة السكانية", 23, "person / km**2"),
    Case("عدد المهاجرين (2022): 310,000\nالمساحة: 82,880 كم²\n", "عدد المهاجرين", 310_000, "person"),
    Case("الناتج المحلي الإجمالي (2021): 42.3 مليار دولار أمريكي\nالمساحة: 82,880 كم²\n",
         "الناتج المحلي الإجمالي", 42.3e9, "USD"),
    Case("PIL (2022) | 18,4 miliardi di USD\nSuperficie | 11.200 km²\n", "PIL", 18.4e9, "USD"),
    Case("Rimesse (2021) | 0,9 miliardi di euro\nSuperficie | 11.200 km²\n", "Rimesse", 0.9e9, "EUR"),
    Case("Natural increase (2023): 41,300\nBirths (2023): 120,100\n", "Natural increase", 41_300, "person"),
    Case("Immigrant stock (2020): 18,200\nArea: 1,204 km²\n", "Immigrant stock", 18_200, "person"),
    # a ratio between the sexes keeps no unit
    Case("Men per 1,000 women: 982\nPopulation: 1,000,000\n", "Men per 1,000 women", 982, None),
    Case("Sex ratio (males per 100 females) | 97.4\nPopulation | 1,000,000\n",
         "Sex ratio (males per 100 females)", 97.4, None),
]


@pytest.mark.parametrize("case", UNITS)
def test_units_in_other_languages_and_ratios(case):
    by_label = {f.label: f for f in facts_of(case.text)}
    assert case.label in by_label, list(by_label)
    f = by_label[case.label]
    assert f.value == pytest.approx(case.value)
    assert f.unit == case.unit


# a rate of natural increase is no count of people; a money row abroad no people
NOT_PERSON = [
    Case("Rate of natural increase: 1.4\nBirths (2023): 120,100\n", "Rate of natural increase", 1.4),
    Case("Natural increase rate (2023): 1.1\nBirths (2023): 120,100\n", "Natural increase rate", 1.1),
]


@pytest.mark.parametrize("case", NOT_PERSON)
def test_not_person(case):
    f = {f.label: f for f in facts_of(case.text)}[case.label]
    assert f.unit != "person"


CURRENCY_AT = [("miliardi di USD", 9, "USD"), ("milioni di euro", 8, "EUR"), ("millions de EUR", 9, "EUR"),
               ("مليار دولار أمريكي", 5, "USD"), ("billion of USD", 8, "USD")]
NO_CURRENCY_AT = [("di Roma", 0), ("of which", 0), ("de la ville", 0), ("von Bern", 0)]


@pytest.mark.parametrize("text,pos,code", CURRENCY_AT)
def test_currency_after_connector(text, pos, code):
    hit = currency_at(text, pos)
    assert hit is not None and hit[0] == code


@pytest.mark.parametrize("text,pos", NO_CURRENCY_AT)
def test_no_currency_after_connector(text, pos):
    assert currency_at(text, pos) is None


# --- 5. ratios between the sexes (no percent or permille: their cases are in UNITS above) ---------

RATES = [("Live births per 1,000 population", "permille"), ("Deaths per 1,000 inhabitants", "permille"),
         ("Women per 1,000 men", None), ("Girls per 100 boys", None), ("Hommes pour 100 femmes", None)]


@pytest.mark.parametrize("label,unit", RATES)
def test_label_rate_and_ratio(label, unit):
    assert label_rate(label) == unit


def test_ratio_in_value_is_no_rate():
    assert unit_after("105 males per 100 females", 3) is None
    assert unit_after("12 births per 1,000 women", 2).unit == "permille"


@pytest.mark.parametrize("label,ok", [("Women per 1,000 men", True), ("Doctors per 10,000 people", True),
                                      ("Call 1,800 555 for help", False)])
def test_label_ok_with_a_rate_base(label, ok):
    assert label_ok(label) is ok


def test_value_parse_density_words():
    v = parse_value("4,8 innbyggere per km²", "density")
    assert v is not None and v.unit == "person / km**2"


# known gap: a sub-row that starts with a connector word (`of which …`) under a bare header line is
# read as the wrapped second line of the header's label (`Students enrolled     of which women`)
@pytest.mark.xfail(strict=True, reason="a connector-led indented sub-row joins the line above as a wrapped label")
def test_connector_sub_row_under_bare_header():
    got = [f.label for f in facts_of("Students enrolled\n    of which women: 5,310\n")]
    assert got == ["Students enrolled - of which women"]
