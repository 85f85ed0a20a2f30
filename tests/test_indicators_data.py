"""The data checks itself: every indicator row's example parses back to its own
row, every unit string parses in the pint registry, every spelling is matched,
and bad user files fail loading with their file name and line or key."""
from __future__ import annotations

import re

import pytest

from profile_extract.extract.facts import extract_facts
from profile_extract.ingest.segment import Doc
from profile_extract.parse.indicators import (DIMENSIONS, IndicatorError, label_words, load_indicators,
                                              norm_label)
from profile_extract.parse.units import registry, spelling_table, unit_after

TABLE = load_indicators()
ROWS = list(TABLE)


def test_table_is_not_trivial():
    assert len(ROWS) >= 80
    assert {r.dimension for r in ROWS} <= set(DIMENSIONS)


@pytest.mark.parametrize("row", ROWS, ids=[r.key for r in ROWS])
def test_example_parses_back_to_its_row(row):
    facts, _ = extract_facts(Doc.from_text(row.example))
    assert [f.indicator for f in facts] == [row.key], [(f.label, f.indicator) for f in facts]
    f = facts[0]
    assert f.known_indicator
    if row.dimension in ("text", "date", "identifier"):
        assert f.value is None
    if row.dimension == "person" and f.value is not None:
        assert f.unit in ("person", "percent")
    if row.dimension == "density":
        assert f.unit.startswith("person / ")
    if f.unit is not None:
        registry().parse_units(f.unit)


@pytest.mark.parametrize("row", ROWS, ids=[r.key for r in ROWS])
def test_every_alias_finds_its_row(row):
    for alias in row.aliases:
        assert TABLE.lookup(alias).key == row.key


def test_aliases_are_unique_after_normalising():
    seen = {}
    for r in ROWS:
        for a in r.aliases:
            n = norm_label(a)
            assert seen.setdefault(n, r.key) == r.key, f"{a!r} in [{r.key}] and [{seen[n]}]"


# --- user files -------------------------------------------------------------------------

def test_user_file_adds_rows_and_aliases(tmp_path):
    f = tmp_path / "extra.toml"
    f.write_text('[population]\naliases = ["einwohner"]\n\n'
                 '[tahasils]\naliases = ["tahasils", "tehsils"]\ndimension = "count"\n'
                 'example = "No. of Tahasils: 15"\n', encoding="utf-8")
    t = load_indicators((str(f),))
    assert t.lookup("Einwohner").key == "population"
    assert t.lookup("Tehsils").key == "tahasils"
    assert t.lookup("Population").key == "population"        # packaged aliases kept
    assert load_indicators().lookup("Einwohner") is None       # the packaged table is unchanged


BAD_FILES = [
    ('[oops\naliases = ["x"]\n', r"bad\.toml: .*line 1"),
    ('[new_row]\naliases = ["zorks"]\ndimension = "banana"\nexample = "Zorks: 1"\n',
     r"bad\.toml:1: \[new_row\]: dimension 'banana'"),
    ('\n\n[dup]\naliases = ["population"]\ndimension = "person"\nexample = "Population: 1"\n',
     r"bad\.toml:3: \[dup\]: alias 'population' already belongs to \[population\]"),
    ('[no_example]\naliases = ["zorks"]\ndimension = "count"\n', r"bad\.toml:1: \[no_example\]: .*example"),
    ('[Bad-Key]\naliases = ["zorks"]\ndimension = "count"\nexample = "Zorks: 1"\n',
     r"bad\.toml:1: \[Bad-Key\]: key must be snake_case"),
    ('[typo]\nalias = ["zorks"]\ndimension = "count"\nexample = "Zorks: 1"\n',
     r"bad\.toml:1: \[typo\]: unknown field"),
    ('[empty]\naliases = [""]\ndimension = "count"\nexample = "Zorks: 1"\n', r"\[empty\]: aliases must be"),
]


@pytest.mark.parametrize("text,message", BAD_FILES)
def test_bad_user_file_names_file_and_line_or_key(tmp_path, text, message):
    f = tmp_path / "bad.toml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(IndicatorError, match=message):
        load_indicators((str(f),))


def test_missing_user_file(tmp_path):
    with pytest.raises(IndicatorError, match=r"nope\.toml: cannot read"):
        load_indicators((str(tmp_path / "nope.toml"),))


# --- units and vocabulary --------------------------------------------------------------

UNIT_ROWS = [(table, unit) for table, rows in spelling_table().items() if table in ("units", "area", "rates")
             for unit in rows]


@pytest.mark.parametrize("table,unit", UNIT_ROWS, ids=[f"{t}:{u}" for t, u in UNIT_ROWS])
def test_unit_strings_parse_in_pint(table, unit):
    registry().parse_units(unit)


# written spellings that each table row must match (one per row, at least)
SPELLED = {"percent": "5 %", "permille": "5 ‰", "km": "5 km", "m": "5 m", "cm": "5 cm", "mm": "5 mm",
           "mi": "5 miles", "ft": "5 ft", "in": "5 in", "ha": "5 ha", "acre": "5 acres", "kg": "5 kg",
           "t": "5 tonnes", "year": "5 years", "month": "5 months", "day": "5 days", "hour": "5 hours",
           "degC": "5 °C", "degF": "5 °F", "kWh": "5 kWh", "GWh": "5 GWh", "MW": "5 MW", "GW": "5 GW", "kW": "5 kW", "TWh": "5 TWh", "l": "5 litres",
           "person": "5 people", "km**2": "5 sq km", "m**2": "5 sq m", "mi**2": "5 sq mi",
           "ft**2": "5 sq ft"}


@pytest.mark.parametrize("table,unit", [r for r in UNIT_ROWS if r[0] != "rates"],
                         ids=[f"{t}:{u}" for t, u in UNIT_ROWS if t != "rates"])
def test_every_unit_row_is_matched(table, unit):
    text = SPELLED[unit]
    assert unit_after(text, 1).unit == unit


def test_currency_units_are_in_the_registry():
    ureg = registry()
    for code in ("USD", "EUR", "GBP", "INR", "BYR", "BYN", "BGN"):
        assert str(ureg.parse_units(code)) == code


def test_label_vocabulary_loads_and_matches():
    w = label_words()
    assert w.skip.match("Tel.") and w.skip.match("E-mail") and w.skip.match("Last Updated On")
    assert w.as_of.match("Facts and Figures") and not w.as_of.match("Population")
    assert w.sublabel.match("0-14 years") and w.sublabel.match("Males") and not w.sublabel.match("Median age")
    assert w.enumerated.match("Phase 1") and not w.enumerated.match("Population")


def test_data_files_are_plain_toml_with_header_comments():
    from importlib import resources
    for name in ("indicators.toml", "fact_labels.toml", "qualifiers.toml", "scale_words.toml",
                 "unit_spellings.toml", "codes.toml"):
        text = resources.files("profile_extract.data").joinpath(name).read_text("utf-8")
        assert text.startswith("#"), f"{name} should document its own syntax"
        assert not re.search(r"\t", text)


def test_load_indicators_takes_any_iterable_of_paths(tmp_path):
    from pathlib import Path
    f = tmp_path / "x.toml"
    f.write_text('[population]\naliases = ["bevölkerung"]\n', encoding="utf-8")
    for arg in ([str(f)], (f,), str(f), Path(f)):
        assert load_indicators(arg).lookup("Bevölkerung").key == "population"
