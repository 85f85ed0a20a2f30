"""extract/facts.py: labelled statistics, one table per layout, negatives
beside them. All test text is written for these tests in the shapes real
profile pages use (fact boxes, flattened tables, infoboxes, CIA-style nested
fields); none is copied from the dev corpus."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract.facts import clean_label, extract_facts, label_ok, parse_value, split_line
from profile_extract.ingest.segment import Doc
from profile_extract.parse.units import lookup_unit, registry, unit_after

_UNSET = object()


def facts_of(text: str, content_type: str = "text"):
    return extract_facts(Doc.from_text(text, content_type=content_type))


class Case(NamedTuple):
    text: str
    label: str
    value: float | None = None
    unit: str | None = None
    year_start: int | None = None
    year_end: int | None = None
    qualifier: object = _UNSET
    rank_total: int | None = None
    value_max: float | None = None
    codes: object = _UNSET


# One fact per line. Lines are standalone, so each has a known label or a numeric value.
LINES = [
    # separators
    Case("Population (2019): 4.2 million", "Population", 4_200_000, "person", 2019, 2019),
    Case("Population : 4,200,000", "Population", 4_200_000, "person"),
    Case("Population = 4,200,000", "Population", 4_200_000, "person"),
    Case("Total population -- 731,000 (2020 est.)", "Total population", 731_000, "person", 2020, 2020,
         "estimate"),
    Case("Literacy rate – 81.3%", "Literacy rate", 81.3, "percent"),
    Case("Literacy rate — 81.3%", "Literacy rate", 81.3, "percent"),
    Case("Number of provinces - 9", "Number of provinces", 9),
    Case("Females- 48.2%", "Females", 48.2, "percent"),
    Case("Area (sq km): 41,285", "Area (sq km)", 41_285, "km**2"),
    Case("Refugees, 2018: 62,000", "Refugees", 62_000, "person", 2018, 2018),
    Case("Refugees: 62,000[3]", "Refugees", 62_000, "person"),
    Case("Internet users: 72% of the population (2021)", "Internet users", 72, "percent", 2021, 2021),
    # scale words, grouping, money
    Case("GDP: US$ 12.6 billion (2021)", "GDP", 12_600_000_000, "USD", 2021, 2021),
    Case("Budget: EUR 3.4 million", "Budget", 3_400_000, "EUR"),
    Case("Remittances: 1,380 million USD", "Remittances", 1_380_000_000, "USD"),
    Case("Revenue: £920m", "Revenue", 920_000_000, "GBP"),
    Case("Annual budget: €48 mn", "Annual budget", 48_000_000, "EUR"),
    Case("Endowment: ₹2.5 crore", "Endowment", 25_000_000, "INR"),
    Case("Budget: Rs. 45 lakh", "Budget", 4_500_000, "INR"),
    Case("Population (as per 2011 Census): 3,68,71,477", "Population", 36_871_477, "person", 2011, 2011,
         "census"),
    Case("GDP per capita (PPP): $6,950 (2017 est.)", "GDP per capita (PPP)", 6_950, "USD", 2017, 2017,
         "estimate"),
    Case("Debt: 1.234.567,8 BGN", "Debt", 1_234_567.8, "BGN"),
    # units
    Case("Area: 83,600 sq km", "Area", 83_600, "km**2"),
    Case("Area: 83,600 km²", "Area", 83_600, "km**2"),
    Case("Area: 83600 Sq. Kms.", "Area", 83_600, "km**2"),
    Case("Area: 32,300 square miles", "Area", 32_300, "mi**2"),
    Case("Campus: 1,200 hectares", "Campus", 1_200, "ha"),
    Case("Elevation: 1,340 ft (408 m)", "Elevation", 1_340, "ft"),          # first unit written wins
    Case("Average rainfall: 760 mm (30 in)", "Average rainfall", 760, "mm"),
    Case("Mean temperature: 24 °C", "Mean temperature", 24, "degC"),
    Case("Coastline: 1,130 km", "Coastline", 1_130, "km"),
    Case("Median age: 19.7 years", "Median age", 19.7, "year"),
    Case("Life expectancy at birth: 71 years (2018)", "Life expectancy at birth", 71, "year", 2018, 2018),
    Case("Population density: 152 persons per sq. km", "Population density", 152, "person / km**2"),
    Case("Population density: 58/km2", "Population density", 58, "person / km**2"),
    Case("Population density: 41 per sq mi", "Population density", 41, "person / mi**2"),
    Case("Density of population: 312", "Density of population", 312, "person / km**2"),
    Case("Birth rate: 31.2 births/1,000 population", "Birth rate", 31.2, "permille"),
    Case("Death rate: 7 deaths per 1000 population (2019)", "Death rate", 7, "permille", 2019, 2019),
    Case("Net migration rate: -1.3 migrants/1,000 population", "Net migration rate", -1.3, "permille"),
    Case("Unemployment rate: 6.5 percent", "Unemployment rate", 6.5, "percent"),
    Case("Urban population: 38 % of total", "Urban population", 38, "percent"),
    Case("Stateless persons: 12,400", "Stateless persons", 12_400, "person"),
    Case("Labour force: 1.9 million", "Labour force", 1_900_000, "person"),
    # ranks, ranges, qualifiers
    Case("HDI rank: 127 of 191", "HDI rank", 127, None, rank_total=191),
    Case("HDI rank (2021): 127/191", "HDI rank", 127, None, 2021, 2021, rank_total=191),
    Case("World rank: 45th out of 200", "World rank", 45, None, rank_total=200),
    Case("Refugees: 300,000–400,000", "Refugees", 300_000, "person", value_max=400_000),
    Case("Displaced: 1.5-2 million", "Displaced", 1_500_000, "person", value_max=2_000_000),
    Case("Staff: approx. 1,200", "Staff", 1_200, None, qualifier="approximately"),
    Case("Volunteers: over 15,000", "Volunteers", 15_000, None, qualifier="over"),
    Case("Employees: more than 900", "Employees", 900, None, qualifier="over"),
    Case("Asylum seekers: under 500 (2016)", "Asylum seekers", 500, "person", 2016, 2016, qualifier="under"),
    Case("Population: 2.1 million (2020 provisional)", "Population", 2_100_000, "person", 2020, 2020,
         "provisional"),
    Case("Population: 5,300,000 (FY2019/20)", "Population", 5_300_000, "person", 2019, 2020),
    Case("Population: 1,234,000 in 2012", "Population", 1_234_000, "person", 2012, 2012),
    Case("Gini index: 38.6 (2015)", "Gini index", 38.6, None, 2015, 2015),
    Case("Human development index: 0.544", "Human development index", 0.544, None),
    Case("Sex ratio: 1.05 male(s)/female", "Sex ratio", 1.05, None),
    # counts of things and zero padding
    Case("No. of Blocks: 07", "No. of Blocks", 7, None),
    Case("Member states: 193", "Member states", 193, None),
    # text, dates and identifiers: value null, codes kept
    Case("Languages: Ukrainian (official), Russian", "Languages", None, None,
         codes="ukr;rus"),
    Case("Official languages: English, French", "Official languages", None, None, codes="eng;fra"),
    Case("Currency: Moldovan leu (MDL)", "Currency", None, None, codes="MDL"),
    Case("Currency: Bulgarian lev (BGL)", "Currency", None, None, codes="BGL"),   # retired, kept as written
    Case("Currency: Swiss franc", "Currency", None, None, codes="CHF"),
    Case("Capital: Chisinau", "Capital", None, None),
    Case("Founded: 1919", "Founded", None, None),
    Case("Established: 12 March 1948", "Established", None, None),
    Case("Independence: 27 August 1991 (from the Soviet Union)", "Independence", None, None),
    Case("Calling code: +373", "Calling code", None, None, qualifier=None),
    Case("Internet TLD: .md", "Internet TLD", None, None),
    Case("Time zone: UTC+2", "Time zone", None, None),
]


def _check(f, case: Case):
    assert f.label == case.label
    if case.value is None:
        assert f.value is None
    else:
        assert f.value == pytest.approx(case.value, rel=1e-9)
    assert f.unit == case.unit
    assert (f.year_start, f.year_end) == (case.year_start, case.year_end)
    if case.qualifier is not _UNSET:
        assert f.qualifier == case.qualifier
    assert f.rank_total == case.rank_total
    assert f.value_max == (pytest.approx(case.value_max) if case.value_max is not None else None)
    if case.codes is not _UNSET:
        assert f.codes == case.codes
    if case.unit is not None:
        registry().parse_units(case.unit)       # every unit the tables carry parses in pint


@pytest.mark.parametrize("case", LINES, ids=[c.text for c in LINES])
def test_fact_line(case):
    facts, _ = facts_of(case.text)
    assert len(facts) == 1, [(f.label, f.value_text) for f in facts]
    f = facts[0]
    _check(f, case)
    assert case.text[f.span.start:f.span.end].startswith(case.label.split(" (")[0].split(",")[0])
    assert f.value_text and f.value_text in case.text


# --- layouts over several lines -----------------------------------------------------

BOX = """Country data: March 2019

