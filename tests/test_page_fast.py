"""The speed paths of page info (extract/page.py) agree with the plain paths:
the update-stamp gate and line selection by key words, the one-scan count of
contact blocks, the head-office pre-check. The plain path is what a page takes
when lower-casing would change (?i) matches (doc.extra["lower"] = None).
Test strings are written for these tests."""
from __future__ import annotations

from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profile_extract.extract import page
from profile_extract.extract.page import extract_page_info
from profile_extract.ingest.segment import Doc


class Case(NamedTuple):
    name: str
    text: str


CASES = [
    Case("stamp", "Office notes\nUpdated: 4 May 2019\nThe office in Chile opened in 2001."),
    Case("stamp late in line", "Field Report | Page last modified on 12/03/2020 | Print"),
    Case("german stamp", "Jahresbericht\nStand: März 2024\nDas Büro in Wien."),
    Case("stand without colon", "Übersicht\nStand 2021\nText."),
    Case("french stamp", "Rapport\nMis à jour le 3 févr. 2021\nLe bureau."),
    Case("as of list", "Staff\n–2– As of March 2015 LIST OF OFFICES\nKenya"),
    Case("no gate", "Annual Review\nThe review of 2011 found a change in 2012.\nEdited 2013"),
    Case("keyword, no date", "Standard text\nUpdated regularly\nChanges: many"),
    Case("contacts", "Office A\nTel: +44 20 7946 0000\nFax: +44 20 7946 0001\n\n\n\n\n\n\n\nOffice B\n"
                     "Phone: 555\nbob@example.org"),
    Case("plus across lines", "Ring +4\n4 20 7946\n" + "x\n" * 8 + "write a@b.c"),
    Case("two stamps, other key first", "Bericht\nStand: März 2024\nText.\nUpdated: 4 May 2019\nMore."),
    Case("two stamps, as of first", "List\nAs of March 2015\nKenya\nLast updated 2 June 2016"),
    Case("head office", "Offices\nHead Office\nMain Street 3\nNairobi\nKenya\n\nBranch\n1 Road\nKampala\nUganda"),
    Case("head office first", "  Head Office\nMain Street 3\nNairobi\nKenya\n\nBranch\n1 Road\nKampala\nUganda"),
    Case("head office after tabs", "Offices\n\t Registered office:\n1 Road\nLusaka\nZambia\n\nMain office\nKampala\nUganda"),
    Case("headquarters of a world body", "Headquarters\nWorld Council House\nGeneva\nSwitzerland"),
]

WORDS = ["Updated", "updated:", "Last", "last", "modified", "Revised", "reviewed", "edited", "Change", "changed",
         "Stand", "stand:", "vom", "Aktualisiert", "letzte", "Änderung", "Mis", "mise", "à", "jour", "le",
         "actualizado", "atualizado", "aggiornato", "bijgewerkt", "gewijzigd", "As", "of", "as", "on", "page",
         "3", "12/03/2020", "2019", "May", "März", "févr.", "Monday,", " ", "  ", "\n", "\n\n", ":", "|", "-",
         "Tel:", "+44", "20", "fax", "a@b.co", "Head", "Office", "Headquarters", "Kenya", "Peru", "The", "x"]


def _info(text: str, fast: bool):
    doc = Doc.from_text(text)
    if not fast:
        doc.extra["lower"] = None
    return extract_page_info(doc), page._updated(doc), page._contact_blocks(doc)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_fast_and_plain_paths_agree(case):
    assert _info(case.text, True) == _info(case.text, False)


@pytest.mark.parametrize("case,want", [
    (CASES[0], "2019-05-04"), (CASES[1], "2020-03-12"), (CASES[2], "2024-03"), (CASES[4], "2021-02-03"),
    (CASES[3], None), (CASES[6], None), (CASES[7], None), (CASES[10], "2024-03"), (CASES[11], "2015-03"),
], ids=lambda c: c.name if isinstance(c, Case) else str(c))
def test_updated(case, want):
    assert page._updated(Doc.from_text(case.text))[0] == want


def test_contact_blocks():
    assert page._contact_blocks(Doc.from_text(CASES[8].text)) == 2
    assert page._contact_blocks(Doc.from_text(CASES[9].text)) == 1       # `+4` / `4 20` split by a line break: no number


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=24))
def test_quick_gate_and_stamp_lines(words):
    text = " ".join(words)
    low = text.lower()
    assert page._quick_updated(low) == bool(page._UPDATED_QUICK_LOW.search(low))
    assert _info(text, True) == _info(text, False)


