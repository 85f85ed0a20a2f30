"""Fast paths of the contacts stage, third round: each gives exactly what the
plain path it replaces gives. Texts are written here in the shapes pages use."""
from __future__ import annotations

import re
from typing import NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from profile_extract.extract import contacts as C
from profile_extract.parse import addresses as A


class Case(NamedTuple):
    name: str
    text: str


# places after a postal code or before one, with stop words, months, days and years around
PLACE_TEXTS = [
    Case("month year", "Mission opened an office in Northgate 8 June 2021\nUpdated: October 2017"),
    Case("copyright", "Copyright 2024 Example Organisation. All rights reserved."),
    Case("stop city", "Tel Aviv 61000, Israel\nThe 10115 Berlin\nIn 2000 The mission opened"),
    Case("day month", "On 2 December 1999 the mission launched a programme in Eastfield."),
    Case("codes", "10115 Berlin\n2500 EB Den Haag\n111 43 Stockholm\nC1001ABC Buenos Aires\n"
                  "00-950 Warszawa\n1250-001 Lisboa\n600 036 Chennai\nCH-3003 Bern 7"),
    Case("city code", "Gomel 246000\nOxford OX1 2AB\nFukuoka 810-0001\nKyiv 04053, Ukraine\nMay 2019"),
    Case("bare street", "Ülikooli 18\n50090 Tartu\nEfstaleiti 9, 103 Reykjavík, Iceland\nAndes 1365, piso 1\n11100 Montevideo"),
    Case("two digits", "Block 12 North\n12 Main Street\n12 34 Stockholm\n45 678 Nowhere\n1 23 Place"),
    Case("stop words", "\n".join(f"{w} 10115\n10115 {w} Town\n2 {w}" for w in sorted(A.CITY_STOP))),
]


@pytest.mark.parametrize("case", PLACE_TEXTS, ids=lambda c: c.name)
def test_gated_keep_leaves_out_only_refused_cities(case, monkeypatch):
    """code_city / city_code matches whose city starts with a stop word are
    left out of _gated (and its memo): find_parts gives what it gives with
    every match, whole scan or gated, memo cold or warm."""
    text = "\n".join([case.text] * 2)
    monkeypatch.setattr(A, "KEEP_ALL", True)
    monkeypatch.setattr(A, "GATED", False)
    want = A.find_parts(text)
    for keep_all in (True, False):
        for gated in (False, True):
            monkeypatch.setattr(A, "KEEP_ALL", keep_all)
            monkeypatch.setattr(A, "GATED", gated)
            monkeypatch.setattr(A, "_WINDOWS", A._Memo())
            assert A.find_parts(text) == want
            assert A.find_parts(text) == want    # (windows remembered)


@pytest.mark.parametrize("case", PLACE_TEXTS, ids=lambda c: c.name)
def test_keep_refuses_what_trim_city_refuses(case):
    """A match KEEP refuses is one whose city _trim_city cuts to nothing."""
    rx = A._rx()
    for name, keep in A.KEEP.items():
        for m in rx[name].finditer(case.text):
            if not keep(m):
                cs, ce = A._trim_city(case.text, *m.span("city"))
                assert ce <= cs


def _code_shapes(order: str) -> list[str]:
    return [row["code"] for row in A.data()["postal"] if row["order"] == order]


# the code shapes of bare_street_place (parse/addresses.py) besides code_city's
_BARE_CODES = [r"\d{3,6}", r"\d{2}-\d{3}", r"\d{4}[ \t]?[A-Z]{2}"]


@pytest.mark.parametrize("code", _code_shapes("code_city") + _BARE_CODES)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_code_place_gate_holds_every_code_before_a_place(code, data):
    """Every postal code of a code-then-city shape, then spaces and a capital,
    holds a match of the code_place gate (so the gate's lines are all that
    code_city and bare_street_place need scanning)."""
    written = data.draw(st.from_regex(rf"\A(?:{code})\Z", fullmatch=True).filter(lambda s: "\n" not in s))
    place = data.draw(st.sampled_from(["Berlin", "St. Gallen", "Ålesund", "Den Haag", "Москва"]))
    gate = A._rx()["_gate_rx"]["code_place"]
    assert gate.search(f"{written} {place}") or gate.search(f"{written}\t{place}")


@pytest.mark.parametrize("case", PLACE_TEXTS, ids=lambda c: c.name)
def test_code_place_gate_lines_cover_code_city_matches(case):
    """Each code_city and bare_street_place match ends on a line the
    code_place gate finds."""
    rx = A._rx()
    lines = A._gate_lines("code_place", case.text, 0, len(case.text))
    for name in ("code_city", "bare_street_place"):
        for m in rx[name].finditer(case.text):
            last = case.text.rfind("\n", 0, m.end() - 1) + 1
            assert any(a == last for a, _ in lines), (name, m.group(0))
