"""Contacts in the page shapes of the fifth blind set (stop 10): office label
lines under the name line, building numbers before a comma and a street,
numbered roads (`Way No.`), labelled postal codes (`PC 133, City`), local
country names, national numbers given a code by the block's country
(grouped 3-3-3, which is no amount), opening-hour ranges that are no phone.
Strings written for the test, in the same shapes (no page text copied).
"""
from __future__ import annotations

from typing import NamedTuple

import pytest

from profile_extract.extract.contacts import extract_contacts
from profile_extract.ingest.segment import Doc
from profile_extract.parse import addresses as addr
from profile_extract.parse.phones import not_a_phone


class Case(NamedTuple):
    name: str
    text: str
    want: list                     # (kind, value) pairs that must be among the records
    not_want: list = []            # (kind, value) pairs that must not be
    country: str | None = None


def records(text, country=None):
    recs, _ = extract_contacts(Doc.from_text(text, country_iso2=country))
    for r in recs:
        assert r.span.snippet(text) == r.raw
    return recs


def kinds(text, country=None):
    return {(r.kind, r.value) for r in records(text, country)}


CASES = [
    Case("office label under the name line (place + Office)",
         "Reach us\nCoastal Workers Support Network (CWSN)\nHarbour Office\n"
         "Building 12, Corniche Road\nP.O. Box 5521, Manama, Bahrain\nTel: +973 1721 4455\n",
         [("organization", "Coastal Workers Support Network (CWSN)"), ("street", "Corniche Road"),
          ("country", "Bahrain")],
         [("organization", "Harbour Office"), ("street", "12, Corniche Road")]),
    Case("office label with a preposition (Office in + country)",
         "Contacts\nCentre for Labour Mobility Studies (CLMS)\nLiaison Office in Tajikistan\n"
         "22 Rudaki Avenue\nDushanbe 734025, Tajikistan\nTel.: +992 37 221 4455\n",
         [("organization", "Centre for Labour Mobility Studies (CLMS)"), ("street", "22 Rudaki Avenue")],
         [("organization", "Liaison Office in Tajikistan")]),
    Case("French office label (Bureau de)",
         "Nous écrire\nRéseau sahélien des droits des migrants\nBureau de Niamey\n"
         "Avenue du Fleuve 14\nNiamey, Niger\nTél. : +227 20 73 44 55\n",
         [("organization", "Réseau sahélien des droits des migrants")],
         [("organization", "Bureau de Niamey")]),
    Case("a tower's number before the street",
         "Honorary Consulate of Testland\nSuite 903, Crystal Tower 3, Corniche Street\n"
         "P.O. Box 7788, Doha, Qatar\nTel: +974 4412 3300\n",
         [("organization", "Honorary Consulate of Testland"), ("street", "Corniche Street")],
         [("organization", "Crystal Tower"), ("street", "3, Corniche Street")]),
    Case("numbered road and a labelled postal code",
         "Desert Workers Forum\nWay No. 2207, Building 88, Ruwi\nP.O. Box 450, PC 112, Ruwi\n"
         "Sultanate of Oman\nTel: +968 2470 1122\n",
         [("street", "Way No. 2207"), ("postal_code", "112"), ("city", "Ruwi")],
         [("city", "Building"), ("postal_code", "88")]),
    Case("Montenegrin country name gives the national number its code",
         "Address: Njegoševa 12\n81000 Podgorica, Crna Gora\nPhone: 020 611 233\n",
         [("country", "Crna Gora"), ("phone", "+38220611233")]),
    Case("North Macedonian mobile grouped 3-3-3",
         "Address: ul. Partizanska 4\n1000 Skopje, North Macedonia\nMobile: 071 445 902\n",
         [("phone", "+38971445902")]),
    Case("Icelandic country name",
         "Fjarðarmiðstöð\nHafnarstræti 9\nÍsland\nSími: 456 1200\n",
         [("country", "Ísland"), ("phone", "+3544561200")]),
    Case("UAE abbreviation on a city line",
         "Embassy of Testland\n14 Al Nahyan Street\nAbu Dhabi, UAE\nTel: +971 2 441 2200\n",
         [("city", "Abu Dhabi"), ("country", "UAE")]),
    Case("name after a label phrase, number on the next line",
         "Enquiries about this bulletin: Division of Labour Statistics,\nphone +992 37 227 66 10 (ext. 12).\n",
         [("organization", "Division of Labour Statistics"), ("phone", "+992372276610")]),
    Case("municipality name in sentence case, Norwegian labels",
         "Kontakt\nLyngen kommune\nBesøksadresse: Strandveien 24, 9060 Lyngseidet\n"
         "Telefon: 77 70 10 00\n",
         [("organization", "Lyngen kommune"), ("street", "Strandveien 24"), ("city", "Lyngseidet")], [], "NO"),
    Case("Icelandic centre name in sentence case, 3-digit postcode",
         "Hafðu samband\nMiðstöð fjölmenningar á Austurlandi\nKaupvangur 6\n700 Egilsstaðir\nÍsland\n"
         "Sími: 470 1100\n",
         [("organization", "Miðstöð fjölmenningar á Austurlandi"), ("postal_code", "700"),
          ("city", "Egilsstaðir"), ("phone", "+3544701100")]),
    Case("bracketed area code shared by the next number",
         "Tel.: +7 (727) 250-11-22, 250-11-23\n",
         [("phone", "+77272501122"), ("phone", "+77272501123")]),
    Case("postal district after the city, country with a note",
         "Harbour Relief Society\nHead office: 9 Duke Street, Kingston 4, Jamaica W.I.\nTel: (876) 922-1100\n",
         [("city", "Kingston"), ("country", "Jamaica"), ("phone", "+18769221100")],
         [("postal_code", "4")]),
    Case("French PO box with a district number, country on the next line",
         "Maison des migrants\n04 B.P. 118 Dakar 04\nSénégal\nTél. : (+221) 33 820 11 22\n",
         [("city", "Dakar"), ("country", "Sénégal")]),
    Case("a unit and a plaza before the street, parish after the city",
         "Northern branch: Unit 3, Seaview Plaza, 14 Market Street, Ocho Rios, St. Ann\nTel: 876-974-2211\n",
         [("street", "14 Market Street"), ("city", "Ocho Rios")],
         [("street", "Seaview Plaza")]),
    Case("a floor after the street in a labelled value",
         "BRLAN Testland\nAddress | Cara Dušana 21, 3rd floor\n11000 Belgrade, Serbia\nPhone | 011 222 3344\n",
         [("street", "Cara Dušana 21"), ("organization", "BRLAN Testland")],
         [("organization", "Cara Dušana 21")]),
    Case("a province code in brackets before the country",
         "Sede: Via Roma 12, 70121 Bari (BA), Italia – Tel. 080 521 4433\n",
         [("country", "Italia"), ("phone", "+390805214433")], [], "AL"),
    Case("opening hours after a number are no phone",
         "Postadresse: Postboks 12, 9300 Finnsnes\nTelefon: 77 11 22 33 (hverdager 08.00–15.30)\n",
         [("phone", "+4777112233")], [("phone", "+4708001530")], "NO"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_shapes5(case):
    got = kinds(case.text, case.country)
    for w in case.want:
        assert w in got, (w, sorted(got))
    for w in case.not_want:
        assert w not in got, (w, sorted(got))


NOT_PHONES = [
    ("opening hours with dots", "08.00–15.30"),
    ("opening hours with colons", "9:00 - 17:00"),
    ("an amount in space thousands", "20 245 390"),
]
PHONES = [
    ("national number 3-3-3 with a trunk zero", "020 245 390"),
    ("mobile 3-3-3", "070 312 455"),
]


@pytest.mark.parametrize("name,text", NOT_PHONES, ids=[c[0] for c in NOT_PHONES])
def test_not_a_phone(name, text):
    assert not_a_phone(text)


@pytest.mark.parametrize("name,text", PHONES, ids=[c[0] for c in PHONES])
def test_still_a_phone(name, text):
    assert not not_a_phone(text)


ADDRESS_NEGATIVES = [
    ("a code word with no city", "PC 2000 computers were sold"),
    ("a road word and No. without a number", "Road No. unknown yet"),
]


@pytest.mark.parametrize("name,text", ADDRESS_NEGATIVES, ids=[c[0] for c in ADDRESS_NEGATIVES])
def test_no_address_parts(name, text):
    assert not [p for p in addr.find_parts(text) if p.kind in ("street", "postal_code")]


def test_polish_aleja_still_a_street():
    """`Al.` with its dot is Polish `Aleja`; Arabic `Al` without one is no street word."""
    assert ("street", "Al. Ujazdowskie 45") in {(p.kind, p.value) for p in
                                                 addr.find_parts("Al. Ujazdowskie 45, 00-540 Warszawa")}
    assert not [p for p in addr.find_parts("Building 77, Al Nakheel, Sohar") if p.kind == "street"]


NO_CONTACTS = [
    ("a running header's edition year", "ANNUAL MIGRATION REVIEW                              2024 EDITION\nRepublic of Fiji\n"),
    ("a number cut by a search snippet", "<p>… Bamako office, Rue 12 … Tel: +223 44 21 … our team</p>"),
]


@pytest.mark.parametrize("name,text", NO_CONTACTS, ids=[c[0] for c in NO_CONTACTS])
def test_no_contacts(name, text):
    assert not [r for r in records(text) if r.kind in ("phone", "postal_code", "city", "organization")]


def test_lone_repeat_of_a_number_gives_nothing():
    """A `Call us` line repeating the block's number above is no block of its own."""
    text = ("Testland Consulate\n5 Harbour Road\nDubai, United Arab Emirates\nTel: +971 4 300 1122\n\n\n\n"
            "Call us: +971 4 300 1122\n\nConsular section in Sharjah\n")
    recs = records(text)
    assert [r.value for r in recs if r.kind == "phone"] == ["+97143001122"]
    assert [r.value for r in recs if r.kind == "organization"] == ["Testland Consulate"]


def test_office_name_without_a_name_line_above_stays():
    """An `X Office` line is the organisation when nothing but a heading stands above it."""
    text = "Contact us\nPassport Office\n12 Harbour Street\nSuva, Fiji\nTel: +679 330 1122\n"
    assert ("organization", "Passport Office") in kinds(text)