Population (2018):3.5 million
Area:33,846 km sq
Languages :Romanian (official), Russian
HDI Rank (2017):112 of 189
Remittances (2017 estimate):USD 1,203 million
Updated: March 2019
"""


def test_fact_box_with_as_of_heading():
    facts, findings = facts_of(BOX)
    assert [f.label for f in facts] == ["Population", "Area", "Languages", "HDI Rank", "Remittances"]
    assert {f.as_of for f in facts} == {"2019-03"}
    assert facts[3].rank_total == 189 and facts[4].qualifier == "estimate"
    assert not [x for x in findings if x.severity.value != "info"]


CELLS = """Demographics
Total population |
2,451,000 |
Life expectancy |
|
Overall |
74.2 years |
Men |
70.1 years |
Age structure |
|
0-14 years |
28.5% |
65 years and over |
6.1% |
Median age |
27.4 years |
Main cities |
|
Capital Town 410,000, Harbour City 96,000, Hill Town 12,500 |
Gini coefficient |
35.1 |
"""


def test_cells_one_per_line_with_group_headers():
    facts, _ = facts_of(CELLS)
    got = [(f.label, f.value, f.unit) for f in facts]
    assert got == [
        ("Total population", 2_451_000, "person"),
        ("Life expectancy - Overall", 74.2, "year"),
        ("Life expectancy - Men", 70.1, "year"),
        ("Age structure - 0-14 years", 28.5, "percent"),
        ("Age structure - 65 years and over", 6.1, "percent"),
        ("Median age", 27.4, "year"),            # not a member of the age-structure group
        ("Main cities", None, None),             # a list after the empty cell: one text fact
        ("Gini coefficient", 35.1, None),
    ]


INFOBOX_TEXT = """Republic of Examplia
Motto | Unity and work |
---|---|
Capital | Port Example |
Area |
• Total | 12,190 km2 (4,710 sq mi) (161st) |
• Water (%) | 2.3 |
Population |
• 2020 census | 1,204,000 |
• Density | 98.8/km2 |
GDP (PPP) | 2022 estimate |
• Total | $4.2 billion |
• Per capita | $3,490 |
Currency | Examplian dollar (EXD) |
Calling code | +999 |
"""


def test_infobox_groups_and_header_years():
    facts, _ = facts_of(INFOBOX_TEXT)
    got = {f.label: f for f in facts}
    assert list(got) == ["Motto", "Capital", "Area - Total", "Area - Water (%)", "Population - 2020 census",
                         "Population - Density", "GDP (PPP) - Total", "GDP (PPP) - Per capita", "Currency",
                         "Calling code"]
    assert (got["Area - Total"].value, got["Area - Total"].unit) == (12_190, "km**2")
    assert (got["Area - Water (%)"].value, got["Area - Water (%)"].unit) == (2.3, "percent")
    p = got["Population - 2020 census"]
    assert (p.value, p.unit, p.year_start, p.qualifier) == (1_204_000, "person", 2020, "census")
    assert got["Population - Density"].unit == "person / km**2"
    g = got["GDP (PPP) - Total"]
    assert (g.value, g.unit, g.year_start, g.year_end, g.qualifier) == (4.2e9, "USD", 2022, 2022, "estimate")
    assert got["Calling code"].value is None


HTML_ROWS = """Kingdom of Example
Capital | Example City
12°N 45°E

Government | Constitutional monarchy
• King | Example IV
• Prime Minister | A. Person
Legislature | Parliament
Formation |
• Unification | 1750–1770
• Independence | 3 May 1901
HDI (2022) | 0.611
medium (140th)

Internet TLD | .ex
"""


def test_html_rows_with_bullets_and_continuations():
    facts, _ = facts_of(HTML_ROWS, content_type="html")
    got = {f.label: f for f in facts}
    assert list(got) == ["Capital", "Government", "Government - King", "Government - Prime Minister",
                         "Legislature", "Formation - Unification", "Formation - Independence", "HDI",
                         "Internet TLD"]
    assert got["Formation - Unification"].value is None
    h = got["HDI"]
    assert (h.value, h.year_start, h.value_text) == (0.611, 2022, "0.611 medium (140th)")


NESTED = """Area:
total: 207,600 sq km
land: 202,900 sq km
water: 4,700 sq km
Elevation: lowest point: Neman River 90 m highest point: Dzyarzhynskaya Hara 346 m
Capital: name: Minsk
Life expectancy at birth: total population: 72.7 years male: 67.1 years female: 78.6 years (2018 est.)
"""


def test_nested_sub_fields():
    facts, _ = facts_of(NESTED)
    got = [(f.label, f.value, f.unit) for f in facts]
    assert got == [
        ("Area - total", 207_600, "km**2"),
        ("Area - land", 202_900, "km**2"),
        ("Area - water", 4_700, "km**2"),
        ("Elevation - lowest point", 90, "m"),
        ("Elevation - highest point", 346, "m"),
        ("Capital - name", None, None),
        ("Life expectancy at birth - total population", 72.7, "year"),
        ("Life expectancy at birth - male", 67.1, "year"),
        ("Life expectancy at birth - female", 78.6, "year"),
    ]
    assert facts[5].value_text == "Minsk"
    assert (facts[8].year_start, facts[8].qualifier) == (2018, "estimate")


TRAILING = """Statistics
Description Value
Area 2,870 Sq. KMs.
No. of Blocks 12
No. of Villages (as per District Hand Book, 2011) 1823
Population (as per 2011 Census) 1504210
Density of Population 524 per sq. kms.
Literacy Rate 79.4 %
"""


def test_flattened_two_column_table():
    facts, _ = facts_of(TRAILING)
    got = [(f.label, f.value, f.unit, f.year_start, f.qualifier) for f in facts]
    assert got == [
        ("Area", 2_870, "km**2", None, None),
        ("No. of Blocks", 12, None, None, None),
        ("No. of Villages", 1823, None, 2011, None),       # a count that looks like a year
        ("Population", 1_504_210, "person", 2011, "census"),
        ("Density of Population", 524, "person / km**2", None, None),
        ("Literacy Rate", 79.4, "percent", None, None),
    ]


GLUED = """Example Relief Society

FoundedApril 2, 1901; 124 years ago
FounderJane Example
TypeNon-profit organization
Legal statusCharity
HeadquartersLondon, England
Region served
Worldwide
Revenue
£120 million (2023)[2]
Websitewww.example.org

The Example Relief Society is a charity that was founded in 1901.
"""


def test_glued_infobox_labels_and_next_line_values():
    facts, _ = facts_of(GLUED)
    got = [(f.label, f.value, f.unit) for f in facts]
    assert got == [("Founded", None, None), ("Founder", None, None), ("Type", None, None),
                   ("Legal status", None, None), ("Headquarters", None, None),
                   ("Region served", None, None), ("Revenue", 120_000_000, "GBP")]
    assert facts[-1].year_start == 2023


DASHES = """Regional office

