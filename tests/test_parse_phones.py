"""Phone numbers: shapes by country, slash shorthands, E.164 rules, negatives."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.parse.phones import PHONE_RUN, normalise_phone, not_a_phone, split_run


class Case(NamedTuple):
    text: str
    region: str | None
    value: str
    valid: bool = True


# One number as written -> its value (E.164 when the text or the region gives
# the country code, else the digits as written).
NUMBERS = [
    Case("+375.1 728 82 74 2", None, "+375172882742"),                 # Belarus, odd dots
    Case("+41 22 730 8208", None, "+41227308208"),                     # Switzerland
    Case("+254 20 762 1234", None, "+254207621234"),                   # Kenya
    Case("+49 69 717139-0", None, "+49697171390"),                     # extension dash kept
    Case("+49 (0) 69 \u2013 24 23 14 72", None, "+496924231472"),      # trunk 0 in brackets dropped
    Case("+91-044-2257 0509", None, "+914422570509"),                  # trunk 0 after the code dropped
    Case("+39-06-57051", None, "+390657051"),                          # Italy keeps its 0
    Case("(39-6) 522821", None, "+396522821", False),                  # old Rome form: no 0 added
    Case("(32-2) 743-0600", None, "+3227430600"),                      # code in parentheses
    Case("[32] (2) 733 96 00", None, "+3227339600"),                   # code in brackets
    Case("(216) 71-333-511", None, "+21671333511"),                    # Tunisia, code in parentheses
    Case("(+34) 91 335 44 44", None, "+34913354444"),                  # Spain, plus inside
    Case("+3592-558177", None, "+3592558177"),                         # Bulgaria, code glued to area
    Case("0041 22 917 90 00", None, "+41229179000"),                   # 00 international prefix
    Case("+7 (495) 797-87-22", None, "+74957978722"),                  # Russia
    Case("+1-212-290-4700", None, "+12122904700"),                     # US with code
    Case("(202) 393-2904", "US", "+12023932904"),                      # US national + block country
    Case("212-370-7885", "US", "+12123707885"),
    Case("011 5 15 89 28", "ET", "+251115158928"),                     # Ethiopia from the page
    Case("030 85404-0", "DE", "+4930854040"),                          # Germany from the block
    Case("0300 200 1300", "GB", "+443002001300"),
    Case("06 1234 5678", "IT", "+390612345678"),                       # Italy national
    Case("(202) 393-2904", None, "2023932904"),                        # no country: digits as written
    Case("(04) 771358", None, "04771358"),
    Case("034771 28076", None, "03477128076"),
    Case("(212) 963-8364", None, "2129638364"),                        # 212 is not read as Morocco
    Case("011-41-22-555-9111", None, "+41225559111"),                  # dialled from the US
    Case("+41\u201122\u2011555\u201112\u201134", None, "+41225551234"),  # non-breaking hyphens
    Case("011-23716441", "IN", "+911123716441"),                       # Delhi's 011 stays a trunk code
    Case("+999 1234 5678", None, "+99912345678", False),               # no such country code
]


@pytest.mark.parametrize("case", NUMBERS, ids=[c.text for c in NUMBERS])
def test_normalise(case):
    got = normalise_phone(case.text, case.region)
    assert got.value == case.value
    assert got.valid == case.valid


class Split(NamedTuple):
    run: str
    numbers: list


SPLITS = [
    Split("+41 22 730 8208/54/84", ["+41227308208", "+41227308254", "+41227308284"]),
    Split("+41 22 730 8025/13", ["+41227308025", "+41227308013"]),
    Split("(04) 771358/758700", ["04771358", "04758700"]),
    Split("(216) 71-333-511/7110-3450", ["+21671333511", "+21671103450"]),
    Split("034771/28076", ["03477128076"]),                            # area code / subscriber
    Split("+375 17 288 27 42   +375 17 288 27 43", ["+375172882742", "+375172882743"]),
    Split("+49 69 242314-0 +49 69 242314-20", ["+49692423140", "+496924231420"]),
    # a whole national number (trunk 0, as many digits) after a slash shares only the code
    Split("+263 242 555 100 / 0712 555 100", ["+263242555100", "+263712555100"]),
    Split("+49 30 5550 1234/0171 555 1234", ["+493055501234", "+491715551234"]),
    Split("+39 06 5555 1234 / 06 5555 4321", ["+390655551234", "+390655554321"]),  # Italy keeps its 0
    # fewer digits after the slash, or no trunk 0: the last digits are replaced
    Split("+49 30 5550 1234/01", ["+493055501234", "+493055501201"]),
    Split("+263 242 555 100/0200", ["+263242555100", "+263242550200"]),
]


@pytest.mark.parametrize("case", SPLITS, ids=[c.run for c in SPLITS])
def test_split_run(case):
    got = [normalise_phone(p.text).value for p in split_run(case.run)]
    assert got == case.numbers


def test_split_pieces_point_into_the_run():
    run = "+41 22 730 8208/54/84"
    pieces = split_run(run)
    assert [run[p.start:p.end] for p in pieces] == ["+41 22 730 8208", "54", "84"]


# Shapes that are dates, year ranges, amounts or decimals, never phones.
NOT_PHONES = ["16/06/2010", "2010-06-16", "2015-2020", "1943-44", "1 500 000", "12.345.678",
              "3.14159", "29.11.2005"]


@pytest.mark.parametrize("text", NOT_PHONES)
def test_not_a_phone(text):
    assert not_a_phone(text)


@pytest.mark.parametrize("text", ["212-370-7885", "+41 22 730 8208", "011 5 15 89 28",
                                  "(04) 771358"])
def test_phone_shapes_pass(text):
    assert not not_a_phone(text)


def test_run_stops_at_sentence_dot_and_comma():
    text = "Washington, DC 20004. (202) 393-2904, 0700 123 456."
    runs = [m.group(0) for m in PHONE_RUN.finditer(text)]
    assert runs == ["20004", "(202) 393-2904", "0700 123 456"]


# A national number under a city: the country whose area code for the number
# is that city, when it is not the page's country (phonenumbers' gazetteer).
PLACES = [
    ("057 202 1234", "Kisumu", "DE", "KE"),      # a Kenyan area code under a Kenyan city
    ("0361 555 010", "Erfurt", "FR", "DE"),      # a German one on a French page
    ("022 555 0101", "Geneva", "KE", "CH"),
]
NOT_PLACES = [
    ("057 202 1234", "Kisumu", "KE"),            # the page's country already names the city
    ("030 555 0101", "Berlin", "DE"),
    ("069 94 94 37-0", "Frankfurt", "DE"),       # `Frankfurt am Main` names Frankfurt
    ("+254 57 202 1234", "Kisumu", "DE"),        # the number writes its own code
    ("0722 555 100", "Kisumu", "DE"),            # a mobile names no city
    ("057 202 1234", "Springfield", "DE"),       # no area of that name
]


@pytest.mark.parametrize("number,city,page,want", PLACES)
def test_region_of_place(number, city, page, want):
    from profile_extract.parse.phones import region_of_place
    assert region_of_place(number, city, page) == want


@pytest.mark.parametrize("number,city,page", NOT_PLACES)
def test_not_region_of_place(number, city, page):
    from profile_extract.parse.phones import region_of_place
    assert region_of_place(number, city, page) is None


# ---------------------------------------------------------------- abolished prefixes (stop 10)

ABOLISHED = [
    ("+52 1 81 5555 0100", None, "+528155550100"),      # Mexico's old mobile `1` after +52
    ("01 800 555 0100", "MX", "+528005550100"),         # old long-distance `01`
    ("044 33 5555 0100", "MX", "+523355550100"),        # old mobile prefix from a landline
    ("01 (33) 5555 0100", "MX", "+523355550100"),
]


@pytest.mark.parametrize("text,region,want", ABOLISHED, ids=[t for t, _, _ in ABOLISHED])
def test_abolished_prefixes_dropped(text, region, want):
    pv = normalise_phone(text, region)
    assert (pv.value, pv.valid) == (want, True)


ABOLISHED_KEPT = [
    ("+52 55 5208 4410", None, "+525552084410"),        # a valid number keeps its digits
    ("0800 555 0100", "GB", "+448005550100"),           # no abolished prefix in the data for GB
]


@pytest.mark.parametrize("text,region,want", ABOLISHED_KEPT, ids=[t for t, _, _ in ABOLISHED_KEPT])
def test_valid_numbers_keep_their_prefix(text, region, want):
    assert normalise_phone(text, region).value == want
