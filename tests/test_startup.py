"""Start-up: what a fresh process imports and builds once (work.warm_up, the
pint registry), checked in fresh interpreters, and the registry's answers
against a plain pint registry holding the same definitions."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from typing import NamedTuple

import pytest

from profile_extract.parse.units import lookup_unit, registry, to_km
from profile_extract.tables.frames import TABLES


def _fresh(code: str) -> dict:
    """Run `code` in a fresh interpreter; it prints one JSON object last."""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr[-2000:]
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("enabled", [True, False])
def test_warm_up_keeps_the_collector_setting_and_freezes_the_heap(enabled):
    got = _fresh(
        "import gc, json\n"
        f"gc.enable() if {enabled} else gc.disable()\n"
        "from profile_extract import work\n"
        "work.warm_up()\n"
        "print(json.dumps({'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count() > 0,\n"
        "                  'warm': work._WARM}))\n")
    assert got == {"enabled": enabled, "frozen": True, "warm": True}


def test_import_for_extract_page_brings_no_pandas_and_load_still_works():
    got = _fresh(
        "import sys, json\n"
        "import profile_extract\n"
        "from profile_extract import extract_page\n"
        "state = {'pandas': 'pandas' in sys.modules, 'pyarrow': 'pyarrow' in sys.modules}\n"
        "from profile_extract import load\n"
        "from profile_extract.load import load_table\n"
        "state['load'] = [load is profile_extract.load, type(profile_extract.load).__name__]\n"
        "print(json.dumps(state))\n")
    assert got == {"pandas": False, "pyarrow": False, "load": [True, "function"]}


@pytest.mark.parametrize("table", TABLES)
def test_pandas_metadata_is_the_one_pyarrow_writes(table):
    import pyarrow as pa

    from profile_extract.tables.fastcheck import pandas_metadata
    from profile_extract.tables.schemas import arrow_schema, to_frame
    want = pa.Table.from_pandas(to_frame(table, []), schema=arrow_schema(table),
                                preserve_index=False).schema.metadata
    assert pandas_metadata(table) == want


# -- the registry against a plain pint registry with the same definitions ------

class Case(NamedTuple):
    written: str


def _plain_registry():
    import pint
    ureg = pint.UnitRegistry(cache_folder=None)
    text = resources.files("profile_extract.data").joinpath("units.txt").read_text("utf-8")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            ureg.define(line)
    return ureg


UNIT_CASES = [Case(w) for w in (
    "km", "mile", "kilometres", "kWh", "hectare", "acre", "ft", "nautical_mile", "km**2",
    "person / km**2", "permille", "percent", "metric_ton", "liter", "degC", "inhabitants",
    "migrants", "zorks", "kg/yr", "pax", "MW", "GWh", "sq_mi")]


@pytest.mark.parametrize("case", UNIT_CASES, ids=lambda c: c.written)
def test_registry_parses_like_a_plain_pint_registry(case):
    plain = _plain_registry()
    try:
        want = str(plain.parse_units(case.written))
    except Exception:
        want = None
    try:
        got = str(registry().parse_units(case.written))
    except Exception:
        got = None
    assert got == want


@pytest.mark.parametrize("value,unit,km", [(60, "mile", 96.56064), (1, "km", 1.0), (5, "nautical_mile", 9.26),
                                           (1000, "m", 1.0)])
def test_to_km_through_the_registry(value, unit, km):
    assert to_km(value, unit) == pytest.approx(km)


def test_lookup_unit_unchanged():
    assert (lookup_unit("kWh"), lookup_unit("kilometres"), lookup_unit("zorks")) == ("kWh", "km", None)