established -- 3 June 1975
aim -- to promote trade between members
members -- (15) Benin, Burkina Faso, Cabo Verde, Ghana
address -- Rue Example 12, Abuja, Nigeria
telephone -- [234] (9) 314 7647
"""


def test_double_dash_rows_and_contact_rows():
    facts, _ = facts_of(DASHES)
    assert [(f.label, f.value) for f in facts] == [("established", None), ("aim", None), ("members", 15)]


DASH_BLOCK = """Census highlights
Total number of states – 36
Population growth rate – 2.6%
Lagos – 12,550,598 (most populous state)
Bayelsa – 1,704,515 (least populous state)
Literacy rate – 62%
Males- 71.3%
Females- 52.7%
Highest literacy rate in state – Imo – 79.5%
"""


def test_dash_block_with_sub_labels():
    facts, _ = facts_of(DASH_BLOCK)
    got = [(f.label, f.value, f.unit) for f in facts]
    assert got == [
        ("Total number of states", 36, None),
        ("Population growth rate", 2.6, "percent"),
        ("Lagos", 12_550_598, "person"),                 # a comment that speaks of population
        ("Bayelsa", 1_704_515, "person"),
        ("Literacy rate", 62, "percent"),
        ("Literacy rate - Males", 71.3, "percent"),
        ("Literacy rate - Females", 52.7, "percent"),
        ("Highest literacy rate in state", 79.5, "percent"),
    ]


def test_labels_in_any_script():
    facts, _ = facts_of("Сотрудников: 42\nПубликаций: 310\n")
    assert [(f.label, f.value) for f in facts] == [("Сотрудников", 42), ("Публикаций", 310)]


def test_repeated_labels_stay_in_page_order():
    text = "Founded: 1850\nStudents: 12,000\n\nFounded: 1921\nStudents: 8,400\n"
    facts, _ = facts_of(text)
    assert [(f.label, f.value) for f in facts] == [("Founded", None), ("Students", 12_000),
                                                    ("Founded", None), ("Students", 8_400)]


# --- what is not a fact -------------------------------------------------------------

NOT_FACTS = [
    "Updated: February 2016",
    "Last updated on: 06/01/2017",
    "Tel: +375 17 288 27 42",
    "Phone: (202) 555-0100",
    "Fax: +41 22 730 8025",
    "Email: office@example.org",
    "Website: http://example.org/en",
    "Address: 12 Main Street, Springfield",
    "Read more",
    "5,701 kms from home",
    "Andrew, Pediatric surgeon",
    "Visitor No: 186605",
    "Photo credit: Example Agency",
    "Share this story:",
    "Current Country: ",
    "Phase 1: Houselisting and housing census",
    "Step 2: Fill in the form",
    "DAY 3: BORDER TOWN, 640 kilometers from home",
    "Note: Figures are rounded to the nearest thousand.",
    "*Pseudonym: the name has been changed.",
    "By Jane Reporter | 12-03-2016",
    "Home | About us | Our work | News | Contact",
    "Urgent appeal: Help Needed for Flood Victims",
    "Stronger together: The 3 Million Steps Campaign",
    "The country has 262 offices in 116 countries and a staff of 6,885 persons.",
    "In 2015, 9.2 million people were displaced: most of them within their country.",
    "Since 2016, 2.4 million people have returned to the country: some voluntarily.",
    "Contact information for the national offices in the region:",
    "1995 63.732 mln BGL",
    "Washington, D.C. 20016",
    "Highlights of the National Census – 2011\nHighlights of the National Census – 2011",
    "Posters (2) | 7 upcoming events",
    "Last time in town: 12 months ago",
]


@pytest.mark.parametrize("text", NOT_FACTS)
def test_not_a_fact(text):
    facts, _ = facts_of(text)
    assert facts == []


def test_facts_and_figures_heading_is_no_fact():
    facts, _ = facts_of("Facts and Figures: February 2016\n\nPopulation: 9,000\nArea: 100 km2\n")
    assert [f.label for f in facts] == ["Population", "Area"]
    assert {f.as_of for f in facts} == {"2016-02"}


def test_hit_counter_total_is_no_fact():
    text = "Visitors\n\nToday | 29\nYesterday | 21\nThis month | 220\nTotal | 77776\n"
    assert facts_of(text)[0] == []


# --- findings, spans, rules -----------------------------------------------------------

def test_unknown_label_is_kept_with_slug_and_info_finding():
    facts, findings = facts_of("Tahasils: 15\nBlocks: 14\n")
    assert [(f.indicator, f.known_indicator) for f in facts] == [("tahasils", False), ("blocks", False)]
    assert [x.code.value for x in findings] == ["unknown_label", "unknown_label"]
    assert {x.severity.value for x in findings} == {"info"}


def test_known_indicator_has_its_key():
    facts, findings = facts_of("GDP per Capita PPP (2014):USD 18,185")
    assert (facts[0].indicator, facts[0].known_indicator) == ("gdp_per_capita_ppp", True)
    assert findings == []


def test_unknown_unit_is_a_warning():
    facts, findings = facts_of("Rainfall: 120 zq\nArea: 5 km2\n")
    assert facts[0].value == 120 and facts[0].unit is None
    assert [(x.code.value, x.severity.value) for x in findings if x.code.value == "unknown_unit"] == [
        ("unknown_unit", "warning")]


def test_spans_cover_label_and_value():
    text = "Intro line\n\nPopulation (2015):9.5 million\nArea: 207,595 km sq\n"
    facts, _ = facts_of(text)
    assert [f.span.snippet(text) for f in facts] == ["Population (2015):9.5 million", "Area: 207,595 km sq"]
    assert [f.rule for f in facts] == ["fact.colon", "fact.colon"]


def test_nbsp_is_a_space():
    facts, _ = facts_of("Population:\u00a09\u00a0500\u00a0000\nArea:\u00a0100\u00a0km2\n")
    assert [(f.value, f.unit) for f in facts] == [(9_500_000, "person"), (100, "km**2")]


def test_extra_indicator_files(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[tahasils]\naliases = ["tahasils", "tehsils"]\ndimension = "count"\n'
                     'example = "No. of Tehsils: 5"\n', encoding="utf-8")
    from profile_extract.options import Options
    doc = Doc.from_text("Tehsils: 15\nBlocks: 14\n", options=Options(aliases_files=(str(extra),)))
    facts, _ = extract_facts(doc)
    assert [(f.indicator, f.known_indicator) for f in facts] == [("tahasils", True), ("blocks", False)]


# --- pure helpers ---------------------------------------------------------------------

@pytest.mark.parametrize("text,unit", [
    ("12 km", "km"), ("12 kms", "km"), ("12 kilometres", "km"), ("12 miles", "mi"), ("12 sq km", "km**2"),
    ("12 km2", "km**2"), ("12 km²", "km**2"), ("12 km sq", "km**2"), ("12 square kilometers", "km**2"),
    ("12 sq. mi.", "mi**2"), ("12 square metres", "m**2"), ("12 ha", "ha"), ("12 acres", "acre"),
    ("12%", "percent"), ("12 per cent", "percent"), ("12 ‰", "permille"), ("12 per mille", "permille"),
    ("12 °F", "degF"), ("12 years", "year"), ("12 yrs", "year"), ("12 people", "person"),
    ("12 inhabitants per km²", "person / km**2"), ("12 /sq mi", "person / mi**2"),
    ("12 deaths/1,000 live births", "permille"), ("12 per 100", "percent"), ("12 kWh", "kWh"),
    ("12 tonnes", "t"), ("12 kg", "kg"),
])
def test_unit_spellings(text, unit):
    u = unit_after(text, 2)
    assert u is not None and u.unit == unit
    registry().parse_units(unit)


@pytest.mark.parametrize("text", ["12 M / F", "12 in 2015", "12 member states", "12 of 188", "12 (2015)",
                                  "12 Main Street"])
def test_no_unit(text):
    assert unit_after(text, 2) is None


def test_lookup_unit_is_cached_and_safe():
    assert lookup_unit("kWh") == "kWh"
    assert lookup_unit("no such unit") is None
    assert lookup_unit.cache_info().currsize >= 1


@pytest.mark.parametrize("label,ok", [
    ("GDP per Capita PPP (2014)", True), ("No. of Villages (as per Hand Book, 2011)", True),
    ("100% Literacy District", True), ("Персоналий", True), ("ISO 3166 code", True),
    ("The population of the country has grown by more than 18 million", False),
    ("+41 22 730 8025", False), ("Via Roma 12, 00100 Rome, Italy. (39-6) 522821. FAX", False),
    ("What is a refugee?", False), ("", False), ("2015", False),
])
def test_label_ok(label, ok):
    assert label_ok(label) is ok


@pytest.mark.parametrize("label,clean,year", [
    ("Population (2015):", "Population", 2015), ("Remittances (2014 estimate)", "Remittances", 2014),
    ("Academic staff[2]", "Academic staff", None), ("Human Development Index (HDI)",
                                                    "Human Development Index (HDI)", None),
    ("Net migration, 2015-2020", "Net migration", 2015),
])
def test_clean_label(label, clean, year):
    got, period, _ = clean_label(label)
    assert got == clean
    assert (period.year_start if period else None) == year


def test_split_line_offsets():
    t = "HDI Rank (2014):50 of 188"
    a, b, c, rule = split_line(t)
    assert (t[:a], t[b:c], rule) == ("HDI Rank (2014)", "50 of 188", "fact.colon")
    assert split_line("Doors open at 19:30 tonight") is None


def test_parse_value_breakdown_list_has_no_value():
    assert parse_value("White, 81%; Black, 13%; Asian, 4%", None).value is None
    assert parse_value("Kerala – 93.1%", "percent").value == 93.1


def test_number_words_in_values():
    facts, _ = facts_of("Population: nine million\nArea: 5 km2\n")
    assert facts[0].value == 9_000_000


def test_german_thousands_dot():
    facts, _ = facts_of("Einwohner: 150.000\nFläche: 12 km2\n")
    assert facts[0].value == 150_000


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_never_raises(text):
    facts, findings = facts_of(text)
    for f in facts:
        assert 0 <= f.span.start <= f.span.end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Population: 12,000", "Area |", "• Total | 5 km2", "|", "Label |",
                                 "value |", "Founded: 1900", "x: y", "---|---|", "", "Males- 5%",
                                 "A – 1", "total: 3 sq km land: 2 sq km", "TypeFund", "Head",
                                 "No. of Blocks 12", "Note: n"]), max_size=25))
def test_layout_soup_never_raises(lines):
    text = "\n".join(lines)
    facts, _ = facts_of(text)
    for f in facts:
        assert f.label and f.span.snippet(text)


CIA_MULTILINE = """People and Society

Population:
2,640,000 (July 2022 est.)
country comparison to the world: 141

Nationality:
noun: Examplian(s)
adjective: Examplian

Age structure:
0-14 years: 22.1% (male 301,000/female 285,000)
65 years and over: 9.8% (2022 est.)

Birth rate:
14.2 births/1,000 population (2022 est.)

