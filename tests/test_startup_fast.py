"""Start-up round two: what a page needs no longer builds pint's registry. Distances
take kilometres per unit from parse/distances.KM_PER, which must be what the
registry answers; pages whose units the spelling table knows leave pint unimported,
in a fresh interpreter. Test strings are written for these tests."""
from __future__ import annotations

import json
import subprocess
import sys
from typing import NamedTuple

import pytest

from profile_extract.parse.distances import KM_PER, UNIT_SPELLINGS, find_distances
from profile_extract.parse.units import to_km


def _fresh(code: str) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON object last."""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


def test_every_distance_unit_has_the_registry_figure():
    units = {unit for _, unit in UNIT_SPELLINGS}
    assert set(KM_PER) == units
    for unit in units:
        assert KM_PER[unit] == to_km(1.0, unit), unit


class Case(NamedTuple):
    text: str
    value: float
    unit: str


CASES = [
    Case("she walked 5,701 kms to the camp", 5701.0, "km"),
    Case("a trip of 64 mi. by bus", 64.0, "mile"),
    Case("four thousand miles away", 4000.0, "mile"),
    Case("1.5 million kilometres in all", 1.5e6, "km"),
    Case("2 450 km north", 2450.0, "km"),
    Case("the last 0.3 miles", 0.3, "mile"),
    Case("12'345 Kilometers", 12345.0, "km"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:30])
def test_distance_km_is_the_registry_conversion(case):
    (d,) = find_distances(case.text)
    assert (d.value, d.unit) == (case.value, case.unit)
    assert d.km == case.value * to_km(1.0, case.unit)     # what the code gave before KM_PER


NEGATIVE = ["207,595 km sq", "30 km/h", "5 km²", "an area of 12 square miles"]


@pytest.mark.parametrize("text", NEGATIVE)
def test_no_distance(text):
    assert find_distances(text) == []


def test_pages_with_known_units_leave_pint_unimported():
    got = _fresh(
        "import sys, json\n"
        "from profile_extract import extract_page\n"
        "pr = extract_page(b'Area: 33,846 km sq\\nPopulation (2018): 4.1 million\\n\\n'\n"
        "                  b'Ana walked 3,120 kms from home and 40 miles more.\\n', 'x.txt')\n"
        "print(json.dumps({'pint': 'pint' in sys.modules,\n"
        "                  'km': sorted(s.distance_km for s in pr.stories)}))\n")
    assert got == {"pint": False, "km": [round(40 * to_km(1.0, "mile"), 6), 3120.0]}


def test_warm_up_leaves_pint_to_a_unit_the_table_lacks():
    got = _fresh(
        "import sys, json\n"
        "from profile_extract import work\n"
        "work.warm_up()\n"
        "state = {'after_warm_up': 'pint' in sys.modules}\n"
        "from profile_extract.parse.units import lookup_unit\n"
        "state['kWh'] = lookup_unit('kWh')\n"
        "state['after_lookup'] = 'pint' in sys.modules\n"
        "print(json.dumps(state))\n")
    assert got == {"after_warm_up": False, "kWh": "kWh", "after_lookup": True}


# --- language names: pycountry's rows read as data -----------------------------

def _languages_from_pycountry_objects() -> dict[str, str]:
    """codes._languages as it was built before: from pycountry's language objects."""
    import re

    import pycountry

    from profile_extract.parse.codes import _data
    table, by_name = {}, {}
    for lang in pycountry.languages:
        by_name[lang.name.lower()] = lang.alpha_3
        if hasattr(lang, "alpha_2"):
            name = lang.name.lower()
            table[name] = lang.alpha_3
            table.setdefault(re.sub(r"\s*\(.*\)$", "", name), lang.alpha_3)
            for part in name.split(";"):
                table.setdefault(part.strip(), lang.alpha_3)
    for variant, name in _data().get("language_variants", {}).items():
        table[variant.lower()] = by_name[name.lower()]
    return table


def test_language_rows_are_pycountrys_objects():
    import pycountry

    from profile_extract.parse.codes import _language_rows
    assert _language_rows() == [dict(lang) for lang in pycountry.languages]


def test_language_table_is_the_one_built_from_pycountry_objects():
    from profile_extract.parse.codes import _languages
    got = _languages()
    assert list(got.items()) == list(_languages_from_pycountry_objects().items())
    assert len(got) > 180 and got["swahili"] == "swa" and got["english"] == "eng"


# --- warm_up's one collection ---------------------------------------------------

def test_warm_up_leaves_almost_no_garbage_in_the_frozen_heap():
    """warm_up collects the young generations only, where everything it made is:
    a full collection of the unfrozen heap afterwards finds little (without any
    collection it finds several hundred objects)."""
    got = _fresh(
        "import gc, json\n"
        "from profile_extract import work\n"
        "work.warm_up()\n"
        "frozen = gc.get_freeze_count()\n"
        "gc.unfreeze()\n"
        "print(json.dumps({'frozen': frozen > 10000, 'garbage': gc.collect()}))\n")
    assert got["frozen"] and got["garbage"] < 100, got