TITLE_PAGES = [
    "Skip to content\nMenu\nOffice of Peru\nAbout | Work | Contact | Donate\nOur work in Peru\nThe office opened in 2001.",
    "Home > Countries > Chile\nChile\nBy Ana Ruiz\nThe mission in Chile began in 1990.",
    "Amal, nurse\n4,210 kms from home\nRead more\n\nIOM in Jordan\nThe office opened in 1999.",
    "Press release No. 2020-0417\nNew office opens\nUpdated: 4 May 2019\nText follows here.",
    "–1– As of January 2010 LIST OF OFFICES AND STAFF (PART V) PART I " + "x " * 200,
    "Site Name\nHome\nWho We Are\nDonate\nA Real Headline\nBody text starts here.",
    "Country Table\nRow | 1 | 2\nmore",
]


@pytest.mark.parametrize("text", TITLE_PAGES)
def test_title_same_with_cold_and_warm_line_cache(text):
    page._cached_facts.cache_clear()
    cold = page._title_text(Doc.from_text(text))
    warm = page._title_text(Doc.from_text(text))
    assert cold == warm


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet=" |–—-1a\t", max_size=12))
def test_clean_title_pre_checks(t):
    plain = " ".join(page._PAGE_NUMBER.sub("", page._BAR_END.sub("", t)).split())
    assert page._clean_title(t) == plain


@pytest.mark.parametrize("case,want", [(CASES[12], "KE"), (CASES[13], "KE"), (CASES[14], "ZM"), (CASES[15], None)],
                         ids=lambda c: c.name if isinstance(c, Case) else str(c))
def test_head_office_country(case, want):
    fast, plain = Doc.from_text(case.text), Doc.from_text(case.text)
    plain.extra["lower"] = None
    assert page._head_office_country(fast) == page._head_office_country(plain) == want


COUNTRY_PAGES = [
    "Our partners\nJapan\nNorway\n\nThe programme in Malawi is funded by the Government of Japan.",
    "Report on Chad\nThe office is based in Chad. Staff fled Sudan and Eritrea to Chad in 2004.",
    "Sponsors\n\nGermany\n\nFrance\nWork in Mali continues; co-funded by Sweden, supported by Mali's Red Cross.",
    "Nepal update\nThey left Nepal for India. Headquarters: Geneva, Switzerland. Nepal's government said so.",
    "Kenya\nRegistered in Kenya; location Nairobi. Mit Unterstützung der Schweiz. Financé par la France.",
]


@pytest.mark.parametrize("text", COUNTRY_PAGES)
def test_country_word_pre_checks_agree_with_plain_path(text):
    fast, plain = Doc.from_text(text), Doc.from_text(text)
    plain.extra["lower"] = None
    assert extract_page_info(fast) == extract_page_info(plain)
    assert page._country_tally(Doc.from_text(text), None) == page._country_tally(plain, None)


def test_key_words_cover_their_phrases():
    d = page._data()
    data = page.load_toml("page.toml")
    for keys, phrases in ((d.seat_keys, data["seat_words"]), (d.donor_keys, data["donor_words"]),
                          (d.origin_keys, data["origin_words"])):
        assert all(page._any_in(keys, p.lower()) for p in phrases)


def test_contact_near_parts_are_the_pattern():
    assert "(?i)" + "|".join(p.pattern[4:] for _, p in page._CONTACT_NEAR_PARTS) == page._CONTACT_NEAR.pattern
    assert all(p.flags == page._CONTACT_NEAR.flags for _, p in page._CONTACT_NEAR_PARTS)


NEAR = ["Tel. 555", "TELEPHONE", "e-mail: x", "P.O. Box 12", "Postfach 3", "write to a@b.org", "+44 20", "(+4 5",
        "1010 Wien", "  12345 Berlin", "D-10115 Berlin", "A- 1010", "x-1234", "the hotel", "Faxe", "born 1990",
        "Stand 2020", "ADDRESS", "mailbox", "\n", " ", "Kenya", "-", "4"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(NEAR), min_size=1, max_size=8), st.integers(0, 6), st.integers(0, 6))
def test_near_contact_by_parts(parts, cut_start, cut_end):
    text = " ".join(parts)
    ws, we = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    want = page._CONTACT_NEAR.search(text, ws, we) is not None
    assert page._near_contact(text, ws, we, {}, text.lower()) == want


LINE_BITS = ["Home", " > ", " » ", " › ", "About us", "Press release", " No. ", "nr. ", "Ref. ", "N° ", "Number ",
             "2023-0417", "12", "MenuClose", "SearchDonate", "×", "x", "Our workWhere", " ", ".", "reference "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINE_BITS), min_size=1, max_size=8))
def test_title_line_pre_checks(bits):
    t = "".join(bits)
    parts = page._CRUMB_SEP.split(t)
    plain_crumb = len(parts) >= 2 and len(t) <= 120 and all(
        p.strip() and len(p.split()) <= 4 and not page._CRUMB_BAD.search(p.strip()) for p in parts)
    assert page._breadcrumb(t) == plain_crumb
    glued = len(page._GLUED.findall(t))
    assert page._glued_menu(t) == (glued >= 3 or (glued >= 2 and " " not in t))
    if page._REFERENCE.match(t):
        assert page._may_be_reference(t)