Background:
The territory was settled in the fifth century and became independent after a long struggle that ended with a treaty which was signed by both sides.
"""


def test_cia_style_values_on_the_next_line():
    facts, _ = facts_of(CIA_MULTILINE)
    got = [(f.label, f.value, f.unit, f.year_start, f.qualifier) for f in facts]
    assert got == [
        ("Population", 2_640_000, "person", 2022, "estimate"),
        ("Population - country comparison to the world", 141, None, None, None),
        ("Nationality - noun", None, None, None, None),
        ("Nationality - adjective", None, None, None, None),
        ("Age structure - 0-14 years", 22.1, "percent", None, None),
        ("Age structure - 65 years and over", 9.8, "percent", 2022, "estimate"),
        ("Birth rate", 14.2, "permille", 2022, "estimate"),
    ]


def test_tab_separated_rows():
    text = "Key data\nCapital\tPort Example\nPopulation\t1,204,000\nArea\t12,190 km2\n"
    facts, _ = facts_of(text)
    assert [(f.label, f.value, f.unit, f.rule) for f in facts] == [
        ("Capital", None, None, "fact.tab"), ("Population", 1_204_000, "person", "fact.tab"),
        ("Area", 12_190, "km**2", "fact.tab")]


@pytest.mark.parametrize("heading,as_of", [
    ("Facts and Figures: February 2016", "2016-02"),
    ("Key Facts (March 2019)", "2019-03"),
    ("Country data – 2018", "2018"),
    ("As of 3 May 2020", "2020-05-03"),
    ("Statistics at a glance, June 2017", "2017-06"),
])
def test_dated_headings_set_as_of(heading, as_of):
    facts, _ = facts_of(f"{heading}\n\nPopulation: 9,000\nArea: 100 km2\n")
    assert [f.label for f in facts] == ["Population", "Area"]
    assert {f.as_of for f in facts} == {as_of}


@pytest.mark.parametrize("text,label,year", [
    ("Population in 2016: 4,100,000", "Population", 2016),
    ("Literacy rate as of 2011: 74%", "Literacy rate", 2011),
    ("Refugees hosted, 2019: 12,500", "Refugees hosted", 2019),
])
def test_years_written_after_the_label(text, label, year):
    facts, _ = facts_of(text)
    assert [(f.label, f.year_start, f.year_end) for f in facts] == [(label, year, year)]


@pytest.mark.parametrize("text,value,unit", [
    ("Population: 3.4m", 3_400_000, "person"),
    ("Sex ratio: 940 females per 1,000 males", 940, None),
    ("Elevation: 255 m", 255, "m"),
])
def test_dimension_decides_short_scales_and_ratios(text, value, unit):
    f = facts_of(text)[0][0]
    assert (f.value, f.unit) == (value, unit)


def test_headings_and_table_header_rows_are_no_facts():
    text = ("Country profile: Examplia\nKey facts\nIndicator | Value\nCapital | Port Example\n"
            "Population (2020) | 3,456,789\n\nCurrency: Examplian dollar (EXD)\n\nYear | Population | Growth | Density\n"
            "2000 | 2,900,000 | 1.2% | 230\n")
    facts, _ = facts_of(text, content_type="html")
    assert [f.label for f in facts] == ["Capital", "Population", "Currency"]


def test_a_plain_row_after_a_pipe_table_is_read():
    text = "Area | 12,345 km2\n\nCurrency: Examplian dollar\nLanguages: English\n"
    facts, _ = facts_of(text)
    assert [f.label for f in facts] == ["Area", "Currency", "Languages"]


TAB_INFOBOX = ("Republic of Examplia\nCapital\tPort Example\nOfficial languages\t\nExamplian\nEnglish\n"
               "Government\tUnitary republic\n• President\tA. Person\nArea\n• Total\t12,190 km2 (4,710 sq mi)\n"
               "• Water (%)\t2.3\nPopulation\n• 2022 estimate\tNeutral decrease 1,204,000 (150th)\n"
               "• Density\t98.8/km2 (255/sq mi)\nGDP (PPP)\t2022 estimate\n• Total\tIncrease $4.2 billion\n"
               "Currency\tExamplian dollar (EXD)\n")


def test_tab_separated_infobox_copy():
    facts, _ = facts_of(TAB_INFOBOX)
    got = [(f.label, f.value, f.unit, f.year_start) for f in facts]
    assert got == [
        ("Capital", None, None, None), ("Official languages", None, None, None),
        ("Government", None, None, None), ("Government - President", None, None, None),
        ("Area - Total", 12_190, "km**2", None), ("Area - Water (%)", 2.3, "percent", None),
        ("Population - 2022 estimate", 1_204_000, "person", 2022),
        ("Population - Density", 98.8, "person / km**2", None),
        ("GDP (PPP) - Total", 4.2e9, "USD", 2022), ("Currency", None, None, None)]


@pytest.mark.parametrize("text,value,unit", [
    ("Population (thousands): 9,500", 9_500_000, "person"),
    ("GDP (US$ billion): 55.1", 55_100_000_000, "USD"),
    ("Remittances (in USD million): 1,258", 1_258_000_000, "USD"),
    ("Budget (€ mn): 48", 48_000_000, "EUR"),
    ("Elevation (m): 255", 255, "m"),
    ("Unemployment (%): 6.1", 6.1, "percent"),
    ("Population ('000): 2,451", 2_451_000, "person"),
    ("Population (thousands): 9.5 million", 9_500_000, "person"),     # the value's own scale wins
])
def test_units_and_scales_written_in_the_label(text, value, unit):
    f = facts_of(text)[0][0]
    assert (f.value, f.unit) == (pytest.approx(value), unit)


def test_imprint_identifiers_are_no_facts():
    text = ("Example Sports Club\nMain Street 5, 1010 Vienna\nTel: +43 1 234 5678\nIBAN: AT12 3456 7890 1234 5678\n"
            "ZVR: 701317731\nBIC: EXAMATWW\n")
    assert facts_of(text)[0] == []


def test_three_cell_row_with_a_period_cell():
    facts, _ = facts_of("Population | 2021 estimate | 777,486\nArea | | 38,394 km2\n", content_type="html")
    f = facts[0]
    assert (f.label, f.value, f.unit, f.year_start, f.qualifier) == ("Population", 777_486, "person", 2021,
                                                                      "estimate")


def test_nested_rows_keep_the_block_date():
    facts, _ = facts_of("Key facts: May 2018\n\nArea: total: 100 sq km land: 90 sq km\nPopulation: 5,000\n")
    assert [(f.label, f.as_of) for f in facts] == [("Area - total", "2018-05"), ("Area - land", "2018-05"),
                                                   ("Population", "2018-05")]


def test_trailing_plus_is_over_not_a_unit():
    facts, findings = facts_of("Staff: 15,000+\nMembers: 120+ states\n")
    assert [(f.value, f.qualifier, f.unit) for f in facts] == [(15_000, "over", None), (120, "over", None)]
    assert [x for x in findings if x.code.value == "unknown_unit"] == []


def test_a_block_after_a_blank_line_is_not_a_group_of_the_row_above():
    text = ("Facts and Figures: June 2017\n\nPopulation (2016): 3.55 million\nHDI Rank (2015): 107 of 188\n\n"
            "Total Population | 26,24,470\nLiteracy Rate (%) | 85.5\nDensity (per sq. km) | 667\n")
    facts, _ = facts_of(text, content_type="html")
    got = [(f.label, f.indicator, f.value, f.unit) for f in facts]
    assert got == [("Population", "population", 3_550_000, "person"), ("HDI Rank", "hdi_rank", 107, None),
                   ("Total Population", "population", 2_624_470, "person"),
                   ("Literacy Rate (%)", "literacy_rate", 85.5, "percent"),
                   ("Density (per sq. km)", "population_density", 667, "person / km**2")]


def test_several_rows_on_one_line():
    text = "Intro\nPopulation: 9.5 million; Area: 207,595 km²; Capital: Minsk\nRank: 5. Founded: 1920\n"
    facts, _ = facts_of(text)
    assert [(f.label, f.value, f.span.snippet(text)) for f in facts] == [
        ("Population", 9_500_000, "Population: 9.5 million"), ("Area", 207_595, "Area: 207,595 km²"),
        ("Capital", None, "Capital: Minsk"), ("Rank", 5, "Rank: 5"), ("Founded", None, "Founded: 1920")]


def test_period_header_without_bullets():
    text = "GDP (nominal) | 2023 estimate\nTotal | $3.1 billion\nPer capita | $4,100\nCurrency | Examplian dollar\n"
    facts, _ = facts_of(text, content_type="html")
    assert [(f.label, f.value, f.year_start) for f in facts] == [
        ("GDP (nominal) - Total", 3.1e9, 2023), ("GDP (nominal) - Per capita", 4_100, 2023), ("Currency", None, None)]


def test_dotted_leaders():
    text = "Key figures\nPopulation ........ 9,500,000\nArea ............. 207,595 sq km\nCapital … Minsk\n"
    facts, _ = facts_of(text)
    assert [(f.label, f.value, f.unit, f.rule) for f in facts] == [
        ("Population", 9_500_000, "person", "fact.leader"), ("Area", 207_595, "km**2", "fact.leader"),
        ("Capital", None, None, "fact.leader")]


@pytest.mark.parametrize("value,expected", [
    ("1.5%–2%", (1.5, "percent", 2.0)),
    ("between 2,500 and 3,000", (2_500, "person", 3_000)),
    ("from 10 to 20 thousand", (10_000, "person", 20_000)),
    ("₹ 2.5 lakh crore", (2.5e12, "INR", None)),
    ("2 deaths/100,000 live births", (2, None, None)),
])
def test_value_shapes(value, expected):
    v = parse_value(value, "money" if "₹" in value else ("percent" if "%" in value else
                                                          ("ratio" if "deaths" in value else "person")))
    assert (v.value, v.unit, v.value_max) == (pytest.approx(expected[0]), expected[1],
                                              pytest.approx(expected[2]) if expected[2] else None)


@pytest.mark.parametrize("text,value,unit", [
    ("GDP (nominal): 1.87 billion US$", 1.87e9, "USD"),
    ("GDP per capita: 4,884 US$", 4_884, "USD"),
    ("Budget: 12 €", 12, "EUR"),
    ("Income: 3 million US dollars", 3e6, "USD"),
])
def test_currency_written_after_the_number(text, value, unit):
    f = facts_of(text)[0][0]
    assert (f.value, f.unit) == (pytest.approx(value), unit)


def test_infobox_of_alternating_label_and_value_lines():
    text = ("International Organization for Example\n\nFormation\n6 December 1951\nType\nIntergovernmental "
            "organization\nHeadquarters\nGeneva, Switzerland\nMembership\n175 member states\n\n"
            "The organization was founded in 1951.\n")
    facts, _ = facts_of(text)
    assert [(f.label, f.value) for f in facts] == [("Formation", None), ("Type", None), ("Headquarters", None),
                                                   ("Membership", 175)]


def test_short_prose_paragraph_with_one_known_word_line_is_no_box():
    text = "Population\nThe population grew fast in the last decade, said the report.\n\nArea\nIt is a small country.\n"
    assert facts_of(text)[0] == []


@pytest.mark.parametrize("text,unit,warned", [
    ("Speed limit: 40 mph", "mph", False),      # pint knows it; the spelling table does not
    ("Capacity: 12 GW", "GW", False),
    ("Literacy: 74 pc", "percent", False),
    ("Seats: 65 pax", None, True),
    ("Staff: 250 FTE", None, False),            # an acronym, not a unit
    ("Members: 193 UN member states", None, False),
])
def test_unit_fallbacks_and_warnings(text, unit, warned):
    facts, findings = facts_of(text)
    assert facts[0].unit == unit
    assert any(x.code.value == "unknown_unit" for x in findings) is warned


@pytest.mark.parametrize("text", ["Kingdom of Example\nCapital\nand largest city | Example City\nOfficial languages | X\n",
                                  "Kingdom of Example\nCapital\nand largest city\tExample City\nOfficial languages\tX\n"])
def test_a_label_over_two_lines(text):
    facts, _ = facts_of(text)
    assert [f.label for f in facts] == ["Capital and largest city", "Official languages"]
    assert facts[0].span.snippet(text).startswith("Capital\nand largest city")


CIA_1995 = """People

Population: 10,415,973 (July 1995 est.)
Life expectancy at birth:
total population: 71.42 years
male: 66.04 years
female: 77.06 years (1995 est.)
Ethnic divisions: Examplian 77.9%, Russian 13.2%, Polish 4.1% (1989)
Literacy: age 15 and over can read and write (1989)
total population: 98%
male: NA%
Labor force: 4.259 million
by occupation: industry and construction 40%, agriculture and forestry 20%
"""


def test_cia_1995_shapes():
    facts, _ = facts_of(CIA_1995)
    got = [(f.label, f.indicator, f.value, f.unit, f.year_start) for f in facts]
    assert got == [
        ("Population", "population", 10_415_973, "person", 1995),
        ("Life expectancy at birth - total population", "life_expectancy", 71.42, "year", None),
        ("Life expectancy at birth - male", "life_expectancy", 66.04, "year", None),
        ("Life expectancy at birth - female", "life_expectancy", 77.06, "year", 1995),
        ("Ethnic divisions", "ethnic_groups", None, None, 1989),
        ("Literacy", "literacy_rate", None, None, 1989),          # a definition, not a number
        ("Literacy - total population", "literacy_rate", 98, "percent", None),
        ("Literacy - male", "literacy_rate_male", None, None, None),
        ("Labor force", "labour_force", 4_259_000, "person", None),
        ("Labor force - by occupation", "labour_force", None, None, None),
    ]


CIA_PARAGRAPHS = """Geography

Area
total: 207,600 sq km
land: 202,900 sq km

Climate
cold winters, cool and moist summers

Terrain
generally flat with much marshland

Natural resources
timber, peat deposits

Population
9,441,842 (2021 est.)
"""


def test_fields_one_per_paragraph():
    facts, _ = facts_of(CIA_PARAGRAPHS)
    assert [(f.label, f.value) for f in facts] == [
        ("Area - total", 207_600), ("Area - land", 202_900), ("Climate", None), ("Terrain", None),
        ("Natural resources", None), ("Population", 9_441_842)]


def test_article_with_short_headings_is_no_fact_box():
    text = ("Our work\n\nHistory\nThe society was founded in 1901 and has grown since then.\n\n"
            "Mission\nWe help people in need, wherever they are.\n\nNews\nRead our latest reports.\n\n"
            "Contact\nWrite to us at any time.\n")
    assert facts_of(text)[0] == []


CITY_BOX = ("Example City |\nCountry | Examplia\nArea |\n• City | 57.51 sq mi (148.94 km2)\nPopulation (2020) |\n"
            "• Total | 429,954\n• Rank | 46th in the United States\n• Density | 7,962/sq mi (3,074/km2)\n"
            "ZIP Codes | 55401–55488\nFIPS code | 27-43000\nWebsite | example.gov\n")


def test_city_infobox():
    facts, _ = facts_of(CITY_BOX, content_type="html")
    got = [(f.label, f.value, f.unit, f.year_start) for f in facts]
    assert got == [("Country", None, None, None), ("Area - City", 57.51, "mi**2", None),
                   ("Population - Total", 429_954, "person", 2020), ("Population - Rank", 46, None, 2020),
                   ("Population - Density", 7_962, "person / mi**2", 2020), ("ZIP Codes", None, None, None),
                   ("FIPS code", None, None, None)]


def test_wide_space_columns_and_trailing_words():
    text = ("District at a glance\nTotal Population 2624470\nSex Ratio 940 Females per 1000 Males\n\n"
            "Capital          Port Example\nPopulation       1,204,000\n")
    facts, _ = facts_of(text)
    assert [(f.label, f.value, f.rule) for f in facts] == [
        ("Total Population", 2_624_470, "fact.trailing"), ("Sex Ratio", 940, "fact.trailing"),
        ("Capital", None, "fact.spaces"), ("Population", 1_204_000, "fact.spaces")]


@pytest.mark.parametrize("text", [
    "International Example Commission\nRue de Example 37\nCase Postale 96\nCH-1211 Geneva 20\nSwitzerland\n",
    "Example Office\nP.O. Box 30552\nNairobi 00100\nKenya\n",
    "Main Street 5\nBuilding 3\nRoom 307\n",
    "Example Hall\nSuite 600\nFloor 3\nWashington, DC 20004\n",
])
def test_address_blocks_are_no_trailing_number_rows(text):
    assert facts_of(text)[0] == []


@pytest.mark.parametrize("text,label,value,unit", [
    ("GDP per capita (current US$): 6,280", "GDP per capita (current US$)", 6_280, "USD"),
    ("Area, km²: 207,600", "Area, km²", 207_600, "km**2"),
    ("GDP, US$ million: 55", "GDP, US$ million", 55e6, "USD"),
    ("% of population under 15: 16.1", "% of population under 15", 16.1, "percent"),
])
def test_more_label_units(text, label, value, unit):
    f = facts_of(text)[0][0]
    assert (f.label, f.value, f.unit) == (label, pytest.approx(value), unit)


def test_cia_executive_branch_sub_fields():
    text = ("Government\n\nExecutive branch: chief of state: President Example PERSON (since 20 July 1994); "
            "head of government: Prime Minister Other PERSON (since 4 June 2020) cabinet: Council of Ministers "
            "appointed by the president elections/appointments: president directly elected\n"
            "Capital: name: Minsk geographic coordinates: 53 54 N, 27 34 E time difference: UTC+3\n")
    facts, _ = facts_of(text)
    assert [(f.label, f.value) for f in facts] == [
        ("Executive branch - chief of state", None), ("Executive branch - head of government", None),
        ("Executive branch - cabinet", None), ("Executive branch - elections/appointments", None),
        ("Capital - name", None), ("Capital - geographic coordinates", None), ("Capital - time difference", None)]
    assert facts[4].value_text == "Minsk"


@pytest.mark.parametrize("text", ["Some news today.\nExamplia: 5 million people have fled the fighting\nMore news.\n",
                                  "Breaking: 3 injured as storm hits the coast\n"])
def test_headlines_with_a_number_are_no_facts(text):
    assert facts_of(text)[0] == []


# --- rows inside a fact box that are no facts (each between two real rows) -------------------

BOX_TOP = "Population: 2,400,000\n"
BOX_END = "Area: 8,100 km2\n"

IN_BOX_NOT_FACTS = [
    # contact rows with short or non-English labels (data/contacts.toml): the contacts extractor's
    "T: 0161 496 0718",
    "E: info@example-trust.org.uk",
    "W: www.example-trust.org.uk",
    "Tél. : 01 44 55 66 77",
    "Courriel : bureau@exemple-asso.fr",
    "Telefon: 030 1234567",
    "Anschrift: Beispielweg 12, 10115 Berlin",
    "Teléfono: 91 555 12 34",
    # footer and navigation rows, credits with a copyright year
    "Terms | Sitemap | © 2024 Example Foundation",
    "Impressum | Kontakt | © Verein Beispiel e.V. 2023",
    "Follow us: Mastodon | YouTube | Flickr",
    "Legal | Sitemap | Press",
    "Bildnachweis: © Foto Studio Nord, 2021",
    "Cover photo: (c) 2022 J. Example",
    # update stamps, counters, numbered plan items, link rows
    "Content last reviewed: 4 May 2024",
    "This page was last edited: 1 June 2023",
    "Hit counter: 000123456",
    "Objective 2: cut waiting times by 15 percent",
    "Goal 3: 25 percent more trained staff",
    "Priority area 1: safe labour migration",
    "Related links: Annual report (PDF) | Budget 2023 (PDF)",
    # imprint people and register rows
    "Vorstand: Erika Muster, Max Beispiel",
    "Registernummer: VR 9876",
    "Verantwortlich: Hans Muster",
    # headings with a colon
    "Examplia: country fact sheet",
    "Action Plan 2022–2026: overview",
    "Examplia: key facts and figures",
]


@pytest.mark.parametrize("line", IN_BOX_NOT_FACTS)
def test_rows_in_a_box_that_are_no_facts(line):
    facts, _ = facts_of(BOX_TOP + line + "\n" + BOX_END)
    assert [f.label for f in facts] == ["Population", "Area"]


# the same labels or shapes where they do make facts
IN_BOX_FACTS = [
    Case("Site: 1,200 hectares", "Site", 1_200, "ha"),                   # `Site` is a contact label only before a URL
    Case("E: 4.5%", "E", 4.5, "percent"),
    Case("Objectives: 12", "Objectives", 12),                            # a count, not an enumerated item
    Case("Target population: 35,000", "Target population", 35_000, "person"),
    Case("Examplia: 21 regions", "Examplia", 21),                        # a value that is no heading word
    Case("Languages: Examplish | French", "Languages", None),            # a `Label: a | b` row is one row
]


@pytest.mark.parametrize("case", IN_BOX_FACTS, ids=lambda c: c.text)
def test_rows_in_a_box_that_are_facts(case):
    facts, _ = facts_of(BOX_TOP + case.text + "\n" + BOX_END)
    assert [f.label for f in facts] == ["Population", case.label, "Area"]
    f = facts[1]
    assert (f.value, f.unit) == (pytest.approx(case.value) if case.value is not None else None, case.unit)


def test_address_block_in_name_number_form_is_no_fact():
    text = ("Examplia Help Trust\nLong Acre Lane 27\nAvenue des Alpes 5\nCase postale 1234\n"
            "CH-1000 Lausanne 3\n")
    assert facts_of(text)[0] == []


def test_glued_menu_is_no_glued_row():
    text = ("HomeWho we areWhat we doNewsDonate\n\nExample Relief Fund\nTypeCharity\n"
            "HeadquartersExampleton\nPrivacy policyCookie settings© Example 2024\n")
    facts, _ = facts_of(text)
    assert [(f.label, f.value_text) for f in facts] == [("Type", "Charity"), ("Headquarters", "Exampleton")]


# --- values: signs, people abroad, currency names in other languages ---------------------

MORE_VALUES = [
    Case("Net migration rate: −2.4 per 1,000 population", "Net migration rate", -2.4, "permille"),
    Case("Population growth rate: –0.3% (2023)", "Population growth rate", -0.3, "percent", 2023, 2023),
    Case("Population growth rate: ‒0.3%", "Population growth rate", -0.3, "percent"),
    Case("Citizens living abroad: about 3.1 million", "Citizens living abroad", 3_100_000, "person"),
    Case("Examplians abroad: approx. 600,000", "Examplians abroad", 600_000, "person"),
    Case("Remittances from abroad: USD 2.1 billion", "Remittances from abroad", 2_100_000_000, "USD"),
    Case("Budget annuel : 2,3 millions d'euros", "Budget annuel", 2_300_000, "EUR"),
    Case("Jahresbudget: 4,5 Millionen Euro", "Jahresbudget", 4_500_000, "EUR"),
    Case("Presupuesto: 12 millones de dólares estadounidenses", "Presupuesto", 12_000_000, "USD"),
    Case("Fonds propres : 800 000 francs suisses", "Fonds propres", 800_000, "CHF"),
]


@pytest.mark.parametrize("case", MORE_VALUES, ids=lambda c: c.text)
def test_more_values(case):
    f = facts_of(case.text + "\n")[0][0]
    assert (f.label, f.value, f.unit) == (case.label, pytest.approx(case.value), case.unit)
    assert (f.year_start, f.year_end) == (case.year_start, case.year_end)


@pytest.mark.parametrize("text,value,value_max", [
    ("Annual rainfall: 600–900 mm", 600, 900),           # an en dash between numbers is a range, no sign
    ("Growth: 1.5%–2%", 1.5, 2),
    ("Altitude: 200 –400 m", 200, 400),
])
def test_range_dashes_are_no_signs(text, value, value_max):
    f = facts_of(text + "\n")[0][0]
    assert (f.value, f.value_max) == (value, value_max)


# --- labels: nested rows and headers over two lines --------------------------------------

def test_a_label_that_writes_its_field_is_no_sub_row():
    text = ("Area: total: 500 sq km land: 480 sq km water: 20 sq km\n"
            "Area - comparative: slightly smaller than a large city\nClimate: mild\n")
    assert [f.label for f in facts_of(text)[0]] == ["Area - total", "Area - land", "Area - water",
                                                     "Area - comparative", "Climate"]


def test_infobox_header_over_two_lines_above_bullet_rows():
    text = ("Legislature | Assembly\nSovereignty\nfrom the Example Empire\n• Declared | 4 May 1971\n"
            "• Recognised | 9 June 1975\nArea |\n• Total | 1,234 km2\n")
    facts, _ = facts_of(text, "html")
    assert [(f.label, f.value_text) for f in facts] == [
        ("Legislature", "Assembly"),
        ("Sovereignty from the Example Empire - Declared", "4 May 1971"),
        ("Sovereignty from the Example Empire - Recognised", "9 June 1975"),
        ("Area - Total", "1,234 km2")]


def test_plain_rows_in_a_list_are_not_nested():
    text = "Capital | Exampleton\nUnemployment | 12.1%\nMean elevation | 1,800 m\nCurrency | Example dram\n"
    assert [f.label for f in facts_of(text, "html")[0]] == ["Capital", "Unemployment", "Mean elevation",
                                                             "Currency"]


# --- number words and comma-decimal pages ---------------------------------------------------

@pytest.mark.parametrize("text,value,unit", [
    ("Population: nine million\nArea: 5 km2\n", 9_000_000, "person"),
    ("Staff: about two hundred\nArea: 5 km2\n", 200, None),
    ("Refugees: forty thousand (2022)\nArea: 5 km2\n", 40_000, "person"),
    ("Motto: One people, one nation\nArea: 5 km2\n", None, None),          # words in a motto are no number
    ("Status: one of the oldest in the region\nArea: 5 km2\n", None, None),
])
def test_number_words(text, value, unit):
    f = facts_of(text)[0][0]
    assert (f.value, f.unit) == (value, unit)


@pytest.mark.parametrize("text,value", [
    ("Fläche: 12 km2\nEinwohner: 1.250.000\n", 1_250_000),
    ("Fläche: 12,5 km2\nBevölkerung: 48.300\n", 48_300),                 # the page writes decimal commas
    ("Superficie : 3,2 km2\nHabitants : 12.400\n", 12_400),
    ("Area: 1.5 km2\nDensity: 14.110\n", 14.11),                           # the page writes decimal dots
    ("Area: 12 km2\nIndex: 0.725\n", 0.725),                               # nothing says comma: English
])
def test_thousands_dot_by_page(text, value):
    f = facts_of(text)[0][-1]
    assert f.value == pytest.approx(value)


@pytest.mark.parametrize("text,value_text,unit", [
    ("Sex ratio | 96.2 males per 100 females\nArea | 12 km2\n", "96.2 males per 100 females", None),   # a ratio
    ("Sex ratio | 96.2%\nArea | 12 km2\n", "96.2%", "percent"),                                        # written as %
    ("Capital | Exampleton 12°30′N 5°10′E\nArea | 12 km2\n", "Exampleton", None),       # coordinates are no value
    ("Highest point | Mount Example 3,100 m\nArea | 12 km2\n", "Mount Example 3,100 m", "m"),
])
def test_ratio_units_and_coordinates(text, value_text, unit):
    f = facts_of(text, "html")[0][0]
    assert (f.value_text, f.unit) == (value_text, unit)


# more rows of imprints, footers, article metadata and opening hours inside a box: no facts
MORE_IN_BOX_NOT_FACTS = [
    "Registered charity number: 1098765",
    "Charity registration number: 1122334",
    "Mobil: 0170 1234567",                       # any label: the value is a phone number
    "Media contact: press@example.org",          # any label: the value is an e-mail address
    "Sitz: Frankfurt am Main",
    "Amtsgericht Frankfurt am Main: VR 1234",
    "Steuer-Nr.: 045 123 45678",
    "Gestaltung: Studio Beispiel",
    "Numéro RNA : W691234567",
    "Date of publication: 3 May 2022",
    "Reading time: 4 min",
    "Newsletter: Sign up",
    "File size: 2.4 MB",
    "ISBN: 978-3-16-148410-0",
    "Our ref: AB/12/345",
    "Document number: 2021/0345",
    "Section 3.2: Methodology",
    "Total visits: 123456",
    "Visitors today: 45",
    "Online now: 3",
    "Monday–Friday: 9:00–17:00",
    "Mon - Fri: 9 am - 5 pm",
    "Opening hours: Mon–Fri 9.00–17.00",
]


@pytest.mark.parametrize("line", MORE_IN_BOX_NOT_FACTS)
def test_more_rows_in_a_box_that_are_no_facts(line):
    facts, _ = facts_of(BOX_TOP + line + "\n" + BOX_END)
    assert [f.label for f in facts] == ["Population", "Area"]


# near misses of those vocabularies that stay facts
MORE_IN_BOX_FACTS = [
    Case("Size: 603,500 sq km", "Size", 603_500, "km**2"),
    Case("Average working hours: 42 per week", "Average working hours", 42),
    Case("Motto: Unity and work", "Motto"),                              # not a weekday abbreviation
    Case("Director: Jane Example", "Director"),
    Case("Registration rate: 87%", "Registration rate", 87, "percent"),
    Case("Birth registration: 92%", "Birth registration", 92, "percent"),
    Case("Calling code: +375", "Calling code"),                          # an identifier, no phone number
    Case("Bevölkerung: 83,2 Mio.", "Bevölkerung", 83_200_000, "person"),
    Case("Einwohnerzahl: 12.400", "Einwohnerzahl", 12_400, "person"),
]


@pytest.mark.parametrize("case", MORE_IN_BOX_FACTS, ids=lambda c: c.text)
def test_more_rows_in_a_box_that_are_facts(case):
    test_rows_in_a_box_that_are_facts(case)


SITREP_PAGE = """Skip to main content
Home · About · Where we work · News · Contact
Home > Where we work > Examplia

Examplia: Humanitarian Situation Report No. 12
Reporting period: 1 January – 31 March 2024

Key figures
People in need: 4.2 million
Refugees hosted: 240,000

Contact: Jane Example, Head of Office, jane.example@example.org, +123 456 789 012
Share this: Twitter · Facebook · Email
© Example Agency 2024. All rights reserved.
"""


def test_situation_report_page():
    """A document title after a place is a heading; a date range is a date value (no number)."""
    got = [(f.label, f.value) for f in facts_of(SITREP_PAGE)[0]]
    assert got == [("Reporting period", None), ("People in need", 4_200_000), ("Refugees hosted", 240_000)]


@pytest.mark.parametrize("value", ["Flash Update No. 3", "Operational update #14", "Migration dashboard",
                                   "Country Report Issue 2"])
def test_document_titles_after_a_name_are_headings(value):
    assert [f.label for f in facts_of(BOX_TOP + "Examplia: " + value + "\n" + BOX_END)[0]] == ["Population", "Area"]


@pytest.mark.parametrize("value", ["Annual report", "Development plan", "Quarterly"])
def test_text_values_near_document_words_stay(value):
    assert [f.label for f in facts_of(BOX_TOP + "Type: " + value + "\n" + BOX_END)[0]] == ["Population", "Type",
                                                                                           "Area"]


IMPRINT_PAGE = """Impressum

Angaben gemäß § 5 TMG
Beispielhilfe e.V.
Musterstraße 12
12345 Musterstadt

Vertreten durch: Dr. Max Muster (1. Vorsitzender)
Telefon: +49 (0) 123 44 55 66
E-Mail: info@beispielhilfe.de
Registergericht: Amtsgericht Musterstadt
Registernummer: VR 1234
Umsatzsteuer-Identifikationsnummer gemäß §27 a Umsatzsteuergesetz: DE 123 456 789
IBAN: DE12 3456 7890 1234 5678 90

Gegründet: 1998
Mitglieder: 450
Ehrenamtliche: 120

Datenschutz · Impressum · Barrierefreiheit
"""

CHARITY_FOOTER = """Our impact in 2023
Families supported | 1,240
Volunteers | 310
Income | £2.4m

Registered office: 1 Example Street, Leeds LS1 1AA
T 0113 496 0000 | E hello@example.org.uk
Cookies | Privacy | Accessibility statement
"""


@pytest.mark.parametrize("text,expected", [
    (IMPRINT_PAGE, [("Gegründet", None), ("Mitglieder", 450), ("Ehrenamtliche", 120)]),   # a founding year is a date
    (CHARITY_FOOTER, [("Families supported", 1_240), ("Volunteers", 310), ("Income", 2_400_000)]),
])
def test_imprint_and_footer_pages(text, expected):
    assert [(f.label, f.value) for f in facts_of(text)[0]] == expected


@pytest.mark.parametrize("row,value_text,value,unit,years", [
    ("Personal remittances | USD 1.9 billion | 2022", "USD 1.9 billion", 1.9e9, "USD", (2022, 2022)),
    ("Net migration rate | −3.1 per 1,000 | 2020–2025", "−3.1 per 1,000", -3.1, "permille", (2020, 2025)),
    ("Population | 2021 estimate | 777,486", "777,486", 777_486, "person", (2021, 2021)),
    ("Languages | Examplish | French", "Examplish French", None, None, (None, None)),   # no year column
])
def test_three_cell_rows_with_a_year_column(row, value_text, value, unit, years):
    text = "Indicator | Value | Year\n" + row + "\nArea | 12 km2 | 2020\n"
    f = facts_of(text, "html")[0][0]
    assert (f.value_text, f.value, f.unit, (f.year_start, f.year_end)) == (value_text, value, unit, years)


@pytest.mark.parametrize("line", ["Examplia: migration profile", "Examplia: labour market overview"])
def test_profile_headings_are_no_facts(line):
    assert [f.label for f in facts_of(BOX_TOP + line + "\n" + BOX_END)[0]] == ["Population", "Area"]


@pytest.mark.parametrize("line", ["Video: 2 million children back to school", "Q&A: what the 2024 census found",
                                  "Explainer: 5 facts about remittances", "Story: 1,200 km to safety"])
def test_content_type_teasers_are_no_facts(line):
    assert [f.label for f in facts_of(BOX_TOP + line + "\n" + BOX_END)[0]] == ["Population", "Area"]


@pytest.mark.parametrize("text,label", [
    ("Staff: 120\nArea: 5 km2\n", "Staff"),
    ("News agencies: 4\nArea: 5 km2\n", "News agencies"),       # the whole label decides, not one word
])
def test_content_type_words_inside_labels_stay(text, label):
    assert facts_of(text)[0][0].label == label


OTHER_LANGUAGE_AND_LEAD_VALUES = [
    Case("Densité : 105 hab./km²", "Densité", 105, "person / km**2"),
    Case("Bevölkerungsdichte: 233 Einwohner/km²", "Bevölkerungsdichte", 233, "person / km**2"),
    Case("Población: 47,4 millones de habitantes", "Población", 47_400_000, "person"),
    Case("Diaspora: estimated at 8–10 million", "Diaspora", 8_000_000, "person", qualifier="estimate",
         value_max=10_000_000),
    Case("Remittance inflows: US$9.3 billion in 2022", "Remittance inflows", 9.3e9, "USD", 2022, 2022),
    Case("Budget: EUR 4.1 million (2021) and EUR 3.9 million (2020)", "Budget", 4_100_000, "EUR", 2021, 2021),
    Case("Emissions: CO2 5.6 t per capita", "Emissions", 5.6, "t"),   # CO2 is no currency and no number
]


@pytest.mark.parametrize("case", OTHER_LANGUAGE_AND_LEAD_VALUES, ids=lambda c: c.text)
def test_other_language_and_currency_lead_values(case):
    f = facts_of(case.text + "\nArea: 8 km2\n")[0][0]
    assert (f.label, f.value, f.unit) == (case.label, pytest.approx(case.value) if case.value else None, case.unit)
    assert (f.year_start, f.year_end, f.value_max) == (case.year_start, case.year_end, case.value_max)
    if case.qualifier is not _UNSET:
        assert f.qualifier == case.qualifier


@pytest.mark.parametrize("line", [
    "Follow us on Facebook | Twitter | Instagram", "Connect with us on LinkedIn | YouTube",
    "Terms and Conditions | Privacy Policy", "Sitemap | Contact us", "Donate now | Volunteer",
    "Powered by WordPress | Theme by Example", "Previous: Annual report 2022 | Next: Annual report 2024",
    "Posted in News | Tagged refugees, 2023"])
def test_two_cell_navigation_rows_are_no_facts(line):
    assert [f.label for f in facts_of(BOX_TOP + line + "\n" + BOX_END)[0]] == ["Population", "Area"]


@pytest.mark.parametrize("row,label", [("Working language | English", "Working language"),
                                       ("Industry | Media", "Industry"),
                                       ("Newsletter subscribers | 12,000", "Newsletter subscribers"),
                                       ("Volunteers | 310", "Volunteers")])
def test_rows_near_navigation_words_stay(row, label):
    text = "Population | 2,400,000\n" + row + "\nArea | 8,100 km2\n"
    assert [f.label for f in facts_of(text, "html")[0]] == ["Population", label, "Area"]


# --- generalisation2 categories: rates in labels, people abroad, Cyrillic, Factbook text values,
# identifier rows, title lines and contact-block metadata (own strings, same shapes) --------------

SHAPES2 = [
    # a rate written in the label gives the unit of a bare number
    Case("Deaths per 1,000 inhabitants | 11.2 | 2022", "Deaths per 1,000 inhabitants", 11.2, "permille",
         2022, 2022),
    Case("Marriages per 1000 population: 5.3", "Marriages per 1000 population", 5.3, "permille"),
    Case("Divorces (‰): 2.1", "Divorces (‰)", 2.1, "permille"),
    # a people plural or demonym living somewhere is a head count
    Case("Nepalis living in Qatar: 400,000", "Nepalis living in Qatar", 400_000, "person"),
    Case("Syrians residing in Jordan: 0.65 million (2022 est.)", "Syrians residing in Jordan", 650_000,
         "person", 2022, 2022, "estimate"),
    Case("Chinese resident in Italy: 300,000", "Chinese resident in Italy", 300_000, "person"),
    # Russian scale words, units and currencies
    Case("Численность населения: 3,4 млн человек (2023)", "Численность населения", 3_400_000, "person",
         2023, 2023),
    Case("Экспорт: 1,8 млрд долл. США (2022)", "Экспорт", 1_800_000_000, "USD", 2022, 2022),
    Case("Площадь территории: 41 284 км²", "Площадь территории", 41_284, "km**2"),
    Case("Средняя зарплата: 45 тыс. руб.", "Средняя зарплата", 45_000, "RUB"),
    Case("Трудовые мигранты: 250 тыс. чел.", "Трудовые мигранты", 250_000, "person"),
    Case("Безработица: 4,1 %", "Безработица", 4.1, "percent"),
    Case("Лесные угодья: 12 500 кв. км", "Лесные угодья", 12_500, "km**2"),
    # a text value dated in brackets has no value, only the year
    Case("Capital city: Examplia City (2019)", "Capital city", None, None, 2019, 2019),
]


@pytest.mark.parametrize("case", SHAPES2, ids=[c.text for c in SHAPES2])
def test_generalisation2_shapes(case):
    facts, _ = facts_of(case.text)
    assert len(facts) == 1, [(f.label, f.value_text) for f in facts]
    _check(facts[0], case)


NOT_RATES_OR_PEOPLE = [
    # (text, unit): per 100,000 is no permille; households and money are no head count
    ("Hospital beds per 10,000 people | 29 | 2021\nNurses per 10,000 people | 41 | 2021", None),
    ("Beds per 100 thousand people | 310 | 2021\nPhysicians per 100 thousand people | 350 | 2021", None),
    ("Households living in rented homes: 1,200", None),
    ("Sex ratio (males per 1,000 females): 952", None),
]


@pytest.mark.parametrize("text,unit", NOT_RATES_OR_PEOPLE)
def test_label_rate_and_people_negatives(text, unit):
    facts, _ = facts_of(text)
    assert facts and all(f.unit == unit for f in facts), [(f.label, f.unit) for f in facts]


FACTBOOK_TEXT = """Examplia
Economy
Real GDP growth rate:
2.1% (2022 est.)
1.4% (2021 est.)
Inflation rate (consumer prices):
6.3% (2022 est.)
Industries:
textiles, food processing, cement (2021)
Sovereign ratings:
Fitch rating: BB- (2019)
S&P rating: NA
Labor force:
1.2 million (2022 est.)
Government debt:
NA
Imports - partners:
Germany 20%, China 14%, Italy 9% (2021)
Exchange rates:
dinars (EXD) per euro -
3.41 (2022 est.)
3.38 (2021 est.)
Energy
"""


def test_factbook_text_values_sub_fields_and_exchange_rates():
    facts, _ = facts_of(FACTBOOK_TEXT)
    got = [(f.label, f.value, f.unit, f.year_start) for f in facts]
    assert got == [
        ("Real GDP growth rate", 2.1, "percent", 2022),
        ("Inflation rate (consumer prices)", 6.3, "percent", 2022),
        ("Industries", None, None, 2021),
        ("Sovereign ratings - Fitch rating", None, None, 2019),
        ("Sovereign ratings - S&P rating", None, None, None),
        ("Labor force", 1_200_000, "person", 2022),
        ("Government debt", None, None, None),
        ("Imports - partners", None, None, 2021),
        ("Exchange rates - dinars (EXD) per euro", 3.41, None, 2022),
    ]


def test_text_on_the_next_line_is_no_value_outside_factbook_pages():
    facts, _ = facts_of("About us\nOur mission:\nsafe and orderly migration for all\nOur team:\nfourteen staff\n")
    assert facts == []


def test_identifier_rows_of_a_fact_box_are_facts():
    facts, _ = facts_of("Country | Examplia\nIncorporated | 1901\nFIPS code | 12-34567\n"
                        "GNIS feature ID | 0441234\nArea codes | 555, 556\nWebsite | www.example.gov\n")
    got = [(f.label, f.value) for f in facts]
    assert ("FIPS code", None) in got and ("GNIS feature ID", None) in got and ("Area codes", None) in got


NOT_FACTS2 = [
    # identifier rows inside a contact block (rule 4)
    "Embassy of Examplia\nAddress: 5 Main Street, 1010 Vienna\nPostal code: 1010\nPhone: +43 1 234 5678\n",
    # metadata of a contact block
    "Consulate in Examplia City\nPhone: +49 89 123456\nConsular district: Bavaria, Saxony\n"
    "Working hours: Mon-Fri 9:00-12:00\n",
    "Embajada de Examplia\nTeléfono: (598) 2 123 4567\nHorario de atención: lunes a viernes de 9 a 13\n",
    "Generalkonsulat\nTelefon: +49 30 1234567\nÖffnungszeiten: Mo–Fr 9–12 Uhr\n",
    "Consulado\nTeléfono: +34 91 123 4567\nHorario de atención: 9:00 a 13:00\nJurisdicción consular: Madrid\n",
    "Consulate\nPhone: +1 416 555 0100\nOffice hours: 9 a.m. to 1 p.m.\nEmergency number: +1 416 555 0199\n",
    # a title line: place + dash + a heading word
    "Examplia – Länderinformation",
    "Examplia — country information",
]


@pytest.mark.parametrize("text", NOT_FACTS2)
def test_not_a_fact2(text):
    facts, _ = facts_of(text)
    assert facts == [], [(f.label, f.value_text) for f in facts]


@pytest.mark.parametrize("text,labels", [
    # the page's heading line, whatever its heading word, is no `Label – value` row
    ("Examplia – Kurzporträt\n\nEinwohner: 9,2 Mio.\nFläche: 83.000 km²\n", ["Einwohner", "Fläche"]),
    ("Examplia — Trade and Investment\n\nPopulation: 4.1 million\nGDP: USD 12 billion\n", ["Population", "GDP"]),
    # a dash row that is not the page's heading stays a fact
    ("Country notes\n\nLiteracy rate – 91%\nCapital – Examplia City\n", ["Literacy rate", "Capital"]),
])
def test_page_heading_line_is_no_fact(text, labels):
    from profile_extract.pipeline import extract_page
    res = extract_page(text, "heading.txt")
    assert [f.label for f in res.facts] == labels


@pytest.mark.parametrize("text,label", [
    ("Bundesland | Examplia-Nord\nPostleitzahl | 12345\nVorwahl | 0301\nKfz-Kennzeichen | EX\n"
     "Gemeindeschlüssel | 12 0 61 112\n", "Postleitzahl"),
    ("Country | Examplia\nPostal code | 40-001\nUN/LOCODE | EX EXC\nGNIS feature ID | 2410123\n", "Postal code"),
    ("Страна | Экзамплия\nПочтовый индекс | 720001\nТелефонный код | 312\n", "Почтовый индекс"),
    ("Hauptstadt | Examplia-Stadt\nZeitzone | UTC+1 (MEZ)\nFuseau horaire | UTC+2\nTime zone | UTC−5 (EST)\n"
     "• Summer (DST) | UTC−4 (EDT)\n", "Zeitzone"),
])
def test_identifier_rows_have_no_value(text, label):
    facts, _ = facts_of(text)
    ids = [f for f in facts if f.label != text.split(" |")[0]]
    assert label in [f.label for f in ids]
    assert all(f.value is None for f in ids), [(f.label, f.value) for f in ids]


def test_identifier_words_do_not_swallow_quantities():
    facts, _ = facts_of("Capacity | 500\nCapital | Examplia City\nCosmos Hall seats | 1,200\n")
    assert [(f.label, f.value) for f in facts] == [("Capacity", 500), ("Capital", None), ("Cosmos Hall seats", 1200)]


def test_cyrillic_scale_and_currency_written_in_the_label():
    facts, _ = facts_of("Показатель | Значение | Год\nЖители (тыс. человек) | 5 400 | 2022\n"
                        "Экспорт (млрд долл. США) | 4,2 | 2022\nПереводы (млн руб.) | 310 | 2021\n"
                        "Лесная площадь (тыс. км²) | 12,5 | 2020\n")
    got = [(f.label, f.value, f.unit, f.year_start) for f in facts]
    assert got == [("Жители (тыс. человек)", 5_400_000, "person", 2022),
                   ("Экспорт (млрд долл. США)", 4_200_000_000, "USD", 2022),
                   ("Переводы (млн руб.)", 310_000_000, "RUB", 2021),
                   ("Лесная площадь (тыс. км²)", 12_500, "km**2", 2020)]


def test_english_currency_name_in_the_label_brackets():
    facts, _ = facts_of("Exports (million US dollars) | 840 | 2021\nImports (million US dollars) | 1,120 | 2021\n")
    assert [(f.value, f.unit) for f in facts] == [(840_000_000, "USD"), (1_120_000_000, "USD")]


def test_factbook_text_value_is_a_text_fact_but_a_prose_paragraph_is_not():
    text = ("Examplia\nEconomic overview:\nsmall open island economy; tourism, shipping and fishing; remittances "
            "from workers abroad; high public debt since the 2009 crisis\n"
            "Background:\nThe island was settled by fishing communities and later became a trading port. It gained "
            "self-government after a long campaign and has since built a service economy that depends on tourism, "
            "shipping and remittances from workers who were sent abroad.\n"
            "Population:\n1,234,000 (2023 est.)\nArea:\n5,000 sq km\nBirth rate:\n11.2 births/1,000 population (2023 est.)\n")
    facts, _ = facts_of(text)
    got = [(f.label, f.value) for f in facts]
    assert got == [("Economic overview", None), ("Population", 1_234_000), ("Area", 5_000), ("Birth rate", 11.2)]


@pytest.mark.parametrize("text,value,unit", [
    # a year inside a text value is no value
    ("open economy; public debt high since the 2009 crisis", None, None),
    ("Ngultrum, the 1974 series still circulates", None, None),
    # a number with a unit after words stays the value
    ("Highest peak 1624 metres", 1624, "m"),
    ("Mount Example 2000 m", 2000, "m"),
    ("Atlantic Ocean 0 m", 0, "m"),
])
def test_year_inside_text_value(text, value, unit):
    v = parse_value(text, None)
    assert (v.value, v.unit) == (value, unit)


@pytest.mark.parametrize("text,got", [
    # a sub-field written after the field's colon, its number on the next line
    ("Currency: Examplian dinar (EXD)\nExchange rates: dinars (EXD) per US dollar -\n3.41 (2022 est.)\n"
     "3.38 (2021 est.)\nPopulation: 1,200,000\n",
     [("Currency", None), ("Exchange rates - dinars (EXD) per US dollar", 3.41), ("Population", 1_200_000)]),
    # no number follows: the dash ends a text value
    ("Examplia\nCapital: Examplia City\nRates: fixed -\nfloating\n", [("Capital", None), ("Rates", None)]),
    # Ukrainian scale word and people unit
    ("Населення: 41,2 млн осіб\nМігранти: 120 тис. осіб\n",
     [("Населення", 41_200_000), ("Мігранти", 120_000)]),
    # a section heading after a place (`Examplia – Wirtschaft`) is no fact
    ("Examplia – Wirtschaft\nBIP: 450 Mrd. EUR\nInflation: 7,8 %\n", [("BIP", 450e9), ("Inflation", 7.8)]),
])
def test_more_generalisation2_shapes(text, got):
    facts, _ = facts_of(text)
    assert [(f.label, f.value) for f in facts] == got


@pytest.mark.parametrize("text,value,unit,qualifier", [
    ("Трудовые мигранты: около 700 тыс. человек", 700_000, "person", "approximately"),
    ("Население: более 6 млн чел. (2021)", 6_000_000, "person", "over"),
    ("Einwohner: rund 9,1 Mio.", 9_100_000, "person", "approximately"),
    ("Habitantes: más de 3,4 millones", 3_400_000, "person", "over"),
    ("Беженцы: менее 5 тыс. чел.", 5_000, "person", "under"),
    ("Population: 5,100,000", 5_100_000, "person", None),
])
def test_qualifiers_in_other_languages(text, value, unit, qualifier):
    facts, _ = facts_of(text)
    assert [(f.value, f.unit, f.qualifier) for f in facts] == [(value, unit, qualifier)]


def test_hours_as_a_statistic_stay_facts():
    facts, _ = facts_of("Labour market (2022)\nWorking hours: 41.2 hours per week\nEmployment rate: 64%\n")
    assert [(f.label, f.value) for f in facts] == [("Working hours", 41.2), ("Employment rate", 64)]


def test_decimal_comma_page_reads_a_lone_comma_as_decimal():
    facts, _ = facts_of("Bevölkerung: 9,16 Mio.\nBIP: 1,250 Mrd. EUR\nFläche: 83.879 km²\n")
    assert [(f.value, f.unit) for f in facts] == [(9_160_000, "person"), (1_250_000_000, "EUR"), (83_879, "km**2")]
    facts, _ = facts_of("Population: 9.16 million\nGDP: USD 1,250 million\nArea: 83,879 km2\n")
    assert [f.value for f in facts] == [9_160_000, 1_250_000_000, 83_879]


def test_russian_page_reads_a_lone_comma_as_decimal():
    facts, _ = facts_of("Жители: 5 400 тыс. человек\nЭкспорт: 1,250 млрд долл. США\n")
    assert [(f.value, f.unit) for f in facts] == [(5_400_000, "person"), (1_250_000_000, "USD")]


@pytest.mark.parametrize("text,value,unit", [
    ("1 624 м", 1624, "m"), ("45 м²", 45, "m**2"), ("120 тыс. т", 120_000, "t"), ("72 лет", 72, "year"),
    ("350 кг", 350, "kg"), ("3 км", 3, "km"), ("12 кв. км", 12, "km**2"),
])
def test_cyrillic_unit_spellings(text, value, unit):
    v = parse_value(text, None, None, "", True)
    assert (v.value, v.unit) == (value, unit)


@pytest.mark.parametrize("text,unit", [
    ("Ukrainians under temporary protection in Poland: 950,000", "person"),
    ("Afghans hosted in Iran: 3.4 million", "person"),
    ("Nepalis working abroad: 2.2 million", "person"),
    # students and companies are counts of their own (set d: null unit)
    ("Students living abroad: 12,000", None),
    ("Companies working in Examplia: 1,400", None),
])
def test_people_living_elsewhere(text, unit):
    facts, _ = facts_of(text)
    assert [f.unit for f in facts] == [unit]


# --- units in other languages, registration rows, update stamps, share widgets ------

@pytest.mark.parametrize("text,value,unit", [
    ("Dichtheid: 14,2 inwoners per km²", 14.2, "person / km**2"),
    ("Levensduur gemiddeld: 79,1 jaar", 79.1, "year"),
    ("Aantal bewoners: 52.300 inwoners", 52_300, "person"),
    ("Einwohnerdichte: 88 Einwohner/km²", 88, "person / km**2"),
    ("Popolazione: 33.600 abitanti", 33_600, "person"),
])
def test_units_written_in_other_languages(text, value, unit):
    facts, _ = facts_of(text)
    assert [(f.value, f.unit) for f in facts] == [(pytest.approx(value), unit)]


@pytest.mark.parametrize("text", [
    "KvK: 40512345",
    "KvK-nummer: 81234567",
    "NUIT: 400123987",
    "Sede: Rua das Flores 12, Beira",
    "Bezoekadres: Kerkstraat 14, 3511 AB Utrecht",
    "Laatst gewijzigd: 4 maart 2024",
    "Laatst bijgewerkt: 12-01-2023",
    "Ultimo aggiornamento: 3 giugno 2022",
    "Last reviewed: 2 May 2021",
    "Condividi:",
    "Teilen: Facebook | X | WhatsApp",
    "Partager :",
    "Head Office – Kumasi",
    "Former address: 9-3 Sakuragaoka, Osaka",
])
def test_registration_stamp_and_share_rows_are_no_facts(text):
    facts, _ = facts_of(text)
    assert facts == [], [(f.label, f.value_text) for f in facts]


@pytest.mark.parametrize("text,label", [
    ("Inwoners: 17,9 miljoen", "Inwoners"),        # the Dutch people word is still a fine label
    ("Sedentary population share: 41%", "Sedentary population share"),
])
def test_near_misses_stay_facts(text, label):
    facts, _ = facts_of(text)
    assert [f.label for f in facts] == [label]


@pytest.mark.parametrize("text,labels", [
    ("FR | EN | DE\nCapital: Thimphu\nPopulation: 780,000", ["Capital", "Population"]),
    ("en | ar\nArea: 10,400 km²", ["Area"]),
    ("Climate ::NEPAL\nCoastline:\n1,200 km\nPeople ::NEPAL\nPopulation:\ntotal: 30,900,000",
     ["Coastline", "Population - total"]),
])
def test_language_switchers_and_section_headings_are_no_rows(text, labels):
    facts, _ = facts_of(text)
    assert [f.label for f in facts] == labels


@pytest.mark.parametrize("text,label", [
    ("GDP | USD 12 bn", "GDP"),                   # a short label with a value is still a row
    ("Ratio: 3:1 (men to women)", "Ratio"),
])
def test_near_switchers_and_double_colons_stay_rows(text, label):
    facts, _ = facts_of(text)
    assert [f.label for f in facts] == [label]


def test_dated_list_items_are_no_trailing_rows():
    text = "Workshop report released 14 Feb 2024\nNew reading room opens 2 March 2024\n"
    facts, _ = facts_of(text)
    assert facts == []
    facts, _ = facts_of("Area 3,150 sq km\nNo. of Blocks 9\n")       # the trailing table still reads
    assert [(f.label, f.value) for f in facts] == [("Area", 3150), ("No. of Blocks", 9)]
